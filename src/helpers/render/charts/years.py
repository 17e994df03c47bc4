"""Bars on a true axis of years: every year of the table has its place, and a long stretch
with nothing to draw is cut out of the axis and marked as cut."""

from __future__ import annotations

import itertools
from collections.abc import Sequence

import matplotlib.artist
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from helpers.render.date_axes import break_marks, year_axis
from helpers.render.figure_style import (
    PALETTE,
    WIDTH_IN,
    layout,
    use_style,
)

BREAK_MIN_YEARS = 10
"""A run of empty years at least this long, and longer than :data:`BREAK_SHARE` of the span,
is cut out of a time axis (and the cut is marked)."""
BREAK_SHARE = 0.4


def years_of(index: pd.Index) -> list[int] | None:
    """The index as years when every value is a whole year (1000–2999), else None."""
    years = []
    for value in index:
        try:
            number = float(value)
        except (TypeError, ValueError):
            return None
        if not number.is_integer() or not 1000 <= number <= 2999:
            return None
        years.append(int(number))
    return years or None


def long_gap(years: Sequence[int]) -> tuple[int, int] | None:
    """The longest run of years with nothing in it, ``(last before, first after)``, when it is
    long enough to cut out of the axis."""
    ordered = sorted(set(years))
    if len(ordered) < 2:
        return None
    gaps = [(b - a - 1, a, b) for a, b in itertools.pairwise(ordered)]
    empty, before, after = max(gaps)
    span = ordered[-1] - ordered[0] + 1
    if empty >= BREAK_MIN_YEARS and empty > BREAK_SHARE * span:
        return before, after
    return None


def year_panels(
    years: Sequence[int], height: float
) -> tuple[Figure, list[Axes], list[tuple[float, float]], str | None]:
    """One axes for the years, or two with the longest empty stretch cut out between them;
    their x limits; and the label of the cut."""
    use_style()
    first, last = min(years), max(years)
    cut = long_gap(years)
    if cut is None:
        fig, ax = plt.subplots(figsize=(WIDTH_IN, height))
        return fig, [ax], [(first - 0.7, last + 0.7)], None
    before, after = cut
    limits = [(first - 0.7, before + 0.7), (after - 0.7, last + 0.7)]
    spans = [max(hi - lo, 0.3 * (last - first + 1) / 2) for lo, hi in limits]
    fig, axes = plt.subplots(
        1, 2, figsize=(WIDTH_IN, height), sharey=True, gridspec_kw={"width_ratios": spans}
    )
    label = f"axis cut: nothing in {before + 1}–{after - 1}"
    return fig, list(axes), limits, label


def year_bars(
    table: pd.DataFrame,
    years: list[int],
    *,
    title: str,
    xlabel: str,
    ylabel: str,
    source: str | Sequence[str],
    colours: dict[str, str] | None,
) -> Figure:
    """Stacked bars on a true axis of years (cut where a long stretch is empty)."""
    fig, axes, limits, cut = year_panels(years, 2.6)
    positions = np.array(years, dtype=float)
    handles: list[matplotlib.artist.Artist] = []
    for ax, (lo, hi) in zip(axes, limits, strict=True):
        inside = (positions >= lo) & (positions <= hi)
        bottom = np.zeros(int(inside.sum()))
        for i, column in enumerate(table.columns):
            values = table[column].to_numpy(dtype=float)[inside]
            colour = (colours or {}).get(str(column), PALETTE[i % len(PALETTE)])
            bars = ax.bar(
                positions[inside],
                values,
                bottom=bottom,
                width=0.8,
                color=colour,
                label=str(column).replace("_", " "),
            )
            if ax is axes[0]:
                handles.append(bars)
            bottom += values
        ax.set_xlim(lo, hi)
        year_axis(ax)
        ax.grid(axis="x", alpha=0)
        ax.yaxis.get_major_locator().set_params(integer=True)
    axes[0].set_ylabel(ylabel)
    axes[-1].set_xlabel(xlabel)
    if cut:
        break_marks(axes[0], axes[1], f"{xlabel} ({cut})")
    return layout(fig, title=title, source=source, legend=handles if len(table.columns) > 1 else ())
