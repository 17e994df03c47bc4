"""What values are plausible, declared once as part of the schema: the book's years, amounts of
money, the value of a figure for each unit, the units each kind of figure is counted in, and the
stances that fit each kind of subject.

:mod:`helpers.evidence.schema` attaches these to its columns; :mod:`helpers.evidence.bounds`
checks them. The data card (``data/README.md``) gives the reasons for each bound.
"""

from __future__ import annotations

from helpers.evidence.columns import Range

FIRST_YEAR = 1900
"""The earliest year a date of the book may fall in: well before anything the articles recall
(the earliest is Pakistan's first relations with the Soviet Union, 1948)."""

HORIZON_LIMIT_YEARS = 50
"""How far past the latest source a prediction's horizon may reach. The book's last year is the
latest source's year plus how far its predictions reach past it (see :class:`BookYears`)."""

MONEY = Range(0, 1e12)
"""US dollars: never negative, and at most a trillion, above Pakistan's yearly output."""

LONGEST_SPAN_YEARS = 150
"""No span the book states is longer: the book's years from 1900 are fewer."""

UNIT_RANGES: dict[str, Range] = {
    "USD": MONEY,
    # a number of people the articles count: troops, students, employees; no country but two
    # has more than a billion people
    "people": Range(0, 1e9, whole=True),
    # durations and intervals: none longer than the book's years
    "years": Range(0, LONGEST_SPAN_YEARS),
    "weeks": Range(0, LONGEST_SPAN_YEARS * 53),
    "days": Range(0, LONGEST_SPAN_YEARS * 366),
    # counts of things
    "meetings": Range(0, 10_000, whole=True),
    "exercises": Range(0, 1_000, whole=True),
    "helicopters": Range(0, 10_000, whole=True),  # more than any air force has
    "projects": Range(0, 10_000, whole=True),
    "comments": Range(0, 100_000, whole=True),
    "provinces": Range(0, 4, whole=True),  # Pakistan has four provinces
    # the number of a meeting or an anniversary in its series: the first is 1
    "ordinal": Range(1, 1_000, whole=True),
}
"""The plausible values of a figure (and of its upper bound) for each unit."""

METRIC_UNITS: dict[str, tuple[str, ...]] = {
    "trade_turnover": ("USD",),
    "deal_value": ("USD",),
    "personnel": ("people",),
    "equipment": ("helicopters",),
    "duration": ("years", "weeks", "days"),
    "interval": ("years", "weeks", "days"),
    "count": ("meetings", "exercises", "projects", "comments", "people", "provinces"),
    "ordinal": ("ordinal",),
}
"""The units each figure metric is counted in."""

STANCES_FOR_SUBJECT: dict[str, tuple[str, ...]] = {
    "events": ("reports",),
    "deals": ("reports",),
    "figures": ("reports",),
    "claims": ("supports", "disputes", "qualifies"),
}
"""The stances that fit each kind of subject: facts are reported, claims are argued."""
