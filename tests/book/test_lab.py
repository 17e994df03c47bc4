"""Every chapter as a researcher meets it: ``make lab``'s kernel, a real ``jupyter lab`` server on
127.0.0.1 with a token, each notebook run with Run All in headless Chromium.

For each chapter the rendered notebook must show its headings, the prose with its computed
values, and the tables and figures the book shows, and none of: a glue directive, a ``:format:``
option, a fenced directive, a backslash escape, a Python traceback. Then ``start_year`` is set
to 2015 in the ``parameters`` cell (in a chapter on the dataset, which does not follow the years,
``sources`` is narrowed to one article), all cells run again, and the values in the prose change
(except in the appendix on parameters, which shows the same whatever the selection).
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import nbformat
import pytest
from support.browser import chromium_context, jupyter_lab, lab_kernel_setup, watch
from support.project import BuiltBook, copy_project
from support.selections import SOURCES_ONLY, UNSELECTIVE

from helpers.chapters.contents import chapter_names

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
CHAPTERS = chapter_names(ROOT)
RUN_TIMEOUT_MS = 300_000
EDITED_YEAR = ("start_year", "2015")
EDITED_SOURCES = ("sources", '["src-pr-2021"]')

LAB_SETTINGS = {
    # Every cell in the page (JupyterLab otherwise leaves cells out of view out of the DOM).
    "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {"windowingMode": "none"},
    # No pop-up asking about news over the notebook.
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {"fetchNews": "false"},
}

FORBIDDEN = {
    "a glue directive": re.compile(r"\{glue"),
    "a :format: option": re.compile(r":format:"),
    "a fenced directive": re.compile(r"(?:```|:::)\s*\{[\w:-]+\}"),
    "an unrendered role": re.compile(r"\{(?:eval|glue|ref|doc|numref|download)\}`"),
    "a backslash escape": re.compile(r"\\[!-/:-@\[-`{-~]"),
    "a Python traceback": re.compile(r"Traceback \(most recent call last\)"),
}

RENDERED_JS = """
() => {
    const nb = document.querySelector(".jp-Notebook");
    const markdown = [...nb.querySelectorAll(".jp-MarkdownCell .jp-MarkdownOutput")]
        .map((e) => e.innerText);
    const outputs = [...nb.querySelectorAll(".jp-OutputArea-output")];
    return {
        markdown: markdown.join("\\n"),
        outputs: outputs.map((e) => e.innerText).join("\\n"),
        headings: [...nb.querySelectorAll(".jp-MarkdownCell h1, .jp-MarkdownCell h2, "
            + ".jp-MarkdownCell h3")].map((h) => h.innerText.replace("\\u00b6", "").trim()),
        tables: outputs.reduce((n, e) => n + e.querySelectorAll("table").length, 0),
        figures: outputs.reduce((n, e) => n + [...e.querySelectorAll("img")]
            .filter((i) => i.naturalWidth > 0).length, 0),
        errors: [...nb.querySelectorAll(".jp-OutputArea-output[data-mime-type*='stderr'], "
            + ".jp-OutputArea-output[data-mime-type*='error'], .myst-RenderedExpressionError")]
            .map((e) => e.innerText.slice(0, 300)),
    };
}
"""

FINISHED_JS = """
([previous, status]) => {
    const prompts = [...document.querySelectorAll(".jp-Notebook .jp-CodeCell .jp-InputArea-prompt")]
        .map((e) => e.textContent.trim());
    const counts = prompts.map((p) => (p.match(/^\\[(\\d+)\\]:$/) || [])[1]).map(Number);
    const bar = [...document.querySelectorAll("#jp-main-statusbar .jp-StatusBar-TextItem")]
        .some((e) => e.textContent.trim() === status);
    return prompts.length > 0 && counts.every((n) => n > previous) && bar;
}
"""


def shown_in_the_book(built_book: BuiltBook, chapter: str) -> tuple[list[str], int, int]:
    """The headings of a chapter's executed notebook, and the tables and figures it shows."""
    notebook = nbformat.read(
        built_book.build_dir / "executed" / "chapters" / f"{chapter}.ipynb", as_version=4
    )
    headings, tables, figures = [], 0, 0
    for cell in notebook.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                found = re.match(r"^#{1,3} (.+)$", line)
                if found and "{eval}" not in line:
                    headings.append(found.group(1).strip())
        for output in cell.get("outputs", []):
            myst = output.get("data", {}).get("text/markdown", "")
            tables += myst.count("{list-table}")
            figures += myst.count(":::{figure}")
    return headings, tables, figures


def run_all_cells(page: object, status: str, previous: int) -> dict:
    """Run → Run All Cells; wait until every code cell ran, the kernel is idle and the rendered
    prose has settled (inline values are filled in after their cell runs)."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

    for _ in range(3):
        page.get_by_role("menuitem", name="Run", exact=True).click()
        item = page.get_by_role("menuitem", name="Run All Cells", exact=True)
        item.wait_for(state="visible")
        item.click()
        try:
            page.wait_for_function(
                "() => [...document.querySelectorAll('.jp-InputArea-prompt')]"
                ".some((e) => e.textContent.includes('*'))",
                timeout=15_000,
            )
            break
        except PlaywrightTimeoutError:  # the menu did not take the click: try again
            page.keyboard.press("Escape")
    page.wait_for_function(FINISHED_JS, arg=[previous, status], timeout=RUN_TIMEOUT_MS, polling=500)
    rendered, settled = page.evaluate(RENDERED_JS), 0
    while settled < 3:
        page.wait_for_timeout(1000)
        again = page.evaluate(RENDERED_JS)
        settled = settled + 1 if again == rendered else 0
        rendered = again
    return rendered


def last_prompt(page: object) -> int:
    prompts = page.evaluate(
        "() => [...document.querySelectorAll('.jp-Notebook .jp-InputArea-prompt')]"
        ".map((e) => e.textContent)"
    )
    return max((int(n) for p in prompts for n in re.findall(r"\d+", p)), default=0)


def problems_of(run: str, rendered: dict) -> list[str]:
    text = rendered["markdown"] + "\n" + rendered["outputs"]
    found = [f"{run}: shows an error: {e}" for e in rendered["errors"]]
    for what, pattern in FORBIDDEN.items():
        found += [f"{run}: shows {what}: {m.group()!r}" for m in pattern.finditer(text)][:3]
    return found


def shut_down_kernels(lab: object) -> None:
    """Stop every kernel of the server (one per notebook opened)."""
    with urllib.request.urlopen(lab.url("api/kernels"), timeout=10) as response:
        kernels = json.loads(response.read())
    for kernel in kernels:
        request = urllib.request.Request(lab.url(f"api/kernels/{kernel['id']}"), method="DELETE")
        urllib.request.urlopen(request, timeout=30).close()


@pytest.fixture(scope="module")
def lab(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[object, object, str]]:
    """A clean copy of the project with ``make lab``'s kernel, its JupyterLab and a browser."""
    work = tmp_path_factory.mktemp("lab")
    project = copy_project(work / "project")
    install = lab_kernel_setup(project / "Makefile")
    result = subprocess.run(
        [sys.executable, "-m", "ipykernel", "install", *install],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    kernel = install[install.index("--display-name") + 1]
    with (
        jupyter_lab(project / "chapters", work / "lab", project, settings=LAB_SETTINGS) as server,
        chromium_context() as browser,
    ):
        yield server, browser, f"{kernel} | Idle"


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_run_all_shows_the_chapter_as_the_book_does(chapter, lab, built_book, tmp_path):
    server, browser, idle = lab
    headings, tables, figures = shown_in_the_book(built_book, chapter)
    page = browser.new_page()
    log = watch(page)
    try:
        # A workspace of its own: the default one would reopen the chapters opened before.
        page.goto(server.url(f"lab/workspaces/{chapter}/tree/{chapter}.ipynb"))
        page.locator(".jp-Notebook .jp-CodeCell").first.wait_for()
        page.get_by_text(idle, exact=True).wait_for(timeout=120_000)

        first = run_all_cells(page, idle, previous=0)
        problems = problems_of("first run", first)
        problems += [
            f"first run: heading {h!r} is not shown" for h in headings if h not in first["headings"]
        ]
        if first["tables"] < tables:
            problems.append(f"first run: {first['tables']} tables shown, the book has {tables}")
        if first["figures"] < figures:
            problems.append(f"first run: {first['figures']} figures shown, the book has {figures}")

        # A chapter on the dataset follows the sources, not the years: one source is chosen.
        line, value = EDITED_SOURCES if chapter in SOURCES_ONLY else EDITED_YEAR
        cell = page.locator(".jp-Notebook .jp-CodeCell").filter(has_text=f"{line} = ")
        editor = cell.first.locator(".cm-content")
        source = editor.inner_text()
        edited = re.sub(rf"^{line} = .+$", f"{line} = {value}", source, flags=re.M)
        assert edited != source, source
        editor.click()
        page.keyboard.press("Control+A")
        page.keyboard.insert_text(edited)
        page.keyboard.press("Escape")
        second = run_all_cells(page, idle, previous=last_prompt(page))
        problems += problems_of(f"{line} = {value}", second)
        unchanged = second["markdown"] + second["outputs"] == first["markdown"] + first["outputs"]
        if unchanged and chapter not in UNSELECTIVE:
            problems.append(f"{line} = {value}: no value of the chapter changed")
        page.screenshot(path=str(tmp_path / f"{chapter}.png"), full_page=True)
        assert not log.page_errors, log.page_errors
        assert problems == [], f"{chapter} (screenshot: {tmp_path / f'{chapter}.png'})"
    finally:
        page.close()
        shut_down_kernels(server)
