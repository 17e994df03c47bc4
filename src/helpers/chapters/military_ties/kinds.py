"""What counts as military cooperation between the two states, and of which kind: visits and
meetings, exercises, arms and equipment, agreements and commissions."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import pandas as pd

from helpers.analysis.scope import Scope, contains_any
from helpers.chapters import chronology

# The kinds of military cooperation, in the order the chapter shows them.
VISITS = "visits and meetings"
EXERCISES = "exercises"
ARMS = "arms and equipment"
AGREEMENTS = "agreements and commissions"
KINDS = (VISITS, EXERCISES, ARMS, AGREEMENTS)

# The category map: which event categories count as military cooperation, and as which kind
# (a policy such as the lifting of an embargo counts with the agreements). Statements,
# conflicts, periods and the rest are context, not cooperation.
COOPERATION = {
    "visit": VISITS,
    "meeting": VISITS,
    "conference": VISITS,
    "exercise": EXERCISES,
    "delivery": ARMS,
    "offer": ARMS,
    "negotiation": ARMS,
    "agreement": AGREEMENTS,
    "institution": AGREEMENTS,
    "policy": AGREEMENTS,
}

DEFENCE = "defence"
SIDES = chronology.SIDES


def sides_of(actor_ids: Iterable[str], countries: Mapping[str, str]) -> set[int]:
    """Which of the two sides (0 Pakistan, 1 Russia or the Soviet Union) the actors belong to."""
    found = set()
    for actor in actor_ids:
        for i, side in enumerate(SIDES):
            if countries.get(actor, "") in side:
                found.add(i)
    return found


def counts_as_cooperation(event: pd.Series, countries: Mapping[str, str]) -> bool:
    """Whether a defence event is military cooperation between the two states: its category is
    in :data:`COOPERATION`, and it has an actor of each side, or it is a visit whose passage
    names only the visitors, all of one side (a Russian delegation in Miranshah)."""
    if event["category"] not in COOPERATION or DEFENCE not in event["themes"]:
        return False
    found = sides_of(event["actors"], countries)
    if found == {0, 1}:
        return True
    known = [a for a in event["actors"] if countries.get(a, "")]
    return event["category"] == "visit" and len(found) == 1 and len(known) == len(event["actors"])


def cooperation(scope: Scope, include_planned: bool = True) -> pd.DataFrame:
    """The dated events of the selection that are military cooperation between the two states
    (:func:`counts_as_cooperation`), with their ``kind``; planned ones only when asked."""
    events = scope.events
    countries = scope.dataset.actors["country"].to_dict()
    keep = [counts_as_cooperation(e, countries) for _, e in events.iterrows()]
    ties = events[pd.Series(keep, index=events.index, dtype=bool)]
    if not include_planned:
        ties = ties[ties["status"] != "planned"]
    return ties.assign(kind=ties["category"].map(COOPERATION))


def context(scope: Scope, ties: pd.DataFrame) -> pd.DataFrame:
    """The defence events of the selection that are not cooperation between the two states."""
    defence = scope.events[contains_any(scope.events["themes"], [DEFENCE])]
    return defence[~defence.index.isin(ties.index)]


def of_kind(ties: pd.DataFrame, kind: str) -> pd.DataFrame:
    """The steps of one kind."""
    return ties[ties["kind"] == kind]
