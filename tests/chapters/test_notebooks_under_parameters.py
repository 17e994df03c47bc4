"""Every chapter executes as the build executes it (papermill with the engine that evaluates the
inline values, from ``chapters/``), under its defaults and under narrowed parameters, and what it
shows follows the parameters: one source only, and a year range with no events.

What a chapter shows is read from the executed notebook as the book receives it: the markdown
cells with their inline values written in, and the MyST of every output.
"""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import nbformat
import pytest
from support.selections import SOURCES_ONLY, UNSELECTIVE

from helpers import evidence
from helpers.analysis.scope import source_label
from helpers.build.kernels import ENGINE
from helpers.build.notebooks import normalize_executed
from helpers.chapters.contents import chapter_names

ROOT = Path(__file__).resolve().parents[2]
CHAPTERS = chapter_names(ROOT)
VARIANTS = {
    "default": {},
    "one_source": {"sources": ["src-pr-2021"]},
    "no_events": {"start_year": 1930, "end_year": 1940},
}

pytestmark = pytest.mark.build


def shown(notebook: Path) -> str:
    """What the book receives of an executed chapter: its markdown, values written in, and the
    MyST of its outputs."""
    executed = normalize_executed(nbformat.read(notebook, as_version=4))
    parts = []
    for cell in executed.cells:
        if cell.cell_type == "markdown":
            parts.append(cell.source)
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            parts.append(str(data.get("text/markdown", data.get("text/plain", ""))))
    return "\n".join(parts)


def execute(chapter: str, folder: Path, parameters: dict[str, object]) -> str:
    """Run one chapter as the build does; what it shows."""
    output = folder / f"{chapter}.ipynb"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "helpers.build.expressions",
            "--engine",
            ENGINE,
            str(ROOT / "chapters" / f"{chapter}.ipynb"),
            str(output),
            "--cwd",
            str(ROOT / "chapters"),
            "--no-progress-bar",
            "--log-level",
            "ERROR",
            "-y",
            json.dumps({**parameters, "tables_dir": str(folder / "tables")}),
        ],
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    assert result.returncode == 0, f"{chapter} {parameters}: {result.stderr[-3000:]}"
    return shown(output)


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], tuple[str, Path]]:
    """Every chapter under every variant: what it shows, and the folder of its tables."""
    jobs = {}
    folders = {variant: tmp_path_factory.mktemp(variant) for variant in VARIANTS}
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        for variant, parameters in VARIANTS.items():
            for chapter in CHAPTERS:
                jobs[(chapter, variant)] = pool.submit(
                    execute, chapter, folders[variant], parameters
                )
        return {
            key: (job.result(), folders[key[1]] / "tables" / key[0]) for key, job in jobs.items()
        }


def rows(table: Path) -> list[dict[str, str]]:
    with table.open(encoding="utf-8") as stream:
        return list(csv.DictReader(stream))


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_what_a_chapter_shows_follows_the_selection(runs, chapter: str) -> None:
    default, one, empty = (runs[(chapter, variant)][0] for variant in VARIANTS)
    assert default and one and empty
    for text in (default, one, empty):
        assert "{eval}" not in text
    if chapter not in UNSELECTIVE:
        assert one != default
    if chapter not in UNSELECTIVE | SOURCES_ONLY:
        assert empty != default


def test_the_chronology_follows_the_parameters(runs) -> None:
    default, default_tables = runs[("chronology", "default")]
    _, one_tables = runs[("chronology", "one_source")]
    _, empty_tables = runs[("chronology", "no_events")]
    assert len(rows(default_tables / "events.csv")) > len(rows(one_tables / "events.csv")) > 0
    label = source_label(evidence.load(ROOT / "data").sources.loc["src-pr-2021"])
    assert all(label in row["sources"] for row in rows(one_tables / "events.csv"))
    assert rows(empty_tables / "events.csv") == []
    assert "{figure}" in default and ":alt:" in default


def test_the_later_record_is_no_evidence_of_the_articles(runs) -> None:
    """The chapters' counts read the five articles only: the events table of the chronology
    holds no row of the later record."""
    _, tables = runs[("chronology", "default")]
    assert not any(
        row.get("event_id", "").startswith("later-") for row in rows(tables / "events.csv")
    )


def test_a_new_conflicting_attestation_appears_in_the_disagreements(conflicting_data: Path) -> None:
    text = execute("contested_claims", conflicting_data.parent, {"data_dir": str(conflicting_data)})
    assert evidence.load(ROOT / "data").events.at["ev-2003-musharraf-moscow", "title"] in text
    assert "<evi-fdi-900>`" in text  # linked from the source's label
