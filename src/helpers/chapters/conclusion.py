"""The conclusion: the book's answer to its question, how far the evidence carries, the open
questions, and what a reader would need beyond the five articles."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import ClassVar

from helpers.analysis.params import ChapterParams
from helpers.analysis.scope import Scope
from helpers.chapters import findings
from helpers.chapters.opening import open_chapter
from helpers.evidence import Dataset
from helpers.evidence.vocabularies import THEMES
from helpers.render import markup, words


@dataclass(frozen=True)
class Params(ChapterParams):
    """Parameters of the conclusion: the selection its answer is checked against."""

    chapter: ClassVar[str] = "conclusion"


def open(namespace: Mapping[str, object]) -> tuple[Params, Dataset, Scope]:
    """The chapter's checked parameters (read from the notebook's globals), its dataset and its
    scope: ``P, dataset, scope = chapter.open(globals())``."""
    return open_chapter(Params, namespace)  # type: ignore[return-value]


def check_findings(scope: Scope) -> findings.Findings:
    """The key findings the answer rests on, checked against the selection."""
    return findings.check(scope)


def publication_years(scope: Scope) -> words.Words:
    """The years the selected sources were published, in words: '2012, 2018 and 2021'."""
    years = sorted(set(scope.sources["year"].astype(int)))
    return words.Words(words.join_words([str(y) for y in years]) or "no year")


def selection_note(scope: Scope) -> markup.Markup:
    """A note for a book built with a narrower selection than every source and year: the answer
    is the five articles'; the introduction marks which findings hold for this selection.
    Empty for the full selection."""
    if scope.all_sources and scope.covers_all_years and len(scope.themes) == len(THEMES):
        return markup.Markup("")
    return markup.escape(
        "This book was built with a narrower selection of sources, years or themes. The answer "
        "below is the one the five articles support together; the introduction marks which of "
        "the key findings hold for this selection."
    )
