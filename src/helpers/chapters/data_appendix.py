"""The data appendix: what the tables hold, the dataset published as a data package (every table,
the data dictionary, the vocabularies, the whole package as one zip), and how the evidence is
spread over the sources.

Every list of this page is a loop over the schema (:data:`helpers.evidence.schema.TABLES`): a
table added to the schema appears in the summary, in the dictionary, in the package and among
the downloads without an edit to the notebook.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import ClassVar

import pandas as pd

from helpers.analysis.params import ChapterParams
from helpers.analysis.scope import Scope
from helpers.chapters.opening import open_chapter
from helpers.evidence import Dataset, release, schema
from helpers.render import data_package, markup, show, words
from helpers.render.data_package import PublishedPackage
from helpers.render.markup import Markup

SUBJECT_TABLES = tuple(t.name for t in schema.TABLES if t.needs_evidence)
"""The tables whose every row is attested by evidence: the records of the book."""


@dataclass(frozen=True)
class Params(ChapterParams):
    """Parameters of the data appendix."""

    chapter: ClassVar[str] = "data_appendix"


def open(namespace: Mapping[str, object]) -> tuple[Params, Dataset, Scope]:
    """The chapter's checked parameters (read from the notebook's globals), its dataset and its
    scope: ``P, dataset, scope = chapter.open(globals())``."""
    return open_chapter(Params, namespace)  # type: ignore[return-value]


# ----------------------------------------------------------------------------------------------
# The package
# ----------------------------------------------------------------------------------------------


def publish(dataset: Dataset) -> PublishedPackage:
    """Write the data package among this chapter's files: the version of the project, dated by
    its release (never by the clock)."""
    return data_package.write_package(dataset, data_package.project_release(dataset))


def file_link(file_name: str) -> Markup:
    """A download of one of the package's files, shown as its file name: a link in HTML, the name
    of the file in the PDF."""
    return show.download_link(file_name, file_name)


def package_link(title: str | None = None) -> Markup:
    """A download link to the zipped data package, for any page of the book (the introduction,
    for one): its path runs from a staged chapter page to this chapter's files. ``title``
    defaults to the archive's file name."""
    archive = data_package.archive_name(release.version())
    return markup.download(f"{show.BOOK_TABLES}/{Params.chapter}/{archive}", title or archive)


def download_files(package: PublishedPackage) -> dict[str, str]:
    """The package's files other than its tables, each with what it holds: the zip first, then
    the descriptor, the dictionary, the vocabularies and the documents."""
    return {
        package.archive: "The whole package, every file below and every table, in one zip.",
        data_package.DESCRIPTOR: "The descriptor (Frictionless Data Package 2.0): each table's "
        "schema, keys and constraints, the version, the creation date, the licence, the sources.",
        f"{data_package.DICTIONARY}.csv": "The data dictionary: every column of every table, its "
        "kind, whether it is required, its meaning, its vocabulary and what it refers to.",
        f"{data_package.VOCABULARIES}.csv": "Every value of every vocabulary, with its meaning.",
        **{
            name: f"{what[0].upper()}{what[1:]}."
            for name, what in data_package.DOCUMENTS.items()
            if name in package.files
        },
    }


def downloads(package: PublishedPackage) -> pd.DataFrame:
    """The files of :func:`download_files` as downloads, each with what it holds (the tables
    are offered in :func:`tables_summary`)."""
    files = download_files(package)
    return pd.DataFrame({"File": [file_link(n) for n in files], "Holds": list(files.values())})


def downloads_data(package: PublishedPackage) -> pd.DataFrame:
    """:func:`downloads` as data (file names rather than links)."""
    files = download_files(package)
    return pd.DataFrame({"file": list(files), "holds": list(files.values())})


# ----------------------------------------------------------------------------------------------
# The tables and the vocabularies in brief
# ----------------------------------------------------------------------------------------------


def code(text: str) -> Markup:
    """A value as the data stores it (a column name, a vocabulary code, an id prefix), shown as
    code: the appendix documents the values a reader finds in the files."""
    return Markup(f"`{text}`")


def refers_to(table: schema.Table) -> str:
    """The tables ``table`` refers to, in schema order, as words ('actors, deals')."""
    named = {name for column in table.columns for name in column.references}
    return ", ".join(t.name for t in schema.TABLES if t.name in named)


def tables_summary(dataset: Dataset) -> pd.DataFrame:
    """One row per table of the schema: its file (a download), what one row is, its rows, its
    columns, the prefix of its ids and the tables it refers to."""
    return pd.DataFrame(
        {
            "File": [file_link(t.file_name) for t in schema.TABLES],
            "One row per": [t.description for t in schema.TABLES],
            "Rows": [len(dataset.table(t.name)) for t in schema.TABLES],
            "Columns": [len(t.columns) for t in schema.TABLES],
            "Ids": [Markup(f"{code(t.id_prefix + '-')}…") for t in schema.TABLES],
            "Refers to": [refers_to(t) for t in schema.TABLES],
        }
    )


def tables_data(dataset: Dataset) -> pd.DataFrame:
    """:func:`tables_summary` as data (file names and prefixes rather than markup)."""
    shown = tables_summary(dataset)
    return shown.assign(
        File=[t.file_name for t in schema.TABLES], Ids=[f"{t.id_prefix}-" for t in schema.TABLES]
    )


def value_counts(dataset: Dataset, columns: list[str]) -> pd.Series:
    """How many rows hold each value in the columns (``table.column``) given, a list cell
    counting once for each value it holds."""
    counted: pd.Series = pd.Series(dtype="int64")
    for qualified in columns:
        table, column = qualified.split(".")
        cells = dataset.table(table)[column]
        if schema.TABLES_BY_NAME[table].column(column).is_list:
            cells = cells.explode()
        counted = counted.add(cells[cells.notna() & (cells != "")].value_counts(), fill_value=0)
    return counted.astype("int64")


def vocabularies_summary(dataset: Dataset) -> pd.DataFrame:
    """One row per vocabulary: the columns that take it and its values, each with the number of
    rows that hold it. Meanings are in the package's ``vocabularies.csv``."""
    rows = []
    for name, columns in data_package.vocabularies_used().items():
        counts = value_counts(dataset, columns)
        vocabulary = data_package.vocabulary(name)
        values = ", ".join(f"{code(value)} ({int(counts.get(value, 0))})" for value in vocabulary)
        rows.append(
            {
                "Vocabulary": name.replace("_", " "),
                "Columns": Markup(", ".join(code(c) for c in columns)),
                "Values (rows)": Markup(values),
            }
        )
    return pd.DataFrame(rows, columns=["Vocabulary", "Columns", "Values (rows)"])


def vocabularies_data(dataset: Dataset) -> pd.DataFrame:
    """:func:`vocabularies_summary` as data: one row per value of each vocabulary, with the
    columns that take it and the number of rows that hold it."""
    rows = []
    for name, columns in data_package.vocabularies_used().items():
        counts = value_counts(dataset, columns)
        for value in data_package.vocabulary(name):
            rows.append(
                {
                    "vocabulary": name,
                    "columns": ";".join(columns),
                    "value": value,
                    "rows": int(counts.get(value, 0)),
                }
            )
    return pd.DataFrame(rows, columns=["vocabulary", "columns", "value", "rows"])


# ----------------------------------------------------------------------------------------------
# The evidence by source
# ----------------------------------------------------------------------------------------------


def evidence_by_source(scope: Scope) -> pd.DataFrame:
    """Passages per selected source and kind of record attested, with the number credited to
    other publications; one row per source, oldest first."""
    evidence = scope.evidence
    kinds = evidence["subject_id"].map(schema.table_of_id)
    grid = (
        pd.crosstab(evidence["source_id"], kinds)
        .reindex(index=list(scope.sources.index), columns=list(SUBJECT_TABLES))
        .fillna(0)
        .astype(int)
    )
    credited = (evidence["origins"].map(len) > 0).groupby(evidence["source_id"]).sum()
    grid["all passages"] = grid.sum(axis=1)
    grid["credited to others"] = credited.reindex(grid.index).fillna(0).astype(int)
    grid.index = pd.Index(list(scope.sources["label"]), name="Source")
    return grid.reset_index()


def records(scope: Scope) -> int:
    """The records (events, deals, figures, claims) the selected sources attest."""
    return int(scope.evidence["subject_id"].nunique())


def single_sourced(scope: Scope) -> int:
    """The records that only one of the selected sources attests."""
    per_record = scope.evidence.groupby("subject_id")["source_id"].nunique()
    return int((per_record == 1).sum())


def credited_passages(scope: Scope) -> int:
    """The passages of the selected sources that their articles credit to other publications."""
    return int((scope.evidence["origins"].map(len) > 0).sum())


def largest_source(scope: Scope) -> tuple[words.Words, int]:
    """The selected source with the most passages (the older one on a tie), and their number;
    ('no source', 0) when nothing is selected."""
    counts = scope.evidence.groupby("source_id").size()
    if counts.empty:
        return words.Words("no source"), 0
    ordered = counts.reindex(list(scope.sources.index)).fillna(0).astype(int)
    top = ordered.idxmax()
    return words.Words(str(scope.sources.at[top, "label"])), int(ordered[top])


def passages_in_voice(scope: Scope, voice: str) -> int:
    """The passages of the selected sources spoken in ``voice`` (``reader``, ``quoted``, …)."""
    return int((scope.evidence["voice"] == voice).sum())


def table_count() -> words.Words:
    """How many tables the schema declares, in words ('eight')."""
    return words.Words(words.number_word(len(schema.TABLES)))


def version_words(package: PublishedPackage) -> words.Words:
    """The version of the published package, as the page shows it inline."""
    return words.Words(str(package.descriptor["version"]))


def archive_words(package: PublishedPackage) -> words.Words:
    """The file name of the zipped package, as the page shows it inline."""
    return words.Words(package.archive)


def created_words(package: PublishedPackage) -> words.Words:
    """The day the package is dated, in words ('1 December 2026')."""
    return words.Words(words.format_date(str(package.descriptor["created"])[:10], "day"))
