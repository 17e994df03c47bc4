"""Axes of time: dates as distances in time, calendar and year axes, and the marks of a broken
axis."""

from __future__ import annotations

import datetime as dt

import matplotlib.dates as mdates
import matplotlib.ticker
from matplotlib.axes import Axes

from helpers.render.figure_style import BREAK_COLOUR, wrap_label


def date_number(value: object) -> float:
    """A date (a year, an ISO date prefix such as '2016-09' or '2016-09-24', a timestamp) as
    matplotlib's date number, so that distances on the axis are distances in time."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        year = int(value)
        start = dt.datetime(year, 1, 1)
        fraction = float(value) - year
        days = (dt.datetime(year + 1, 1, 1) - start).days
        return float(mdates.date2num(start + dt.timedelta(days=fraction * days)))
    if isinstance(value, str):
        parts = [int(p) for p in value.split("-")]
        return float(mdates.date2num(dt.datetime(*(parts + [1] * (3 - len(parts))))))
    return float(mdates.date2num(value))


def time_axis(ax: Axes, axis: str = "x", max_ticks: int = 9) -> None:
    """Make ``ax``'s x (or y) axis a calendar axis: values are :func:`date_number` s, ticks fall
    on whole years, months or days as the span requires (at most ``max_ticks``, fewer on a
    narrow axis), and labels say which."""
    target = ax.xaxis if axis == "x" else ax.yaxis
    locator = mdates.AutoDateLocator(minticks=2, maxticks=max(max_ticks, 3))
    target.set_major_locator(locator)
    target.set_major_formatter(mdates.ConciseDateFormatter(locator, show_offset=False))


def year_axis(ax: Axes, axis: str = "x") -> None:
    """Make a numeric axis of years show whole years only (no '2,017.5')."""
    target = ax.xaxis if axis == "x" else ax.yaxis
    target.set_major_locator(matplotlib.ticker.MaxNLocator(integer=True, nbins=8))
    target.set_major_formatter(matplotlib.ticker.FormatStrFormatter("%d"))


def break_marks(left: Axes, right: Axes, label: str) -> None:
    """Mark the x axis as broken between two side-by-side axes: a pair of slanted strokes on
    each side of the cut, and ``label`` (the axis's name and what the cut leaves out, or how
    the scale changes) as the x label, starting at the cut."""
    kwargs = dict(
        marker=[(-1, -1.6), (1, 1.6)],
        markersize=6,
        linestyle="none",
        color=BREAK_COLOUR,
        mec=BREAK_COLOUR,
        mew=1,
        clip_on=False,
    )
    left.plot([1], [0], transform=left.transAxes, **kwargs)
    right.plot([0], [0], transform=right.transAxes, **kwargs)
    right.spines["left"].set_visible(False)
    right.tick_params(axis="y", which="both", left=False)
    left.set_xlabel("")
    right.set_xlabel(wrap_label(label, 26), loc="left")
