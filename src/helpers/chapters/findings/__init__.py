"""The book's key findings, each a statement with a check computed from the data.

A finding is written by people, in the introduction's markdown, with its numbers inline; every
number comes from its check here. A check returns whether the finding holds for the selection
(the sources, years and themes the book is built with) and the values the statement cites. In a
book built with other parameters, a finding whose check fails is shown as not holding for that
selection (:attr:`Finding.verdict`).

The checks are in :mod:`.relationship_checks` (what passed between the two states) and
:mod:`.claim_checks` (how the sources explain and judge it); :mod:`.finding` holds what a check
returns. Here are the list of checks, in the introduction's order, and :func:`check`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from helpers.analysis.scope import Scope
from helpers.chapters.findings.claim_checks import (
    afghanistan_first,
    compiled_evidence,
    depth_contested,
    facts_disagree,
    hedging,
)
from helpers.chapters.findings.finding import Finding
from helpers.chapters.findings.relationship_checks import (
    energy_undelivered,
    exercises_not_arms,
    recent_turn,
    small_trade,
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


__all__ = [
    "CHECKS",
    "Finding",
    "Findings",
    "afghanistan_first",
    "check",
    "compiled_evidence",
    "depth_contested",
    "energy_undelivered",
    "exercises_not_arms",
    "facts_disagree",
    "hedging",
    "recent_turn",
    "small_trade",
]
