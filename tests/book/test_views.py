"""The interactive views of the built HTML book, in headless Chromium: the timeline shows every
event of the selection and filters them, an event's panel gives its quotes linked to their
passages, the evidence explorer searches and filters, and neither asks another host for
anything or logs an error. The PDF leaves them out.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest
from support.browser import StaticSite, chromium_context, serve_folder, watch

from helpers import evidence
from helpers.analysis.params import ChapterParams
from helpers.analysis.scope import Scope

pytestmark = pytest.mark.browser

TIMELINE = "chapters/views/timeline.html"
EXPLORER = "chapters/views/evidence_explorer.html"
RECORDS = "chapters/views/records.html"


@pytest.fixture(scope="module")
def site(built_book) -> Iterator[StaticSite]:
    with serve_folder(built_book.build_dir / "html") as served:
        yield served


@pytest.fixture(scope="module")
def browser(site):
    with chromium_context() as context:
        yield context


@pytest.fixture
def page(browser):
    tab = browser.new_page()
    yield tab
    tab.close()


@pytest.fixture(scope="module")
def scope(built_book) -> Scope:
    """The selection the default book is built with."""
    return Scope.from_params(evidence.load(built_book.project / "data"), ChapterParams())


def payload(site: StaticSite, path: str, kind: str) -> dict:
    """The data embedded in a view's page."""
    text = (site.root / path).read_text(encoding="utf-8")
    found = re.search(
        rf'<script type="application/json" id="pr-{kind}-data">(.*?)</script>', text, re.S
    )
    assert found, f"{path} embeds no {kind} data"
    return json.loads(found.group(1))


def watch_hosts(page, site: StaticSite) -> list[str]:
    """Every request ``page`` makes to another host than the site's."""
    own = urlsplit(site.base_url).netloc
    elsewhere: list[str] = []

    def on_request(request) -> None:
        parts = urlsplit(request.url)
        if parts.scheme in ("http", "https") and parts.netloc != own:
            elsewhere.append(request.url)

    page.on("request", on_request)
    return elsewhere


# ----------------------------------------------------------------------------------------------
# The timeline
# ----------------------------------------------------------------------------------------------


def open_timeline(page, site: StaticSite) -> None:
    page.goto(site.url(TIMELINE), wait_until="networkidle")
    page.wait_for_selector("#pr-timeline [data-pr-role='count'][data-count]")
    page.wait_for_function("document.querySelectorAll('#pr-timeline .vis-item[data-id]').length")


def shown_count(page) -> int:
    return int(page.get_attribute("#pr-timeline [data-pr-role='count']", "data-count"))


def listed(page) -> list[str]:
    """The events the view lists as shown (every one, on the axis or not)."""
    return page.eval_on_selector_all(
        "#pr-timeline [data-pr-role='list'] [data-event-id]",
        "els => els.map(e => e.getAttribute('data-event-id'))",
    )


def show_only(page, name: str, value: str) -> None:
    fieldset = page.locator(f"#pr-timeline [data-pr-filter='{name}']")
    fieldset.locator("[data-pr-action='none']").click()
    fieldset.locator(f"input[value='{value}']").check()


def test_the_timeline_shows_every_event_of_the_selection(page, site, scope) -> None:
    log = watch(page)
    elsewhere = watch_hosts(page, site)
    open_timeline(page, site)
    expected = [*scope.events.index, *scope.undated_events.index]
    assert shown_count(page) == len(expected)
    assert sorted(listed(page)) == sorted(expected)
    dated = set(scope.events.index)
    drawn = page.eval_on_selector_all(
        "#pr-timeline .vis-item[data-id]", "els => els.map(e => e.getAttribute('data-id'))"
    )
    assert set(drawn) == dated, "every dated event is drawn on the axis"
    undated = page.eval_on_selector_all(
        "#pr-timeline [data-pr-role='undated-list'] [data-event-id]",
        "els => els.map(e => e.getAttribute('data-event-id'))",
    )
    assert sorted(undated) == sorted(scope.undated_events.index)
    assert page.is_hidden("#pr-timeline [data-pr-role='fallback']")
    assert not log.problems(), log.problems()
    assert not elsewhere, f"requests to other hosts: {elsewhere}"


def test_the_timeline_filters_by_theme_and_by_source(page, site, scope) -> None:
    open_timeline(page, site)
    events = payload(site, TIMELINE, "timeline")["events"]
    show_only(page, "themes", "energy")
    energy = {e["id"] for e in events if "energy" in e["themes"]}
    assert 0 < shown_count(page) == len(energy) < len(events)
    assert set(listed(page)) == energy
    page.click("#pr-timeline [data-pr-filter='themes'] [data-pr-action='all']")
    show_only(page, "sources", "src-fdi-2012")
    fdi = {e["id"] for e in events if "src-fdi-2012" in e["sources"]}
    assert set(listed(page)) == fdi
    assert fdi == set(scope.evidence_for(list(fdi))["subject_id"]) & fdi
    page.click("#pr-timeline [data-pr-filter='themes'] [data-pr-action='none']")
    assert shown_count(page) == 0


def fold(text: str) -> str:
    """The comparison of quotes with the text of a page: NFKC, typographic quotes and dashes
    folded, whitespace collapsed."""
    text = unicodedata.normalize("NFKC", text).translate(str.maketrans("‘’“”–—", "''\"\"--"))
    return " ".join(text.split())


def test_an_event_opens_with_its_quotes_linked_to_their_passages(page, site, scope) -> None:
    open_timeline(page, site)
    event_id = "ev-2018-bajwa-moscow-visit"
    page.click("#pr-timeline [data-pr-role='list-box'] summary")
    page.locator(f"#pr-timeline [data-pr-role='list'] [data-event-id='{event_id}']").click()
    panel = page.locator("#pr-timeline [data-pr-role='panel']")
    assert panel.is_visible()
    assert (
        panel.locator(".pr-panel-title").inner_text() == scope.dataset.events.at[event_id, "title"]
    )
    assert panel.locator(".pr-panel-when").inner_text()
    attested = scope.evidence_for([event_id])
    items = panel.locator(".pr-quotes li")
    assert items.count() == len(attested)
    first = attested.index[0]
    quote = panel.locator(f".pr-quotes li[data-evidence-id='{first}'] .pr-quote").inner_text()
    assert fold(quote) == fold(attested.at[first, "quote"])
    with page.expect_navigation():
        panel.locator(f"a[data-evidence-id='{first}']").click()
    assert page.url.endswith(f"#{first}")
    landed = page.evaluate("id => document.getElementById(id).textContent", first)
    assert fold(landed).startswith(fold(attested.at[first, "quote"]))


# ----------------------------------------------------------------------------------------------
# The explorer
# ----------------------------------------------------------------------------------------------


def open_explorer(page, site: StaticSite) -> None:
    page.goto(site.url(EXPLORER), wait_until="networkidle")
    page.wait_for_selector("#pr-explorer[data-pr-built]")


def explorer_count(page) -> int:
    return int(page.get_attribute("#pr-explorer [data-pr-role='count']", "data-count"))


def test_the_explorer_searches_and_filters(page, site, scope) -> None:
    log = watch(page)
    elsewhere = watch_hosts(page, site)
    open_explorer(page, site)
    rows = payload(site, EXPLORER, "explorer")["rows"]
    assert explorer_count(page) == len(rows) == len(scope.evidence)

    page.select_option("#pr-explorer select[data-pr-filter='source']", "src-pr-2021")
    expected = [r for r in rows if r["source"] == "src-pr-2021"]
    page.wait_for_function(
        f"document.querySelector(\"#pr-explorer [data-pr-role='count']\").dataset.count == "
        f"'{len(expected)}'"
    )
    assert 0 < explorer_count(page) == len(expected) < len(rows)

    page.select_option("#pr-explorer select[data-pr-filter='stance']", "disputes")
    expected = [r for r in expected if r["stance"] == "disputes"]
    page.wait_for_function(
        f"document.querySelector(\"#pr-explorer [data-pr-role='count']\").dataset.count == "
        f"'{len(expected)}'"
    )

    page.click("#pr-explorer [data-pr-action='reset']")
    page.fill("#pr-explorer input[data-pr-filter='search']", "Mi-35")
    page.keyboard.press("Enter")
    expected = [r for r in rows if "mi-35" in " ".join(str(v) for v in r.values()).lower()]
    page.wait_for_function(
        f"document.querySelector(\"#pr-explorer [data-pr-role='count']\").dataset.count == "
        f"'{len(expected)}'"
    )
    assert expected
    shown = page.locator("#pr-explorer .tabulator-row")
    assert shown.count() == len(expected)
    assert not log.problems(), log.problems()
    assert not elsewhere, f"requests to other hosts: {elsewhere}"


def test_each_explorer_row_links_to_its_passage_and_its_record(page, site) -> None:
    rows = payload(site, EXPLORER, "explorer")["rows"]
    records = (site.root / RECORDS).read_text(encoding="utf-8")
    record_ids = set(re.findall(r'id="([a-z]+-[a-z0-9-]+)"', records))
    for row in rows:
        assert row["record"].split("#")[1] in record_ids, row["record"]
        seed_page = row["passage"].split("#")[0]
        assert seed_page.startswith("../sources/"), row["passage"]
    open_explorer(page, site)
    link = page.locator("#pr-explorer .tabulator-row a.pr-ex-link").first
    href = link.get_attribute("href")
    with page.expect_navigation():
        link.click()
    assert page.url.endswith(href.split("/")[-1])


# ----------------------------------------------------------------------------------------------
# Only in the HTML
# ----------------------------------------------------------------------------------------------


def test_only_the_views_load_the_views_files(site) -> None:
    for path in (TIMELINE, EXPLORER):
        text = (site.root / path).read_text(encoding="utf-8")
        assert "_static/interactive/" in text, f"{path} loads no view files"
    for path in ("chapters/chronology.html", "chapters/intro.html", RECORDS):
        text = (site.root / path).read_text(encoding="utf-8")
        assert "_static/interactive/" not in text, f"{path} loads the views' files"


def test_the_pdf_leaves_the_views_out(built_book) -> None:
    latex = (built_book.build_dir / "latex" / "book.tex").read_text(encoding="utf-8")
    assert "Evidence explorer" not in latex
    assert "Timeline of the events" not in latex
