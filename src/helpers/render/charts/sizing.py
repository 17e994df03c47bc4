"""The room a chart needs for its labels: the height of wrapped rows, the labels under
columns (upright or turned), and the source line with the note of what was left out."""

from __future__ import annotations

from collections.abc import Sequence

from helpers.render.figure_style import (
    WIDTH_IN,
    as_source_line,
    text_width_in,
    wrap_label,
)

LINE_IN = 0.14
"""Height of one line of an axis label at 8 points, in inches."""


def rows_height(labels: Sequence[str], per_row: float = 0.2) -> float:
    """Inches needed by rows whose wrapped labels are ``labels``."""
    return sum(max(per_row, LINE_IN * (label.count("\n") + 1) + 0.06) for label in labels)


def column_labels(labels: list[str], label_room_in: float = 1.4) -> tuple[list[str], bool]:
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


def labels_height(labels: list[str], upright: bool) -> float:
    """Inches taken under the axes by column labels and the axis label."""
    if upright:
        return 0.45 + LINE_IN * max((label.count("\n") + 1 for label in labels), default=1)
    widest = max((text_width_in(line, 8) for lb in labels for line in lb.split("\n")), default=0)
    return 0.45 + widest


def noted(source: str | Sequence[str], note: str) -> str | Sequence[str]:
    """The source line with the note of what was left out of the drawing."""
    return as_source_line(source) + note if note else source
