"""Whether every text of a figure lies within the figure: no label, note or title cut off."""

from __future__ import annotations

from matplotlib.figure import Figure
from matplotlib.text import Text


def texts_outside(fig: Figure, tolerance: float = 1.0) -> list[str]:
    """The texts of ``fig`` (drawn, non-empty) whose extent leaves the figure's bounds."""
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]
    bounds = fig.bbox
    undrawn = _labels_of_ticks_out_of_view(fig)
    outside = []
    for text in fig.findobj(Text):
        if not text.get_visible() or not text.get_text().strip() or id(text) in undrawn:
            continue
        box = text.get_window_extent(renderer)
        if (
            box.x0 < bounds.x0 - tolerance
            or box.y0 < bounds.y0 - tolerance
            or box.x1 > bounds.x1 + tolerance
            or box.y1 > bounds.y1 + tolerance
        ):
            outside.append(text.get_text())
    return outside


def _labels_of_ticks_out_of_view(fig: Figure) -> set[int]:
    """The tick labels matplotlib keeps but does not draw: those of ticks beyond the view."""
    hidden = set()
    for ax in fig.axes:
        for axis in (ax.xaxis, ax.yaxis):
            low, high = sorted(axis.get_view_interval())
            margin = (high - low) * 1e-9
            for tick in [*axis.get_major_ticks(), *axis.get_minor_ticks()]:
                if not low - margin <= tick.get_loc() <= high + margin:
                    hidden.update({id(tick.label1), id(tick.label2)})
    return hidden


def texts(fig: Figure) -> str:
    """Every text drawn on the figure, joined by spaces."""
    return " ".join(t.get_text() for t in fig.findobj(Text))
