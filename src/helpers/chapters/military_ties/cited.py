"""The facts the military ties' findings and interpretation cite, from the whole record, and
the witnesses by the name the prose gives each article."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from helpers.analysis.scope import Scope
from helpers.chapters import chronology, common
from helpers.chapters.military_ties.conflicts import differences
from helpers.chapters.military_ties.engagement import quiet_runs
from helpers.chapters.military_ties.equipment import arms
from helpers.chapters.military_ties.exercises import length_conflicts
from helpers.chapters.military_ties.kinds import EXERCISES, cooperation, of_kind
from helpers.chapters.military_ties.steps import (
    FIRST_EXERCISE,
    HELICOPTER_FIGURE,
    HELICOPTERS,
    STEPS,
)
from helpers.chapters.military_ties.testimony import witnesses
from helpers.render import words
from helpers.render.words import Words


class Facts(dict[str, object]):
    """What the findings and the interpretation cite, read as attributes inline; a count with
    ``_words`` after its name reads as a word up to ten (``f.exercises_held_words``: 'two')."""

    def __getattr__(self, name: str) -> object:
        if name in self:
            return self[name]
        base = name.removesuffix("_words")
        if base != name and isinstance(self.get(base), int):
            return Words(words.number_word(int(self[base])))
        raise AttributeError(name)


def facts(whole: Scope) -> Facts:
    """The dates, counts and quantities the prose cites, from the whole record."""
    events = pd.concat([whole.events, whole.undated_events])
    disputed = chronology.date_disputed(whole)

    def when(event_id: str, marked: bool = True) -> Words:
        if event_id not in events.index:
            return Words("undated")
        event = events.loc[event_id]
        if marked:
            return chronology.date_label(event, disputed)
        return Words(words.format_span(event["date"], event["date_precision"], event["end_date"]))

    ties = cooperation(whole)
    found = Facts({name: when(event_id) for name, event_id in STEPS.items()})
    runs = quiet_runs(ties)
    longest = max(runs, key=lambda r: r[1] - r[0]) if runs else None
    held = of_kind(ties, EXERCISES)
    placed = ties[ties["date_precision"] != "decade"]
    per = placed["year"].astype(int).value_counts().sort_index()
    lengths = length_conflicts(whole, [FIRST_EXERCISE]) if FIRST_EXERCISE in events.index else None
    stated = lengths.iloc[0] if lengths is not None and len(lengths) else None
    figure = whole.figures["value"].get(HELICOPTER_FIGURE)
    found.update(
        {
            "steps": len(ties),
            "before_2014": int((ties["year"] < 2014).sum()),
            "quiet": Words(words.year_range(*longest) if longest else "none"),
            "quiet_years": (longest[1] - longest[0] + 1) if longest else 0,
            "exercises_held": int(
                ((held["status"] == "occurred") & (held["date_precision"] != "decade")).sum()
            ),
            "helicopters": Words(
                words.number_word(int(figure))
                if figure is not None and not pd.isna(figure)
                else "some"
            ),
            "helicopters_year": when(HELICOPTERS, marked=False),
            "versions": len(differences(whole, ties, arms(whole))),
            "busiest_year": int(per.idxmax()) if len(per) else 0,
            "busiest_count": int(per.max()) if len(per) else 0,
            "stated_days": int(stated["stated_days"]) if stated is not None else 0,
            "dated_days": int(stated["dated_days"]) if stated is not None else 0,
        }
    )
    return found


@dataclass(frozen=True)
class Witness:
    """One source's passages on the military ties, by voice."""

    passages: int
    own_words: int
    captions: int
    quoted: int
    credited: int
    outlets: Words


def witness_facts(whole: Scope) -> Facts:
    """The witnesses of the whole record, by the name the prose gives each article
    (:data:`common.SOURCES`), read as attributes inline (``{eval}`w.qureshi.passages```)."""
    table = witnesses(whole, cooperation(whole), arms(whole))
    return Facts(
        {
            name: Witness(
                *(
                    int(table.at[source_id, c])
                    for c in ("passages", "own_words", "captions", "quoted", "credited")
                ),
                Words(words.join_words(str(table.at[source_id, "outlets"]).split("; "))),
            )
            for name, source_id in common.SOURCES.items()
            if source_id in table.index
        }
    )
