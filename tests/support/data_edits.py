"""Breaking a copy of the data: set one cell, find a row's line, list the problems found, and
check that the real data was left as it was."""

from __future__ import annotations

import csv
import hashlib
import io
from pathlib import Path

import pytest

from helpers import evidence

ROOT = Path(__file__).resolve().parents[2]


def digest(folder: Path) -> str:
    """One SHA-256 of every file under ``folder``, names included."""
    h = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            h.update(path.relative_to(folder).as_posix().encode())
            h.update(path.read_bytes())
    return h.hexdigest()


def real_data_digest() -> tuple[str, str]:
    """The digests of the project's own ``data/`` and ``seeds/``."""
    return digest(ROOT / "data"), digest(ROOT / "seeds")


def set_cell(folder: Path, name: str, row_id: str, column: str, value: str) -> int:
    """Set one cell of the row whose first column is ``row_id``; returns its line number."""
    path = folder / name
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))
    at = rows[0].index(column)
    index = next(i for i, row in enumerate(rows) if row[0] == row_id)
    rows[index][at] = value
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")
    return index + 1


def cell(folder: Path, name: str, row_id: str, column: str) -> str:
    """The value of one cell of the row whose first column is ``row_id``."""
    rows = list(csv.reader(io.StringIO((folder / name).read_text(encoding="utf-8"), newline="")))
    at = rows[0].index(column)
    return next(row[at] for row in rows if row[0] == row_id)


def problems(folder: Path) -> list[str]:
    """Every problem line of the data in ``folder`` (paths relative to its parent); ``load``
    must refuse the same data with as many problems."""
    found = [str(p).replace(str(folder.parent) + "/", "") for p in evidence.validate(folder)]
    with pytest.raises(evidence.DataError) as raised:
        evidence.load(folder)
    assert len(raised.value.problems) == len(found)
    return found
