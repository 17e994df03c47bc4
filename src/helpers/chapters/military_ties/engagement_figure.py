"""The chart of the steps per year, stacked by kind on a true time axis, and its alt text."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from helpers.chapters.military_ties.kinds import KINDS
from helpers.render import words
from helpers.render.figure_style import PALETTE, finish, new_figure


def engagement_chart(
    table: pd.DataFrame, runs: Sequence[tuple[int, int]], *, title: str, source: str
) -> Figure:
    """Steps per year, stacked by kind, on a true time axis: every year has its place, and the
    runs of years with no step reported (:func:`quiet_runs`) are shaded."""
    fig, ax = new_figure(height=3.4)
    years = table.index.to_numpy(dtype=float)
    bottom = np.zeros(len(table))
    handles = []
    for kind in table.columns:
        values = table[kind].to_numpy(dtype=float)
        colour = PALETTE[KINDS.index(kind) % len(PALETTE)]  # one colour per kind, always
        handles.append(ax.bar(years, values, bottom=bottom, width=0.8, color=colour, label=kind))
        bottom += values
    for a, b in runs:
        ax.axvspan(a - 0.5, b + 0.5, color="#bbbbbb", alpha=0.3, linewidth=0, zorder=0)
    if runs:
        handles.append(Patch(color="#bbbbbb", alpha=0.3, label="nothing reported"))
    span = years[-1] - years[0] if len(years) else 0
    step = 1 if span <= 12 else 5 if span <= 40 else 10
    ax.set_xticks(range(int(np.ceil(years[0] / step) * step), int(years[-1]) + 1, step))
    ax.set_xlim(years[0] - 0.8, years[-1] + 0.8)
    ax.yaxis.get_major_locator().set_params(integer=True)
    ax.grid(axis="x", alpha=0)
    return finish(
        fig, ax, title=title, xlabel="Year", ylabel="Steps", source=source, legend=handles
    )


def engagement_alt(table: pd.DataFrame, runs: Sequence[tuple[int, int]]) -> str:
    """The engagement chart's alt text, with its numbers."""
    totals = table.sum(axis=0)
    counted = "; ".join(f"{kind}: {int(n)}" for kind, n in totals.items())
    quiet = words.join_words(words.year_range(a, b) for a, b in runs) or "none"
    first, last = int(table.index.min()), int(table.index.max())
    years = f"every year from {first} to {last}" if first < last else str(first)
    return f"Stacked bars for {years} ({counted}). Runs of years with no step: {quiet}."
