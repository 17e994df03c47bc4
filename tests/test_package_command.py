"""``python -m helpers package``: the data package written without building the book, dated by
``SOURCE_DATE_EPOCH``, and refused (nothing written) when the data is not valid."""

from __future__ import annotations

import json
import os
from pathlib import Path

from support.project import run_helpers

from helpers.evidence import release
from helpers.render import data_package


def test_package_writes_the_folder_and_its_zip(project_copy: Path, tmp_path: Path) -> None:
    output = tmp_path / "published"
    environment = {**os.environ, "SOURCE_DATE_EPOCH": "1700000000"}
    result = run_helpers(project_copy, "package", "--output", str(output), env=environment)
    assert result.returncode == 0, result.stderr
    version = release.version(project_copy)
    folder = output / f"pakistan-russia-evidence-{version}"
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        [*data_package.package_files(), data_package.archive_name(version)]
    )
    described = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    assert described["created"] == "2023-11-14T22:13:20Z"
    assert str(folder) in result.stdout
    assert not (project_copy / "_build").exists()


def test_package_refuses_bad_data(project_copy: Path, tmp_path: Path) -> None:
    events = project_copy / "data" / "events.csv"
    events.write_text(events.read_text(encoding="utf-8").replace(",year,", ",yearly,", 1))
    output = tmp_path / "published"
    result = run_helpers(project_copy, "package", "--output", str(output))
    assert result.returncode == 1
    assert "'yearly'" in result.stderr and "no package was written" in result.stderr
    assert "Traceback" not in result.stderr
    assert not output.exists()
