"""The public records about the sources: declared in the one schema, marked as external, checked
on every load (references, vocabularies, addresses, days of access, dates), each problem on one
located line. Each test breaks a copy of ``data/`` and asserts the exact message."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from helpers import evidence
from helpers.evidence.schema import TABLES_BY_NAME

ROOT = Path(__file__).resolve().parents[2]


def set_cell(folder: Path, row_id: str, column: str, value: str) -> int:
    """Set one cell of ``source_record.csv``; returns the row's line number."""
    path = folder / "source_record.csv"
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))
    for index, row in enumerate(rows):
        if row[0] == row_id:
            row[rows[0].index(column)] = value
            out = io.StringIO()
            csv.writer(out, lineterminator="\n").writerows(rows)
            path.write_text(out.getvalue(), encoding="utf-8")
            return index + 1
    raise KeyError(row_id)


def problems(folder: Path) -> list[str]:
    return [str(p).replace(str(folder.parent) + "/", "") for p in evidence.validate(folder)]


def test_the_table_is_declared_with_its_columns_and_loads() -> None:
    table = TABLES_BY_NAME["source_record"]
    assert table.id_prefix == "rec"
    assert table.column("source_id").references == ("sources",)
    assert set(table.column("basis").vocabulary or ()) == {"external"}
    dataset = evidence.load(ROOT / "data")
    records = dataset.source_record
    assert len(records) > 0
    assert set(records["basis"]) == {"external"}
    assert set(records["source_id"]) <= set(dataset.sources.index)
    assert (records["url"].str.startswith("http")).all()
    assert (records["excerpt"] != "").all()


def test_every_source_with_a_documented_owner_or_funder_is_named_and_pakistan_forward_is_not() -> (
    None
):
    records = evidence.load(ROOT / "data").source_record
    funded = set(records.loc[records["aspect"] == "owner_or_funder", "source_id"])
    assert "src-pf-2018" not in funded
    assert {"src-an-2018", "src-fdi-2012"} <= funded


def test_a_record_of_an_unknown_source(data_copy: Path) -> None:
    line = set_cell(data_copy, "rec-an-owner", "source_id", "src-nobody-2020")
    assert problems(data_copy) == [
        f"data/source_record.csv:{line}: source_id: 'src-nobody-2020' is not an id in sources"
    ]


def test_a_record_that_is_not_marked_external(data_copy: Path) -> None:
    line = set_cell(data_copy, "rec-an-owner", "basis", "article")
    assert problems(data_copy) == [
        f"data/source_record.csv:{line}: basis: 'article' is not one of: external"
    ]


def test_a_record_without_an_address_to_follow(data_copy: Path) -> None:
    line = set_cell(data_copy, "rec-an-owner", "url", "en.wikipedia.org/wiki/Arab_News")
    assert problems(data_copy) == [
        f"data/source_record.csv:{line}: url: 'en.wikipedia.org/wiki/Arab_News' is not an http "
        "or https address"
    ]


def test_a_day_of_access_that_is_not_a_day(data_copy: Path) -> None:
    line = set_cell(data_copy, "rec-an-owner", "accessed", "2026-12")
    assert problems(data_copy) == [
        f"data/source_record.csv:{line}: accessed: '2026-12' is not a day (YYYY-MM-DD)"
    ]


def test_a_record_date_that_does_not_fit_its_precision(data_copy: Path) -> None:
    line = set_cell(data_copy, "rec-fdi-closure", "record_precision", "month")
    assert problems(data_copy) == [
        f"data/source_record.csv:{line}: record_precision: 'month' does not match the date "
        "'2021-11-09', which is given to the day"
    ]
    set_cell(data_copy, "rec-fdi-closure", "record_precision", "undated")
    assert problems(data_copy) == [
        f"data/source_record.csv:{line}: record_published: '2021-11-09' is given but "
        "record_precision is 'undated'"
    ]


def test_a_record_dated_after_the_day_it_was_read(data_copy: Path) -> None:
    line = set_cell(data_copy, "rec-fdi-closure", "record_published", "2026-12-05")
    assert problems(data_copy) == [
        f"data/source_record.csv:{line}: record_published: '2026-12-05' is after the day of "
        "access '2026-12-01'"
    ]


def test_a_missing_excerpt(data_copy: Path) -> None:
    line = set_cell(data_copy, "rec-an-owner", "excerpt", "")
    assert problems(data_copy) == [
        f"data/source_record.csv:{line}: excerpt: is empty (a value is required)"
    ]
