"""Small hand-made datasets for the unit tests of the chapters' rules.

A test writes only the rows and columns that matter to it; :func:`dataset` fills every other
column of the schema with an empty cell (:func:`support.rows.full_row`) and types the tables as
:func:`helpers.evidence.load` does (list cells as tuples, numbers as floats, events with their
``start``, ``end``, ``year`` and ``end_year``), without seeds or validation: the rows are the
test's own.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

import pandas as pd

from helpers.analysis.scope import Scope
from helpers.evidence import Dataset
from helpers.evidence.dataset import _typed, _with_periods
from helpers.evidence.schema import TABLES
from helpers.evidence.vocabularies import THEMES
from support.rows import full_row


def dataset(**tables: Sequence[Mapping[str, object]]) -> Dataset:
    """A dataset of the given rows (``events=[{...}, ...]``); tables not given are empty."""
    unknown = set(tables) - {t.name for t in TABLES}
    if unknown:
        raise ValueError(f"not tables of the schema: {sorted(unknown)}")
    frames = {}
    for table in TABLES:
        rows = [full_row(table, row) for row in tables.get(table.name, [])]
        if any(not row[table.id_column] for row in rows):
            raise ValueError(f"{table.name}: every row needs its {table.id_column}")
        raw = pd.DataFrame(rows, columns=list(table.column_names), dtype=object)
        raw.index = pd.RangeIndex(2, 2 + len(raw))
        frames[table.name] = _typed(table, raw)
    frames["events"] = _with_periods(frames["events"])
    return Dataset(data_dir=Path("handmade"), seeds={}, **frames)


def scope(
    data: Dataset,
    sources: Sequence[str] = (),
    start_year: int = 1900,
    end_year: int = 2100,
    themes: Sequence[str] = tuple(THEMES),
) -> Scope:
    """The scope of ``data`` for these sources (all when empty), years and themes."""
    chosen = tuple(sources) or tuple(data.sources.sort_values("published").index)
    return Scope(data, chosen, start_year, end_year, tuple(themes))
