"""Every chapter executes under its defaults and under narrowed parameters, and what it glues
into the book follows the parameters: one source only, and a year range with no events.

Chapters run with papermill from ``chapters/`` (as the build runs them), writing their tables
into a temporary folder.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from helpers import evidence
from helpers.analysis import measures as analysis
from helpers.analysis.scope import Scope
from helpers.chapters import registry as params
from helpers.chapters.contents import chapter_names

ROOT = Path(__file__).resolve().parents[2]
CHAPTERS = chapter_names(ROOT)
VARIANTS = {
    "default": {},
    "one_source": {"sources": ["src-pr-2021"]},
    "no_events": {"start_year": 1930, "end_year": 1940},
}

pytestmark = pytest.mark.build


def glued(notebook: Path) -> dict[str, str]:
    """Every glued value of an executed notebook: key → its text (markdown or plain)."""
    values = {}
    for cell in json.loads(notebook.read_text(encoding="utf-8"))["cells"]:
        for output in cell.get("outputs", []):
            name = output.get("metadata", {}).get("scrapbook", {}).get("name")
            if not name:
                continue
            data = {
                k.rsplit("/", 2)[-2] + "/" + k.rsplit("/", 1)[-1]: v
                for k, v in output["data"].items()
            }
            text = data.get("text/markdown") or data.get("text/plain")
            values[name] = "".join(text) if isinstance(text, list) else str(text)
    return values


def execute(chapter: str, folder: Path, parameters: dict[str, object]) -> dict[str, str]:
    """Run one chapter as the build does (papermill, working directory ``chapters/``)."""
    output = folder / f"{chapter}.ipynb"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "papermill",
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
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, f"{chapter} {parameters}: {result.stderr[-3000:]}"
    return glued(output)


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], dict[str, str]]:
    jobs = {}
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        for variant, parameters in VARIANTS.items():
            folder = tmp_path_factory.mktemp(variant)
            for chapter in CHAPTERS:
                jobs[(chapter, variant)] = pool.submit(execute, chapter, folder, parameters)
        return {key: job.result() for key, job in jobs.items()}


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_chapter_glues_something_different_for_each_selection(
    runs: dict[tuple[str, str], dict[str, str]], chapter: str
) -> None:
    default, one, empty = (runs[(chapter, v)] for v in VARIANTS)
    assert default and set(default) == set(one) == set(empty)
    assert "all five sources" in default["about"]
    assert "1 of 5 sources (Fernandez (2021))" in one["about"].replace("\\", "")
    assert "the years 1930–1940" in empty["about"]
    differing = [k for k in default if default[k] != one[k]]
    assert len(differing) >= 2, differing


def test_chronology_counts_follow_the_parameters(
    runs: dict[tuple[str, str], dict[str, str]],
) -> None:
    default = int(runs[("chronology", "default")]["n_events"])
    one = int(runs[("chronology", "one_source")]["n_events"])
    assert default > 60 and 0 < one < default
    assert int(runs[("chronology", "no_events")]["n_events"]) == 0
    empty = runs[("chronology", "no_events")]
    assert empty["summary"].startswith(
        "No dated event of the selection falls between 1930 and 1940"
    )
    assert "figure" not in empty["timeline"] and "No dated events" in empty["timeline"]
    assert "{figure}" in runs[("chronology", "default")]["timeline"]
    assert ":alt: Time line of" in runs[("chronology", "default")]["timeline"]


def test_military_and_energy_follow_the_parameters(
    runs: dict[tuple[str, str], dict[str, str]],
) -> None:
    assert (
        int(runs[("military_ties", "default")]["n_ties"])
        > int(runs[("military_ties", "one_source")]["n_ties"])
        > 0
    )
    assert runs[("military_ties", "no_events")]["n_ties"] == "0"
    assert "No step of military cooperation" in runs[("military_ties", "no_events")]["summary"]
    assert (
        int(runs[("energy_deals", "default")]["n_deals"])
        > int(runs[("energy_deals", "one_source")]["n_deals"])
        > 0
    )
    assert runs[("energy_deals", "no_events")]["n_deals"] == "0"
    assert "$630 million in 2008" in runs[("energy_deals", "default")]["trade"]
    assert (
        "No source in this selection gives a trade figure"
        in runs[("energy_deals", "one_source")]["trade"]
    )


def disagreement_count(data_dir: Path) -> int:
    """How many facts the analysis finds disagreements on, with the default parameters."""
    dataset = evidence.load(data_dir)
    scope = Scope.from_params(dataset, params.validate("contested_claims", {}, dataset))
    return len(analysis.disagreements(scope))


def test_claims_chapters_follow_the_parameters(runs: dict[tuple[str, str], dict[str, str]]) -> None:
    default = runs[("contested_claims", "default")]
    one = runs[("contested_claims", "one_source")]
    assert int(default["n_claims"]) > int(one["n_claims"]) > 0
    assert int(default["n_disagreements"]) == disagreement_count(ROOT / "data") >= 7
    assert int(one["n_disagreements"]) < int(default["n_disagreements"])
    assert "  - readers" in default["matrix_table"] and "readers" not in one["matrix_table"]
    assert "aq = Qureshi \\(2018\\)" in default["matrix_key"]
    assert runs[("contested_claims", "no_events")]["n_claims"] == "0"
    afg = runs[("afghanistan_china", "default")]
    assert (
        int(afg["n_afghanistan_passages"])
        > int(runs[("afghanistan_china", "one_source")]["n_afghanistan_passages"])
        > 0
    )
    assert runs[("afghanistan_china", "no_events")]["n_china_passages"] == "0"


def test_a_new_conflicting_attestation_appears_in_the_disagreement_table(
    conflicting_data: Path,
) -> None:
    values = execute(
        "contested_claims", conflicting_data.parent, {"data_dir": str(conflicting_data)}
    )
    assert int(values["n_disagreements"]) == disagreement_count(ROOT / "data") + 1
    table = values["disagreements_table"]
    assert evidence.load(ROOT / "data").events.at["ev-2003-musharraf-moscow", "title"] in table
    assert "{passage}`evi-fdi-900`" in table
