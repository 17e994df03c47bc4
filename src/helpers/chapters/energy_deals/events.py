"""The events on energy, trade and industry: which, the sources' disagreements on their dates,
and their table."""

from __future__ import annotations

import pandas as pd

from helpers.analysis import measures
from helpers.analysis.scope import Scope, contains_any
from helpers.render import markup, words

ENERGY_THEMES = ("energy", "economy")
"""The themes of the events the chapter lists: energy, and trade and industry."""


def energy_events(scope: Scope) -> pd.DataFrame:
    """The dated events in scope on energy, trade or industry."""
    events = scope.events
    return events[contains_any(events["themes"], ENERGY_THEMES)]


def date_disputed(scope: Scope) -> set[str]:
    """The events whose attestations give dates that cannot all be true."""
    found = measures.disagreements(scope)
    return set(found.loc[found["kind"] == "date", "subject_id"])


def events_table(scope: Scope, events: pd.DataFrame) -> pd.DataFrame:
    """Date, what happened and the passages, one row per event."""
    disputed = date_disputed(scope)
    return pd.DataFrame(
        {
            "Date": [
                words.event_date(
                    e["date"],
                    e["date_precision"],
                    e["end_date"],
                    qualifier=e["date_qualifier"],
                    planned=e["status"] == "planned",
                    disputed=i in disputed,
                )
                for i, e in events.iterrows()
            ],
            "Event": [
                markup.Markup(f"**{markup.escape(t)}.** {markup.escape(s)}")
                for t, s in zip(events["title"], events["summary"], strict=True)
            ],
            "Passages": [markup.attribution(scope.evidence_for([i])) for i in events.index],
        }
    )


def events_data(events: pd.DataFrame) -> pd.DataFrame:
    """The events table as data: the events' columns without the computed ones."""
    return events.drop(columns=["line", "start", "end"])
