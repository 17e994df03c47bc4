"""What several chapters share: how they show the versions of a fact the sources disagree on."""

from __future__ import annotations

import pandas as pd

from helpers.evidence.dates import date_precision_of
from helpers.render.words import format_date


def versions_shown(disputes: pd.DataFrame) -> list[list[str]]:
    """For each disagreement (a row of :func:`helpers.analysis.measures.disagreements`), its
    versions as a reader sees them: a date in words at the precision it is given, a value as
    the source words it."""
    return [
        [format_date(v, date_precision_of(v)) if kind == "date" else v for v in reported]
        for kind, reported in zip(disputes["kind"], disputes["reported"], strict=True)
    ]
