"""What the chronology's figures say in words: their alt text, with their numbers, and the time
line's caption, which says when it draws the later record and that the later record is not
evidence of the articles."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from helpers.chapters.chronology.later_layer import is_drawn
from helpers.chapters.chronology.periods import theme_word, themes_present
from helpers.chapters.chronology.timeline import SPLIT_YEAR
from helpers.render import words


def timeline_alt(
    events: pd.DataFrame,
    themes: Sequence[str],
    key: pd.DataFrame,
    later: pd.DataFrame | None = None,
) -> str:
    """The time line's alt text, with its numbers; with the later record, what its row holds and
    that it is not evidence of the articles."""
    rows = themes_present(events, themes)
    first, last = int(events["year"].min()), int(events["end_year"].max())
    numbered = words.plural(len(key), "key event", words=True)
    broken = (
        f", the axis broken at {SPLIT_YEAR} where the scale changes"
        if first < SPLIT_YEAR <= last
        else ""
    )
    listed = f": {words.join_words(key['title'])}" if len(key) else ""
    return (
        f"Time line of {words.plural(len(events), 'dated event')} from {first} to {last}, one row "
        f"per theme ({words.join_words(theme_word(t) for t in rows)}){broken}. "
        f"{numbered[0].upper()}{numbered[1:]} numbered{listed}.{later_alt(later)}"
    )


def later_alt(later: pd.DataFrame | None) -> str:
    """The sentence the time line's alt text gives its later row ('' when it is not drawn)."""
    if not is_drawn(later):
        return ""
    first, last = int(later["year"].min()), int(later["end_year"].max())
    marks = words.plural(len(later), "hollow mark")
    return (
        f" A last row, the later record, holds {marks} from {first} to {last}: what publications "
        "after the five articles report, which is not evidence of the articles."
    )


def timeline_caption(later: pd.DataFrame | None = None) -> str:
    """The time line's caption; with the later record, what its row is and that it is not
    evidence of the articles."""
    caption = (
        "Every dated event of the selection on the row of each of its themes; the numbered ones "
        "are the meetings of leaders and the firsts and landmarks."
    )
    if not is_drawn(later):
        return caption
    return (
        f"{caption} The last row, in hollow marks, is the later record: what publications after "
        "the five articles report, drawn for context. It is not evidence of the articles, and "
        "this chapter counts none of it."
    )


def decade_alt(matrix: pd.DataFrame) -> str:
    """The heat map's alt text, with its numbers."""
    totals = matrix.sum(axis=0)
    return (
        f"Heat map of {matrix.shape[0]} themes by {matrix.shape[1]} decades; the busiest decade, "
        f"the {totals.idxmax()}, holds {int(totals.max())} theme marks."
    )


def coverage_alt(table: pd.DataFrame, runs: Sequence[tuple[int, int]]) -> str:
    """The coverage chart's alt text, with its numbers."""
    parts = [
        f"{row['source']} reports events in {words.plural(int(row['years_named']), 'year')}"
        + (
            f" from {int(row['first_year'])} to {int(row['last_year'])}"
            if not pd.isna(row["first_year"])
            else ""
        )
        for _, row in table[table["events"] > 0].iterrows()
    ]
    gaps = words.join_words(words.year_range(a, b) for a, b in runs) or "none"
    return f"One row per source: {'; '.join(parts)}. Runs of years with no dated event: {gaps}."
