"""Energy deals: the projects Pakistan and Russia are both parties to, their value and their status
as each source reported it, set against the trade the two countries actually did."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import ClassVar

import pandas as pd

from helpers.analysis import measures
from helpers.analysis.params import DEAL_SECTORS, ChapterParams, param
from helpers.analysis.scope import Scope
from helpers.chapters.opening import open_chapter
from helpers.evidence import Dataset
from helpers.evidence.vocabularies import DEAL_STATUSES
from helpers.render import markup, words

TRADE_CLAIM = "claim-trade-low"
"""The claim that Pakistan–Russia trade is low, set beside the trade figures."""

THE_TWO = ({"Pakistan"}, {"Russia", "Soviet Union"})
"""A project of the chapter has a party of each side."""


@dataclass(frozen=True)
class Params(ChapterParams):
    """Parameters of the chapter on energy deals."""

    chapter: ClassVar[str] = "energy_deals"

    sectors: tuple[str, ...] = param(
        ("energy", "industry"),
        "Deal sectors shown, or all.",
        example='["energy"]',
        choices=DEAL_SECTORS,
        nonempty=True,
    )


def open(namespace: Mapping[str, object]) -> tuple[Params, Dataset, Scope]:
    """The chapter's checked parameters (read from the notebook's globals), its dataset and its
    scope: ``P, dataset, scope = chapter.open(globals())``."""
    return open_chapter(Params, namespace)  # type: ignore[return-value]


# ----------------------------------------------------------------------------------------------
# Which projects
# ----------------------------------------------------------------------------------------------


def is_bilateral(parties: tuple[str, ...], countries: Mapping[str, str]) -> bool:
    """Whether a project's parties include Pakistan and Russia (or the Soviet Union)."""
    sides = [countries.get(p, "") for p in parties]
    return all(any(side in wanted for side in sides) for wanted in THE_TWO)


def projects(scope: Scope, sectors: tuple[str, ...]) -> pd.DataFrame:
    """The projects of the chosen sectors (``("all",)`` for every one) in scope to which both
    Pakistan and Russia are parties; projects of others (a pipeline from Turkmenistan to India)
    are context, not part of the relationship."""
    deals = scope.deals
    if "all" not in sectors:
        deals = deals[deals["sector"].isin(sectors)]
    countries = scope.dataset.actors["country"].to_dict()
    bilateral = [is_bilateral(p, countries) for p in deals["parties"]]
    return deals[pd.Series(bilateral, index=deals.index, dtype=bool)]


# ----------------------------------------------------------------------------------------------
# Status
# ----------------------------------------------------------------------------------------------


def latest_status(scope: Scope, deal_ids: pd.Index) -> pd.DataFrame:
    """For each project, the status reported by the newest source that reports one: the
    status (several joined by ' / ' when that source gives two), the source and its label."""
    evidence = scope.evidence_for(deal_ids)
    evidence = evidence[evidence["reported_status"] != ""]
    order = list(DEAL_STATUSES)
    rows = []
    for deal_id in deal_ids:
        mine = evidence[evidence["subject_id"] == deal_id]
        if mine.empty:
            rows.append({"deal_id": deal_id, "status": "", "source_id": "", "source": ""})
            continue
        newest = mine.sort_values(["source_year", "source_id"]).iloc[-1]
        same = mine[mine["source_id"] == newest["source_id"]]
        statuses = sorted(set(same["reported_status"]), key=order.index)
        rows.append(
            {
                "deal_id": deal_id,
                "status": " / ".join(statuses),
                "source_id": newest["source_id"],
                "source": newest["source_label"],
            }
        )
    return pd.DataFrame(rows, columns=["deal_id", "status", "source_id", "source"]).set_index(
        "deal_id"
    )


def status_words(status: str) -> str:
    """A reported status in words: 'named, with no stage given', 'at the stage of negotiation'."""
    if not status:
        return "with no status reported"
    if status == "named":
        return "named, with no stage given"
    return f"at the stage “{status}”"


def delivered(latest: pd.DataFrame) -> pd.Index:
    """The projects whose newest status includes delivery."""
    return latest.index[[("delivered" in s.split(" / ")) for s in latest["status"]]]


# ----------------------------------------------------------------------------------------------
# Value
# ----------------------------------------------------------------------------------------------


def value_text(deal: pd.Series) -> str:
    """A project's stated value in words ('$2 billion', 'more than $10 billion'), or ''."""
    if pd.isna(deal["value_usd"]):
        return ""
    return words.format_usd(deal["value_usd"], deal["value_qualifier"] or "exact")


def largest_stated(deals: pd.DataFrame) -> pd.Series | None:
    """The project with the largest stated value, or None when no project has one.

    Stated values are not added up: a package of deals 'in excess of $10 billion' may include
    a pipeline that another passage values on its own.
    """
    valued = deals[deals["value_usd"].notna()]
    if valued.empty:
        return None
    return valued.sort_values("value_usd", ascending=False, kind="stable").iloc[0]


# ----------------------------------------------------------------------------------------------
# Trade
# ----------------------------------------------------------------------------------------------


def trade(scope: Scope) -> pd.DataFrame:
    """The two-way trade figures in scope, oldest first."""
    figures = scope.figures
    return figures[figures["metric"] == "trade_turnover"].sort_values("year")


def growth(trade_figures: pd.DataFrame) -> float | None:
    """How many times the last trade figure is the first, or None with fewer than two."""
    if len(trade_figures) < 2:
        return None
    return float(trade_figures["value"].iloc[-1] / trade_figures["value"].iloc[0])


# ----------------------------------------------------------------------------------------------
# Shown
# ----------------------------------------------------------------------------------------------


def projects_table(scope: Scope, deals: pd.DataFrame, latest: pd.DataFrame) -> pd.DataFrame:
    """The table of projects: what each is, its parties, value, obstacles, latest status and
    the passages that attest it."""
    names = scope.dataset.actors["name"].to_dict()
    return pd.DataFrame(
        {
            "Project": [
                markup.Markup(f"**{markup.escape(n)}.** {markup.escape(s)}")
                for n, s in zip(deals["name"], deals["summary"], strict=True)
            ],
            "Parties": [", ".join(names[a] for a in p) for p in deals["parties"]],
            "Value": [value_text(d) for _, d in deals.iterrows()],
            "Obstacles named": deals["obstacles"].to_list(),
            "Latest status": [
                f"{latest.at[d, 'status']} ({latest.at[d, 'source']})"
                if latest.at[d, "status"]
                else ""
                for d in deals.index
            ],
            "Sources": [markup.attribution(scope.evidence_for([d])) for d in deals.index],
        }
    )


def stage_sentence(latest: pd.DataFrame, deals: pd.DataFrame) -> markup.Markup:
    """How far the projects had got in the newest source on each, as one sentence: its shape
    depends on the selection (how many stages, which projects are delivered)."""
    if deals.empty:
        return markup.escape("No project of the chosen sectors is attested in this selection.")
    counts = latest["status"].replace("", "no status").value_counts()
    parts = [
        f"{words.plural(int(n), 'project', words=True)} {'is' if n == 1 else 'are'} "
        f"{status_words('' if s == 'no status' else s)}"
        for s, n in counts.items()
    ]
    done = delivered(latest)
    ending = (
        f" Only {words.join_words([markup.escape(deals.at[d, 'name']) for d in done])} "
        f"{'is' if len(done) == 1 else 'are'} reported as delivered."
        if len(done)
        else " None is reported as built, delivered or in operation."
    )
    return markup.Markup(
        f"In the newest source that reports each, {words.join_words(parts)}.{ending}"
    )


def status_grid(scope: Scope, deals: pd.DataFrame) -> pd.DataFrame:
    """Projects × sources: the status each source reports, for projects that have one."""
    grid = measures.deal_statuses(scope).reindex(deals.index).fillna("")
    return grid[(grid != "").any(axis=1)] if len(grid) else grid
