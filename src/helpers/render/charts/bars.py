"""Bar charts: stacked bars (on a time axis when the rows are years), bars with a note at
the end of each, and bars placed on a true axis of time."""

from __future__ import annotations

from collections.abc import Sequence

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from helpers.render.charts.sizing import LINE_IN, column_labels, labels_height, noted, rows_height
from helpers.render.charts.years import year_bars, year_panels, years_of
from helpers.render.date_axes import break_marks, date_number, time_axis, year_axis
from helpers.render.figure_style import (
    PALETTE,
    WIDTH_IN,
    finish,
    layout,
    new_figure,
    text_width_in,
    use_style,
    wrap_label,
)
from helpers.render.limits import limit_table


def stacked_bars(
    table: pd.DataFrame,
    *,
    title: str,
    xlabel: str,
    ylabel: str,
    source: str | Sequence[str],
    horizontal: bool = False,
    colours: dict[str, str] | None = None,
    every_row: bool = False,
    time_axis: bool | None = None,
) -> Figure:
    """A stacked bar chart: one bar per index value, one colour per column (``colours`` maps
    column names to colours; the palette otherwise). Long row labels wrap; beyond
    :data:`MAX_ROWS_DRAWN` bars, the largest are drawn, unless ``every_row``.

    Vertical bars whose index is years stand on a true axis of time (``time_axis=None``
    decides so from the index; ``False`` keeps one evenly spaced bar per row): every year of
    the table is drawn, years without a row are empty, and a long empty stretch is cut out of
    the axis and marked as cut.
    """
    years = None if horizontal or time_axis is False else years_of(table.index)
    if years is not None:
        return year_bars(
            table,
            years,
            title=title,
            xlabel=xlabel,
            ylabel=ylabel,
            source=source,
            colours=colours,
        )
    if not every_row:
        table, note = limit_table(table, row_weights=table.sum(axis=1, numeric_only=True))
        source = noted(source, note)
    if horizontal:
        labels = [wrap_label(str(v), 40) for v in table.index]
        fig, ax = new_figure(height=max(1.6, rows_height(labels) + 0.7))
    else:
        labels, upright = column_labels([str(v) for v in table.index])
        fig, ax = new_figure(height=2.2 + labels_height(labels, upright))
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
        ax.xaxis.get_major_locator().set_params(integer=True)
    else:
        ax.set_xticks(positions, labels, rotation=0 if upright else 90, fontsize=8)
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


ANNOTATION_WIDTH = 26
"""Characters per line of the note beside a bar of :func:`value_bars`."""


def _fit_annotations(fig: Figure, ax: Axes, values: Sequence[float], notes: Sequence[str]) -> None:
    """Widen the x axis so that the note after each bar ends inside the axes."""
    width_in = ax.get_position().width * fig.get_figwidth()
    pad_in = 0.08
    right = max([float(v) for v in values if np.isfinite(v)] or [1.0]) or 1.0
    limit = right * 1.05
    for value, note in zip(values, notes, strict=True):
        widest = max((text_width_in(line, 8) for line in note.split("\n")), default=0)
        room = width_in - pad_in - widest
        if room > 0.2 * width_in and np.isfinite(value):
            limit = max(limit, float(value) * width_in / room)
    ax.set_xlim(0, limit)


def value_bars(
    labels: Sequence[str],
    values: Sequence[float],
    *,
    title: str,
    xlabel: str,
    ylabel: str,
    source: str | Sequence[str],
    annotations: Sequence[str],
) -> Figure:
    """Horizontal bars with a note at the end of each bar (the largest
    :data:`MAX_ROWS_DRAWN`, when there are more). Labels and notes wrap; the axis is made long
    enough for every note to end inside it."""
    frame = pd.DataFrame({"label": list(labels), "value": list(values), "note": list(annotations)})
    frame, note = limit_table(frame, row_weights=frame["value"].fillna(0))
    source = noted(source, note)
    shown = [wrap_label(str(v), 36) for v in frame["label"]]
    notes = [wrap_label(str(n), ANNOTATION_WIDTH) for n in frame["note"]]
    heights = [max(a.count("\n"), b.count("\n")) + 1 for a, b in zip(shown, notes, strict=True)]
    fig, ax = new_figure(height=max(1.4, sum(0.1 + LINE_IN * h + 0.12 for h in heights) + 0.7))
    values = list(frame["value"])
    positions = np.arange(len(values))
    ax.barh(positions, values, color=PALETTE[0])
    ax.set_yticks(positions, shown, fontsize=8)
    ax.invert_yaxis()
    ax.grid(axis="y", alpha=0)
    texts = []
    for y, (value, text) in enumerate(zip(values, notes, strict=True)):
        texts.append(
            ax.annotate(
                text,
                (value if np.isfinite(value) else 0, y),
                xytext=(4, 0),
                textcoords="offset points",
                va="center",
                fontsize=8,
            )
        )
    _fit_annotations(fig, ax, values, notes)
    fig = finish(fig, ax, title=title, xlabel=xlabel, ylabel=ylabel, source=source)
    _fit_annotations(fig, ax, values, notes)
    return fig


def time_bars(
    dates: Sequence[object],
    values: Sequence[float],
    *,
    title: str,
    xlabel: str,
    ylabel: str,
    source: str | Sequence[str],
    annotations: Sequence[str] = (),
) -> Figure:
    """Bars on a true axis of time: one per date (a year such as 2003, or an ISO date prefix
    such as '2016-09'), placed where it falls, so that three values of 2003, 2006 and 2008 are
    as far apart as those years are; an optional note over each bar."""
    use_style()
    notes = [wrap_label(str(n), 14) for n in annotations] if annotations else []
    lines = max((n.count("\n") + 1 for n in notes), default=0)
    height = 2.2 + 0.11 * lines
    if dates and years_of(pd.Index(list(dates))) is not None:
        years = [int(float(str(d))) for d in dates]
        fig, axes, limits, cut = year_panels(years, height)
        positions: list[float] = [float(y) for y in years]
        width = 0.6
    else:
        fig, ax = plt.subplots(figsize=(WIDTH_IN, height))
        axes, cut = [ax], None
        positions = [date_number(d) for d in dates]
        spread = (max(positions) - min(positions)) if positions else 365.0
        width = max(spread / 60, 20.0)
        limits = [(min(positions, default=0) - width * 2, max(positions, default=1) + width * 2)]
    peak = max([float(v) for v in values if np.isfinite(v)] or [1.0]) or 1.0
    for ax, (lo, hi) in zip(axes, limits, strict=True):
        ax.bar(positions, list(values), width=width, color=PALETTE[0])
        for x, value, note in zip(positions, values, notes, strict=False):
            if lo <= x <= hi:
                ax.annotate(
                    note,
                    (x, value if np.isfinite(value) else 0),
                    xytext=(0, 2),
                    textcoords="offset points",
                    ha="center",
                    va="bottom",
                    fontsize=7,
                )
        ax.set_xlim(lo, hi)
        plot_in = height - 0.6
        ax.set_ylim(0, peak * plot_in / max(plot_in - 0.11 * lines - 0.1, 0.2 * plot_in))
        ax.grid(axis="x", alpha=0)
        if len(axes) == 1 and not cut and positions and positions[0] > 3000:
            time_axis(ax)
        else:
            year_axis(ax)
    axes[0].set_ylabel(ylabel)
    axes[-1].set_xlabel(xlabel)
    if cut:
        break_marks(axes[0], axes[1], f"{xlabel} ({cut})")
    return layout(fig, title=title, source=source)
