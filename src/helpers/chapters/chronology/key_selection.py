"""Which events the time line numbers as key events: bilateral meetings of leaders, and the
events a source numbers first or calls a landmark or historic."""

from __future__ import annotations

import re
from collections.abc import Iterable

import pandas as pd

from helpers.analysis import measures
from helpers.analysis.scope import Scope

# The two sides of the relationship, as actors' countries.
SIDES = ({"Pakistan"}, {"Russia", "Soviet Union"})

# A role that names a head of state or government of one of the two sides.
LEADER_OFFICES = ("President", "Prime Minister")
LEADER_STATES = ("Pakistan", "Russia", "the Russian Federation", "the Soviet Union")
LEADER_ROLE = re.compile(
    rf"\b(?:{'|'.join(LEADER_OFFICES)}) of (?:{'|'.join(map(re.escape, LEADER_STATES))})\b"
)

# Words with which a passage singles an event out.
SINGLED_OUT = re.compile(r"\b(?:landmark|historic|historical)\b", re.IGNORECASE)

# Most events the time line labels; beyond, the earliest (a first or a landmark before a meeting of
# leaders).
MAX_KEY_EVENTS = 16


def leaders(actors: pd.DataFrame) -> set[str]:
    """The people whose role, as the articles give it, is head of state or government of
    Pakistan, Russia or the Soviet Union."""
    people = actors[actors["kind"] == "person"]
    return {a for a, role in people["role"].items() if LEADER_ROLE.search(str(role))}


def bilateral(events: pd.DataFrame, actors: pd.DataFrame) -> pd.Series:
    """Which events have an actor of each side."""
    return measures.bilateral(events, actors)


def firsts(scope: Scope) -> set[str]:
    """The events a source numbers first: those with an ordinal figure of 1 (the first joint
    exercise, the first visit of a Russian head of state)."""
    figures = scope.figures
    ordinal = figures[(figures["metric"] == "ordinal") & (figures["value"] == 1)]
    return set(ordinal["subject_id"])


def landmarks(scope: Scope, event_ids: Iterable[str]) -> set[str]:
    """The events that one of their passages calls a landmark or historic."""
    evidence = scope.evidence_for(list(event_ids))
    marked = evidence["quote"].map(lambda quote: bool(SINGLED_OUT.search(quote)))
    return set(evidence.loc[marked.astype(bool), "subject_id"])


def key_events(scope: Scope, events: pd.DataFrame, *, most: int = MAX_KEY_EVENTS) -> pd.DataFrame:
    """The events the time line labels, with why (``why``): bilateral events, not periods, that
    are a visit or meeting of a head of state or government, or that a source numbers first or
    calls a landmark or historic; events with the same date and title count once. At most
    ``most`` (:data:`MAX_KEY_EVENTS`), firsts and landmarks first."""
    actors = scope.dataset.actors
    candidates = events[(events["category"] != "period") & bilateral(events, actors)]
    heads = leaders(actors)
    first = firsts(scope)
    marked = landmarks(scope, candidates.index)
    reasons = []
    for event_id, event in candidates.iterrows():
        why = []
        if event_id in first:
            why.append("first")
        if event_id in marked:
            why.append("landmark")
        if event["category"] in ("visit", "meeting") and heads & set(event["actors"]):
            why.append("leaders")
        reasons.append(", ".join(why))
    key = candidates.assign(why=reasons)
    # events reported alike (same date, same title) are one key event
    key = key[key["why"] != ""].drop_duplicates(subset=["date", "end_date", "title"])
    if len(key) > most:
        rank = (~key["why"].str.contains("first|landmark")).astype(int)
        key = key.assign(rank=rank).sort_values(["rank", "start"], kind="stable")
        key = key.head(most).drop(columns="rank").sort_values("start", kind="stable")
    return key
