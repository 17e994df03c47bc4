"""Shared fixtures: copies of the project to build in, and one default book built per session.

Builds never run in the checkout itself: every test that builds works on a copy of the project's
tracked tree (plus untracked files that git does not ignore) inside pytest's temporary folder.
"""

from __future__ import annotations

import csv
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from helpers.files import sha256_file
from helpers.project import project_files

ROOT = Path(__file__).resolve().parent.parent
SOURCE_FOLDERS = ("data", "seeds", "chapters")
BUILD_TIMEOUT = 1800


def copy_project(target: Path) -> Path:
    """A copy of the project's files in ``target`` (created), without any build output."""
    for name in project_files(ROOT):
        destination = target / name
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, destination)
    return target


def run_helpers(
    project: Path, *args: str, timeout: float = BUILD_TIMEOUT, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run ``python -m helpers ARGS`` in ``project``; stdout and stderr captured as text."""
    return subprocess.run(
        [sys.executable, "-m", "helpers", *args],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
        check=False,
    )


def source_hashes(project: Path) -> dict[str, str]:
    """The SHA-256 of every file in the source folders (data, seeds, chapters), hidden ones too."""
    return {
        path.relative_to(project).as_posix(): sha256_file(path)
        for folder in SOURCE_FOLDERS
        for path in sorted((project / folder).rglob("*"))
        if path.is_file()
    }


def executed_lines(output: str) -> list[str]:
    """The chapters a build reports as executed."""
    return [line.split()[1] for line in output.splitlines() if line.strip().startswith("executed ")]


def cached_lines(output: str) -> list[str]:
    """The chapters a build reports as cached."""
    return [line.split()[1] for line in output.splitlines() if line.strip().startswith("cached ")]


@dataclass(frozen=True)
class BuiltBook:
    """A copy of the project with its default book built (HTML and PDF)."""

    project: Path
    result: subprocess.CompletedProcess[str]
    sources_before: dict[str, str]
    sources_after: dict[str, str]

    @property
    def build_dir(self) -> Path:
        """The project's ``_build/``."""
        return self.project / "_build"


@pytest.fixture(scope="session")
def built_book(tmp_path_factory: pytest.TempPathFactory) -> BuiltBook:
    """The default book, built once per session from a clean copy of the project."""
    project = copy_project(tmp_path_factory.mktemp("built") / "project")
    before = source_hashes(project)
    result = run_helpers(project, "build")
    assert result.returncode == 0, result.stdout + result.stderr
    return BuiltBook(project, result, before, source_hashes(project))


@pytest.fixture
def warm_project(built_book: BuiltBook, tmp_path: Path) -> Path:
    """A copy of the built project, ``_build/`` included, for a test to change and rebuild."""
    target = tmp_path / "project"
    shutil.copytree(built_book.project, target, symlinks=True)
    (target / "_build" / ".lock").unlink(missing_ok=True)
    return target


@pytest.fixture
def project_copy(tmp_path: Path) -> Path:
    """A clean copy of the project (no build output)."""
    return copy_project(tmp_path / "project")


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A copy of ``data/`` and ``seeds/`` side by side in a temporary folder; its data folder."""
    for folder in ("data", "seeds"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    return tmp_path / "data"


CONFLICTING_ATTESTATION = [
    "evi-fdi-900",
    "src-fdi-2012",
    "ev-2003-musharraf-moscow",
    "General Pervez Musharraf visited Moscow in February 2003",
    "author",
    "",
    "author",
    "reports",
    "2004",
    "",
    "",
    "",
]
"""An evidence row that dates Musharraf's 2003 visit to Moscow to 2004: a new disagreement."""


@pytest.fixture
def conflicting_data(data_copy: Path) -> Path:
    """A copy of the data with :data:`CONFLICTING_ATTESTATION` added; its data folder."""
    with (data_copy / "evidence.csv").open("a", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerow(CONFLICTING_ATTESTATION)
    return data_copy
