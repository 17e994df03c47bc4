"""The chronology's selection: the whole record its findings speak of, and the events its time
line places (dated, in scope, of the chosen categories) or lists as undated."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from helpers.analysis.params import ALL
from helpers.analysis.scope import Scope
from helpers.evidence import Dataset
from helpers.evidence.vocabularies import THEMES


def record(dataset: Dataset) -> Scope:
    """The whole record: every source, every year the data dates, every theme. The chapter's
    findings speak of it; its figures and tables follow the selection."""
    years = dataset.events["year"].dropna()
    ends = dataset.events["end_year"].dropna()
    first = int(years.min()) if len(years) else 1947
    last = int(ends.max()) if len(ends) else first
    return Scope(
        dataset, tuple(dataset.sources.sort_values("published").index), first, last, tuple(THEMES)
    )


def chosen(events: pd.DataFrame, categories: Sequence[str]) -> pd.DataFrame:
    """The events of the chosen categories (``("all",)`` for every one)."""
    if ALL in categories:
        return events
    return events[events["category"].isin(list(categories))]


def placed(scope: Scope, categories: Sequence[str] = (ALL,)) -> pd.DataFrame:
    """The events the time line places: dated (to a day, a month, a year or a decade), attested
    by a selected source, within the years and themes, of the chosen categories; in date order.
    Planned events and events dated only by a bound ('by March 2012') are placed at their date
    and say so in their label."""
    return chosen(scope.events, categories)


def undated(scope: Scope, categories: Sequence[str] = (ALL,)) -> pd.DataFrame:
    """The events of the selection that the sources do not date (listed, never placed)."""
    return chosen(scope.undated_events, categories)
