"""Load and validate ``data/``: every problem at once, each as ``file:line: column: problem``.

:func:`load` is the only way notebooks, tests and the command line read the data. It reads the
CSV files strictly (:mod:`~helpers.evidence.reading`), checks every cell with the pandera schemas
(:mod:`~helpers.evidence.cells`), then checks what one table cannot see alone
(:mod:`~helpers.evidence.checks`). Only a dataset with no problem is returned, typed.
"""

from __future__ import annotations

import datetime
import gc
import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from helpers.evidence.bounds import book_years, check_orders, check_precisions, check_ranges
from helpers.evidence.cells import check_cells
from helpers.evidence.checks import (
    Skip,
    check_evidence,
    check_ids,
    check_quotes,
    check_references,
    load_seeds,
)
from helpers.evidence.coherence import (
    check_dates,
    check_figures,
    check_horizons,
    check_origins,
    check_records,
    check_reported_dates,
)
from helpers.evidence.dates import period
from helpers.evidence.later import check_later_record, check_outcomes
from helpers.evidence.location import default_data_dir, shown
from helpers.evidence.problems import DataError, Problem
from helpers.evidence.quotes import Seed, Span
from helpers.evidence.reading import RawTable, read_table
from helpers.evidence.schema import TABLES, Table, split_list


@dataclass
class Dataset:
    """The validated, typed tables and the seed texts they quote.

    ``later_record`` and ``outcomes`` are the later record and its scorecard: publications
    after the five articles, kept apart from their evidence (see :mod:`helpers.evidence.later`).
    """

    data_dir: Path
    sources: pd.DataFrame
    actors: pd.DataFrame
    events: pd.DataFrame
    deals: pd.DataFrame
    figures: pd.DataFrame
    claims: pd.DataFrame
    evidence: pd.DataFrame
    citations: pd.DataFrame
    source_record: pd.DataFrame
    later_record: pd.DataFrame
    outcomes: pd.DataFrame
    seeds: dict[str, Seed] = field(repr=False)

    def table(self, name: str) -> pd.DataFrame:
        """The table called ``name`` (``events``, ``evidence``, …)."""
        return getattr(self, name)

    def span(self, evidence_id: str) -> Span:
        """Where the quote of an evidence row stands in its raw seed."""
        row = self.evidence.loc[evidence_id]
        found = self.seeds[row["source_id"]].find(row["quote"])
        if found is None:  # load() has checked every quote
            raise KeyError(evidence_id)
        return found


def _typed(table: Table, raw: pd.DataFrame) -> pd.DataFrame:
    frame = raw.copy()
    for column in table.columns:
        values = frame[column.name]
        if column.is_list:
            frame[column.name] = values.map(lambda v: tuple(split_list(v)))
        elif column.kind == "number":
            frame[column.name] = pd.to_numeric(values.replace("", None)).astype("float64")
        elif column.kind == "integer":
            frame[column.name] = pd.to_numeric(values.replace("", None)).astype("Int64")
    frame.index = pd.Index(frame[table.id_column].to_list())
    frame.insert(0, "line", raw.index.to_numpy())
    return frame


def _with_periods(events: pd.DataFrame) -> pd.DataFrame:
    """Add ``start``/``end`` timestamps and ``year``/``end_year`` from date and precision."""
    starts, ends = [], []
    for date, precision, end_date in zip(
        events["date"], events["date_precision"], events["end_date"], strict=True
    ):
        if not date:
            starts.append(pd.NaT)
            ends.append(pd.NaT)
            continue
        start, end = period(date, precision)
        if end_date:
            end = period(end_date)[1]
        starts.append(start)
        ends.append(end)
    events = events.copy()
    events["start"] = pd.to_datetime(pd.Series(starts, index=events.index))
    events["end"] = pd.to_datetime(pd.Series(ends, index=events.index))
    events["year"] = events["start"].dt.year.astype("Int64")
    events["end_year"] = events["end"].dt.year.astype("Int64")
    return events


def _resolve(data_dir: str | os.PathLike[str] | None) -> Path:
    return Path(data_dir) if data_dir is not None else default_data_dir()


def _read_and_check(data_dir: Path) -> tuple[list[Problem], dict[str, RawTable], dict[str, Seed]]:
    problems: list[Problem] = []
    if not data_dir.is_dir():
        return (
            [Problem(shown(data_dir), None, None, "is not a folder with the data tables")],
            {},
            {},
        )
    raws: dict[str, RawTable] = {}
    for table in TABLES:
        raw = read_table(data_dir / table.file_name, table, problems)
        if raw is not None:
            raws[table.name] = raw

    # cells that fail their column check are not checked again by the cross-table checks
    skip: Skip = {}
    for table in TABLES:
        raw = raws.get(table.name)
        if raw is None:
            continue
        before = len(problems)
        check_cells(raw, table, problems)
        skip[table.name] = {(p.line, p.column) for p in problems[before:]}

    # values out of their range are reported, and not checked again, before anything reads them
    years = book_years(raws, skip, datetime.datetime.now(datetime.UTC).date())
    for table in TABLES:
        if table.name in raws:
            check_ranges(raws[table.name], table, years, problems, skip[table.name])
            check_precisions(raws[table.name], table, problems, skip[table.name])

    owner = check_ids(raws, problems)
    check_references(raws, owner, problems, skip)
    if "events" in raws:
        check_dates(raws["events"], problems, skip["events"])
    if "figures" in raws:
        check_figures(raws["figures"], problems, skip["figures"])
    if "claims" in raws:
        check_horizons(raws["claims"], problems, skip["claims"])
    check_evidence(raws, owner, problems, skip)
    if "evidence" in raws:
        check_reported_dates(raws["evidence"], problems, skip["evidence"])
    check_origins(raws, problems, skip)
    if "source_record" in raws:
        check_records(raws["source_record"], problems, skip["source_record"])
    if "later_record" in raws:
        check_later_record(raws["later_record"], problems, skip["later_record"])
    check_outcomes(raws, problems, skip)
    check_orders(raws, problems, skip)
    seeds: dict[str, Seed] = {}
    if "sources" in raws:
        seeds = load_seeds(raws["sources"], data_dir, problems, skip["sources"])
    for name in ("evidence", "citations"):
        if name in raws:
            check_quotes(raws[name], seeds, problems, skip[name])
    return _ordered(problems), raws, seeds


def _ordered(problems: Iterable[Problem]) -> list[Problem]:
    """Problems grouped by file in table order, then by line; duplicates dropped."""
    order = {f"{t.name}.csv": i for i, t in enumerate(TABLES)}
    unique = list(dict.fromkeys(problems))
    return sorted(unique, key=lambda p: (order.get(Path(p.file).name, -1), p.file, p.line or 0))


@contextmanager
def _cycle_collection_paused() -> Iterator[None]:
    """Pause Python's cycle collector while the tables are read and checked.

    Reading makes millions of small lists and strings, none of which can form a reference
    cycle; the collector would otherwise walk all of them again and again as they accumulate
    (reading the largest benchmark tables took two and a half times as long). It is switched
    back on afterwards, also when reading fails.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def validate(data_dir: str | os.PathLike[str] | None = None) -> list[Problem]:
    """Every problem in the data folder (empty when the data is valid)."""
    with _cycle_collection_paused():
        problems, _, _ = _read_and_check(_resolve(data_dir))
    return problems


def load(data_dir: str | os.PathLike[str] | None = None) -> Dataset:
    """The validated, typed dataset in ``data_dir`` (default: the project's ``data/``).

    Raises :class:`DataError` listing every problem when the data is not valid. List cells become
    tuples, numbers floats, and events gain ``start``, ``end``, ``year`` and ``end_year``.
    Every table is indexed by its id and keeps the CSV ``line`` each row came from.
    """
    folder = _resolve(data_dir)
    with _cycle_collection_paused():
        problems, raws, seeds = _read_and_check(folder)
        if problems:
            raise DataError(problems)
        tables = {t.name: _typed(t, raws[t.name].frame) for t in TABLES}
        tables["events"] = _with_periods(tables["events"])
    return Dataset(data_dir=folder, seeds=seeds, **tables)
