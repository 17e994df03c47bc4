"""Whole-book builds on copies of the project: outputs, incremental rebuilds and reliability.

The session's default book (HTML and PDF) is built once; tests that change something work on a
copy of that built project, ``_build/`` included.
"""

from __future__ import annotations

import csv
import os
import queue
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from html.parser import HTMLParser
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell
from support.project import BuiltBook, cached_lines, executed_lines, run_helpers

from helpers.build.files import sha256_file, tree_hashes
from helpers.chapters.contents import chapter_names, toc_entries

pytestmark = pytest.mark.build


def chapters_of(project: Path) -> list[str]:
    return chapter_names(project)


def build_ok(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    result = run_helpers(project, "build", *args)
    assert result.returncode == 0, result.stdout + result.stderr
    return result


def touch_data(project: Path) -> None:
    """Change the bytes of one CSV without changing its data (a blank line is skipped)."""
    path = project / "data" / "figures.csv"
    path.write_bytes(path.read_bytes() + b"\n")


def build_files(build_dir: Path) -> dict[str, str]:
    """The hashes of every file of the default book (variants, lock and tool caches left out)."""
    return {
        path.relative_to(build_dir).as_posix(): sha256_file(path)
        for path in sorted(build_dir.rglob("*"))
        if path.is_file()
        and path.relative_to(build_dir).parts[0] not in ("variants", ".cache", ".lock")
    }


def pdf_text(pdf: Path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.fail("pdftotext is missing: `make test` installs poppler-utils")
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    return " ".join(text.replace("\u2019", "'").split()).casefold()


def page_title(path: Path) -> str:
    """The first level-one heading of a markdown page or notebook."""
    if path.suffix == ".ipynb":
        notebook = nbformat.read(path, as_version=4)
        text = "\n".join(c.source for c in notebook.cells if c.cell_type == "markdown")
    else:
        text = path.read_text(encoding="utf-8")
    match = re.search(r"^# (.+)$", text, flags=re.MULTILINE)
    assert match, f"{path.name} has no title"
    return match.group(1).strip()


def last_year(row: dict[str, str]) -> int | None:
    """The last year a row of a table covers (a decade runs nine years past its first)."""
    starts = [row.get("year", ""), row.get("date", "")]
    years = [int(value[:4]) for value in starts if value[:4].isdigit()]
    if not years:
        return None
    if row.get("date_precision") == "decade":
        years.append(years[0] + 9)
    if row.get("end_date", "")[:4].isdigit():
        years.append(int(row["end_date"][:4]))
    return max(years)


class ImageSources(HTMLParser):
    """The ``src`` of every ``<img>`` of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.sources: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "img":
            self.sources.extend(value for name, value in attrs if name == "src" and value)


# ----------------------------------------------------------------------------------------------
# The default book
# ----------------------------------------------------------------------------------------------


def test_build_executes_every_chapter_and_says_where_the_book_is(built_book: BuiltBook) -> None:
    output = built_book.result.stdout
    assert sorted(executed_lines(output)) == sorted(chapters_of(built_book.project))
    assert "HTML: _build/html/index.html" in output
    assert "PDF:  _build/pdf/book.pdf" in output
    assert (built_book.build_dir / "pdf" / "book.pdf").is_file()


def test_html_page_for_every_toc_entry(built_book: BuiltBook) -> None:
    html = built_book.build_dir / "html"
    staged = built_book.build_dir / "executed"
    for entry in toc_entries(built_book.project):
        if entry.is_glob:
            pages = [p for p in staged.glob(entry.name) if p.suffix in (".md", ".ipynb")]
            assert pages, f"no staged page matches {entry.name}"
            for page in pages:
                assert (html / page.relative_to(staged).with_suffix(".html")).is_file()
        else:
            assert (html / f"{entry.name}.html").is_file(), entry.name
    assert (html / "index.html").is_file()


def test_seed_pages_one_per_source(built_book: BuiltBook) -> None:
    with (built_book.project / "data" / "sources.csv").open(encoding="utf-8") as stream:
        sources = [row["source_id"] for row in csv.DictReader(stream)]
    pages = built_book.build_dir / "html" / "chapters" / "sources"
    for source_id in sources:
        assert (pages / f"{source_id}.html").is_file()


def test_pdf_holds_every_chapter_title(built_book: BuiltBook) -> None:
    text = pdf_text(built_book.build_dir / "pdf" / "book.pdf")
    _root, *chapters = toc_entries(built_book.project)  # the root page is the preface
    for entry in chapters:
        if entry.is_glob:
            continue
        source = next((built_book.project / entry.name).parent.glob(f"{Path(entry.name).name}.*"))
        title = " ".join(page_title(source).replace("\u2019", "'").split()).casefold()
        assert title in text, f"{title!r} is not in the PDF"


def test_figures_are_in_the_html_and_the_pdf(built_book: BuiltBook) -> None:
    html = built_book.build_dir / "html"
    figures: set[str] = set()
    for page in (html / "chapters").rglob("*.html"):
        parser = ImageSources()
        parser.feed(page.read_text(encoding="utf-8"))
        for source in parser.sources:
            if source.startswith(("http:", "https:", "data:")):
                continue
            target = (page.parent / source).resolve()
            assert target.is_file(), f"{page.name} shows a missing image {source}"
            figures.add(target.name)
    if shutil.which("pdfimages") is None:
        pytest.fail("pdfimages is missing: `make test` installs poppler-utils")
    listing = subprocess.run(
        ["pdfimages", "-list", str(built_book.build_dir / "pdf" / "book.pdf")],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()[2:]
    assert len(listing) >= len(figures)


def test_every_chapter_writes_its_tables(built_book: BuiltBook) -> None:
    tables = built_book.build_dir / "tables"
    for chapter in chapters_of(built_book.project):
        written = sorted((tables / chapter).glob("*.csv"))
        assert written, f"{chapter} wrote no CSV under _build/tables/{chapter}/"
        for path in written:
            assert path.read_text(encoding="utf-8").splitlines()[0], f"{path} has no header"


def test_parameter_cells_are_hidden_from_readers(built_book: BuiltBook) -> None:
    for page in (built_book.build_dir / "html" / "chapters").glob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "tables_dir" not in text, page.name
        assert "injected-parameters" not in text, page.name
        assert "params.validate" not in text, page.name
    assert "tables_dir" not in pdf_text(built_book.build_dir / "pdf" / "book.pdf")


def test_build_never_writes_into_the_sources(built_book: BuiltBook) -> None:
    assert built_book.sources_after == built_book.sources_before


def test_executed_notebooks_carry_no_machine_paths(built_book: BuiltBook) -> None:
    for path in (built_book.build_dir / "executed" / "chapters").glob("*.ipynb"):
        text = path.read_text(encoding="utf-8")
        assert str(built_book.project) not in text, path.name
        assert '"duration"' not in text and '"start_time"' not in text, path.name


# ----------------------------------------------------------------------------------------------
# Incremental rebuilds
# ----------------------------------------------------------------------------------------------


def test_second_build_executes_nothing_and_skips_jupyter_book(warm_project: Path) -> None:
    started = time.monotonic()
    result = build_ok(warm_project)
    assert executed_lines(result.stdout) == []
    assert sorted(cached_lines(result.stdout)) == sorted(chapters_of(warm_project))
    assert "html      unchanged" in result.stdout
    assert "pdf       unchanged" in result.stdout
    print(f"no-op rebuild: {time.monotonic() - started:.1f} s")


def test_changed_csv_reexecutes_the_chapters(warm_project: Path) -> None:
    touch_data(warm_project)
    result = build_ok(warm_project, "--no-pdf")
    assert sorted(executed_lines(result.stdout)) == sorted(chapters_of(warm_project))


def test_changed_notebook_reexecutes_only_that_chapter(warm_project: Path) -> None:
    path = warm_project / "chapters" / "energy_deals.ipynb"
    notebook = nbformat.read(path, as_version=4)
    notebook.cells.append(new_markdown_cell("A sentence added by an edit.", id="edit"))
    nbformat.write(notebook, path)
    result = build_ok(warm_project, "--no-pdf")
    assert executed_lines(result.stdout) == ["energy_deals"]
    others = [c for c in chapters_of(warm_project) if c != "energy_deals"]
    assert sorted(cached_lines(result.stdout)) == sorted(others)
    page = warm_project / "_build" / "html" / "chapters" / "energy_deals.html"
    assert "A sentence added by an edit." in page.read_text(encoding="utf-8")


def test_other_parameters_build_a_separate_book(warm_project: Path) -> None:
    default_before = build_files(warm_project / "_build")
    result = build_ok(warm_project, "--no-pdf", "-p", "start_year", "2015")
    root = warm_project / "_build" / "variants" / "start_year-2015"
    assert "_build/variants/start_year-2015/" in result.stdout
    assert (root / "html" / "index.html").is_file()
    assert sorted(executed_lines(result.stdout)) == sorted(chapters_of(warm_project))
    assert build_files(warm_project / "_build") == default_before

    notebook = nbformat.read(root / "executed" / "chapters" / "chronology.ipynb", as_version=4)
    assert notebook.metadata["papermill"]["parameters"]["start_year"] == 2015
    years_checked = 0
    for table in (root / "tables" / "chronology").glob("*.csv"):
        with table.open(encoding="utf-8") as stream:
            for row in csv.DictReader(stream):
                if last_year(row) is not None:
                    assert last_year(row) >= 2015, f"{table.name}: {row}"  # type: ignore[operator]
                    years_checked += 1
    assert years_checked, "the chronology's tables show no year or date to check"

    # A key finding that rests on years before 2015 (the only trade figures are of 2003–2008)
    # is shown as not holding for this selection, in the variant's introduction only.
    variant_intro = (root / "html" / "chapters" / "intro.html").read_text(encoding="utf-8")
    default_intro = (warm_project / "_build" / "html" / "chapters" / "intro.html").read_text(
        encoding="utf-8"
    )
    assert "Not so for this selection" in variant_intro
    assert "Not so for this selection" not in default_intro


# ----------------------------------------------------------------------------------------------
# Failures, interruptions, concurrency, determinism
# ----------------------------------------------------------------------------------------------


def test_failing_cell_names_chapter_cell_and_exception(warm_project: Path) -> None:
    path = warm_project / "chapters" / "military_ties.ipynb"
    original = path.read_bytes()
    notebook = nbformat.read(path, as_version=4)
    position = 1 + next(
        i for i, cell in enumerate(notebook.cells) if "params.validate(" in cell.source
    )
    notebook.cells.insert(
        position, new_code_cell('raise RuntimeError("deliberate failure")', id="fails")
    )
    nbformat.write(notebook, path)

    failed = run_helpers(warm_project, "build", "--no-pdf")
    assert failed.returncode == 1
    assert "Traceback" not in failed.stderr
    assert (
        f"chapter military_ties failed: cell index {position} "
        '(`raise RuntimeError("deliberate failure")`) raised RuntimeError: deliberate failure'
    ) in failed.stderr
    partial = warm_project / "_build" / "failed" / "military_ties.ipynb"
    assert "_build/failed/military_ties.ipynb" in failed.stderr
    assert "deliberate failure" in partial.read_text(encoding="utf-8")
    assert not (warm_project / "_build" / "cache" / "military_ties.json").exists()

    path.write_bytes(original)
    fixed = build_ok(warm_project, "--no-pdf")
    assert executed_lines(fixed.stdout) == ["military_ties"]
    assert not partial.exists()


def start_build(project: Path, *args: str) -> tuple[subprocess.Popen[str], queue.Queue[str]]:
    """Start a build in the background; its output lines arrive on the queue.

    It starts as a script's background job does, with SIGINT ignored (``trap '' INT``, kept
    across ``exec``): the build must still stop on SIGINT.
    """
    ignoring_sigint = ["sh", "-c", 'trap "" INT; exec "$0" "$@"']
    process = subprocess.Popen(
        [*ignoring_sigint, sys.executable, "-m", "helpers", "build", *args],
        cwd=project,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    lines: queue.Queue[str] = queue.Queue()

    def pump() -> None:
        assert process.stdout is not None
        for line in process.stdout:
            lines.put(line)

    threading.Thread(target=pump, daemon=True).start()
    return process, lines


def wait_for_line(lines: queue.Queue[str], prefix: str, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if lines.get(timeout=1).startswith(prefix):
                return
        except queue.Empty:
            continue
    pytest.fail(f"the build never printed a line starting with {prefix!r}")


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGKILL], ids=["SIGINT", "SIGKILL"])
def test_interrupted_build_leaves_nothing_trusted(
    warm_project: Path, built_book: BuiltBook, signum: int
) -> None:
    process, lines = start_build(warm_project, "--force", "--no-pdf")
    wait_for_line(lines, "executing")
    time.sleep(2)
    os.kill(process.pid, signum)
    status = process.wait(timeout=120)
    assert status == (130 if signum == signal.SIGINT else -signal.SIGKILL)

    rebuilt = build_ok(warm_project, "--no-pdf")
    assert executed_lines(rebuilt.stdout), "the interrupted chapters run again"
    again = build_ok(warm_project, "--no-pdf")
    assert executed_lines(again.stdout) == []
    assert "html      unchanged" in again.stdout
    reference, staged = built_book.build_dir / "executed", warm_project / "_build" / "executed"
    assert tree_hashes(staged) == tree_hashes(reference)
    assert tree_hashes(warm_project / "_build" / "tables") == tree_hashes(
        built_book.build_dir / "tables"
    )
    assert not any((warm_project / "_build" / "work").iterdir())


def test_two_builds_at_once_serialize(warm_project: Path) -> None:
    touch_data(warm_project)
    first, first_lines = start_build(warm_project, "--no-pdf")
    wait_for_line(first_lines, "executing")
    second, second_lines = start_build(warm_project, "--no-pdf")
    assert first.wait(timeout=900) == 0
    assert second.wait(timeout=900) == 0
    second_output = "".join(second_lines.queue)
    assert "waiting for another build" in second_output
    assert executed_lines(second_output) == [], "the second build finds the first one's work"

    after = build_ok(warm_project, "--no-pdf")
    assert executed_lines(after.stdout) == []
    assert "html      unchanged" in after.stdout


def test_two_clean_builds_give_identical_notebooks_and_tables(
    project_copy: Path, built_book: BuiltBook
) -> None:
    build_ok(project_copy, "--no-pdf")
    for folder in ("executed/chapters", "tables"):
        ours = tree_hashes(project_copy / "_build" / folder)
        theirs = tree_hashes(built_book.build_dir / folder)
        assert ours == theirs, folder


def test_chapters_option_runs_only_those_chapters(warm_project: Path) -> None:
    result = build_ok(warm_project, "--no-pdf", "--chapters", "chronology")
    assert cached_lines(result.stdout) == ["chronology"]
    assert "html      unchanged" in result.stdout
    variant = build_ok(
        warm_project, "--no-pdf", "--chapters", "chronology", "-p", "end_year", "2019"
    )
    assert executed_lines(variant.stdout) == ["chronology"]
    assert "book not assembled" in variant.stdout
