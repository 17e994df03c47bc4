"""The data package: described from the one schema, valid for the ``frictionless`` library, and
refused when a copy is broken."""

from __future__ import annotations

import csv
import json
import re
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest

from helpers.evidence import Dataset, release, schema
from helpers.evidence.vocabularies import EVENT_CATEGORIES
from helpers.render import data_package, licences, show

ROOT = Path(__file__).resolve().parents[2]
EPOCH = "1700000000"
"""A fixed SOURCE_DATE_EPOCH: 14 November 2023, 22:13:20 UTC."""


def write(dataset: Dataset, folder: Path, monkeypatch: pytest.MonkeyPatch):
    """The package written into ``folder`` (as a chapter's files), dated by :data:`EPOCH`."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    show.use(show.Context(folder.name, folder.parent))
    return data_package.write_package(dataset, data_package.project_release(dataset))


def frictionless_errors(descriptor: Path) -> list[tuple[str, str, str]]:
    """Every error ``frictionless`` reports: (resource, field, type)."""
    from frictionless import validate

    report = validate(str(descriptor))
    found = []
    for task in report.tasks:
        for error in task.errors:
            found.append((task.name, getattr(error, "field_name", "") or "", error.type))
    found += [("", "", error.type) for error in report.errors]
    return found


@pytest.fixture
def package(dataset: Dataset, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    return write(dataset, tmp_path / "package", monkeypatch)


def resource(descriptor: dict, name: str) -> dict:
    return next(r for r in descriptor["resources"] if r["name"] == name)


def field(descriptor: dict, table: str, column: str) -> dict:
    return next(f for f in resource(descriptor, table)["schema"]["fields"] if f["name"] == column)


# ----------------------------------------------------------------------------------------------
# The descriptor follows the schema
# ----------------------------------------------------------------------------------------------


def test_every_table_of_the_schema_is_a_resource_with_its_columns_and_key(package) -> None:
    described = package.descriptor
    assert described["$schema"] == "https://datapackage.org/profiles/2.0/datapackage.json"
    names = [r["name"] for r in described["resources"]]
    assert names[: len(schema.TABLES)] == [t.name for t in schema.TABLES]
    assert {"data_dictionary", "vocabularies", "readme", "changelog"} <= set(names)
    for table in schema.TABLES:
        described_table = resource(described, table.name)
        assert described_table["path"] == table.file_name
        fields = described_table["schema"]["fields"]
        assert [f["name"] for f in fields] == list(table.column_names)
        assert described_table["schema"]["primaryKey"] == [table.id_column]
        for column, described_field in zip(table.columns, fields, strict=True):
            required = described_field.get("constraints", {}).get("required", False)
            assert required == column.required, f"{table.name}.{column.name}"


def test_vocabularies_are_enums_and_ids_dates_and_lists_have_patterns(package) -> None:
    described = package.descriptor
    category = field(described, "events", "category")
    assert category["constraints"]["enum"] == list(EVENT_CATEGORIES)
    assert category["categories"][0] == {
        "value": "visit",
        "label": EVENT_CATEGORIES["visit"],
    }

    def matches(table: str, column: str, value: str) -> bool:
        pattern = field(described, table, column)["constraints"]["pattern"]
        return re.fullmatch(pattern, value) is not None

    assert matches("events", "event_id", "ev-2015-talks")
    assert not matches("events", "event_id", "deal-2015-talks")
    assert matches("events", "date", "2018-04-24") and matches("events", "date", "1980")
    assert not matches("events", "date", "2018-13")
    assert matches("events", "themes", "diplomacy;defence")
    assert not matches("events", "themes", "diplomacy;war")
    assert not matches("events", "themes", "diplomacy;")
    assert matches("events", "actors", "act-pakistan;act-russia")
    assert not matches("events", "actors", "act-pakistan;ev-visit")
    assert matches("evidence", "subject_id", "claim-trade-low")
    assert not matches("evidence", "subject_id", "act-pakistan")
    assert matches("sources", "original_url", "https://example.org/a_b/1")
    assert not matches("sources", "original_url", "ftp://example.org")


def test_a_foreign_key_for_every_column_that_refers_to_one_table(package) -> None:
    keys = resource(package.descriptor, "evidence")["schema"]["foreignKeys"]
    assert {
        "fields": ["source_id"],
        "reference": {"resource": "sources", "fields": ["source_id"]},
    } in keys
    referring = {key["fields"][0] for key in keys}
    assert referring == {"source_id", "speaker_id"}  # subject_id: four tables; origins: a list


def test_the_package_states_its_version_date_licence_and_sources(package, dataset) -> None:
    described = package.descriptor
    assert described["version"] == release.version(ROOT)
    assert described["created"] == "2023-11-14T22:13:20Z"
    assert described["licenses"] == [licences.TEXT_AND_DATA.as_package()]
    titles = [source["title"] for source in described["sources"]]
    assert len(titles) == len(dataset.sources)
    paths = {source.get("path") for source in described["sources"]}
    assert set(dataset.sources["original_url"]) - {""} <= paths
    written = json.loads((package.folder / data_package.DESCRIPTOR).read_text(encoding="utf-8"))
    assert written == described


def test_the_dictionary_describes_every_column_of_every_table(package) -> None:
    with (package.folder / "data_dictionary.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert [(r["table"], r["column"]) for r in rows] == [
        (t.name, c.name) for t in schema.TABLES for c in t.columns
    ]
    with (package.folder / "vocabularies.csv").open(encoding="utf-8") as handle:
        vocabularies = {row["vocabulary"] for row in csv.DictReader(handle)}
    assert {r["vocabulary"] for r in rows} - {""} == vocabularies


def test_the_published_tables_hold_the_data(package) -> None:
    for table in schema.TABLES:
        with (ROOT / "data" / table.file_name).open(encoding="utf-8", newline="") as handle:
            expected = list(csv.reader(handle))
        with (package.folder / table.file_name).open(encoding="utf-8", newline="") as handle:
            published = list(csv.reader(handle))
        assert published == expected, table.file_name


def test_the_zip_holds_every_file_and_is_the_same_each_time(
    package, dataset, tmp_path, monkeypatch
) -> None:
    archive = package.folder / package.archive
    assert package.archive == f"pakistan-russia-evidence-{release.version(ROOT)}.zip"
    inside = package.archive.removesuffix(".zip")
    with zipfile.ZipFile(archive) as opened:
        assert sorted(opened.namelist()) == sorted(f"{inside}/{name}" for name in package.files)
        assert {info.date_time[:3] for info in opened.infolist()} == {(2023, 11, 14)}
    again = write(dataset, tmp_path / "again", monkeypatch)
    assert (again.folder / again.archive).read_bytes() == archive.read_bytes()


# ----------------------------------------------------------------------------------------------
# frictionless
# ----------------------------------------------------------------------------------------------


def test_frictionless_finds_the_package_valid(package) -> None:
    assert frictionless_errors(package.folder / data_package.DESCRIPTOR) == []


def rewrite(path: Path, row: int, column: str, value: str) -> None:
    """Set ``column`` of data row ``row`` (1 is the first) of the CSV at ``path`` to ``value``
    (empty: to the value of the first row)."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    position = rows[0].index(column)
    rows[row][position] = value or rows[1][position]
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows(rows)


BROKEN = [
    ("events", "status", "happened", "constraint-error"),
    ("events", "themes", "diplomacy;war", "constraint-error"),
    ("events", "date", "2018-13", "constraint-error"),
    ("evidence", "source_id", "src-nowhere-2018", "foreign-key"),
    ("figures", "value", "many", "type-error"),
    ("claims", "claim_id", "", "primary-key"),
]
"""A table, a column of its second row, a broken value (empty: the first row's, a duplicate),
and the error frictionless must give."""


@pytest.mark.parametrize(("table", "column", "value", "error"), BROKEN)
def test_a_broken_copy_fails(
    package, dataset, table: str, column: str, value: str, error: str
) -> None:
    """A copy with one broken cell, described again (so that its size and digest match), is
    refused with the error of that cell."""
    rewrite(package.folder / f"{table}.csv", 2, column, value)
    dated = data_package.Release("1.0.0", datetime(2023, 11, 14, tzinfo=UTC))
    described = data_package.descriptor(dataset, dated, package.folder)
    (package.folder / data_package.DESCRIPTOR).write_text(json.dumps(described), encoding="utf-8")
    errors = frictionless_errors(package.folder / data_package.DESCRIPTOR)
    assert errors, "frictionless accepted the broken copy"
    assert all(resource_name == table for resource_name, _, _ in errors), errors
    assert error in {kind for _, _, kind in errors}, errors


def test_a_file_changed_after_the_descriptor_was_written_fails(package) -> None:
    rewrite(package.folder / "claims.csv", 1, "statement", "Something else.")
    kinds = {kind for _, _, kind in frictionless_errors(package.folder / data_package.DESCRIPTOR)}
    assert {"hash-count"} <= kinds
