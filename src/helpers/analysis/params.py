"""The parameters of the chapters: what every chapter declares, and how a declaration is written.

A chapter declares its parameters once, as a frozen dataclass deriving from
:class:`ChapterParams` in its module under :mod:`helpers.chapters`; each field is made with
:func:`param`, which records what :mod:`helpers.analysis.coercion` checks about it (an example,
the valid choices, bounds). The notebook's ``parameters`` cell holds the same defaults as
literal assignments, because papermill injects values by rewriting that cell.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, get_type_hints

from helpers.evidence import vocabularies
from helpers.evidence.errors import ReportedError

if TYPE_CHECKING:
    from helpers.evidence import Dataset

FIRST_YEAR = 1900
LAST_YEAR = 2100
ALL = "all"


class ParameterError(ReportedError, ValueError):
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
THEMES = Choices("theme", lambda _: list(vocabularies.THEMES), allows_all=True)
EVENT_CATEGORIES = Choices(
    "event category", lambda _: list(vocabularies.EVENT_CATEGORIES), allows_all=True
)
DEAL_SECTORS = Choices("deal sector", lambda _: list(vocabularies.DEAL_SECTORS), allows_all=True)
CLAIM_TOPICS = Choices("claim topic", lambda _: list(vocabularies.CLAIM_TOPICS), allows_all=True)


def param(
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

    data_dir: str = param(
        "../data", "Folder of the data tables, relative to chapters/.", example="'../data'"
    )
    start_year: int = param(
        1947, "First year shown.", example="2015", minimum=FIRST_YEAR, maximum=LAST_YEAR
    )
    end_year: int = param(
        2021, "Last year shown.", example="2021", minimum=FIRST_YEAR, maximum=LAST_YEAR
    )
    sources: tuple[str, ...] = param(
        (),
        "Source ids whose evidence is used; empty means every source.",
        example='["src-pf-2018"]',
        choices=SOURCES,
    )
    themes: tuple[str, ...] = param(
        (ALL,),
        "Themes shown, or all.",
        example='["energy", "defence"]',
        choices=THEMES,
        nonempty=True,
    )
    tables_dir: str = param(
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
        return tuple(vocabularies.THEMES) if ALL in self.themes else self.themes

    def as_dict(self) -> dict[str, object]:
        """Every parameter and its value, lists as lists (as a notebook declares them)."""
        return {
            f.name: list(value) if isinstance(value := getattr(self, f.name), tuple) else value
            for f in dataclasses.fields(self)
        }


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


def parameters(definition: type[ChapterParams]) -> list[Parameter]:
    """The parameters a chapter's ``definition`` declares, in declaration order."""
    hints = get_type_hints(definition)
    return [
        Parameter(name=f.name, type=hints[f.name], default=f.default, **f.metadata)
        for f in dataclasses.fields(definition)
    ]


def defaults(definition: type[ChapterParams]) -> dict[str, object]:
    """Each parameter of ``definition`` and its default, lists as lists (as a notebook's
    ``parameters`` cell has them)."""
    return {p.name: list(p.default) if p.is_list else p.default for p in parameters(definition)}  # type: ignore[call-overload]
