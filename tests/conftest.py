"""Shared fixtures: copies of the project to build in, and one default book built per session.

Builds never run in the checkout itself (see :mod:`support.project`).
"""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest
from support.project import (
    CONFLICTING_ATTESTATION,
    ROOT,
    BuiltBook,
    copy_project,
    run_helpers,
    source_hashes,
)


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


@pytest.fixture
def conflicting_data(data_copy: Path) -> Path:
    """A copy of the data with :data:`CONFLICTING_ATTESTATION` added; its data folder."""
    with (data_copy / "evidence.csv").open("a", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerow(CONFLICTING_ATTESTATION)
    return data_copy
