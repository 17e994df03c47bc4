"""What happened next: the articles' predictions and the threads they leave open (planned visits
and exercises, deals), checked against the later record, kept apart from the articles' evidence.

Two sides, two rules:

- the articles' side follows the chapter's scope like every chapter: a prediction is shown when
  a selected source voices it, a thread when the scope holds its event, deal or claim;
- the later record (``later_record.csv``, with its scorecard ``outcomes.csv``) is not evidence of
  the articles and is not narrowed by the parameters (its years lie after the articles); only
  the rows behind what is shown are shown.

The chapter's parameters (:class:`Params`), its opening and the threads its prose names (its
data ids) are here; the rest is in the modules
beside this one, and the names the notebook and the tests use are re-exported below:

- :mod:`.later_record`: the later record as dated events, for this chapter and for the
  chronology's later layer (:func:`helpers.chapters.chronology.timeline_chart`);
- :mod:`.speakers`: who said it, and when;
- :mod:`.outcomes`: the scorecard of predictions and the open threads, with their verdicts;
- :mod:`.sentences`: the sentences whose shape depends on the selection;
- :mod:`.tables`: the tables; :mod:`.table_data`: the data written beside them;
- :mod:`.threads_figure`: the threads chart and its words;
- :mod:`.inline_values`: the values the prose cites inline.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import ClassVar

from helpers.analysis.params import ChapterParams
from helpers.analysis.scope import Scope
from helpers.chapters.opening import open_chapter
from helpers.chapters.what_happened_next.inline_values import (
    accessed_on,
    kind_share,
    outcome_count,
    outlet_count,
    record_span,
    relayed_count,
    row_count,
    verdict_of,
    verdict_total,
)
from helpers.chapters.what_happened_next.later_record import LATER_EVENT_COLUMNS, later_events
from helpers.chapters.what_happened_next.outcomes import (
    NOT_CHECKED,
    predictions,
    scorecard,
    threads,
    verdict_markup,
    verdict_words,
)
from helpers.chapters.what_happened_next.sentences import NO_THREADS, silences_empty, tally_sentence
from helpers.chapters.what_happened_next.speakers import horizon_words, voices
from helpers.chapters.what_happened_next.table_data import (
    lanes_data,
    later_data,
    markup_text,
    scorecard_data,
    threads_data,
)
from helpers.chapters.what_happened_next.tables import (
    later_links,
    later_table,
    scorecard_table,
    shown_later,
    silences_table,
    threads_table,
)
from helpers.chapters.what_happened_next.threads_figure import (
    VERDICT_COLOURS,
    lanes,
    lanes_alt,
    lanes_figure,
    later_source_line,
)
from helpers.evidence import Dataset

PUTIN_VISIT = "ev-2012-putin-visit-planned"
PIPELINE = "deal-north-south-pipeline"
DEEP_TIES = "claim-deep-ties-unlikely"
"""Threads the chapter's prose speaks of by name: their verdicts are read from the data."""


@dataclass(frozen=True)
class Params(ChapterParams):
    """Parameters of the chapter on what happened next."""

    chapter: ClassVar[str] = "what_happened_next"


def open(namespace: Mapping[str, object]) -> tuple[Params, Dataset, Scope]:
    """The chapter's checked parameters (read from the notebook's globals), its dataset and its
    scope: ``P, dataset, scope = chapter.open(globals())``."""
    return open_chapter(Params, namespace)  # type: ignore[return-value]


__all__ = [
    "DEEP_TIES",
    "LATER_EVENT_COLUMNS",
    "NOT_CHECKED",
    "NO_THREADS",
    "PIPELINE",
    "PUTIN_VISIT",
    "VERDICT_COLOURS",
    "Params",
    "accessed_on",
    "horizon_words",
    "kind_share",
    "lanes",
    "lanes_alt",
    "lanes_data",
    "lanes_figure",
    "later_data",
    "later_events",
    "later_links",
    "later_source_line",
    "later_table",
    "markup_text",
    "open",
    "outcome_count",
    "outlet_count",
    "predictions",
    "record_span",
    "relayed_count",
    "row_count",
    "scorecard",
    "scorecard_data",
    "scorecard_table",
    "shown_later",
    "silences_empty",
    "silences_table",
    "tally_sentence",
    "threads",
    "threads_data",
    "threads_table",
    "verdict_markup",
    "verdict_of",
    "verdict_total",
    "verdict_words",
    "voices",
]
