"""Execute one chapter notebook with papermill, in a child process, and report how it went."""

from __future__ import annotations

import json
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from helpers.build.processes import ChildProcesses

ENGINE = "helpers"
"""The papermill engine of :mod:`helpers.build.expressions`."""

if TYPE_CHECKING:
    from nbformat import NotebookNode

# nbformat (and helpers.notebooks, which imports it) is imported when a chapter has run: it
# imports jsonschema's format checkers, about two seconds here, which a build that executes
# no chapter (a no-op) need not wait for.

CELL_TIMEOUT_SECONDS = 900
"""Longest any one cell may run before the chapter fails."""


@dataclass(frozen=True)
class ChapterRun:
    """Everything needed to execute one chapter."""

    chapter: str
    source: Path
    output: Path
    working_dir: Path
    injected: dict[str, object]
    log: Path


@dataclass
class ChapterResult:
    """How the execution of one chapter ended.

    ``notebook`` is the executed notebook, normalized, on success; ``partial`` the path of the
    partly executed notebook on failure, and ``problem`` what went wrong, in one sentence.
    """

    chapter: str
    seconds: float
    notebook: NotebookNode | None = None
    partial: Path | None = None
    problem: str | None = None

    @property
    def ok(self) -> bool:
        """Whether every cell ran without error."""
        return self.problem is None


def papermill_command(run: ChapterRun) -> list[str]:
    """The papermill command line that executes ``run``."""
    return [
        sys.executable,
        "-m",
        "helpers.build.expressions",
        "--engine",
        ENGINE,
        str(run.source),
        str(run.output),
        "--cwd",
        str(run.working_dir),
        "--parameters_yaml",
        json.dumps(run.injected),
        "--execution-timeout",
        str(CELL_TIMEOUT_SECONDS),
        "--no-progress-bar",
    ]


def _last_line(log: Path) -> str:
    try:
        lines = [line.strip() for line in log.read_text(errors="replace").splitlines()]
    except OSError:
        return "no output"
    lines = [line for line in lines if line]
    return lines[-1] if lines else "no output"


def _read(path: Path) -> NotebookNode | None:
    import nbformat

    try:
        return nbformat.read(path, as_version=4)
    except (OSError, ValueError):
        return None


def execute_chapter(
    run: ChapterRun, children: ChildProcesses, environment: dict[str, str]
) -> ChapterResult:
    """Execute ``run`` and return the normalized notebook, or where and why it failed."""
    from helpers.build.notebooks import find_failure, normalize_executed

    started = time.monotonic()
    status = children.run(
        papermill_command(run), cwd=run.working_dir, environment=environment, log=run.log
    )
    seconds = time.monotonic() - started
    executed = _read(run.output)
    if status == 0 and executed is not None:
        return ChapterResult(run.chapter, seconds, notebook=normalize_executed(executed))
    if status < 0:
        return ChapterResult(run.chapter, seconds, problem="stopped before it finished")
    failure = find_failure(executed) if executed is not None else None
    if failure is not None:
        problem = failure.describe()
    else:
        problem = f"papermill stopped with status {status}: {_last_line(run.log)}"
    return ChapterResult(
        run.chapter, seconds, partial=run.output if executed is not None else None, problem=problem
    )
