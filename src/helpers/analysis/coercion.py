"""Typing and checking parameter values: the defaults of a chapter's declaration updated with the
values given, each typed and checked before anything is computed.

:func:`coerce` refuses an unknown name, a value of the wrong type, an unknown source id or
vocabulary value, an empty list where one is needed and a reversed year range, each with one
:class:`~helpers.analysis.params.ParameterError` sentence naming the parameter and the valid
choices. Values may be given typed (from a notebook) or as text (from the command line's
``-p NAME VALUE``): ``2015`` for an integer, ``true``/``false`` for a switch, and
``["a", "b"]`` (JSON) or ``a,b`` for a list.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from helpers.analysis.params import (
    ALL,
    ChapterParams,
    Parameter,
    ParameterError,
    defaults,
    parameters,
)

if TYPE_CHECKING:
    from helpers.evidence import Dataset


def _integer(param: Parameter, value: object) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        number = value
    elif isinstance(value, str) and value.strip().lstrip("+-").isdigit():
        number = int(value.strip())
    else:
        raise ParameterError(
            f"{param.name} must be an integer (e.g. {param.example}), got {value!r}"
        )
    low, high = param.minimum, param.maximum
    if (low is not None and number < low) or (high is not None and number > high):
        bounds = f"between {low} and {high}" if high is not None else f"at least {low}"
        raise ParameterError(f"{param.name} must be {bounds}, got {number}")
    return number


_TRUE = ("true", "yes", "1", "on")
_FALSE = ("false", "no", "0", "off")


def _switch(param: Parameter, value: object) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in _TRUE + _FALSE:
        return value.strip().lower() in _TRUE
    raise ParameterError(f"{param.name} must be true or false, got {value!r}")


def _text(param: Parameter, value: object) -> str:
    if isinstance(value, str):
        return value
    raise ParameterError(f"{param.name} must be text (e.g. {param.example}), got {value!r}")


def _names(param: Parameter, value: object) -> tuple[str, ...]:
    items: object = value
    if isinstance(value, str):
        text = value.strip()
        if text.startswith("["):
            try:
                items = json.loads(text)
            except json.JSONDecodeError:
                items = None
        else:
            items = [item.strip() for item in text.split(",") if item.strip()]
    if isinstance(items, list | tuple) and all(isinstance(item, str) for item in items):
        return tuple(items)
    raise ParameterError(
        f"{param.name} must be a list of names (e.g. {param.example} or a,b), got {value!r}"
    )


def _typed(param: Parameter, value: object) -> object:
    if param.is_list:
        return _names(param, value)
    if param.type is int:
        return _integer(param, value)
    if param.type is bool:
        return _switch(param, value)
    return _text(param, value)


def _check_choices(param: Parameter, value: tuple[str, ...], dataset: Dataset | None) -> None:
    choices = param.choices
    if choices is None:
        return
    valid = choices.valid(dataset)
    shown = ", ".join(valid)
    if param.nonempty and not value:
        raise ParameterError(f"{param.name} must name at least one {choices.what}; valid: {shown}")
    article = "an" if choices.what[0] in "aeiou" else "a"
    for item in value:
        if item not in valid:
            raise ParameterError(
                f"{param.name}: {item!r} is not {article} {choices.what}; valid: {shown}"
            )
    if choices.allows_all and ALL in value and len(value) > 1:
        raise ParameterError(
            f"{param.name}: {ALL!r} cannot be combined with other values; give 'all' alone "
            f"or a list of: {', '.join(valid[1:])}"
        )


def _dataset_for(data_dir: str) -> Dataset:
    from helpers.evidence import DataError, load

    try:
        return load(data_dir)
    except DataError as err:
        raise ParameterError(
            f"sources cannot be checked: the data in {data_dir!r} has {len(err.problems)} "
            "problem(s) (run python -m helpers validate)"
        ) from None


def coerce(
    definition: type[ChapterParams],
    values: Mapping[str, object],
    dataset: Dataset | None = None,
) -> ChapterParams:
    """The typed parameters of a chapter: its ``definition``'s defaults updated with
    ``values``, checked.

    ``dataset`` supplies the valid source ids; when it is not given and ``sources`` names any,
    the data in ``data_dir`` is loaded to check them. Raises :class:`ParameterError`.
    """
    declared = {p.name: p for p in parameters(definition)}
    for name in values:
        if name not in declared:
            raise ParameterError(
                f"{name} is not a parameter of {definition.chapter}; "
                f"valid parameters: {', '.join(declared)}"
            )
    typed: dict[str, object] = {}
    for name, param in declared.items():
        typed[name] = _typed(param, values[name]) if name in values else param.default
    if typed["start_year"] > typed["end_year"]:  # type: ignore[operator]
        raise ParameterError(
            f"start_year ({typed['start_year']}) is after end_year ({typed['end_year']})"
        )
    for name, param in declared.items():
        if param.is_list and param.choices is not None:
            needs_data = param.choices.needs_dataset and typed[name] and dataset is None
            source = _dataset_for(str(typed["data_dir"])) if needs_data else dataset
            _check_choices(param, typed[name], source)  # type: ignore[arg-type]
    return definition(**typed)


def resolve_overrides(
    definitions: Iterable[type[ChapterParams]],
    overrides: Mapping[str, object],
    dataset: Dataset | None = None,
) -> dict[str, ChapterParams]:
    """Each chapter's typed parameters, by chapter name, with the ``overrides`` it declares
    applied.

    A name that none of the chapters declares is refused, naming the valid parameters.
    """
    definitions = list(definitions)
    declared = {d.chapter: [p.name for p in parameters(d)] for d in definitions}
    known = list(dict.fromkeys(n for names in declared.values() for n in names))
    for name in overrides:
        if name not in known:
            where = definitions[0].chapter if len(definitions) == 1 else "any chapter built"
            raise ParameterError(
                f"{name} is not a parameter of {where}; valid parameters: {', '.join(known)}"
            )
    return {
        d.chapter: coerce(
            d, {k: v for k, v in overrides.items() if k in declared[d.chapter]}, dataset
        )
        for d in definitions
    }


def changed_values(
    resolved: Mapping[str, ChapterParams], names: Iterable[str]
) -> dict[str, object]:
    """Of the parameters ``names``, those whose resolved value differs from its default.

    Each is compared in the first chapter that declares it; lists are returned as lists.
    """
    changed: dict[str, object] = {}
    for name in names:
        for values in resolved.values():
            declared = defaults(type(values))
            if name in declared:
                value = values.as_dict()[name]
                if value != declared[name]:
                    changed[name] = value
                break
    return changed
