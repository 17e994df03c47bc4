"""The Afghanistan and China factors: where and how each source brings in the two third parties,
and the sources' explanations of the rapprochement.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import ClassVar

from helpers.analysis.params import CLAIM_TOPICS, ChapterParams, param
from helpers.analysis.scope import Scope
from helpers.chapters.opening import open_chapter
from helpers.evidence import Dataset


@dataclass(frozen=True)
class Params(ChapterParams):
    """Parameters of the chapter on Afghanistan and China."""

    chapter: ClassVar[str] = "afghanistan_china"

    claim_topics: tuple[str, ...] = param(
        ("russia_motives", "pakistan_motives", "afghanistan", "china", "india", "united_states"),
        "Topics of the claims offered as explanations of the rapprochement, or all.",
        example='["china"]',
        choices=CLAIM_TOPICS,
        nonempty=True,
    )


def open(namespace: Mapping[str, object]) -> tuple[Params, Dataset, Scope]:
    """The chapter's checked parameters (read from the notebook's globals), its dataset and its
    scope: ``P, dataset, scope = chapter.open(globals())``."""
    return open_chapter(Params, namespace)  # type: ignore[return-value]
