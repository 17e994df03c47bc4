"""The one numbering of the quoted passages: by where each quote first occurs in its seed, the
longer of two that start together first, the same words quoted twice numbered twice; the seed
page carries the numbers, and the chapters' links read them."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from helpers.chapters import common
from helpers.evidence import Dataset
from helpers.evidence.quotes import Seed
from helpers.render import seed_pages
from helpers.render.passage_numbers import article_numbers, passage_numbers

TEXT = "Moscow and Islamabad signed a deal. Later the talks stalled. The deal was signed."


def dataset_of(quotes: dict[str, str], *, seeded: bool = True) -> Dataset:
    """A dataset of one article, ``src-x-2018``, whose evidence rows quote ``quotes``."""
    evidence = pd.DataFrame(
        {"source_id": ["src-x-2018"] * len(quotes), "quote": list(quotes.values())},
        index=pd.Index(list(quotes), name="evidence_id"),
    )
    tables = {name: pd.DataFrame() for name in Dataset.__dataclass_fields__}
    tables.update(data_dir=Path("data"), evidence=evidence)
    tables["seeds"] = {"src-x-2018": Seed(TEXT)} if seeded else {}
    return Dataset(**tables)


def test_passages_are_numbered_in_reading_order_the_longer_first() -> None:
    data = dataset_of(
        {
            "evi-x-3": "The deal was signed.",
            "evi-x-1": "Later the talks stalled.",
            "evi-x-2": "Moscow and Islamabad",
            "evi-x-4": "Moscow and Islamabad signed a deal.",
        }
    )
    assert article_numbers(data, "src-x-2018") == {
        "evi-x-4": 1,
        "evi-x-2": 2,
        "evi-x-1": 3,
        "evi-x-3": 4,
    }


def test_the_same_words_quoted_twice_are_two_passages() -> None:
    data = dataset_of({"evi-x-2": "the talks stalled", "evi-x-1": "the talks stalled"})
    assert article_numbers(data, "src-x-2018") == {"evi-x-1": 1, "evi-x-2": 2}


def test_without_its_text_an_article_keeps_the_table_order() -> None:
    data = dataset_of({"evi-x-9": "The deal was signed.", "evi-x-1": "Moscow"}, seeded=False)
    assert passage_numbers(data, ["src-x-2018"]) == {"evi-x-9": 1, "evi-x-1": 2}


def test_the_seed_page_and_the_chapters_links_show_the_same_numbers(dataset: Dataset) -> None:
    for source_id in dataset.sources.index:
        page = seed_pages.seed_page(dataset, source_id)
        on_page = {e: int(n) for e, n in re.findall(r"\{#(evi-[a-z0-9-]+) \.passage-(\d+) ", page)}
        assert on_page == article_numbers(dataset, source_id)
    some = list(dataset.evidence.index[dataset.evidence["source_id"] == "src-aq-2018"][:3])
    numbers = article_numbers(dataset, "src-aq-2018")
    links = str(common.passage_links(dataset, some))
    for evidence_id in some:
        assert f"{{ref}}`{numbers[evidence_id]} <{evidence_id}>`" in links
