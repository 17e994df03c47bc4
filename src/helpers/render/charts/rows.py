"""One row per item along the years: spans with a mark (the years a source reports on and its
publication), and dots of a deal's status as each source reports it."""

from __future__ import annotations

from collections.abc import Sequence

import matplotlib.artist
import matplotlib.patches
import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from helpers.evidence.vocabularies import DEAL_STATUSES
from helpers.render.charts.sizing import noted, rows_height
from helpers.render.date_axes import year_axis
from helpers.render.figure_style import (
    PALETTE,
    finish,
    new_figure,
    wrap_label,
)
from helpers.render.limits import limit_table, limit_text_grid


def spans(
    labels: Sequence[str],
    starts: Sequence[float],
    ends: Sequence[float],
    marks: Sequence[float],
    *,
    title: str,
    xlabel: str,
    ylabel: str,
    source: str | Sequence[str],
    mark_label: str,
    segments: Sequence[Sequence[tuple[float, float]]] | None = None,
    segment_label: str | None = None,
) -> Figure:
    """One horizontal span per row (e.g. the years a source reports on) with a mark (e.g. its
    publication); beyond :data:`MAX_ROWS_DRAWN` rows, the first.

    With ``segments`` (per row, the ``(start, end)`` stretches actually covered), the span is
    drawn as a thin line and the covered stretches as bars over it, so that the gaps inside a
    span show; ``segment_label`` names them in the legend.
    """
    frame = pd.DataFrame(
        {
            "label": list(labels),
            "start": list(starts),
            "end": list(ends),
            "mark": list(marks),
            "segments": list(segments) if segments is not None else [()] * len(labels),
        }
    )
    frame, note = limit_table(frame)
    source = noted(source, note)
    shown = [wrap_label(str(v), 30) for v in frame["label"]]
    fig, ax = new_figure(height=max(1.4, rows_height(shown, 0.42) + 0.7))
    positions = np.arange(len(frame))
    handles: list[matplotlib.artist.Artist] = []
    for y, row in enumerate(frame.itertuples(index=False)):
        if segments is None:
            width = row.end - row.start
            ax.barh(y, width, left=row.start, height=0.45, color=PALETTE[0], alpha=0.6)
            continue
        ax.plot([row.start, row.end], [y, y], color=PALETTE[0], alpha=0.5, linewidth=1)
        for a, b in row.segments:
            bar = ax.barh(
                y, max(b - a, 0.6), left=a, height=0.45, color=PALETTE[0], alpha=0.8, linewidth=0
            )
            if not handles:
                bar.set_label(segment_label or "years covered")
                handles.append(bar)
    mark = ax.scatter(
        list(frame["mark"]), positions, marker="v", color=PALETTE[1], zorder=3, label=mark_label
    )
    ax.set_yticks(positions, shown, fontsize=8)
    ax.invert_yaxis()
    ax.grid(axis="y", alpha=0)
    year_axis(ax)
    legend = [*handles, mark]
    return finish(fig, ax, title=title, xlabel=xlabel, ylabel=ylabel, source=source, legend=legend)


STATUS_COLOURS = dict(
    zip(
        DEAL_STATUSES,
        ("#d9d9d9", "#a8dadc", "#457b9d", "#e9c46a", "#2a9d8f", "#e76f51", "#264653"),
        strict=True,  # one colour per deal status, in the vocabulary's order
    )
)


def status_dots(
    statuses: pd.DataFrame,
    source_years: Sequence[float],
    row_labels: Sequence[str],
    *,
    title: str,
    source: str | Sequence[str],
) -> Figure:
    """Rows × sources: a dot at each source's publication year, coloured by the status it
    reports (a source reporting two statuses gets two dots side by side); beyond
    :data:`MAX_ROWS_DRAWN` rows, the first; beyond :data:`MAX_COLUMNS_DRAWN` sources, those
    that report on the most of the rows drawn."""
    statuses, kept, note = limit_text_grid(statuses)
    source_years = [source_years[j] for j in kept]
    labels = [wrap_label(str(r), 36) for r in list(row_labels)[: len(statuses)]]
    source = noted(source, note)
    fig, ax = new_figure(height=max(1.6, rows_height(labels, 0.42) + 0.7))
    same_year: dict[float, int] = {}
    offsets = []
    for year in source_years:
        offsets.append(same_year.get(year, 0) * 0.35)
        same_year[year] = same_year.get(year, 0) + 1
    for i, row in enumerate(statuses.itertuples(index=False)):
        for j, cell in enumerate(row):
            if not cell:
                continue
            for k, status in enumerate(str(cell).split(" / ")):
                ax.scatter(
                    source_years[j] + offsets[j] + k * 0.12,
                    i,
                    s=70,
                    color=STATUS_COLOURS[status],
                    edgecolor="#333333",
                    linewidth=0.4,
                    zorder=3,
                )
    ax.set_ylim(len(statuses) - 0.5, -0.5)
    years = sorted(set(source_years))
    ax.set_xticks(years, [str(int(y)) for y in years])
    ax.set_xlim(min(years) - 1, max(years) + 1.5)
    ax.grid(axis="y", alpha=0)
    used = {s for cell in statuses.to_numpy().ravel() if cell for s in str(cell).split(" / ")}
    handles = [
        matplotlib.patches.Patch(color=c, label=s) for s, c in STATUS_COLOURS.items() if s in used
    ]
    ax.set_yticks(range(len(statuses)), labels, fontsize=8)
    return finish(
        fig,
        ax,
        title=title,
        xlabel="Year of the source",
        ylabel="",
        source=source,
        legend=handles,
    )
