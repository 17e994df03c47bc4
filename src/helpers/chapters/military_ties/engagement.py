"""The engagement over time: the steps of each kind that start in each year, the steps a chart by
year cannot place, and the runs of years with none."""

from __future__ import annotations

import pandas as pd

from helpers.chapters import chronology
from helpers.chapters.military_ties.kinds import KINDS


def per_year(ties: pd.DataFrame) -> pd.DataFrame:
    """Years × kinds: the steps that start in each year, for every year from the first to the
    last (years with none are rows of zeros). Steps dated only to a decade are left out
    (:func:`undrawn`)."""
    placed = ties[ties["date_precision"] != "decade"]
    if placed.empty:
        return pd.DataFrame(columns=[k for k in KINDS])
    years = placed["year"].astype(int)
    table = pd.crosstab(years, placed["kind"])
    table = table.reindex(range(int(years.min()), int(years.max()) + 1), fill_value=0)
    table = table.reindex(columns=[k for k in KINDS if k in table.columns], fill_value=0)
    table.index.name = "year"
    return table


def undrawn(ties: pd.DataFrame) -> pd.DataFrame:
    """The steps dated only to a decade, which a chart by year cannot place."""
    return ties[ties["date_precision"] == "decade"]


def quiet_runs(ties: pd.DataFrame) -> list[tuple[int, int]]:
    """The runs of :data:`chronology.GAP_MIN_YEARS` years or more, between the first and the
    last step, in which no step's date names a year (a span names its first and last year)."""
    placed = ties[ties["date_precision"] != "decade"]
    if placed.empty:
        return []
    return chronology.gap_runs(
        chronology.covered_years(placed), int(placed["year"].min()), int(placed["year"].max())
    )
