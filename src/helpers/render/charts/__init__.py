"""The charts the chapters draw, all in the book's one style (:mod:`helpers.render.figure_style`):
stacked and labelled bars, bars on a time axis, heat maps, the stance grid, spans and status
dots.

Every chart takes its ``source`` as the source line itself or as the labels of the sources whose
records it draws (:func:`~helpers.render.figure_style.source_line`). Labels wrap, and the figure
grows to hold them: no text is cut or runs off the figure. Where the rows are years, the axis is
a true axis of time, and a long stretch with nothing to draw is cut out of it and marked as cut
(:mod:`.years`). The room labels need is worked out in :mod:`.sizing`.
"""

from helpers.render.charts.bars import stacked_bars, time_bars, value_bars
from helpers.render.charts.grids import heatmap, stance_chart
from helpers.render.charts.rows import STATUS_COLOURS, spans, status_dots

__all__ = [
    "STATUS_COLOURS",
    "heatmap",
    "spans",
    "stacked_bars",
    "stance_chart",
    "status_dots",
    "time_bars",
    "value_bars",
]
