"""Generated pages: every evidence passage anchored and escaped; the bibliography is current."""

from __future__ import annotations

import csv
import hashlib
import re
from pathlib import Path

import pytest

from helpers import evidence
from helpers.render import bibliography as bib
from helpers.render import seed_pages as pages

ROOT = Path(__file__).resolve().parents[2]


def test_every_evidence_row_is_anchored_on_its_seed_page(
    dataset: evidence.Dataset, tmp_path: Path
) -> None:
    written = pages.write_generated(dataset, tmp_path)
    assert sorted(p.relative_to(tmp_path).as_posix() for p in written) == sorted(
        [f"sources/{s}.md" for s in dataset.sources.index]
        + ["generated/sources_at_a_glance.md"]
        + [f"views/{name}.md" for name in ("timeline", "evidence_explorer", "records")]
    )
    for source_id in dataset.sources.index:
        page = (tmp_path / "sources" / f"{source_id}.md").read_text(encoding="utf-8")
        anchors = re.findall(r"\]\{#(evi-[a-z0-9-]+) \.passage-\d+ \.evidence\}", page)
        expected = dataset.evidence[dataset.evidence["source_id"] == source_id].index
        assert sorted(anchors) == sorted(expected), "one span per passage, anchored by its id"
        assert page.startswith(f"(seed-{source_id})=\n# ")
        assert "{cited-by}`" in page
    raw = (tmp_path / "sources" / "003_6f1df5e33ff50e19.txt").read_bytes()
    assert raw == (ROOT / "seeds" / "003_6f1df5e33ff50e19.txt").read_bytes()


@pytest.mark.parametrize(
    ("passages", "expected"),
    [
        # a quote inside another is a span inside its span
        ([(0, 10, "a"), (2, 5, "b")], [(0, 10, "a", [(2, 5, "b", [])])]),
        # the same words quoted twice: one span inside the other
        ([(0, 4, "b"), (0, 4, "a")], [(0, 4, "a", [(0, 4, "b", [])])]),
        # quotes that only partly overlap: the first is stretched over the second
        ([(0, 6, "a"), (4, 9, "b")], [(0, 9, "a", [(4, 9, "b", [])])]),
        # quotes side by side
        ([(0, 3, "a"), (3, 6, "b")], [(0, 3, "a", []), (3, 6, "b", [])]),
    ],
)
def test_passages_nest(passages: list, expected: list) -> None:
    def shape(elements: list) -> list:
        return [(e.start, e.end, e.evidence_id, shape(e.inner)) for e in elements]

    assert shape(pages._nest(passages)) == expected


def test_a_passage_span_holds_its_quote(dataset: evidence.Dataset) -> None:
    """The text inside each passage's span is its quote (stretched only where two quotes
    partly overlap), with nothing of the markup."""
    page = pages.seed_page(dataset, "src-aq-2018")
    quote = dataset.evidence.at["evi-aq-012", "quote"]
    start = page.index("[Last month Russian Army")
    end = page.index("]{#evi-aq-012 .passage-")
    shown = re.sub(r"\\(.)", r"\1", page[start + 1 : end])
    assert shown == quote


def test_navigation_furniture_is_summarised_not_printed(dataset: evidence.Dataset) -> None:
    page = pages.seed_page(dataset, "src-pr-2021")
    assert page.count("PR Short Notes") == 1
    assert "navigation links\\, not reproduced here" in page


def test_hostile_seed_text_is_escaped(data_copy: Path) -> None:
    tmp_path = data_copy.parent
    seed = tmp_path / "seeds" / "002_9cf258c23406875e.txt"
    seed.write_bytes(seed.read_bytes() + b"\n<script>alert(1)</script> *x* [y](z)\n")
    rows = list(csv.reader((tmp_path / "data" / "sources.csv").open(encoding="utf-8")))
    for row in rows[1:]:
        if row[0] == "src-an-2018":
            row[2] = hashlib.sha256(seed.read_bytes()).hexdigest()
    with (tmp_path / "data" / "sources.csv").open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, lineterminator="\n").writerows(rows)
    page = pages.seed_page(evidence.load(tmp_path / "data"), "src-an-2018")
    assert "\\<script\\>alert\\(1\\)\\<\\/script\\> \\*x\\* \\[y\\]\\(z\\)" in page
    assert "<script>" not in page


def test_references_bib_is_generated_from_the_data(dataset: evidence.Dataset) -> None:
    assert (ROOT / "references.bib").read_text(encoding="utf-8") == bib.bibtex(dataset)
    text = bib.bibtex(dataset)
    for key in dataset.sources.index:
        assert f"{{{key}," in text
    assert "author = {{Pakistan Forward}}" in text
    assert "author = {Kugelman, Michael}" in text
