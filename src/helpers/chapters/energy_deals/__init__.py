"""Energy deals: the projects Pakistan and Russia are both parties to, their value and their stage
as each source reported it, set against the trade the two countries actually did.

The rules that decide what the chapter says, each tested on a small hand-made dataset: which
projects are the two countries' own (:func:`standing`), the latest stage of a project
(:func:`latest_status`), the story of a project told at more than one date (:func:`history`),
the stated values (never added up: :func:`values_sentence`) and the trade figures with the
website they come from (:func:`credited_source_line`).

The chapter's parameters (:class:`Params`) and its opening are here; the rules, words, tables and
figures are in the modules beside this one, and the names the notebook and the tests use are
re-exported below:

- :mod:`.parties`: which projects, and how each stands to the two countries;
- :mod:`.stages`: the stage each project has reached, by source;
- :mod:`.project_history`: the dated steps of each project;
- :mod:`.amounts`: the values and the trade figures the sources state;
- :mod:`.events`: the events on energy, trade and industry;
- :mod:`.sentences`: the sentences whose shape depends on the selection;
- :mod:`.tables` and :mod:`.figures`: what the chapter shows.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import ClassVar

from helpers.analysis.params import DEAL_SECTORS, ChapterParams, param
from helpers.analysis.scope import Scope
from helpers.chapters.energy_deals.amounts import (
    TRADE_CLAIM,
    growth,
    stated_values,
    trade,
    valued_thing,
    values_of,
)
from helpers.chapters.energy_deals.events import energy_events, events_data, events_table
from helpers.chapters.energy_deals.figures import (
    LABEL_WIDTH,
    credited_source_line,
    status_alt,
    status_figure,
    trade_alt,
    trade_figure,
    value_alt,
    value_figure,
    value_source_line,
)
from helpers.chapters.energy_deals.parties import (
    in_sentence,
    of_the_two,
    projects,
    proper_words,
    sector_words,
    standing,
    standing_words,
)
from helpers.chapters.energy_deals.project_history import HISTORY_COLUMNS, history
from helpers.chapters.energy_deals.sentences import (
    furthest_sentence,
    trade_sentence,
    values_sentence,
)
from helpers.chapters.energy_deals.stages import (
    delivered,
    drawn_labels,
    furthest,
    latest_status,
    latest_words,
    stage_words,
    status_grid,
)
from helpers.chapters.energy_deals.tables import (
    history_data,
    history_shown,
    judgements_table,
    projects_data,
    projects_table,
    trade_data,
    value_data,
)
from helpers.chapters.opening import open_chapter
from helpers.evidence import Dataset


@dataclass(frozen=True)
class Params(ChapterParams):
    """Parameters of the chapter on energy deals."""

    chapter: ClassVar[str] = "energy_deals"

    sectors: tuple[str, ...] = param(
        ("energy", "industry"),
        "Deal sectors shown, or all.",
        example='["energy"]',
        choices=DEAL_SECTORS,
        nonempty=True,
    )


def open(namespace: Mapping[str, object]) -> tuple[Params, Dataset, Scope]:
    """The chapter's checked parameters (read from the notebook's globals), its dataset and its
    scope: ``P, dataset, scope = chapter.open(globals())``."""
    return open_chapter(Params, namespace)  # type: ignore[return-value]


__all__ = [
    "HISTORY_COLUMNS",
    "LABEL_WIDTH",
    "TRADE_CLAIM",
    "Params",
    "credited_source_line",
    "delivered",
    "drawn_labels",
    "energy_events",
    "events_data",
    "events_table",
    "furthest",
    "furthest_sentence",
    "growth",
    "history",
    "history_data",
    "history_shown",
    "in_sentence",
    "judgements_table",
    "latest_status",
    "latest_words",
    "of_the_two",
    "open",
    "projects",
    "projects_data",
    "projects_table",
    "proper_words",
    "sector_words",
    "stage_words",
    "standing",
    "standing_words",
    "stated_values",
    "status_alt",
    "status_figure",
    "status_grid",
    "trade",
    "trade_alt",
    "trade_data",
    "trade_figure",
    "trade_sentence",
    "value_alt",
    "value_data",
    "value_figure",
    "value_source_line",
    "valued_thing",
    "values_of",
    "values_sentence",
]
