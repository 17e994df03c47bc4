"""The amounts the sources state: the values of the projects, and the trade figures with the
claim that trade is low."""

from __future__ import annotations

import pandas as pd

from helpers.analysis.scope import Scope
from helpers.render import words
from helpers.render.words import Words

TRADE_CLAIM = "claim-trade-low"
"""The claim that Pakistan–Russia trade is low, set beside the trade figures."""


def stated_values(scope: Scope, projects: pd.DataFrame) -> pd.DataFrame:
    """The values the selected sources state for the projects (figures of metric
    ``deal_value`` in scope), largest first: one row per figure, with the project's ``deal_id``
    and ``name``. A value stands only where a selected source states it."""
    figures = scope.figures
    figures = figures[
        (figures["metric"] == "deal_value") & figures["subject_id"].isin(projects.index)
    ]
    figures = figures.assign(
        deal_id=figures["subject_id"], name=figures["subject_id"].map(projects["name"])
    )
    return figures.sort_values("value", ascending=False, kind="stable")


def value_text(figure: pd.Series) -> Words:
    """A stated value in words ('$2 billion', 'more than $10 billion')."""
    return Words(words.format_usd(figure["value"], figure["qualifier"], figure["value_max"]))


def values_of(values: pd.DataFrame, deal_id: str) -> Words:
    """The stated values of one project, joined ('' when none)."""
    mine = values[values["deal_id"] == deal_id]
    return Words(" or ".join(value_text(f) for _, f in mine.iterrows()))


def valued_thing(label: str) -> str:
    """What a value figure is the value of, from its label: 'Value of the energy deals under
    negotiation in 2018' gives 'the energy deals under negotiation in 2018'."""
    prefix = "value of "
    if label.lower().startswith(prefix):
        return label[len(prefix) :]
    return label[:1].lower() + label[1:]


def trade(scope: Scope) -> pd.DataFrame:
    """The two-way trade figures in scope, oldest first."""
    figures = scope.figures
    return figures[figures["metric"] == "trade_turnover"].sort_values("year")


def growth(trade_figures: pd.DataFrame) -> float | None:
    """How many times the last trade figure is the first, or None with fewer than two."""
    if len(trade_figures) < 2:
        return None
    return float(trade_figures["value"].iloc[-1] / trade_figures["value"].iloc[0])
