"""How the data was made and checked: the quotes found in the articles, the bases of the dates,
the problems of reading, and the dates resolved against a publication."""

from __future__ import annotations

import pandas as pd

from helpers.analysis.scope import Scope
from helpers.evidence import Dataset, readings
from helpers.evidence.vocabularies import DATE_BASES
from helpers.render import words


def quotes_found(scope: Scope) -> int:
    """How many in-scope evidence quotes are found verbatim in their seeds (after the one
    normalization)."""
    evidence = scope.evidence
    seeds = scope.dataset.seeds
    return sum(
        seeds[s].contains(q) for s, q in zip(evidence["source_id"], evidence["quote"], strict=True)
    )


def events_in_scope(scope: Scope) -> pd.DataFrame:
    """The events of the selection, dated (within the years) and undated (when the years cover
    every dated event)."""
    return pd.concat([scope.events, scope.undated_events])


def basis_counts(events: pd.DataFrame) -> dict[str, int]:
    """How many events have each date basis, in the vocabulary's order (zeros included)."""
    counts = events["date_basis"].value_counts()
    return {basis: int(counts.get(basis, 0)) for basis in DATE_BASES}


def reading_problems(dataset: Dataset) -> int:
    """How many problems the checks of readings against the articles find
    (:mod:`helpers.evidence.readings`): unnamed places and actors, reported dates without a date
    expression, aliases that name another actor or a place."""
    return (
        len(readings.unnamed_event_details(dataset))
        + len(readings.undated_reported_dates(dataset))
        + len(readings.bad_aliases(dataset))
    )


def resolved_dates(scope: Scope) -> pd.DataFrame:
    """The events in scope whose date was resolved from a relative expression, inferred, bounded
    by a qualifier, or cannot be established."""
    events = events_in_scope(scope)
    return events[(events["date_basis"] != "stated") | (events["date_qualifier"] != "")]


def dates_table(events: pd.DataFrame) -> pd.DataFrame:
    """Resolved, inferred and bounded dates: the event, its date in words, the basis and how
    it was resolved."""
    return pd.DataFrame(
        {
            "Event": events["title"].to_list(),
            "Date": [
                words.event_date(d, p, e, qualifier=q)
                for d, p, e, q in zip(
                    events["date"],
                    events["date_precision"],
                    events["end_date"],
                    events["date_qualifier"],
                    strict=True,
                )
            ],
            "Basis": [DATE_BASES.word(b) for b in events["date_basis"]],
            "How it was resolved": events["date_note"].to_list(),
        }
    )


def credited_rows(scope: Scope) -> int:
    """How many in-scope evidence rows an article credits to another publication."""
    return int(scope.evidence["origins"].map(bool).sum())


def span_figures(scope: Scope) -> int:
    """How many in-scope durations and intervals name the events they span."""
    figures = scope.figures
    return int((figures["span_from"] != "").sum())
