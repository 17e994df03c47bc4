"""The chronology: every dated event on one time line, the periods and themes, and the years each
source covers.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import ClassVar

from helpers.analysis.params import ALL, EVENT_CATEGORIES, ChapterParams, param
from helpers.analysis.scope import Scope
from helpers.chapters.opening import open_chapter
from helpers.evidence import Dataset


@dataclass(frozen=True)
class Params(ChapterParams):
    """Parameters of the chronology."""

    chapter: ClassVar[str] = "chronology"

    categories: tuple[str, ...] = param(
        (ALL,),
        "Event categories shown, or all.",
        example='["visit", "exercise"]',
        choices=EVENT_CATEGORIES,
        nonempty=True,
    )


def open(namespace: Mapping[str, object]) -> tuple[Params, Dataset, Scope]:
    """The chapter's checked parameters (read from the notebook's globals), its dataset and its
    scope: ``P, dataset, scope = chapter.open(globals())``."""
    return open_chapter(Params, namespace)  # type: ignore[return-value]
