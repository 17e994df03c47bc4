"""The phases of the relationship, the decades and the themes of the chronology."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from helpers.analysis import measures
from helpers.analysis.scope import contains_any
from helpers.evidence.vocabularies import THEMES

# The phases of the relationship as the articles tell them: a name, and the years in which an event
# must start to belong to it (an event dated only to a decade starts with the decade).
PHASES = (
    ("Cold War rivals", 1947, 1964),
    ("The Soviet balance", 1965, 1969),
    ("Opposite sides in Afghanistan", 1970, 1989),
    ("A reset that failed", 1990, 2002),
    ("The upward trajectory", 2003, 2009),
    ("Warming in the 2010s", 2010, 2013),
    ("From diplomacy to defence", 2014, 2017),
    ("A year of visits", 2018, 2020),
    ("A new era", 2021, 2100),
)


def phase_of(year: int) -> str:
    """The name of the phase a year belongs to ('' before the first)."""
    return next((name for name, first, last in PHASES if first <= year <= last), "")


def theme_word(code: str) -> str:
    """A theme as a reader sees it: 'United States', 'Cold War', 'diplomacy'."""
    return THEMES.word(code)


def themes_present(events: pd.DataFrame, themes: Sequence[str]) -> list[str]:
    """The chosen themes that at least one event carries, in the vocabulary's order."""
    return [t for t in themes if contains_any(events["themes"], [t]).any()]


def decades(events: pd.DataFrame) -> pd.Series:
    """The decade each event starts in ('1980s')."""
    return events["year"].map(lambda y: measures.decade_of(int(y))).astype(object)


def decade_matrix(events: pd.DataFrame, themes: Sequence[str]) -> pd.DataFrame:
    """Themes (rows, as readers see them) × decades: how many events of each theme start in each
    decade."""
    table = measures.events_by_decade_and_theme(events, list(themes)).T
    table.index = [theme_word(t) for t in table.index]
    return table
