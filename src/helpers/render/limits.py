"""How much of a table a chart draws: the largest (or first) rows and columns, and the sentence
that says what was left out, so that a chart stays legible at any size of the data."""

from __future__ import annotations

import numpy as np
import pandas as pd

MAX_ROWS_DRAWN = 40
"""Most rows (bars, claims, sources, projects) a chart draws; beyond, it draws the largest (or
first) ones and its source line says how many it leaves out. The CSV beside every figure keeps
them all, so the chart stays legible at any size of the data."""

MAX_COLUMNS_DRAWN = 16
"""Most columns (voices, sources, themes) a chart draws, with the same rule as the rows."""


def _largest(weights: pd.Series, limit: int) -> pd.Index:
    """The labels of the ``limit`` largest ``weights``, in their original order (ties keep the
    earlier label)."""
    if len(weights) <= limit:
        return weights.index
    ranks = weights.reset_index(drop=True).sort_values(ascending=False, kind="stable")
    keep = np.sort(ranks.index[:limit].to_numpy())
    return weights.index[keep]


def limit_table(
    table: pd.DataFrame,
    row_weights: pd.Series | None = None,
    column_weights: pd.Series | None = None,
) -> tuple[pd.DataFrame, str]:
    """``table`` cut to :data:`MAX_ROWS_DRAWN` rows and :data:`MAX_COLUMNS_DRAWN` columns for
    drawing, and the sentence that says what was left out ('' when nothing was).

    Rows are ranked by ``row_weights`` (one per row, positional; the first rows when None),
    columns by ``column_weights`` (one per column; the first columns when None); the kept ones
    stay in the table's order.
    """
    n_rows, n_columns = table.shape
    rows = pd.Series(
        np.arange(n_rows, 0, -1) if row_weights is None else np.asarray(row_weights, dtype=float)
    )
    columns = pd.Series(
        np.arange(n_columns, 0, -1)
        if column_weights is None
        else np.asarray(column_weights, dtype=float)
    )
    keep_rows = _largest(rows, MAX_ROWS_DRAWN).to_numpy()
    keep_columns = _largest(columns, MAX_COLUMNS_DRAWN).to_numpy()
    parts = []
    if len(keep_rows) < n_rows:
        rule = "the first" if row_weights is None else "the largest"
        parts.append(f"{rule} {len(keep_rows)} of {n_rows:,} rows")
    if len(keep_columns) < n_columns:
        rule = "the first" if column_weights is None else "the largest"
        parts.append(f"{rule} {len(keep_columns)} of {n_columns:,} columns")
    note = f" Drawn: {' and '.join(parts)}; the CSV holds them all." if parts else ""
    return table.iloc[keep_rows, keep_columns], note


def limit_text_grid(grid: pd.DataFrame) -> tuple[pd.DataFrame, list[int], str]:
    """A grid of text cells (rows × voices or sources) cut for drawing: its first
    :data:`MAX_ROWS_DRAWN` rows and the :data:`MAX_COLUMNS_DRAWN` columns with the most
    non-empty cells among them; with the positions of the columns kept and the note of
    :func:`limit_table`."""
    positions = grid.set_axis(range(grid.shape[1]), axis=1)
    filled = positions.head(MAX_ROWS_DRAWN).fillna("").astype(str).ne("").sum(axis=0)
    positions, note = limit_table(positions, None, filled)
    kept = list(positions.columns)
    return grid.iloc[: len(positions), kept], kept, note
