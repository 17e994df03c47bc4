"""The joint exercises: the lengths the passages state against the days the dates span, and the
counts of exercises the sources give."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from helpers.analysis.scope import Scope

WEEK_DAYS = {"days": 1, "weeks": 7}


def stated_lengths(scope: Scope, event_id: str) -> pd.DataFrame:
    """The lengths the passages state for an event (duration figures that span the event
    itself), with the days its own dates span when it is dated to the day at both ends."""
    figures = scope.figures
    own = figures[
        (figures["metric"] == "duration")
        & (figures["span_from"] == event_id)
        & (figures["span_to"] == event_id)
    ]
    event = scope.dataset.events.loc[event_id]
    dated = (
        (event["end"] - event["start"]).days + 1
        if event["date_precision"] == "day" and len(str(event["end_date"]).split("-")) == 3
        else None
    )
    return pd.DataFrame(
        {
            "figure_id": list(own.index),
            "stated_days": [
                v * WEEK_DAYS.get(u, 0) or None
                for v, u in zip(own["value"], own["unit"], strict=True)
            ],
            "dated_days": [dated] * len(own),
        },
        columns=["figure_id", "stated_days", "dated_days"],
    )


def length_conflicts(scope: Scope, event_ids: Iterable[str]) -> pd.DataFrame:
    """The stated lengths that the event's own dates contradict (more than a day apart)."""
    frames = [stated_lengths(scope, e).assign(event_id=e) for e in event_ids]
    found = (
        pd.concat(frames, ignore_index=True)
        if frames
        else pd.DataFrame(columns=["figure_id", "stated_days", "dated_days", "event_id"])
    )
    found = found.dropna(subset=["stated_days", "dated_days"])
    return found[(found["stated_days"] - found["dated_days"]).abs() > 1]


def exercise_counts(scope: Scope) -> pd.DataFrame:
    """The figures that count joint exercises, with the year they count to."""
    figures = scope.figures
    return figures[(figures["unit"] == "exercises") & (figures["metric"] == "count")]
