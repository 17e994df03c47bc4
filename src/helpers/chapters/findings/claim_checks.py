"""The checks of the findings on how the sources explain and judge the relationship: Afghanistan
first, Pakistan hedging, depth contested, facts in disagreement, and the compiled evidence."""

from __future__ import annotations

import math

import pandas as pd

from helpers.analysis import measures
from helpers.analysis.scope import Scope
from helpers.chapters.findings.finding import Finding, claim_evidence, in_source_order, supporters
from helpers.render import words

AFGHANISTAN_DRIVES = "claim-afghanistan-drives-ties"
LEVERAGE = "claim-pakistan-seeks-leverage"
COUNTERS_INDIA = "claim-pakistan-counters-india"
INDIA_US_PUSHES = "claim-india-us-pushes-russia"
DEEP_TIES_UNLIKELY = "claim-deep-ties-unlikely"


COMPILER = "src-pr-2021"
"""The source that compiles other outlets (a research brief quoting newspapers)."""


def afghanistan_first(scope: Scope) -> Finding:
    """Afghanistan is the explanation most sources give, and none disputes it."""
    supporting = supporters(scope, AFGHANISTAN_DRIVES)
    disputing = supporters(scope, AFGHANISTAN_DRIVES, "disputes")
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
        evidence=in_source_order(claim_evidence(scope, AFGHANISTAN_DRIVES), scope),
    )


def hedging(scope: Scope) -> Finding:
    """Both states hedge: Pakistan against strained US ties and India, Russia against India's
    turn to the United States; each reading has two or more sources and no one disputes it."""
    claims = (LEVERAGE, COUNTERS_INDIA, INDIA_US_PUSHES)
    support = {c: supporters(scope, c) for c in claims}
    disputes = sum(len(supporters(scope, c, "disputes")) for c in claims)
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
        evidence=in_source_order(
            pd.concat([claim_evidence(scope, c) for c in claims]).drop_duplicates(), scope
        ),
    )


def depth_contested(scope: Scope) -> Finding:
    """How deep the ties can go is contested: the earliest source doubts a deep partnership,
    later ones dispute the doubt."""
    supporting = supporters(scope, DEEP_TIES_UNLIKELY)
    disputing = supporters(scope, DEEP_TIES_UNLIKELY, "disputes")
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
        evidence=in_source_order(scope.evidence_for([DEEP_TIES_UNLIKELY]), scope),
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
        evidence=in_source_order(
            scope.evidence.loc[[e for ids in found["evidence_ids"] for e in ids]], scope
        )
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
