"""The one numbering of the quoted passages: where each passage stands in its article, and its
number there, which the article's page shows beside it and every link to it reads.

A passage is numbered by where its quote first occurs in the raw text of its seed: the passage
that starts first is 1; of two that start at the same place, the longer (which holds the other)
comes first; the same words quoted by two rows are two passages, numbered in the order of their
ids. This is the order in which the seed page writes its spans
(:mod:`helpers.render.seed_pages`), and the numbers travel with the spans to the book's Sphinx
extension (:mod:`helpers.render.sphinx_passages`), so the page, its links in the chapters and
the links' text agree. A passage whose quote is not found in its seed (data that failed
validation) has no place and no number; the passages of an article whose seed is not loaded
(a dataset made without its texts) are numbered in the order of the evidence table.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the Sphinx extension imports NUMBER_CLASS alone
    from helpers.evidence import Dataset
    from helpers.evidence.quotes import Span

NUMBER_CLASS = "passage-"
"""A passage's span carries its number as a class, ``passage-12``."""

_CACHE: dict[int, tuple[Dataset, dict[str, dict[str, int]]]] = {}
"""Per dataset (by identity): each article's numbers, once computed."""


def evidence_spans(dataset: Dataset, source_id: str) -> list[tuple[str, Span]]:
    """Each evidence row of the seed ``source_id`` with the first place its quote occurs in the
    raw text, in the evidence table's order; rows whose quote is not found are left out."""
    seed = dataset.seeds.get(source_id)
    if seed is None:
        return []
    rows = dataset.evidence[dataset.evidence["source_id"] == source_id]
    found = []
    for evidence_id, quote in rows["quote"].items():
        spans = seed.find_all(quote)
        if spans:
            found.append((str(evidence_id), spans[0]))
    return found


def reading_order(spans: Iterable[tuple[str, Span]]) -> list[str]:
    """The evidence ids of ``spans`` in reading order: by start, the longer first, then by id."""
    return [e for e, s in sorted(spans, key=lambda item: (item[1].start, -item[1].end, item[0]))]


def article_numbers(dataset: Dataset, source_id: str) -> dict[str, int]:
    """The number of each passage of one article (evidence id -> number, from 1)."""
    entry = _CACHE.get(id(dataset))
    if entry is None or entry[0] is not dataset:
        _CACHE.clear()
        entry = (dataset, {})
        _CACHE[id(dataset)] = entry
    numbers = entry[1]
    if source_id not in numbers:
        if source_id in dataset.seeds:
            order = reading_order(evidence_spans(dataset, source_id))
        else:
            rows = dataset.evidence[dataset.evidence["source_id"] == source_id]
            order = [str(e) for e in rows.index]
        numbers[source_id] = {e: n for n, e in enumerate(order, start=1)}
    return numbers[source_id]


def passage_numbers(dataset: Dataset, source_ids: Iterable[str]) -> dict[str, int]:
    """The number of every passage of the articles ``source_ids`` (evidence id -> number)."""
    found: dict[str, int] = {}
    for source_id in dict.fromkeys(source_ids):
        found.update(article_numbers(dataset, source_id))
    return found
