"""The command line: `validate` exit codes and output; builds refused before any chapter runs."""

from __future__ import annotations

import csv
import io
import re
import subprocess
from pathlib import Path

import pytest
from support.project import run_helpers

from helpers.__main__ import main

PROBLEM_LINE = re.compile(r"^\S+\.csv(:\d+)?: ")


def break_events(project: Path) -> None:
    """Give the first dated event of a copy of the data an impossible month."""
    path = project / "data" / "events.csv"
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))
    dated = next(row for row in rows if row["date"])
    dated["date"] = "2018-13"
    out = io.StringIO(newline="")
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")


def assert_refused_before_running(
    project: Path, result: subprocess.CompletedProcess[str], *needles: str
) -> None:
    """Exit 1, one sentence naming what is wrong, no traceback, nothing built or written."""
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert "executing" not in result.stdout
    for needle in needles:
        assert needle in result.stderr
    assert not (project / "_build").exists()


# ----------------------------------------------------------------------------------------------
# validate
# ----------------------------------------------------------------------------------------------


def test_validate_accepts_the_project_data(project_copy: Path) -> None:
    result = run_helpers(project_copy, "validate")
    assert result.returncode == 0, result.stdout
    assert result.stdout.strip() == "the data is valid"


def test_validate_lists_every_problem_and_exits_1(project_copy: Path) -> None:
    break_events(project_copy)
    (project_copy / "data" / "claims.csv").write_text("claim_id,topic\n", encoding="utf-8")
    result = run_helpers(project_copy, "validate")
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines and all(PROBLEM_LINE.match(line) for line in lines), lines
    assert any("events.csv" in line and "'2018-13'" in line for line in lines)
    assert any("claims.csv" in line for line in lines)
    assert re.search(r"\d+ problems? in the data", result.stderr)


def test_validate_with_data_dir(project_copy: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    valid = run_helpers(elsewhere, "validate", "--data-dir", str(project_copy / "data"))
    assert valid.returncode == 0, valid.stdout
    missing = run_helpers(elsewhere, "validate", "--data-dir", str(tmp_path / "nothing"))
    assert missing.returncode == 1
    assert len(missing.stdout.splitlines()) == 1
    assert "Traceback" not in missing.stderr


# ----------------------------------------------------------------------------------------------
# build: refused before any chapter runs
# ----------------------------------------------------------------------------------------------


def test_unknown_parameter_is_refused(project_copy: Path) -> None:
    result = run_helpers(project_copy, "build", "--no-pdf", "-p", "start_yr", "2015")
    assert_refused_before_running(project_copy, result, "start_yr is not a parameter", "start_year")


def test_badly_typed_parameter_is_refused(project_copy: Path) -> None:
    result = run_helpers(project_copy, "build", "--no-pdf", "-p", "start_year", "abc")
    assert_refused_before_running(
        project_copy, result, "start_year must be an integer (e.g. 2015), got 'abc'"
    )


@pytest.mark.parametrize(
    ("arguments", "needle"),
    [
        (["-p", "sources", "src-x"], "sources: 'src-x' is not a source id; valid: src-"),
        (["-p", "themes", ""], "themes must name at least one theme; valid: all, "),
        (["-p", "start_year", "2020", "-p", "end_year", "2010"], "start_year (2020) is after"),
        (["-p", "tables_dir", "x"], "tables_dir is set by the build"),
        (["-p", "start_year", "2015", "-p", "start_year", "2016"], "start_year is given twice"),
        (["--chapters", "novel"], "'novel' is not a chapter; chapters: intro, chronology"),
    ],
    ids=["source", "empty-themes", "reversed-years", "tables-dir", "twice", "chapter"],
)
def test_bad_arguments_are_refused(project_copy: Path, arguments: list[str], needle: str) -> None:
    result = run_helpers(project_copy, "build", "--no-pdf", *arguments)
    assert_refused_before_running(project_copy, result, needle)


def test_bad_data_stops_the_build_listing_every_problem(project_copy: Path) -> None:
    break_events(project_copy)
    result = run_helpers(project_copy, "build", "--no-pdf")
    assert_refused_before_running(project_copy, result, "'2018-13'", "no chapter was run")


def test_missing_pdf_tools_are_named(project_copy: Path, tmp_path: Path) -> None:
    empty = tmp_path / "empty-path"
    empty.mkdir()
    result = run_helpers(project_copy, "build", env={"PATH": str(empty)})
    assert_refused_before_running(project_copy, result, "the PDF needs xelatex", "--no-pdf")


def test_outside_a_project(tmp_path: Path) -> None:
    result = run_helpers(tmp_path, "build")
    assert result.returncode == 1
    assert "no project found" in result.stderr and "Traceback" not in result.stderr


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["build", "--jobs", "0"])
    assert exited.value.code == 2
    assert "--jobs" in capsys.readouterr().err


def test_bib_writes_the_bibliography(project_copy: Path, tmp_path: Path) -> None:
    output = tmp_path / "refs.bib"
    result = run_helpers(project_copy, "bib", "--output", str(output))
    assert result.returncode == 0, result.stderr
    assert output.read_text(encoding="utf-8").startswith("%")
    assert "@" in output.read_text(encoding="utf-8")


def test_bib_refuses_bad_data(project_copy: Path, tmp_path: Path) -> None:
    break_events(project_copy)
    output = tmp_path / "refs.bib"
    result = run_helpers(project_copy, "bib", "--output", str(output))
    assert result.returncode == 1
    assert "'2018-13'" in result.stderr and "Traceback" not in result.stderr
    assert not output.exists()
