"""The verdicts on the claims, counting sources and counting each origin once, by topic, and the
claims whose verdict changes when origins are counted."""

from __future__ import annotations

import pandas as pd

from helpers.analysis import measures, origins
from helpers.analysis.scope import Scope
from helpers.evidence.vocabularies import CLAIM_TOPICS as TOPIC_WORDS
from helpers.render import words
from helpers.render.figure_style import PALETTE, STANCE_COLOURS
from helpers.render.words import Words

VERDICTS = ("agreed", "qualified", "contested", "rejected", "one voice")
"""The verdicts on a claim (:func:`helpers.analysis.measures.claim_verdicts`), agreed first."""

VERDICT_WORDS = {
    "agreed": "agreed",
    "qualified": "qualified",
    "contested": "contested",
    "rejected": "rejected",
    "one voice": "one voice only",
}

VERDICT_COLOURS = {
    "agreed": STANCE_COLOURS["supports"],
    "qualified": STANCE_COLOURS["qualifies"],
    "contested": STANCE_COLOURS["disputes"],
    "rejected": PALETTE[8],
    "one voice": "#c8c8c8",
}


def judged(scope: Scope, claim_ids: pd.Index) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The stance matrix of the claims (claims × sources and readers) and, per claim, its
    origins and verdicts (:func:`helpers.analysis.origins.claim_origins`)."""
    matrix = measures.stance_matrix(scope, claim_ids)
    by_sources = measures.claim_verdicts(matrix) if len(matrix) else pd.Series(dtype=object)
    return matrix, origins.claim_origins(scope, claim_ids, by_sources)


def count(judgements: pd.DataFrame, verdict: str, column: str = "verdict") -> int:
    """How many claims have ``verdict`` (counting origins, or ``column='by_sources'``)."""
    return int((judgements[column] == verdict).sum()) if len(judgements) else 0


def with_verdict(judgements: pd.DataFrame, verdict: str) -> pd.Index:
    """The claims whose verdict, counting origins, is ``verdict``."""
    return (
        judgements.index[judgements["verdict"] == verdict] if len(judgements) else judgements.index
    )


def leading_topics(
    claims: pd.DataFrame, judgements: pd.DataFrame, verdict: str, most: int = 3
) -> Words:
    """The topics that hold the most claims of ``verdict``, in words, most frequent first
    (ties in the vocabulary's order): 'Afghanistan, Russia's motives and Pakistan's motives'."""
    chosen = claims.loc[judgements.index[judgements["verdict"] == verdict]]
    if chosen.empty:
        return Words("no topic")
    order = list(TOPIC_WORDS)
    counts = chosen["topic"].value_counts()
    ranked = sorted(counts.index, key=lambda t: (-counts[t], order.index(t)))[:most]
    return Words(words.join_words(TOPIC_WORDS.word(t) for t in ranked))


def verdict_by_topic(claims: pd.DataFrame, judgements: pd.DataFrame) -> pd.DataFrame:
    """Topics × verdicts (counting origins): how many claims of each topic have each verdict;
    topics in words, in the vocabulary's order; only verdicts that occur."""
    if claims.empty:
        return pd.DataFrame(columns=list(VERDICTS))
    table = pd.crosstab(claims["topic"], judgements.loc[claims.index, "verdict"])
    table = table.reindex(columns=[v for v in VERDICTS if v in table.columns], fill_value=0)
    table = table.reindex([t for t in TOPIC_WORDS if t in table.index])
    table.index = [TOPIC_WORDS.word(t) for t in table.index]
    return table


def changed_verdicts(judgements: pd.DataFrame) -> pd.DataFrame:
    """The claims whose verdict changes when each origin is counted once."""
    return judgements[judgements["verdict"] != judgements["by_sources"]]


def relayed(judgements: pd.DataFrame) -> pd.DataFrame:
    """The claims that an origin reaches through two or more sources."""
    return judgements[judgements["relayed"].map(bool)] if len(judgements) else judgements
