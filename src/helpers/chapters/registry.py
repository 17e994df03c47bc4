"""The registry of chapters: each chapter notebook of ``_toc.yml`` has a module of the same name in
this package, which declares its parameters (``Params``) and holds its rules. A chapter's module
may be a package (``chronology/``): it counts as one chapter, and the modules inside it do not.

Chapters are named as their notebooks (``chronology`` for ``chapters/chronology.ipynb``) and
looked up by name here; the list of chapters itself is the table of contents
(:func:`helpers.chapters.contents.chapter_names`).
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterable, Mapping
from functools import cache
from types import ModuleType
from typing import TYPE_CHECKING

from helpers.analysis import coercion
from helpers.analysis import params as declarations
from helpers.analysis.params import ChapterParams, Parameter, ParameterError

if TYPE_CHECKING:
    from helpers.evidence import Dataset

_NOT_CHAPTERS = frozenset({"contents", "registry", "opening", "common", "findings"})
"""Modules of this package that are not chapters."""


@cache
def chapter_modules() -> tuple[str, ...]:
    """The names of the chapter modules of this package, in alphabetical order."""
    import helpers.chapters

    return tuple(
        info.name
        for info in pkgutil.iter_modules(helpers.chapters.__path__)
        if info.name not in _NOT_CHAPTERS and not info.name.startswith("_")
    )


def module(chapter: str) -> ModuleType:
    """The module of ``chapter`` (``helpers.chapters.<chapter>``)."""
    if chapter not in chapter_modules():
        raise ParameterError(
            f"{chapter!r} is not a chapter; chapters: {', '.join(chapter_modules())}"
        )
    return importlib.import_module(f"helpers.chapters.{chapter}")


def definition(chapter: str) -> type[ChapterParams]:
    """The parameter declaration of ``chapter``: its module's ``Params``."""
    return module(chapter).Params


def parameters(chapter: str) -> list[Parameter]:
    """The declared parameters of ``chapter``, in declaration order."""
    return declarations.parameters(definition(chapter))


def defaults(chapter: str) -> dict[str, object]:
    """Each parameter of ``chapter`` and its default, lists as lists (as the notebook has them)."""
    return declarations.defaults(definition(chapter))


def validate(
    chapter: str, values: Mapping[str, object], dataset: Dataset | None = None
) -> ChapterParams:
    """The typed parameters of ``chapter``: its defaults updated with ``values``, checked."""
    return coercion.coerce(definition(chapter), values, dataset)


def resolve_overrides(
    chapters: Iterable[str], overrides: Mapping[str, object], dataset: Dataset | None = None
) -> dict[str, ChapterParams]:
    """Each chapter's typed parameters with the ``overrides`` it declares applied."""
    return coercion.resolve_overrides([definition(c) for c in chapters], overrides, dataset)
