"""One figure style for the whole book: size, fonts, palette, the title, legend and source line of
every figure, and reproducible PNG files (axes of time are in :mod:`helpers.render.date_axes`).

Every figure has a title, labelled axes and a source line naming the articles whose records it
draws; it is sized for the PDF's text width and saved as a PNG whose bytes depend only on the
data (fixed metadata, fonts shipped with matplotlib, no timestamps).

No text is cut: titles, legends and source lines wrap to the figure's width (measured in the
font they are set in), axis labels wrap (:func:`wrap_label`), and :func:`layout` makes the figure
as tall as it needs to be for every text to lie within it
(:func:`~helpers.render.drawn_text.text_outside` lists any that does not; the tests use it on
every chart).
"""

from __future__ import annotations

import math
import textwrap
import warnings
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import matplotlib
import matplotlib.artist
import matplotlib.pyplot as plt
import matplotlib.ticker
import matplotlib.transforms as mtransforms
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import RendererAgg
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties

from helpers.render.drawn_text import crowding_in, vertical_overflow_in

if TYPE_CHECKING:
    from helpers.analysis.scope import Scope

WIDTH_IN = 7.0
DPI = 150
MARGIN_IN = 0.08
"""Clear space between the figure's edges and its outermost text."""
GAP_IN = 0.08
"""Space between the title, the legend, the axes and the source line."""
TITLE_SIZE = 11
SOURCE_SIZE = 7
LEGEND_SIZE = 8
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
BREAK_COLOUR = "#555555"

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
    "legend.fontsize": LEGEND_SIZE,
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
    """A figure of the book's width with one axes; ``height`` is the room for the axes and
    their labels (:func:`layout` adds the title, the legend and the source line)."""
    use_style()
    fig, ax = plt.subplots(figsize=(WIDTH_IN, height), **kwargs)
    return fig, ax


# ----------------------------------------------------------------------------------------------
# Text that fits
# ----------------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _measuring_renderer() -> RendererAgg:
    return RendererAgg(8, 8, DPI)


def text_width_in(text: str, size: float, weight: str = "normal") -> float:
    """The width in inches of one line of ``text`` in the book's font at ``size`` points."""
    if not text:
        return 0.0
    font = FontProperties(family=STYLE["font.family"], size=size, weight=weight)
    width, _, _ = _measuring_renderer().get_text_width_height_descent(text, font, ismath=False)
    return width / DPI


def wrap_to_width(text: str, width_in: float, size: float, weight: str = "normal") -> str:
    """``text`` broken into lines no wider than ``width_in`` inches (measured in the font), at
    spaces; a single word wider than the line is broken with a hyphen. Nothing is left out."""
    lines: list[str] = []
    for paragraph in str(text).split("\n"):
        line = ""
        for word in paragraph.split():
            candidate = f"{line} {word}" if line else word
            if text_width_in(candidate, size, weight) <= width_in:
                line = candidate
                continue
            if line:
                lines.append(line)
            while text_width_in(word, size, weight) > width_in and len(word) > 1:
                cut = len(word) - 1
                while cut > 1 and text_width_in(word[:cut] + "-", size, weight) > width_in:
                    cut -= 1
                lines.append(word[:cut] + "-")
                word = word[cut:]
            line = word
        lines.append(line)
    return "\n".join(lines)


def wrap_label(text: str, width: int = 42, lines: int | None = None) -> str:
    """A label wrapped at spaces into lines of about ``width`` characters; nothing is cut.

    With ``lines``, the lines are made longer (up to twice ``width``) so that the label takes
    at most that many lines where it can; a label that still needs more keeps them all.
    """
    flat = " ".join(str(text).split())
    if lines:
        width = min(max(width, math.ceil(len(flat) / lines) + 2), 2 * width)
    return "\n".join(textwrap.wrap(flat, width, break_long_words=False)) or flat


# ----------------------------------------------------------------------------------------------
# Source lines
# ----------------------------------------------------------------------------------------------

SOURCE_LINE_MAX_NAMES = 12
"""Most sources a figure's source line names; beyond, it names the first ones and counts the
rest, so that the line stays one or two lines long however many sources the data has."""


def source_line(labels: Iterable[str]) -> str:
    """'Source: Fernandez (2021)' or 'Sources: A (2012), B (2018) and C (2021)'; beyond
    :data:`SOURCE_LINE_MAX_NAMES` sources, 'Sources: A (2012), …, L (2018) and 4,988 more'.

    Give the labels of the sources whose records the figure draws
    (:meth:`helpers.analysis.scope.Scope.source_labels_for`, or :func:`source_line_for`)."""
    items = list(labels)
    if not items:
        return "Data: this book's evidence table."
    if len(items) == 1:
        return f"Source: {items[0]}; data: this book's evidence table."
    if len(items) > SOURCE_LINE_MAX_NAMES:
        more = len(items) - SOURCE_LINE_MAX_NAMES
        joined = ", ".join(items[:SOURCE_LINE_MAX_NAMES]) + f" and {more:,} more"
    else:
        joined = ", ".join(items[:-1]) + f" and {items[-1]}"
    return f"Sources: {joined}; data: this book's evidence table."


def source_line_for(scope: Scope, record_ids: Iterable[str]) -> str:
    """The source line of a figure that draws the records ``record_ids`` (events, deals,
    figures, claims): it names only the selected sources that attest one of them."""
    return source_line(scope.source_labels_for(list(record_ids)))


def as_source_line(source: str | Sequence[str]) -> str:
    """A chart's ``source`` argument as its line: a string as it is, a list of source labels
    through :func:`source_line`."""
    return source if isinstance(source, str) else source_line(source)


# ----------------------------------------------------------------------------------------------
# Layout: title, legend, axes, source line
# ----------------------------------------------------------------------------------------------


def _anchored(fig: Figure, x_in: float, y_in: float, from_top: bool) -> mtransforms.Transform:
    """A transform placing (0, 0) ``x_in`` inches from the left and ``y_in`` inches from the
    top (or the bottom) of the figure, whatever its height becomes."""
    origin = mtransforms.ScaledTranslation(0, 1 if from_top else 0, fig.transFigure)
    offset = mtransforms.ScaledTranslation(x_in, -y_in if from_top else y_in, fig.dpi_scale_trans)
    return mtransforms.IdentityTransform() + origin + offset


def _height_in(artist: matplotlib.artist.Artist, renderer: object) -> float:
    return artist.get_window_extent(renderer).height / artist.figure.dpi


def _legend_columns(handles: Sequence[matplotlib.artist.Artist], width_in: float) -> int:
    """The most columns (at most four) in which the legend's entries fit the width."""
    labels = [str(h.get_label()) for h in handles]
    widest = max((text_width_in(label, LEGEND_SIZE) for label in labels), default=0)
    entry = widest + 0.45  # the handle, its padding and the space between columns
    return max(1, min(len(labels), 4, int(width_in // entry)))


def layout(
    fig: Figure,
    *,
    title: str,
    source: str | Sequence[str],
    legend: Sequence[matplotlib.artist.Artist] = (),
) -> Figure:
    """Lay ``fig`` out: the title flush left over the whole figure (wrapped), the legend under it
    (as many columns as fit), the source line at the bottom (wrapped), and the axes in between.

    The figure keeps its width and grows in height until every text lies within it, so that
    nothing is clipped however long the labels are.
    """
    use_style()
    room = WIDTH_IN - 2 * MARGIN_IN
    heading = fig.text(
        0,
        0,
        wrap_to_width(title, room, TITLE_SIZE, "bold"),
        fontsize=TITLE_SIZE,
        fontweight="bold",
        ha="left",
        va="top",
        transform=_anchored(fig, MARGIN_IN, MARGIN_IN, from_top=True),
    )
    footer = fig.text(
        0,
        0,
        wrap_to_width(as_source_line(source), room, SOURCE_SIZE),
        fontsize=SOURCE_SIZE,
        color="#555555",
        ha="left",
        va="bottom",
        transform=_anchored(fig, MARGIN_IN, MARGIN_IN, from_top=False),
    )
    renderer = fig.canvas.get_renderer()
    top_in = MARGIN_IN + _height_in(heading, renderer) + GAP_IN
    if legend:
        handles = list(legend)
        box = fig.legend(
            handles=handles,
            loc="upper left",
            ncols=_legend_columns(handles, room),
            bbox_to_anchor=(0, 0),
            bbox_transform=_anchored(fig, MARGIN_IN - 0.05, top_in, from_top=True),
            borderaxespad=0,
            borderpad=0,
            columnspacing=1.2,
            handletextpad=0.5,
        )
        top_in += _height_in(box, renderer) + GAP_IN
    bottom_in = MARGIN_IN + _height_in(footer, renderer) + GAP_IN
    axes_in = fig.get_figheight()
    fig.set_figheight(axes_in + top_in + bottom_in)
    for _ in range(4):
        height = fig.get_figheight()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # a layout that cannot fit is grown below instead
            fig.tight_layout(
                pad=0.2, rect=(0, bottom_in / height, 1, 1 - top_in / height), h_pad=0.6, w_pad=0.6
            )
        fig.canvas.draw()
        short = vertical_overflow_in(fig) + crowding_in(fig)
        if short <= 0:
            break
        fig.set_figheight(height + short + GAP_IN)
    return fig


def finish(
    fig: Figure,
    ax: Axes,
    *,
    title: str,
    xlabel: str,
    ylabel: str,
    source: str | Sequence[str],
    legend: Sequence[matplotlib.artist.Artist] = (),
) -> Figure:
    """Label the axes and lay the figure out (:func:`layout`)."""
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    return layout(fig, title=title, source=source, legend=legend)


def source_text(fig: Figure, source: str) -> float:
    """Write the wrapped source line at the bottom; returns the height (figure fraction) used.

    Kept for figures laid out by hand; :func:`layout` places the source line itself."""
    text = fig.text(
        0,
        0,
        wrap_to_width(source, WIDTH_IN - 2 * MARGIN_IN, SOURCE_SIZE),
        fontsize=SOURCE_SIZE,
        color="#555555",
        ha="left",
        va="bottom",
        transform=_anchored(fig, MARGIN_IN, MARGIN_IN, from_top=False),
    )
    used = MARGIN_IN + _height_in(text, fig.canvas.get_renderer()) + GAP_IN
    return used / fig.get_figheight()


# ----------------------------------------------------------------------------------------------
# Files
# ----------------------------------------------------------------------------------------------


def save(fig: Figure, path: Path) -> Path:
    """Write ``fig`` as a reproducible PNG (no software or date metadata) and close it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, format="png", metadata={"Software": None})
    return path
