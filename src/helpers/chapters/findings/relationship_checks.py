"""The checks of the findings on what passed between the two states: the recent turn, exercises
rather than arms, energy projects not delivered, and the small trade."""

from __future__ import annotations

import pandas as pd

from helpers.analysis import measures
from helpers.analysis.scope import Scope
from helpers.chapters.findings.finding import Finding, claim_evidence, in_source_order
from helpers.render import words

RECENT_FROM = 2014
"""The year Russia lifted its arms embargo: the findings count 'recent' steps from it."""

THAW_FROM = 2003
"""The year of Musharraf's visit to Moscow, from which the 2012 source dates the upward trend."""

DEFENCE_SECTOR = "defence"
ENERGY_SECTORS = ("energy", "industry")
DELIVERED = "delivered"
TRADE_METRIC = "trade_turnover"
TRADE_LOW = "claim-trade-low"


EMBARGO_LIFTED = "ev-2014-arms-embargo-lifted"
MUSHARRAF_VISIT = "ev-2003-musharraf-moscow"


def recent_turn(scope: Scope) -> Finding:
    """Most dated steps between the two states fall from 2014 on: more than in the decade of the
    thaw before it, and more than in the decades before that."""
    events = scope.events
    both = events[measures.bilateral(events, scope.dataset.actors)]
    recent = both[both["year"] >= RECENT_FROM]
    thaw = both[(both["year"] >= THAW_FROM) & (both["year"] < RECENT_FROM)]
    before = both[both["year"] < THAW_FROM]
    holds = len(recent) > max(len(thaw), len(before))
    key = [i for i in (EMBARGO_LIFTED, MUSHARRAF_VISIT) if i in both.index]
    return Finding(
        "recent_turn",
        holds,
        {
            "n_both": len(both),
            "n_recent": len(recent),
            "n_thaw": len(thaw),
            "n_before": len(before),
            "last_year": int(both["end_year"].max()) if len(both) else scope.end_year,
        },
        section="chronology-phases",
        reason="" if holds else "the recent years do not hold the most steps",
        evidence=in_source_order(scope.evidence_for(key), scope),
    )


def _after(scope: Scope, deal_ids: pd.Index) -> pd.Index:
    """The deals with no dated step before :data:`RECENT_FROM`."""
    steps = scope.dataset.events
    early = set(steps.loc[steps["year"] < RECENT_FROM, "deal_id"]) - {""}
    return pd.Index([d for d in deal_ids if d not in early])


def _newest_status(scope: Scope, deal_id: str) -> str:
    ev = scope.evidence_for([deal_id])
    ev = ev[ev["reported_status"] != ""]
    if ev.empty:
        return ""
    newest = ev["source_year"].max()
    return " / ".join(sorted(set(ev.loc[ev["source_year"] == newest, "reported_status"])))


def exercises_not_arms(scope: Scope) -> Finding:
    """After the embargo, the sources report joint exercises held, but only one delivery of
    arms against more items discussed or offered."""
    events = scope.events
    exercises = events[
        (events["category"] == "exercise")
        & (events["status"] == "occurred")
        & (events["year"] >= RECENT_FROM)
    ]
    deals = scope.deals[scope.deals["sector"] == DEFENCE_SECTOR]
    recent = _after(scope, deals.index)
    statuses = {d: _newest_status(scope, d) for d in recent}
    delivered = [d for d, s in statuses.items() if DELIVERED in s.split(" / ")]
    talked = [d for d, s in statuses.items() if s and DELIVERED not in s.split(" / ")]
    holds = len(exercises) >= 1 and len(talked) > len(delivered)
    evidence = scope.evidence_for(list(exercises.index) + delivered)
    return Finding(
        "exercises_not_arms",
        holds,
        {
            "n_exercises": len(exercises),
            "n_delivered": len(delivered),
            "n_talked": len(talked),
            "n_deals": len(statuses),
            "talked": words.join_words(scope.deals.loc[talked, "name"]) if talked else "nothing",
            "delivered": words.join_words(scope.deals.loc[delivered, "name"])
            if delivered
            else "nothing",
        },
        section="military-arms",
        reason="" if holds else "the selection does not show exercises outweighing deliveries",
        evidence=in_source_order(evidence, scope),
    )


def energy_undelivered(scope: Scope) -> Finding:
    """No energy or industrial project between the two is reported as built or delivered."""
    countries = scope.dataset.actors["country"].to_dict()
    deals = scope.deals[scope.deals["sector"].isin(ENERGY_SECTORS)]
    both = [
        d
        for d, parties in deals["parties"].items()
        if {"Pakistan"} & {countries.get(p) for p in parties}
        and {"Russia", "Soviet Union"} & {countries.get(p) for p in parties}
    ]
    statuses = {d: _newest_status(scope, d) for d in both}
    delivered = [d for d, s in statuses.items() if DELIVERED in s.split(" / ")]
    valued = deals.loc[both]
    valued = valued[valued["value_usd"].notna()].sort_values("value_usd", ascending=False)
    largest = (
        words.format_usd(valued["value_usd"].iloc[0], valued["value_qualifier"].iloc[0] or "exact")
        if len(valued)
        else "no sum"
    )
    holds = len(both) >= 1 and not delivered
    return Finding(
        "energy_undelivered",
        holds,
        {"n_projects": len(both), "n_delivered": len(delivered), "largest": largest},
        section="energy-status",
        reason="" if holds else "a project is reported as delivered, or none is in scope",
        evidence=in_source_order(scope.evidence_for(list(valued.index[:1])), scope),
    )


def small_trade(scope: Scope) -> Finding:
    """The only trade figures are small and old, and a later source calls trade low."""
    trade = scope.figures[scope.figures["metric"] == TRADE_METRIC].sort_values("year")
    later = claim_evidence(scope, TRADE_LOW)
    if len(trade):
        later = later[later["source_year"] > int(trade["year"].max())]
    holds = len(trade) >= 2 and float(trade["value"].max()) < 1e9 and len(later) >= 1
    values: dict[str, object] = {"n_figures": len(trade), "n_later": len(later)}
    if len(trade):
        first, last = trade.iloc[0], trade.iloc[-1]
        values |= {
            "first_year": int(first["year"]),
            "first_value": words.format_usd(first["value"]),
            "last_year": int(last["year"]),
            "last_value": words.format_usd(last["value"]),
        }
    else:
        values |= dict.fromkeys(("first_year", "first_value", "last_year", "last_value"), "—")
    evidence = scope.evidence_for(list(trade.index))
    return Finding(
        "small_trade",
        holds,
        values,
        section="energy-trade",
        reason="" if holds else "the selection lacks the trade figures or a later judgement",
        evidence=in_source_order(pd.concat([evidence, later]), scope),
    )
