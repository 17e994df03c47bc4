"""The parameters of every chapter: one typed definition, checked before anything is computed.

Each chapter notebook declares its parameters in a cell tagged ``parameters`` with the defaults
given here (a test keeps the two identical), then calls :func:`validate`::

    from helpers import params
    P = params.validate("chronology", dict(data_dir=data_dir, start_year=start_year, ...))

:func:`validate` refuses an unknown name, a value of the wrong type, an unknown source id or
vocabulary value, an empty list where one is needed and a reversed year range, each with one
:class:`ParameterError` sentence naming the parameter and the valid choices. Values may be given
typed (from the notebook) or as text (from the command line's ``-p NAME VALUE``): ``2015`` for an
integer, ``true``/``false`` for a switch, and ``["a", "b"]`` (JSON) or ``a,b`` for a list.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, get_type_hints

from helpers import schema

if TYPE_CHECKING:
    from helpers.data import Dataset

FIRST_YEAR = 1900
LAST_YEAR = 2100
ALL = "all"


class ParameterError(ValueError):
    """A parameter value that a chapter refuses; the message is one sentence for people."""


@dataclass(frozen=True)
class Choices:
    """The values a parameter (or each item of a list parameter) may take."""

    what: str
    values: Callable[[Dataset | None], Sequence[str]]
    needs_dataset: bool = False
    allows_all: bool = False

    def valid(self, dataset: Dataset | None) -> list[str]:
        """The valid values, ``all`` first when it is allowed."""
        return ([ALL] if self.allows_all else []) + list(self.values(dataset))


def _source_ids(dataset: Dataset | None) -> Sequence[str]:
    return [] if dataset is None else sorted(dataset.sources.index)


SOURCES = Choices("source id", _source_ids, needs_dataset=True)
THEMES = Choices("theme", lambda _: list(schema.THEMES), allows_all=True)
EVENT_CATEGORIES = Choices(
    "event category", lambda _: list(schema.EVENT_CATEGORIES), allows_all=True
)
DEAL_SECTORS = Choices("deal sector", lambda _: list(schema.DEAL_SECTORS), allows_all=True)
CLAIM_TOPICS = Choices("claim topic", lambda _: list(schema.CLAIM_TOPICS), allows_all=True)


def _param(
    default: Any,
    help: str,
    *,
    example: str,
    choices: Choices | None = None,
    nonempty: bool = False,
    minimum: int | None = None,
    maximum: int | None = None,
) -> Any:
    """A dataclass field carrying what :func:`validate` checks about the parameter."""
    meta = {
        "help": help,
        "example": example,
        "choices": choices,
        "nonempty": nonempty,
        "minimum": minimum,
        "maximum": maximum,
    }
    return field(default=default, metadata=meta)


@dataclass(frozen=True)
class ChapterParams:
    """The parameters every chapter declares; lists are held as tuples."""

    chapter: ClassVar[str] = ""

    data_dir: str = _param(
        "../data", "Folder of the data tables, relative to chapters/.", example="'../data'"
    )
    start_year: int = _param(
        1947, "First year shown.", example="2015", minimum=FIRST_YEAR, maximum=LAST_YEAR
    )
    end_year: int = _param(
        2021, "Last year shown.", example="2021", minimum=FIRST_YEAR, maximum=LAST_YEAR
    )
    sources: tuple[str, ...] = _param(
        (),
        "Source ids whose evidence is used; empty means every source.",
        example='["src-pf-2018"]',
        choices=SOURCES,
    )
    themes: tuple[str, ...] = _param(
        (ALL,),
        "Themes shown, or all.",
        example='["energy", "defence"]',
        choices=THEMES,
        nonempty=True,
    )
    tables_dir: str = _param(
        "../_build/tables",
        "Folder the chapter writes the CSV of every table and figure into, under <chapter>/.",
        example="'../_build/tables'",
    )

    def table_path(self, file_name: str) -> Path:
        """Where this chapter writes the table ``file_name``: ``<tables_dir>/<chapter>/``.

        The folder is created when missing.
        """
        folder = Path(self.tables_dir) / self.chapter
        folder.mkdir(parents=True, exist_ok=True)
        return folder / file_name

    @property
    def theme_names(self) -> tuple[str, ...]:
        """The selected themes, with ``all`` spelled out."""
        return tuple(schema.THEMES) if ALL in self.themes else self.themes

    def as_dict(self) -> dict[str, object]:
        """Every parameter and its value, lists as lists (as a notebook declares them)."""
        return {
            f.name: list(value) if isinstance(value := getattr(self, f.name), tuple) else value
            for f in dataclasses.fields(self)
        }


@dataclass(frozen=True)
class ChronologyParams(ChapterParams):
    """Parameters of the chronology."""

    chapter: ClassVar[str] = "chronology"

    categories: tuple[str, ...] = _param(
        (ALL,),
        "Event categories shown, or all.",
        example='["visit", "exercise"]',
        choices=EVENT_CATEGORIES,
        nonempty=True,
    )


@dataclass(frozen=True)
class MilitaryTiesParams(ChapterParams):
    """Parameters of the chapter on military ties."""

    chapter: ClassVar[str] = "military_ties"

    include_planned: bool = _param(
        True, "Whether planned (not yet reported as held) events are shown.", example="true"
    )


@dataclass(frozen=True)
class EnergyDealsParams(ChapterParams):
    """Parameters of the chapter on energy deals."""

    chapter: ClassVar[str] = "energy_deals"

    sectors: tuple[str, ...] = _param(
        ("energy", "industry"),
        "Deal sectors shown, or all.",
        example='["energy"]',
        choices=DEAL_SECTORS,
        nonempty=True,
    )


@dataclass(frozen=True)
class AfghanistanChinaParams(ChapterParams):
    """Parameters of the chapter on Afghanistan and China."""

    chapter: ClassVar[str] = "afghanistan_china"

    claim_topics: tuple[str, ...] = _param(
        ("russia_motives", "pakistan_motives", "afghanistan", "china", "india", "united_states"),
        "Topics of the claims offered as explanations of the rapprochement, or all.",
        example='["china"]',
        choices=CLAIM_TOPICS,
        nonempty=True,
    )


@dataclass(frozen=True)
class ContestedClaimsParams(ChapterParams):
    """Parameters of the chapter on contested claims."""

    chapter: ClassVar[str] = "contested_claims"

    claim_topics: tuple[str, ...] = _param(
        (ALL,),
        "Claim topics discussed, or all.",
        example='["trust"]',
        choices=CLAIM_TOPICS,
        nonempty=True,
    )
    min_voices: int = _param(
        2, "Fewest evidence rows a claim needs to be shown.", example="2", minimum=1
    )


@dataclass(frozen=True)
class SourcesMethodParams(ChapterParams):
    """Parameters of the chapter on sources and method."""

    chapter: ClassVar[str] = "sources_method"


@dataclass(frozen=True)
class DataAppendixParams(ChapterParams):
    """Parameters of the data appendix."""

    chapter: ClassVar[str] = "data_appendix"


DEFINITIONS: dict[str, type[ChapterParams]] = {
    cls.chapter: cls
    for cls in (
        ChronologyParams,
        MilitaryTiesParams,
        EnergyDealsParams,
        AfghanistanChinaParams,
        ContestedClaimsParams,
        SourcesMethodParams,
        DataAppendixParams,
    )
}
"""Each chapter's parameter definition, by chapter name."""


@dataclass(frozen=True)
class Parameter:
    """One declared parameter of a chapter, read off its definition."""

    name: str
    type: Any
    default: object
    help: str
    example: str
    choices: Choices | None
    nonempty: bool
    minimum: int | None
    maximum: int | None

    @property
    def is_list(self) -> bool:
        """Whether the parameter holds a list of names."""
        return self.type == tuple[str, ...]


def definition(chapter: str) -> type[ChapterParams]:
    """The parameter definition of ``chapter``."""
    try:
        return DEFINITIONS[chapter]
    except KeyError:
        raise ParameterError(
            f"{chapter!r} is not a chapter; chapters: {', '.join(DEFINITIONS)}"
        ) from None


def parameters(chapter: str) -> list[Parameter]:
    """The declared parameters of ``chapter``, in declaration order."""
    cls = definition(chapter)
    hints = get_type_hints(cls)
    found = []
    for f in dataclasses.fields(cls):
        found.append(Parameter(name=f.name, type=hints[f.name], default=f.default, **f.metadata))
    return found


def defaults(chapter: str) -> dict[str, object]:
    """Each parameter of ``chapter`` and its default, lists as lists (as the notebook has them)."""
    return {p.name: list(p.default) if p.is_list else p.default for p in parameters(chapter)}  # type: ignore[call-overload]


# ----------------------------------------------------------------------------------------------
# Typing a value
# ----------------------------------------------------------------------------------------------


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


# ----------------------------------------------------------------------------------------------
# Checking values against their choices
# ----------------------------------------------------------------------------------------------


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
    from helpers.data import DataError, load

    try:
        return load(data_dir)
    except DataError as err:
        raise ParameterError(
            f"sources cannot be checked: the data in {data_dir!r} has {len(err.problems)} "
            "problem(s) (run python -m helpers validate)"
        ) from None


def validate(
    chapter: str, values: Mapping[str, object], dataset: Dataset | None = None
) -> ChapterParams:
    """The typed parameters of ``chapter``: its defaults updated with ``values``, checked.

    ``dataset`` supplies the valid source ids; when it is not given and ``sources`` names any,
    the data in ``data_dir`` is loaded to check them. Raises :class:`ParameterError`.
    """
    declared = {p.name: p for p in parameters(chapter)}
    for name in values:
        if name not in declared:
            raise ParameterError(
                f"{name} is not a parameter of {chapter}; valid parameters: {', '.join(declared)}"
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
    return definition(chapter)(**typed)


def resolve_overrides(
    chapters: Iterable[str], overrides: Mapping[str, object], dataset: Dataset | None = None
) -> dict[str, ChapterParams]:
    """Each chapter's typed parameters with the ``overrides`` it declares applied.

    A name that none of ``chapters`` declares is refused, naming the valid parameters.
    """
    chapters = list(chapters)
    declared = {name: [p.name for p in parameters(name)] for name in chapters}
    known = list(dict.fromkeys(n for names in declared.values() for n in names))
    for name in overrides:
        if name not in known:
            where = chapters[0] if len(chapters) == 1 else "any chapter built"
            raise ParameterError(
                f"{name} is not a parameter of {where}; valid parameters: {', '.join(known)}"
            )
    return {
        chapter: validate(
            chapter, {k: v for k, v in overrides.items() if k in declared[chapter]}, dataset
        )
        for chapter in chapters
    }


def changed_values(
    resolved: Mapping[str, ChapterParams], names: Iterable[str]
) -> dict[str, object]:
    """Of the parameters ``names``, those whose resolved value differs from its default.

    Each is compared in the first chapter that declares it; lists are returned as lists.
    """
    changed: dict[str, object] = {}
    for name in names:
        for chapter, values in resolved.items():
            declared = defaults(chapter)
            if name in declared:
                value = values.as_dict()[name]
                if value != declared[name]:
                    changed[name] = value
                break
    return changed
