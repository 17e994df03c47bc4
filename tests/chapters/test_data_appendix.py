"""The data appendix's rules, on a small hand-made dataset: the package it publishes and the
downloads it offers, the tables and vocabularies in brief, and the evidence by source."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from support.small_data import write_small_data

from helpers import evidence
from helpers.analysis.scope import Scope
from helpers.chapters import data_appendix as chapter
from helpers.chapters import registry
from helpers.evidence import schema
from helpers.render import data_package, show

ROOT = Path(__file__).resolve().parents[2]
LINK = re.compile(r"\{download\}`[^`<]*<([^>]+)>`")


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> evidence.Dataset:
    return evidence.load(write_small_data(tmp_path_factory.mktemp("small")))


def scope_of(dataset: evidence.Dataset, **values: object) -> Scope:
    return Scope.from_params(dataset, registry.validate("data_appendix", values, dataset))


@pytest.fixture
def published(small: evidence.Dataset, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """The small dataset's package, written as the data appendix writes it."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    show.use(show.Context(chapter.Params.chapter, tmp_path / "tables"))
    return chapter.publish(small)


def linked_files(frame, tables: Path) -> list[Path]:
    """The files the download links of ``frame`` lead to, seen from a staged chapter page
    (``<book>/executed/chapters/``) whose tables are ``<book>/tables``."""
    page = tables.parent / "executed" / "chapters"
    return [
        (page / target).resolve()
        for cell in frame.to_numpy().ravel()
        for target in LINK.findall(str(cell))
    ]


def test_every_download_of_the_appendix_is_a_file_of_the_package(
    published, small: evidence.Dataset, tmp_path: Path
) -> None:
    tables = tmp_path / "tables"
    links = linked_files(chapter.tables_summary(small), tables) + linked_files(
        chapter.downloads(published), tables
    )
    folder = (tables / chapter.Params.chapter).resolve()
    assert {path.name for path in links} == {*published.files, published.archive}
    for path in links:
        assert path.parent == folder and path.is_file(), path


def test_the_package_is_dated_and_versioned_by_its_release(published) -> None:
    assert published.archive == "pakistan-russia-evidence-1.2.3.zip"
    described = json.loads((published.folder / "datapackage.json").read_text(encoding="utf-8"))
    assert described["version"] == "1.2.3"
    assert chapter.created_words(published) == "14 November 2023"
    assert chapter.version_words(published) == "1.2.3"
    assert repr(chapter.archive_words(published)) == "pakistan-russia-evidence-1.2.3.zip"


def test_the_introduction_can_link_the_package() -> None:
    link = chapter.package_link("the whole dataset")
    version = evidence.release.version(ROOT)
    assert link == (
        "{download}`the whole dataset <../../tables/data_appendix/"
        f"pakistan-russia-evidence-{version}.zip>`"
    )


def test_one_row_per_table_of_the_schema(small: evidence.Dataset) -> None:
    summary = chapter.tables_summary(small)
    assert len(summary) == len(schema.TABLES)
    assert list(summary["Rows"]) == [len(small.table(t.name)) for t in schema.TABLES]
    data = chapter.tables_data(small)
    assert list(data["File"]) == [t.file_name for t in schema.TABLES]
    assert data.set_index("File").at["events.csv", "Refers to"] == "actors, deals"


def test_a_list_cell_counts_once_for_each_value_it_holds(small: evidence.Dataset) -> None:
    counts = chapter.value_counts(small, ["events.themes"])
    assert counts.to_dict() == {"diplomacy": 2, "defence": 1}
    statuses = chapter.value_counts(small, ["deals.status", "evidence.reported_status"])
    assert statuses.to_dict() == {"agreed": 2}


def test_each_vocabulary_once_with_its_values_as_stored(small: evidence.Dataset) -> None:
    brief = chapter.vocabularies_summary(small)
    assert len(brief) == len(data_package.vocabularies_used())
    themes = brief.set_index("Vocabulary").loc["themes"]
    assert themes["Columns"] == "`events.themes`"
    assert "`diplomacy` (2)" in themes["Values (rows)"]
    assert "`cold_war` (0)" in themes["Values (rows)"]
    data = chapter.vocabularies_data(small)
    assert len(data) == sum(
        len(data_package.vocabulary(n)) for n in data_package.vocabularies_used()
    )


def test_evidence_by_source_counts_kinds_and_credited_passages(small: evidence.Dataset) -> None:
    scope = scope_of(small)
    table = chapter.evidence_by_source(scope).set_index("Source")
    assert table.loc["Writer (2015)"].to_dict() == {
        "events": 2,
        "deals": 0,
        "figures": 0,
        "claims": 1,
        "all passages": 3,
        "credited to others": 0,
    }
    assert table.loc["Analyst (2016)", "credited to others"] == 2
    assert chapter.records(scope) == 5
    assert chapter.single_sourced(scope) == 4  # the exercise is attested by both
    assert chapter.credited_passages(scope) == 2
    assert chapter.passages_in_voice(scope, "quoted") == 1
    assert chapter.largest_source(scope) == ("Writer (2015)", 3)  # a tie goes to the older


def test_one_source_selected(small: evidence.Dataset) -> None:
    scope = scope_of(small, sources=["src-two-2016"])
    assert list(chapter.evidence_by_source(scope)["Source"]) == ["Analyst (2016)"]
    assert chapter.records(scope) == chapter.single_sourced(scope) == 3
    assert chapter.largest_source(scope) == ("Analyst (2016)", 3)


def test_no_source_gives_no_largest_source(small: evidence.Dataset) -> None:
    scope = scope_of(small)
    empty = Scope(small, (), scope.start_year, scope.end_year, scope.themes)
    assert chapter.largest_source(empty) == ("no source", 0)
    assert chapter.records(empty) == chapter.single_sourced(empty) == 0
    assert chapter.evidence_by_source(empty).empty


def test_the_notebook_s_tables_never_overwrite_a_file_of_the_package() -> None:
    import nbformat

    cells = nbformat.read(ROOT / "chapters" / "data_appendix.ipynb", as_version=4).cells
    names = re.findall(
        r'name="([^"]+)"', "\n".join(c.source for c in cells if c.cell_type == "code")
    )
    assert names
    assert not {f"{n}.csv" for n in names} & set(data_package.package_files())
