"""Build the book: validate, execute the chapters that changed, stage, compile HTML and PDF.

The steps, for one book (see :mod:`helpers.build.paths`):

1. check the data (every problem at once) and the parameters, before any chapter runs
   (:mod:`helpers.build.plan`);
2. take the build lock (one build at a time per checkout, see :mod:`helpers.build.lock`);
3. execute, in parallel, each chapter whose cache key changed (see :mod:`helpers.build.cache`),
   with papermill, the working directory ``chapters/`` and ``tables_dir`` set to the book's
   tables;
4. stage the book (:mod:`helpers.build.staging`) and run Jupyter Book for the HTML and the PDF
   unless the staged book is the one they were last built from.

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

import helpers
from helpers.build.cache import ChapterCache, Stamp, chapter_key, input_digest
from helpers.build.environment import source_date_epoch, tool_environment
from helpers.build.errors import BuildError
from helpers.build.files import remove_tree, sha256_file, write_atomic
from helpers.build.jupyter_book import BookResult, JupyterBook
from helpers.build.kernels import ChapterResult, ChapterRun, execute_chapter
from helpers.build.lock import exclusive
from helpers.build.paths import Paths
from helpers.build.plan import BuildOptions, Plan, plan
from helpers.build.processes import ChildProcesses
from helpers.build.staging import prune, stage_pages, staged_digest
from helpers.evidence import release
from helpers.evidence.location import shown

Printer = Callable[[str], None]


@dataclass
class BuildSummary:
    """What a build did."""

    paths: Paths
    executed: list[str] = field(default_factory=list)
    cached: list[str] = field(default_factory=list)
    book_assembled: bool = False
    html_built: bool = False
    pdf_built: bool = False


@dataclass(frozen=True)
class ChapterJob:
    """One chapter to execute, and the cache key its results are recorded under."""

    run: ChapterRun
    key: str


def _line(status: str, name: str, seconds: float) -> str:
    return f"  {status:<9} {name:<20} {seconds:6.1f} s"


class BuildSession:
    """One build under the lock: the plan, the child processes it starts, their environment,
    where progress is printed, and what has been done so far."""

    def __init__(self, plan: Plan, options: BuildOptions, children: ChildProcesses, out: Printer):
        self.plan = plan
        self.options = options
        self.paths = plan.paths
        self.children = children
        self.out = out
        self.cache = ChapterCache(self.paths.book)
        self.environment = tool_environment(self.paths, source_date_epoch(self.paths))
        self.summary = BuildSummary(self.paths)

    # -- chapters ------------------------------------------------------------------------------

    def _keys(self) -> dict[str, str]:
        """Each chapter's cache key."""
        paths = self.paths
        data_dir = (paths.chapters_dir / next(iter(self.plan.resolved.values())).data_dir).resolve()
        shared = input_digest(
            data_dir,
            paths.seeds_dir,
            Path(helpers.__file__).parent,
            paths.requirements_file,
            release.version(paths.root),
        )
        return {
            chapter: chapter_key(
                paths.notebook(chapter), self.plan.resolved[chapter].as_dict(), shared
            )
            for chapter in self.plan.chapters
        }

    def _job(self, chapter: str, key: str) -> ChapterJob:
        paths = self.paths
        declared = self.plan.resolved[chapter].as_dict()
        run = ChapterRun(
            chapter=chapter,
            source=paths.notebook(chapter),
            output=paths.work / f"{chapter}.ipynb",
            working_dir=paths.chapters_dir,
            injected={n: declared[n] for n in self.plan.injected_names if n in declared},
            log=paths.logs / f"{chapter}.log",
        )
        return ChapterJob(run, key)

    def _execute_job(self, job: ChapterJob) -> ChapterResult:
        """Execute one chapter and store its results: entry last, only on success."""
        chapter, paths = job.run.chapter, self.paths
        self.cache.forget(chapter)
        paths.staged_notebook(chapter).unlink(missing_ok=True)
        remove_tree(paths.tables / chapter)
        remove_tree(paths.failed / f"{chapter}.ipynb")
        result = execute_chapter(job.run, self.children, self.environment)
        if result.ok and result.notebook is not None:
            from helpers.build.notebooks import to_bytes  # imports nbformat: once a chapter ran

            staged = paths.staged_notebook(chapter)
            write_atomic(staged, to_bytes(result.notebook))
            self.cache.record(
                chapter, job.key, result.seconds, files=[staged], folders=[paths.tables / chapter]
            )
            job.run.output.unlink(missing_ok=True)
        elif result.partial is not None:
            kept = paths.failed / f"{chapter}.ipynb"
            kept.parent.mkdir(parents=True, exist_ok=True)
            os.replace(result.partial, kept)
            result.partial = kept
        return result

    def _failure_message(self, result: ChapterResult, job: ChapterJob) -> str:
        kept = ""
        if result.partial is not None:
            kept = f"; the partly executed notebook is kept at {shown(result.partial)}"
        return (
            f"chapter {result.chapter} failed: {result.problem}{kept} (log: {shown(job.run.log)})"
        )

    def execute(self, jobs: list[ChapterJob], workers: int) -> None:
        """Execute ``jobs``, ``workers`` at a time; raises naming every chapter that failed."""
        failures = []
        with ThreadPoolExecutor(max_workers=workers) as pool:
            futures: dict[Future[ChapterResult], ChapterJob] = {
                pool.submit(self._execute_job, job): job for job in jobs
            }
            try:
                for future in as_completed(futures):
                    job = futures[future]
                    result = future.result()
                    status = "executed" if result.ok else "FAILED"
                    self.out(_line(status, result.chapter, result.seconds))
                    if result.ok:
                        self.summary.executed.append(result.chapter)
                    else:
                        failures.append(self._failure_message(result, job))
            except BaseException:
                self.children.stop_all()
                pool.shutdown(wait=True, cancel_futures=True)
                raise
        if failures:
            count = len(failures)
            raise BuildError(
                f"{count} chapter{'s' if count != 1 else ''} failed; fix the cell and build "
                "again (the other chapters stay cached)",
                details=failures,
            )

    # -- the book ------------------------------------------------------------------------------

    def _book_inputs(self, staged: str, builder: str) -> str:
        requirements = self.paths.requirements_file
        pins = sha256_file(requirements) if requirements.is_file() else ""
        return hashlib.sha256(f"{builder}\0{staged}\0{pins}".encode()).hexdigest()

    def _compile_if_changed(
        self, builder: str, inputs: str, output: Path, compile_: Callable[[bool], BookResult]
    ) -> bool:
        """Run ``compile_(fresh)`` for ``builder`` unless its stamp matches ``inputs`` and
        ``output`` exists; whether it ran. The stamp is cleared first and written only once the
        output is checked, so an interrupted run is never trusted (and the next one starts
        fresh)."""
        stamp = Stamp(self.paths.cache / f"{builder}.json")
        if stamp.matches(inputs) and output.is_file():
            self.out(f"  {builder:<10}unchanged: Jupyter Book not run")
            return False
        fresh = not stamp.path.exists()  # no stamp: first build, or one was interrupted
        stamp.clear()
        result = compile_(fresh)
        if result.problem is not None:
            raise BuildError(
                f"{result.problem}; the logs are in {shown(self.paths.logs)}",
                details=result.details,
            )
        stamp.write(inputs)
        self.out(_line("built", builder, result.seconds))
        return True

    def compile_book(self) -> None:
        """Run Jupyter Book for the HTML (and the PDF) unless the staged book is unchanged."""
        paths = self.paths
        book = JupyterBook(self.children, self.environment)
        staged = staged_digest(paths.staged)
        self.summary.html_built = self._compile_if_changed(
            "html",
            self._book_inputs(staged, "html"),
            paths.html / "index.html",
            lambda fresh: book.html(
                paths.staged,
                paths.html,
                paths.doctrees / "html",
                fresh=fresh,
                log=paths.logs / "html.log",
            ),
        )
        if self.options.pdf:
            self.summary.pdf_built = self._compile_if_changed(
                "pdf",
                self._book_inputs(staged, "pdf"),
                paths.pdf,
                lambda fresh: book.pdf(
                    paths.staged,
                    paths.latex,
                    paths.doctrees / "latex",
                    paths.pdf,
                    fresh=fresh,
                    log=paths.logs / "pdf.log",
                ),
            )

    # -- the whole build -------------------------------------------------------------------------

    def run(self) -> BuildSummary:
        """Execute what changed, stage the book and compile it."""
        paths, plan, out = self.paths, self.plan, self.out
        remove_tree(paths.work)
        paths.work.mkdir(parents=True)
        keys = self._keys()
        valid = {c for c in plan.chapters if self.cache.valid_entry(c, keys[c])}
        to_run = [c for c in plan.selected if self.options.force or c not in valid]
        for chapter in plan.selected:
            if chapter not in to_run:
                out(_line("cached", chapter, 0.0))
                self.summary.cached.append(chapter)

        if to_run:
            workers = min(self.options.jobs or len(os.sched_getaffinity(0)) or 1, len(to_run))
            out(
                f"executing {len(to_run)} chapter{'s' if len(to_run) != 1 else ''}, "
                f"{workers} at a time: {', '.join(to_run)}"
            )
            self.execute([self._job(c, keys[c]) for c in to_run], workers)

        stale = [c for c in plan.chapters if c not in plan.selected and c not in valid]
        if stale:
            out(
                f"book not assembled: {', '.join(stale)} not executed with these inputs "
                "(build without --chapters to run them)"
            )
            return self.summary

        selection = plan.resolved[plan.chapters[0]]  # the parameters every chapter shares
        wanted = stage_pages(
            paths, plan.dataset, paths.staged, paths.work / "seed-pages", selection
        )
        wanted += [paths.staged_notebook(c).relative_to(paths.staged) for c in plan.chapters]
        prune(paths.staged, wanted)
        self.summary.book_assembled = True
        self.compile_book()
        out(f"HTML: {shown(paths.html / 'index.html')}")
        if self.options.pdf:
            out(f"PDF:  {shown(paths.pdf)}")
        return self.summary


def build(options: BuildOptions, out: Printer = print) -> BuildSummary:
    """Build the book as ``options`` say, printing progress with ``out``.

    Raises :class:`~helpers.build.errors.BuildError` for bad data, a missing tool, a failed
    chapter or a failed Jupyter Book step, and
    :class:`~helpers.analysis.params.ParameterError` for bad parameters, the first three before
    any chapter runs.
    """
    checked = plan(options)
    paths = checked.paths
    if paths.is_variant:
        values = ", ".join(
            f"{name}={','.join(value) if isinstance(value, list) else value}"
            for name, value in sorted(checked.changed.items())
        )
        out(
            f"building the book with {values} in {shown(paths.book)}/ "
            "(the default book is not touched)"
        )

    def announce_wait() -> None:
        out(f"waiting for another build of this project to finish (lock: {shown(paths.lock_file)})")

    with exclusive(paths.lock_file, announce_wait) as lock:
        children = ChildProcesses(keep_open=[lock])
        try:
            return BuildSession(checked, options, children, out).run()
        except BaseException:
            children.stop_all()
            raise
