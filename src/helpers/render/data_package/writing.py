"""Writing the package: the tables as published, every file among the current chapter's, and one
reproducible zip (entries sorted, dated by the release, never by the clock)."""

from __future__ import annotations

import json
import shutil
import zipfile
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd

from helpers.evidence import Dataset, schema
from helpers.evidence.schema import Table
from helpers.render.data_package.descriptor import descriptor
from helpers.render.data_package.manifest import (
    DESCRIPTOR,
    DICTIONARY,
    DOCUMENTS,
    VOCABULARIES,
    PublishedPackage,
    Release,
    archive_name,
    package_files,
)
from helpers.render.data_package.table_schema import dictionary
from helpers.render.data_package.vocabulary_tables import vocabulary_table

ZIP_EPOCH = datetime(1980, 1, 1, tzinfo=UTC)
"""The earliest time a zip entry can carry."""


def _number_text(value: object) -> str:
    if value is None or pd.isna(value):  # type: ignore[arg-type]
        return ""
    number = float(value)  # type: ignore[arg-type]
    return str(int(number)) if number.is_integer() else repr(number)


def published_rows(dataset: Dataset, table: Table) -> pd.DataFrame:
    """The rows of ``table`` as the package publishes them: every declared column, in order, as
    text (lists ``;``-joined, numbers without a spurious decimal part)."""
    frame = dataset.table(table.name)
    columns: dict[str, list[str]] = {}
    for column in table.columns:
        values = frame[column.name]
        if column.is_list:
            columns[column.name] = [";".join(v) for v in values]
        elif column.kind in ("number", "integer"):
            columns[column.name] = [_number_text(v) for v in values]
        else:
            columns[column.name] = ["" if pd.isna(v) else str(v) for v in values]
    return pd.DataFrame(columns, columns=list(table.column_names))


def write_package(dataset: Dataset, release: Release) -> PublishedPackage:
    """Write the package among the current chapter's files (:func:`show.context`): every table,
    the dictionary, the vocabularies, the data card and change log, the descriptor, and the zip
    archive of them all."""
    from helpers.render import show  # imports matplotlib: only where a package is written

    for table in schema.TABLES:
        show.write_csv(table.name, published_rows(dataset, table))
    show.write_csv(DICTIONARY, dictionary())
    show.write_csv(VOCABULARIES, vocabulary_table())
    folder = show.context().path(DESCRIPTOR).parent
    for document in DOCUMENTS:
        source = dataset.data_dir / document
        if source.is_file():
            shutil.copyfile(source, folder / document)
        else:
            (folder / document).unlink(missing_ok=True)
    described = descriptor(dataset, release, folder)
    text = json.dumps(described, indent=2, ensure_ascii=False) + "\n"
    (folder / DESCRIPTOR).write_text(text, encoding="utf-8")
    files = tuple(name for name in package_files() if (folder / name).is_file())
    archive = archive_name(release.version)
    write_zip(folder / archive, folder, files, release)
    return PublishedPackage(folder, files, archive, described)


def write_zip(target: Path, folder: Path, files: Iterable[str], release: Release) -> Path:
    """Zip ``files`` of ``folder`` into ``target``, under a folder named like the archive: the
    same bytes for the same files and release (entries sorted, dated by the release)."""
    inside = target.name.removesuffix(".zip")
    date_time = max(release.created, ZIP_EPOCH).timetuple()[:6]
    partial = target.with_name(f".{target.name}.partial")
    with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name in sorted(files):
            entry = zipfile.ZipInfo(f"{inside}/{name}", date_time=date_time)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            archive.writestr(entry, (folder / name).read_bytes())
    partial.replace(target)
    return target
