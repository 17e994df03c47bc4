"""How a table of the dataset is declared: its columns, each of a kind (an id, a reference, a
date, a vocabulary value, …), required or not, with the vocabulary it takes or the tables it
points to, and the values it may hold: a number's range, a date's years, the column that states
a date's precision, the dates it may not precede, the folder a path stays inside."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Literal

from helpers.evidence.vocabularies import Vocabulary

ColumnKind = Literal[
    "id",
    "ref",
    "ref_list",
    "text",
    "date",
    "enum",
    "enum_list",
    "number",
    "integer",
    "sha256",
    "url",
]

COLUMN_KIND_WORDS: dict[str, str] = {
    "id": "id",
    "ref": "id reference",
    "ref_list": "list of id references",
    "text": "text",
    "date": "date (ISO prefix)",
    "enum": "one value of a vocabulary",
    "enum_list": "list of vocabulary values",
    "number": "number",
    "integer": "whole number",
    "sha256": "SHA-256 digest",
    "url": "web address (http or https)",
}
"""How the data dictionary names each kind of column."""

Years = Literal["book", "published", "horizon"]
"""Which years a date may fall in (see :mod:`helpers.evidence.ranges`): the book's years, those
of a publication (up to the current year), or a prediction's horizon (up to its limit ahead)."""

ID_PATTERN = r"[a-z0-9]+(?:-[a-z0-9]+)*"
SHA256_RE = re.compile(r"^[0-9a-f]{64}$")
URL_PATTERN = r"https?://[^\s<>\"`{}|\\^]+"
"""A web address: http or https, and no space or character that a link cannot hold."""
LIST_SEPARATOR = ";"


@dataclass(frozen=True)
class Range:
    """The values a number may take: ``low`` to ``high`` inclusive, whole numbers only when
    ``whole`` is set."""

    low: float
    high: float
    whole: bool = False

    def __contains__(self, value: float) -> bool:
        return self.low <= value <= self.high and (not self.whole or float(value).is_integer())

    def words(self) -> str:
        """The range as a reader sees it: ``whole numbers from 0 to 10,000``."""
        span = f"{self.low:,.15g} to {self.high:,.15g}"
        return f"whole numbers from {span}" if self.whole else span


@dataclass(frozen=True)
class Column:
    """One column of a table: its kind, whether a value is required, and what it may hold.

    ``range`` bounds a number, or ``ranges`` does by the value of the column ``range_by`` (a
    figure's value by its unit); ``choices`` gives the values allowed for each value of the
    column ``choices_by`` (a figure's units by its metric); ``years`` says which years a date
    (or a year) may fall in; ``precision`` names the column that states how exactly a date is
    known; ``not_before`` names the dates of the same row that this one may not precede (for a
    reference to an event: that event's date); ``inside`` is the project folder that a path
    must stay inside.
    """

    name: str
    kind: ColumnKind
    description: str
    required: bool = True
    vocabulary: Vocabulary | None = None
    references: tuple[str, ...] = ()
    range: Range | None = None
    range_by: str | None = None
    ranges: Mapping[str, Range] | None = None
    choices_by: str | None = None
    choices: Mapping[str, tuple[str, ...]] | None = None
    years: Years | None = None
    precision: str | None = None
    not_before: tuple[str, ...] = ()
    inside: str | None = None

    @property
    def is_list(self) -> bool:
        """Whether a cell holds several ``;``-separated values."""
        return self.kind in ("ref_list", "enum_list")


@dataclass(frozen=True)
class Table:
    """One CSV table of ``data/``: its file, id column, id prefix and columns.

    ``later_record`` marks a table of the later record: rows taken from publications after the
    five articles, which are never evidence of them (no chapter's scope or measure reads them).
    """

    name: str
    id_prefix: str
    description: str
    columns: tuple[Column, ...]
    years: Years = "book"  # the years its dates may fall in, where a column does not say
    needs_evidence: bool = False
    may_be_empty: bool = False
    optional_columns: tuple[str, ...] = field(default=())
    later_record: bool = False

    @property
    def file_name(self) -> str:
        """The CSV file name in the data folder."""
        return f"{self.name}.csv"

    @property
    def id_column(self) -> str:
        """The name of the id column (always the first column)."""
        return self.columns[0].name

    @property
    def column_names(self) -> tuple[str, ...]:
        """Every declared column name, in order."""
        return tuple(c.name for c in self.columns)

    def column(self, name: str) -> Column:
        """The declared column called ``name``."""
        for col in self.columns:
            if col.name == name:
                return col
        raise KeyError(name)

    def __post_init__(self) -> None:
        # a date whose column does not say which years it may fall in takes the table's years:
        # the book's, or up to the current year for records published after the articles
        dated = tuple(
            replace(c, years=self.years) if c.kind == "date" and c.years is None else c
            for c in self.columns
        )
        object.__setattr__(self, "columns", dated)


def split_list(cell: str) -> list[str]:
    """Split a ``;``-separated cell into its stripped, non-empty items."""
    return [item.strip() for item in cell.split(LIST_SEPARATOR) if item.strip()]


def id_column(name: str, prefix: str, what: str) -> Column:
    """The id column of a table: ``prefix`` and lower-case words."""
    return Column(name, "id", f"Stable id of the {what}: '{prefix}-' and lower-case words.")
