"""Dates as the data stores them: ISO-8601 prefixes (``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``) whose
precision is stated beside them, a decade stored as its first year."""

from __future__ import annotations

import calendar
import datetime
import re

import pandas as pd

DATE_RE = re.compile(r"^([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?$")


def date_problem(value: str) -> str | None:
    """Why ``value`` is not an ISO-8601 date prefix, or None when it is one."""
    match = DATE_RE.match(value)
    if not match:
        return "is not a date (YYYY, YYYY-MM or YYYY-MM-DD)"
    year, month, day = match.groups()
    if month is not None and not 1 <= int(month) <= 12:
        return "is not a date (YYYY, YYYY-MM or YYYY-MM-DD)"
    if day is not None:
        try:
            datetime.date(int(year), int(month), int(day))
        except ValueError:
            return "is not a calendar date"
    return None


def date_precision_of(value: str) -> str:
    """The precision a well-formed date prefix carries by its form: day, month or year."""
    return {1: "year", 2: "month", 3: "day"}[len(value.split("-"))]


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


def days(date: str, precision: str = "") -> tuple[datetime.date, datetime.date]:
    """The first and last day an ISO date prefix covers, as :func:`period` gives them, without
    pandas: fast enough to compare the dates of every row."""
    parts = [int(x) for x in date.split("-")]
    year = parts[0]
    if precision == "decade":
        return datetime.date(year, 1, 1), datetime.date(year + 9, 12, 31)
    if len(parts) == 1:
        return datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    if len(parts) == 2:
        last = calendar.monthrange(year, parts[1])[1]
        return datetime.date(year, parts[1], 1), datetime.date(year, parts[1], last)
    day = datetime.date(year, parts[1], parts[2])
    return day, day
