"""The readers against the article they comment on."""

from __future__ import annotations

import pandas as pd

from helpers.analysis.scope import Scope
from helpers.chapters.contested_claims.claim_tables import SYMBOLS
from helpers.evidence import Dataset
from helpers.render import markup, words

READER_COMMENTS_FIGURE = "fig-reader-comments"
"""The number of reader comments the Pakistan Forward page itself counts."""


def readers_table(scope: Scope, claims: pd.DataFrame) -> pd.DataFrame:
    """Each claim a reader speaks to: where the article's own voices stand, where the readers
    stand, and the comments (linked). ``against`` marks the claims on which readers take the
    opposite side."""
    evidence = scope.evidence_for(claims.index)
    readers = evidence[evidence["voice"] == "reader"]
    article = evidence[
        evidence["source_id"].isin(set(readers["source_id"])) & (evidence["voice"] != "reader")
    ]
    order = list(SYMBOLS)
    rows = []
    for claim, group in readers.groupby("subject_id", sort=False):
        own = sorted(set(article.loc[article["subject_id"] == claim, "stance"]), key=order.index)
        theirs = sorted(set(group["stance"]), key=order.index)
        rows.append(
            {
                "Claim": claims.at[claim, "statement"],
                "The article's voices": " / ".join(own) or "silent",
                "Readers": " / ".join(theirs),
                "Comments": markup.Markup(
                    ", ".join(
                        markup.passage(e, s.removeprefix("reader "))
                        for e, s in zip(group.index, group["speaker"], strict=True)
                    )
                ),
                "against": ("supports" in own and "disputes" in theirs)
                or ("disputes" in own and "supports" in theirs),
            }
        )
    columns = ["Claim", "The article's voices", "Readers", "Comments", "against"]
    return pd.DataFrame(rows, columns=columns)


def readers_sentence(table: pd.DataFrame, dataset: Dataset) -> markup.Markup:
    """How the readers stand against the article they comment on, as a paragraph whose shape
    depends on the selection."""
    if table.empty:
        return markup.escape("No reader comment is part of this selection.")
    printed = dataset.evidence.loc[dataset.evidence["voice"] == "reader", "speaker"].nunique()
    against = int(table["against"].sum())
    text = (
        f"The readers speak to {words.plural(len(table), 'claim')}; on "
        f"{words.plural(against, 'claim', words=True)} they take the side opposite to the "
        "article's author and the analysts it quotes."
    )
    if READER_COMMENTS_FIGURE in dataset.figures.index:
        counted = int(dataset.figures.at[READER_COMMENTS_FIGURE, "value"])
        text += (
            f" The page counts {words.plural(counted, 'comment')}; the archived text prints "
            f"{words.number_word(printed)}."
        )
    return markup.escape(text)
