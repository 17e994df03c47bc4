"""Military ties: visits of commanders, joint exercises, arms and equipment, agreements, and who
met whom.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import ClassVar

from helpers.analysis.params import ChapterParams, param
from helpers.analysis.scope import Scope
from helpers.chapters.opening import open_chapter
from helpers.evidence import Dataset


@dataclass(frozen=True)
class Params(ChapterParams):
    """Parameters of the chapter on military ties."""

    chapter: ClassVar[str] = "military_ties"

    include_planned: bool = param(
        True, "Whether planned (not yet reported as held) events are shown.", example="true"
    )


def open(namespace: Mapping[str, object]) -> tuple[Params, Dataset, Scope]:
    """The chapter's checked parameters (read from the notebook's globals), its dataset and its
    scope: ``P, dataset, scope = chapter.open(globals())``."""
    return open_chapter(Params, namespace)  # type: ignore[return-value]
