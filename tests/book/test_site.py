"""The built website as a reader meets it: served on 127.0.0.1 and opened in headless Chromium.

Every page loads without a console error, an uncaught exception or a failed request; every image
loads and has alt text; every internal link leads to a file that exists and, with a fragment, to
an element of that page; the search finds a term of the data; "next" walks the book from the
first page to the last; a fact's source link lands on its highlighted passage; every chapter's
CSV downloads return the chapter's data. A screenshot of each page of the table of contents is
saved under the built project's ``_build/screenshots/``.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from fnmatch import fnmatch
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
import yaml
from support.browser import StaticSite, chromium_context, serve_folder, watch

pytestmark = pytest.mark.browser

SEARCH_TERM = "Mi-35"
"""A term of the data (``data/deals.csv`` and the seeds), searched for in the site."""

FACT_LINK = "evi-aq-012"
"""An evidence row whose passage link appears in the chapters' tables."""

SKIPPED_FOLDERS = {"_static", "_sources", "_downloads", "_images"}


# ----------------------------------------------------------------------------------------------
# Fixtures and helpers
# ----------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def site(built_book) -> Iterator[StaticSite]:
    """The built book's ``_build/html`` served on a free port of 127.0.0.1."""
    with serve_folder(built_book.build_dir / "html") as served:
        yield served


@pytest.fixture(scope="module")
def browser(site):
    """One headless Chromium (fresh profile) for the tests of this module."""
    with chromium_context(accept_downloads=True) as context:
        yield context


@pytest.fixture
def page(browser):
    """A new tab, closed after the test."""
    tab = browser.new_page()
    yield tab
    tab.close()


def html_pages(root: Path) -> list[str]:
    """Every HTML page of the site, relative to its root."""
    return sorted(
        path.relative_to(root).as_posix()
        for path in root.rglob("*.html")
        if not SKIPPED_FOLDERS.intersection(path.relative_to(root).parts)
    )


def toc_pages(project: Path, html_root: Path) -> list[str]:
    """The pages of ``_toc.yml`` in reading order, as paths of the site (``chapters/x.html``)."""
    toc = yaml.safe_load((project / "_toc.yml").read_text(encoding="utf-8"))
    built = html_pages(html_root)
    pages: list[str] = []

    def add(entry: dict) -> None:
        if "file" in entry:
            pages.append(f"{Path(entry['file']).with_suffix('')}.html")
        elif "glob" in entry:
            pages.extend(sorted(p for p in built if fnmatch(p, f"{entry['glob']}.html")))
        for section in entry.get("sections", []):
            add(section)

    add({"file": toc["root"]})
    for part in toc.get("parts", [{"chapters": toc.get("chapters", [])}]):
        for chapter in part["chapters"]:
            add(chapter)
    return pages


def screenshot_name(page_path: str) -> str:
    """``chapters/sources/src-x.html`` → ``sources-src-x.png``."""
    name = Path(page_path).with_suffix(".png").as_posix().removeprefix("chapters/")
    return name.replace("/", "-")


def redirect_target(path: Path) -> str | None:
    """The target of a page that only redirects (``<meta http-equiv="Refresh">``), or None."""
    found = re.search(
        r'http-equiv="refresh"\s+content="\d+;\s*url=([^"]+)"',
        path.read_text(errors="replace"),
        re.IGNORECASE,
    )
    return found.group(1) if found else None


IMAGES_JS = """
async () => {
    const images = [...document.images];
    for (const image of images) {
        if (image.loading === "lazy") image.loading = "eager";
    }
    await Promise.all(images.map((image) => image.complete ? null : new Promise((done) => {
        image.addEventListener("load", done, {once: true});
        image.addEventListener("error", done, {once: true});
    })));
    return images.map((image) => ({
        src: image.getAttribute("src"),
        alt: image.getAttribute("alt"),
        width: image.naturalWidth,
    }));
}
"""

LINKS_JS = "() => [...document.querySelectorAll('a[href]')].map((a) => a.href)"
IDS_JS = """
() => [...document.querySelectorAll('[id], a[name]')].map((e) => e.id || e.getAttribute('name'))
"""


# ----------------------------------------------------------------------------------------------
# Every page
# ----------------------------------------------------------------------------------------------


def test_every_page_loads_cleanly_with_images_and_links(site, page):
    """No console error, uncaught exception or failed request on any page, and an icon declared
    in each (else the browser asks for /favicon.ico); every image loaded with alt text; every
    internal link resolves to a file and, with a fragment, to an id."""
    pages = html_pages(site.root)
    assert "chapters/chronology.html" in pages and "search.html" in pages, pages
    log = watch(page)
    problems: list[str] = []
    links: dict[str, set[str]] = {}
    ids: dict[str, set[str]] = {}
    for path in pages:
        log.clear()
        markup = (site.root / path).read_text(encoding="utf-8", errors="replace")
        if not re.search(r"<link\b[^>]*\brel=\"(shortcut )?icon\"", markup):
            # Without one a browser asks the server for /favicon.ico: a 404 in the console.
            problems.append(f'{path}: the page declares no icon (<link rel="icon">)')
        target = redirect_target(site.root / path)
        page.goto(site.url(path), wait_until="load")
        if target is not None:
            expected = site.url(str(Path(path).parent / target).removeprefix("./"))
            page.wait_for_url(expected)
        page.wait_for_load_state("networkidle")
        images = page.evaluate(IMAGES_JS)
        for image in images:
            if not image["width"]:
                problems.append(f"{path}: image {image['src']} did not load")
            if not (image["alt"] or "").strip():
                problems.append(f"{path}: image {image['src']} has no alt text")
        shown = site.relative(page.url)
        links[shown] = set(page.evaluate(LINKS_JS))
        ids[shown] = set(page.evaluate(IDS_JS))
        problems += [f"{path}: {problem}" for problem in log.problems()]
        problems += [f"{path}: dialog opened: {dialog}" for dialog in log.dialogs]

    origin = urlsplit(site.base_url).netloc
    checked = 0
    for source, hrefs in sorted(links.items()):
        for href in sorted(hrefs):
            parts = urlsplit(href)
            if parts.scheme not in ("http", "https") or parts.netloc != origin:
                continue
            checked += 1
            relative = unquote(parts.path).lstrip("/") or "index.html"
            if relative.endswith("/"):
                relative += "index.html"
            file = site.root / relative
            if not file.is_file():
                problems.append(f"{source}: link to a missing file: {href}")
                continue
            fragment = unquote(parts.fragment)
            if fragment and file.suffix == ".html":
                known = ids.get(relative)
                if known is None:
                    known = set(re.findall(r'\bid="([^"]+)"', file.read_text(errors="replace")))
                if fragment not in known:
                    problems.append(f"{source}: link to a missing anchor: {href}")
    assert checked > 100, f"only {checked} internal links found: is the site complete?"
    assert not problems, f"{len(problems)} problems:\n" + "\n".join(problems)


def test_screenshots_of_every_page_of_the_book(built_book, site, page):
    """A full-page screenshot of each page of the table of contents, for people to look at."""
    target = built_book.build_dir / "screenshots"
    target.mkdir(parents=True, exist_ok=True)
    pages = toc_pages(built_book.project, site.root)
    for path in pages:
        page.goto(site.url(path), wait_until="networkidle")
        page.evaluate(IMAGES_JS)
        file = target / screenshot_name(path)
        page.screenshot(path=str(file), full_page=True)
        assert file.stat().st_size > 10_000, f"{file.name} looks empty"
    assert len(list(target.glob("*.png"))) >= len(pages)


OVERFLOWING_TABLES_JS = """
() => [...document.querySelectorAll("article table")].map((table) => {
    const box = table.closest(".pst-scrollable-table-container") || table.parentElement;
    const caption = table.querySelector("caption");
    return {
        caption: caption ? caption.textContent.replace("#", "").trim() : "(no caption)",
        width: Math.round(table.getBoundingClientRect().width),
        room: box.clientWidth,
    };
}).filter((table) => table.width > table.room + 1)
"""


def test_tables_fit_the_text_column(site, page):
    """At a desktop window's width no table is wider than the column of text, so that no
    column is cut off behind a horizontal scroll bar."""
    too_wide = []
    for path in html_pages(site.root):
        if not path.startswith("chapters/"):
            continue
        page.goto(site.url(path), wait_until="load")
        too_wide += [
            f"{path}: {t['caption']}: {t['width']} px wide in {t['room']} px"
            for t in page.evaluate(OVERFLOWING_TABLES_JS)
        ]
    assert not too_wide, "tables wider than the page:\n" + "\n".join(too_wide)


# ----------------------------------------------------------------------------------------------
# Search and navigation
# ----------------------------------------------------------------------------------------------


def test_search_finds_a_term_of_the_data(built_book, site, page):
    """The search page lists pages for a term that the data holds, and they contain it."""
    tables = sorted((built_book.project / "data").glob("*.csv"))
    data = "\n".join(table.read_text(encoding="utf-8") for table in tables)
    assert SEARCH_TERM in data, f"{SEARCH_TERM!r} is no longer in the data: pick another term"
    log = watch(page)
    page.goto(site.url(f"search.html?q={SEARCH_TERM}"), wait_until="load")
    results = page.locator("#search-results ul.search li")
    results.first.wait_for(state="visible")
    page.wait_for_function(
        "() => /found \\d+ page|finished/i.test("
        "document.querySelector('#search-results')?.textContent || '')"
    )
    hrefs = results.locator("a").evaluate_all("(links) => links.map((a) => a.href)")
    found = [site.relative(href) for href in hrefs]
    assert found, "the search found nothing"
    containing = [
        p
        for p in dict.fromkeys(found)
        if SEARCH_TERM in (site.root / p).read_text(encoding="utf-8", errors="replace")
    ]
    assert containing, f"no page found by the search contains {SEARCH_TERM!r}: {found}"
    assert not log.problems(), log.problems()


def test_next_walks_the_book_from_the_first_page_to_the_last(built_book, site, page):
    """Clicking "next" from the front page visits every page of ``_toc.yml`` in order."""
    expected = toc_pages(built_book.project, site.root)
    page.goto(site.url("index.html"))
    page.wait_for_url(site.url(expected[0]))
    visited = [site.relative(page.url)]
    for _ in range(len(expected) + 5):
        following = page.locator("a.right-next")
        if following.count() == 0:
            break
        with page.expect_navigation():
            following.first.click()
        here = site.relative(page.url)
        assert here != visited[-1], f"'next' on {here} leads to the same page"
        visited.append(here)
    assert visited == expected


# ----------------------------------------------------------------------------------------------
# Provenance
# ----------------------------------------------------------------------------------------------


def evidence_quotes(project: Path) -> dict[str, str]:
    with (project / "data" / "evidence.csv").open(encoding="utf-8", newline="") as handle:
        return {row["evidence_id"]: row["quote"] for row in csv.DictReader(handle)}


def evidence_quote(project: Path, evidence_id: str) -> str:
    quotes = evidence_quotes(project)
    assert evidence_id in quotes, f"{evidence_id} is not in data/evidence.csv"
    return quotes[evidence_id]


NORMALIZE_JS = """
(text) => text.normalize("NFKC")
    .replace(/[\\u2018\\u2019]/g, "'").replace(/[\\u201c\\u201d]/g, '"')
    .replace(/[\\u2013\\u2014]/g, "-").replace(/\\s+/g, " ").trim()
"""

PASSAGE_JS = f"""
([anchor, quote]) => {{
    const normalize = {NORMALIZE_JS};
    const span = document.getElementById(anchor);
    if (!span) return {{error: "no element with id " + anchor}};
    const box = span.getBoundingClientRect();
    // What sticky or fixed bars (the article's header) cover at the top of the window, above
    // the passage; sidebars beside it do not count.
    const top = Math.max(0, ...[...document.querySelectorAll("body *")]
        .filter((e) => ["sticky", "fixed"].includes(getComputedStyle(e).position))
        .map((e) => e.getBoundingClientRect())
        .filter((r) => r.height > 0 && r.height < window.innerHeight / 2 && r.top <= 0
                       && r.left < box.right && r.right > box.left)
        .map((r) => r.bottom));
    const differs = (element) => {{
        const style = getComputedStyle(element);
        const parent = getComputedStyle(element.parentElement);
        return ["backgroundColor", "boxShadow", "outlineStyle"]
            .filter((name) => style[name] !== parent[name]);
    }};
    const others = [...document.querySelectorAll("span.evidence")]
        .filter((e) => e !== span && !e.contains(span) && !span.contains(e));
    return {{
        text: normalize(span.textContent), quote: normalize(quote),
        top: box.top, bottom: box.bottom, visibleFrom: top, viewport: window.innerHeight,
        highlighted: differs(span), background: getComputedStyle(span).backgroundColor,
        loudOthers: others.filter((e) => differs(e).length).length, others: others.length,
    }};
}}
"""


def test_a_fact_s_source_link_lands_on_its_highlighted_passage(built_book, site, page):
    """Clicking a passage link in a chapter's table opens the seed page scrolled to the quoted
    passage, an element whose text is the quote, on screen and set off from the text around
    it; the page's other passages stay quiet."""
    quote = evidence_quote(built_book.project, FACT_LINK)
    log = watch(page)
    page.goto(site.url("chapters/military_ties.html"), wait_until="networkidle")
    link = page.locator(f"table a[href$='#{FACT_LINK}']").first
    assert link.count(), f"no link to {FACT_LINK} in a table of the military ties chapter"
    # a passage is linked by its number, after its source's label in a table ('Qureshi (2018)
    # 12, 13') or as 'passage 12' in running text
    assert re.fullmatch(r"(?:passage )?\d+", link.inner_text().strip()), link.inner_text()
    link.scroll_into_view_if_needed()
    link.click()
    page.wait_for_url(re.compile(rf"/chapters/sources/[^/]+\.html#{FACT_LINK}$"))
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(300)  # the theme may adjust the scroll position once loaded
    found = page.evaluate(PASSAGE_JS, [FACT_LINK, quote])
    assert "error" not in found, found["error"]
    assert found["text"] == found["quote"], "the link lands on an element holding the quote"
    assert found["top"] >= found["visibleFrom"] - 2 and found["top"] < found["viewport"], (
        f"the passage is not on screen after the jump: {found}"
    )
    assert found["highlighted"], f"the passage looks like the text around it: {found}"
    assert found["others"] > 10 and found["loudOthers"] == 0, (
        f"{found['loudOthers']} other passages are highlighted too"
    )
    assert not log.problems(), log.problems()


def test_the_switch_highlights_every_passage(site, page):
    page.goto(site.url("chapters/sources/src-aq-2018.html"), wait_until="networkidle")
    quiet = page.evaluate(
        "() => [...document.querySelectorAll('span.evidence')].filter((e) => "
        "getComputedStyle(e).backgroundColor !== 'rgba(0, 0, 0, 0)').length"
    )
    assert quiet == 0
    page.check("#show-passages")
    total = page.locator("span.evidence").count()
    assert total > 50
    # the highlight fades in (a short transition): wait until every passage shows it
    page.wait_for_function(
        "(total) => [...document.querySelectorAll('span.evidence')].filter((e) => "
        "getComputedStyle(e).backgroundColor !== 'rgba(0, 0, 0, 0)').length === total",
        arg=total,
        timeout=5_000,
    )


LINKS_TO_PASSAGES_JS = """
() => [...document.querySelectorAll("a[href*='#evi-']")].map((a) => ({
    href: a.href, text: a.textContent.trim(),
}))
"""

ANCHORED_JS = f"""
(wanted) => {{
    const normalize = {NORMALIZE_JS};
    return wanted.map(([anchor, quote, numbers]) => {{
        const element = document.getElementById(anchor);
        if (!element) return [anchor, "no element with this id"];
        const text = normalize(element.textContent);
        const ok = text === normalize(quote) || text.startsWith(normalize(quote));
        if (!ok) return [anchor, "the element holds " + JSON.stringify(text.slice(0, 80))];
        const shown = element.dataset.passage;
        const wrong = numbers.filter((n) => n !== shown);
        return [anchor, wrong.length ? `links read ${{wrong}}, the page shows [${{shown}}]` : ""];
    }}).filter(([, problem]) => problem);
}}
"""


def test_every_passage_link_lands_on_its_quote(built_book, site, page):
    """Every link to a passage, on every page, leads to an element of its seed page whose text
    is the quote (or begins with it, where two quotes partly overlap and the first element is
    stretched over the second) and whose number is the one the link reads ('passage 12', or
    '12' in a list); no link shows an internal id."""
    quotes = evidence_quotes(built_book.project)
    targets: dict[str, set[str]] = {}
    numbers: dict[str, set[str]] = {}
    problems = []
    for path in html_pages(site.root):
        if "#evi-" not in (site.root / path).read_text(encoding="utf-8", errors="replace"):
            continue
        page.goto(site.url(path), wait_until="load")
        for link in page.evaluate(LINKS_TO_PASSAGES_JS):
            target, anchor = site.relative(link["href"]), link["href"].rsplit("#", 1)[1]
            targets.setdefault(target, set()).add(anchor)
            number = re.fullmatch(r"(?:passage )?(\d+)", link["text"])
            if number:
                numbers.setdefault(anchor, set()).add(number.group(1))
            if re.search(r"\b(evi-)?[a-z]{2,3}-\d{3}\b", link["text"]):
                problems.append(f"{path}: a link shows an id: {link['text']!r}")
    assert sum(len(a) for a in targets.values()) > 300, "too few passage links found"
    for target, anchors in sorted(targets.items()):
        page.goto(site.url(target), wait_until="load")
        wanted = [
            [anchor, quotes.get(anchor, ""), sorted(numbers.get(anchor, ()))]
            for anchor in sorted(anchors)
        ]
        problems += [f"{target}#{a}: {p}" for a, p in page.evaluate(ANCHORED_JS, wanted)]
    assert not problems, f"{len(problems)} problems:\n" + "\n".join(problems[:40])


def test_a_passage_lists_the_sections_that_cite_it(built_book, site, page):
    """On its seed page, a passage's row names the chapter sections that link to it, and each
    name links back to a section that holds a link to the passage."""
    page.goto(site.url("chapters/military_ties.html"), wait_until="load")
    assert page.locator(f"a[href$='#{FACT_LINK}']").count()
    source = FACT_LINK.split("-")[1]
    seed = next(p for p in html_pages(site.root) if re.search(rf"sources/src-{source}-", p))
    page.goto(site.url(seed), wait_until="load")
    row = page.locator(f"table tr:has(a[href$='#{FACT_LINK}'])").first
    back = row.locator("a[href*='military_ties.html#']")
    assert back.count(), f"the row of {FACT_LINK} does not link back to the military ties chapter"
    href = back.first.get_attribute("href")
    page.goto(site.url(f"{Path(seed).parent}/{href}"), wait_until="load")
    section = href.rsplit("#", 1)[1]
    inside = page.locator(f"section#{section} a[href$='#{FACT_LINK}']")
    assert inside.count(), f"section {section} holds no link to {FACT_LINK}"


FIGURE_EDGES_JS = """
async () => {
    const images = [...document.querySelectorAll("article figure img")];
    const found = [];
    for (const image of images) {
        if (!image.complete) await new Promise((done) => image.addEventListener("load", done));
        const canvas = document.createElement("canvas");
        canvas.width = image.naturalWidth;
        canvas.height = image.naturalHeight;
        const context = canvas.getContext("2d");
        context.drawImage(image, 0, 0);
        const { data, width, height } = context.getImageData(0, 0, canvas.width, canvas.height);
        let ink = 0;
        const at = (x, y) => {
            const i = (y * width + x) * 4;
            if (data[i] < 200 || data[i + 1] < 200 || data[i + 2] < 200) ink += 1;
        };
        for (let x = 0; x < width; x++) for (const y of [0, 1, height - 2, height - 1]) at(x, y);
        for (let y = 0; y < height; y++) for (const x of [0, 1, width - 2, width - 1]) at(x, y);
        const box = image.getBoundingClientRect();
        const room = image.closest("figure").getBoundingClientRect();
        found.push({
            src: image.getAttribute("src"), ink,
            shown: box.width > 0 && box.left >= room.left - 1 && box.right <= room.right + 1,
        });
    }
    return found;
}
"""


def test_the_text_of_every_figure_lies_within_it(site, page):
    """No figure has ink on its edges, as a label cut by the figure's border would, and each is
    shown whole within its page."""
    problems, seen = [], 0
    for path in html_pages(site.root):
        if not path.startswith("chapters/"):
            continue
        page.goto(site.url(path), wait_until="load")
        for figure in page.evaluate(FIGURE_EDGES_JS):
            seen += 1
            if figure["ink"]:
                problems.append(
                    f"{path}: {figure['src']}: {figure['ink']} dark pixels on its edges"
                )
            if not figure["shown"]:
                problems.append(f"{path}: {figure['src']} is not shown whole")
    assert seen >= 5, f"only {seen} figures found"
    assert not problems, "\n".join(problems)


# ----------------------------------------------------------------------------------------------
# Downloads
# ----------------------------------------------------------------------------------------------


def test_every_chapter_s_csv_downloads_return_its_data(built_book, site, page, browser):
    """Each chapter notebook's page that shows tables links CSV files; each returns (HTTP 200,
    text/csv) the same bytes as the chapter's table under ``_build/tables/<chapter>/``, with its
    header row."""
    chapters = sorted(p.stem for p in (built_book.project / "chapters").glob("*.ipynb"))
    assert chapters
    problems: list[str] = []
    for chapter in chapters:
        page.goto(site.url(f"chapters/{chapter}.html"), wait_until="load")
        hrefs = page.locator("a.download[href$='.csv'], a[download][href$='.csv']").evaluate_all(
            "(links) => [...new Set(links.map((a) => a.href))]"
        )
        written = sorted((built_book.build_dir / "tables" / chapter).glob("*.csv"))
        if written and not hrefs:
            problems.append(f"{chapter}: no CSV download link to its {len(written)} tables")
        for href in hrefs:
            name = unquote(urlsplit(href).path).rsplit("/", 1)[-1]
            expected = built_book.build_dir / "tables" / chapter / name
            response = browser.request.get(href)
            if response.status != 200:
                problems.append(f"{chapter}: {name}: HTTP {response.status}")
                continue
            if "csv" not in response.headers.get("content-type", ""):
                kind = response.headers.get("content-type")
                problems.append(f"{chapter}: {name}: served as {kind}")
            body = response.body()
            if not expected.is_file():
                problems.append(f"{chapter}: {name} is not a table of the chapter ({expected})")
                continue
            if body != expected.read_bytes():
                problems.append(f"{chapter}: {name} differs from {expected}")
            header = next(csv.reader(io.StringIO(body.decode("utf-8"))), [])
            if not header or not all(column.strip() for column in header):
                problems.append(f"{chapter}: {name}: no header row ({header})")
    assert not problems, "\n".join(problems)
