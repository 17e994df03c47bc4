"""Grids of rows × columns: a heat map of counts and the stance grid of claims × voices."""

from __future__ import annotations

from collections.abc import Sequence

import matplotlib.patches
import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from helpers.render.charts.sizing import column_labels, labels_height, noted, rows_height
from helpers.render.figure_style import (
    STANCE_COLOURS,
    finish,
    new_figure,
    wrap_label,
)
from helpers.render.limits import limit_table, limit_text_grid


def heatmap(
    matrix: pd.DataFrame,
    *,
    title: str,
    xlabel: str,
    ylabel: str,
    source: str | Sequence[str],
    cmap: str = "Blues",
) -> Figure:
    """A labelled heat map of a numeric matrix, each cell annotated with its value (the rows
    and columns with the largest sums, beyond :data:`MAX_ROWS_DRAWN` and
    :data:`MAX_COLUMNS_DRAWN`)."""
    numbers = matrix.astype(float)
    matrix, note = limit_table(matrix, numbers.sum(axis=1), numbers.sum(axis=0))
    source = noted(source, note)
    rows = [wrap_label(str(i).replace("_", " "), 28) for i in matrix.index]
    columns, upright = column_labels([str(c).replace("_", " ") for c in matrix.columns], 2.4)
    fig, ax = new_figure(height=max(1.8, rows_height(rows, 0.3) + labels_height(columns, upright)))
    values = matrix.to_numpy(dtype=float)
    ax.imshow(values, cmap=cmap, aspect="auto")
    ax.set_xticks(range(matrix.shape[1]), columns, rotation=0 if upright else 90, fontsize=8)
    ax.set_yticks(range(matrix.shape[0]), rows, fontsize=8)
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
    matrix: pd.DataFrame,
    row_labels: Sequence[str],
    *,
    title: str,
    source: str | Sequence[str],
) -> Figure:
    """Claims × voices with a coloured mark per stance (several stances split the cell); beyond
    :data:`MAX_ROWS_DRAWN` claims, the first; beyond :data:`MAX_COLUMNS_DRAWN` voices, those
    that speak to the most of the claims drawn. Claims are given in full and wrap."""
    matrix, _, note = limit_text_grid(matrix)
    labels = [wrap_label(str(label), 48) for label in list(row_labels)[: len(matrix)]]
    source = noted(source, note)
    columns, upright = column_labels([str(c) for c in matrix.columns], 3.4)
    heights = [max(0.26, 0.12 * (label.count("\n") + 1) + 0.08) for label in labels]
    fig, ax = new_figure(height=max(1.8, sum(heights) + labels_height(columns, upright)))
    centres = np.cumsum(heights) - np.array(heights) / 2
    for i, claim in enumerate(matrix.index):
        for j, column in enumerate(matrix.columns):
            cell = matrix.at[claim, column]
            if not cell:
                continue
            stances = cell.split(" / ")
            width = 0.8 / len(stances)
            height = min(0.2, heights[i] * 0.7)
            for k, stance in enumerate(stances):
                ax.add_patch(
                    matplotlib.patches.Rectangle(
                        (j - 0.4 + k * width, centres[i] - height / 2),
                        width,
                        height,
                        color=STANCE_COLOURS[stance],
                        linewidth=0,
                    )
                )
    ax.set_xlim(-0.5, len(matrix.columns) - 0.5)
    ax.set_ylim(float(sum(heights)), 0)
    ax.set_xticks(range(len(matrix.columns)), columns, rotation=0 if upright else 90, fontsize=8)
    ax.set_yticks(list(centres), labels, fontsize=7)
    ax.grid(False)
    handles = [matplotlib.patches.Patch(color=c, label=s) for s, c in STANCE_COLOURS.items()]
    return finish(
        fig, ax, title=title, xlabel="Voice", ylabel="Claim", source=source, legend=handles
    )
