"""The projects the benchmarks build: a snapshot of the checkout, fresh copies of it, the
environment their builds run in, and the settings every measurement shares."""

from __future__ import annotations

import compileall
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from helpers.build.paths import project_files

BENCH_DIR = Path(__file__).resolve().parent
ROOT = BENCH_DIR.parent
WORK = BENCH_DIR / "_work"
SNAPSHOT = WORK / "snapshot"
RUNS = WORK / "runs"
RESULTS = BENCH_DIR / "results.json"
README = BENCH_DIR / "README.md"
README_START = "<!-- results:start -->"
README_END = "<!-- results:end -->"

PYTHON = sys.executable
JUPYTER_BOOK = str(Path(sys.executable).with_name("jupyter-book"))
CORES = len(os.sched_getaffinity(0))
BUILD_TIMEOUT = 1800
CELL_TIMEOUT = 900  # the build's own limit per cell (helpers.build.kernels.CELL_TIMEOUT_SECONDS)
EDITED_CHAPTER = "chronology"
EDITED_TABLE = "actors.csv"
PACKAGES = (
    "jupyter-book",
    "sphinx",
    "myst-nb",
    "papermill",
    "nbclient",
    "ipykernel",
    "jupyter-client",
    "pandas",
    "pandera",
    "matplotlib",
    "jsonschema",
)
GROUPS = ("floor", "load", "builds", "anchor", "scale")


# ----------------------------------------------------------------------------------------------
# Scratch copies of the project
# ----------------------------------------------------------------------------------------------


def snapshot_files(root: Path) -> list[str]:
    """The checkout's files as git sees them (tracked, or untracked and not ignored), without
    the benchmarks themselves."""
    return [name for name in project_files(root) if not name.startswith("benchmarks/")]


def take_snapshot(helpers_dir: Path | None) -> Path:
    """Copy the checkout once into ``_work/snapshot``; every scratch copy starts from it.

    ``helpers_dir``, when given, replaces ``src/helpers`` (to benchmark another version).
    Its sources are compiled, as they are in a checkout that has been used.
    """
    shutil.rmtree(SNAPSHOT, ignore_errors=True)
    for name in snapshot_files(ROOT):
        target = SNAPSHOT / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, target)
    if helpers_dir is not None:
        shutil.rmtree(SNAPSHOT / "src" / "helpers")
        shutil.copytree(helpers_dir, SNAPSHOT / "src" / "helpers")
    compileall.compile_dir(SNAPSHOT / "src", quiet=1)
    return SNAPSHOT


def _without_build(folder: str, names: list[str]) -> list[str]:
    """For ``shutil.copytree``: leave out the snapshot's own ``_build/`` (tool caches)."""
    return ["_build"] if Path(folder) == SNAPSHOT else []


def fresh_copy(name: str, under: Path | None = None) -> Path:
    """A new copy of the snapshot at ``_work/runs/<name>/``, without any build output."""
    target = under or RUNS / name
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(SNAPSHOT, target, symlinks=True, ignore=_without_build)
    return target


def environment(project: Path) -> dict[str, str]:
    """The environment of commands run on ``project``: its own ``helpers`` first."""
    env = dict(os.environ)
    env["PYTHONPATH"] = str(project / "src")
    env["PYTHONUNBUFFERED"] = "1"
    return env


def python_output(project: Path, script: str, timeout: float = 120) -> str:
    """What ``python -c SCRIPT`` prints, run in ``project`` with its own ``helpers``."""
    return subprocess.run(
        [PYTHON, "-c", script],
        cwd=project,
        env=environment(project),
        capture_output=True,
        text=True,
        check=True,
        timeout=timeout,
    ).stdout


def tool_environment(project: Path) -> dict[str, str]:
    """The environment the build gives its kernels (``helpers.build.environment``), for
    ``project``."""
    script = (
        "import json; from helpers.build import environment as e;"
        "from helpers.build.paths import find_project; p = find_project();"
        "print(json.dumps(e.tool_environment(p, e.source_date_epoch(p))))"
    )
    return json.loads(python_output(project, script))


def chapters_of(project: Path) -> list[str]:
    """The chapter notebooks of ``project``, in ``_toc.yml`` order."""
    script = (
        "from helpers.chapters.contents import chapter_names;"
        "print(' '.join(chapter_names(__import__('pathlib').Path.cwd())))"
    )
    return python_output(project, script).split()
