"""The chronology's time line: every placed event on a true time axis, broken once where the scale
changes, one row per theme, with the key events numbered; and, when asked, the later record as a
layer of its own (:mod:`helpers.chapters.chronology.later_layer`)."""

from __future__ import annotations

import textwrap
from collections.abc import Iterable, Sequence

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from helpers.analysis.scope import contains_any
from helpers.chapters.chronology.dating import date_labels
from helpers.chapters.chronology.later_layer import (
    draw_later_marks,
    is_drawn,
    later_handle,
    later_source,
    set_apart,
)
from helpers.chapters.chronology.periods import theme_word, themes_present
from helpers.render import time_axes
from helpers.render.figure_style import PALETTE, WIDTH_IN, use_style
from helpers.render.timeline import LATER_COLOUR, LATER_LABEL

# Where the time axis breaks when the events reach both sides: the Cold War decades and the 1990s to
# the left, at a smaller scale; from 2000 on, when the articles' record thickens, to the right at a
# larger one.
SPLIT_YEAR = 2000


# Above this many events the time line draws yearly counts instead of one mark per event.
TIMELINE_MAX_MARKS = 600


# Characters per line of the key to the numbered marks.
KEY_COLUMN_CHARS = 58

# The height of the legend's line for the later record, in inches.
LATER_LEGEND_IN = 0.22


def _key_entries(key: pd.DataFrame, disputed: Iterable[str]) -> list[str]:
    """The key to the numbered marks: each key event's date label and title."""
    labels = date_labels(key, disputed)
    return [
        textwrap.fill(f"{label}: {title}", KEY_COLUMN_CHARS)
        for label, title in zip(labels, key["title"], strict=True)
    ]


def timeline_chart(
    events: pd.DataFrame,
    themes: Sequence[str],
    key: pd.DataFrame,
    *,
    title: str,
    source: str,
    disputed: Iterable[str] = (),
    split: int = SPLIT_YEAR,
    later: pd.DataFrame | None = None,
) -> Figure:
    """Every placed event on a true time axis, one row per theme, the mark showing how precisely
    the sources date it (a point for a day or a month, a one-year bar for a year, a pale band
    for a decade or a span). The key events are numbered above the rows, each number linked to
    its date by a line and a dotted line through the rows, and listed with their dates under
    the title. When the events reach both sides of ``split``, the axis breaks there, visibly,
    and each side has its own scale. Beyond :data:`TIMELINE_MAX_MARKS` events each row shows
    yearly counts.

    ``later``, when given and not empty, is the later record
    (:func:`helpers.chapters.chronology.later_layer.later_layer`): it is drawn on a last row of
    its own, labelled as the later record and set apart by a dashed rule, in hollow marks of its
    own colour; the legend names it, the source line counts it, and the axis reaches its years.
    Without it the figure is the articles' alone."""
    use_style()
    rows = themes_present(events, themes)
    has_later = is_drawn(later)
    fig = plt.figure(figsize=(WIDTH_IN, 5))
    row_labels = [theme_word(t) for t in rows] + ([LATER_LABEL] if has_later else [])
    left = max((time_axes.text_width(fig, t, 9) for t in row_labels), default=0.5) + 0.55
    dated = [events, later] if has_later else [events]
    first = float(min(frame["year"].min() for frame in dated))
    last = float(max(frame["end_year"].max() for frame in dated))
    layout = time_axes.layout(first, last, split, left, 0.15)
    entries = _key_entries(key, disputed)
    columns = time_axes.columns(entries)
    key_lines = max((sum(entries[i].count("\n") + 1 for i in c) for c in columns), default=0)
    key_height = key_lines * time_axes.LINE_IN * 1.15 + 0.08 * max(
        (len(c) for c in columns), default=0
    )
    if has_later:
        source = f"{source} {later_source(later)}"
    source_lines = time_axes.source_lines(source)
    bottom = 0.1 + len(source_lines) * 0.13 + 0.7
    rows_height = 0.27 * max(len(row_labels), 1) + 0.2
    band = 0.55 if len(key) else 0.0
    legend_height = 0.72 + (LATER_LEGEND_IN if has_later else 0.0)
    top = legend_height + key_height
    height = top + band + rows_height + bottom
    fig.set_size_inches(WIDTH_IN, height)
    axes = time_axes.panel_axes(fig, layout, bottom, rows_height, split)
    colour = {t: PALETTE[i % len(PALETTE)] for i, t in enumerate(rows)}
    aggregated = len(events) > TIMELINE_MAX_MARKS
    peak = int(events["year"].value_counts().max()) if aggregated else 0
    for ax in axes:
        for y, theme in enumerate(rows):
            subset = events[contains_any(events["themes"], [theme])]
            if aggregated:
                time_axes.draw_counts(ax, subset, y, colour[theme], peak)
            else:
                time_axes.draw_marks(ax, subset, y, colour[theme])
        if has_later:
            draw_later_marks(ax, later, len(rows))
            set_apart(ax, len(rows))
        ax.set_ylim(len(row_labels) - 0.5, -0.5)
        for start in key["start"]:
            ax.axvline(
                time_axes.year_fraction(start),
                color="#555555",
                linewidth=0.6,
                linestyle=":",
                zorder=1,
            )
    axes[0].set_yticks(range(len(row_labels)), row_labels)
    if has_later:
        axes[0].get_yticklabels()[-1].set_color(LATER_COLOUR)
    axes[0].set_ylabel("Theme")
    # numbered marks above the rows, in two staggered lines, each tied to its date
    xs = [layout.x_inches(time_axes.year_fraction(s)) for s in key["start"]]
    axis_top = bottom + rows_height
    for line in (0, 1):
        chosen_marks = list(range(line, len(xs), 2))
        spots = time_axes.dodge(
            [xs[i] for i in chosen_marks], time_axes.KEY_MARK + 0.08, left, WIDTH_IN - 0.15
        )
        y = axis_top + 0.17 + line * 0.24
        for i, spot in zip(chosen_marks, spots, strict=True):
            fig.add_artist(
                Line2D(
                    [xs[i] / WIDTH_IN, spot / WIDTH_IN],
                    [axis_top / height, (y - time_axes.KEY_MARK / 2) / height],
                    color="#555555",
                    linewidth=0.6,
                )
            )
            time_axes.numbered(fig, spot, y, i + 1, height)
    # the key, under the title and the legend
    column_width = (WIDTH_IN - 0.2) / max(len(columns), 1)
    for c, members in enumerate(columns):
        y = height - legend_height
        for i in members:
            x = 0.1 + c * column_width
            time_axes.numbered(fig, x + 0.08, y - time_axes.LINE_IN / 2, i + 1, height)
            fig.text(
                (x + 0.22) / WIDTH_IN,
                y / height,
                entries[i],
                ha="left",
                va="top",
                fontsize=time_axes.LABEL_FONT,
                linespacing=1.15,
            )
            y -= (entries[i].count("\n") + 1) * time_axes.LINE_IN * 1.15 + 0.08
    fig.text(0.01, 1 - 0.08 / height, title, ha="left", va="top", fontsize=11, fontweight="bold")
    handles = (
        [Line2D([], [], marker="o", linestyle="", color="#444444", label="events per year (area)")]
        if aggregated
        else [
            Line2D([], [], marker="o", linestyle="", color="#444444", label="day known"),
            Line2D([], [], marker="D", linestyle="", color="#444444", label="month known"),
            Line2D([], [], marker="s", linestyle="", color="#444444", label="year known"),
            Patch(color="#444444", alpha=0.25, label="decade or span"),
        ]
    )
    if len(key):
        handles.append(Line2D([], [], color="#555555", linestyle=":", label="key event (numbered)"))
    fig.legend(
        handles=handles,
        loc="upper left",
        ncols=len(handles),
        bbox_to_anchor=(0.01, 1 - 0.36 / height),
        fontsize=7.5,
        handlelength=1.4,
        columnspacing=1.0,
    )
    if has_later:
        # the later record has a line of the legend to itself, under the articles' marks
        fig.legend(
            handles=[later_handle()],
            loc="upper left",
            bbox_to_anchor=(0.01, 1 - (0.36 + LATER_LEGEND_IN) / height),
            fontsize=7.5,
            handlelength=1.4,
        )
    time_axes.finish_axis(fig, layout, bottom, split, source_lines)
    return fig
