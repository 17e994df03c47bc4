"""The chapter's tables and the data written beside them: the facets of a factor and the
explanations with their voices."""

from __future__ import annotations

import pandas as pd

from helpers.analysis.scope import Scope
from helpers.chapters.afghanistan_china.explanation_voices import (
    STANCES,
    in_source_order,
    independent,
    voice_markup,
    voices,
)
from helpers.chapters.afghanistan_china.factors import facet_order
from helpers.render import markup, words


def facet_table(scope: Scope, found: pd.DataFrame, factor: str) -> pd.DataFrame:
    """One row per source and facet: what the passages are about (their subjects, each once)
    and the links to them; sources oldest first, facets in :func:`facet_order`."""
    order = {name: i for i, name in enumerate(facet_order(factor))}
    position = {label: i for i, label in enumerate(scope.sources["label"])}
    rows = []
    for (label, name), group in found.groupby(["source_label", "facet"], sort=False):
        rows.append(
            {
                "Source": label,
                "Facet": name,
                "About": "; ".join(words.ordered_unique(list(group["subject"]))),
                "Passages": markup.passages(
                    group.index, [e.removeprefix("evi-") for e in group.index]
                ),
                "order": (position[label], order[name]),
            }
        )
    frame = pd.DataFrame(rows, columns=["Source", "Facet", "About", "Passages", "order"])
    return frame.sort_values("order", kind="stable").drop(columns="order").reset_index(drop=True)


def explanation_table(scope: Scope, claims: pd.DataFrame) -> pd.DataFrame:
    """One row per explanation: the voices that support, qualify and dispute it (named with
    what they credit), how many independent voices support it, whether an apparent agreement
    rests on one origin repeated, and the passages. Most independent support first, then the
    least disputed."""
    found = voices(scope, claims.index)
    citations = scope.dataset.citations
    rows = []
    for claim_id, claim in claims.iterrows():
        mine = found[found["claim_id"] == claim_id]
        row: dict[str, object] = {"claim_id": claim_id, "Explanation": claim["statement"]}
        for stance, column in zip(
            STANCES, ("Supported by", "Qualified by", "Disputed by"), strict=True
        ):
            taking = mine[mine["stance"] == stance]
            row[column] = markup.Markup(
                "; ".join(voice_markup(r, citations, scope.sources) for _, r in taking.iterrows())
            )
            row[stance] = independent(taking)
            row[f"{stance} (voices)"] = len(taking)
        row["repeated"] = row["supports (voices)"] > row["supports"]
        row["Passages"] = markup.attribution(in_source_order(scope, scope.evidence_for([claim_id])))
        rows.append(row)
    columns = [
        "claim_id",
        "Explanation",
        "Supported by",
        "Qualified by",
        "Disputed by",
        *STANCES,
        *(f"{s} (voices)" for s in STANCES),
        "repeated",
        "Passages",
    ]
    frame = pd.DataFrame(rows, columns=columns)
    frame = frame[frame[[f"{s} (voices)" for s in STANCES]].sum(axis=1) > 0]
    return frame.sort_values(
        ["supports", "disputes"], ascending=[False, True], kind="stable"
    ).reset_index(drop=True)


def explanations_shown(table: pd.DataFrame) -> pd.DataFrame:
    """The explanations table as the book shows it."""
    shown = table[
        ["Explanation", "Supported by", "Qualified by", "Disputed by", "supports", "Passages"]
    ]
    return shown.rename(columns={"supports": "Independent support"})


def explanations_data(table: pd.DataFrame) -> pd.DataFrame:
    """The explanations table as data: plain text, with the counts."""
    return table.assign(
        **{
            c: [str(v) for v in table[c]]
            for c in ("Supported by", "Qualified by", "Disputed by", "Passages")
        }
    )
