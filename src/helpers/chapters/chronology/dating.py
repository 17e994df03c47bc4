"""The one label of an event's date, the sources' disagreements on dates, and the dates of the
events the narrative names."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from helpers.analysis import measures
from helpers.analysis.scope import Scope
from helpers.chapters import common
from helpers.chapters.chronology.story import STORY, Dates
from helpers.render import words
from helpers.render.words import Words


def date_disputed(scope: Scope) -> set[str]:
    """The events whose attestations give dates that cannot all be true."""
    found = measures.disagreements(scope)
    return set(found.loc[found["kind"] == "date", "subject_id"])


def date_label(event: pd.Series, disputed: Iterable[str] = ()) -> Words:
    """The one label of an event's date (:func:`helpers.render.words.event_date`): the date or
    span at its precision, its bound, 'planned', and the sources' disagreement."""
    return words.event_date(
        event["date"],
        event["date_precision"],
        event["end_date"],
        qualifier=event["date_qualifier"],
        planned=event["status"] == "planned",
        disputed=event.name in set(disputed),
    )


def date_labels(events: pd.DataFrame, disputed: Iterable[str] = ()) -> pd.Series:
    """:func:`date_label` of every event."""
    contested = set(disputed)
    return pd.Series(
        [date_label(event, contested) for _, event in events.iterrows()],
        index=events.index,
        dtype=object,
    )


def story_dates(whole: Scope, *, marked: bool = True) -> Dates:
    """The date label of each event of :data:`STORY` in the whole record; with
    ``marked=False``, the date alone, without 'planned' or the sources' disagreement."""
    events = pd.concat([whole.events, whole.undated_events])
    disputed = date_disputed(whole) if marked else set()
    labels = {}
    for name, event_id in STORY.items():
        if event_id not in events.index:
            labels[name] = Words("undated")
            continue
        event = events.loc[event_id]
        labels[name] = (
            date_label(event, disputed)
            if marked
            else Words(words.format_span(event["date"], event["date_precision"], event["end_date"]))
        )
    return Dates(labels)


def story_versions(whole: Scope) -> Dates:
    """For each event of :data:`STORY` whose sources disagree on the date, the dates its
    passages give, each with who gives it ('the 1980s (DeSilva-Ranasinghe (2012); Fernandez
    (2021)) and 1979 (Fernandez (2021))'); only a passage's own date counts."""
    disputed = date_disputed(whole)
    return Dates(
        {
            name: own_dates_words(whole, event_id)
            for name, event_id in STORY.items()
            if event_id in disputed
        }
    )


def own_dates(scope: Scope, event_id: str) -> pd.DataFrame:
    """The dates the passages of an event give of their own (their ``reported_date``), in
    words, with who gives each and the evidence row; a passage that gives none is left out."""
    evidence = scope.evidence_for([event_id])
    evidence = evidence[evidence["reported_date"] != ""]
    return pd.DataFrame(
        {
            "date": [common.reported_date_words(row) for _, row in evidence.iterrows()],
            "start": [str(d) for d in evidence["reported_date"]],
            "who": [measures.who(row) for _, row in evidence.iterrows()],
            "evidence_id": list(evidence.index),
        },
        columns=["date", "start", "who", "evidence_id"],
    )


def own_dates_words(scope: Scope, event_id: str) -> Words:
    """:func:`own_dates` as a phrase, earliest first, each date once with all who give it."""
    dates = own_dates(scope, event_id).sort_values("start", kind="stable")
    parts = [
        f"{date} ({'; '.join(dict.fromkeys(group['who']))})"
        for date, group in dates.groupby("date", sort=False)
    ]
    return Words(words.join_words(parts))
