"""The charts the chapters draw, all in the book's one style (:mod:`helpers.render.figure_style`):
stacked and labelled bars, heat maps, the stance grid, spans and status dots."""

from __future__ import annotations

from collections.abc import Sequence

import matplotlib
import matplotlib.artist
import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from helpers.evidence.vocabularies import DEAL_STATUSES
from helpers.render.figure_style import (
    PALETTE,
    STANCE_COLOURS,
    finish,
    new_figure,
    source_text,
    wrap_label,
)
from helpers.render.limits import limit_table, limit_text_grid


def stacked_bars(
    table: pd.DataFrame,
    *,
    title: str,
    xlabel: str,
    ylabel: str,
    source: str,
    horizontal: bool = False,
    colours: dict[str, str] | None = None,
    every_row: bool = False,
) -> Figure:
    """A stacked bar chart: one bar per index value, one colour per column (``colours`` maps
    column names to colours; the palette otherwise). Long row labels are wrapped; beyond
    :data:`MAX_ROWS_DRAWN` bars, the largest are drawn, unless ``every_row`` (for an axis
    of time, where leaving out a year would mislead)."""
    if not every_row:
        table, note = limit_table(table, row_weights=table.sum(axis=1, numeric_only=True))
        source += note
    labels = [wrap_label(str(v)) for v in table.index]
    rows_height = sum(0.2 + 0.14 * label.count("\n") for label in labels)
    fig, ax = new_figure(height=max(2.8, rows_height + 1.8) if horizontal else 3.4)
    bottom = np.zeros(len(table))
    positions = np.arange(len(table))
    handles = []
    for i, column in enumerate(table.columns):
        values = table[column].to_numpy(dtype=float)
        colour = (colours or {}).get(str(column), PALETTE[i % len(PALETTE)])
        label = str(column).replace("_", " ")
        if horizontal:
            bars = ax.barh(positions, values, left=bottom, color=colour, label=label)
        else:
            bars = ax.bar(positions, values, bottom=bottom, color=colour, label=label)
        handles.append(bars)
        bottom += values
    if horizontal:
        ax.set_yticks(positions, labels, fontsize=8)
        ax.invert_yaxis()
        ax.grid(axis="y", alpha=0)
    else:
        ax.set_xticks(
            positions,
            labels,
            rotation=45 if len(labels) > 8 else 0,
            ha="right" if len(labels) > 8 else "center",
        )
        ax.grid(axis="x", alpha=0)
        ax.yaxis.get_major_locator().set_params(integer=True)
    return finish(
        fig,
        ax,
        title=title,
        xlabel=xlabel,
        ylabel=ylabel,
        source=source,
        legend=handles if len(table.columns) > 1 else (),
    )


def value_bars(
    labels: Sequence[str],
    values: Sequence[float],
    *,
    title: str,
    xlabel: str,
    ylabel: str,
    source: str,
    annotations: Sequence[str],
) -> Figure:
    """Horizontal bars with a text annotation at the end of each bar (the largest
    :data:`MAX_ROWS_DRAWN`, when there are more)."""
    frame = pd.DataFrame({"label": list(labels), "value": list(values), "note": list(annotations)})
    frame, note = limit_table(frame, row_weights=frame["value"].fillna(0))
    labels, values, annotations = list(frame["label"]), list(frame["value"]), list(frame["note"])
    source += note
    fig, ax = new_figure(height=max(2.4, 0.45 * len(labels) + 1.4))
    positions = np.arange(len(labels))
    ax.barh(positions, values, color=PALETTE[0])
    ax.set_yticks(positions, list(labels))
    ax.invert_yaxis()
    ax.grid(axis="y", alpha=0)
    peak = max(values) if len(values) else 1
    for y, (value, note) in enumerate(zip(values, annotations, strict=True)):
        ax.text(value + peak * 0.01, y, note, va="center", fontsize=8)
    ax.set_xlim(0, peak * 1.7)
    return finish(fig, ax, title=title, xlabel=xlabel, ylabel=ylabel, source=source)


def heatmap(
    matrix: pd.DataFrame, *, title: str, xlabel: str, ylabel: str, source: str, cmap: str = "Blues"
) -> Figure:
    """A labelled heat map of a numeric matrix, each cell annotated with its value (the rows
    and columns with the largest sums, beyond :data:`MAX_ROWS_DRAWN` and
    :data:`MAX_COLUMNS_DRAWN`)."""
    numbers = matrix.astype(float)
    matrix, note = limit_table(matrix, numbers.sum(axis=1), numbers.sum(axis=0))
    source += note
    fig, ax = new_figure(height=max(2.8, 0.32 * len(matrix) + 1.8))
    values = matrix.to_numpy(dtype=float)
    ax.imshow(values, cmap=cmap, aspect="auto")
    ax.set_xticks(
        range(matrix.shape[1]),
        [str(c).replace("_", " ") for c in matrix.columns],
        rotation=40,
        ha="right",
    )
    ax.set_yticks(range(matrix.shape[0]), [str(i).replace("_", " ") for i in matrix.index])
    ax.grid(False)
    peak = values.max() if values.size else 0
    for (i, j), value in np.ndenumerate(values):
        if value:
            ax.text(
                j,
                i,
                f"{value:.0f}",
                ha="center",
                va="center",
                fontsize=7,
                color="white" if value > peak * 0.6 else "black",
            )
    return finish(fig, ax, title=title, xlabel=xlabel, ylabel=ylabel, source=source)


def stance_chart(
    matrix: pd.DataFrame, row_labels: Sequence[str], *, title: str, source: str
) -> Figure:
    """Claims × voices with a coloured mark per stance (several stances split the cell); beyond
    :data:`MAX_ROWS_DRAWN` claims, the first; beyond :data:`MAX_COLUMNS_DRAWN` voices, those
    that speak to the most of the claims drawn."""
    matrix, _, note = limit_text_grid(matrix)
    row_labels = list(row_labels)[: len(matrix)]
    source += note
    fig, ax = new_figure(height=max(3.0, 0.3 * len(matrix) + 2.0))
    for i, claim in enumerate(matrix.index):
        for j, column in enumerate(matrix.columns):
            cell = matrix.at[claim, column]
            if not cell:
                continue
            stances = cell.split(" / ")
            width = 0.8 / len(stances)
            for k, stance in enumerate(stances):
                ax.add_patch(
                    matplotlib.patches.Rectangle(
                        (j - 0.4 + k * width, i - 0.35),
                        width,
                        0.7,
                        color=STANCE_COLOURS[stance],
                        linewidth=0,
                    )
                )
    ax.set_xlim(-0.5, len(matrix.columns) - 0.5)
    ax.set_ylim(len(matrix) - 0.5, -0.5)
    ax.set_xticks(range(len(matrix.columns)), list(matrix.columns), rotation=30, ha="right")
    ax.set_yticks(range(len(matrix)), list(row_labels), fontsize=7)
    ax.grid(False)
    handles = [matplotlib.patches.Patch(color=c, label=s) for s, c in STANCE_COLOURS.items()]
    fig.suptitle(title, x=0.01, ha="left", fontsize=11, fontweight="bold")
    fig.legend(handles=handles, loc="upper right", ncols=3, bbox_to_anchor=(0.99, 0.97))
    ax.set_xlabel("Voice")
    ax.set_ylabel("Claim")
    bottom = source_text(fig, source)
    fig.tight_layout(rect=(0, bottom, 1, 0.93))
    return fig


def spans(
    labels: Sequence[str],
    starts: Sequence[float],
    ends: Sequence[float],
    marks: Sequence[float],
    *,
    title: str,
    xlabel: str,
    ylabel: str,
    source: str,
    mark_label: str,
) -> Figure:
    """One horizontal span per row (e.g. the years a source reports on) with a mark (e.g. its
    publication); beyond :data:`MAX_ROWS_DRAWN` rows, the first."""
    frame = pd.DataFrame(
        {"label": list(labels), "start": list(starts), "end": list(ends), "mark": list(marks)}
    )
    frame, note = limit_table(frame)
    labels, starts, ends = list(frame["label"]), list(frame["start"]), list(frame["end"])
    marks = list(frame["mark"])
    source += note
    fig, ax = new_figure(height=max(2.4, 0.45 * len(labels) + 1.4))
    positions = np.arange(len(labels))
    for y, (a, b) in enumerate(zip(starts, ends, strict=True)):
        ax.barh(y, b - a, left=a, height=0.45, color=PALETTE[0], alpha=0.6)
    mark = ax.scatter(
        list(marks), positions, marker="v", color=PALETTE[1], zorder=3, label=mark_label
    )
    ax.set_yticks(positions, list(labels))
    ax.invert_yaxis()
    ax.grid(axis="y", alpha=0)
    return finish(fig, ax, title=title, xlabel=xlabel, ylabel=ylabel, source=source, legend=[mark])


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
    source: str,
) -> Figure:
    """Rows × sources: a dot at each source's publication year, coloured by the status it
    reports (a source reporting two statuses gets two dots side by side); beyond
    :data:`MAX_ROWS_DRAWN` rows, the first; beyond :data:`MAX_COLUMNS_DRAWN` sources, those
    that report on the most of the rows drawn."""
    statuses, kept, note = limit_text_grid(statuses)
    source_years = [source_years[j] for j in kept]
    row_labels = list(row_labels)[: len(statuses)]
    source += note
    fig, ax = new_figure(height=max(2.6, 0.42 * len(statuses) + 1.8))
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
    ax.set_yticks(range(len(statuses)), [wrap_label(str(r)) for r in row_labels], fontsize=8)
    return finish(
        fig,
        ax,
        title=title,
        xlabel="Year of the source",
        ylabel="",
        source=source,
        legend=handles,
    )
