"""The build scenarios: cold, no-op and incremental builds of the book, serial against parallel
execution, and the anchor (the same chapters executed by Jupyter Book itself)."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path
from typing import Any

from projects import (
    CELL_TIMEOUT,
    EDITED_CHAPTER,
    EDITED_TABLE,
    JUPYTER_BOOK,
    PYTHON,
    RUNS,
    environment,
    fresh_copy,
    python_output,
    tool_environment,
)
from timing import Timed, run_timed

# ----------------------------------------------------------------------------------------------
# Our build
# ----------------------------------------------------------------------------------------------


def build(project: Path, *options: str) -> Timed:
    """``python -m helpers build OPTIONS`` in ``project``, timed."""
    return run_timed(
        [PYTHON, "-m", "helpers", "build", *options], cwd=project, env=environment(project)
    )


def build_record(run: Timed, expect_executed: int | None = None) -> dict[str, Any]:
    """What one build did and how long each phase took, read from its progress lines.

    The execution phase runs from the ``executing ...`` line to the last chapter's line.
    """
    executed = [line.split()[1] for _, line in run.lines if line.strip().startswith("executed ")]
    chapters = {
        line.split()[1]: float(line.split()[2])
        for _, line in run.lines
        if line.strip().startswith("executed ") and len(line.split()) == 4
    }
    cached = [line.split()[1] for _, line in run.lines if line.strip().startswith("cached ")]
    starts = [t for t, line in run.lines if line.startswith("executing ")]
    ends = [t for t, line in run.lines if line.strip().startswith(("executed ", "FAILED "))]
    steps = {}
    for _, line in run.lines:
        words = line.split()
        if len(words) == 4 and words[0] == "built" and words[3] == "s":
            steps[words[1]] = float(words[2])
    record: dict[str, Any] = {
        "seconds": run.seconds,
        "cpu_seconds": run.cpu_seconds,
        "load_average": round(run.load_average, 2),
        "status": run.status,
        "executed": executed,
        "chapter_seconds": chapters,
        "cached": cached,
        "execute_seconds": round(ends[-1] - starts[0], 3) if starts and ends else 0.0,
        "html_seconds": steps.get("html", 0.0),
        "pdf_seconds": steps.get("pdf", 0.0),
    }
    problems = []
    if run.status != 0:
        problems.append(f"exit status {run.status}: {run.text()[-2000:]}")
    if expect_executed is not None and len(executed) != expect_executed:
        problems.append(f"executed {len(executed)} chapters, expected {expect_executed}")
    if problems:
        record["problems"] = problems
    return record


def edit_notebook(project: Path, chapter: str, mark: str) -> None:
    """A harmless edit: one sentence added to the first markdown cell of ``chapter``."""
    path = project / "chapters" / f"{chapter}.ipynb"
    notebook = json.loads(path.read_text(encoding="utf-8"))
    cell = next(c for c in notebook["cells"] if c["cell_type"] == "markdown")
    source = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
    cell["source"] = source.rstrip("\n") + f" (Benchmark edit {mark}.)"
    path.write_text(json.dumps(notebook, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def edit_csv_row(project: Path, mark: str) -> None:
    """A harmless data edit: the ``role`` text of the first actor gains a few words.

    Only that line of ``data/actors.csv`` changes; the data stays valid.
    """
    path = project / "data" / EDITED_TABLE
    lines = path.read_text(encoding="utf-8").split("\n")
    header = next(csv.reader([lines[0]]))
    row = next(csv.reader([lines[1]]))
    if len(row) != len(header):
        raise RuntimeError(f"{EDITED_TABLE}: the first data row spans several lines")
    row[header.index("role")] += f" (benchmark edit {mark})"
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="").writerow(row)
    lines[1] = buffer.getvalue()
    path.write_text("\n".join(lines), encoding="utf-8")


def ours_html(repetition: int, chapters: int, noop_repeats: int) -> dict[str, Any]:
    """Cold HTML build, no-op rebuilds, one notebook edited, one CSV row edited: one copy."""
    project = fresh_copy(f"ours-{repetition}")
    found: dict[str, Any] = {"cold_html": build_record(build(project, "--no-pdf"), chapters)}
    found["noop_html"] = [build_record(build(project, "--no-pdf"), 0) for _ in range(noop_repeats)]
    edit_notebook(project, EDITED_CHAPTER, str(repetition))
    found["notebook_edit"] = build_record(build(project, "--no-pdf"), 1)
    edit_csv_row(project, str(repetition))
    found["csv_edit"] = build_record(build(project, "--no-pdf"), chapters)
    shutil.rmtree(project, ignore_errors=True)
    return found


def ours_pdf(repetition: int, chapters: int) -> dict[str, Any]:
    """Cold build of HTML and PDF, then a no-op rebuild of both."""
    project = fresh_copy(f"pdf-{repetition}")
    found = {"cold_pdf": build_record(build(project), chapters)}
    found["noop_pdf"] = build_record(build(project), 0)
    shutil.rmtree(project, ignore_errors=True)
    return found


def ours_serial(repetition: int, chapters: int) -> dict[str, Any]:
    """Cold HTML build with one chapter at a time."""
    project = fresh_copy(f"serial-{repetition}")
    found = {"cold_html_jobs1": build_record(build(project, "--no-pdf", "--jobs", "1"), chapters)}
    shutil.rmtree(project, ignore_errors=True)
    return found


# ----------------------------------------------------------------------------------------------
# The anchor: Jupyter Book's own execution
# ----------------------------------------------------------------------------------------------

STAGE_SCRIPT = (
    "import pathlib, time; t = time.perf_counter();"
    "from helpers.evidence import load; from helpers.render.seed_pages import write_generated;"
    "write_generated(load('data'), pathlib.Path('chapters'));"
    "print(round(time.perf_counter() - t, 3))"
)


def anchor_copy(name: str, mode: str) -> tuple[Path, float]:
    """A copy set up for Jupyter Book to execute the chapters itself; and its staging time.

    ``_config.yml`` gets ``execute_notebooks: <mode>`` and the build's cell timeout. The pages
    the build generates (one per seed, ``chapters/generated/``) are written into the copy's
    ``chapters/`` by :func:`helpers.render.seed_pages.write_generated`. Chapters run with their
    default parameters, so they write their tables to ``<copy>/_build/tables``; the pages link
    them as ``../../tables`` from ``chapters/``, hence ``tables`` beside the copy is a link to it.
    """
    import yaml

    base = RUNS / name
    shutil.rmtree(base, ignore_errors=True)
    base.mkdir(parents=True)
    book = fresh_copy(name, under=base / "book")
    (base / "tables").symlink_to(Path("book") / "_build" / "tables")
    config_path = book / "_config.yml"
    config = yaml.safe_load(config_path.read_text(encoding="utf-8"))
    config["execute"].update(execute_notebooks=mode, timeout=CELL_TIMEOUT)
    config_path.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    staged = python_output(book, STAGE_SCRIPT, timeout=600)
    return book, float(staged.split()[-1])


def jupyter_book(book: Path, env: dict[str, str]) -> Timed:
    """``jupyter-book build`` of ``book`` with the build's strictness (``-W -n --keep-going``)."""
    command = [JUPYTER_BOOK, "build", "book", "--builder", "html", "-W", "-n", "--keep-going"]
    return run_timed(command, cwd=book.parent, env=env)


def anchor_record(run: Timed, staging: float) -> dict[str, Any]:
    """What one Jupyter Book build took."""
    record: dict[str, Any] = {
        "seconds": run.seconds,
        "cpu_seconds": run.cpu_seconds,
        "load_average": round(run.load_average, 2),
        "status": run.status,
        "staging_seconds": staging,
    }
    if run.status != 0:
        record["problems"] = [run.text()[-3000:]]
    return record


def anchor(repetition: int, noop_repeats: int) -> dict[str, Any]:
    """Jupyter Book's ``force`` execution, and its ``cache`` execution cold then warm."""
    book, staging = anchor_copy(f"anchor-force-{repetition}", "force")
    env = tool_environment(book)
    found: dict[str, Any] = {"anchor_force": anchor_record(jupyter_book(book, env), staging)}
    shutil.rmtree(book.parent, ignore_errors=True)
    book, staging = anchor_copy(f"anchor-cache-{repetition}", "cache")
    env = tool_environment(book)
    found["anchor_cache_cold"] = anchor_record(jupyter_book(book, env), staging)
    found["anchor_cache_warm"] = [
        anchor_record(jupyter_book(book, env), 0.0) for _ in range(noop_repeats)
    ]
    shutil.rmtree(book.parent, ignore_errors=True)
    return found
