"""The values each column may hold, checked as the schema declares them: numbers in their range,
dates and years within the book's years, a unit that fits its metric, a date's form that
matches its precision, and dates that do not precede the dates they follow.

The book's years are computed from the data (:func:`book_years`): from 1900 to the latest
source's year plus how far its predictions reach past it.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from helpers.evidence.checks import Skip
from helpers.evidence.columns import Column, Range, Years
from helpers.evidence.dates import date_precision_of, days
from helpers.evidence.problems import Problem
from helpers.evidence.ranges import FIRST_YEAR, HORIZON_LIMIT_YEARS
from helpers.evidence.reading import RawTable
from helpers.evidence.schema import TABLES, Table


@dataclass(frozen=True)
class BookYears:
    """The years a date may fall in: from :data:`FIRST_YEAR` to the latest source's year plus
    ``ahead``, the years its predictions reach past it; a publication up to ``this_year``."""

    latest_source: int
    ahead: int
    this_year: int

    @property
    def last(self) -> int:
        """The last year of the book."""
        return self.latest_source + self.ahead

    def bounds(self, years: Years) -> tuple[int, int, str]:
        """The first and last year a date of this kind may fall in, and what they are."""
        if years == "published":
            return FIRST_YEAR, self.this_year, "the years a source can be published in"
        if years == "horizon":
            return (
                FIRST_YEAR,
                self.latest_source + HORIZON_LIMIT_YEARS,
                "the years a prediction can reach",
            )
        return FIRST_YEAR, self.last, "the book's years"


def _year(value: str) -> int | None:
    """The year of a date or a year cell, or None when it has none."""
    head = value.split("-", 1)[0] if value and not value.startswith("-") else value
    try:
        return int(head)
    except ValueError:
        return None


def book_years(raws: dict[str, RawTable], skip: Skip, today: datetime.date) -> BookYears:
    """The book's years, from the publication dates and the predictions' horizons (a horizon
    beyond its limit, or on a claim that is not a prediction, does not count).

    When a publication date is malformed or out of its range (reported by its own line), the
    latest source is taken to be of the current year, so that no other date is refused for it.
    """
    this_year = today.year
    published: list[int | None] = [None]  # unknown unless the sources can be read
    sources = raws.get("sources")
    if sources is not None:
        bad = skip.get("sources", set())
        published = [
            _year(value) if (line, "published") not in bad else None
            for line, value in sources.frame["published"].items()
        ]
    if published and all(
        year is not None and FIRST_YEAR <= year <= this_year for year in published
    ):
        latest = max(year for year in published if year is not None)
    else:  # a publication date is refused: the book's years are not narrowed by guesswork
        latest = this_year
    horizons: list[int] = []
    claims = raws.get("claims")
    if claims is not None:
        bad = skip.get("claims", set())
        for line, value, kind in claims.frame[["horizon", "kind"]].itertuples(name=None):
            year = _year(value) if (line, "horizon") not in bad and kind == "prediction" else None
            if year is not None and latest < year <= latest + HORIZON_LIMIT_YEARS:
                horizons.append(year - latest)
    return BookYears(latest, max(horizons, default=0), this_year)


def _range_problem(value: str, allowed: Range, what: str) -> str | None:
    """Why the number ``value`` is outside ``allowed``, as the end of a problem line."""
    number = float(value)
    if number in allowed:
        return None
    if number < 0 <= allowed.low:
        problem = "is negative"
    elif number < allowed.low:
        problem = f"is less than {allowed.low:,.15g}"
    elif number > allowed.high:
        problem = f"is more than {allowed.high:,.15g}"
    else:
        problem = "is not a whole number"
    return f"{value!r} {problem}{what}; valid: {allowed.words()}"


def _ranged(column: Column) -> bool:
    return bool(column.range or column.range_by or column.choices_by or column.years)


def check_ranges(
    raw: RawTable, table: Table, years: BookYears, problems: list[Problem], skip: set
) -> None:
    """Numbers within their range (by their unit where declared), dates and years within their
    years, and values allowed by another column (a unit by its metric).

    Each cell found out of range is added to ``skip``: later checks do not read it.
    """
    frame = raw.frame
    # a value allowed by another column (a unit by its metric) first: the values whose range
    # depends on it (a figure's value by its unit) are not checked against a refused one
    ranged = sorted(filter(_ranged, table.columns), key=lambda c: c.choices_by is None)
    for column in ranged:
        by = column.range_by or column.choices_by
        given = frame[column.name] != ""
        values = frame.loc[given, [column.name, by or column.name]].itertuples(name=None)
        found: list[Problem] = []
        for line, value, key in values:
            if (line, column.name) in skip or (by and (line, by) in skip):
                continue
            message = _cell_range_problem(column, value, key, years)
            if message:
                found.append(Problem(raw.display, line, column.name, message))
        problems.extend(found)
        skip.update((p.line, p.column) for p in found)


def _cell_range_problem(column: Column, value: str, key: str, years: BookYears) -> str | None:
    """Why one non-empty cell is out of its range; ``key`` is the value of the column its range
    or its choices depend on."""
    if column.range is not None:
        return _range_problem(value, column.range, "")
    if column.range_by and column.ranges is not None and key in column.ranges:
        return _range_problem(value, column.ranges[key], f" for {column.range_by} {key!r}")
    if column.choices_by and column.choices is not None:
        allowed = column.choices.get(key)
        if allowed is not None and value not in allowed:
            return (
                f"{value!r} is not a {column.name} of {column.choices_by} {key!r}; "
                f"valid: {', '.join(allowed)}"
            )
    if column.years is not None:
        year = _year(value)
        first, last, what = years.bounds(column.years)
        if year is not None and not first <= year <= last:
            return f"{value!r} is outside {what}; valid: {first} to {last}"
    return None


def precision_problem(date: str, precision: str, column: Column) -> tuple[str, str] | None:
    """The (column, message) of a date whose form does not match its stated precision."""
    form = date_precision_of(date)
    if precision == "decade":
        if form != "year" or int(date) % 10:
            return column.name, f"{date!r} is not the first year of a decade (e.g. 1980)"
    elif form != precision:
        return (
            column.precision or "",
            f"{precision!r} does not match the date {date!r}, which is given to the {form}",
        )
    return None


def check_precisions(raw: RawTable, table: Table, problems: list[Problem], skip: set) -> None:
    """Every date given with a precision beside it has the form of that precision."""
    for column in table.columns:
        if column.precision is None:
            continue
        cells = raw.frame[[column.name, column.precision]].itertuples(name=None)
        for line, date, precision in cells:
            if not date or not precision or precision == "undated":
                continue
            if {(line, column.name), (line, column.precision)} & skip:
                continue
            found = precision_problem(date, precision, column)
            if found:
                problems.append(Problem(raw.display, line, *found))
                skip.add((line, found[0]))


def _starts(events: RawTable | None, skip: set) -> dict[str, tuple[str, str]]:
    """Each dated event's id with its date and precision."""
    if events is None:
        return {}
    frame = events.frame[["event_id", "date", "date_precision"]]
    return {
        event: (date, precision)
        for line, event, date, precision in frame.itertuples(name=None)
        if date and precision != "undated" and not {(line, "date"), (line, "date_precision")} & skip
    }


def check_orders(raws: dict[str, RawTable], problems: list[Problem], skip: Skip) -> None:
    """No date precedes a date it follows: an end its start, a publication the earliest date of
    its text, a span's end event its start event."""
    starts = _starts(raws.get("events"), skip.get("events", set()))
    for table in TABLES:
        raw = raws.get(table.name)
        if raw is None:
            continue
        bad = skip.get(table.name, set())
        for column in table.columns:
            for earlier in column.not_before:
                _check_order(raw, column, table.column(earlier), starts, problems, bad)


def _check_order(
    raw: RawTable,
    column: Column,
    earlier: Column,
    starts: dict[str, tuple[str, str]],
    problems: list[Problem],
    bad: set,
) -> None:
    """``column`` does not precede ``earlier`` in any row (for references: their events)."""
    names = [column.name, earlier.name, earlier.precision or earlier.name]
    for line, later_value, earlier_value, precision in raw.frame[names].itertuples(name=None):
        if not later_value or not earlier_value:
            continue
        if {(line, name) for name in names} & bad:
            continue
        if column.kind == "ref":
            if later_value not in starts or earlier_value not in starts:
                continue
            (later_date, later_precision), (earlier_date, earlier_precision) = (
                starts[later_value],
                starts[earlier_value],
            )
            if days(later_date, later_precision)[1] < days(earlier_date, earlier_precision)[0]:
                problems.append(
                    Problem(
                        raw.display,
                        line,
                        column.name,
                        f"{later_value!r} ({later_date}) begins before {earlier.name} "
                        f"{earlier_value!r} ({earlier_date}): a span runs forward",
                    )
                )
            continue
        precision = precision if earlier.precision else ""
        if precision == "undated":
            continue
        if days(later_value)[1] < days(earlier_value, precision)[0]:
            name = "the date" if earlier.name == "date" else earlier.name
            problems.append(
                Problem(
                    raw.display,
                    line,
                    column.name,
                    f"{later_value!r} is before {name} {earlier_value!r}",
                )
            )
