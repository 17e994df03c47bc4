"""The years the sources name: the runs of years between them that no event names (gap runs),
how near the events lie to the years of publication, and what each source covers."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import pandas as pd

from helpers.analysis.scope import Scope
from helpers.render import words
from helpers.render.words import Words

# The shortest run of years without a named year that counts as a gap.
GAP_MIN_YEARS = 3
GAP_MIN_WORDS = Words(words.number_word(GAP_MIN_YEARS))

# How many years count as near a publication: the year of publication and the year before.
NEAR_PUBLICATION = 2


def named_years(events: pd.DataFrame) -> pd.Series:
    """For each event, the years its date names: its first year when it is dated to a day, a
    month or a year, and the year of its end date when it has one, unless that end only closes a
    decade ('the 1980s and 1990s' ends in 1999 but names no year). A decade names no single
    year, and the years inside a span are not named: 'from 1965 to 1970' names 1965 and 1970."""
    named = []
    for precision, year, end_date, end_year in zip(
        events["date_precision"],
        events["year"],
        events["end_date"],
        events["end_year"],
        strict=True,
    ):
        years = set()
        if precision in ("day", "month", "year"):
            years.add(int(year))
        if end_date and (precision != "decade" or "-" in end_date):
            years.add(int(end_year))
        named.append(sorted(years))
    return pd.Series(named, index=events.index, dtype=object)


def covered_years(events: pd.DataFrame) -> set[int]:
    """Every year that some event's date names (:func:`named_years`)."""
    return {y for years in named_years(events) for y in years}


def gap_runs(
    years: Iterable[int], low: int, high: int, minimum: int = GAP_MIN_YEARS
) -> list[tuple[int, int]]:
    """The runs of at least ``minimum`` consecutive years from ``low`` to ``high`` that are not in
    ``years``, as (first, last) pairs."""
    covered = set(years)
    runs, start = [], None
    for year in range(low, high + 2):
        missing = year <= high and year not in covered
        if missing and start is None:
            start = year
        elif not missing and start is not None:
            if year - start >= minimum:
                runs.append((start, year - 1))
            start = None
    return runs


def bounds(events: pd.DataFrame, start_year: int, end_year: int) -> tuple[int, int] | None:
    """The first and last year the events reach, within the chosen years (None when empty)."""
    if events.empty:
        return None
    return max(start_year, int(events["year"].min())), min(end_year, int(events["end_year"].max()))


def gaps(events: pd.DataFrame, start_year: int, end_year: int) -> list[tuple[int, int]]:
    """The gap runs of the selection: from its first to its last year within the chosen ones,
    the runs of years no event's date names (none when there is no event)."""
    span = bounds(events, start_year, end_year)
    return [] if span is None else gap_runs(covered_years(events), *span)


def periods_in_gaps(events: pd.DataFrame, runs: Sequence[tuple[int, int]]) -> pd.DataFrame:
    """The events dated only to a decade whose decade overlaps a gap run: how the silent years
    are told, if at all."""
    decade = events[events["date_precision"] == "decade"]
    overlaps = [
        any(int(y) <= b and int(e) >= a for a, b in runs)
        for y, e in zip(decade["year"], decade["end_year"], strict=True)
    ]
    return decade[pd.Series(overlaps, index=decade.index, dtype=bool)]


def near_publication(events: pd.DataFrame, publication_years: Iterable[int]) -> pd.Series:
    """Which events start in a year of publication or the year before (events dated only to a
    decade are never near)."""
    near = {y - k for y in publication_years for k in range(NEAR_PUBLICATION)}
    return pd.Series(
        [
            p != "decade" and int(y) in near
            for p, y in zip(events["date_precision"], events["year"], strict=True)
        ],
        index=events.index,
        dtype=bool,
    )


def publication_years(scope: Scope) -> list[int]:
    """The years the selected sources were published, oldest first, each once."""
    return sorted(set(int(y) for y in scope.sources["year"]))


def near_years(scope: Scope) -> list[int]:
    """The years that count as near a publication of a selected source."""
    return sorted({y - k for y in publication_years(scope) for k in range(NEAR_PUBLICATION)})


def source_events(scope: Scope, events: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """For each selected source, the placed events it attests."""
    evidence = scope.evidence_for(events.index)
    by_source = evidence.groupby("source_id")["subject_id"].agg(lambda s: list(dict.fromkeys(s)))
    return {
        source_id: events.loc[by_source.get(source_id, [])] for source_id in scope.sources.index
    }


def coverage(scope: Scope, events: pd.DataFrame) -> pd.DataFrame:
    """Per selected source: its label, genre and publication, how many of the placed events it
    attests, the first and last year it names, how many years it names, and how many of its
    events fall near its own publication."""
    rows = []
    for source_id, own in source_events(scope, events).items():
        source = scope.sources.loc[source_id]
        named = covered_years(own)
        near = near_publication(own, [int(source["year"])])
        dated = own[own["date_precision"] != "decade"]
        rows.append(
            {
                "source_id": source_id,
                "source": source["label"],
                "kind": source["kind"],
                "published": source["published"],
                "published_precision": source["published_precision"],
                "events": len(own),
                "dated_to_year": len(dated),
                "first_year": min(named) if named else pd.NA,
                "last_year": max(named) if named else pd.NA,
                "years_named": len(named),
                "near_publication": int(near.sum()),
            }
        )
    columns = [
        "source_id",
        "source",
        "kind",
        "published",
        "published_precision",
        "events",
        "dated_to_year",
        "first_year",
        "last_year",
        "years_named",
        "near_publication",
    ]
    return pd.DataFrame(rows, columns=columns).set_index("source_id")
