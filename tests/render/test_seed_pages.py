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


@pytest.fixture(scope="module")
def dataset() -> evidence.Dataset:
    return evidence.load(ROOT / "data")


def test_every_evidence_row_is_anchored_on_its_seed_page(
    dataset: evidence.Dataset, tmp_path: Path
) -> None:
    written = pages.write_generated(dataset, tmp_path)
    assert sorted(p.name for p in written) == sorted(
        [f"{s}.md" for s in dataset.sources.index] + ["sources_at_a_glance.md"]
    )
    for source_id in dataset.sources.index:
        page = (tmp_path / "sources" / f"{source_id}.md").read_text(encoding="utf-8")
        labels = re.findall(r"^\((evi-[a-z0-9-]+)\)=$", page, flags=re.M)
        expected = dataset.evidence[dataset.evidence["source_id"] == source_id].index
        assert sorted(labels) == sorted(expected)
        assert page.startswith(f"(seed-{source_id})=\n# ")
        assert "]{.evidence}" in page
    raw = (tmp_path / "sources" / "003_6f1df5e33ff50e19.txt").read_bytes()
    assert raw == (ROOT / "seeds" / "003_6f1df5e33ff50e19.txt").read_bytes()


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
