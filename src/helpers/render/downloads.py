"""The names of the book's downloads in its published data package.

The HTML book links every table and figure to its CSV, the data appendix to the data tables and
each seed page to its raw text. The PDF cannot offer a file, so it names each download as the
data package publishes it (:func:`package_path`):

- a data table by its own name: ``events.csv``;
- a chapter's table or figure data under the chapter: ``energy_deals/projects.csv``;
- a seed's raw text under ``seeds/``: ``seeds/001_60b3c2f42f5da098.txt``.
"""

from __future__ import annotations

import csv
from pathlib import PurePosixPath

from helpers.evidence.schema import TABLES

TABLES_FOLDER = "tables"
"""The folder of the chapters' CSV in a built book (``_build/tables/<chapter>/``)."""
SEEDS_FOLDER = "seeds"

_DATA_TABLES = {table.file_name: table.column_names for table in TABLES}


def _is_data_table(name: str, header: list[str] | None) -> bool:
    """Whether a CSV is a copy of a data table: its name and its columns are the table's."""
    columns = _DATA_TABLES.get(name)
    return columns is not None and header is not None and tuple(header) == columns


def read_header(path: str) -> list[str] | None:
    """The first row of a CSV file, or None when it cannot be read."""
    try:
        with open(path, encoding="utf-8", newline="") as handle:
            return next(csv.reader(handle), None)
    except (OSError, UnicodeDecodeError):
        return None


def package_path(target: str, header: list[str] | None = None) -> str:
    """The path in the data package of the file a download link points to (``target``, as the
    page gives it: ``../../tables/energy_deals/projects.csv``); ``header`` is the file's first
    row, which tells a copy of a data table from a chapter's table of the same name."""
    path = PurePosixPath(target)
    if path.suffix == ".csv" and _is_data_table(path.name, header):
        return path.name
    parts = path.parts
    if TABLES_FOLDER in parts:
        return "/".join(parts[parts.index(TABLES_FOLDER) + 1 :])
    if path.suffix == ".txt":
        return f"{SEEDS_FOLDER}/{path.name}"
    return path.name
