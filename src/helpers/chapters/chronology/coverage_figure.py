"""The chart of what each source covers: the years its events name, the decades it tells as
periods, its publication, and the gap runs, on the time line's axis."""

from __future__ import annotations

from collections.abc import Sequence

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from helpers.analysis.scope import Scope
from helpers.chapters.chronology.timeline import SPLIT_YEAR
from helpers.chapters.chronology.years import covered_years, source_events
from helpers.render import time_axes
from helpers.render.figure_style import PALETTE, WIDTH_IN, use_style


def coverage_chart(
    scope: Scope,
    events: pd.DataFrame,
    runs: Sequence[tuple[int, int]],
    *,
    title: str,
    source: str,
    split: int = SPLIT_YEAR,
) -> Figure:
    """One row per source: a square at each year its events name, a pale band over each decade
    it tells only as a period, and a triangle at its publication; the gap runs (years no selected
    source names) shaded across all rows. The axis is the time line's."""
    use_style()
    own = {s: e for s, e in source_events(scope, events).items() if len(e)}
    labels = [scope.sources.at[s, "label"] for s in own]
    fig = plt.figure(figsize=(WIDTH_IN, 3))
    left = max((time_axes.text_width(fig, t, 9) for t in labels), default=0.5) + 0.55
    first = float(
        min(int(events["year"].min()), min(int(scope.sources.at[s, "year"]) for s in own))
    )
    last = float(
        max(int(events["end_year"].max()), max(int(scope.sources.at[s, "year"]) for s in own))
    )
    layout = time_axes.layout(first, last, split, left, 0.15)
    source_lines = time_axes.source_lines(source)
    bottom_margin = 0.1 + len(source_lines) * 0.13 + 0.7
    rows_height = 0.34 * len(own) + 0.2
    height = 0.75 + rows_height + bottom_margin
    fig.set_size_inches(WIDTH_IN, height)
    axes = time_axes.panel_axes(fig, layout, bottom_margin, rows_height, split)
    for ax in axes:
        for a, b in runs:
            ax.axvspan(a, b + 1, color="#bbbbbb", alpha=0.35, linewidth=0, zorder=0)
        for y, (source_id, mine) in enumerate(own.items()):
            years = sorted(covered_years(mine))
            ax.scatter(
                [yr + 0.5 for yr in years],
                [y] * len(years),
                marker="s",
                s=16,
                color=PALETTE[0],
                zorder=3,
            )
            decade = mine[mine["date_precision"] == "decade"]
            for start, end in zip(decade["start"], decade["end"], strict=True):
                x0, x1 = time_axes.year_fraction(start), time_axes.year_fraction(end)
                ax.barh(y, x1 - x0, left=x0, height=0.45, color=PALETTE[0], alpha=0.18, linewidth=0)
            ax.scatter(
                [int(scope.sources.at[source_id, "year"]) + 0.5],
                [y - 0.32],
                marker="v",
                s=28,
                color=PALETTE[1],
                zorder=4,
            )
        ax.set_ylim(len(own) - 0.5, -0.75)
    axes[0].set_yticks(range(len(own)), labels)
    axes[0].set_ylabel("Source")
    fig.text(0.01, 1 - 0.08 / height, title, ha="left", va="top", fontsize=11, fontweight="bold")
    handles = [
        Line2D(
            [], [], marker="s", linestyle="", color=PALETTE[0], label="year of an event it reports"
        ),
        Patch(color=PALETTE[0], alpha=0.18, label="a decade it tells as a period"),
        Line2D([], [], marker="v", linestyle="", color=PALETTE[1], label="published"),
    ]
    if runs:
        handles.append(Patch(color="#bbbbbb", alpha=0.35, label="no dated event"))
    fig.legend(
        handles=handles,
        loc="upper left",
        ncols=len(handles),
        bbox_to_anchor=(0.01, 1 - 0.38 / height),
        fontsize=7.5,
        handlelength=1.4,
        columnspacing=1.0,
    )
    time_axes.finish_axis(fig, layout, bottom_margin, split, source_lines)
    return fig
