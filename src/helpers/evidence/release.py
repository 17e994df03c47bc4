"""What release of the book and its data this is: the version, set once in ``pyproject.toml``,
and the moment that dates it, which is never the wall clock.

The version is a semantic version (``MAJOR.MINOR.PATCH``): the book's front matter, the data
package, the citation and the data's change log all name it. The date is
``SOURCE_DATE_EPOCH`` when it is set (the convention of reproducible builds), else the time of
the project's last commit, else the newest of the files given.
"""

from __future__ import annotations

import os
import re
import subprocess
import tomllib
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path

from helpers.evidence.errors import ReportedError

VERSION_FILE = "pyproject.toml"
SEMANTIC_VERSION = re.compile(r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$")


class ReleaseError(ReportedError):
    """The version cannot be read."""


def version_file(start: Path | None = None) -> Path:
    """The ``pyproject.toml`` that holds the version: the first one from ``start`` (default:
    the working directory) upwards, so that it is found from the project, its ``chapters/`` and
    a book staged under its ``_build/``."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / VERSION_FILE).is_file():
            return folder / VERSION_FILE
    raise ReleaseError(
        f"no {VERSION_FILE} found in {here} or any folder above it; the version of the book "
        "is set there, as [project] version"
    )


def version(start: Path | None = None) -> str:
    """The version of the book and its data: ``[project] version`` of ``pyproject.toml``."""
    path = version_file(start)
    try:
        declared = tomllib.loads(path.read_text(encoding="utf-8"))["project"]["version"]
    except (tomllib.TOMLDecodeError, KeyError, TypeError):
        raise ReleaseError(
            f'{path} has no [project] version; set it, e.g. version = "2.0.0"'
        ) from None
    if not isinstance(declared, str) or not SEMANTIC_VERSION.match(declared):
        raise ReleaseError(
            f"{path}: version {declared!r} is not a semantic version MAJOR.MINOR.PATCH "
            '(e.g. "2.0.0")'
        )
    return declared


def source_date_epoch(root: Path, files: Iterable[Path] = ()) -> int:
    """The moment that dates a release, in seconds since 1970: ``SOURCE_DATE_EPOCH`` if set,
    else the time of the last commit of the repository at ``root``, else the time of the newest
    of ``files`` (0 if there is none)."""
    given = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if given.isdigit():
        return int(given)
    try:
        commit = subprocess.run(
            ["git", "log", "-1", "--format=%ct"],
            cwd=root,
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        )
        if commit.returncode == 0 and commit.stdout.strip().isdigit():
            return int(commit.stdout.strip())
    except (OSError, subprocess.SubprocessError):
        pass
    return max((int(path.stat().st_mtime) for path in files), default=0)


def released(root: Path, files: Iterable[Path] = ()) -> datetime:
    """:func:`source_date_epoch` as a UTC date and time."""
    return datetime.fromtimestamp(source_date_epoch(root, files), tz=UTC)
