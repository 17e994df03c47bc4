"""The time line: events on a true time axis, one row per theme, each mark showing how precisely
the sources date the event, and the key events named."""

from __future__ import annotations

from collections.abc import Sequence

import matplotlib
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from helpers.analysis.scope import contains_any
from helpers.render.date_axes import break_marks, date_number, time_axis
from helpers.render.figure_style import (
    PALETTE,
    WIDTH_IN,
    layout,
    text_width_in,
    use_style,
    wrap_label,
)
from helpers.render.words import theme_label

PRECISION_STYLE = {
    "day": {"marker": "o", "size": 26, "label": "day known"},
    "month": {"marker": "D", "size": 20, "label": "month known"},
    "year": {"marker": "s", "size": 20, "label": "year known (bar: the year)"},
    "decade": {"marker": None, "size": 0, "label": "decade (bar: the ten years)"},
}

TIMELINE_MAX_MARKS = 600
"""Above this many events the time line draws yearly counts instead of one mark per event."""

ROW_IN = 0.3
"""Height of one theme's row, in inches."""
LABEL_WIDTH = 30
"""Characters per line of a key event's label."""
LABEL_SIZE = 7
DAY = 1.0
"""One day on the time axis (matplotlib's date numbers count days)."""


def is_aggregated(events: pd.DataFrame) -> bool:
    """Whether :func:`timeline` draws ``events`` as yearly counts rather than single marks."""
    return len(events) > TIMELINE_MAX_MARKS


def _span(event: pd.Series) -> tuple[float, float]:
    """Where an event starts and ends on the axis (its end day included)."""
    return date_number(event["start"]), date_number(event["end"]) + DAY


def _draw_marks(ax: Axes, events: pd.DataFrame, y: int, colour: str, lo: float, hi: float) -> None:
    """One mark per event, its shape and length showing the precision of its date (one bar
    collection and one scatter per precision, so that a crowded row draws quickly)."""
    starts = np.array([date_number(v) for v in events["start"]], dtype=float)
    ends = np.array([date_number(v) for v in events["end"]], dtype=float) + DAY
    precision = events["date_precision"].to_numpy()
    visible = (ends >= lo) & (starts <= hi)
    for kind, style in PRECISION_STYLE.items():
        mine = visible & (precision == kind)
        if not mine.any():
            continue
        barred = mine & ((kind in ("year", "decade")) | (ends - starts > 40 * DAY))
        if barred.any():
            ax.barh(
                np.full(barred.sum(), y),
                ends[barred] - starts[barred],
                left=starts[barred],
                height=0.5,
                color=colour,
                alpha=0.25 if kind == "decade" else 0.55,
                linewidth=0,
            )
        if style["marker"]:
            ax.scatter(
                starts[mine],
                np.full(mine.sum(), y),
                marker=style["marker"],
                s=style["size"],
                color=colour,
                edgecolor="white",
                linewidth=0.5,
                zorder=3,
            )


LATER_COLOUR = "#00798c"
"""The colour of the later record (publications after the five articles), in charts as in the
style sheet (``static/book.css``)."""

LATER_LABEL = "later record"
"""The row name of the later record on a time line (the chronology's draws it as a layer)."""


def _draw_counts(ax: Axes, events: pd.DataFrame, y: int, colour: str, lo: float, hi: float) -> None:
    """One circle per year, its area the number of events starting in that year."""
    counts = events["year"].astype(int).value_counts()
    middles = pd.Series([date_number(year + 0.5) for year in counts.index], index=counts.index)
    inside = (middles >= lo) & (middles <= hi)
    counts, middles = counts[inside], middles[inside]
    if len(counts):
        ax.scatter(
            middles,
            [y] * len(counts),
            s=8 + 60 * np.sqrt(counts / counts.max()),
            color=colour,
            alpha=0.7,
            linewidth=0,
        )


def _key_ids(events: pd.DataFrame, key_events: pd.DataFrame | Sequence[str] | None) -> list[str]:
    """The ids of the key events that are among ``events``, in date order."""
    if key_events is None:
        return []
    wanted = set(key_events.index if isinstance(key_events, pd.DataFrame) else key_events)
    return [event_id for event_id in events.index if event_id in wanted]


def _label_text(event: pd.Series) -> str:
    start, end = int(event["year"]), int(event["end_year"])
    if event["date_precision"] == "decade":
        when = f"{start}s"
    else:
        when = str(start) if start == end else f"{start}–{end}"
    return wrap_label(f"{event['title']} ({when})", LABEL_WIDTH)


def _place_labels(
    events: pd.DataFrame, ids: list[str], panels: list[tuple[float, float]], widths_in: list[float]
) -> tuple[list[tuple[str, int, int, str, float]], int]:
    """Each label's panel, level (0 nearest the rows) and alignment, levels being filled from
    the left so that no two labels of a level overlap; and how many levels are needed."""
    placed: list[tuple[str, int, int, str, float]] = []
    ends: dict[tuple[int, int], float] = {}
    levels = 0
    for event_id in ids:
        text = _label_text(events.loc[event_id])
        x = _span(events.loc[event_id])[0]
        panel = next((i for i, (lo, hi) in enumerate(panels) if lo <= x <= hi), len(panels) - 1)
        lo, hi = panels[panel]
        per_inch = (hi - lo) / widths_in[panel]
        width = (max(text_width_in(line, LABEL_SIZE) for line in text.split("\n")) + 0.1) * per_inch
        if x - width / 2 < lo:
            align, left = "left", x
        elif x + width / 2 > hi:
            align, left = "right", x - width
        else:
            align, left = "center", x - width / 2
        level = 0
        while ends.get((panel, level), -np.inf) > left:
            level += 1
        ends[(panel, level)] = left + width
        levels = max(levels, level + 1)
        placed.append((event_id, panel, level, align, x))
    return placed, levels


def timeline(
    events: pd.DataFrame,
    themes: list[str],
    *,
    title: str,
    source: str | Sequence[str],
    split_year: int = 2010,
    key_events: pd.DataFrame | Sequence[str] | None = None,
) -> Figure:
    """Events on a true time axis, one row per theme, the mark showing how precise the date is.

    A day or month is a point; a year a one-year bar with a square; a decade a ten-year band;
    a span from ``start`` to ``end``. When events fall both before and after ``split_year``,
    the axis is drawn in two parts, the recent years on a wider scale so that they stay
    readable; the cut is marked on the axis and its label says that the scale changes. Beyond
    :data:`TIMELINE_MAX_MARKS` events, each row shows one circle per year whose area is the
    number of events starting in it, so that a large dataset stays legible.

    ``key_events`` (ids, or a frame indexed by them) are named above the rows, with their
    years, each joined to its mark by a thin line; those not among ``events`` are left out.
    """
    use_style()
    rows = [t for t in themes if contains_any(events["themes"], [t]).any()]
    first = int(events["year"].min())
    last = int(events["end_year"].max())
    bounds = [(first, last + 1)]
    if first < split_year <= last:
        bounds = [(first, split_year), (split_year, last + 1)]
    ratios = [1.0, 1.5] if len(bounds) == 2 else [1.0]
    margin = 120 * DAY
    panels = [
        (date_number(a) - (margin if i == 0 else 0), date_number(b) + (margin if b > last else 0))
        for i, (a, b) in enumerate(bounds)
    ]
    widths_in = [(WIDTH_IN - 1.6) * r / sum(ratios) for r in ratios]
    ids = _key_ids(events, key_events)
    placed, levels = _place_labels(events, ids, panels, widths_in)
    level_in = [0.1] * levels
    for event_id, _, level, _, _ in placed:
        lines = _label_text(events.loc[event_id]).count("\n") + 1
        level_in[level] = max(level_in[level], lines * 0.12 + 0.1)
    starts_in = np.concatenate([[0.0], np.cumsum(level_in)])
    band = starts_in[-1] / ROW_IN
    fig, axes = plt.subplots(
        1,
        len(panels),
        figsize=(WIDTH_IN, ROW_IN * len(rows) + starts_in[-1] + 0.9),
        sharey=True,
        gridspec_kw={"width_ratios": ratios},
    )
    axes = list(np.atleast_1d(axes))
    colour = {t: PALETTE[i % len(PALETTE)] for i, t in enumerate(rows)}
    aggregated = is_aggregated(events)
    for ax, (lo, hi), width_in in zip(axes, panels, widths_in, strict=True):
        for y, theme in enumerate(rows):
            subset = events[contains_any(events["themes"], [theme])]
            if aggregated:
                _draw_counts(ax, subset, y, colour[theme], lo, hi)
            else:
                _draw_marks(ax, subset, y, colour[theme], lo, hi)
        ax.set_xlim(lo, hi)
        time_axis(ax, max_ticks=int(width_in / 0.55))
        ax.grid(axis="y", alpha=0)
    axes[0].set_ylim(len(rows) - 0.5, -0.6 - band)
    axes[0].set_yticks(range(len(rows)), [str(theme_label(t)) for t in rows])
    for event_id, panel, level, align, x in placed:
        event = events.loc[event_id]
        rows_of = [rows.index(t) for t in event["themes"] if t in rows]
        top_row = min(rows_of) if rows_of else 0
        y_text = -0.6 - (starts_in[level] + 0.02) / ROW_IN
        ax = axes[panel]
        ax.plot([x, x], [top_row, y_text], color="#888888", linewidth=0.5, zorder=1)
        ax.text(
            x,
            y_text,
            _label_text(event),
            ha=align,
            va="bottom",
            fontsize=LABEL_SIZE,
            linespacing=1.1,
            color="#222222",
        )
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
    axes[0].set_ylabel("Theme")
    if len(axes) == 2:
        left_years = split_year - first
        right_years = last + 1 - split_year
        wider = (ratios[1] / right_years) / (ratios[0] / left_years)
        break_marks(
            axes[0],
            axes[1],
            f"Year (the scale changes at {split_year}: from there on a year is drawn "
            f"{wider:.0f} times wider)",
        )
    else:
        axes[0].set_xlabel("Year")
    return layout(fig, title=title, source=source, legend=handles)
