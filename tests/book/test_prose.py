"""The built book as its readers read it: key findings in the HTML and the PDF, and no text that
reads as generated (count recitals), no vocabulary code and no internal id in what a reader
sees (ids stay in link targets and download names)."""

from __future__ import annotations

import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from support.project import BuiltBook

from helpers.evidence import vocabularies

pytestmark = pytest.mark.build

INTERNAL_ID = re.compile(
    r"\b(?:evi|ev|deal|fig|claim|act|src|cit|rec|lat|out)-[a-z0-9]+(?:-[a-z0-9]+)+\b"
    r"|\b(?:fdi|pf|aq|an|pr)-\d{3}\b"
)
"""A record id (``claim-trade-low``) or a passage id (``aq-012``)."""

RECITAL = re.compile(r"The selection holds", re.IGNORECASE)
WRONG_PLURAL = re.compile(r"\b1 (?:weeks|years|days|months|events|sources|claims|projects)\b")


def vocabulary_codes() -> set[str]:
    """Every vocabulary value that is not a plain word: a code a reader must never see."""
    codes = set()
    for name in dir(vocabularies):
        vocabulary = getattr(vocabularies, name)
        if isinstance(vocabulary, vocabularies.Vocabulary):
            codes.update(code for code in vocabulary if "_" in code)
    return codes


class VisibleText(HTMLParser):
    """The text of a page a reader sees: the article body, without scripts, styles, code,
    download links and hidden elements."""

    SKIPPED = frozenset({"script", "style", "code", "pre", "nav", "header", "footer"})

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0
        self.skipping: list[str] = []
        self.parts: list[str] = []
        self.in_main = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = dict(attrs).get("class") or ""
        if tag == "main":
            self.in_main += 1
        if tag in self.SKIPPED or "download" in classes or "headerlink" in classes:
            self.skipping.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if self.skipping and self.skipping[-1] == tag:
            self.skipping.pop()
        if tag == "main":
            self.in_main -= 1

    def handle_data(self, data: str) -> None:
        if self.in_main and not self.skipping:
            self.parts.append(data)

    @classmethod
    def of(cls, page: Path) -> str:
        parser = cls()
        parser.feed(page.read_text(encoding="utf-8"))
        return " ".join(" ".join(parser.parts).split())


def chapter_pages(built_book: BuiltBook) -> list[Path]:
    """Every page of the book written from chapters (the article pages reproduce the articles
    and their passage tables, and are checked for ids separately)."""
    html = built_book.build_dir / "html" / "chapters"
    return sorted(p for p in html.glob("*.html"))


def test_no_count_recital_and_no_code_in_the_prose(built_book: BuiltBook) -> None:
    codes = vocabulary_codes()
    problems = []
    for page in chapter_pages(built_book):
        text = VisibleText.of(page)
        problems += [f"{page.name}: {m.group()!r}" for m in RECITAL.finditer(text)]
        problems += [f"{page.name}: {m.group()!r}" for m in WRONG_PLURAL.finditer(text)]
        problems += [
            f"{page.name}: vocabulary code {code!r}"
            for code in codes
            if re.search(rf"\b{re.escape(code)}\b", text)
        ]
    assert problems == []


def test_no_internal_id_outside_links_and_downloads(built_book: BuiltBook) -> None:
    problems = []
    pages = chapter_pages(built_book) + sorted(
        (built_book.build_dir / "html" / "chapters" / "sources").glob("*.html")
    )
    for page in pages:
        text = VisibleText.of(page)
        problems += [f"{page.name}: {m.group()!r}" for m in INTERNAL_ID.finditer(text)]
    assert problems == []


def test_the_key_findings_are_in_the_html_and_the_pdf(built_book: BuiltBook) -> None:
    intro = VisibleText.of(built_book.build_dir / "html" / "chapters" / "intro.html")
    leads = re.findall(r"\b([1-9])\. [A-Z][^.]+\.", intro)
    assert "Key findings" in intro
    assert len(set(leads)) >= 6, intro[:2000]
    assert "Not so for this selection" not in intro
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext is missing (make test installs poppler-utils)")
    pdf = subprocess.run(
        ["pdftotext", "-layout", str(built_book.build_dir / "pdf" / "book.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    flat = " ".join(pdf.split())
    assert "Key findings" in flat
    for lead in ("The turn came in the 2010s", "Afghanistan is the reason"):
        assert lead in flat, lead
