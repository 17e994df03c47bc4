"""What a finding's check returns: whether the finding holds, the values its statement cites, the
passages behind it and the section that shows it; and the passages a check cites."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from helpers.analysis.scope import Scope
from helpers.render import markup, words
from helpers.render.markup import Markup

PASSAGES_PER_SOURCE = 2
"""How many passages of each source a finding links to."""


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


def supporters(scope: Scope, claim_id: str, stance: str = "supports") -> list[str]:
    """The labels of the selected sources (their authors or the people they quote) that take
    ``stance`` on a claim, oldest first; readers are not counted."""
    ev = scope.evidence_for([claim_id])
    ev = ev[(ev["stance"] == stance) & (ev["voice"] != "reader")]
    return [label for i, label in scope.sources["label"].items() if i in set(ev["source_id"])]


def claim_evidence(scope: Scope, claim_id: str, stance: str = "supports") -> pd.DataFrame:
    """The passages of the selected sources (not readers) that take ``stance`` on a claim."""
    ev = scope.evidence_for([claim_id])
    return ev[(ev["stance"] == stance) & (ev["voice"] != "reader")]


def in_source_order(evidence: pd.DataFrame, scope: Scope) -> pd.DataFrame:
    """Evidence rows in the order of the selected sources (oldest first)."""
    order = {s: i for i, s in enumerate(scope.sources.index)}
    return evidence.assign(_o=evidence["source_id"].map(order)).sort_values("_o").drop(columns="_o")
