"""Every article's page names its publisher, where it first appeared, its address at its outlet
and an archived copy where they are known, and the terms on which the book reproduces it."""

from __future__ import annotations

import csv
from pathlib import Path

from support.small_data import write_small_data

from helpers import evidence
from helpers.render import licences, markup, seed_pages, source_terms

ROOT = Path(__file__).resolve().parents[2]


def test_every_article_page_shows_its_publisher_and_terms(dataset: evidence.Dataset) -> None:
    terms = markup.escape(licences.ARTICLE_TERMS)
    for source_id, source in dataset.sources.iterrows():
        page = seed_pages.seed_page(dataset, str(source_id))
        block = page[page.index(f"## {source_terms.HEADING}") : page.index("## Text")]
        assert f"  - {markup.escape(source['outlet'])}\n" in block, source_id
        assert terms in block, source_id
        if source["original_url"]:
            assert f"<{source['original_url']}>" in block
        else:
            assert markup.escape(source_terms.NO_ADDRESS) in block
        if source["original_outlet"]:
            assert markup.escape(source["original_outlet"]) in block
        assert markup.escape(source_terms.NO_ARCHIVE) in block  # none of the five has one


def test_an_archived_copy_and_a_first_publication_are_linked(tmp_path: Path) -> None:
    data = write_small_data(tmp_path)
    with (data / "sources.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    rows[1][rows[0].index("archive_url")] = "https://archive.example/x"
    with (data / "sources.csv").open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows(rows)
    source = evidence.load(data).sources.loc["src-one-2015"]
    assert source["archive_url"] == "https://archive.example/x"
    block = source_terms.terms_block(source)
    assert "<https://archive.example/x>" in block
    assert "<https://example.org/talks-in-moscow>" in block
    assert "First published by" not in block  # not a reprint


def test_a_reprint_names_where_it_first_appeared() -> None:
    import pandas as pd

    source = pd.Series(
        {
            "outlet": "A blog",
            "original_outlet": "An institute",
            "original_published": "2012-03-21",
            "original_url": "",
            "archive_url": "",
        }
    )
    block = source_terms.terms_block(source)
    assert "First published by" in block
    assert "An institute\\, 21 March 2012" in block
