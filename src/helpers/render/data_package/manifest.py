"""What the data package is and where its files go: the standard it follows, its name and files,
the release it is written for, and what a written package is."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from helpers.evidence import Dataset, release, schema
from helpers.evidence.schema import Table

STANDARD = "Data Package 2.0"
"""The version of the Frictionless standard the descriptor follows."""

PROFILES = "https://datapackage.org/profiles/2.0"
PACKAGE_NAME = "pakistan-russia-evidence"
PACKAGE_TITLE = "Pakistan and Russia, 2012–2021: the evidence dataset"
DESCRIPTOR = "datapackage.json"
DICTIONARY = "data_dictionary"
VOCABULARIES = "vocabularies"
DOCUMENTS = {"README.md": "the data card", "CHANGELOG.md": "the change log of the data"}
"""Files of ``data/`` that the package carries beside its tables, with what each is."""


@dataclass(frozen=True)
class Release:
    """What dates and names a published package: its version and its creation time (UTC)."""

    version: str
    created: datetime

    @property
    def created_text(self) -> str:
        """The creation time as ISO 8601 in UTC, to the second."""
        return self.created.strftime("%Y-%m-%dT%H:%M:%SZ")


def project_release(dataset: Dataset) -> Release:
    """The release of the project that holds ``dataset``'s data folder: its version and the
    moment that dates it (:mod:`helpers.evidence.release`)."""
    files = sorted(dataset.data_dir.glob("*"))
    return Release(release.version(dataset.data_dir), release.released(dataset.data_dir, files))


@dataclass(frozen=True)
class PublishedPackage:
    """A package written to a folder: its files (descriptor first) and its zip archive."""

    folder: Path
    files: tuple[str, ...]
    archive: str
    descriptor: dict[str, object]


def archive_name(version: str) -> str:
    """The file name of the zipped package of ``version``."""
    return f"{PACKAGE_NAME}-{version}.zip"


def table_file(table: Table) -> str:
    """The file of ``table`` in the package (its name in ``data/``)."""
    return table.file_name


def package_files(tables: Iterable[Table] = schema.TABLES) -> tuple[str, ...]:
    """Every file of the package, in the order the descriptor lists them."""
    return (
        DESCRIPTOR,
        *(table_file(t) for t in tables),
        f"{DICTIONARY}.csv",
        f"{VOCABULARIES}.csv",
        *DOCUMENTS,
    )
