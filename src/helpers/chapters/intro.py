"""The introduction: the question, the key findings with their checks, and the five sources at a
glance."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import ClassVar

import pandas as pd

from helpers.analysis.params import ChapterParams
from helpers.analysis.scope import Scope
from helpers.chapters import data_appendix, findings
from helpers.chapters.opening import open_chapter
from helpers.evidence import Dataset
from helpers.evidence.vocabularies import SOURCE_KINDS
from helpers.render import markup, words
from helpers.render.seed_pages import seed_page_label


@dataclass(frozen=True)
class Params(ChapterParams):
    """Parameters of the introduction: the selection its findings are checked against."""

    chapter: ClassVar[str] = "intro"


def open(namespace: Mapping[str, object]) -> tuple[Params, Dataset, Scope]:
    """The chapter's checked parameters (read from the notebook's globals), its dataset and its
    scope: ``P, dataset, scope = chapter.open(globals())``."""
    return open_chapter(Params, namespace)  # type: ignore[return-value]


def check_findings(scope: Scope) -> findings.Findings:
    """Every key finding, checked against the selection."""
    return findings.check(scope)


def sources_table(scope: Scope) -> pd.DataFrame:
    """The selected sources, oldest first: citation, title (linked to the article's page),
    outlet, date, genre and how many passages the data quotes from each."""
    sources = scope.sources
    counts = scope.evidence.groupby("source_id").size()
    return pd.DataFrame(
        {
            "Source": [markup.cite([i]) for i in sources.index],
            "Title": [markup.passage(seed_page_label(i), t) for i, t in sources["title"].items()],
            "Outlet": sources["outlet"].to_list(),
            "Published": [
                words.format_date(d, p)
                for d, p in zip(sources["published"], sources["published_precision"], strict=True)
            ],
            "Genre": [SOURCE_KINDS.word(k) for k in sources["kind"]],
            "Passages quoted": [int(counts.get(i, 0)) for i in sources.index],
        }
    )


def holding_sentence(checked: findings.Findings) -> markup.Markup:
    """Whether every finding holds for the selection the book is built with, in one sentence."""
    total = len(checked.by_name)
    held = checked.n_holding
    if held == total:
        return markup.escape(
            f"Each of the {words.number_word(total)} findings below is checked against the "
            "data every time the book is built, and each holds for this selection."
        )
    return markup.Markup(
        f"Each of the {words.number_word(total)} findings below is checked against the data "
        f"every time the book is built. **For this selection, {words.number_word(held)} of "
        f"them {'holds' if held == 1 else 'hold'}**; those that do not are marked."
    )


def package_link() -> markup.Markup:
    """A download link to the book's data package (the zip the data appendix writes)."""
    return data_appendix.package_link("the data package (zip)")
