"""The energy deals' tables and the data written beside them: the projects, their history, the
values, the trade and the passages that judge the trade."""

from __future__ import annotations

import pandas as pd

from helpers.analysis import measures
from helpers.analysis.scope import Scope
from helpers.chapters.energy_deals.amounts import TRADE_CLAIM, values_of
from helpers.chapters.energy_deals.parties import standing_words
from helpers.chapters.energy_deals.stages import latest_words
from helpers.render import markup


def projects_table(
    scope: Scope, projects: pd.DataFrame, latest: pd.DataFrame, values: pd.DataFrame
) -> pd.DataFrame:
    """The table of projects: what each is, how it stands to the two countries, its parties,
    value, obstacles, latest stage and the passages that attest it."""
    names = scope.dataset.actors["name"].to_dict()
    countries = scope.dataset.actors["country"].to_dict()
    return pd.DataFrame(
        {
            "Project": [
                markup.Markup(f"**{markup.escape(n)}.** {markup.escape(s)}")
                for n, s in zip(projects["name"], projects["summary"], strict=True)
            ],
            "Sides": [standing_words(p, countries) for _, p in projects.iterrows()],
            "Parties named": [", ".join(names[a] for a in p) for p in projects["parties"]],
            "Value": [values_of(values, d) for d in projects.index],
            "Obstacles named": projects["obstacles"].to_list(),
            "Latest stage": [latest_words(latest, d) for d in projects.index],
            "Passages": [markup.attribution(scope.evidence_for([d])) for d in projects.index],
        }
    )


def projects_data(projects: pd.DataFrame, latest: pd.DataFrame) -> pd.DataFrame:
    """The projects table as data: the deals' columns (the value as the data's deal row gives
    it), their standing and latest stage."""
    return projects.drop(columns=["line"]).join(latest.add_prefix("latest_"))


def history_shown(story: pd.DataFrame) -> pd.DataFrame:
    """The history table as the book shows it (without its keys)."""
    return story.drop(columns=["deal_id", "sort"])


def history_data(story: pd.DataFrame) -> pd.DataFrame:
    """The history table as data: with the project's id, without the sort key."""
    return story.drop(columns=["sort"])


def value_data(values: pd.DataFrame) -> pd.DataFrame:
    """The value figure's data: each stated value with its project and label."""
    return values[["deal_id", "name", "value", "qualifier", "label"]]


def trade_data(trade_figures: pd.DataFrame) -> pd.DataFrame:
    """The trade figure's data."""
    return trade_figures[["year", "value", "unit", "label"]].reset_index(names="figure_id")


def judgements_table(scope: Scope, claim_id: str = TRADE_CLAIM) -> pd.DataFrame:
    """The passages that voice a claim (by default, that trade is low): who speaks, with what
    stance, in which words."""
    evidence = scope.evidence_for([claim_id])
    return pd.DataFrame(
        {
            "Who": [measures.who(row) for _, row in evidence.iterrows()],
            "Stance": evidence["stance"].to_list(),
            "Passage": [
                markup.Markup(f"“{markup.escape(q)}” {markup.passage(i, i.removeprefix('evi-'))}")
                for i, q in evidence["quote"].items()
            ],
        }
    )
