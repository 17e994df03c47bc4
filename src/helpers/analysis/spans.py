"""Stated lengths of time checked against the dates of the events they span.

A figure of metric ``duration`` or ``interval`` names the events that bound the span it states
(``span_from``, ``span_to``; see the data card). The dates of those events, each known only to
its precision, imply a shortest and a longest possible length; the stated value, read with its
qualifier, allows a range of lengths. Where the two ranges do not meet, the statement and the
dates cannot both be right: a mismatch, found by arithmetic alone.

**What the dates imply** (in days, every date taken as the whole period its precision covers:
'2014' is any day of 2014, 'the 1980s' any day from 1980 to 1989):

- the duration of one event (``span_from`` = ``span_to``) runs from its first day to its last,
  both counted ('24 September to 10 October 2016' is 17 days); an event without an end date
  lasts at least a day and at most the period of its date;
- an interval runs from the start of ``span_from`` to the start of ``span_to``;
- with ``span_to`` empty it runs to the publication of the source that states it, known to that
  source's precision;
- a date qualified ``by`` may lie any time before its date, one qualified ``after`` any time
  after it.

**What the statement allows** (the tolerance rule), for a stated value *v*:

- ``exact``: *v* give or take :data:`EXACT_TOLERANCE` (a tenth) of *v*: 'two weeks' allows
  12.6 to 15.4 days, 'a decade' 9 to 11 years;
- ``approximate`` ('about'): give or take :data:`APPROXIMATE_TOLERANCE` (a quarter) of *v*;
- ``almost``: from *v* less a tenth up to *v*;
- ``more_than``: *v* or more;
- ``range``: from the lower value less a tenth to the upper value plus a tenth;
- and, in every case, a day either way (:data:`SLACK_DAYS`), for whether the first and last
  day are counted.

A span whose events' dates are inferred from the very passage that states it (an event dated
'2012' only because the visit of 2021 was 'the first … in nine years') is ``circular``: the
arithmetic would only give back what was put in. A span with an undated event cannot be checked.
"""

from __future__ import annotations

import math

import pandas as pd

from helpers.analysis.scope import Scope
from helpers.evidence.dates import period

DAYS_PER_UNIT = {"days": 1.0, "weeks": 7.0, "years": 365.25}
"""The units a length of time is stated in, in days (a year of 365.25 days)."""

EXACT_TOLERANCE = 0.10
"""How far, as a share of the stated value, a length stated without qualifier may be off."""

APPROXIMATE_TOLERANCE = 0.25
"""How far, as a share of the stated value, an approximate length ('about') may be off."""

SLACK_DAYS = 1.0
"""A day either way, in every case: whether a span's first and last day are counted."""

SPAN_METRICS = ("duration", "interval")

VERDICTS = ("mismatch", "consistent", "circular", "undated")
"""What a check finds: the statement and the dates cannot both be right; they can; the dates
come from the statement itself; an event of the span has no date."""

COLUMNS = [
    "figure_id",
    "source_id",
    "source",
    "evidence_ids",
    "quotes",
    "label",
    "metric",
    "value",
    "value_max",
    "qualifier",
    "unit",
    "span_from",
    "span_to",
    "to_publication",
    "implied_low",
    "implied_high",
    "allowed_low",
    "allowed_high",
    "gap",
    "verdict",
]
"""The columns of :func:`span_checks`; lengths (``implied_*``, ``allowed_*``, ``gap``) in days."""


def _day(stamp: pd.Timestamp) -> float:
    return float(stamp.toordinal())


def date_range(date: str, precision: str, qualifier: str = "") -> tuple[float, float]:
    """The first and last day (as day numbers) a date can stand for, at its precision and with
    its qualifier ('by': any day up to it; 'after': any day from it)."""
    first, last = period(date, precision)
    low, high = _day(first), _day(last)
    if qualifier == "by":
        low = -math.inf
    elif qualifier == "after":
        high = math.inf
    return low, high


def allowed_length(
    value: float, qualifier: str, unit: str, value_max: float | None = None
) -> tuple[float, float]:
    """The shortest and longest length, in days, that a stated value allows (the tolerance
    rule of this module)."""
    size = DAYS_PER_UNIT[unit]
    stated = value * size
    if qualifier == "approximate":
        low, high = stated * (1 - APPROXIMATE_TOLERANCE), stated * (1 + APPROXIMATE_TOLERANCE)
    elif qualifier == "almost":
        low, high = stated * (1 - EXACT_TOLERANCE), stated
    elif qualifier == "more_than":
        low, high = stated, math.inf
    elif qualifier == "range" and value_max is not None and not math.isnan(value_max):
        low, high = stated * (1 - EXACT_TOLERANCE), value_max * size * (1 + EXACT_TOLERANCE)
    else:
        low, high = stated * (1 - EXACT_TOLERANCE), stated * (1 + EXACT_TOLERANCE)
    return low - SLACK_DAYS, high + SLACK_DAYS


def duration_of(start: tuple[float, float], end: tuple[float, float]) -> tuple[float, float]:
    """The shortest and longest duration, in days counting both ends, of an event whose first
    day lies in ``start`` and last day in ``end`` (day-number ranges)."""
    low = max(1.0, end[0] - start[1] + 1)
    high = end[1] - start[0] + 1
    return low, high


def interval_of(start: tuple[float, float], end: tuple[float, float]) -> tuple[float, float]:
    """The shortest and longest interval, in days, from a day in ``start`` to a day in ``end``."""
    return max(0.0, end[0] - start[1]), end[1] - start[0]


def gap_between(implied: tuple[float, float], allowed: tuple[float, float]) -> float:
    """How many days separate what the dates imply from what the statement allows (0 when the
    two ranges meet)."""
    if implied[1] < allowed[0]:
        return allowed[0] - implied[1]
    if implied[0] > allowed[1]:
        return implied[0] - allowed[1]
    return 0.0


def _event_range(event: pd.Series, which: str) -> tuple[float, float] | None:
    """The day range of an event's start (``which='start'``) or end; None when undated."""
    if not event["date"]:
        return None
    if which == "end" and event["end_date"]:
        return date_range(event["end_date"], "")
    return date_range(event["date"], event["date_precision"], event["date_qualifier"])


def _same_passage(a: str, b: str) -> bool:
    return a in b or b in a


def is_circular(event_id: str, evidence: pd.DataFrame, stating: pd.DataFrame, scope: Scope) -> bool:
    """Whether an event's date is inferred from the passage that states the span: its date is
    ``inferred`` and one of its attestations shares a passage with the figure's."""
    event = scope.dataset.events.loc[event_id]
    if event["date_basis"] != "inferred":
        return False
    mine = evidence[evidence["subject_id"] == event_id]
    return any(
        source == other_source and _same_passage(quote, other)
        for source, quote in zip(mine["source_id"], mine["quote"], strict=True)
        for other_source, other in zip(stating["source_id"], stating["quote"], strict=True)
    )


def span_checks(scope: Scope) -> pd.DataFrame:
    """Every stated duration and interval in scope that names its span, checked against the
    dates of its events: one row per figure and source that states it (see :data:`COLUMNS`;
    lengths in days, ``gap`` 0 unless the verdict is a mismatch), oldest source first."""
    figures = scope.figures
    figures = figures[figures["metric"].isin(SPAN_METRICS) & (figures["span_from"] != "")]
    figures = figures[figures["unit"].isin(list(DAYS_PER_UNIT))]
    evidence = scope.dataset.evidence
    events = scope.dataset.events
    rows = []
    for figure_id, figure in figures.iterrows():
        stated_by = scope.evidence_for([figure_id])
        for source_id, stating in stated_by.groupby("source_id", sort=False):
            source = scope.sources.loc[source_id]
            first = events.loc[figure["span_from"]]
            start = _event_range(first, "start")
            to_publication = not figure["span_to"]
            if to_publication:
                end = date_range(source["published"], source["published_precision"])
            else:
                last = events.loc[figure["span_to"]]
                end = _event_range(
                    last, "end" if figure["span_to"] == figure["span_from"] else "start"
                )
            allowed = allowed_length(
                figure["value"], figure["qualifier"], figure["unit"], figure["value_max"]
            )
            implied = (math.nan, math.nan)
            span_events = [e for e in (figure["span_from"], figure["span_to"]) if e]
            if start is None or end is None:
                verdict, gap = "undated", 0.0
            else:
                duration = figure["span_to"] == figure["span_from"]
                implied = duration_of(start, end) if duration else interval_of(start, end)
                gap = gap_between(implied, allowed)
                circular = any(is_circular(e, evidence, stating, scope) for e in span_events)
                verdict = "circular" if circular else ("mismatch" if gap > 0 else "consistent")
            rows.append(
                {
                    "figure_id": figure_id,
                    "source_id": source_id,
                    "source": source["label"],
                    "evidence_ids": tuple(stating.index),
                    "quotes": tuple(stating["quote"]),
                    "label": figure["label"],
                    "metric": figure["metric"],
                    "value": figure["value"],
                    "value_max": figure["value_max"],
                    "qualifier": figure["qualifier"],
                    "unit": figure["unit"],
                    "span_from": figure["span_from"],
                    "span_to": figure["span_to"],
                    "to_publication": to_publication,
                    "implied_low": implied[0],
                    "implied_high": implied[1],
                    "allowed_low": allowed[0],
                    "allowed_high": allowed[1],
                    "gap": gap if verdict == "mismatch" else 0.0,
                    "verdict": verdict,
                }
            )
    frame = pd.DataFrame(rows, columns=COLUMNS)
    order = {s: i for i, s in enumerate(scope.sources.index)}
    return frame.sort_values(
        ["source_id", "figure_id"], key=lambda c: c.map(order) if c.name == "source_id" else c
    ).reset_index(drop=True)


def mismatches(checks: pd.DataFrame) -> pd.DataFrame:
    """The checks whose statement and dates cannot both be right, the largest gap first."""
    found = checks[checks["verdict"] == "mismatch"]
    return found.sort_values("gap", ascending=False, kind="stable")
