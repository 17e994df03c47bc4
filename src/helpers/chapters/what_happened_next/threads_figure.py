"""The threads chart: one lane per prediction or open thread, the articles and the later record
on a time axis, with the verdict; its alt text and source line."""

from __future__ import annotations

import pandas as pd
from matplotlib.figure import Figure

from helpers.analysis.scope import Scope
from helpers.chapters.what_happened_next.inline_values import accessed_on
from helpers.chapters.what_happened_next.outcomes import NOT_CHECKED, verdict_words
from helpers.chapters.what_happened_next.sentences import verdict_counts
from helpers.evidence import Dataset
from helpers.evidence.dates import period
from helpers.evidence.vocabularies import VERDICTS
from helpers.render import words
from helpers.render.threads import thread_lanes

VERDICT_COLOURS = {
    "fulfilled": "#2a9d8f",
    "partly_fulfilled": "#e9c46a",
    "not_fulfilled": "#e76f51",
    "too_early": "#9e9e9e",
}
"""The colour of each verdict, in the chart and (as CSS classes ``verdict-…``) in the tables."""


def fractional_year(timestamp: pd.Timestamp) -> float:
    """A date as a fractional year (2012.5 for early July 2012)."""
    start = pd.Timestamp(timestamp.year, 1, 1)
    days = 366 if timestamp.is_leap_year else 365
    return timestamp.year + (timestamp - start).days / days


def middle(date: str, precision: str) -> pd.Timestamp:
    """The middle of the period a date stands for: an article known only by its year is placed
    at mid-year, a day at that day."""
    start, end = period(date, precision)
    return start + (end - start) / 2


def lanes(scope: Scope, *frames: pd.DataFrame) -> pd.DataFrame:
    """One lane per row of ``frames``: its thread name, the dates of the selected articles that
    speak of it and of the later-record rows behind its verdict (fractional years), and its
    verdict."""
    dataset = scope.dataset
    published = {
        i: fractional_year(middle(p, q))
        for i, p, q in zip(
            scope.sources.index,
            scope.sources["published"],
            scope.sources["published_precision"],
            strict=True,
        )
    }
    later = dataset.later_record
    rows = []
    for frame in frames:
        for _, row in frame.iterrows():
            ids = scope.evidence_for([row["subject_id"]])["source_id"].unique()
            rows.append(
                {
                    "subject_id": row["subject_id"],
                    "thread": row["thread"],
                    "articles": sorted({published[i] for i in ids}),
                    "later": sorted(
                        fractional_year(middle(d, q))
                        for d, q in later.loc[
                            list(row["later_ids"]), ["date", "date_precision"]
                        ].itertuples(index=False)
                    ),
                    "verdict": row["verdict"],
                    "later_ids": tuple(row["later_ids"]),
                }
            )
    return pd.DataFrame(
        rows, columns=["subject_id", "thread", "articles", "later", "verdict", "later_ids"]
    )


def lanes_alt(drawn: pd.DataFrame) -> str:
    """The alt text of the threads chart, with its numbers."""
    if drawn.empty:
        return "No thread is drawn."
    years = [y for column in ("articles", "later") for ys in drawn[column] for y in ys]
    counts = verdict_counts(drawn)
    tally = words.join_words(
        f"{n} {verdict_words(v) if v else NOT_CHECKED}" for v, n in counts.items()
    )
    n_later = sum(len(ys) for ys in drawn["later"])
    return (
        f"{words.plural(len(drawn), 'lane')} of predictions and open threads on a time axis from "
        f"{int(min(years))} to {int(max(years))}: filled triangles mark when an article speaks "
        f"of the thread, {words.plural(n_later, 'hollow circle')} the later-record rows behind "
        f"its verdict, and a square at the right end its verdict ({tally})."
    )


def later_source_line(scope: Scope, drawn: pd.DataFrame, dataset: Dataset) -> str:
    """The source line of a figure that draws the articles and the later record."""
    ids = {i for subject in drawn["subject_id"] for i in scope.evidence_for([subject])["source_id"]}
    labels = [label for i, label in scope.sources["label"].items() if i in ids]
    articles = "Articles: " + (words.join_words(labels) if labels else "none") + "."
    n_rows = len({i for ids in drawn["later_ids"] for i in ids})
    accessed = accessed_on(dataset)
    return (
        f"{articles} Later record: {words.plural(n_rows, 'attestation')} in publications after "
        f"the articles, accessed {accessed}; data: this book's later-record table."
    )


def verdict_legend() -> dict[str, str]:
    """Each verdict and the words the chart's legend gives it, in the vocabulary's order."""
    return {v: VERDICTS.word(v) for v in VERDICTS}


def lanes_figure(scope: Scope, drawn: pd.DataFrame) -> Figure:
    """The threads chart of :func:`lanes`: the articles and the later record, lane by lane."""
    return thread_lanes(
        list(drawn["thread"]),
        list(drawn["articles"]),
        list(drawn["later"]),
        list(drawn["verdict"]),
        verdict_colours=VERDICT_COLOURS,
        verdict_words=verdict_legend(),
        title="Predictions and open threads: the articles and the later record",
        xlabel="Year",
        ylabel="Prediction or thread",
        source=later_source_line(scope, drawn, scope.dataset),
    )
