"""The check of every cell, one pandera schema per table built from the declarations of
:mod:`helpers.evidence.schema`, and its failures turned into located problems."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

import pandas as pd

from helpers.evidence.dates import date_problem
from helpers.evidence.problems import Problem
from helpers.evidence.reading import RawTable
from helpers.evidence.schema import (
    ID_PATTERN,
    SHA256_RE,
    URL_PATTERN,
    Column,
    Table,
    split_list,
)

if TYPE_CHECKING:  # pandera is imported lazily: it is only needed to validate
    import pandera.pandas as pa


def _cell_problem(column: Column, prefix: str | None) -> tuple[str, object]:
    """A (message, element-wise predicate) pair that checks one non-empty cell of ``column``."""
    if column.kind == "id":
        pattern = re.compile(rf"^{prefix}-{ID_PATTERN}$")
        return (
            f"is not an id of the form '{prefix}-words' (lower-case letters, digits, hyphens)",
            lambda v: bool(pattern.match(v)),
        )
    if column.kind in ("ref", "ref_list"):
        pattern = re.compile(rf"^[a-z]+-{ID_PATTERN}$")
        return (
            "is not an id (or a ';'-separated list of ids)",
            lambda v: all(pattern.match(x) for x in split_list(v)) and bool(split_list(v)),
        )
    if column.kind == "date":
        return (
            "is not a date (YYYY, YYYY-MM or YYYY-MM-DD)",
            lambda v: date_problem(v) is None,
        )
    if column.kind in ("enum", "enum_list"):
        allowed = set(column.vocabulary or ())
        choices = ", ".join(column.vocabulary or ())
        return (
            f"is not one of: {choices}",
            lambda v: bool(split_list(v)) and all(x in allowed for x in split_list(v)),
        )
    if column.kind == "number":
        return ("is not a number", _is_number)
    if column.kind == "integer":
        return ("is not a whole number", lambda v: re.fullmatch(r"-?[0-9]+", v) is not None)
    if column.kind == "sha256":
        return ("is not a SHA-256 hex digest (64 hex digits)", lambda v: bool(SHA256_RE.match(v)))
    if column.kind == "url":
        url = re.compile(rf"^{URL_PATTERN}$")
        return (
            "is not a web address (http:// or https://, no spaces)",
            lambda v: bool(url.match(v)),
        )
    return ("is not text", lambda v: isinstance(v, str))


NUMBER_RE = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")
"""A number as the data writes it: ASCII digits, a point, an exponent (not ``1_000``, ``inf``,
``nan`` or other scripts' digits, which Python reads but the typed tables cannot)."""


def _is_number(value: str) -> bool:
    return NUMBER_RE.fullmatch(value) is not None


_PANDERA_SCHEMAS: dict[str, pa.DataFrameSchema] = {}


def pandera_schema(table: Table) -> pa.DataFrameSchema:
    """The pandera schema of ``table``, built once per process."""
    if table.name not in _PANDERA_SCHEMAS:
        _PANDERA_SCHEMAS[table.name] = build_pandera_schema(table)
    return _PANDERA_SCHEMAS[table.name]


def _each_distinct(predicate: Callable[[str], bool]) -> Callable[[pd.Series], pd.Series]:
    """A vectorized check: ``predicate`` (empty cells pass) run once per distinct value.

    Gives pandera the same failure cases as an element-wise check, without one Python call
    per cell through pandera's machinery: columns such as vocabularies repeat their values.
    """

    import numpy as np
    import pandas as pd

    def check(values: pd.Series) -> pd.Series:
        codes, distinct = values.factorize(use_na_sentinel=False)
        verdicts = np.fromiter(
            (value == "" or bool(predicate(value)) for value in distinct), bool, len(distinct)
        )
        return pd.Series(verdicts[codes], index=values.index)

    return check


def build_pandera_schema(table: Table) -> pa.DataFrameSchema:
    """The pandera schema that checks every cell of ``table`` (read as strings).

    Each check's ``error`` is the phrase printed after the offending value, so a failure reads
    ``data/events.csv:12: date: '2018-13' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)``.
    """
    import pandera.pandas as pa

    # The loader hands pandera strings only (an empty cell is ''), never a missing value; so
    # pandera is told not to look for missing values (``nullable=True``, ``ignore_na=False``),
    # which would scan every column once more per check.
    columns = {}
    for column in table.columns:
        message, predicate = _cell_problem(column, table.id_prefix)
        checks = [pa.Check(_each_distinct(predicate), error=message, name=message, ignore_na=False)]
        if column.required:
            checks.append(
                pa.Check(lambda s: s != "", error="is empty", name="is empty", ignore_na=False)
            )
        columns[column.name] = pa.Column(None, checks=checks, nullable=True, required=True)
    return pa.DataFrameSchema(columns, strict=False, coerce=False, name=table.name)


def check_cells(raw: RawTable, table: Table, problems: list[Problem]) -> None:
    """Run the table's pandera schema and turn each failure into a located problem."""
    import pandera.errors

    frame = raw.frame
    try:
        pandera_schema(table).validate(frame, lazy=True)
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
