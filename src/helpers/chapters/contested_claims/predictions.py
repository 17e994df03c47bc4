"""The predictions: what is predicted, by whom and when, and by when it should come about."""

from __future__ import annotations

import pandas as pd

from helpers.analysis import origins
from helpers.analysis.scope import Scope
from helpers.chapters.contested_claims.speakers import linked_voices
from helpers.evidence.dates import date_precision_of
from helpers.render import markup, words
from helpers.render.passage_numbers import passage_numbers


def horizon_words(horizon: str) -> str:
    """A prediction's horizon in words: 'by September 2012', or that none is given."""
    if not horizon:
        return "none given"
    return f"by {words.format_date(horizon, date_precision_of(horizon))}"


def source_dates(evidence: pd.DataFrame, sources: pd.DataFrame) -> str:
    """When the sources of some passages were published, oldest first:
    'DeSilva-Ranasinghe (2012): 24 March 2012; Qureshi (2018): 2018'."""
    shown = []
    for source_id in sources.index:
        if source_id in set(evidence["source_id"]):
            row = sources.loc[source_id]
            date = words.format_date(row["published"], row["published_precision"])
            shown.append(f"{row['label']}: {date}")
    return "; ".join(shown)


def predictions_table(scope: Scope, predictions: pd.DataFrame) -> pd.DataFrame:
    """The predictions, oldest first: what is predicted, who expects it and who expects
    otherwise (linked to the passages), when the sources said so, and the horizon."""
    credits = origins.citation_origins(scope.dataset)
    numbers = passage_numbers(scope.dataset, scope.sources.index)
    evidence = scope.evidence_for(predictions.index)
    first = evidence.groupby("subject_id")["source_year"].min()
    ordered = predictions.assign(first=first).sort_values(["first", "claim_id"], kind="stable")
    rows = []
    for claim, prediction in ordered.iterrows():
        mine = evidence[evidence["subject_id"] == claim]
        expected = linked_voices(mine[mine["stance"] == "supports"], credits, numbers)
        partly = linked_voices(mine[mine["stance"] == "qualifies"], credits, numbers)
        if partly:
            expected = markup.Markup("; ".join(p for p in (expected, f"in part: {partly}") if p))
        rows.append(
            {
                "Prediction": prediction["statement"],
                "Expected by": expected,
                "Expected otherwise by": linked_voices(
                    mine[mine["stance"] == "disputes"], credits, numbers
                ),
                "Said": source_dates(mine, scope.sources),
                "Horizon": horizon_words(prediction["horizon"]),
            }
        )
    columns = ["Prediction", "Expected by", "Expected otherwise by", "Said", "Horizon"]
    return pd.DataFrame(rows, columns=columns)


def with_horizon(predictions: pd.DataFrame) -> int:
    """How many predictions name the date by which they speak."""
    return int((predictions["horizon"] != "").sum())
