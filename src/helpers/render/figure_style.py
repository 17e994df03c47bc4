"""One figure style for the whole book: size, fonts, palette, the title, legend and source line of
every figure, and reproducible PNG files.

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
from matplotlib.axes import Axes
from matplotlib.figure import Figure

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


def source_text(fig: Figure, source: str) -> float:
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
    bottom = source_text(fig, source)
    fig.tight_layout(rect=(0, bottom, 1, top))
    return fig


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
