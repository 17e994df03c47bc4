"""What the tests share about the project: copies of it to build in, the command line run in a
copy, hashes of its source folders, and what a build reports.

Builds never run in the checkout itself: every test that builds works on a copy of the project's
tracked tree (plus untracked files that git does not ignore) inside pytest's temporary folder.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from helpers.build.files import sha256_file
from helpers.build.paths import project_files

ROOT = Path(__file__).resolve().parents[2]
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
    "",
    "",
]
"""An evidence row that dates Musharraf's 2003 visit to Moscow to 2004: a new disagreement."""
