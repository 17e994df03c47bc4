"""Which claims the chapter on contested claims weighs: the claims of the chosen topics that
enough passages voice, and the predictions."""

from __future__ import annotations

import pandas as pd

from helpers.analysis.params import ALL
from helpers.analysis.scope import Scope


def of_topics(claims: pd.DataFrame, topics: tuple[str, ...]) -> pd.DataFrame:
    """The claims of the chosen topics (``("all",)`` for every one)."""
    return claims if ALL in topics else claims[claims["topic"].isin(topics)]


def argued_claims(scope: Scope, topics: tuple[str, ...], min_voices: int) -> pd.DataFrame:
    """The claims the chapter sets against each other: claims of the chosen topics that are not
    predictions and that at least ``min_voices`` in-scope passages voice."""
    claims = of_topics(scope.claims, topics)
    claims = claims[claims["kind"] != "prediction"]
    rows = scope.evidence_for(claims.index).groupby("subject_id").size()
    return claims[claims.index.isin(rows[rows >= min_voices].index)]


def prediction_claims(scope: Scope, topics: tuple[str, ...]) -> pd.DataFrame:
    """The predictions of the chosen topics, however many passages voice them."""
    claims = of_topics(scope.claims, topics)
    return claims[claims["kind"] == "prediction"]
