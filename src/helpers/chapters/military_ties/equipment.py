"""Arms and equipment: the defence deals, the status each source reports, the quantities, and
the talks that came before any transfer."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from helpers.analysis import measures
from helpers.analysis.scope import Scope
from helpers.chapters import common
from helpers.chapters.military_ties.kinds import ARMS, DEFENCE, of_kind
from helpers.render import markup, words
from helpers.render.markup import Markup

SOVIET_END = 1991
# The year the Soviet Union ended: transfers after it are the Russian Federation's.


def arms(scope: Scope) -> pd.DataFrame:
    """The defence deals of the selection (arms and equipment transferred, offered or talked
    of)."""
    return scope.deals[scope.deals["sector"] == DEFENCE]


def status_by_source(scope: Scope, deal_ids: Sequence[str]) -> pd.Series:
    """For each deal, the status each source reports at its date ('Rizvi (2018): negotiation /
    delivered; Qureshi (2018): delivered'), oldest source first."""
    grid = measures.deal_statuses(scope).reindex(list(deal_ids)).fillna("")
    return pd.Series(
        ["; ".join(f"{s}: {v}" for s, v in row.items() if v) for _, row in grid.iterrows()],
        index=list(deal_ids),
        dtype=object,
    )


def quantity(figure: pd.Series) -> str:
    """A figure's quantity in words ('about 200 people', '4 helicopters')."""
    return words.format_quantity(
        figure["value"], figure["unit"], figure["qualifier"], figure["value_max"]
    )


def quantities(scope: Scope, deal_id: str, ties: pd.DataFrame) -> Markup:
    """How much of a deal the sources report: the quantity each passage on its deliveries gives
    of its own, with its source; else the deal's equipment figures."""
    deliveries = ties[(ties["deal_id"] == deal_id) & (ties["category"] == "delivery")]
    evidence = scope.evidence_for(list(deliveries.index))
    valued = evidence[evidence["reported_value"] != ""]
    if len(valued):
        parts = []
        for evidence_id, row in valued.iterrows():
            year = common.reported_date_words(row)
            when = f", {year}" if year else ", undated"
            links = common.attribution_of(scope, [evidence_id])
            parts.append(f"{markup.escape(row['reported_value'] + when)} ({links})")
        return Markup("; ".join(parts))
    figures = scope.figures[
        (scope.figures["subject_id"] == deal_id) & (scope.figures["metric"] == "equipment")
    ]
    return Markup(
        "; ".join(
            f"{markup.escape(quantity(f))} ({common.attribution(scope, [i])})"
            for i, f in figures.iterrows()
        )
    )


def talks_before_transfer(ties: pd.DataFrame) -> pd.DataFrame:
    """The talks and offers of arms tied to no particular deal that come before the first
    delivery after the Soviet Union's end (all of them when the selection has none)."""
    kind = of_kind(ties, ARMS)
    talks = kind[kind["category"].isin(["negotiation", "offer"]) & (kind["deal_id"] == "")]
    later = kind[(kind["category"] == "delivery") & (kind["year"] > SOVIET_END)]
    if later.empty:
        return talks
    return talks[talks["start"] < later["start"].min()]
