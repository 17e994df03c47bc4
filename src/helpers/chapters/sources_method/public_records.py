"""The public records about the sources (outside the five articles, each cited), and what no
record documents."""

from __future__ import annotations

import pandas as pd

from helpers.analysis.scope import Scope
from helpers.evidence.vocabularies import RECORD_ASPECTS
from helpers.render import markup, words

OWNERSHIP = ("publisher", "owner_or_funder")
"""The aspects of a source's record that say who publishes or funds it."""


def records_of(scope: Scope) -> pd.DataFrame:
    """The public records about the selected sources, in the order of the sources."""
    records = scope.dataset.source_record
    records = records[records["source_id"].isin(scope.sources.index)]
    order = {s: i for i, s in enumerate(scope.sources.index)}
    aspects = list(RECORD_ASPECTS)
    return records.sort_values(
        ["source_id", "aspect", "line"],
        key=lambda c: (
            c.map(order)
            if c.name == "source_id"
            else (c.map(aspects.index) if c.name == "aspect" else c)
        ),
    )


def record_citation(record: pd.Series) -> markup.Markup:
    """A public record cited as a link: its publisher, title and date, and the day it was read
    ('Dawn, 8 June 2018; read 1 December 2026')."""
    parts = [record["record_publisher"]]
    if record["record_title"]:
        parts.append(f"“{record['record_title']}”")
    if record["record_published"]:
        parts.append(words.format_date(record["record_published"], record["record_precision"]))
    title = markup.escape(", ".join(parts))
    accessed = words.format_date(record["accessed"], "day")
    return markup.Markup(f"[{title}]({record['url']}); read {markup.escape(accessed)}")


def undocumented(
    records: pd.DataFrame, sources: pd.DataFrame, aspects: tuple[str, ...]
) -> list[str]:
    """The labels of the sources for which no public record of these aspects was found."""
    covered = set(records.loc[records["aspect"].isin(aspects), "source_id"])
    return [label for source_id, label in sources["label"].items() if source_id not in covered]


def undocumented_sentence(records: pd.DataFrame, sources: pd.DataFrame) -> markup.Markup:
    """What the public records leave undocumented about who publishes and funds the sources,
    as a paragraph whose shape depends on the selection."""
    unpublished = undocumented(records, sources, OWNERSHIP)
    unfunded = [
        s for s in undocumented(records, sources, ("owner_or_funder",)) if s not in unpublished
    ]
    parts = []
    if unpublished:
        parts.append(
            f"For {words.join_words(unpublished)}, no public record consulted for this book "
            "names who publishes or funds the outlet."
        )
    if unfunded:
        parts.append(
            f"For {words.join_words(unfunded)}, the records name the publisher but not who funds "
            "it."
        )
    if not parts:
        return markup.escape(
            "For every selected article, a public record names who publishes the outlet and who "
            "owns or funds it."
        )
    parts.append("The book does not guess where the record is silent.")
    return markup.escape(" ".join(parts))


def records_table(records: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """Every public record about the selected sources: the source, what the record is about,
    what it shows, and the record cited with its address and day of access."""
    return pd.DataFrame(
        {
            "Source": [sources.at[s, "label"] for s in records["source_id"]],
            "About": [RECORD_ASPECTS.word(a) for a in records["aspect"]],
            "What the record shows": records["statement"].to_list(),
            "Record (external to the five articles)": [
                record_citation(r) for _, r in records.iterrows()
            ],
        }
    )
