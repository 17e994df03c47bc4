"""Sources and method: the five articles, who wrote and published them and from which standpoint,
what each takes from other publications, how the data was taken from them and checked, and what
five articles cannot tell.

Facts about a source that the articles do not state come from ``source_record`` (public records
outside the five articles, each cited); where none documents a publisher or a funder, the chapter
says so rather than guess.

The chapter's parameters (:class:`Params`) and its opening are here; the rest is in the modules
beside this one, and the names the notebook and the tests use are re-exported below:

- :mod:`.public_records`: the public records about the sources;
- :mod:`.criticism`: source criticism, and what each article takes from others;
- :mod:`.articles`: the five articles;
- :mod:`.method`: how the data was made and checked.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import ClassVar

from helpers.analysis.params import ChapterParams
from helpers.analysis.scope import Scope
from helpers.chapters.opening import open_chapter
from helpers.chapters.sources_method.articles import counted, sources_table, year_span
from helpers.chapters.sources_method.criticism import (
    COLOURS,
    borrowings_table,
    credited,
    criticism_table,
    genre_words,
    own_and_credited,
    own_and_credited_alt,
    quoted_voices,
)
from helpers.chapters.sources_method.method import (
    basis_counts,
    credited_rows,
    dates_table,
    events_in_scope,
    quotes_found,
    reading_problems,
    resolved_dates,
    span_figures,
)
from helpers.chapters.sources_method.public_records import (
    OWNERSHIP,
    record_citation,
    records_of,
    records_table,
    undocumented,
    undocumented_sentence,
)
from helpers.evidence import Dataset

COMPILER = "src-pr-2021"
"""The brief that credits most of its passages to other publications (Fernandez (2021))."""


@dataclass(frozen=True)
class Params(ChapterParams):
    """Parameters of the chapter on sources and method."""

    chapter: ClassVar[str] = "sources_method"


def open(namespace: Mapping[str, object]) -> tuple[Params, Dataset, Scope]:
    """The chapter's checked parameters (read from the notebook's globals), its dataset and its
    scope: ``P, dataset, scope = chapter.open(globals())``."""
    return open_chapter(Params, namespace)  # type: ignore[return-value]


__all__ = [
    "COLOURS",
    "COMPILER",
    "OWNERSHIP",
    "Params",
    "basis_counts",
    "borrowings_table",
    "counted",
    "credited",
    "credited_rows",
    "criticism_table",
    "dates_table",
    "events_in_scope",
    "genre_words",
    "open",
    "own_and_credited",
    "own_and_credited_alt",
    "quoted_voices",
    "quotes_found",
    "reading_problems",
    "record_citation",
    "records_of",
    "records_table",
    "resolved_dates",
    "sources_table",
    "span_figures",
    "undocumented",
    "undocumented_sentence",
    "year_span",
]
