"""How a table of the dataset is declared: its columns, each of a kind (an id, a reference, a
date, a vocabulary value, …), required or not, with the vocabulary it takes or the tables it
points to."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
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

ID_PATTERN = r"[a-z0-9]+(?:-[a-z0-9]+)*"
SHA256_RE = re.compile(r"^[0-9a-f]{64}$")
URL_PATTERN = r"https?://[^\s<>\"`{}|\\^]+"
"""A web address: http or https, and no space or character that a link cannot hold."""
LIST_SEPARATOR = ";"


@dataclass(frozen=True)
class Column:
    """One column of a table: its kind, whether a value is required, and what it may hold."""

    name: str
    kind: ColumnKind
    description: str
    required: bool = True
    vocabulary: Vocabulary | None = None
    references: tuple[str, ...] = ()

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


def split_list(cell: str) -> list[str]:
    """Split a ``;``-separated cell into its stripped, non-empty items."""
    return [item.strip() for item in cell.split(LIST_SEPARATOR) if item.strip()]
