"""Load and validate ``data/``: every problem at once, each as ``file:line: column: problem``.

:func:`load` is the only way notebooks, tests and the command line read the data. It reads the
CSV files strictly (UTF-8, well-formed quoting, the declared header), checks every cell with the
pandera schemas of :mod:`helpers.schema`, then checks what one table cannot see alone: unique ids
across tables, references, evidence for every fact, stances, date precisions, seed checksums and
that every quote is found in its seed. Only a dataset with no problem is returned, typed.
"""

from __future__ import annotations

import csv
import difflib
import gc
import hashlib
import io
import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from helpers import schema
from helpers.provenance import Seed, Span
from helpers.schema import TABLES, Table, split_list


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the data, located as precisely as possible."""

    file: str
    line: int | None
    column: str | None
    message: str

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        text = (
            f"{where}: {self.column}: {self.message}" if self.column else f"{where}: {self.message}"
        )
        return text.replace("\r", "\\r").replace("\n", "\\n")


class DataError(Exception):
    """The data is not valid; ``problems`` lists every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        count = len(problems)
        head = f"{count} problem{'s' if count != 1 else ''} in the data"
        super().__init__(head + ":\n" + "\n".join(str(p) for p in problems))


@dataclass
class Dataset:
    """The validated, typed tables and the seed texts they quote."""

    data_dir: Path
    sources: pd.DataFrame
    actors: pd.DataFrame
    events: pd.DataFrame
    deals: pd.DataFrame
    figures: pd.DataFrame
    claims: pd.DataFrame
    evidence: pd.DataFrame
    citations: pd.DataFrame
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


# ----------------------------------------------------------------------------------------------
# Reading
# ----------------------------------------------------------------------------------------------


def default_data_dir() -> Path:
    """The project's ``data/`` folder, found from the working directory upwards.

    Works from the project root, from ``chapters/`` (where notebooks run) and from ``tests/``.
    """
    here = Path.cwd()
    for folder in (here, *here.parents):
        if (folder / "data" / "sources.csv").is_file() and (folder / "seeds").is_dir():
            return folder / "data"
    return here / "data"


def _display(path: Path) -> str:
    """``path`` relative to the working directory when it lies below it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


Skip = dict[str, set[tuple[int | None, str | None]]]
"""Per table, the (line, column) cells already reported as malformed."""


@dataclass
class _RawTable:
    """A CSV file read as strings, with the file line of each row as index."""

    frame: pd.DataFrame
    display: str


class _CsvError(Exception):
    """A record that strict CSV parsing refuses, with the line it starts on."""

    def __init__(self, line: int, reason: csv.Error) -> None:
        super().__init__(f"line {line}: {reason}")
        self.line, self.reason = line, reason


def _numbered_records_line_by_line(text: str) -> list[tuple[list[str], int]]:
    """Every record with the line it starts on, tracking lines as the reader goes."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    numbered: list[tuple[list[str], int]] = []
    start = 1
    try:
        for row in reader:
            numbered.append((row, start))
            start = reader.line_num + 1
    except csv.Error as err:
        raise _CsvError(start, err) from None
    return numbered


def _numbered_records(text: str) -> list[tuple[list[str], int]]:
    """Every record, parsed strictly, with the line it starts on; raises :class:`_CsvError`
    naming the line of a malformed record.

    When every record is one line (no line break inside a quoted cell, no bare carriage
    return), a record's line is its position and the file is parsed in one go; otherwise the
    lines are tracked record by record.
    """
    try:
        records = list(csv.reader(io.StringIO(text, newline=""), strict=True))
    except csv.Error:
        return _numbered_records_line_by_line(text)  # raises, naming the line
    physical_lines = text.count("\n") + (not text.endswith("\n"))
    if len(records) != physical_lines or text.count("\r") != text.count("\r\n"):
        return _numbered_records_line_by_line(text)
    return list(zip(records, range(1, len(records) + 1), strict=True))


def _records(text: str) -> tuple[list[str], list[list[str]], list[int]]:
    """The header, the records that are not blank and the line each record starts on."""
    numbered = _numbered_records(text)
    header = [h.strip() for h in numbered[0][0]] if numbered else []
    kept = [(row, line) for row, line in numbered[1:] if "".join(row).strip()]
    return header, [row for row, _ in kept], [line for _, line in kept]


def _read_csv(path: Path, table: Table, problems: list[Problem]) -> _RawTable | None:
    shown = _display(path)
    if not path.is_file():
        problems.append(Problem(shown, None, None, f"file is missing: the {table.name} table"))
        return None
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        byte = raw[err.start : err.start + 1].hex()
        problems.append(
            Problem(shown, line, None, f"is not UTF-8 text: byte 0x{byte} cannot be decoded")
        )
        return None
    if not text.strip():
        problems.append(Problem(shown, None, None, "is empty: expected a header row and data rows"))
        return None

    try:
        header, rows, lines = _records(text)
    except _CsvError as err:
        problems.append(
            Problem(
                shown,
                err.line,
                None,
                f"is not well-formed CSV ({err.reason}): "
                "check the quoting of the row starting here",
            )
        )
        return None

    declared = table.column_names
    bad_header = False
    for position, name in enumerate(header, start=1):
        if name not in declared:
            near = difflib.get_close_matches(name, declared, n=1)
            hint = (
                f"; did you mean '{near[0]}'?" if near else f"; columns are: {', '.join(declared)}"
            )
            problems.append(
                Problem(
                    shown,
                    1,
                    name or f"column {position}",
                    f"is not a column of {table.file_name}{hint}",
                )
            )
            bad_header = True
    if len(set(header)) != len(header):
        dupes = sorted({h for h in header if header.count(h) > 1})
        problems.append(Problem(shown, 1, dupes[0], "appears twice in the header"))
        bad_header = True
    for name in declared:
        if name not in header:
            problems.append(Problem(shown, 1, name, "column is missing from the header"))
            bad_header = True
    if bad_header:
        return None

    width = len(header)
    good_rows: list[list[str]] = []
    good_lines: list[int] = []
    for row, line in zip(rows, lines, strict=True):
        if len(row) != width:
            problems.append(
                Problem(shown, line, None, f"has {len(row)} fields but the header has {width}")
            )
            continue
        good_rows.append(list(map(str.strip, row)))
        good_lines.append(line)
    if not rows:
        problems.append(Problem(shown, None, None, "has a header but no rows"))
        return None
    frame = pd.DataFrame(good_rows, columns=header, index=good_lines, dtype=object)
    return _RawTable(frame[list(declared)], shown)


# ----------------------------------------------------------------------------------------------
# Checks
# ----------------------------------------------------------------------------------------------


def _check_cells(raw: _RawTable, table: Table, problems: list[Problem]) -> None:
    """Run the table's pandera schema and turn each failure into a located problem."""
    import pandera.errors

    frame = raw.frame
    try:
        schema.pandera_schema(table).validate(frame, lazy=True)
    except pandera.errors.SchemaErrors as errors:
        cases = errors.failure_cases
        found = []
        for case in cases.itertuples(index=False):
            line = None if pd.isna(case.index) else int(case.index)
            value = case.failure_case
            message = str(case.check)
            if message == "is empty":
                text = "is empty (a value is required)"
            else:
                text = f"{value!r} {message}"
            found.append(Problem(raw.display, line, str(case.column), text))
        found.sort(
            key=lambda p: (
                p.line or 0,
                table.column_names.index(p.column or "") if p.column in table.column_names else 0,
            )
        )
        problems.extend(found)


def _check_ids(raws: dict[str, _RawTable], problems: list[Problem]) -> dict[str, str]:
    """Ids are unique within and across tables; returns every id → its table name."""
    owner: dict[str, str] = {}
    first_seen: dict[str, tuple[str, int]] = {}
    for table in TABLES:
        raw = raws.get(table.name)
        if raw is None:
            continue
        for line, identifier in raw.frame[table.id_column].items():
            if not identifier:
                continue
            if identifier in first_seen:
                file, at = first_seen[identifier]
                where = f"line {at}" if file == raw.display else f"{file}:{at}"
                problems.append(
                    Problem(
                        raw.display,
                        line,
                        table.id_column,
                        f"{identifier!r} is a duplicate id (first used at {where})",
                    )
                )
                continue
            first_seen[identifier] = (raw.display, line)
            owner[identifier] = table.name
    return owner


def _check_references(
    raws: dict[str, _RawTable], owner: dict[str, str], problems: list[Problem], skip: Skip
) -> None:
    for table in TABLES:
        raw = raws.get(table.name)
        if raw is None:
            continue
        bad = skip.get(table.name, set())
        unread = {t.name for t in TABLES if t.name not in raws}
        for column in table.columns:
            if not column.references:
                continue
            allowed = " or ".join(column.references)
            for line, cell in raw.frame[column.name].items():
                if not cell or (line, column.name) in bad:
                    continue
                # cells are stripped when read: one without a separator is one id
                for ref in split_list(cell) if schema.LIST_SEPARATOR in cell else (cell,):
                    target = owner.get(ref)
                    if target is None and schema.table_of_id(ref) in unread:
                        continue  # its table could not be read: that problem is reported already
                    if target is None:
                        problems.append(
                            Problem(
                                raw.display, line, column.name, f"{ref!r} is not an id in {allowed}"
                            )
                        )
                    elif target not in column.references:
                        problems.append(
                            Problem(
                                raw.display,
                                line,
                                column.name,
                                f"{ref!r} is an id in {target}, expected one in {allowed}",
                            )
                        )


def _check_dates(raw: _RawTable, problems: list[Problem], skip: set) -> None:
    """Events: the date's form matches its precision; spans run forwards."""
    frame = raw.frame
    for line, date, precision, end, basis in zip(
        frame.index,
        frame["date"],
        frame["date_precision"],
        frame["end_date"],
        frame["date_basis"],
        strict=True,
    ):
        if (line, "date") in skip or (line, "date_precision") in skip:
            continue
        if precision == "undated":
            if date:
                problems.append(
                    Problem(
                        raw.display,
                        line,
                        "date",
                        f"{date!r} is given but date_precision is 'undated'",
                    )
                )
            if basis != "undated" and (line, "date_basis") not in skip:
                problems.append(
                    Problem(
                        raw.display,
                        line,
                        "date_basis",
                        f"{basis!r} must be 'undated' for an undated event",
                    )
                )
            continue
        if not date:
            problems.append(
                Problem(
                    raw.display,
                    line,
                    "date",
                    f"is empty but date_precision is {precision!r} (use 'undated')",
                )
            )
            continue
        form = schema.date_precision_of(date)
        if precision == "decade":
            if form != "year" or int(date) % 10:
                problems.append(
                    Problem(
                        raw.display,
                        line,
                        "date",
                        f"{date!r} is not the first year of a decade (e.g. 1980)",
                    )
                )
        elif form != precision:
            problems.append(
                Problem(
                    raw.display,
                    line,
                    "date_precision",
                    f"{precision!r} does not match the date {date!r}, which is given to the {form}",
                )
            )
        if end and (line, "end_date") not in skip and period(end)[1] < period(date, precision)[0]:
            problems.append(
                Problem(raw.display, line, "end_date", f"{end!r} is before the date {date!r}")
            )


def _check_evidence(
    raws: dict[str, _RawTable], owner: dict[str, str], problems: list[Problem], skip: Skip
) -> None:
    evidence = raws.get("evidence")
    if evidence is None:
        return
    bad = skip.get("evidence", set())
    attested: set[str] = set()
    frame = evidence.frame
    for line, subject, stance in zip(
        frame.index, frame["subject_id"], frame["stance"], strict=True
    ):
        attested.add(subject)
        kind = owner.get(subject)
        if kind is None or (line, "stance") in bad:
            continue
        allowed = schema.STANCES_FOR_SUBJECT.get(kind, ())
        if stance not in allowed:
            problems.append(
                Problem(
                    evidence.display,
                    line,
                    "stance",
                    f"{stance!r} is not a stance for {kind} (use {', '.join(allowed)})",
                )
            )
    for table in TABLES:
        raw = raws.get(table.name)
        if raw is None or not table.needs_evidence:
            continue
        for line, identifier in raw.frame[table.id_column].items():
            if identifier and identifier not in attested:
                problems.append(
                    Problem(
                        raw.display,
                        line,
                        table.id_column,
                        f"{identifier!r} has no evidence row in evidence.csv",
                    )
                )


def _rows(frame: pd.DataFrame) -> Iterable[tuple[int, dict[str, str]]]:
    """``(line, row)`` pairs like ``DataFrame.iterrows`` gives, each row a dict (much faster)."""
    return zip(frame.index, frame.to_dict("records"), strict=True)


def _check_figures(raw: _RawTable, problems: list[Problem], skip: set) -> None:
    for line, row in _rows(raw.frame):
        if {(line, "value"), (line, "value_max"), (line, "qualifier")} & skip:
            continue
        has_max = bool(row["value_max"])
        if row["qualifier"] == "range" and not has_max:
            problems.append(
                Problem(raw.display, line, "value_max", "is empty but qualifier is 'range'")
            )
        elif has_max and row["qualifier"] != "range":
            problems.append(
                Problem(
                    raw.display,
                    line,
                    "qualifier",
                    f"{row['qualifier']!r} must be 'range' when value_max is given",
                )
            )
        elif has_max and float(row["value_max"]) < float(row["value"]):
            problems.append(
                Problem(
                    raw.display,
                    line,
                    "value_max",
                    f"{row['value_max']!r} is less than value {row['value']!r}",
                )
            )


def _load_seeds(
    raw: _RawTable, data_dir: Path, problems: list[Problem], skip: set
) -> dict[str, Seed]:
    """Read each source's seed, check its SHA-256, and return the seeds by source id."""
    seeds: dict[str, Seed] = {}
    root = data_dir.parent
    for line, row in _rows(raw.frame):
        if (line, "seed_file") in skip:
            continue
        path = root / row["seed_file"]
        if not path.is_file():
            problems.append(
                Problem(raw.display, line, "seed_file", f"{row['seed_file']!r} does not exist")
            )
            continue
        content = path.read_bytes()
        digest = hashlib.sha256(content).hexdigest()
        if (line, "sha256") not in skip and digest != row["sha256"]:
            problems.append(
                Problem(
                    raw.display,
                    line,
                    "sha256",
                    f"{row['sha256'][:12]}… does not match {row['seed_file']} "
                    f"(its SHA-256 is {digest[:12]}…): the seed has changed",
                )
            )
        try:
            seeds[row["source_id"]] = Seed(content.decode("utf-8"))
        except UnicodeDecodeError:
            problems.append(
                Problem(raw.display, line, "seed_file", f"{row['seed_file']!r} is not UTF-8 text")
            )
    return seeds


def _check_quotes(
    raw: _RawTable, seeds: dict[str, Seed], problems: list[Problem], skip: set
) -> None:
    frame = raw.frame
    for line, quote, source_id in zip(frame.index, frame["quote"], frame["source_id"], strict=True):
        if (line, "quote") in skip or (line, "source_id") in skip:
            continue
        seed = seeds.get(source_id)
        if seed is None or not quote:
            continue
        if not seed.contains(quote):
            shown = quote if len(quote) <= 60 else quote[:57] + "..."
            problems.append(
                Problem(
                    raw.display,
                    line,
                    "quote",
                    f"{shown!r} is not found in the seed of {source_id}",
                )
            )


# ----------------------------------------------------------------------------------------------
# Typing
# ----------------------------------------------------------------------------------------------


def period(date: str, precision: str = "") -> tuple[pd.Timestamp, pd.Timestamp]:
    """First and last day covered by an ISO date prefix (a decade when ``precision`` says so)."""
    parts = [int(x) for x in date.split("-")]
    if precision == "decade":
        return pd.Timestamp(parts[0], 1, 1), pd.Timestamp(parts[0] + 9, 12, 31)
    if len(parts) == 1:
        return pd.Timestamp(parts[0], 1, 1), pd.Timestamp(parts[0], 12, 31)
    if len(parts) == 2:
        start = pd.Timestamp(parts[0], parts[1], 1)
        return start, start + pd.offsets.MonthEnd(0)
    day = pd.Timestamp(*parts)
    return day, day


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


# ----------------------------------------------------------------------------------------------
# Entry points
# ----------------------------------------------------------------------------------------------


def _resolve(data_dir: str | os.PathLike[str] | None) -> Path:
    return Path(data_dir) if data_dir is not None else default_data_dir()


def _read_and_check(data_dir: Path) -> tuple[list[Problem], dict[str, _RawTable], dict[str, Seed]]:
    problems: list[Problem] = []
    if not data_dir.is_dir():
        return (
            [Problem(_display(data_dir), None, None, "is not a folder with the data tables")],
            {},
            {},
        )
    raws: dict[str, _RawTable] = {}
    for table in TABLES:
        raw = _read_csv(data_dir / table.file_name, table, problems)
        if raw is not None:
            raws[table.name] = raw

    # cells that fail their column check are not checked again by the cross-table checks
    skip: Skip = {}
    for table in TABLES:
        raw = raws.get(table.name)
        if raw is None:
            continue
        before = len(problems)
        _check_cells(raw, table, problems)
        skip[table.name] = {(p.line, p.column) for p in problems[before:]}

    owner = _check_ids(raws, problems)
    _check_references(raws, owner, problems, skip)
    if "events" in raws:
        _check_dates(raws["events"], problems, skip["events"])
    if "figures" in raws:
        _check_figures(raws["figures"], problems, skip["figures"])
    _check_evidence(raws, owner, problems, skip)
    seeds: dict[str, Seed] = {}
    if "sources" in raws:
        seeds = _load_seeds(raws["sources"], data_dir, problems, skip["sources"])
    for name in ("evidence", "citations"):
        if name in raws:
            _check_quotes(raws[name], seeds, problems, skip[name])
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
