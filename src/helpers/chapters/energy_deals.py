"""Energy deals: the projects, their value and status as each source reported it, and the trade the
two countries did.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import ClassVar

from helpers.analysis.params import DEAL_SECTORS, ChapterParams, param
from helpers.analysis.scope import Scope
from helpers.chapters.opening import open_chapter
from helpers.evidence import Dataset

TRADE_CLAIM = "claim-trade-low"
"""The claim that Pakistan–Russia trade is low, set beside the trade figures."""


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
