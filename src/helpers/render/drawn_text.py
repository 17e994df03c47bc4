"""Where a figure's texts are drawn: every text it shows, how far they reach beyond its edges,
how much taller it must be for its row labels to stop running together, and the lists of texts
that run off the figure, are cut short or are drawn over each other (the tests read these for
every chart)."""

from __future__ import annotations

import itertools

from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.text import Text


def drawn_texts(fig: Figure) -> list[Text]:
    """Every text the figure draws: titles, labels, legends, annotations, and the tick labels
    of the ticks inside each axis's view (matplotlib keeps others that it does not draw)."""
    texts = []
    tick_labels = set()
    for ax in fig.axes:
        for axis in (ax.xaxis, ax.yaxis):
            low, high = sorted(axis.get_view_interval())
            tolerance = (high - low) * 1e-9
            for ticks in (axis.get_major_ticks(), axis.get_minor_ticks()):
                for tick in ticks:
                    tick_labels.update({id(tick.label1), id(tick.label2)})
                    inside = low - tolerance <= tick.get_loc() <= high + tolerance
                    if tick.get_visible() and inside:
                        texts += [t for t in (tick.label1, tick.label2) if t.get_visible()]
    for text in fig.findobj(Text):
        if id(text) not in tick_labels and text.get_visible():
            texts.append(text)
    return [t for t in texts if t.get_text().strip()]


def vertical_overflow_in(fig: Figure) -> float:
    """How many inches the texts reach beyond the top and bottom edges together."""
    renderer = fig.canvas.get_renderer()
    box = fig.bbox
    over = 0.0
    for text in drawn_texts(fig):
        extent = text.get_window_extent(renderer)
        over = max(over, box.y0 - extent.y0, extent.y1 - box.y1)
    return max(over, 0.0) / fig.dpi * 2


def crowding_in(fig: Figure) -> float:
    """How many inches taller the figure must be for the row labels of each axes (its y tick
    labels) to stop running into each other."""
    renderer = fig.canvas.get_renderer()
    drawn = drawn_texts(fig)
    needed = 0.0
    for ax in fig.axes:
        labels = {id(label) for label in y_labels(ax)}
        boxes = sorted(
            (t.get_window_extent(renderer) for t in drawn if id(t) in labels),
            key=lambda box: box.y0,
        )
        for low, high in itertools.pairwise(boxes):
            overlap = low.y1 - high.y0
            spacing = (high.y0 + high.y1 - low.y0 - low.y1) / 2
            if overlap > 0 and spacing > 0:
                grow = (overlap + 2) / spacing
                needed = max(needed, grow * ax.get_window_extent(renderer).height / fig.dpi)
    return needed


def y_labels(ax: Axes) -> list[Text]:
    return [tick.label1 for tick in ax.yaxis.get_major_ticks()]


def text_outside(fig: Figure, tolerance_px: float = 0.5) -> list[str]:
    """Every text of ``fig`` that reaches beyond the figure's edges, or that is cut short with
    an ellipsis, as one line each ('' when all is well). Draws the figure first."""
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    box = fig.bbox
    problems = []
    for text in drawn_texts(fig):
        shown = text.get_text()
        extent = text.get_window_extent(renderer)
        beyond = [
            side
            for side, distance in (
                ("left", box.x0 - extent.x0),
                ("right", extent.x1 - box.x1),
                ("bottom", box.y0 - extent.y0),
                ("top", extent.y1 - box.y1),
            )
            if distance > tolerance_px
        ]
        if beyond:
            problems.append(f"{shown!r} runs off the {' and '.join(beyond)} edge")
        if "…" in shown or shown.rstrip().endswith("..."):
            problems.append(f"{shown!r} is cut short with an ellipsis")
    return problems


def text_overlaps(fig: Figure, tolerance_px: float = 1.0, *, draw: bool = True) -> list[str]:
    """Every pair of texts of ``fig`` drawn over each other (tick labels run together, a label
    on a legend), as one line each. Draws the figure first, unless ``draw`` is False (it has
    just been drawn)."""
    if draw:
        fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    boxes = [(t.get_text(), t.get_window_extent(renderer)) for t in drawn_texts(fig)]
    clashes = []
    for i, (a, box_a) in enumerate(boxes):
        for b, box_b in boxes[i + 1 :]:
            width = min(box_a.x1, box_b.x1) - max(box_a.x0, box_b.x0)
            height = min(box_a.y1, box_b.y1) - max(box_a.y0, box_b.y0)
            if width > tolerance_px and height > tolerance_px:
                clashes.append(f"{a!r} and {b!r} are drawn over each other")
    return clashes
