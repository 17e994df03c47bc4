"""The physical floor of executing the book, and the cost of loading the data and executing the
chapters on synthetic datasets up to 1000 times the real one."""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import time
from pathlib import Path
from typing import Any

import synthetic  # benchmarks/synthetic.py, beside this script
from projects import (
    CELL_TIMEOUT,
    CORES,
    EDITED_CHAPTER,
    PYTHON,
    SNAPSHOT,
    WORK,
    environment,
    tool_environment,
)
from timing import run_timed, summary

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
import helpers.evidence.dataset
imported = time.perf_counter() - start
loads = []
for _ in range(int(sys.argv[2])):
    start = time.perf_counter()
    helpers.evidence.dataset.load(sys.argv[1])
    loads.append(time.perf_counter() - start)
print(json.dumps({"import": imported, "loads": loads}))
"""


def time_load(data_dir: Path, processes: int, loads: int) -> dict[str, Any]:
    """``helpers.evidence.load`` timed in ``processes`` fresh interpreters, ``loads`` times each.

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
