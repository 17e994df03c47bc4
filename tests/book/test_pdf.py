"""The PDF as a reader meets it, checked with poppler's tools on the session's built book.

Every page is rendered to PNG (under the built project's ``_build/screenshots/pdf/``, to look
at); the PDF has a title page, a table of contents, every chapter of ``_toc.yml`` under its title,
the figures, tables laid out as tables, the bibliography with the five sources; and no word lies
outside the page's printable area or on top of another word.
"""

from __future__ import annotations

import csv
import html
import json
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from PIL import Image
from support.browser import require_poppler, run_tool

pytestmark = pytest.mark.browser

HTML_ONLY = "chapters/views/"
"""The interactive views, which the PDF leaves out."""
RENDER_DPI = 40
MARGIN_X = 36.0
"""Half an inch: no word may come closer than this to the left or right edge of a page."""
MARGIN_BOTTOM = 36.0
"""Half an inch: the footer ends above this; nothing may come closer to the bottom edge."""
MARGIN_TOP = 18.0
OVERLAP = 0.2
"""Two words overlap when their boxes share more than this fraction of the smaller box."""
ALIGNED = 4.0
"""Points within which the cells of a column start at the same x as its header."""
MONOSPACE_SPREAD = 1.02
"""In a monospace font every character has the same width (to a thousandth); words set in a
proportional font differ by more than this factor in width per character."""


@dataclass(frozen=True)
class Word:
    page: int
    x0: float
    y0: float
    x1: float
    y1: float
    text: str

    @property
    def area(self) -> float:
        return max(self.x1 - self.x0, 0) * max(self.y1 - self.y0, 0)


@dataclass(frozen=True)
class Page:
    number: int
    width: float
    height: float
    words: tuple[Word, ...]


def fold(text: str) -> str:
    """Text compared across HTML and PDF: NFKC (ligatures), typographic quotes and dashes
    folded, whitespace collapsed."""
    text = unicodedata.normalize("NFKC", text)
    text = text.translate(str.maketrans("‘’“”–—", "''\"\"--"))
    return " ".join(text.split())


def letters(text: str) -> str:
    """Only the letters and digits of ``text``, case kept: survives line breaks and hyphens."""
    return "".join(ch for ch in fold(text) if ch.isalnum())


# ----------------------------------------------------------------------------------------------
# Fixtures
# ----------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def pdf(built_book) -> Path:
    require_poppler()
    path = built_book.build_dir / "pdf" / "book.pdf"
    assert path.is_file(), "the session build made no PDF"
    return path


@pytest.fixture(scope="module")
def page_count(pdf) -> int:
    info = run_tool("pdfinfo", pdf)
    return int(re.search(r"^Pages:\s+(\d+)", info, re.MULTILINE).group(1))


@pytest.fixture(scope="module")
def texts(pdf) -> list[str]:
    """The text of each page, laid out (``pdftotext -layout``)."""
    pages = run_tool("pdftotext", "-layout", pdf, "-").split("\f")
    return pages[:-1] if pages and not pages[-1].strip() else pages


@pytest.fixture(scope="module")
def pages(pdf) -> list[Page]:
    """Every word of every page with its box (``pdftotext -bbox``), in points from the top left."""
    out = run_tool("pdftotext", "-bbox", pdf, "-")
    found = []
    page_pattern = r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>'
    word_pattern = (
        r'<word xMin="([-\d.]+)" yMin="([-\d.]+)" xMax="([-\d.]+)" yMax="([-\d.]+)">(.*?)</word>'
    )
    for number, (width, height, body) in enumerate(re.findall(page_pattern, out, re.S), 1):
        words = tuple(
            Word(number, *map(float, match[:4]), html.unescape(match[4]))
            for match in re.findall(word_pattern, body)
        )
        found.append(Page(number, float(width), float(height), words))
    return found


def chapter_titles(project: Path) -> list[str]:
    """The title (first ``# `` heading) of each chapter of ``_toc.yml``, in order; sections
    (the seed pages) are not chapters."""
    toc = yaml.safe_load((project / "_toc.yml").read_text(encoding="utf-8"))
    files = [toc["root"]] + [
        chapter["file"]
        for part in toc.get("parts", [])
        for chapter in part["chapters"]
        if not chapter["file"].startswith(HTML_ONLY)
    ]
    titles = []
    for name in files:
        base = project / name
        notebook, page = base.with_suffix(".ipynb"), base.with_suffix(".md")
        if notebook.is_file():
            cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
            source = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
        else:
            source = page.read_text(encoding="utf-8")
        heading = re.search(r"^# (.+)$", source, re.MULTILINE)
        assert heading, f"{name} has no title"
        titles.append(fold(heading.group(1)))
    return titles


# ----------------------------------------------------------------------------------------------
# Pages as images
# ----------------------------------------------------------------------------------------------


def test_every_page_renders(built_book, pdf, page_count):
    """Every page renders to a PNG; apart from the blank pages before chapters, each shows
    something."""
    target = built_book.build_dir / "screenshots" / "pdf"
    target.mkdir(parents=True, exist_ok=True)
    for old in target.glob("page-*.png"):
        old.unlink()
    run_tool("pdftoppm", "-r", str(RENDER_DPI), "-png", pdf, target / "page")
    images = sorted(target.glob("page-*.png"))
    assert len(images) == page_count
    blank = []
    for image in images:
        with Image.open(image) as picture:
            darkest = picture.convert("L").getextrema()[0]
        if darkest > 200:
            blank.append(image.name)
    assert images[0].name not in blank, "the title page is blank"
    chapters = len(chapter_titles(built_book.project))
    assert len(blank) <= chapters + 2, f"{len(blank)} blank pages: {blank}"


# ----------------------------------------------------------------------------------------------
# Structure
# ----------------------------------------------------------------------------------------------


def test_title_page(built_book, texts):
    config = yaml.safe_load((built_book.project / "_config.yml").read_text(encoding="utf-8"))
    first = fold(texts[0])
    assert fold(config["title"]) in first
    assert fold(config["author"]) in first


def test_table_of_contents_lists_every_chapter(built_book, texts):
    """A page headed "Contents" lists every chapter with its page number."""
    titles = chapter_titles(built_book.project)
    front = texts[1:6]
    problems = []
    heading = re.compile(r"^\s*contents\s*$", re.IGNORECASE | re.MULTILINE)
    if not any(heading.search(text) for text in front):
        headings = [fold(text)[:40] for text in front if text.strip()]
        problems.append(f"no page of the front matter is headed 'Contents' (they begin {headings})")
    listing = fold(" ".join(front))
    for title in titles:
        if not re.search(rf"(\d+ )?{re.escape(title)}( \.)* [\dixv]+\b", listing):
            problems.append(f"the table of contents does not list {title!r} with a page number")
    assert not problems, "\n".join(problems)


def test_every_chapter_is_in_the_book_under_its_title(built_book, texts):
    """Each chapter's title opens a chapter of the PDF, in the order of ``_toc.yml``."""
    titles = chapter_titles(built_book.project)
    lines = [fold(line).upper() for text in texts[1:] for line in text.splitlines()]
    lines = [line for line in lines if line]
    missing, positions = [], []
    for title in titles:
        wanted = title.upper()
        at = next(
            (
                i
                for i, line in enumerate(lines)
                if wanted in (line, f"{line} {lines[i + 1] if i + 1 < len(lines) else ''}")
            ),
            None,
        )
        if at is None:
            missing.append(title)
        else:
            positions.append(at)
    assert not missing, f"chapters with no heading of their own in the PDF: {missing}"
    assert positions == sorted(positions), "the chapters are not in the order of _toc.yml"


def test_the_figures_are_in_the_pdf(built_book, pdf):
    """At least as many images as the chapters drew figures (one PNG each under _build/tables)."""
    figures = sorted((built_book.build_dir / "tables").glob("*/*.png"))
    assert figures, "the chapters drew no figure"
    listed = run_tool("pdfimages", "-list", pdf).splitlines()[2:]
    images = [line for line in listed if line.split()[2:3] == ["image"]]
    assert len(images) >= len(figures), f"{len(images)} images for {len(figures)} figures"


# ----------------------------------------------------------------------------------------------
# Tables
# ----------------------------------------------------------------------------------------------


def html_table_headers(html_root: Path) -> list[tuple[str, tuple[str, ...]]]:
    """(page, first word of each header cell) of every table of the chapters, once each."""
    from bs4 import BeautifulSoup

    seen: dict[tuple[str, ...], str] = {}
    for path in sorted((html_root / "chapters").rglob("*.html")):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for table in soup.select("article table"):
            cells = [fold(th.get_text(" ")) for th in table.select("thead th")]
            words = tuple(cell.split(" ")[0] for cell in cells if cell)
            if len(words) >= 2:
                seen.setdefault(words, path.relative_to(html_root).as_posix())
    return [(page, words) for words, page in seen.items()]


def _lines(page: Page) -> list[list[Word]]:
    """The words of a page grouped into lines (same top, within 2 pt), left to right."""
    lines: list[list[Word]] = []
    for word in sorted(page.words, key=lambda w: (round(w.y0), w.x0)):
        if lines and abs(lines[-1][0].y0 - word.y0) < 2:
            lines[-1].append(word)
        else:
            lines.append([word])
    return [sorted(line, key=lambda w: w.x0) for line in lines]


def _matches(pdf_word: str, header_word: str) -> bool:
    """A PDF word is a header word, or its start when LaTeX hyphenated it ("Pas-")."""
    got, wanted = fold(pdf_word).lower().strip(".,:;()"), header_word.lower().strip(".,:;()")
    if got.endswith("-") and len(got) >= 3:
        return wanted.startswith(got[:-1])
    return got == wanted


def _header_line(line: list[Word], header: tuple[str, ...]) -> list[Word] | None:
    """The words of ``line`` that are the header's words, in order, or None."""
    found, position = [], 0
    for wanted in header:
        while position < len(line) and not _matches(line[position].text, wanted):
            position += 1
        if position == len(line):
            return None
        found.append(line[position])
        position += 1
    return found


def _is_proportional(words: list[Word]) -> bool:
    """Whether the words are set in a proportional font (a monospace dump has one width per
    character)."""
    widths = [(w.x1 - w.x0) / len(w.text) for w in words if len(w.text) >= 3]
    return len(widths) < 2 or max(widths) / min(widths) > MONOSPACE_SPREAD


def test_tables_are_laid_out_as_tables(built_book, pages):
    """For every table of the site, the PDF has a line with its column headers side by side,
    in a proportional font, and a row beneath whose cells start under those headers."""
    headers = html_table_headers(built_book.build_dir / "html")
    assert len(headers) >= 10, f"only {len(headers)} distinct tables in the site"
    lines = [(page, line) for page in pages for line in _lines(page)]
    problems = []
    for source, header in headers:
        placed = False
        for index, (page, line) in enumerate(lines):
            found = _header_line(line, header)
            if not found or not _is_proportional(found):
                continue
            starts = [w.x0 for w in found]
            below = [
                words
                for other, words in lines[index + 1 : index + 8]
                if other is page and words[0].y0 > found[0].y1
            ]
            aligned = max(
                (
                    sum(any(abs(w.x0 - x) <= ALIGNED for w in words) for x in starts)
                    for words in below
                ),
                default=0,
            )
            if aligned >= min(2, len(starts)):
                placed = True
                break
        if not placed:
            problems.append(f"{source}: no table with the columns {' | '.join(header)}")
    assert not problems, f"{len(problems)} tables not laid out as tables:\n" + "\n".join(problems)


# ----------------------------------------------------------------------------------------------
# Bibliography
# ----------------------------------------------------------------------------------------------


def test_bibliography_lists_the_five_sources(built_book, texts):
    """The bibliography names each source's author and gives its title as printed (proper
    nouns keep their capitals) and its date in words."""
    starts = [
        i
        for i, text in enumerate(texts)
        if re.search(r"^\s*BIBLIOGRAPHY\s*$", text, re.IGNORECASE | re.MULTILINE)
    ]
    assert starts, "no page is headed 'Bibliography'"
    text = "\n".join(texts[starts[-1] :])
    with (built_book.project / "data" / "sources.csv").open(encoding="utf-8", newline="") as f:
        sources = list(csv.DictReader(f))
    assert len(sources) == 5
    problems = []
    for source in sources:
        if letters(source["author"]) not in letters(text):
            problems.append(f"{source['source_id']}: author {source['author']!r} missing")
        if letters(source["title"]) not in letters(text):
            problems.append(
                f"{source['source_id']}: title not as printed: {source['title']!r}"
                + (
                    " (its capitals are lost)"
                    if letters(source["title"]).lower() in letters(text).lower()
                    else ""
                )
            )
    numeric = sorted(set(re.findall(r"\b(?:1[0-2]|[1-9]) (?:19|20)\d\d\b", fold(text))))
    if numeric:
        problems.append(f"months printed as numbers: {numeric}")
    assert not problems, "\n".join(problems)


# ----------------------------------------------------------------------------------------------
# Nothing off the page, nothing on top of anything
# ----------------------------------------------------------------------------------------------


def test_no_text_runs_off_the_page(pages):
    """Every word lies within the page, half an inch clear of its sides and bottom."""
    outside = []
    for page in pages:
        for w in page.words:
            if (
                w.x0 < MARGIN_X
                or w.x1 > page.width - MARGIN_X
                or w.y0 < MARGIN_TOP
                or w.y1 > page.height - MARGIN_BOTTOM
            ):
                outside.append(
                    f"page {page.number}: {w.text!r} at x {w.x0:.0f}–{w.x1:.0f}, "
                    f"y {w.y0:.0f}–{w.y1:.0f} (page {page.width:.0f}×{page.height:.0f})"
                )
    assert not outside, f"{len(outside)} words outside the printable area:\n" + "\n".join(
        outside[:40]
    )


def test_no_text_is_printed_over_other_text(pages):
    """No two words overlap: a table that runs into the footer, or a heading over a line,
    would."""
    clashes = []
    for page in pages:
        # Marks such as the hooked arrow of a wrapped code line are drawn from two glyphs.
        words = sorted(
            (w for w in page.words if any(c.isalnum() for c in w.text)), key=lambda w: w.y0
        )
        for i, a in enumerate(words):
            for b in words[i + 1 :]:
                if b.y0 >= a.y1:
                    break
                width = min(a.x1, b.x1) - max(a.x0, b.x0)
                height = min(a.y1, b.y1) - max(a.y0, b.y0)
                smaller = min(a.area, b.area)
                if width > 0 and height > 0 and smaller and width * height > OVERLAP * smaller:
                    clashes.append(f"page {page.number}: {a.text!r} and {b.text!r} overlap")
    assert not clashes, f"{len(clashes)} overlapping words:\n" + "\n".join(clashes[:40])


# ----------------------------------------------------------------------------------------------
# One numbering, live links, downloads by name
# ----------------------------------------------------------------------------------------------


def html_captions(html_root: Path) -> dict[str, str]:
    """'Table 12' or 'Fig. 3' → the first words of its caption, for every numbered table and
    figure of the HTML book."""
    from bs4 import BeautifulSoup

    found = {}
    for path in sorted(html_root.rglob("*.html")):
        if "_static" in path.parts:
            continue
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for caption in soup.select("article table caption, article figcaption"):
            number = caption.select_one(".caption-number")
            if number is None:
                continue
            label = fold(number.get_text()).rstrip(".: ")
            words = fold(caption.get_text(" ")).removeprefix(fold(number.get_text())).split()
            found[label] = " ".join(words[:6]).strip("#").strip()
    return found


def test_tables_and_figures_are_numbered_as_in_the_html(built_book, texts):
    """Every numbered table and figure carries the same number in the PDF as in the HTML."""
    captions = html_captions(built_book.build_dir / "html")
    assert len([k for k in captions if k.startswith("Table")]) >= 10
    assert any(k.startswith("Fig") for k in captions)
    pdf = fold(" ".join(texts))
    problems = [
        f"{label} ({words!r}) is not {label} in the PDF"
        for label, words in captions.items()
        if f"{label}: {words}"[:40] not in pdf
    ]
    assert not problems, "\n".join(problems)


def pdf_links(pdf: Path) -> list[tuple[str, str]]:
    """(target, text) of every link of the PDF (poppler's ``pdftohtml -xml``)."""
    xml = run_tool("pdftohtml", "-xml", "-i", "-stdout", pdf)
    return [
        (html.unescape(target), html.unescape(re.sub(r"<[^>]+>", "", text)))
        for target, text in re.findall(r'<a href="([^"]*)">(.*?)</a>', xml)
    ]


def test_cross_references_citations_and_passages_are_links(built_book, pdf):
    """Citations, passage links and cross-references are live links inside the PDF."""
    links = pdf_links(pdf)
    internal = [text for target, text in links if "#" in target]
    with (built_book.project / "data" / "sources.csv").open(encoding="utf-8") as handle:
        authors = [row["author"].split()[-1] for row in csv.DictReader(handle)]
    joined = " ".join(internal)
    cited = [author for author in authors if author in joined]
    assert len(cited) >= 3, f"citations of {authors} are not links: {joined[:300]}"
    assert sum(text.startswith("passage") for text in internal) > 20, "passage links are dead"


def test_downloads_are_named_as_in_the_data_package(built_book, texts):
    """Each chapter's tables are named in the PDF by their path in the data package
    (``<chapter>/<name>.csv``), not as links that lead nowhere."""
    pdf = fold(" ".join(texts)).replace("- ", "-")
    tables = built_book.build_dir / "tables"
    named = [
        f"{path.parent.name}/{path.name}"
        for path in sorted(tables.glob("*/*.csv"))
        if f"{path.parent.name}/{path.name}" in pdf
    ]
    assert len(named) >= 5, f"only {named} are named in the PDF"
    assert "data of this figure" not in pdf
