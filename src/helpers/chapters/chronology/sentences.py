"""The chronology's sentences whose shape depends on the selection: what the figures and tables
hold, the gaps, and why a table of undated events is empty."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from helpers.analysis.params import ALL
from helpers.analysis.scope import Scope
from helpers.chapters import common
from helpers.chapters.chronology.selection import placed
from helpers.chapters.chronology.years import (
    GAP_MIN_YEARS,
    bounds,
    covered_years,
    gap_runs,
    periods_in_gaps,
)
from helpers.evidence.vocabularies import THEMES
from helpers.render import markup, words
from helpers.render.markup import Markup


def selection_sentence(scope: Scope, whole: Scope, categories: Sequence[str] = (ALL,)) -> Markup:
    """What the figures and tables below hold, against the whole record; the sentence for an
    empty selection says so."""
    events = placed(scope, categories)
    if events.empty:
        return markup.escape(
            f"No dated event of this selection falls between {scope.start_year} and "
            f"{scope.end_year}, so the figures and tables below are empty; the findings above "
            "are those of the whole record."
        )
    first, last = int(events["year"].min()), int(events["end_year"].max())
    others = [] if ALL in categories else ["the chosen kinds of event"]
    if set(scope.themes) != set(THEMES):
        others.append("the chosen themes")
    narrowed = common.narrowed_to(scope, *others)
    if not narrowed:
        return markup.escape(
            f"The figures and tables below draw on all {words.number_word(len(scope.sources))} "
            f"articles and place every dated event of the record, from {first} to {last}."
        )
    total = len(placed(whole))
    return markup.escape(
        f"The figures and tables below are narrowed to {narrowed}: they place {len(events)} of "
        f"the {total} dated events of the whole record, from {first} to {last}; the findings "
        "above are those of the whole record."
    )


def gap_sentence(events: pd.DataFrame, start_year: int, end_year: int) -> Markup:
    """The gaps of the selection in one or two sentences; their shape follows the selection."""
    span = bounds(events, start_year, end_year)
    if span is None:
        return markup.escape("With no dated event in this selection, there are no gaps to show.")
    runs = gap_runs(covered_years(events), *span)
    low, high = span
    if not runs:
        return markup.escape(
            f"From {low} to {high}, every stretch of {words.number_word(GAP_MIN_YEARS)} years "
            "holds a year that a dated event names."
        )
    longest = max(runs, key=lambda r: r[1] - r[0])
    text = (
        f"From {low} to {high}, no dated event of the selection names a year in "
        f"{words.join_words(words.year_range(a, b) for a, b in runs)}; the longest silence lasts "
        f"{longest[1] - longest[0] + 1} years ({words.year_range(*longest)})."
    )
    told = periods_in_gaps(events, runs)
    if len(told):
        text += (
            f" Those years are told, if at all, as periods: "
            f"{words.plural(len(told), 'event', words=True)} dated only to a decade."
        )
    return markup.escape(text)


def undated_note(scope: Scope) -> str:
    """Why the table of undated events is empty."""
    if scope.covers_all_years:
        return "Every event of this selection is dated."
    return "Undated events are listed only when the chosen years cover the whole record."
