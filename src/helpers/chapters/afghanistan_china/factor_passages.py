"""Which passages bring in a factor, grouped as the reader meets them, and how many of each facet
and of each source."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from helpers.analysis.scope import Scope
from helpers.chapters.afghanistan_china.factors import brings_in, facet, facet_order, factor_word
from helpers.evidence.quotes import normalize


def subjects(scope: Scope) -> pd.DataFrame:
    """The events, claims, deals and figures in scope, each with the text that says what it is
    (an event's title, a claim's statement, a deal's name, a figure's label), its kind, its
    themes (events) and its topic (claims)."""
    parts = [
        pd.DataFrame(
            {"kind": "event", "text": events["title"], "themes": events["themes"], "topic": ""}
        )
        for events in (scope.events, scope.undated_events)
    ]
    parts.append(
        pd.DataFrame(
            {
                "kind": "claim",
                "text": scope.claims["statement"],
                "themes": [()] * len(scope.claims),
                "topic": scope.claims["topic"],
            }
        )
    )
    parts.append(
        pd.DataFrame(
            {
                "kind": "deal",
                "text": scope.deals["name"],
                "themes": [()] * len(scope.deals),
                "topic": "",
            }
        )
    )
    parts.append(
        pd.DataFrame(
            {
                "kind": "figure",
                "text": scope.figures["label"],
                "themes": [()] * len(scope.figures),
                "topic": "",
            }
        )
    )
    return pd.concat(parts)


def passage_groups(evidence: pd.DataFrame) -> pd.Series:
    """For each evidence row, the row that stands for its passage: the same words may attest
    several subjects (a sentence that reports an event and voices a claim), so rows of one
    source whose quote lies within another's (after the quotes' normalization) are one
    passage, represented by the row with the longest quote."""
    representative = pd.Series(evidence.index, index=evidence.index, dtype=object)
    for _, rows in evidence.groupby("source_id", sort=False):
        kept: list[tuple[str, str]] = []
        lengths = rows["quote"].str.len().sort_values(ascending=False, kind="stable")
        for evidence_id in lengths.index:
            text = normalize(rows.at[evidence_id, "quote"])
            within = next((k for k, kept_text in kept if text in kept_text), None)
            if within is None:
                kept.append((evidence_id, text))
            else:
                representative[evidence_id] = within
    return representative


def passages(scope: Scope, factor: str) -> pd.DataFrame:
    """The evidence rows in scope that bring in ``factor`` (:func:`brings_in`), in the evidence
    table's order, with their ``facet`` (:func:`facet`), their ``subject`` text and ``kind``,
    and the ``passage`` they belong to (:func:`passage_groups`). A passage whose rows attest
    subjects of different facets counts under each of them."""
    about = subjects(scope)
    evidence = scope.evidence[scope.evidence["subject_id"].isin(about.index)]
    rows = []
    for evidence_id, row in evidence.iterrows():
        subject = about.loc[row["subject_id"]]
        tagged = factor in subject["themes"] or subject["topic"] == factor
        if brings_in(row["quote"], subject["text"], tagged, factor):
            rows.append(
                {
                    "evidence_id": evidence_id,
                    "facet": facet(row["quote"], subject["text"], subject["themes"], factor),
                    "subject": subject["text"],
                    "kind": subject["kind"],
                }
            )
    found = pd.DataFrame(rows, columns=["evidence_id", "facet", "subject", "kind"])
    found = evidence.loc[found["evidence_id"]].join(found.set_index("evidence_id"))
    found["passage"] = passage_groups(found)
    return found


def count_passages(found: pd.DataFrame) -> int:
    """How many distinct passages (not evidence rows) ``found`` holds."""
    return int(found["passage"].nunique())


def per_source(scope: Scope, found: Mapping[str, pd.DataFrame]) -> pd.DataFrame:
    """Sources × factors: how many passages of each source bring in each factor (every
    selected source, oldest first, a source with none at zero)."""
    return (
        pd.DataFrame(
            {
                factor_word(f): found[f]
                .drop_duplicates("passage")["source_label"]
                .value_counts()
                .reindex(scope.sources["label"], fill_value=0)
                for f in found
            },
            index=pd.Index(scope.sources["label"], name="source"),
        )
        .fillna(0)
        .astype(int)
    )


def sources_drawn(table: pd.DataFrame) -> list[str]:
    """The sources (rows) of a sources × counts table with anything to draw."""
    return [str(s) for s in table.index[table.sum(axis=1) > 0]]


def facet_counts(scope: Scope, found: pd.DataFrame, factor: str) -> pd.DataFrame:
    """Facets × sources: how many passages of each source bring in the factor in each way
    (facets in :func:`facet_order`, sources oldest first; only those with a passage)."""
    distinct = found.drop_duplicates(["passage", "facet"])
    table = pd.crosstab(distinct["facet"], distinct["source_label"])
    rows = [f for f in facet_order(factor) if f in table.index]
    columns = [s for s in scope.sources["label"] if s in table.columns]
    return table.reindex(index=rows, columns=columns).fillna(0).astype(int)
