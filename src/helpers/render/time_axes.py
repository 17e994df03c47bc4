"""A true time axis for the book's figures, broken once where the scale changes.

A chart of events over many decades needs room for the years in which most happened without
pretending the others were shorter: the axis runs in one or two panels, each linear in time, and
when there are two the break between them is drawn on the axis and named under it. Positions are
worked out in inches, so that labels, numbered marks and the key fit the figure whatever the
data: no text is clipped or cut short.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from dataclasses import dataclass

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from helpers.render.figure_style import WIDTH_IN

# The widths of the two sides of a broken axis, and the gap between them (inches).
PANEL_RATIO = (1.0, 1.7)
PANEL_GAP = 0.3

# The size of small text (a key, a label) and the height of one of its lines, in inches.
LABEL_FONT = 7.0
LINE_IN = LABEL_FONT * 1.25 / 72

# The mark of an event by the precision of its date: a point for a day or a month, a square
# for a year, none for a decade (drawn as a band); marker and area.
PRECISION_MARKERS = {"day": ("o", 26), "month": ("D", 20), "year": ("s", 20), "decade": (None, 0)}

# Diameter, in inches, of a numbered mark.
KEY_MARK = 0.17


@dataclass
class Layout:
    """Where the panels of a time axis stand on the figure, in inches from its left edge."""

    # Each panel's (first, last) year.
    panels: list[tuple[float, float]]
    lefts: list[float]
    widths: list[float]

    def x_inches(self, year: float) -> float:
        """Where a (fractional) year stands, in inches from the figure's left edge."""
        for (lo, hi), left, width in zip(self.panels, self.lefts, self.widths, strict=True):
            if year <= hi or (lo, hi) == self.panels[-1]:
                return left + (min(max(year, lo), hi) - lo) / (hi - lo) * width
        return self.lefts[-1]


def panel_spans(first: float, last: float, split: int) -> list[tuple[float, float]]:
    """The years each panel shows: one panel from ``first`` to ``last``, or two that meet at
    ``split`` when the years reach both sides of it (a year's mark is a year wide, so the last
    panel runs past ``last``)."""
    if first < split <= last:
        return [(first - 0.5, float(split)), (float(split), last + 1.3)]
    return [(first - 0.5, last + 1.3)]


def year_fraction(moment: pd.Timestamp) -> float:
    """A moment as a fractional year (1 July 2016 is about 2016.5)."""
    start = pd.Timestamp(moment.year, 1, 1)
    days = 366 if moment.is_leap_year else 365
    return moment.year + (moment - start).days / days


def text_width(fig: Figure, text: str, size: float, weight: str = "normal") -> float:
    """The width, in inches, of ``text`` drawn on ``fig``."""
    artist = fig.text(0, 0, text, fontsize=size, fontweight=weight)
    box = artist.get_window_extent(renderer=fig.canvas.get_renderer())
    artist.remove()
    return box.width / fig.dpi


def dodge(xs: Sequence[float], spacing: float, low: float, high: float) -> list[float]:
    """Positions as near as can be to ``xs`` (sorted), at least ``spacing`` apart and within
    ``low``–``high``: crowded positions spread evenly about their mean."""
    clusters: list[list[float]] = []
    for x in xs:
        clusters.append([x])
        while len(clusters) > 1:
            previous, last = clusters[-2], clusters[-1]
            if (
                cluster_start(last, spacing)
                >= cluster_start(previous, spacing) + len(previous) * spacing
            ):
                break
            clusters[-2:] = [previous + last]
    positions = [
        cluster_start(cluster, spacing) + i * spacing
        for cluster in clusters
        for i in range(len(cluster))
    ]
    shift = max(0.0, low - positions[0]) if positions else 0.0
    positions = [p + shift for p in positions]
    overflow = max(0.0, positions[-1] - high) if positions else 0.0
    return [max(low, p - overflow) for p in positions]


def cluster_start(cluster: Sequence[float], spacing: float) -> float:
    """Where the first of a cluster of positions stands when they spread about their mean."""
    return sum(cluster) / len(cluster) - (len(cluster) - 1) * spacing / 2


def break_marks(fig: Figure, layout: Layout, y: float, height: float) -> None:
    """Draw the axis break between two panels: slanted strokes on both ends of the bottom axis
    line and the words 'axis broken'."""
    if len(layout.panels) < 2:
        return
    width, full = fig.get_figwidth(), fig.get_figheight()
    gap_left = layout.lefts[0] + layout.widths[0]
    gap_right = layout.lefts[1]
    for x in (gap_left, gap_right):
        fig.add_artist(
            Line2D(
                [(x - 0.05) / width, (x + 0.05) / width],
                [(y - 0.06) / full, (y + 0.06) / full],
                color="#333333",
                linewidth=1.0,
            )
        )
    fig.text(
        (gap_left + gap_right) / 2 / width,
        (y - height) / full,
        "axis broken",
        ha="center",
        va="top",
        fontsize=6.5,
        color="#333333",
    )


def panel_axes(
    fig: Figure, layout: Layout, bottom: float, height: float, split: int
) -> list[plt.Axes]:
    """One axes per panel, sharing the rows, at ``bottom`` (inches) and ``height`` inches; the
    year of the break is ticked once, on the right of it."""
    width, full = fig.get_figwidth(), fig.get_figheight()
    made = []
    for i, ((lo, hi), left, w) in enumerate(
        zip(layout.panels, layout.lefts, layout.widths, strict=True)
    ):
        ax = fig.add_axes((left / width, bottom / full, w / width, height / full))
        ax.set_xlim(lo, hi)
        span = hi - lo
        step = 1 if span <= 8 else 2 if span <= 16 else 5 if span <= 40 else 10
        first_tick = int(np.ceil(lo / step) * step)
        last_panel = i == len(layout.panels) - 1
        ax.set_xticks(
            [
                t
                for t in range(first_tick, int(hi) + 1, step)
                if lo <= t <= hi and (last_panel or t < split)
            ]
        )
        ax.tick_params(axis="x", labelsize=7.5)
        ax.grid(axis="y", alpha=0)
        if i > 0:
            ax.spines["left"].set_visible(False)
            ax.tick_params(axis="y", left=False, labelleft=False)
        made.append(ax)
    return made


def layout(first: float, last: float, split: int, left: float, right: float) -> Layout:
    """The panels for years ``first`` to ``last`` across the figure's width, less ``left`` and
    ``right`` margins (inches), broken at ``split`` when they reach both sides of it."""
    panels = panel_spans(first, last, split)
    gap = PANEL_GAP if len(panels) == 2 else 0.0
    usable = WIDTH_IN - left - right - gap
    ratios = PANEL_RATIO if len(panels) == 2 else (1.0,)
    widths = [usable * r / sum(ratios) for r in ratios]
    lefts = [left] if len(panels) == 1 else [left, left + widths[0] + gap]
    return Layout(panels, lefts, widths)


def axis_label(layout: Layout, split: int) -> str:
    """The label of the time axis, which says where and how it breaks."""
    if len(layout.panels) == 1:
        return "Year"
    return f"Year (the axis breaks at {split}: the years before are drawn at a smaller scale)"


def source_lines(source: str) -> list[str]:
    """A figure's source line, wrapped to the figure's width."""
    return textwrap.wrap(source, width=125)


def draw_marks(ax: plt.Axes, events: pd.DataFrame, y: int, colour: str) -> None:
    """One mark per event on row ``y``, its shape showing the precision of its date
    (:data:`PRECISION_MARKERS`); a year, a decade or a span longer than 40 days is also a bar
    as long as it, paler for a decade."""
    for precision, start, end in zip(
        events["date_precision"], events["start"], events["end"], strict=True
    ):
        x0, x1 = year_fraction(start), year_fraction(end) + 1 / 365
        if precision in ("year", "decade") or x1 - x0 > 40 / 365:
            ax.barh(
                y,
                x1 - x0,
                left=x0,
                height=0.5,
                color=colour,
                alpha=0.25 if precision == "decade" else 0.55,
                linewidth=0,
            )
        marker, size = PRECISION_MARKERS[precision]
        if marker:
            ax.scatter(
                [x0],
                [y],
                marker=marker,
                s=size,
                color=colour,
                edgecolor="white",
                linewidth=0.5,
                zorder=3,
            )


def draw_counts(ax: plt.Axes, events: pd.DataFrame, y: int, colour: str, peak: int) -> None:
    """One circle per year on row ``y``, its area the number of events starting in the year
    (``peak`` the largest count of the figure): the marks of a very large selection."""
    counts = events["year"].astype(int).value_counts()
    ax.scatter(
        counts.index + 0.5,
        [y] * len(counts),
        s=8 + 60 * np.sqrt(counts / max(peak, 1)),
        color=colour,
        alpha=0.7,
        linewidth=0,
    )


def columns(entries: Sequence[str], count: int = 2) -> list[list[int]]:
    """The entries split into ``count`` columns, in order, as evenly as their lines allow."""
    lines = [e.count("\n") + 1 for e in entries]
    total, split, current, used = sum(lines), [[] for _ in range(count)], 0, 0
    for i, n in enumerate(lines):
        if current < count - 1 and used >= total * (current + 1) / count:
            current += 1
        split[current].append(i)
        used += n
    return split


def numbered(fig: Figure, x: float, y: float, number: int, height: float) -> None:
    """A numbered mark centred at (x, y) inches."""
    fig.text(
        x / WIDTH_IN,
        y / height,
        str(number),
        ha="center",
        va="center",
        fontsize=6.5,
        color="white",
        fontweight="bold",
        bbox={"boxstyle": "circle,pad=0.25", "facecolor": "#333333", "edgecolor": "none"},
    )


def finish_axis(fig: Figure, layout: Layout, bottom: float, split: int, source: list[str]) -> None:
    """The axis label, the break marks and the source line under the panels."""
    height = fig.get_figheight()
    break_marks(fig, layout, bottom, 0.24)
    centre = (layout.lefts[0] + layout.lefts[-1] + layout.widths[-1]) / 2
    fig.text(
        centre / WIDTH_IN,
        (bottom - 0.42) / height,
        axis_label(layout, split),
        ha="center",
        va="top",
        fontsize=8.5,
    )
    fig.text(
        0.01,
        0.08 / height,
        "\n".join(source),
        ha="left",
        va="bottom",
        fontsize=7,
        color="#555555",
    )
