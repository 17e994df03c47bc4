"""Build the book: validate, execute the chapters that changed, stage, compile HTML and PDF.

The steps, for one build root (see :mod:`helpers.layout`):

1. check the data (every problem at once) and the parameters, before any chapter runs;
2. take the build lock (one build at a time per checkout, see :mod:`helpers.lock`);
3. execute, in parallel, each chapter whose cache key changed (see :mod:`helpers.cache`), with
   papermill, the working directory ``chapters/`` and ``tables_dir`` set to the root's tables;
4. stage the book (:mod:`helpers.staging`) and run Jupyter Book for the HTML and the PDF unless
   the staged book is the one they were last built from.

Nothing is trusted that a killed build may have left half done: notebooks, entries and stamps are
written atomically, an entry only after its outputs, a stamp only after its step succeeded.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import helpers
from helpers import params as chapter_params
from helpers.book import BookResult, build_html, build_pdf, missing_pdf_tools
from helpers.cache import ChapterCache, Stamp, chapter_key, input_digest
from helpers.environment import source_date_epoch, tool_environment
from helpers.errors import BuildError
from helpers.execute import ChapterResult, ChapterRun, execute_chapter
from helpers.files import remove_tree, sha256_file, write_atomic
from helpers.layout import BuildRoot, build_root
from helpers.lock import exclusive
from helpers.processes import ChildProcesses
from helpers.project import Project, chapter_names, find_project
from helpers.staging import prune, stage_pages, staged_digest

if TYPE_CHECKING:
    from helpers.data import Dataset

Printer = Callable[[str], None]

LOCK_FILE = ".lock"
SET_BY_BUILD = ("tables_dir",)
"""Parameters the build sets itself; they cannot be given with ``-p``."""


@dataclass(frozen=True)
class BuildOptions:
    """What to build: parameter overrides (as typed on the command line) and switches."""

    overrides: dict[str, str] = field(default_factory=dict)
    chapters: list[str] | None = None
    force: bool = False
    jobs: int | None = None
    pdf: bool = True


@dataclass
class BuildSummary:
    """What a build did."""

    root: BuildRoot
    executed: list[str] = field(default_factory=list)
    cached: list[str] = field(default_factory=list)
    book_assembled: bool = False
    html_built: bool = False
    pdf_built: bool = False


@dataclass(frozen=True)
class Plan:
    """A checked build: its project, root, chapters and their resolved parameters."""

    project: Project
    root: BuildRoot
    chapters: list[str]
    selected: list[str]
    resolved: dict[str, chapter_params.ChapterParams]
    injected_names: list[str]
    changed: dict[str, object]
    dataset: Dataset


# ----------------------------------------------------------------------------------------------
# Checking the inputs
# ----------------------------------------------------------------------------------------------


def _chapters_relative(project: Project, path: Path) -> str:
    """``path`` relative to ``chapters/`` (the working directory of the kernels), POSIX style."""
    return Path(os.path.relpath(path.resolve(), project.chapters_dir.resolve())).as_posix()


def _user_overrides(project: Project, overrides: dict[str, str]) -> dict[str, object]:
    for name in SET_BY_BUILD:
        if name in overrides:
            raise BuildError(
                f"{name} is set by the build (to the book's tables folder); "
                "it cannot be given with -p"
            )
    values: dict[str, object] = dict(overrides)
    if "data_dir" in values:  # given relative to where the command runs
        values["data_dir"] = _chapters_relative(project, Path(str(values["data_dir"])))
    return values


def _load_dataset(data_dir: Path, shown: str) -> Dataset:
    from helpers.data import DataError, load

    try:
        return load(data_dir)
    except DataError as err:
        count = len(err.problems)
        raise BuildError(
            f"the data in {shown} has {count} problem{'s' if count != 1 else ''}; "
            "no chapter was run",
            details=[str(problem) for problem in err.problems],
        ) from None


def plan(options: BuildOptions) -> Plan:
    """Check the project, the tools, the data and the parameters; where the book goes."""
    project = find_project()
    chapters = chapter_names(project)
    if not chapters:
        raise BuildError("_toc.yml names no chapter notebook under chapters/")
    selected = options.chapters or chapters
    for name in selected:
        if name not in chapters:
            raise BuildError(f"{name!r} is not a chapter; chapters: {', '.join(chapters)}")
    if options.pdf and (missing := missing_pdf_tools()):
        raise BuildError(
            f"the PDF needs {', '.join(missing)}, which {'is' if len(missing) == 1 else 'are'} "
            "not installed; run `make book` to install them, or add --no-pdf for the HTML only"
        )
    overrides = _user_overrides(project, options.overrides)
    default_data_dir = chapter_params.ChapterParams.data_dir
    data_dir = project.chapters_dir / str(overrides.get("data_dir", default_data_dir))
    dataset = _load_dataset(data_dir, project.relative(data_dir))
    user_resolved = chapter_params.resolve_overrides(chapters, overrides, dataset)
    changed = chapter_params.changed_values(user_resolved, overrides)
    root = build_root(project.build_dir, changed)
    overrides["tables_dir"] = _chapters_relative(project, root.tables)
    resolved = chapter_params.resolve_overrides(chapters, overrides, dataset)
    return Plan(project, root, chapters, selected, resolved, list(overrides), changed, dataset)


# ----------------------------------------------------------------------------------------------
# Chapters
# ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ChapterJob:
    """One chapter to execute, and where its results go."""

    run: ChapterRun
    key: str
    root: BuildRoot
    cache: ChapterCache


def _line(status: str, name: str, seconds: float) -> str:
    return f"  {status:<9} {name:<20} {seconds:6.1f} s"


def _execute_job(
    job: ChapterJob, children: ChildProcesses, environment: dict[str, str]
) -> ChapterResult:
    """Execute one chapter and store its results: entry last, only on success."""
    chapter, root = job.run.chapter, job.root
    job.cache.forget(chapter)
    root.staged_notebook(chapter).unlink(missing_ok=True)
    remove_tree(root.tables / chapter)
    remove_tree(root.failed / f"{chapter}.ipynb")
    result = execute_chapter(job.run, children, environment)
    if result.ok and result.notebook is not None:
        from helpers.notebooks import to_bytes  # imports nbformat: only once a chapter has run

        staged = root.staged_notebook(chapter)
        write_atomic(staged, to_bytes(result.notebook))
        job.cache.record(
            chapter, job.key, result.seconds, files=[staged], folders=[root.tables / chapter]
        )
        job.run.output.unlink(missing_ok=True)
    elif result.partial is not None:
        kept = root.failed / f"{chapter}.ipynb"
        kept.parent.mkdir(parents=True, exist_ok=True)
        os.replace(result.partial, kept)
        result.partial = kept
    return result


def _failure_message(result: ChapterResult, job: ChapterJob, project: Project) -> str:
    kept = ""
    if result.partial is not None:
        kept = f"; the partly executed notebook is kept at {project.relative(result.partial)}"
    return (
        f"chapter {result.chapter} failed: {result.problem}{kept} "
        f"(log: {project.relative(job.run.log)})"
    )


def _execute(
    jobs: dict[str, ChapterJob],
    workers: int,
    project: Project,
    children: ChildProcesses,
    environment: dict[str, str],
    out: Printer,
) -> tuple[list[str], list[str]]:
    """Execute the chapters of ``jobs``, ``workers`` at a time; the executed and the failures."""
    executed, failures = [], []
    with ThreadPoolExecutor(max_workers=workers) as pool:
        futures: dict[Future[ChapterResult], ChapterJob] = {
            pool.submit(_execute_job, job, children, environment): job for job in jobs.values()
        }
        try:
            for future in as_completed(futures):
                job = futures[future]
                result = future.result()
                out(_line("executed" if result.ok else "FAILED", result.chapter, result.seconds))
                if result.ok:
                    executed.append(result.chapter)
                else:
                    failures.append(_failure_message(result, job, project))
        except BaseException:
            children.stop_all()
            pool.shutdown(wait=True, cancel_futures=True)
            raise
    return executed, failures


# ----------------------------------------------------------------------------------------------
# The book
# ----------------------------------------------------------------------------------------------


def _book_inputs(staged: str, project: Project, builder: str) -> str:
    pins = sha256_file(project.requirements_file) if project.requirements_file.is_file() else ""
    return hashlib.sha256(f"{builder}\0{staged}\0{pins}".encode()).hexdigest()


def _check(result: BookResult, root: BuildRoot, project: Project) -> None:
    if result.problem is not None:
        raise BuildError(
            f"{result.problem}; the logs are in {project.relative(root.logs)}",
            details=result.details,
        )


def _compile_if_changed(
    builder: str,
    inputs: str,
    output: Path,
    plan: Plan,
    compile_: Callable[[bool], BookResult],
    out: Printer,
) -> bool:
    """Run ``compile_(fresh)`` for ``builder`` unless its stamp matches ``inputs`` and
    ``output`` exists; whether it ran. The stamp is cleared first and written only once the
    output is checked, so an interrupted run is never trusted (and the next one starts fresh)."""
    root = plan.root
    stamp = Stamp(root.cache / f"{builder}.json")
    if stamp.matches(inputs) and output.is_file():
        out(f"  {builder:<10}unchanged: Jupyter Book not run")
        return False
    fresh = not stamp.path.exists()  # no stamp: first build, or one was interrupted
    stamp.clear()
    result = compile_(fresh)
    _check(result, root, plan.project)
    stamp.write(inputs)
    out(_line("built", builder, result.seconds))
    return True


def _compile_book(
    plan: Plan,
    pdf: bool,
    summary: BuildSummary,
    children: ChildProcesses,
    environment: dict[str, str],
    out: Printer,
) -> None:
    project, root = plan.project, plan.root
    staged = staged_digest(root.staged)
    summary.html_built = _compile_if_changed(
        "html",
        _book_inputs(staged, project, "html"),
        root.html / "index.html",
        plan,
        lambda fresh: build_html(
            root.staged,
            root.html,
            root.doctrees / "html",
            fresh=fresh,
            log=root.logs / "html.log",
            children=children,
            environment=environment,
        ),
        out,
    )
    if pdf:
        summary.pdf_built = _compile_if_changed(
            "pdf",
            _book_inputs(staged, project, "pdf"),
            root.pdf,
            plan,
            lambda fresh: build_pdf(
                root.staged,
                root.latex,
                root.doctrees / "latex",
                root.pdf,
                fresh=fresh,
                log=root.logs / "pdf.log",
                children=children,
                environment=environment,
            ),
            out,
        )


# ----------------------------------------------------------------------------------------------
# The build
# ----------------------------------------------------------------------------------------------


def build(options: BuildOptions, out: Printer = print) -> BuildSummary:
    """Build the book as ``options`` say, printing progress with ``out``.

    Raises :class:`~helpers.errors.BuildError` for bad data, a missing tool, a failed chapter or
    a failed Jupyter Book step, and :class:`~helpers.params.ParameterError` for bad parameters,
    the first three before any chapter runs.
    """
    checked = plan(options)
    project, root = checked.project, checked.root
    if root.path != project.build_dir:
        shown = ", ".join(
            f"{name}={','.join(value) if isinstance(value, list) else value}"
            for name, value in sorted(checked.changed.items())
        )
        out(
            f"building the book with {shown} in {project.relative(root.path)}/ "
            "(the default book is not touched)"
        )

    def announce_wait() -> None:
        lock = project.relative(project.build_dir / LOCK_FILE)
        out(f"waiting for another build of this project to finish (lock: {lock})")

    with exclusive(project.build_dir / LOCK_FILE, announce_wait) as lock:
        children = ChildProcesses(keep_open=[lock])
        try:
            return _build_locked(checked, options, children, out)
        except BaseException:
            children.stop_all()
            raise


def _build_locked(
    plan: Plan, options: BuildOptions, children: ChildProcesses, out: Printer
) -> BuildSummary:
    project, root = plan.project, plan.root
    summary = BuildSummary(root)
    remove_tree(root.work)
    root.work.mkdir(parents=True)
    cache = ChapterCache(root.path)
    data_dir = (project.chapters_dir / next(iter(plan.resolved.values())).data_dir).resolve()
    shared = input_digest(
        data_dir, project.seeds_dir, Path(helpers.__file__).parent, project.requirements_file
    )
    keys = {
        chapter: chapter_key(project.notebook(chapter), plan.resolved[chapter].as_dict(), shared)
        for chapter in plan.chapters
    }
    valid = {chapter for chapter in plan.chapters if cache.valid_entry(chapter, keys[chapter])}
    to_run = [c for c in plan.selected if options.force or c not in valid]
    for chapter in plan.selected:
        if chapter not in to_run:
            out(_line("cached", chapter, 0.0))
            summary.cached.append(chapter)

    environment = tool_environment(project, source_date_epoch(project))
    if to_run:
        workers = min(options.jobs or len(os.sched_getaffinity(0)) or 1, len(to_run))
        out(
            f"executing {len(to_run)} chapter{'s' if len(to_run) != 1 else ''}, "
            f"{workers} at a time: {', '.join(to_run)}"
        )
        jobs = {}
        for chapter in to_run:
            declared = plan.resolved[chapter].as_dict()
            run = ChapterRun(
                chapter=chapter,
                source=project.notebook(chapter),
                output=root.work / f"{chapter}.ipynb",
                working_dir=project.chapters_dir,
                injected={name: declared[name] for name in plan.injected_names if name in declared},
                log=root.logs / f"{chapter}.log",
            )
            jobs[chapter] = ChapterJob(run, keys[chapter], root, cache)
        summary.executed, failures = _execute(jobs, workers, project, children, environment, out)
        if failures:
            count = len(failures)
            raise BuildError(
                f"{count} chapter{'s' if count != 1 else ''} failed; fix the cell and build "
                "again (the other chapters stay cached)",
                details=failures,
            )

    stale = [c for c in plan.chapters if c not in plan.selected and c not in valid]
    if stale:
        out(
            f"book not assembled: {', '.join(stale)} not executed with these inputs "
            "(build without --chapters to run them)"
        )
        return summary

    wanted = stage_pages(project, plan.dataset, root.staged, root.work / "seed-pages")
    wanted += [root.staged_notebook(c).relative_to(root.staged) for c in plan.chapters]
    prune(root.staged, wanted)
    summary.book_assembled = True
    _compile_book(plan, options.pdf, summary, children, environment, out)
    out(f"HTML: {project.relative(root.html / 'index.html')}")
    if options.pdf:
        out(f"PDF:  {project.relative(root.pdf)}")
    return summary
