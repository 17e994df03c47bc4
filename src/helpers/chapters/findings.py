"""The book's key findings, each a statement with a check computed from the data.

A finding is written by people, in the introduction's markdown, with its numbers inline; every
number comes from its check here. A check returns whether the finding holds for the selection
(the sources, years and themes the book is built with) and the values the statement cites. In a
book built with other parameters, a finding whose check fails is shown as not holding for that
selection (:attr:`Finding.verdict`).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import pandas as pd

from helpers.analysis import measures
from helpers.analysis.scope import Scope
from helpers.render import markup, words
from helpers.render.markup import Markup

PASSAGES_PER_SOURCE = 2
"""How many passages of each source a finding links to."""

RECENT_FROM = 2014
"""The year Russia lifted its arms embargo: the findings count 'recent' steps from it."""

THAW_FROM = 2003
"""The year of Musharraf's visit to Moscow, from which the 2012 source dates the upward trend."""

DEFENCE_SECTOR = "defence"
ENERGY_SECTORS = ("energy", "industry")
DELIVERED = "delivered"
TRADE_METRIC = "trade_turnover"
TRADE_LOW = "claim-trade-low"
AFGHANISTAN_DRIVES = "claim-afghanistan-drives-ties"
LEVERAGE = "claim-pakistan-seeks-leverage"
COUNTERS_INDIA = "claim-pakistan-counters-india"
INDIA_US_PUSHES = "claim-india-us-pushes-russia"
DEEP_TIES_UNLIKELY = "claim-deep-ties-unlikely"
EMBARGO_LIFTED = "ev-2014-arms-embargo-lifted"
MUSHARRAF_VISIT = "ev-2003-musharraf-moscow"
COMPILER = "src-pr-2021"
"""The source that compiles other outlets (a research brief quoting newspapers)."""


@dataclass(frozen=True)
class Finding:
    """A finding's check: whether it holds, the values its statement cites, the passages behind
    it and the section of the book that shows it."""

    name: str
    holds: bool
    values: dict[str, object]
    evidence_ids: tuple[str, ...] = ()
    section: str = ""
    reason: str = ""
    evidence: pd.DataFrame | None = field(default=None, repr=False, compare=False)

    def __getattr__(self, name: str) -> object:
        """A value the statement cites: ``n_projects``; ``n_projects_words`` gives a count in
        words as prose prefers it up to ten ('no', 'one', 'two'), ``n_projects_none`` the same
        standing alone ('none', 'one', 'two')."""
        values = self.__dict__.get("values", {})
        if name in values:
            value = values[name]
            return value if isinstance(value, int | float | Markup) else words.Words(str(value))
        for suffix, zero in (("_words", "no"), ("_none", "none")):
            base = name.removesuffix(suffix)
            if base != name and isinstance(values.get(base), int):
                count = int(values[base])
                return words.Words(zero if count == 0 else words.number_word(count))
        raise AttributeError(f"finding {self.__dict__.get('name')!r} has no value {name!r}")

    @property
    def verdict(self) -> Markup:
        """Nothing when the finding holds; otherwise a bold note that it does not hold for this
        selection, and why."""
        if self.holds:
            return Markup("")
        why = f" ({markup.escape(self.reason)})" if self.reason else ""
        return Markup(f"**Not so for this selection{why}:**")

    @property
    def passages(self) -> Markup:
        """Links to the passages behind the finding, by source (at most
        :data:`PASSAGES_PER_SOURCE` of each)."""
        if self.evidence is None or self.evidence.empty:
            return Markup("")
        return markup.attribution(
            self.evidence.groupby("source_id", sort=False).head(PASSAGES_PER_SOURCE)
        )


def _supporters(scope: Scope, claim_id: str, stance: str = "supports") -> list[str]:
    """The labels of the selected sources (their authors or the people they quote) that take
    ``stance`` on a claim, oldest first; readers are not counted."""
    ev = scope.evidence_for([claim_id])
    ev = ev[(ev["stance"] == stance) & (ev["voice"] != "reader")]
    return [label for i, label in scope.sources["label"].items() if i in set(ev["source_id"])]


def _claim_evidence(scope: Scope, claim_id: str, stance: str = "supports") -> pd.DataFrame:
    ev = scope.evidence_for([claim_id])
    return ev[(ev["stance"] == stance) & (ev["voice"] != "reader")]


def _sort(evidence: pd.DataFrame, scope: Scope) -> pd.DataFrame:
    order = {s: i for i, s in enumerate(scope.sources.index)}
    return evidence.assign(_o=evidence["source_id"].map(order)).sort_values("_o").drop(columns="_o")


# ----------------------------------------------------------------------------------------------
# The checks
# ----------------------------------------------------------------------------------------------


def recent_turn(scope: Scope) -> Finding:
    """Most dated steps between the two states fall from 2014 on: more than in the decade of the
    thaw before it, and more than in the decades before that."""
    events = scope.events
    both = events[measures.bilateral(events, scope.dataset.actors)]
    recent = both[both["year"] >= RECENT_FROM]
    thaw = both[(both["year"] >= THAW_FROM) & (both["year"] < RECENT_FROM)]
    before = both[both["year"] < THAW_FROM]
    holds = len(recent) > max(len(thaw), len(before))
    key = [
        i for i in ("ev-2014-arms-embargo-lifted", "ev-2003-musharraf-moscow") if i in both.index
    ]
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
        evidence=_sort(scope.evidence_for(key), scope),
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
        evidence=_sort(evidence, scope),
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
        evidence=_sort(scope.evidence_for(list(valued.index[:1])), scope),
    )


def small_trade(scope: Scope) -> Finding:
    """The only trade figures are small and old, and a later source calls trade low."""
    trade = scope.figures[scope.figures["metric"] == TRADE_METRIC].sort_values("year")
    later = _claim_evidence(scope, TRADE_LOW)
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
        evidence=_sort(pd.concat([evidence, later]), scope),
    )


def afghanistan_first(scope: Scope) -> Finding:
    """Afghanistan is the explanation most sources give, and none disputes it."""
    supporting = _supporters(scope, AFGHANISTAN_DRIVES)
    disputing = _supporters(scope, AFGHANISTAN_DRIVES, "disputes")
    n_sources = len(scope.sources)
    holds = len(supporting) >= max(2, math.ceil(n_sources / 2)) and not disputing
    return Finding(
        "afghanistan_first",
        holds,
        {
            "n_supporting": len(supporting),
            "n_sources": n_sources,
            "n_disputing": len(disputing),
        },
        section="afghanistan-china-explanations",
        reason="" if holds else "fewer than half the sources give it, or one disputes it",
        evidence=_sort(_claim_evidence(scope, AFGHANISTAN_DRIVES), scope),
    )


def hedging(scope: Scope) -> Finding:
    """Both states hedge: Pakistan against strained US ties and India, Russia against India's
    turn to the United States; each reading has two or more sources and no one disputes it."""
    claims = (LEVERAGE, COUNTERS_INDIA, INDIA_US_PUSHES)
    support = {c: _supporters(scope, c) for c in claims}
    disputes = sum(len(_supporters(scope, c, "disputes")) for c in claims)
    holds = all(len(s) >= 2 for s in support.values()) and disputes == 0
    return Finding(
        "hedging",
        holds,
        {
            "n_leverage": len(support[LEVERAGE]),
            "n_india": len(support[COUNTERS_INDIA]),
            "n_india_us": len(support[INDIA_US_PUSHES]),
            "n_disputing": disputes,
        },
        section="afghanistan-china-explanations",
        reason="" if holds else "a reading has fewer than two sources, or is disputed",
        evidence=_sort(
            pd.concat([_claim_evidence(scope, c) for c in claims]).drop_duplicates(), scope
        ),
    )


def depth_contested(scope: Scope) -> Finding:
    """How deep the ties can go is contested: the earliest source doubts a deep partnership,
    later ones dispute the doubt."""
    supporting = _supporters(scope, DEEP_TIES_UNLIKELY)
    disputing = _supporters(scope, DEEP_TIES_UNLIKELY, "disputes")
    holds = bool(supporting) and bool(disputing)
    return Finding(
        "depth_contested",
        holds,
        {
            "doubters": words.join_words(supporting) or "no source",
            "n_disputing": len(disputing),
            "disputers": words.join_words(disputing) or "no source",
        },
        section="contested-claims",
        reason="" if holds else "the selection does not hold both sides",
        evidence=_sort(scope.evidence_for([DEEP_TIES_UNLIKELY]), scope),
    )


def facts_disagree(scope: Scope) -> Finding:
    """The sources also disagree on facts: dates and values reported in conflicting versions."""
    found = measures.disagreements(scope)
    within = int((found["sources"] == 1).sum()) if len(found) else 0
    return Finding(
        "facts_disagree",
        len(found) >= 1,
        {"n_facts": int(found["subject_id"].nunique()) if len(found) else 0, "n_within": within},
        section="contested-facts",
        reason="" if len(found) else "the selected attestations agree",
        evidence=_sort(scope.evidence.loc[[e for ids in found["evidence_ids"] for e in ids]], scope)
        if len(found)
        else None,
    )


def compiled_evidence(scope: Scope) -> Finding:
    """The latest source is mostly a compilation: most of its passages are credited to other
    outlets, so its agreement with the others is partly theirs."""
    if COMPILER not in scope.sources.index:
        return Finding(
            "compiled_evidence",
            False,
            {"share": "—", "n_outlets": 0, "label": "the 2021 brief"},
            section="sources-criticism",
            reason="the 2021 brief is not in this selection",
        )
    ev = scope.evidence[scope.evidence["source_id"] == COMPILER]
    credited = ev[ev["origins"].map(len) > 0]
    citations = scope.dataset.citations
    outlets = {citations.at[c, "cited_outlet"] for ids in credited["origins"] for c in ids}
    share = len(credited) / len(ev) if len(ev) else 0.0
    return Finding(
        "compiled_evidence",
        share >= 0.5,
        {
            "share": f"{round(100 * share)}%",
            "n_outlets": len(outlets),
            "label": scope.sources.at[COMPILER, "label"],
        },
        section="sources-criticism",
        reason="" if share >= 0.5 else "most of its passages in this selection are its own",
    )


CHECKS: tuple[Callable[[Scope], Finding], ...] = (
    recent_turn,
    exercises_not_arms,
    energy_undelivered,
    small_trade,
    afghanistan_first,
    hedging,
    depth_contested,
    facts_disagree,
    compiled_evidence,
)
"""Every finding of the introduction, in the order it gives them."""


@dataclass(frozen=True)
class Findings:
    """The checked findings of a selection, each reachable by name (``F.recent_turn``)."""

    by_name: dict[str, Finding]

    def __getattr__(self, name: str) -> Finding:
        found = self.__dict__.get("by_name", {})
        if name in found:
            return found[name]
        raise AttributeError(f"no finding {name!r}; findings: {', '.join(found)}")

    def __iter__(self) -> Iterator[Finding]:
        return iter(self.by_name.values())

    @property
    def n_holding(self) -> int:
        """How many findings hold for this selection."""
        return sum(f.holds for f in self)


def check(scope: Scope) -> Findings:
    """Check every finding for the selection ``scope``."""
    return Findings({f.name: f for f in (c(scope) for c in CHECKS)})
