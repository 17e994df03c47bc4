"""The time line: events on a time axis, one row per theme, each mark showing how precisely the
sources date the event."""

from __future__ import annotations

import matplotlib
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from helpers.analysis.scope import contains_any
from helpers.render.figure_style import PALETTE, WIDTH_IN, source_text, use_style

PRECISION_STYLE = {
    "day": {"marker": "o", "size": 26, "label": "day known"},
    "month": {"marker": "D", "size": 20, "label": "month known"},
    "year": {"marker": "s", "size": 20, "label": "year known (bar: the year)"},
    "decade": {"marker": None, "size": 0, "label": "decade (bar: the ten years)"},
}


def _year_fraction(ts: pd.Timestamp) -> float:
    start = pd.Timestamp(ts.year, 1, 1)
    days = 366 if ts.is_leap_year else 365
    return ts.year + (ts - start).days / days


TIMELINE_MAX_MARKS = 600
"""Above this many events the time line draws yearly counts instead of one mark per event."""


def is_aggregated(events: pd.DataFrame) -> bool:
    """Whether :func:`timeline` draws ``events`` as yearly counts rather than single marks."""
    return len(events) > TIMELINE_MAX_MARKS


def _draw_marks(ax: Axes, events: pd.DataFrame, y: int, colour: str, lo: float, hi: float) -> None:
    """One mark per event, its shape and length showing the precision of its date."""
    for _, ev in events.iterrows():
        x0, x1 = _year_fraction(ev["start"]), _year_fraction(ev["end"]) + 1 / 365
        if x1 < lo or x0 > hi:
            continue
        precision = ev["date_precision"]
        span = x1 - x0
        if precision in ("year", "decade") or span > 40 / 365:
            alpha = 0.25 if precision == "decade" else 0.55
            ax.barh(y, span, left=x0, height=0.5, color=colour, alpha=alpha, linewidth=0)
        style = PRECISION_STYLE[precision]
        if style["marker"]:
            ax.scatter(
                [x0],
                [y],
                marker=style["marker"],
                s=style["size"],
                color=colour,
                edgecolor="white",
                linewidth=0.5,
                zorder=3,
            )


LATER_COLOUR = "#00798c"
"""The colour of the later record (publications after the five articles), in charts as in the
style sheet (``static/book.css``)."""

LATER_LABEL = "later record"
"""The row name of the later record on the time line."""


def _draw_later_marks(ax: Axes, later: pd.DataFrame, y: int, lo: float, hi: float) -> None:
    """One hollow mark per later-record row, so that it never reads as the articles' evidence:
    a circle (day), a diamond (month) or a square on an outlined one-year bar (year)."""
    for _, row in later.iterrows():
        x0, x1 = _year_fraction(row["start"]), _year_fraction(row["end"]) + 1 / 365
        if x1 < lo or x0 > hi:
            continue
        precision = row["date_precision"]
        if precision == "year":
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
        style = PRECISION_STYLE[precision]
        ax.scatter(
            [x0],
            [y],
            marker=style["marker"],
            s=style["size"],
            facecolor="white",
            edgecolor=LATER_COLOUR,
            linewidth=1.0,
            zorder=3,
        )


def _draw_counts(ax: Axes, events: pd.DataFrame, y: int, colour: str, lo: float, hi: float) -> None:
    """One circle per year, its area the number of events starting in that year."""
    counts = events["year"].astype(int).value_counts()
    counts = counts[(counts.index >= lo) & (counts.index <= hi)]
    if len(counts):
        ax.scatter(
            counts.index + 0.5,
            [y] * len(counts),
            s=8 + 60 * np.sqrt(counts / counts.max()),
            color=colour,
            alpha=0.7,
            linewidth=0,
        )


def timeline(
    events: pd.DataFrame,
    themes: list[str],
    *,
    title: str,
    source: str,
    split_year: int = 2010,
    later: pd.DataFrame | None = None,
) -> Figure:
    """Events on a time axis, one row per theme, the mark showing how precise the date is.

    A day or month is a point; a year a one-year bar with a square; a decade a ten-year band;
    a span from ``start`` to ``end``. When events fall both before and after ``split_year``,
    the axis is split into two panels so that the crowded recent years stay readable. Beyond
    :data:`TIMELINE_MAX_MARKS` events, each row shows one circle per year whose area is the
    number of events starting in it, so that a large dataset stays legible.

    ``later``, when given and not empty, is drawn as a layer of its own: the later record
    (rows with ``start``, ``end``, ``year``, ``end_year`` and ``date_precision``, as
    :func:`helpers.chapters.what_happened_next.later_events` gives them), on a last row
    below a dashed rule, in hollow marks of :data:`LATER_COLOUR`; the axis reaches its years.
    """
    use_style()
    rows = [t for t in themes if contains_any(events["themes"], [t]).any()]
    has_later = later is not None and not later.empty
    dated = [events] + ([later] if has_later else [])
    years = pd.concat([f[column] for f in dated for column in ("year", "end_year")]).astype(int)
    first, last = int(years.min()), int(years.max())
    panels = [(first, last)]
    if first < split_year <= last:
        panels = [(first, split_year - 0.01), (split_year, last + 1)]
    ratios = [1.0, 1.5] if len(panels) == 2 else [1.0]
    fig, axes = plt.subplots(
        1,
        len(panels),
        figsize=(WIDTH_IN, 0.3 * (len(rows) + has_later) + 2.2),
        sharey=True,
        gridspec_kw={"width_ratios": ratios},
    )
    axes = np.atleast_1d(axes)
    colour = {t: PALETTE[i % len(PALETTE)] for i, t in enumerate(rows)}
    aggregated = is_aggregated(events)
    for ax, (lo, hi) in zip(axes, panels, strict=True):
        for y, theme in enumerate(rows):
            subset = events[contains_any(events["themes"], [theme])]
            if aggregated:
                _draw_counts(ax, subset, y, colour[theme], lo, hi)
            else:
                _draw_marks(ax, subset, y, colour[theme], lo, hi)
        if has_later:
            _draw_later_marks(ax, later, len(rows), lo, hi)
            ax.axhline(len(rows) - 0.5, color=LATER_COLOUR, linewidth=0.8, linestyle="--")
            ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        ax.set_xlim(lo - 0.5, hi + 0.5)
        ax.grid(axis="y", alpha=0)
    labels = [t.replace("_", " ") for t in rows] + ([LATER_LABEL] if has_later else [])
    axes[0].set_yticks(range(len(labels)), labels)
    if has_later:
        axes[0].get_yticklabels()[-1].set_color(LATER_COLOUR)
    axes[0].invert_yaxis()
    handles = (
        [
            plt.Line2D(
                [], [], marker="o", linestyle="", color="#444444", label="events per year (area)"
            ),
        ]
        if aggregated
        else [
            plt.Line2D([], [], marker="o", linestyle="", color="#444444", label="day known"),
            plt.Line2D([], [], marker="D", linestyle="", color="#444444", label="month known"),
            plt.Line2D([], [], marker="s", linestyle="", color="#444444", label="year known"),
            matplotlib.patches.Patch(color="#444444", alpha=0.25, label="decade or span"),
        ]
    )
    if has_later:
        handles.append(
            plt.Line2D(
                [],
                [],
                marker="o",
                linestyle="",
                markerfacecolor="white",
                markeredgecolor=LATER_COLOUR,
                label="later record",
            )
        )
    fig.suptitle(title, x=0.01, ha="left", fontsize=11, fontweight="bold")
    fig.legend(handles=handles, loc="upper right", ncols=4 + has_later, bbox_to_anchor=(0.99, 0.95))
    for ax in axes:
        ax.set_xlabel("Year (to 2009)" if len(panels) > 1 and ax is axes[0] else "Year")
    axes[0].set_ylabel("Theme")
    bottom = source_text(fig, source)
    fig.tight_layout(rect=(0, bottom, 1, 0.91))
    return fig
