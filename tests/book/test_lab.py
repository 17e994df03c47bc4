"""A chapter rerun the way a researcher does it: ``make lab``'s kernel, a real ``jupyter lab``
server on 127.0.0.1 with a token, and the notebook driven in headless Chromium.

The test runs every cell of a chapter, checks that no cell shows an error and that a figure is
drawn, then edits the ``parameters`` cell (one source instead of all five), runs all cells
again and checks that the page shows the new result.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from support.browser import chromium_context, jupyter_lab, lab_kernel_setup, watch
from support.project import copy_project

from helpers import evidence
from helpers.analysis.scope import Scope
from helpers.chapters import registry as params

pytestmark = pytest.mark.browser

CHAPTER = "chronology"
ONE_SOURCE = "src-pr-2021"
RUN_TIMEOUT_MS = 300_000
SUMMARY = re.compile(r"The selection holds (\d+) dated events?")

LAB_SETTINGS = {
    # Every cell in the page (JupyterLab otherwise leaves cells out of view out of the DOM).
    "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {"windowingMode": "none"},
}

CELLS_JS = """
() => [...document.querySelectorAll(".jp-Notebook .jp-CodeCell")].map((cell) => ({
    prompt: (cell.querySelector(".jp-InputArea-prompt") || {}).textContent || "",
    errors: [...cell.querySelectorAll([
        ".jp-OutputArea-output[data-mime-type*='stderr']",
        ".jp-OutputArea-output[data-mime-type*='error']",
    ].join(", "))].map((e) => e.textContent.slice(0, 500)),
    text: [...cell.querySelectorAll(".jp-OutputArea-output")].map((e) => e.textContent).join("\\n"),
    images: [...cell.querySelectorAll(".jp-OutputArea-output img")].map((i) => i.naturalWidth),
}))
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


def expected_events(project: Path, sources: list[str]) -> int:
    """How many dated events the chapter counts for these sources, computed here."""
    chosen = params.validate(CHAPTER, {"data_dir": str(project / "data"), "sources": sources})
    return len(Scope.from_params(evidence.load(chosen.data_dir), chosen).events)


def parameters_source(notebook: Path) -> str:
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    tagged = [c for c in cells if "parameters" in c.get("metadata", {}).get("tags", [])]
    assert len(tagged) == 1, f"{notebook.name} has {len(tagged)} parameters cells"
    return "".join(tagged[0]["source"])


def run_all_cells(page, status: str, previous: int) -> list[dict]:
    """Run → Run All Cells, wait until every code cell ran and the kernel is idle again."""
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
    return page.evaluate(CELLS_JS)


def problems_of(run: str, cells: list[dict]) -> list[str]:
    found = [
        f"{run}: cell {i} shows an error: {e}" for i, c in enumerate(cells) for e in c["errors"]
    ]
    found += [
        f"{run}: cell {i} shows a Python traceback"
        for i, c in enumerate(cells)
        if "Traceback (most recent call last)" in c["text"]
    ]
    if not any(width > 0 for c in cells for width in c["images"]):
        found.append(f"{run}: no figure is drawn in the notebook")
    return found


def summary_count(cells: list[dict]) -> int | None:
    for cell in cells:
        found = SUMMARY.search(cell["text"])
        if found:
            return int(found.group(1))
    return None


@pytest.fixture
def lab_project(tmp_path: Path) -> Path:
    """A clean copy of the project, with the kernel that ``make lab`` installs."""
    project = copy_project(tmp_path / "project")
    install = lab_kernel_setup(project / "Makefile")
    result = subprocess.run(
        [sys.executable, "-m", "ipykernel", "install", *install],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return project


def test_a_chapter_reruns_in_jupyterlab_and_follows_its_parameters(lab_project, tmp_path):
    install = lab_kernel_setup(lab_project / "Makefile")
    kernel = install[install.index("--display-name") + 1]
    idle = f"{kernel} | Idle"
    notebook = lab_project / "chapters" / f"{CHAPTER}.ipynb"
    original = parameters_source(notebook)
    assert re.search(r"^sources = \[\]$", original, re.MULTILINE), original
    edited = re.sub(r"^sources = \[\]$", f'sources = ["{ONE_SOURCE}"]', original, flags=re.M)
    all_count = expected_events(lab_project, [])
    one_count = expected_events(lab_project, [ONE_SOURCE])
    assert one_count != all_count, "pick a source that changes the count"

    with (
        jupyter_lab(
            lab_project / "chapters", tmp_path / "lab", lab_project, settings=LAB_SETTINGS
        ) as lab,
        chromium_context() as browser,
    ):
        page = browser.new_page()
        log = watch(page)
        page.goto(lab.url(f"lab/tree/{CHAPTER}.ipynb"))
        page.locator(".jp-Notebook .jp-CodeCell").first.wait_for()
        page.get_by_text(idle, exact=True).wait_for(timeout=120_000)

        first = run_all_cells(page, idle, previous=0)
        problems = problems_of("first run", first)
        if summary_count(first) != all_count:
            problems.append(
                f"first run: the summary says {summary_count(first)} events, not {all_count}"
            )

        editor = page.locator(".jp-Notebook .jp-CodeCell").first.locator(".cm-content")
        editor.click()
        page.keyboard.press("Control+A")
        page.keyboard.insert_text(edited)
        page.keyboard.press("Escape")
        assert f'sources = ["{ONE_SOURCE}"]' in editor.inner_text()

        previous = max(int(n) for c in first for n in re.findall(r"\d+", c["prompt"]))
        second = run_all_cells(page, idle, previous=previous)
        problems += problems_of("second run", second)
        if summary_count(second) != one_count:
            problems.append(
                f"second run ({ONE_SOURCE} only): the summary says {summary_count(second)} "
                f"events, not {one_count}"
            )
        if not re.search(r"reported by (1|one) source\b", " ".join(c["text"] for c in second)):
            problems.append("second run: the summary does not say that one source reports them")
        page.screenshot(path=str(tmp_path / "lab.png"))
        assert not log.page_errors, log.page_errors
    assert not problems, "\n".join(problems) + f"\n(screenshot: {tmp_path / 'lab.png'})"
