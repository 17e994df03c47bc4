"""Reading one table strictly: UTF-8, well-formed CSV quoting, the declared header, one record
per row, each row keeping the line of the file it starts on."""

from __future__ import annotations

import csv
import difflib
import io
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from helpers.evidence import inputs
from helpers.evidence.inputs import Refused, read_limited
from helpers.evidence.location import shown
from helpers.evidence.problems import Problem
from helpers.evidence.schema import Table


@dataclass
class RawTable:
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


def read_table(path: Path, table: Table, problems: list[Problem]) -> RawTable | None:
    """The table at ``path`` read strictly as strings, or None after adding its problems."""
    display = shown(path)
    if not path.exists():
        problems.append(Problem(display, None, None, f"file is missing: the {table.name} table"))
        return None
    try:
        raw = read_limited(path, inputs.MAX_TABLE_BYTES, "a data table")
    except Refused as refused:
        problems.append(Problem(display, None, None, str(refused)))
        return None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        byte = raw[err.start : err.start + 1].hex()
        problems.append(
            Problem(display, line, None, f"is not UTF-8 text: byte 0x{byte} cannot be decoded")
        )
        return None
    if not text.strip():
        problems.append(
            Problem(display, None, None, "is empty: expected a header row and data rows")
        )
        return None

    try:
        header, rows, lines = _records(text)
    except _CsvError as err:
        problems.append(
            Problem(
                display,
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
                    display,
                    1,
                    name or f"column {position}",
                    f"is not a column of {table.file_name}{hint}",
                )
            )
            bad_header = True
    if len(set(header)) != len(header):
        dupes = sorted({h for h in header if header.count(h) > 1})
        problems.append(Problem(display, 1, dupes[0], "appears twice in the header"))
        bad_header = True
    for name in declared:
        if name not in header:
            problems.append(Problem(display, 1, name, "column is missing from the header"))
            bad_header = True
    if bad_header:
        return None

    width = len(header)
    good_rows: list[list[str]] = []
    good_lines: list[int] = []
    for row, line in zip(rows, lines, strict=True):
        if len(row) != width:
            problems.append(
                Problem(display, line, None, f"has {len(row)} fields but the header has {width}")
            )
            continue
        good_rows.append(list(map(str.strip, row)))
        good_lines.append(line)
    if not rows and not table.may_be_empty:
        problems.append(Problem(display, None, None, "has a header but no rows"))
        return None
    # a table of records from outside the articles may be empty: a dataset need not have them
    frame = pd.DataFrame(good_rows, columns=header, index=good_lines, dtype=object)
    return RawTable(frame[list(declared)], display)
