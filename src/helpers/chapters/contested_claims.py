"""Contested claims: every claim against every voice, and the facts on which the attestations
disagree.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import ClassVar

from helpers.analysis.params import ALL, CLAIM_TOPICS, ChapterParams, param
from helpers.analysis.scope import Scope
from helpers.chapters.opening import open_chapter
from helpers.evidence import Dataset

READER_COMMENTS_FIGURE = "fig-reader-comments"
"""The number of reader comments the Pakistan Forward page itself counts."""


@dataclass(frozen=True)
class Params(ChapterParams):
    """Parameters of the chapter on contested claims."""

    chapter: ClassVar[str] = "contested_claims"

    claim_topics: tuple[str, ...] = param(
        (ALL,),
        "Claim topics discussed, or all.",
        example='["trust"]',
        choices=CLAIM_TOPICS,
        nonempty=True,
    )
    min_voices: int = param(
        2, "Fewest evidence rows a claim needs to be shown.", example="2", minimum=1
    )


def open(namespace: Mapping[str, object]) -> tuple[Params, Dataset, Scope]:
    """The chapter's checked parameters (read from the notebook's globals), its dataset and its
    scope: ``P, dataset, scope = chapter.open(globals())``."""
    return open_chapter(Params, namespace)  # type: ignore[return-value]
