"""The charts the chapters draw, all in the book's one style (:mod:`helpers.render.figure_style`):
stacked and labelled bars, bars on a time axis, heat maps, the stance grid, spans and status
dots.

Every chart takes its ``source`` as the source line itself or as the labels of the sources whose
records it draws (:func:`~helpers.render.figure_style.source_line`). Labels wrap, and the figure
grows to hold them: no text is cut or runs off the figure. Where the rows are years, the axis is
a true axis of time, and a long stretch with nothing to draw is cut out of it and marked as cut.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

import matplotlib
import matplotlib.artist
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from helpers.evidence.vocabularies import DEAL_STATUSES
from helpers.render import figure_style
from helpers.render.figure_style import (
    PALETTE,
    STANCE_COLOURS,
    WIDTH_IN,
    as_source_line,
    break_marks,
    date_number,
    finish,
    layout,
    new_figure,
    text_width_in,
    use_style,
    wrap_label,
    year_axis,
)
from helpers.render.limits import limit_table, limit_text_grid

LINE_IN = 0.14
"""Height of one line of an axis label at 8 points, in inches."""

BREAK_MIN_YEARS = 10
"""A run of empty years at least this long, and longer than :data:`BREAK_SHARE` of the span,
is cut out of a time axis (and the cut is marked)."""
BREAK_SHARE = 0.4


def _rows_height(labels: Sequence[str], per_row: float = 0.2) -> float:
    """Inches needed by rows whose wrapped labels are ``labels``."""
    return sum(max(per_row, LINE_IN * (label.count("\n") + 1) + 0.06) for label in labels)


def _years(index: pd.Index) -> list[int] | None:
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


def _cut(years: Sequence[int]) -> tuple[int, int] | None:
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


def _year_panels(
    years: Sequence[int], height: float
) -> tuple[Figure, list[Axes], list[tuple[float, float]], str | None]:
    """One axes for the years, or two with the longest empty stretch cut out between them;
    their x limits; and the label of the cut."""
    use_style()
    first, last = min(years), max(years)
    cut = _cut(years)
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


def _year_bars(
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
    fig, axes, limits, cut = _year_panels(years, 2.6)
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
    years = None if horizontal or time_axis is False else _years(table.index)
    if years is not None:
        return _year_bars(
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
        source = _noted(source, note)
    if horizontal:
        labels = [wrap_label(str(v), 40) for v in table.index]
        fig, ax = new_figure(height=max(1.6, _rows_height(labels) + 0.7))
    else:
        labels, upright = _column_labels([str(v) for v in table.index])
        fig, ax = new_figure(height=2.2 + _labels_height(labels, upright))
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


def _column_labels(labels: list[str], label_room_in: float = 1.4) -> tuple[list[str], bool]:
    """Labels under columns (bars, cells), wrapped to the room each column has when the row
    labels take ``label_room_in`` of the width: upright when a column is wide enough for a few
    words a line, else turned to read upwards, in as many lines as fit side by side; and
    whether they are upright."""
    slot_pt = (WIDTH_IN - label_room_in) / max(len(labels), 1) * 72
    if slot_pt >= 54:
        return [wrap_label(label, max(6, int(slot_pt / 5.2))) for label in labels], True
    lines = max(1, int(slot_pt / 11))
    longest = max((len(label) for label in labels), default=0)
    return [wrap_label(label, max(18, -(-longest // lines))) for label in labels], False


def _labels_height(labels: list[str], upright: bool) -> float:
    """Inches taken under the axes by column labels and the axis label."""
    if upright:
        return 0.45 + LINE_IN * max((label.count("\n") + 1 for label in labels), default=1)
    widest = max((text_width_in(line, 8) for lb in labels for line in lb.split("\n")), default=0)
    return 0.45 + widest


def _noted(source: str | Sequence[str], note: str) -> str | Sequence[str]:
    """The source line with the note of what was left out of the drawing."""
    return as_source_line(source) + note if note else source


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
    source = _noted(source, note)
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
    if dates and _years(pd.Index(list(dates))) is not None:
        years = [int(float(str(d))) for d in dates]
        fig, axes, limits, cut = _year_panels(years, height)
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
            figure_style.time_axis(ax)
        else:
            year_axis(ax)
    axes[0].set_ylabel(ylabel)
    axes[-1].set_xlabel(xlabel)
    if cut:
        break_marks(axes[0], axes[1], f"{xlabel} ({cut})")
    return layout(fig, title=title, source=source)


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
    source = _noted(source, note)
    rows = [wrap_label(str(i).replace("_", " "), 28) for i in matrix.index]
    columns, upright = _column_labels([str(c).replace("_", " ") for c in matrix.columns], 2.4)
    fig, ax = new_figure(
        height=max(1.8, _rows_height(rows, 0.3) + _labels_height(columns, upright))
    )
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
    source = _noted(source, note)
    columns, upright = _column_labels([str(c) for c in matrix.columns], 3.4)
    heights = [max(0.26, 0.12 * (label.count("\n") + 1) + 0.08) for label in labels]
    fig, ax = new_figure(height=max(1.8, sum(heights) + _labels_height(columns, upright)))
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
    source = _noted(source, note)
    shown = [wrap_label(str(v), 30) for v in frame["label"]]
    fig, ax = new_figure(height=max(1.4, _rows_height(shown, 0.42) + 0.7))
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
    return finish(
        fig,
        ax,
        title=title,
        xlabel=xlabel,
        ylabel=ylabel,
        source=source,
        legend=[*handles, mark],
    )


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
    source = _noted(source, note)
    fig, ax = new_figure(height=max(1.6, _rows_height(labels, 0.42) + 0.7))
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
