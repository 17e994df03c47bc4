"""The results: the machine they were measured on, the summary of each scenario, the targets and
the table of ``benchmarks/README.md``."""

from __future__ import annotations

import math
import platform
from importlib import metadata
from pathlib import Path
from typing import Any

from projects import CORES, EDITED_CHAPTER, EDITED_TABLE, PACKAGES, README, README_END, README_START
from scaling import FLOOR_IMPORTS
from timing import summary

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
        "| Size | Events | Evidence | Sources | Import `helpers.evidence` | Load, first call | "
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
