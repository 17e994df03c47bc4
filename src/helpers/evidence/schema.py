"""The one schema of the dataset: every table, its columns, the vocabulary each column takes, the
tables each reference points to and the values each column may hold
(:mod:`~helpers.evidence.ranges`). The tables are declared in
:mod:`~helpers.evidence.article_tables` (the five articles' evidence) and
:mod:`~helpers.evidence.record_tables` (records from outside them); the vocabularies in
:mod:`~helpers.evidence.vocabularies`.

Everything else derives from the declarations: the pandera schemas that check each table
(:mod:`helpers.evidence.cells`), the cross-table checks (:mod:`helpers.evidence.checks`), the
typed columns that :func:`helpers.evidence.load` returns, the data dictionary of the book's
appendix and the data package.
"""

from __future__ import annotations

from helpers.evidence.article_tables import (
    ACTORS,
    CITATIONS,
    CLAIMS,
    DEALS,
    EVENTS,
    EVIDENCE,
    FIGURES,
    SOURCES,
)
from helpers.evidence.columns import (
    COLUMN_KIND_WORDS,
    ID_PATTERN,
    LIST_SEPARATOR,
    SHA256_RE,
    URL_PATTERN,
    Column,
    ColumnKind,
    Table,
    split_list,
)
from helpers.evidence.ranges import STANCES_FOR_SUBJECT
from helpers.evidence.record_tables import LATER_RECORD, OUTCOMES, SOURCE_RECORD

__all__ = [
    "ACTORS",
    "ARTICLE_TABLES",
    "CITATIONS",
    "CLAIMS",
    "COLUMN_KIND_WORDS",
    "DEALS",
    "EVENTS",
    "EVIDENCE",
    "FIGURES",
    "ID_PATTERN",
    "LATER_RECORD",
    "LATER_TABLES",
    "LIST_SEPARATOR",
    "OUTCOMES",
    "SHA256_RE",
    "SOURCES",
    "SOURCE_RECORD",
    "STANCES_FOR_SUBJECT",
    "TABLES",
    "URL_PATTERN",
    "Column",
    "ColumnKind",
    "Table",
    "split_list",
    "table_of_id",
]

ARTICLE_TABLES: tuple[Table, ...] = (
    SOURCES,
    ACTORS,
    EVENTS,
    DEALS,
    FIGURES,
    CLAIMS,
    EVIDENCE,
    CITATIONS,
    SOURCE_RECORD,
)
"""The tables of the five articles' evidence: everything the chapters count."""

LATER_TABLES: tuple[Table, ...] = (LATER_RECORD, OUTCOMES)
"""The tables of the later record, kept apart from the articles' evidence."""

TABLES: tuple[Table, ...] = ARTICLE_TABLES + LATER_TABLES
TABLES_BY_NAME: dict[str, Table] = {t.name: t for t in TABLES}
ID_PREFIXES: dict[str, str] = {t.id_prefix: t.name for t in TABLES}


def table_of_id(identifier: str) -> str | None:
    """The table an id belongs to, from its prefix (``ev-…`` → ``events``), or None."""
    prefix = identifier.split("-", 1)[0]
    return ID_PREFIXES.get(prefix)
