"""The later record on the chronology's time line: what publications after the five articles
report, drawn as a layer of its own (a last row, hollow marks) so that it never reads as the
articles' evidence, and never counted with it.

The rows are those of :func:`helpers.chapters.what_happened_next.later_events`, narrowed to the
chosen themes only: the later record is not narrowed by the years or the sources of a selection,
since its years lie after the articles and its publications are none of them.
"""

from __future__ import annotations

from collections.abc import Sequence

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.lines import Line2D

from helpers.chapters.what_happened_next import LATER_EVENT_COLUMNS, later_events
from helpers.evidence import Dataset
from helpers.render import time_axes
from helpers.render.timeline import LATER_COLOUR

LATER_KEY = "later record: what publications after the five articles report, not their evidence"
"""What the legend calls the hollow marks of the later record."""

LAYERS = {"articles": "articles", "later": "later record"}
"""The value of the ``layer`` column of the time line's data, for each layer."""


def later_layer(dataset: Dataset, themes: Sequence[str], *, drawn: bool = True) -> pd.DataFrame:
    """The later-record rows the time line draws: every row bearing on one of ``themes`` (a row
    that bears on claims alone, only when every theme is chosen), oldest first; none when the
    layer is not ``drawn``."""
    if not drawn:
        return pd.DataFrame(columns=LATER_EVENT_COLUMNS)
    return later_events(dataset, themes=themes)


def is_drawn(later: pd.DataFrame | None) -> bool:
    """Whether there is a later layer to draw."""
    return later is not None and not later.empty


def draw_later_marks(ax: plt.Axes, later: pd.DataFrame, y: int) -> None:
    """One hollow mark per later-record row on row ``y``, its shape showing the precision of its
    date as the articles' marks do (:data:`helpers.render.time_axes.PRECISION_MARKERS`); a row
    dated to a year is also an outlined, dashed one-year bar."""
    for precision, start, end in zip(
        later["date_precision"], later["start"], later["end"], strict=True
    ):
        x0 = time_axes.year_fraction(start)
        if precision == "year":
            x1 = time_axes.year_fraction(end) + 1 / 365
            ax.barh(
                y,
                x1 - x0,
                left=x0,
                height=0.5,
                facecolor="none",
                edgecolor=LATER_COLOUR,
                linewidth=0.8,
                linestyle="--",
            )
        marker, size = time_axes.PRECISION_MARKERS[precision]
        ax.scatter(
            [x0],
            [y],
            marker=marker or "o",
            s=size or 26,
            facecolor="white",
            edgecolor=LATER_COLOUR,
            linewidth=1.0,
            zorder=3,
        )


def set_apart(ax: plt.Axes, rows: int) -> None:
    """The dashed rule that sets the later row (the last, ``rows``) apart from the themes."""
    ax.axhline(rows - 0.5, color=LATER_COLOUR, linewidth=0.8, linestyle="--", zorder=2)


def later_handle() -> Line2D:
    """The legend's entry for the later record: a hollow mark in its colour."""
    return Line2D(
        [],
        [],
        marker="o",
        linestyle="",
        markerfacecolor="white",
        markeredgecolor=LATER_COLOUR,
        label=LATER_KEY,
    )


def later_source(later: pd.DataFrame) -> str:
    """What the source line adds for the later record: how many rows, in how many outlets."""
    outlets = later["outlet"].nunique()
    rows = "row" if len(later) == 1 else "rows"
    places = "outlet" if outlets == 1 else "outlets"
    return (
        f"Later record: {len(later)} {rows} from {outlets} {places} published after the "
        "articles; data: this book's later-record table."
    )


def later_data(later: pd.DataFrame) -> pd.DataFrame:
    """The later rows as the time line's data holds them: the ``layer``, the row's id, its date,
    what happened (as ``title``), its themes and the publication that reports it."""
    return pd.DataFrame(
        {
            "layer": LAYERS["later"],
            "later_id": later["later_id"].to_list(),
            "date": later["date"].to_list(),
            "date_precision": later["date_precision"].to_list(),
            "year": later["year"].to_list(),
            "end_year": later["end_year"].to_list(),
            "title": later["label"].to_list(),
            "themes": later["themes"].to_list(),
            "publication": later["publication"].to_list(),
            "url": later["url"].to_list(),
            "source_kind": later["source_kind"].to_list(),
            "subject_ids": later["subject_ids"].to_list(),
        }
    )
