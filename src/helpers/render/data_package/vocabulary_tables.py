"""The vocabularies as the package publishes them: their names, which tables use them, and the
table of every value with its meaning."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from helpers.evidence import schema, vocabularies
from helpers.evidence.schema import Table
from helpers.evidence.vocabularies import Vocabulary


def vocabulary_name(vocabulary: Vocabulary) -> str:
    """The name of a vocabulary: its constant in :mod:`helpers.evidence.vocabularies`, lower
    case (``DEAL_STATUSES`` → ``deal_statuses``)."""
    for name, value in vars(vocabularies).items():
        if value is vocabulary and name.isupper():
            return name.lower()
    raise KeyError("the vocabulary is not declared in helpers.evidence.vocabularies")


def vocabularies_used(tables: Iterable[Table] = schema.TABLES) -> dict[str, list[str]]:
    """Every vocabulary the tables use, by name, with the columns (``table.column``) that take
    it, in schema order."""
    used: dict[str, list[str]] = {}
    for table in tables:
        for column in table.columns:
            if column.vocabulary is not None:
                name = vocabulary_name(column.vocabulary)
                used.setdefault(name, []).append(f"{table.name}.{column.name}")
    return used


def vocabulary(name: str) -> Vocabulary:
    """The vocabulary called ``name`` (:func:`vocabulary_name`)."""
    return getattr(vocabularies, name.upper())


def vocabulary_table(tables: Iterable[Table] = schema.TABLES) -> pd.DataFrame:
    """Every value of every vocabulary the tables use: the vocabulary, the value (the code
    stored in the data), its meaning and the columns that take it."""
    rows = [
        {
            "vocabulary": name,
            "value": code,
            "meaning": meaning,
            "used_in": ";".join(columns),
        }
        for name, columns in vocabularies_used(tables).items()
        for code, meaning in vocabulary(name).items()
    ]
    return pd.DataFrame(rows, columns=["vocabulary", "value", "meaning", "used_in"])
