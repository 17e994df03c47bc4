"""Text from the data is shown as text, never run: proved on a built page in Chromium.

In a temporary copy of the project, an event's title and summary (shown in the chronology's and
the military chapter's tables) and an actor's role (in the data appendix's download) are set to
HTML that would run script if it reached a page unescaped. The book is built (HTML only) and
every page is opened in headless Chromium: the text appears literally where the data is shown;
no ``<script>`` holding it, no ``img[src=x]`` and no ``onerror`` handler exists in any page; no
dialog opens; nothing asks the server for ``x``; the search finds the text and shows it safely.
The interactive views carry the same text in their data and show it as text.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest
from support.browser import chromium_context, serve_folder, watch
from support.project import copy_project, run_helpers

pytestmark = [pytest.mark.browser, pytest.mark.build]

SCRIPT = "<script>alert(1)</script>"
IMAGE = "<img src=x onerror=alert(1)>"
EVENT = "ev-2018-bajwa-moscow-visit"
ACTOR = "act-bajwa"
PAGES_SHOWING_THE_EVENT = (
    "chapters/chronology.html",
    "chapters/military_ties.html",
    "chapters/views/records.html",
)

DOM_JS = """
() => ({
    text: document.body.innerText,
    // Scripts that run; a view's data, in a script of type application/json, never does.
    scripts: [...document.scripts]
        .filter((s) => !s.type || /javascript|module/i.test(s.type))
        .filter((s) => s.textContent.includes("alert(1)")).length,
    images: document.querySelectorAll("img[src='x']").length,
    handlers: document.querySelectorAll("[onerror]").length,
})
"""


def rewrite(table: Path, key: str, row_id: str, changes: dict[str, str]) -> None:
    """Change some cells of one row of a data table, keeping every other byte's meaning."""
    with table.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        fields, rows = reader.fieldnames, list(reader)
    matched = [row for row in rows if row[key] == row_id]
    assert len(matched) == 1, f"{row_id} is not in {table.name}"
    matched[0].update(changes)
    with table.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


@pytest.fixture(scope="module")
def hostile_book(tmp_path_factory) -> Path:
    """A copy of the project with hostile text in its data, built (HTML only)."""
    project = copy_project(tmp_path_factory.mktemp("hostile") / "project")
    rewrite(
        project / "data" / "events.csv",
        "event_id",
        EVENT,
        {
            "title": f"Army chief {IMAGE} visits Moscow",
            "summary": f"He meets {SCRIPT} his counterparts and {IMAGE} talks.",
        },
    )
    rewrite(
        project / "data" / "actors.csv",
        "actor_id",
        ACTOR,
        {
            "role": f"Chief of Army Staff {SCRIPT} {IMAGE} (2018).",
        },
    )
    result = run_helpers(project, "build", "--no-pdf")
    assert result.returncode == 0, result.stdout + result.stderr
    return project


def test_the_built_html_holds_no_unescaped_markup(hostile_book):
    """No page of the site holds the hostile markup as markup (static check of the files)."""
    html_root = hostile_book / "_build" / "html"
    raw = []
    for path in sorted(html_root.rglob("*.html")):
        text = path.read_text(encoding="utf-8")
        if SCRIPT in text or "<img src=x" in text:
            raw.append(path.relative_to(html_root).as_posix())
    assert not raw, f"unescaped hostile markup in {raw}"


def test_hostile_text_is_shown_literally_and_runs_nothing(hostile_book):
    html_root = hostile_book / "_build" / "html"
    pages = sorted(
        path.relative_to(html_root).as_posix()
        for path in html_root.rglob("*.html")
        if "_static" not in path.parts
    )
    problems, shown_on = [], {}
    with serve_folder(html_root) as site, chromium_context() as browser:
        page = browser.new_page()
        log = watch(page)
        for path in pages:
            page.goto(site.url(path), wait_until="load")
            page.wait_for_load_state("networkidle")
            found = page.evaluate(DOM_JS)
            if found["scripts"]:
                problems.append(f"{path}: a <script> element holds the data's text")
            if found["images"] or found["handlers"]:
                problems.append(f"{path}: an img[src=x] or onerror handler is in the page")
            shown_on[path] = [text for text in (SCRIPT, IMAGE) if text in found["text"]]

        page.goto(site.url("search.html?q=onerror"), wait_until="load")
        page.wait_for_function(
            "() => /found \\d+ page|did not match/i.test("
            "document.querySelector('#search-results')?.textContent || '')"
        )
        page.wait_for_load_state("networkidle")
        found = page.evaluate(DOM_JS)
        if found["images"] or found["handlers"] or found["scripts"]:
            problems.append("search.html: the search results hold live markup from the data")

        problems += [f"a dialog opened: {dialog}" for dialog in log.dialogs]
        asked = [p for p, _ in site.requests if re.search(r"/x(\?|$)", p)]
        if asked:
            problems.append(f"the browser asked the server for {asked}")

        for path in PAGES_SHOWING_THE_EVENT:
            if shown_on.get(path) != [SCRIPT, IMAGE]:
                problems.append(
                    f"{path}: the event's text is not shown literally ({shown_on.get(path)})"
                )

        actors = browser.request.get(site.url("chapters/data_appendix.html"))
        assert actors.ok
        links = re.findall(r'href="([^"]*actors\.csv)"', actors.text())
        assert links, "the data appendix has no actors.csv download"
        download = browser.request.get(site.url(f"chapters/{links[0]}"))
        if not download.ok or "csv" not in download.headers.get("content-type", ""):
            problems.append(f"actors.csv is not served as CSV: {download.status}")
        elif f"Chief of Army Staff {SCRIPT} {IMAGE} (2018)." not in download.text():
            problems.append("actors.csv does not hold the actor's role as written")
    assert not problems, "\n".join(problems)
