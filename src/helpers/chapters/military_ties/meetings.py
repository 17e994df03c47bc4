"""Who met whom: the two sides of each visit or meeting, with the interlocutor each passage
names where the passages differ."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from helpers.analysis.scope import Scope
from helpers.chapters.military_ties.kinds import SIDES, VISITS, of_kind

INTERLOCUTOR = "interlocutor: "
# How a passage's reported value names the person a visitor met, where passages differ.


def side(actor_ids: Iterable[str], countries: set[str], actors: pd.DataFrame) -> list[str]:
    """The actors of one side of a meeting: its people, or where none is named its
    organisations, or else its state."""
    on_side = [a for a in actor_ids if actors["country"].get(a, "") in countries]
    kind = actors["kind"]
    people = [a for a in on_side if kind.get(a) == "person"]
    return people or [a for a in on_side if kind.get(a) != "state"] or on_side


def interlocutors(evidence: pd.DataFrame, actors: pd.DataFrame) -> dict[str, str]:
    """For each evidence row whose reported value names the person met, that person's actor
    id (by name or alias)."""
    names: dict[str, str] = {}
    for actor_id, name, aliases in zip(
        actors.index, actors["name"], actors["aliases"], strict=True
    ):
        for spelling in (name, *str(aliases).split(";")):
            if spelling:
                names.setdefault(spelling.strip(), actor_id)
    found = {}
    for evidence_id, value in evidence["reported_value"].items():
        if str(value).startswith(INTERLOCUTOR):
            person = names.get(str(value).removeprefix(INTERLOCUTOR).strip())
            if person:
                found[evidence_id] = person
    return found


def who_met_whom(scope: Scope, ties: pd.DataFrame) -> pd.DataFrame:
    """One row per pair of a Pakistani and a Russian (or Soviet) side of a visit or meeting:
    the pair, the event, and the evidence rows that attest that pair. Where passages name
    different interlocutors, each pair rests only on the passages that name its Russian side;
    a side the passages do not name is empty."""
    actors = scope.dataset.actors
    meetings = of_kind(ties, VISITS)
    rows = []
    for event_id, event in meetings.iterrows():
        evidence = scope.evidence_for([event_id])
        named = interlocutors(evidence, actors)
        pakistani = side(event["actors"], SIDES[0], actors) or [""]
        russian = side(event["actors"], SIDES[1], actors) or [""]
        for pk in pakistani:
            for ru in russian:
                if named and ru not in set(named.values()):
                    continue
                attesting = (
                    [e for e, person in named.items() if person == ru]
                    if named
                    else list(evidence.index)
                )
                rows.append(
                    {
                        "event_id": event_id,
                        "pakistan": actors["name"].get(pk, ""),
                        "russia": actors["name"].get(ru, ""),
                        "evidence_ids": attesting,
                    }
                )
    return pd.DataFrame(rows, columns=["event_id", "pakistan", "russia", "evidence_ids"])
