"""The military ties' sentences whose shape depends on the selection: what the figures and
tables hold, the steps the chart cannot place, the counts of exercises and the talks before any
transfer."""

from __future__ import annotations

import pandas as pd

from helpers.analysis.scope import Scope
from helpers.chapters import chronology, common
from helpers.chapters.military_ties.engagement import undrawn
from helpers.chapters.military_ties.exercises import exercise_counts
from helpers.chapters.military_ties.kinds import DEFENCE, cooperation
from helpers.render import markup, words
from helpers.render.markup import Markup


def selection_sentence(
    scope: Scope, whole: Scope, ties: pd.DataFrame, include_planned: bool = True
) -> Markup:
    """What the figures and tables below hold, against the whole record; the sentence for an
    empty selection says so."""
    if ties.empty:
        return markup.escape(
            f"No step of military cooperation between the two states falls between "
            f"{scope.start_year} and {scope.end_year} in this selection, so the figures and "
            "tables below are empty; the findings above are those of the whole record."
        )
    first, last = int(ties["year"].min()), int(ties["end_year"].max())
    others = [] if include_planned else ["the steps reported as taken"]
    if DEFENCE not in scope.themes:
        others.append("the chosen themes")
    narrowed = common.narrowed_to(scope, *others)
    if not narrowed:
        return markup.escape(
            f"The figures and tables below hold every step of the record, from {first} to {last}."
        )
    return markup.escape(
        f"The figures and tables below are narrowed to {narrowed}: they hold {len(ties)} of the "
        f"{len(cooperation(whole))} steps of the whole record, from {first} to {last}; the "
        "findings above are those of the whole record."
    )


def undrawn_sentence(ties: pd.DataFrame) -> Markup:
    """The steps the chart by year cannot place, in one sentence; nothing when none."""
    loose = undrawn(ties)
    if loose.empty:
        return Markup("")
    named = words.join_words(
        f"{t} ({words.format_date(d, 'decade')})"
        for t, d in zip(loose["title"], loose["date"], strict=True)
    )
    listed = "it is" if len(loose) == 1 else "they are"
    return markup.escape(
        f"Dated only to a decade, and so not drawn: {named}; {listed} in the tables below."
    )


def exercise_count_sentence(scope: Scope) -> Markup:
    """How many joint exercises a source counts, and by when; nothing when no source counts."""
    parts = []
    for figure_id, figure in exercise_counts(scope).iterrows():
        count = words.plural(int(figure["value"]), "joint exercise", words=True)
        by = f" by {int(figure['year'])}" if not pd.isna(figure["year"]) else ""
        parts.append(f"{count}{by} ({common.attribution(scope, [figure_id])})")
    if not parts:
        return Markup("")
    return Markup(f"The count the articles give: {'; '.join(parts)}.")


def talks_sentence(scope: Scope, talks: pd.DataFrame) -> Markup:
    """The talks that came before any transfer, one sentence each; nothing when none."""
    sentences = [
        f"{markup.escape(e['summary'].rstrip('.'))} "
        f"({markup.escape(chronology.date_label(e))}; {common.attribution(scope, [i])})."
        for i, e in talks.iterrows()
    ]
    if not sentences:
        return Markup("")
    return Markup(f"Talk came before any transfer. {' '.join(sentences)}")
