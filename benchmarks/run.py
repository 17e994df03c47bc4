"""Benchmarks of the book's build: what readers and researchers wait for, measured in one run.

Run from the project root with ``make bench`` or ``.venv/bin/python benchmarks/run.py``
(``--quick`` for one repetition and no 1000x chapter runs; ``--help`` for the options). Every
build happens in a scratch copy of the project under ``benchmarks/_work/`` (git-ignored), taken
once at the start from the checkout: the files git tracks or would track, with ``src/`` put first
on ``PYTHONPATH`` so that the copy's own ``helpers`` is the one imported. Nothing is written into
``data/``, ``seeds/`` or ``chapters/``.

What is measured (``benchmarks/README.md`` explains each measurement and holds the table):

1. cold builds (empty ``_build/``): chapters + HTML, and chapters + HTML + PDF;
2. the no-op rebuild; 3. one notebook edited; 4. one CSV row edited;
5. ``--jobs 1`` against the default (one job per CPU);
6. the anchor: the same chapters executed by Jupyter Book itself (``force``; ``cache`` cold then
   warm) in a scratch copy with the generated pages staged by :func:`helpers.pages.write_generated`;
7. the floor: a bare kernel start plus ``import pandas, matplotlib, helpers`` (and the first cell
   of a chapter), times the chapters, divided by the CPUs;
8. scale: :func:`helpers.data.load` and each chapter's papermill execution on synthetic datasets
   10x, 100x and 1000x the real one (``benchmarks/synthetic.py``).

Results go to ``benchmarks/results.json`` (every timing) and to the table of the README.
"""

from __future__ import annotations

import argparse
import compileall
import csv
import io
import json
import math
import os
import platform
import resource
import shutil
import signal
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import Any

import synthetic  # benchmarks/synthetic.py, beside this script

from helpers.project import project_files

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
CELL_TIMEOUT = 900  # the build's own limit per cell (helpers.execute.CELL_TIMEOUT_SECONDS)
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
# Timing commands
# ----------------------------------------------------------------------------------------------


@dataclass
class Timed:
    """One command run to its end: wall and CPU seconds, its output lines with their times."""

    seconds: float
    cpu_seconds: float
    load_average: float
    status: int
    lines: list[tuple[float, str]] = field(default_factory=list)

    def text(self) -> str:
        """The command's output."""
        return "\n".join(line for _, line in self.lines)


def _stop(process: subprocess.Popen[str]) -> None:
    """Interrupt a timed-out command and its process group, then kill what is left."""
    for signum, grace in ((signal.SIGINT, 30.0), (signal.SIGKILL, 0.0)):
        try:
            os.killpg(process.pid, signum)
        except ProcessLookupError:
            return
        try:
            process.wait(timeout=grace or None)
            return
        except subprocess.TimeoutExpired:
            continue


def run_timed(
    command: list[str], *, cwd: Path, env: dict[str, str], timeout: float = BUILD_TIMEOUT
) -> Timed:
    """Run ``command``; its wall time, the CPU time of it and its children, and its output.

    CPU time is the growth of this process's ``RUSAGE_CHILDREN`` (user + system), which counts
    every descendant that has been waited for: kernels, Sphinx, LaTeX.
    """
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    load = os.getloadavg()[0]
    start = time.perf_counter()
    lines: list[tuple[float, str]] = []
    with subprocess.Popen(
        command,
        cwd=cwd,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        stdin=subprocess.DEVNULL,
        text=True,
        bufsize=1,
        start_new_session=True,
    ) as process:
        watchdog = threading.Timer(timeout, _stop, args=(process,))
        watchdog.start()
        assert process.stdout is not None
        for line in process.stdout:
            lines.append((time.perf_counter() - start, line.rstrip("\n")))
        status = process.wait()
        watchdog.cancel()
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return Timed(round(seconds, 3), round(cpu, 3), load, status, lines)


def summary(values: Iterable[float]) -> dict[str, float | int]:
    """Median, minimum, maximum and count of ``values`` (rounded)."""
    data = list(values)
    if not data:
        return {"n": 0}
    return {
        "median": round(statistics.median(data), 3),
        "min": round(min(data), 3),
        "max": round(max(data), 3),
        "n": len(data),
    }


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
    """The environment the build gives its kernels (``helpers.environment``), for ``project``."""
    script = (
        "import json; from helpers import environment as e; from helpers.project import Project;"
        "p = Project(__import__('pathlib').Path.cwd());"
        "print(json.dumps(e.tool_environment(p, e.source_date_epoch(p))))"
    )
    return json.loads(python_output(project, script))


def chapters_of(project: Path) -> list[str]:
    """The chapter notebooks of ``project``, in ``_toc.yml`` order."""
    script = (
        "from helpers.project import Project, chapter_names;"
        "print(' '.join(chapter_names(Project(__import__('pathlib').Path.cwd()))))"
    )
    return python_output(project, script).split()


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
    "from helpers.data import load; from helpers.pages import write_generated;"
    "write_generated(load('data'), pathlib.Path('chapters'));"
    "print(round(time.perf_counter() - t, 3))"
)


def anchor_copy(name: str, mode: str) -> tuple[Path, float]:
    """A copy set up for Jupyter Book to execute the chapters itself; and its staging time.

    ``_config.yml`` gets ``execute_notebooks: <mode>`` and the build's cell timeout. The pages
    the build generates (one per seed, ``chapters/generated/``) are written into the copy's
    ``chapters/`` by :func:`helpers.pages.write_generated`. Chapters run with their default
    parameters, so they write their tables to ``<copy>/_build/tables``; the pages link them as
    ``../../tables`` from ``chapters/``, hence ``tables`` beside the copy is a link to it.
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


# ----------------------------------------------------------------------------------------------
# The floor
# ----------------------------------------------------------------------------------------------

KERNEL_SCRIPT = """
import json, sys, time
from jupyter_client.manager import start_new_kernel
start = time.perf_counter()
manager, client = start_new_kernel(kernel_name="python3", startup_timeout=300)
ready = time.perf_counter()
reply = client.execute_interactive(sys.argv[1], timeout=600, output_hook=lambda message: None)
done = time.perf_counter()
client.stop_channels()
manager.shutdown_kernel(now=True)
print(json.dumps({"start": ready - start, "total": done - start,
                  "status": reply["content"]["status"]}))
"""

FLOOR_IMPORTS = "import pandas, matplotlib, helpers"

SPIN_SCRIPT = """
import time
start = time.perf_counter()
total = 0
for number in range(20_000_000):
    total += number
print(time.perf_counter() - start)
"""


def cpu_scaling(repeats: int) -> dict[str, Any]:
    """How much more CPU-bound work the machine does with one process per CPU than with one.

    The same pure-Python loop runs alone, then ``CORES`` copies at once; the throughput
    factor is ``CORES x time alone / time for all``: ``CORES`` on idle, independent cores.
    """
    alone, together = [], []
    for _ in range(repeats):
        start = time.perf_counter()
        subprocess.run([PYTHON, "-c", SPIN_SCRIPT], check=True, capture_output=True)
        alone.append(time.perf_counter() - start)
        start = time.perf_counter()
        processes = [
            subprocess.Popen([PYTHON, "-c", SPIN_SCRIPT], stdout=subprocess.DEVNULL)
            for _ in range(CORES)
        ]
        for process in processes:
            process.wait()
        together.append(time.perf_counter() - start)
    factor = CORES * statistics.median(alone) / statistics.median(together)
    return {
        "alone": summary(alone),
        "together": summary(together),
        "processes": CORES,
        "throughput_factor": round(factor, 3),
    }


def first_cell(project: Path, chapter: str, tables_dir: Path) -> str:
    """The parameters cell and the first code cell of ``chapter`` (imports, parameters, load)."""
    notebook = json.loads((project / "chapters" / f"{chapter}.ipynb").read_text("utf-8"))
    code = ["".join(c["source"]) for c in notebook["cells"] if c["cell_type"] == "code"]
    return f"{code[0]}\ntables_dir = {str(tables_dir)!r}\n{code[1]}"


def kernel_run(project: Path, code: str, env: dict[str, str]) -> dict[str, Any]:
    """Start a kernel in ``chapters/``, run ``code`` in it; the seconds to ready and to done."""
    run = run_timed([PYTHON, "-c", KERNEL_SCRIPT, code], cwd=project / "chapters", env=env)
    if run.status != 0:
        raise RuntimeError(f"kernel run failed: {run.text()[-2000:]}")
    return json.loads(run.lines[-1][1])


def floor(repeats: int) -> dict[str, Any]:
    """Kernel start + imports, and kernel start + a chapter's first cell, ``repeats`` times.

    One untimed run first, so that matplotlib's font cache and the file cache are warm: the
    floor is what executing a chapter cannot go below.
    """
    project = SNAPSHOT
    env = tool_environment(project)
    env["MPLCONFIGDIR"] = str(WORK / "floor-cache" / "matplotlib")
    env["IPYTHONDIR"] = str(WORK / "floor-cache" / "ipython")
    tables = WORK / "floor-cache" / "tables"
    cell = first_cell(project, EDITED_CHAPTER, tables)
    kernel_run(project, cell, env)
    imports = [kernel_run(project, FLOOR_IMPORTS, env) for _ in range(repeats)]
    cells = [kernel_run(project, cell, env) for _ in range(repeats)]
    return {
        "kernel_start": summary(r["start"] for r in imports),
        "kernel_imports": summary(r["total"] for r in imports),
        "kernel_first_cell": summary(r["total"] for r in cells),
        "first_cell_chapter": EDITED_CHAPTER,
        "raw": {"imports": imports, "first_cell": cells},
    }


# ----------------------------------------------------------------------------------------------
# Loading and validating the data, in process
# ----------------------------------------------------------------------------------------------

LOAD_SCRIPT = """
import json, sys, time
start = time.perf_counter()
import helpers.data
imported = time.perf_counter() - start
loads = []
for _ in range(int(sys.argv[2])):
    start = time.perf_counter()
    helpers.data.load(sys.argv[1])
    loads.append(time.perf_counter() - start)
print(json.dumps({"import": imported, "loads": loads}))
"""


def time_load(data_dir: Path, processes: int, loads: int) -> dict[str, Any]:
    """``helpers.data.load`` timed in ``processes`` fresh interpreters, ``loads`` times each.

    The first call of a process also imports pandera (lazily, on first validation); the later
    calls are the load and validation alone.
    """
    runs = []
    for _ in range(processes):
        run = run_timed(
            [PYTHON, "-c", LOAD_SCRIPT, str(data_dir), str(loads)],
            cwd=SNAPSHOT,
            env=environment(SNAPSHOT),
            timeout=3600,
        )
        if run.status != 0:
            raise RuntimeError(f"load of {data_dir} failed: {run.text()[-2000:]}")
        runs.append(json.loads(run.lines[-1][1]))
    return {
        "import": summary(r["import"] for r in runs),
        "first": summary(r["loads"][0] for r in runs),
        "warm": summary(t for r in runs for t in r["loads"][1:]),
        "raw": runs,
    }


# ----------------------------------------------------------------------------------------------
# Scale: synthetic datasets
# ----------------------------------------------------------------------------------------------


def papermill(
    project: Path, chapter: str, data_dir: Path, out_dir: Path, env: dict[str, str], timeout: float
) -> dict[str, Any]:
    """Execute one chapter with papermill as the build does, on ``data_dir``; timed.

    Paths are given relative to the chapters folder, as the build gives them, so that the
    executed notebook names no folder of this machine.
    """
    chapters_dir = project / "chapters"

    def relative(path: Path) -> str:
        return os.path.relpath(path, chapters_dir)

    parameters = {"data_dir": relative(data_dir), "tables_dir": relative(out_dir / "tables")}
    command = [
        PYTHON,
        "-m",
        "papermill",
        f"{chapter}.ipynb",
        relative(out_dir / f"{chapter}.ipynb"),
        "--cwd",
        ".",
        "--parameters_yaml",
        json.dumps(parameters),
        "--execution-timeout",
        str(CELL_TIMEOUT),
        "--no-progress-bar",
    ]
    run = run_timed(command, cwd=chapters_dir, env=env, timeout=timeout)
    record: dict[str, Any] = {"seconds": run.seconds, "cpu_seconds": run.cpu_seconds}
    if run.seconds >= timeout:
        done, cells = cells_completed(out_dir / f"{chapter}.ipynb")
        record["problem"] = f"stopped after {timeout:.0f} s, {done} of {cells} code cells done"
    elif run.status != 0:
        errors = [line for _, line in run.lines if "Error" in line or "Exception" in line]
        record["problem"] = (errors[-1] if errors else run.text()[-300:]).strip()
    return record


def cells_completed(notebook: Path) -> tuple[int, int]:
    """How many code cells ran to their end in a stopped papermill ``notebook``, of all."""
    try:
        cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    except (OSError, ValueError, KeyError):
        return 0, 0
    code = [c for c in cells if c.get("cell_type") == "code"]
    done = [
        c
        for c in code
        if c.get("metadata", {}).get("papermill", {}).get("end_time")
        and not any(o.get("output_type") == "error" for o in c.get("outputs", []))
    ]
    return len(done), len(code)


def figures_written(tables: Path) -> list[dict[str, Any]]:
    """Every PNG a chapter wrote: its size in pixels and bytes (to look at them after)."""
    from PIL import Image

    found = []
    for path in sorted(tables.rglob("*.png")):
        with Image.open(path) as image:
            width, height = image.size
        found.append(
            {
                "file": path.relative_to(tables).as_posix(),
                "pixels": [width, height],
                "kilobytes": round(path.stat().st_size / 1024),
            }
        )
    return found


def scale(
    factors: list[int],
    chapter_factors: list[int],
    load_runs: dict[int, tuple[int, int]],
    timeouts: dict[int, float],
    chapters: list[str],
) -> dict[str, Any]:
    """Generate each synthetic dataset; time its load, and each chapter on it."""
    project = SNAPSHOT
    env = tool_environment(project)
    found: dict[str, Any] = {"load": {}, "chapters": {}, "rows": {}, "figures": {}}
    real = project / "data"
    found["rows"]["1"] = synthetic.row_counts(real)
    processes, loads = load_runs[1]
    found["load"]["1"] = time_load(real, processes, loads)
    for k in factors:
        out = WORK / "synthetic" / f"x{k}"
        shutil.rmtree(out, ignore_errors=True)
        started = time.perf_counter()
        data_dir = synthetic.make(real, out, k)
        print(f"  {k}x dataset written in {time.perf_counter() - started:.1f} s", flush=True)
        found["rows"][str(k)] = synthetic.row_counts(data_dir)
        processes, loads = load_runs[k]
        found["load"][str(k)] = time_load(data_dir, processes, loads)
        print(f"  {k}x load: {found['load'][str(k)]['warm']}", flush=True)
        if k not in chapter_factors:
            continue
        runs = WORK / "scale-runs" / f"x{k}"
        shutil.rmtree(runs, ignore_errors=True)
        runs.mkdir(parents=True)
        found["chapters"][str(k)] = {}
        for chapter in chapters:
            record = papermill(project, chapter, data_dir, runs, env, timeouts[k])
            found["chapters"][str(k)][chapter] = record
            print(f"  {k}x {chapter}: {record}", flush=True)
        found["figures"][str(k)] = figures_written(runs / "tables")
    return found


# ----------------------------------------------------------------------------------------------
# Summaries, targets and the README table
# ----------------------------------------------------------------------------------------------


def machine() -> dict[str, Any]:
    """The machine and software the benchmark ran on."""
    model = ""
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.is_file():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    memory = ""
    meminfo = Path("/proc/meminfo")
    if meminfo.is_file():
        total_kb = int(meminfo.read_text().split("MemTotal:")[1].split()[0])
        memory = f"{total_kb / 1024 / 1024:.1f} GiB"
    versions = {}
    for package in PACKAGES:
        try:
            versions[package] = metadata.version(package)
        except metadata.PackageNotFoundError:
            versions[package] = "not installed"
    return {
        "cpus": CORES,
        "cpu_model": model or platform.processor(),
        "memory": memory,
        "python": platform.python_version(),
        "system": f"{platform.system()} {platform.release()}",
        "packages": versions,
    }


def collect(runs: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """Flatten the repetitions: each scenario name to its list of runs."""
    flat: dict[str, list[dict[str, Any]]] = {}
    for repetition in runs:
        for name, value in repetition.items():
            flat.setdefault(name, []).extend(value if isinstance(value, list) else [value])
    return flat


def scenario_summaries(flat: dict[str, list[dict[str, Any]]]) -> dict[str, Any]:
    """Median and spread of the wall time, CPU time and phases of each scenario."""
    out = {}
    for name, runs in flat.items():
        ok = [r for r in runs if r["status"] == 0 and not r.get("problems")]
        entry = {
            "seconds": summary(r["seconds"] for r in ok),
            "cpu_seconds": summary(r["cpu_seconds"] for r in ok),
            "failed": len(runs) - len(ok),
        }
        if ok and "execute_seconds" in ok[0]:
            entry["execute_seconds"] = summary(r["execute_seconds"] for r in ok)
            entry["html_seconds"] = summary(r["html_seconds"] for r in ok)
        out[name] = entry
    return out


def _median(results: dict[str, Any], scenario: str, key: str = "seconds") -> float | None:
    value = results.get("scenarios", {}).get(scenario, {}).get(key, {}).get("median")
    return float(value) if value is not None else None


def _ratio(a: float | None, b: float | None) -> float | None:
    return round(a / b, 3) if a is not None and b else None


def _met(value: float | None, limit: str) -> bool | None:
    """Whether ``value`` satisfies ``limit`` (``"<= 0.05"``, ``"< 1"``, ``">= 1.6"``)."""
    if value is None:
        return None
    operator, number = limit.split()
    bound = float(number)
    return {"<=": value <= bound, "<": value < bound, ">=": value >= bound}[operator]


def targets(results: dict[str, Any]) -> list[dict[str, Any]]:
    """Each target of issue 7 with the measured figure and whether it is met."""
    cold = _median(results, "cold_html")
    noop = _median(results, "noop_html")
    edit = _median(results, "notebook_edit")
    serial = _median(results, "cold_html_jobs1", "execute_seconds")
    parallel = _median(results, "cold_html", "execute_seconds")
    floor_seconds = results.get("floor", {}).get("floor_seconds")
    force = _median(results, "anchor_force")
    warm = _median(results, "anchor_cache_warm")
    found = results.get("scale", {})
    load = {k: found.get("load", {}).get(k, {}) for k in ("1", "1000")}
    measured = [
        ("no-op rebuild / cold build (HTML)", _ratio(noop, cold), "<= 0.05"),
        ("one-chapter change / cold build (HTML)", _ratio(edit, cold), "<= 0.4"),
        (f"serial / parallel execution ({CORES} cores)", _ratio(serial, parallel), ">= 1.6"),
        ("cold build (HTML) / floor", _ratio(cold, floor_seconds), "<= 3"),
        ("cold build (HTML) / Jupyter Book force", _ratio(cold, force), "< 1"),
        ("no-op rebuild / Jupyter Book warm cache", _ratio(noop, warm), "< 1"),
        ("load, real data, repeated call (s)", load["1"].get("warm", {}).get("median"), "< 0.3"),
        ("load, real data, first call (s)", load["1"].get("first", {}).get("median"), "< 0.3"),
        ("load, 1000x, repeated call (s)", load["1000"].get("warm", {}).get("median"), "< 10"),
        ("load growth 100x to 1000x (exponent)", found.get("load_growth_exponent"), "<= 1.1"),
    ]
    return [
        {"target": name, "measured": value, "limit": limit, "met": _met(value, limit)}
        for name, value, limit in measured
    ]


def growth_exponent(load: dict[str, Any], small: str = "100", large: str = "1000") -> float | None:
    """``log(t_large / t_small) / log(large / small)``: 1 is linear growth."""
    try:
        a = load[small]["warm"]["median"]
        b = load[large]["warm"]["median"]
    except KeyError:
        return None
    return round(math.log(b / a) / math.log(int(large) / int(small)), 3)


def _fmt(value: float | None, unit: str = " s") -> str:
    if value is None:
        return "—"
    return f"{value:.2f}{unit}" if value < 10 else f"{value:.1f}{unit}"


def _spread(entry: dict[str, Any]) -> str:
    if not entry or not entry.get("n"):
        return "—"
    return f"{_fmt(entry['min'], '')}–{_fmt(entry['max'], '')} (n={entry['n']})"


SCENARIO_LABELS = {
    "cold_html": "Cold build, chapters + HTML (`--no-pdf`, default jobs)",
    "cold_pdf": "Cold build, chapters + HTML + PDF",
    "noop_html": "No-op rebuild (`--no-pdf`)",
    "noop_pdf": "No-op rebuild (HTML + PDF)",
    "notebook_edit": f"One notebook edited ({EDITED_CHAPTER}, markdown text)",
    "csv_edit": f"One CSV row edited ({EDITED_TABLE}, a role)",
    "cold_html_jobs1": "Cold build, chapters + HTML, `--jobs 1`",
    "anchor_force": "Jupyter Book, `execute_notebooks: force`",
    "anchor_cache_cold": "Jupyter Book, `cache`, cold",
    "anchor_cache_warm": "Jupyter Book, `cache`, warm (no change)",
}


def readme_table(results: dict[str, Any]) -> str:
    """The results as markdown tables for the README."""
    m = results.get("machine", {})
    out = [
        f"Last run {results.get('finished', '?')}: `{results.get('command', '?')}`, on "
        f"{m.get('cpus')} CPUs ({m.get('cpu_model')}), {m.get('memory')}, Python "
        f"{m.get('python')}; load average (1 min) before the runs: "
        f"{results.get('load_average_start')}, after: {results.get('load_average_end')}.",
    ]
    measured = results.get("measured_by", {})
    if measured:
        out += [
            "",
            "Groups and the run that measured them: "
            + "; ".join(
                f"{group}: `{entry['command'].strip()}` ({entry['finished']})"
                for group, entry in measured.items()
            )
            + ".",
        ]
    if results.get("scenarios"):
        out += [
            "",
            "| Scenario | Wall, median | Spread (min–max) | CPU, median | Execution phase "
            "| HTML step |",
            "|---|---|---|---|---|---|",
        ]
    for name, label in SCENARIO_LABELS.items():
        entry = results.get("scenarios", {}).get(name)
        if not entry:
            continue
        failed = f" ({entry['failed']} failed)" if entry.get("failed") else ""
        out.append(
            f"| {label}{failed} | {_fmt(entry['seconds'].get('median'))} | "
            f"{_spread(entry['seconds'])} | {_fmt(entry['cpu_seconds'].get('median'))} | "
            f"{_fmt(entry.get('execute_seconds', {}).get('median'))} | "
            f"{_fmt(entry.get('html_seconds', {}).get('median'))} |"
        )
    fl = results.get("floor", {})
    if fl:
        out += [
            "",
            "| Floor | Median | Spread |",
            "|---|---|---|",
            f"| Kernel start | {_fmt(fl['kernel_start']['median'])} | "
            f"{_spread(fl['kernel_start'])} |",
            f"| Kernel start + `{FLOOR_IMPORTS}` | {_fmt(fl['kernel_imports']['median'])} | "
            f"{_spread(fl['kernel_imports'])} |",
            f"| Kernel start + first cell of {fl['first_cell_chapter']} (imports, parameters, "
            f"`load`) | {_fmt(fl['kernel_first_cell']['median'])} | "
            f"{_spread(fl['kernel_first_cell'])} |",
            f"| Floor = imports × {fl['chapters']} chapters ÷ {fl['cores']} cores | "
            f"{_fmt(fl['floor_seconds'])} | |",
            f"| Floor with the first cell | {_fmt(fl['floor_first_cell_seconds'])} | |",
        ]
        scaling = fl.get("cpu_scaling")
        if scaling:
            out.append(
                f"| CPU throughput of {scaling['processes']} processes at once ÷ one "
                f"(pure-Python loop; {scaling['processes']} on idle cores) | "
                f"{scaling['throughput_factor']:.2f}× | alone {_fmt(scaling['alone']['median'])}, "
                f"together {_fmt(scaling['together']['median'])} |"
            )
    out += scale_tables(results.get("scale", {}))
    rows = results.get("targets", [])
    if rows:
        out += ["", "| Target | Measured | Limit | Met |", "|---|---|---|---|"]
        for row in rows:
            met = {True: "yes", False: "**no**", None: "—"}[row["met"]]
            measured = "—" if row["measured"] is None else f"{row['measured']:g}"
            out.append(f"| {row['target']} | {measured} | {row['limit']} | {met} |")
    return "\n".join(out)


def scale_tables(found: dict[str, Any]) -> list[str]:
    """The load and chapter timings per dataset size, as markdown."""
    if not found:
        return []
    factors = sorted(found.get("load", {}), key=int)
    out = [
        "",
        "| Size | Events | Evidence | Sources | Import `helpers.data` | Load, first call | "
        "Load, repeated | s per 1,000 evidence rows |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for k in factors:
        rows = found["rows"][k]
        load = found["load"][k]
        warm = load["warm"].get("median") or load["first"]["median"]
        per = 1000 * warm / rows["evidence"]
        out.append(
            f"| {k}x | {rows['events']:,} | {rows['evidence']:,} | {rows['sources']:,} | "
            f"{_fmt(load['import']['median'])} | {_fmt(load['first']['median'])} | "
            f"{_fmt(load['warm'].get('median'))} | {per:.3f} |"
        )
    chapter_factors = sorted(found.get("chapters", {}), key=int)
    if chapter_factors:
        names = list(found["chapters"][chapter_factors[0]])
        out += [
            "",
            "| Chapter (papermill, alone) | " + " | ".join(f"{k}x" for k in chapter_factors) + " |",
            "|---|" + "---|" * len(chapter_factors),
        ]
        for name in names:
            cells = []
            for k in chapter_factors:
                record = found["chapters"][k].get(name)
                if record is None:
                    cells.append("—")
                elif "problem" in record:
                    cells.append(f"{_fmt(record['seconds'])}: {record['problem'][:60]}")
                else:
                    cells.append(_fmt(record["seconds"]))
            out.append(f"| {name} | " + " | ".join(cells) + " |")
    return out


def update_readme(results: dict[str, Any]) -> None:
    """Replace the README's results section (between its markers) with the new tables."""
    text = README.read_text(encoding="utf-8") if README.is_file() else ""
    block = f"{README_START}\n{readme_table(results)}\n{README_END}"
    if README_START in text and README_END in text:
        head, rest = text.split(README_START, 1)
        text = head + block + rest.split(README_END, 1)[1]
    else:
        text = text.rstrip("\n") + "\n\n## Results\n\n" + block + "\n"
    README.write_text(text, encoding="utf-8")


# ----------------------------------------------------------------------------------------------
# The run
# ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Settings:
    """How much to measure."""

    repeat: int
    noop_repeats: int
    floor_repeats: int
    factors: list[int]
    chapter_factors: list[int]
    chapter_timeout: float
    largest_timeout: float
    groups: list[str]
    quick: bool


def settings_from(args: argparse.Namespace) -> Settings:
    """The settings the command line asks for (``--quick`` lowers every count)."""
    factors = args.scales or [10, 100, 1000]
    chapter_factors = [k for k in factors if not (args.quick and k >= 1000)]
    return Settings(
        repeat=args.repeat or (1 if args.quick else 3),
        noop_repeats=2 if args.quick else 3,
        floor_repeats=3 if args.quick else 5,
        factors=factors,
        chapter_factors=chapter_factors,
        chapter_timeout=args.chapter_timeout,
        largest_timeout=args.largest_timeout,
        groups=args.only or list(GROUPS),
        quick=args.quick,
    )


def step(message: str) -> None:
    """Print a progress line with the time."""
    print(f"[{datetime.now().strftime('%H:%M:%S')}] {message}", flush=True)


Measure = tuple[str, Callable[[int], dict[str, Any]]]
"""A named measurement, called with the number of the repetition."""


def repeated(count: int, measures: list[Measure]) -> list[dict[str, Any]]:
    """Run every measure once per repetition, interleaved, so load from elsewhere spreads."""
    runs = []
    for repetition in range(count):
        for name, measure in measures:
            step(f"repetition {repetition + 1}/{count}: {name}")
            runs.append(measure(repetition))
    return runs


def measure_all(settings: Settings, previous: dict[str, Any]) -> dict[str, Any]:
    """Run the benchmark groups asked for; results of the others are kept from ``previous``."""
    results = dict(previous)
    results["machine"] = machine()
    results["load_average_start"] = round(os.getloadavg()[0], 2)
    chapters = chapters_of(SNAPSHOT)
    count, noop = len(chapters), settings.noop_repeats
    flat = (
        {}
        if "builds" in settings.groups and "anchor" in settings.groups
        else dict(previous.get("runs", {}))
    )
    if "builds" in settings.groups or "anchor" in settings.groups:
        measures: list[Measure] = []
        if "builds" in settings.groups:
            measures += [
                ("ours, HTML: cold, no-op, edits", lambda r: ours_html(r, count, noop)),
                ("ours, HTML + PDF: cold, no-op", lambda r: ours_pdf(r, count)),
                ("ours, HTML, --jobs 1: cold", lambda r: ours_serial(r, count)),
            ]
        if "anchor" in settings.groups:
            measures.append(("Jupyter Book: force; cache cold, warm", lambda r: anchor(r, noop)))
        fresh = collect(repeated(settings.repeat, measures))
        flat.update(fresh)
        results["runs"] = flat
        results["scenarios"] = scenario_summaries(flat)
    if "floor" in settings.groups:
        step("floor: CPU scaling, kernel start + imports")
        found = floor(settings.floor_repeats)
        found["cpu_scaling"] = cpu_scaling(settings.floor_repeats)
        found["chapters"], found["cores"] = count, CORES
        found["floor_seconds"] = round(found["kernel_imports"]["median"] * count / CORES, 3)
        found["floor_first_cell_seconds"] = round(
            found["kernel_first_cell"]["median"] * count / CORES, 3
        )
        results["floor"] = found
    if "load" in settings.groups or "scale" in settings.groups:
        step("scale: synthetic datasets, load and chapters")
        load_runs = {1: (3, 6), 10: (3, 4), 100: (2, 3), 1000: (1, 3)}
        if settings.quick:
            load_runs = {1: (2, 4), 10: (2, 3), 100: (1, 3), 1000: (1, 2)}
        chapter_factors = settings.chapter_factors if "scale" in settings.groups else []
        largest = max(settings.factors)
        timeouts = {
            k: settings.largest_timeout if k == largest and k >= 1000 else settings.chapter_timeout
            for k in settings.factors
        }
        found = scale(settings.factors, chapter_factors, load_runs, timeouts, chapters)
        if not chapter_factors:
            found["chapters"] = previous.get("scale", {}).get("chapters", {})
            found["figures"] = previous.get("scale", {}).get("figures", {})
        found["load_growth_exponent"] = growth_exponent(found["load"])
        results["scale"] = found
    results["load_average_end"] = round(os.getloadavg()[0], 2)
    results["targets"] = targets(results)
    return results


def record_groups(results: dict[str, Any], groups: list[str], command: str, finished: str) -> None:
    """Note which command measured each group and when (``--only`` keeps the others' notes)."""
    measured = results.setdefault("measured_by", {})
    for group in groups:
        measured[group] = {"command": command, "finished": finished}


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """The command line."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--quick",
        action="store_true",
        help="one repetition, fewer no-op and floor runs, no 1000x chapter runs",
    )
    parser.add_argument("--repeat", type=int, help="repetitions of each build (default 3)")
    parser.add_argument(
        "--only",
        nargs="+",
        choices=GROUPS,
        help="measure only these groups; the others are kept from the results file",
    )
    parser.add_argument(
        "--scales", nargs="+", type=int, help="synthetic sizes (default: 10 100 1000)"
    )
    parser.add_argument(
        "--chapter-timeout",
        type=float,
        default=600.0,
        help="seconds a chapter may run on a synthetic dataset (default 600)",
    )
    parser.add_argument(
        "--largest-timeout",
        type=float,
        default=120.0,
        help="the same on the 1000x dataset (default 120: it is reported, not waited for)",
    )
    parser.add_argument(
        "--helpers", type=Path, help="benchmark this copy of the helpers package instead"
    )
    parser.add_argument("--output", type=Path, default=RESULTS, help="the results file")
    parser.add_argument("--no-readme", action="store_true", help="leave the README as it is")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and write the results."""
    args = parse_args(argv)
    settings = settings_from(args)
    previous = json.loads(args.output.read_text("utf-8")) if args.output.is_file() else {}
    started = time.perf_counter()
    step(f"snapshot of {ROOT.name} into {SNAPSHOT.relative_to(ROOT)}")
    shutil.rmtree(RUNS, ignore_errors=True)
    take_snapshot(args.helpers)
    results = measure_all(settings, previous)
    results["settings"] = dict(
        asdict(settings),
        helpers=str(args.helpers or "src/helpers"),
    )
    results["command"] = "python benchmarks/run.py " + " ".join(
        sys.argv[1:] if argv is None else argv
    )
    results["finished"] = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    record_groups(results, settings.groups, results["command"], results["finished"])
    results["total_seconds"] = round(time.perf_counter() - started, 1)
    args.output.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    if not args.no_readme:
        update_readme(results)
    step(f"done in {results['total_seconds']:.0f} s; results in {args.output.name}")
    print(readme_table(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
