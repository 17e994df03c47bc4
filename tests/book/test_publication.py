"""The built book as a publication: every citation leads to its bibliography entry, the data
appendix's downloads are the files of the data package, the "How to cite" page gives the
entries, and the version is on the title. Read from the built HTML, without a browser."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from urllib.parse import unquote

import pytest
from bs4 import BeautifulSoup

from helpers.evidence import release
from helpers.render import data_package

pytestmark = pytest.mark.build


def soup_of(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def words_of(text: str) -> str:
    return " ".join(re.sub(r"[\[\]()]", " ", text).split())


@pytest.fixture(scope="module")
def html(built_book) -> Path:
    return built_book.build_dir / "html"


def test_every_citation_of_the_book_leads_to_its_entry(html: Path) -> None:
    references = html / "chapters" / "references.html"
    labels = {
        entry["id"]: words_of(entry.select_one("span.label").get_text())
        for entry in soup_of(references).select("div.citation[id]")
    }
    assert labels
    problems, seen = [], 0
    for page in sorted(html.rglob("*.html")):
        if {"_static", "_sources"} & set(page.relative_to(html).parts):
            continue
        for link in soup_of(page).select("span.bibtex-citation a"):
            seen += 1
            target, _, anchor = link["href"].partition("#")
            text = words_of(link.get_text())
            where = page.relative_to(html)
            if (page.parent / unquote(target)).resolve() != references.resolve():
                problems.append(f"{where}: {text!r} leads to {link['href']}")
            elif labels.get(anchor) != text:
                problems.append(f"{where}: {text!r} leads to the entry {labels.get(anchor)!r}")
    assert seen > 100
    assert not problems, "\n".join(problems[:20])


def test_the_data_appendix_offers_every_file_of_the_package(built_book, html: Path) -> None:
    page = html / "chapters" / "data_appendix.html"
    links = {
        link.get_text(): (page.parent / unquote(link["href"])).resolve()
        for link in soup_of(page).select("a.download, a[download]")
    }
    version = release.version(built_book.project)
    archive = data_package.archive_name(version)
    assert {*data_package.package_files(), archive} <= set(links)
    for name, path in links.items():
        assert path.is_file(), f"{name}: {path} is missing"
    with zipfile.ZipFile(links[archive]) as opened:
        assert f"{archive.removesuffix('.zip')}/datapackage.json" in opened.namelist()


def test_how_to_cite_gives_an_entry_for_the_book_and_each_source(built_book, html: Path) -> None:
    page = soup_of(html / "chapters" / "how_to_cite.html")
    blocks = [block.get_text() for block in page.select("div.highlight-bibtex pre")]
    assert any("@book{pakistan-russia-book" in block for block in blocks)
    sources = (built_book.project / "data" / "sources.csv").read_text(encoding="utf-8")
    for source_id in re.findall(r"^(src-[a-z0-9-]+),", sources, re.MULTILINE):
        assert any(f"{{{source_id}," in block for block in blocks), source_id
    version = release.version(built_book.project)
    assert any(f"version = {{{version}}}" in block for block in blocks)


def test_the_title_shows_the_version(built_book, html: Path) -> None:
    version = release.version(built_book.project)
    title = soup_of(html / "chapters" / "intro.html").title.get_text()
    assert f"version {version}" in title
