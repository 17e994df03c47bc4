"""The numbers the chronology's findings and interpretation cite, for one scope, and the reach of
each article."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import pandas as pd

from helpers.analysis.params import ALL
from helpers.analysis.scope import Scope
from helpers.chapters import common
from helpers.chapters.chronology.dating import date_disputed
from helpers.chapters.chronology.periods import decades
from helpers.chapters.chronology.selection import placed, undated
from helpers.chapters.chronology.years import (
    coverage,
    covered_years,
    gap_runs,
    near_publication,
    near_years,
    publication_years,
)
from helpers.render import words
from helpers.render.words import Words


@dataclass(frozen=True)
class Findings:
    """The numbers the chapter's findings and interpretation cite, for one scope."""

    # Dated events.
    events: int
    # Events no source dates.
    undated: int
    # Events dated to a year, a month or a day.
    dated_to_year: int
    # Of those, the events in a year of publication or the year before.
    near: int
    # Those years, as ranges ('2011–2012, 2017–2018 and 2020–2021').
    near_years: Words
    # How many years that is.
    n_near_years: int
    # How many years the dated events span, first to last.
    span_years: int
    first_year: int
    last_year: int
    # The gap runs ('1949–1964, 1971–1988 and 1992–2002').
    gaps: Words
    # Years in the longest gap run, and which.
    longest_gap: int
    longest_gap_years: Words
    busiest_year: int
    busiest_count: int
    # The decade in which the most events start ('the 2010s').
    top_decade: Words
    top_decade_events: int
    # Events whose sources disagree on the date.
    date_disputes: int
    # Events whose date is a relative expression resolved against a publication date.
    relative: int
    # Events whose date is reasoned from other facts.
    inferred: int
    # Events announced or expected, not reported as held.
    planned: int

    def __getattr__(self, name: str) -> Words:
        """A count with ``_words`` after its name, as a word up to ten: ``date_disputes_words``."""
        base = name.removesuffix("_words")
        value = self.__dict__.get(base) if base != name else None
        if isinstance(value, int):
            return Words(words.number_word(value))
        raise AttributeError(name)


def _ranges(years: Sequence[int]) -> list[tuple[int, int]]:
    runs: list[tuple[int, int]] = []
    for year in sorted(years):
        if runs and year == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], year)
        else:
            runs.append((year, year))
    return runs


def findings(scope: Scope, categories: Sequence[str] = (ALL,)) -> Findings:
    """What the findings cite, computed for ``scope`` (zeros and empty words when it places no
    event)."""
    events = placed(scope, categories)
    if events.empty:
        nothing = Words("none")
        return Findings(
            0, len(undated(scope, categories)), 0, 0, nothing, 0, 0, 0, 0, nothing, 0, nothing,
            0, 0, nothing, 0, 0, 0, 0, 0,
        )  # fmt: skip
    first, last = int(events["year"].min()), int(events["end_year"].max())
    runs = gap_runs(covered_years(events), first, last)
    fine = events[events["date_precision"] != "decade"]
    near = near_years(scope)
    per_year = fine["year"].astype(int).value_counts().sort_index()
    per_decade = decades(events).value_counts().sort_index()
    return Findings(
        events=len(events),
        undated=len(undated(scope, categories)),
        dated_to_year=len(fine),
        near=int(near_publication(fine, publication_years(scope)).sum()),
        near_years=Words(words.join_words(words.year_range(a, b) for a, b in _ranges(near))),
        n_near_years=len(near),
        span_years=last - first + 1,
        first_year=first,
        last_year=last,
        gaps=Words(words.join_words(words.year_range(a, b) for a, b in runs) or "none"),
        longest_gap=max((b - a + 1 for a, b in runs), default=0),
        longest_gap_years=Words(
            words.year_range(*max(runs, key=lambda r: r[1] - r[0])) if runs else "none"
        ),
        busiest_year=int(per_year.idxmax()) if len(per_year) else first,
        busiest_count=int(per_year.max()) if len(per_year) else 0,
        top_decade=Words(f"the {per_decade.idxmax()}"),
        top_decade_events=int(per_decade.max()),
        date_disputes=len(date_disputed(scope) & set(events.index)),
        relative=int((events["date_basis"] == "relative").sum()),
        inferred=int((events["date_basis"] == "inferred").sum()),
        planned=int((events["status"] == "planned").sum()),
    )


@dataclass(frozen=True)
class Reach:
    """What one source dates: how many events, the first and last year it names, and how many
    of its events fall near its own publication."""

    events: int
    first: int
    last: int
    near: int
    dated_to_year: int


def reaches(whole: Scope) -> Mapping[str, Reach]:
    """The reach of each article, by the name the prose gives it (:data:`common.SOURCES`);
    read as attributes inline (``{eval}`reach.qureshi.first```)."""
    events = placed(whole)
    table = coverage(whole, events)
    found = {}
    for name, source_id in common.SOURCES.items():
        if source_id in table.index:
            row = table.loc[source_id]
            found[name] = Reach(
                int(row["events"]),
                int(row["first_year"]) if not pd.isna(row["first_year"]) else 0,
                int(row["last_year"]) if not pd.isna(row["last_year"]) else 0,
                int(row["near_publication"]),
                int(row["dated_to_year"]),
            )
    return _Attributes(found)


class _Attributes(dict[str, Reach]):
    """A mapping read as attributes."""

    def __getattr__(self, name: str) -> Reach:
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None
