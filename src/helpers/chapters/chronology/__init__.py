"""The chronology: when Pakistan and the Soviet Union, then Russia, drifted apart and came back
together, and which part of that history each source tells.

The chapter's parameters (:class:`Params`) and its opening are here; its rules, words, tables and
figures are in the modules beside this one, and the names the notebook and the tests use are
re-exported below:

- :mod:`.story`: the events the narrative names (the chapter's data ids);
- :mod:`.selection`: the whole record and the events the time line places;
- :mod:`.dating`: the one label of an event's date and the sources' disagreements on dates;
- :mod:`.key_selection`: which events the time line numbers as key events;
- :mod:`.periods`: the phases, the decades and the themes;
- :mod:`.years`: the years the sources name, the gap runs, the nearness to publication and what
  each source covers;
- :mod:`.cited`: the numbers the findings cite;
- :mod:`.sentences`: the sentences whose shape depends on the selection;
- :mod:`.tables`: the tables and the data written beside them;
- :mod:`.timeline` and :mod:`.coverage_figure`: the figures, on a true time axis that breaks
  once, visibly, where the scale changes; :mod:`.later_layer`: the later record as a layer of
  its own on the time line; :mod:`.figure_words`: their alt text and the time line's caption.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import ClassVar

from helpers.analysis.params import ALL, EVENT_CATEGORIES, ChapterParams, param
from helpers.analysis.scope import Scope
from helpers.chapters import common
from helpers.chapters.chronology.cited import findings, reaches
from helpers.chapters.chronology.coverage_figure import coverage_chart
from helpers.chapters.chronology.dating import (
    date_disputed,
    date_label,
    date_labels,
    own_dates,
    story_dates,
    story_versions,
)
from helpers.chapters.chronology.figure_words import (
    coverage_alt,
    decade_alt,
    timeline_alt,
    timeline_caption,
)
from helpers.chapters.chronology.key_selection import MAX_KEY_EVENTS, SIDES, key_events, leaders
from helpers.chapters.chronology.later_layer import later_layer
from helpers.chapters.chronology.periods import decade_matrix, phase_of, themes_present
from helpers.chapters.chronology.selection import placed, record, undated
from helpers.chapters.chronology.sentences import gap_sentence, selection_sentence, undated_note
from helpers.chapters.chronology.story import (
    ACCUSATIONS,
    AFGHAN_WAR,
    AGREEMENT,
    AIR_BASES,
    ALIGNMENTS,
    ASIF,
    BAJWA,
    BALANCE,
    CRIMEA,
    EMBARGO,
    FIRST_EXERCISE,
    FRADKOV,
    IMPROVEMENT,
    LAVROV,
    MUSHARRAF,
    NIXON,
    PREVIOUS_FM,
    PUTIN_PLANNED,
    RELATIONS,
    RESET,
    SCO_MEMBERSHIP,
    SOVIET_END,
    STORY,
    SUPPLIES,
    TRAJECTORY,
    WITHDRAWAL,
    ZARDARI,
)
from helpers.chapters.chronology.tables import (
    coverage_table,
    disputed_dates,
    disputed_table,
    events_data,
    events_table,
    periods_table,
    phases_table,
    timeline_data,
)
from helpers.chapters.chronology.timeline import SPLIT_YEAR, TIMELINE_MAX_MARKS, timeline_chart
from helpers.chapters.chronology.years import (
    GAP_MIN_WORDS,
    GAP_MIN_YEARS,
    coverage,
    covered_years,
    gap_runs,
    gaps,
    named_years,
    near_publication,
    near_years,
    periods_in_gaps,
    publication_years,
)
from helpers.chapters.opening import open_chapter
from helpers.evidence import Dataset


@dataclass(frozen=True)
class Params(ChapterParams):
    """Parameters of the chronology."""

    chapter: ClassVar[str] = "chronology"

    categories: tuple[str, ...] = param(
        (ALL,),
        "Event categories shown, or all.",
        example='["visit", "exercise"]',
        choices=EVENT_CATEGORIES,
        nonempty=True,
    )
    later_record: bool = param(
        True,
        "Draw the later record (publications after the five articles) as a layer of its own on "
        "the time line.",
        example="false",
    )


figure_source = common.figure_source


def open(namespace: Mapping[str, object]) -> tuple[Params, Dataset, Scope]:
    """The chapter's checked parameters (read from the notebook's globals), its dataset and its
    scope: ``P, dataset, scope = chapter.open(globals())``."""
    return open_chapter(Params, namespace)  # type: ignore[return-value]


__all__ = [
    "ACCUSATIONS",
    "AFGHAN_WAR",
    "AGREEMENT",
    "AIR_BASES",
    "ALIGNMENTS",
    "ASIF",
    "BAJWA",
    "BALANCE",
    "CRIMEA",
    "EMBARGO",
    "FIRST_EXERCISE",
    "FRADKOV",
    "GAP_MIN_WORDS",
    "GAP_MIN_YEARS",
    "IMPROVEMENT",
    "LAVROV",
    "MAX_KEY_EVENTS",
    "MUSHARRAF",
    "NIXON",
    "PREVIOUS_FM",
    "PUTIN_PLANNED",
    "RELATIONS",
    "RESET",
    "SCO_MEMBERSHIP",
    "SIDES",
    "SOVIET_END",
    "SPLIT_YEAR",
    "STORY",
    "SUPPLIES",
    "TIMELINE_MAX_MARKS",
    "TRAJECTORY",
    "WITHDRAWAL",
    "ZARDARI",
    "Params",
    "coverage",
    "coverage_alt",
    "coverage_chart",
    "coverage_table",
    "covered_years",
    "date_disputed",
    "date_label",
    "date_labels",
    "decade_alt",
    "decade_matrix",
    "disputed_dates",
    "disputed_table",
    "events_data",
    "events_table",
    "figure_source",
    "findings",
    "gap_runs",
    "gap_sentence",
    "gaps",
    "key_events",
    "later_layer",
    "leaders",
    "named_years",
    "near_publication",
    "near_years",
    "open",
    "own_dates",
    "periods_in_gaps",
    "periods_table",
    "phase_of",
    "phases_table",
    "placed",
    "publication_years",
    "reaches",
    "record",
    "selection_sentence",
    "story_dates",
    "story_versions",
    "themes_present",
    "timeline_alt",
    "timeline_caption",
    "timeline_chart",
    "timeline_data",
    "undated",
    "undated_note",
]
