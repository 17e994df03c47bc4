"""The values the chapter's prose cites inline about the later record and the whole scorecard."""

from __future__ import annotations

from helpers.chapters.what_happened_next.later_record import later_events
from helpers.chapters.what_happened_next.outcomes import outcome_of, verdict_words
from helpers.evidence import Dataset
from helpers.render import words


def accessed_on(dataset: Dataset) -> words.Words:
    """When the later record was read: '1 December 2026', or a span of dates."""
    dates = sorted(set(dataset.later_record["accessed"]))
    if not dates:
        return words.Words("")
    if len(dates) == 1:
        return words.Words(words.format_date(dates[0], "day"))
    return words.Words(
        f"{words.format_date(dates[0], 'day')} to {words.format_date(dates[-1], 'day')}"
    )


def record_span(dataset: Dataset) -> words.Words:
    """The years the later record covers: '2012–2025'."""
    later = later_events(dataset)
    if later.empty:
        return words.Words("")
    return words.Words(words.year_range(int(later["year"].min()), int(later["end_year"].max())))


def outlet_count(dataset: Dataset) -> int:
    """How many outlets the later record reads."""
    return int(dataset.later_record["outlet"].nunique())


def kind_share(dataset: Dataset, kind: str) -> int:
    """How many later-record rows are of a kind of source ('primary', 'news', 'analysis')."""
    return int((dataset.later_record["source_kind"] == kind).sum())


def relayed_count(dataset: Dataset) -> int:
    """How many later-record rows come from a page that reproduces or sums up another's report."""
    return int((dataset.later_record["relays"] != "").sum())


def verdict_of(dataset: Dataset, subject_id: str) -> words.Words:
    """The verdict of one thread in words, for the prose: 'not fulfilled'."""
    outcome = outcome_of(dataset, subject_id)
    return words.Words(verdict_words("" if outcome is None else outcome["verdict"]))


def row_count(dataset: Dataset) -> int:
    """How many attestations the later record holds."""
    return len(dataset.later_record)


def verdict_total(dataset: Dataset, verdict: str) -> int:
    """How many outcomes of the whole scorecard (every article, every thread) have ``verdict``."""
    return int((dataset.outcomes["verdict"] == verdict).sum())


def outcome_count(dataset: Dataset) -> int:
    """How many predictions and threads the whole scorecard judges."""
    return len(dataset.outcomes)
