"""Military ties: how two states that armed opposite sides in Afghanistan came to train their
troops together.

The chapter's parameters (:class:`Params`) and its opening are here; its rules, words, tables and
figure are in the modules beside this one, and the names the notebook and the tests use are
re-exported below:

- :mod:`.steps`: the steps the prose names (the chapter's data ids);
- :mod:`.kinds`: which events count as military cooperation between the two states, and of
  which kind;
- :mod:`.engagement`: the steps by year and the quiet runs; :mod:`.engagement_figure`: its chart;
- :mod:`.meetings`: who met whom, with the interlocutor each passage names;
- :mod:`.attribution`: the passages behind a row, with what each reports of its own;
- :mod:`.exercises`: the lengths and counts the sources give of the exercises;
- :mod:`.equipment`: the arms and equipment, the status each source reports, and the talks that
  came before any transfer;
- :mod:`.conflicts`: the conflicts the sources leave between them;
- :mod:`.testimony`: how much of each source's account is its own;
- :mod:`.tables`: the tables and the data written beside them;
- :mod:`.sentences`: the sentences whose shape depends on the selection;
- :mod:`.cited`: the facts the prose cites.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import ClassVar

from helpers.analysis.params import ChapterParams, param
from helpers.analysis.scope import Scope
from helpers.chapters import chronology, common
from helpers.chapters.chronology import date_disputed, record
from helpers.chapters.military_ties.attribution import own_report, reported_attribution
from helpers.chapters.military_ties.cited import facts, witness_facts
from helpers.chapters.military_ties.conflicts import differences
from helpers.chapters.military_ties.engagement import per_year, quiet_runs
from helpers.chapters.military_ties.engagement_figure import engagement_alt, engagement_chart
from helpers.chapters.military_ties.equipment import (
    arms,
    quantities,
    status_by_source,
    talks_before_transfer,
)
from helpers.chapters.military_ties.exercises import length_conflicts, stated_lengths
from helpers.chapters.military_ties.kinds import (
    AGREEMENTS,
    ARMS,
    COOPERATION,
    EXERCISES,
    KINDS,
    VISITS,
    context,
    cooperation,
    counts_as_cooperation,
    of_kind,
    sides_of,
)
from helpers.chapters.military_ties.meetings import side, who_met_whom
from helpers.chapters.military_ties.sentences import (
    exercise_count_sentence,
    selection_sentence,
    talks_sentence,
    undrawn_sentence,
)
from helpers.chapters.military_ties.steps import (
    AFGHAN_WAR,
    AGREEMENT_2014,
    BAJWA_VISIT,
    COMMISSION,
    DEAL_2015,
    DRILLS_2021,
    EMBARGO,
    FIRST_EXERCISE,
    FRIENDSHIP_2017,
    HELICOPTER_FIGURE,
    HELICOPTERS,
    MI_35,
    MIRANSHAH,
    MORE_HELICOPTERS,
    RAHEEL_VISIT,
    SCO_EXERCISE,
    SPECIAL_EQUIPMENT,
    STEPS,
    SU_35,
    SUPPLIES_1968,
    TALKS_2012,
)
from helpers.chapters.military_ties.tables import (
    agreements_table,
    arms_table,
    differences_table,
    exercises_table,
    met_table,
    participants,
    steps_data,
    visits_table,
    witnesses_table,
)
from helpers.chapters.military_ties.testimony import witnesses
from helpers.chapters.opening import open_chapter
from helpers.evidence import Dataset


@dataclass(frozen=True)
class Params(ChapterParams):
    """Parameters of the chapter on military ties."""

    chapter: ClassVar[str] = "military_ties"

    include_planned: bool = param(
        True, "Whether planned (not yet reported as held) events are shown.", example="true"
    )


figure_source = common.figure_source


def open(namespace: Mapping[str, object]) -> tuple[Params, Dataset, Scope]:
    """The chapter's checked parameters (read from the notebook's globals), its dataset and its
    scope: ``P, dataset, scope = chapter.open(globals())``."""
    return open_chapter(Params, namespace)  # type: ignore[return-value]


__all__ = [
    "AFGHAN_WAR",
    "AGREEMENTS",
    "AGREEMENT_2014",
    "ARMS",
    "BAJWA_VISIT",
    "COMMISSION",
    "COOPERATION",
    "DEAL_2015",
    "DRILLS_2021",
    "EMBARGO",
    "EXERCISES",
    "FIRST_EXERCISE",
    "FRIENDSHIP_2017",
    "HELICOPTERS",
    "HELICOPTER_FIGURE",
    "KINDS",
    "MIRANSHAH",
    "MI_35",
    "MORE_HELICOPTERS",
    "RAHEEL_VISIT",
    "SCO_EXERCISE",
    "SPECIAL_EQUIPMENT",
    "STEPS",
    "SUPPLIES_1968",
    "SU_35",
    "TALKS_2012",
    "VISITS",
    "Params",
    "agreements_table",
    "arms",
    "arms_table",
    "chronology",
    "context",
    "cooperation",
    "counts_as_cooperation",
    "date_disputed",
    "differences",
    "differences_table",
    "engagement_alt",
    "engagement_chart",
    "exercise_count_sentence",
    "exercises_table",
    "facts",
    "figure_source",
    "length_conflicts",
    "met_table",
    "of_kind",
    "open",
    "own_report",
    "participants",
    "per_year",
    "quantities",
    "quiet_runs",
    "record",
    "reported_attribution",
    "selection_sentence",
    "side",
    "sides_of",
    "stated_lengths",
    "status_by_source",
    "steps_data",
    "talks_before_transfer",
    "talks_sentence",
    "undrawn_sentence",
    "visits_table",
    "who_met_whom",
    "witness_facts",
    "witnesses",
    "witnesses_table",
]
