"""One figure style for the whole book, and the charts the chapters draw.

Every figure has a title, labelled axes and a source line naming the articles it draws on; it is
sized for the PDF's text width and saved as a PNG whose bytes depend only on the data (fixed
metadata, fonts shipped with matplotlib, no timestamps).
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from pathlib import Path

import matplotlib
import matplotlib.artist
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from helpers import schema
from helpers.selection import contains_any

WIDTH_IN = 7.0
DPI = 150
PALETTE = [
    "#1b6ca8",
    "#d1495b",
    "#edae49",
    "#00798c",
    "#66a182",
    "#8d6a9f",
    "#30638e",
    "#e07a5f",
    "#3d405b",
    "#81b29a",
    "#a05c34",
    "#6c757d",
    "#f2cc8f",
]
STANCE_COLOURS = {"supports": "#2a9d8f", "qualifies": "#e9c46a", "disputes": "#e76f51"}

STYLE = {
    "font.family": "DejaVu Sans",
    "font.size": 9,
    "axes.titlesize": 11,
    "axes.titleweight": "bold",
    "axes.labelsize": 9,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "grid.alpha": 0.3,
    "legend.fontsize": 8,
    "legend.frameon": False,
    "figure.dpi": DPI,
    "savefig.dpi": DPI,
    "svg.hashsalt": "pakistan-russia",
    "path.simplify": True,
}


def use_style() -> None:
    """Apply the book's style to matplotlib."""
    plt.rcParams.update(STYLE)


def new_figure(height: float = 3.6, **kwargs: object) -> tuple[Figure, Axes]:
    """A figure of the book's width with one axes."""
    use_style()
    fig, ax = plt.subplots(figsize=(WIDTH_IN, height), **kwargs)
    return fig, ax


def _source_text(fig: Figure, source: str) -> float:
    """Write the wrapped source line at the bottom; returns the height (figure fraction) used."""
    lines = textwrap.wrap(source, width=125)
    fig.text(0.01, 0.01, "\n".join(lines), fontsize=7, color="#555555", ha="left", va="bottom")
    line_height = 7 * 1.35 / 72 / fig.get_figheight()
    return 0.02 + line_height * len(lines)


def finish(
    fig: Figure,
    ax: Axes,
    *,
    title: str,
    xlabel: str,
    ylabel: str,
    source: str,
    legend: Sequence[matplotlib.artist.Artist] = (),
) -> Figure:
    """Title (flush left over the whole figure), axis labels, an optional legend under the
    title, and the source line at the bottom."""
    fig.suptitle(title, x=0.01, ha="left", fontsize=11, fontweight="bold")
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    top = 0.93
    if legend:
        fig.legend(
            handles=list(legend),
            loc="upper right",
            ncols=min(len(legend), 4),
            bbox_to_anchor=(0.99, 0.95),
        )
        top = 1 - 0.6 / fig.get_figheight()
    bottom = _source_text(fig, source)
    fig.tight_layout(rect=(0, bottom, 1, top))
    return fig


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


def wrap_label(text: str, width: int = 42, lines: int = 2) -> str:
    """A long axis label wrapped on at most ``lines`` lines, shortened with '...' if needed."""
    wrapped = textwrap.wrap(text, width)
    if len(wrapped) > lines:
        wrapped = [*wrapped[: lines - 1], textwrap.shorten(" ".join(wrapped[lines - 1 :]), width)]
    return "\n".join(wrapped)


SOURCE_LINE_MAX_NAMES = 12
"""Most sources a figure's source line names; beyond, it names the first ones and counts the
rest, so that the line stays one or two lines long however many sources the data has."""


def source_line(labels: Sequence[str]) -> str:
    """'Source: Fernandez (2021)' or 'Sources: A (2012), B (2018) and C (2021)'; beyond
    :data:`SOURCE_LINE_MAX_NAMES` sources, 'Sources: A (2012), …, L (2018) and 4,988 more'."""
    items = list(labels)
    if len(items) == 1:
        return f"Source: {items[0]}; data: this book's evidence table."
    if len(items) > SOURCE_LINE_MAX_NAMES:
        more = len(items) - SOURCE_LINE_MAX_NAMES
        joined = ", ".join(items[:SOURCE_LINE_MAX_NAMES]) + f" and {more:,} more"
    else:
        joined = ", ".join(items[:-1]) + f" and {items[-1]}"
    return f"Sources: {joined}; data: this book's evidence table."


def save(fig: Figure, path: Path) -> Path:
    """Write ``fig`` as a reproducible PNG (no software or date metadata) and close it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, format="png", metadata={"Software": None})
    return path


# ----------------------------------------------------------------------------------------------
# Charts
# ----------------------------------------------------------------------------------------------

PRECISION_STYLE = {
    "day": {"marker": "o", "size": 26, "label": "day known"},
    "month": {"marker": "D", "size": 20, "label": "month known"},
    "year": {"marker": "s", "size": 20, "label": "year known (bar: the year)"},
    "decade": {"marker": None, "size": 0, "label": "decade (bar: the ten years)"},
}


def _year_fraction(ts: pd.Timestamp) -> float:
    start = pd.Timestamp(ts.year, 1, 1)
    days = 366 if ts.is_leap_year else 365
    return ts.year + (ts - start).days / days


TIMELINE_MAX_MARKS = 600
"""Above this many events the time line draws yearly counts instead of one mark per event."""


def is_aggregated(events: pd.DataFrame) -> bool:
    """Whether :func:`timeline` draws ``events`` as yearly counts rather than single marks."""
    return len(events) > TIMELINE_MAX_MARKS


def _draw_marks(ax: Axes, events: pd.DataFrame, y: int, colour: str, lo: float, hi: float) -> None:
    """One mark per event, its shape and length showing the precision of its date."""
    for _, ev in events.iterrows():
        x0, x1 = _year_fraction(ev["start"]), _year_fraction(ev["end"]) + 1 / 365
        if x1 < lo or x0 > hi:
            continue
        precision = ev["date_precision"]
        span = x1 - x0
        if precision in ("year", "decade") or span > 40 / 365:
            alpha = 0.25 if precision == "decade" else 0.55
            ax.barh(y, span, left=x0, height=0.5, color=colour, alpha=alpha, linewidth=0)
        style = PRECISION_STYLE[precision]
        if style["marker"]:
            ax.scatter(
                [x0],
                [y],
                marker=style["marker"],
                s=style["size"],
                color=colour,
                edgecolor="white",
                linewidth=0.5,
                zorder=3,
            )


def _draw_counts(ax: Axes, events: pd.DataFrame, y: int, colour: str, lo: float, hi: float) -> None:
    """One circle per year, its area the number of events starting in that year."""
    counts = events["year"].astype(int).value_counts()
    counts = counts[(counts.index >= lo) & (counts.index <= hi)]
    if len(counts):
        ax.scatter(
            counts.index + 0.5,
            [y] * len(counts),
            s=8 + 60 * np.sqrt(counts / counts.max()),
            color=colour,
            alpha=0.7,
            linewidth=0,
        )


def timeline(
    events: pd.DataFrame, themes: list[str], *, title: str, source: str, split_year: int = 2010
) -> Figure:
    """Events on a time axis, one row per theme, the mark showing how precise the date is.

    A day or month is a point; a year a one-year bar with a square; a decade a ten-year band;
    a span from ``start`` to ``end``. When events fall both before and after ``split_year``,
    the axis is split into two panels so that the crowded recent years stay readable. Beyond
    :data:`TIMELINE_MAX_MARKS` events, each row shows one circle per year whose area is the
    number of events starting in it, so that a large dataset stays legible.
    """
    use_style()
    rows = [t for t in themes if contains_any(events["themes"], [t]).any()]
    years = pd.concat([events["year"], events["end_year"]]).astype(int)
    first, last = int(years.min()), int(years.max())
    panels = [(first, last)]
    if first < split_year <= last:
        panels = [(first, split_year - 0.01), (split_year, last + 1)]
    ratios = [1.0, 1.5] if len(panels) == 2 else [1.0]
    fig, axes = plt.subplots(
        1,
        len(panels),
        figsize=(WIDTH_IN, 0.3 * len(rows) + 2.2),
        sharey=True,
        gridspec_kw={"width_ratios": ratios},
    )
    axes = np.atleast_1d(axes)
    colour = {t: PALETTE[i % len(PALETTE)] for i, t in enumerate(rows)}
    aggregated = is_aggregated(events)
    for ax, (lo, hi) in zip(axes, panels, strict=True):
        for y, theme in enumerate(rows):
            subset = events[contains_any(events["themes"], [theme])]
            if aggregated:
                _draw_counts(ax, subset, y, colour[theme], lo, hi)
            else:
                _draw_marks(ax, subset, y, colour[theme], lo, hi)
        ax.set_xlim(lo - 0.5, hi + 0.5)
        ax.grid(axis="y", alpha=0)
    axes[0].set_yticks(range(len(rows)), [t.replace("_", " ") for t in rows])
    axes[0].invert_yaxis()
    handles = (
        [
            plt.Line2D(
                [], [], marker="o", linestyle="", color="#444444", label="events per year (area)"
            ),
        ]
        if aggregated
        else [
            plt.Line2D([], [], marker="o", linestyle="", color="#444444", label="day known"),
            plt.Line2D([], [], marker="D", linestyle="", color="#444444", label="month known"),
            plt.Line2D([], [], marker="s", linestyle="", color="#444444", label="year known"),
            matplotlib.patches.Patch(color="#444444", alpha=0.25, label="decade or span"),
        ]
    )
    fig.suptitle(title, x=0.01, ha="left", fontsize=11, fontweight="bold")
    fig.legend(handles=handles, loc="upper right", ncols=4, bbox_to_anchor=(0.99, 0.95))
    for ax in axes:
        ax.set_xlabel("Year (to 2009)" if len(panels) > 1 and ax is axes[0] else "Year")
    axes[0].set_ylabel("Theme")
    bottom = _source_text(fig, source)
    fig.tight_layout(rect=(0, bottom, 1, 0.91))
    return fig


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
    bottom = _source_text(fig, source)
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
        schema.DEAL_STATUSES,
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
