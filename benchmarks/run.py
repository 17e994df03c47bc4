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
   warm) in a scratch copy with the generated pages staged by
   :func:`helpers.render.seed_pages.write_generated`;
7. the floor: a bare kernel start plus ``import pandas, matplotlib, helpers`` (and the first cell
   of a chapter), times the chapters, divided by the CPUs;
8. scale: :func:`helpers.evidence.load` and each chapter's papermill execution on synthetic datasets
   10x, 100x and 1000x the real one (``benchmarks/synthetic.py``).

Results go to ``benchmarks/results.json`` (every timing) and to the table of the README.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from projects import CORES, GROUPS, RESULTS, ROOT, RUNS, SNAPSHOT, chapters_of, take_snapshot
from report import (
    collect,
    growth_exponent,
    machine,
    readme_table,
    scenario_summaries,
    targets,
    update_readme,
)
from scaling import cpu_scaling, floor, scale
from scenarios import anchor, ours_html, ours_pdf, ours_serial

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
