"""The dataset published as a Frictionless data package, described from the one schema.

The package follows the `Data Package standard, version 2.0 <https://datapackage.org/>`_ (each
descriptor names its profile in ``$schema``). It holds, in one folder:

- one CSV per table of :data:`helpers.evidence.schema.TABLES`, each a tabular resource with its
  Table Schema: the types, the constraints (required values, unique ids, the values of the
  vocabularies as ``enum`` with their meanings as ``categories``, patterns for ids, dates,
  digests and web addresses), the primary key, and a foreign key for every column that refers
  to one table;
- the data dictionary (``data_dictionary.csv``: every column of every table) and the
  vocabularies (``vocabularies.csv``: every value with its meaning), resources of their own;
- ``datapackage.json``, the descriptor: the version, the creation date, the licences, the five
  articles as its sources, and the resources with their size and SHA-256;
- the data card (``README.md``) and the change log (``CHANGELOG.md``) of ``data/``.

**List columns** (``;``-separated ids or vocabulary values) are declared as strings whose
``pattern`` admits only a ``;``-separated list of valid items: Table Schema's ``list`` type can
check neither the items' vocabulary nor their references, and ``array`` with ``arrayItem``
expects JSON arrays in the cells. **References to one of several tables** (an evidence row's
subject is an event, a deal, a figure or a claim) cannot be a foreign key, which names one
table: their pattern admits the ids of those tables only. The cross-table rules that Table
Schema cannot state are checked by :func:`helpers.evidence.validate`.

Every CSV is written through :func:`helpers.render.show.write_csv`, among the files of the
current chapter (:func:`helpers.render.show.context`), and the whole folder is zipped into one
reproducible archive (entries sorted, dated by the release, never by the clock).
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import zipfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd

from helpers.analysis.scope import source_label
from helpers.evidence import Dataset, release, schema, vocabularies
from helpers.evidence.columns import URL_PATTERN
from helpers.evidence.schema import ID_PATTERN, Column, Table
from helpers.evidence.vocabularies import Vocabulary
from helpers.render import licences

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

DATE_PATTERN = r"\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?"
"""An ISO-8601 prefix: ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``."""

ZIP_EPOCH = datetime(1980, 1, 1, tzinfo=UTC)
"""The earliest time a zip entry can carry."""

KEYWORDS = ("Pakistan", "Russia", "foreign relations", "South Asia", "provenance", "evidence")

TABLE_SCHEMA_TYPES: dict[str, str] = {"number": "number", "integer": "integer"}
"""The Table Schema type of each kind of column that is not a string."""


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


# ----------------------------------------------------------------------------------------------
# Vocabularies
# ----------------------------------------------------------------------------------------------


def vocabulary_name(vocabulary: Vocabulary) -> str:
    """The name of a vocabulary: its constant in :mod:`helpers.evidence.vocabularies`, lower
    case (``DEAL_STATUSES`` → ``deal_statuses``)."""
    for name, value in vars(vocabularies).items():
        if value is vocabulary and name.isupper():
            return name.lower()
    raise KeyError("the vocabulary is not declared in helpers.evidence.vocabularies")


def vocabularies_used(tables: Iterable[Table] = schema.TABLES) -> dict[str, list[str]]:
    """Every vocabulary the tables use, by name, with the columns (``table.column``) that take
    it, in schema order."""
    used: dict[str, list[str]] = {}
    for table in tables:
        for column in table.columns:
            if column.vocabulary is not None:
                name = vocabulary_name(column.vocabulary)
                used.setdefault(name, []).append(f"{table.name}.{column.name}")
    return used


def vocabulary(name: str) -> Vocabulary:
    """The vocabulary called ``name`` (:func:`vocabulary_name`)."""
    return getattr(vocabularies, name.upper())


def vocabulary_table(tables: Iterable[Table] = schema.TABLES) -> pd.DataFrame:
    """Every value of every vocabulary the tables use: the vocabulary, the value (the code
    stored in the data), its meaning and the columns that take it."""
    rows = [
        {
            "vocabulary": name,
            "value": code,
            "meaning": meaning,
            "used_in": ";".join(columns),
        }
        for name, columns in vocabularies_used(tables).items()
        for code, meaning in vocabulary(name).items()
    ]
    return pd.DataFrame(rows, columns=["vocabulary", "value", "meaning", "used_in"])


# ----------------------------------------------------------------------------------------------
# Table Schema
# ----------------------------------------------------------------------------------------------


def _prefixes(names: Iterable[str]) -> str:
    prefixes = [schema.TABLES_BY_NAME[name].id_prefix for name in names]
    return prefixes[0] if len(prefixes) == 1 else f"(?:{'|'.join(prefixes)})"


def _list_of(item: str) -> str:
    """A pattern for a ``;``-separated list of items matching ``item``."""
    return f"(?:{item})(?:;(?:{item}))*"


def item_pattern(column: Column, table: Table) -> str | None:
    """The pattern one value (one item of a list) of ``column`` must match, if any."""
    if column.kind == "id":
        return f"{table.id_prefix}-{ID_PATTERN}"
    if column.kind in ("ref", "ref_list"):
        return f"{_prefixes(column.references)}-{ID_PATTERN}"
    if column.kind == "enum_list" and column.vocabulary is not None:
        return "|".join(re.escape(code) for code in column.vocabulary)
    if column.kind == "date":
        return DATE_PATTERN
    if column.kind == "sha256":
        return "[0-9a-f]{64}"
    if column.kind == "url":
        return URL_PATTERN
    return None


def field(column: Column, table: Table) -> dict[str, object]:
    """The Table Schema field of ``column``."""
    described: dict[str, object] = {
        "name": column.name,
        "type": TABLE_SCHEMA_TYPES.get(column.kind, "string"),
        "description": column.description,
    }
    if column.kind == "url":
        described["format"] = "uri"
    constraints: dict[str, object] = {}
    if column.required:
        constraints["required"] = True
    if column.kind == "id":
        constraints["unique"] = True
    pattern = item_pattern(column, table)
    if pattern is not None:
        constraints["pattern"] = _list_of(pattern) if column.is_list else f"(?:{pattern})"
    if column.kind == "enum" and column.vocabulary is not None:
        constraints["enum"] = list(column.vocabulary)
        described["categories"] = [
            {"value": code, "label": meaning} for code, meaning in column.vocabulary.items()
        ]
    if constraints:
        described["constraints"] = constraints
    return described


def foreign_keys(table: Table) -> list[dict[str, object]]:
    """A foreign key for every single-valued column that refers to exactly one table."""
    keys: list[dict[str, object]] = []
    for column in table.columns:
        if column.kind == "ref" and len(column.references) == 1:
            target = schema.TABLES_BY_NAME[column.references[0]]
            keys.append(
                {
                    "fields": [column.name],
                    "reference": {"resource": target.name, "fields": [target.id_column]},
                }
            )
    return keys


def table_schema(table: Table) -> dict[str, object]:
    """The Table Schema of ``table``."""
    described: dict[str, object] = {
        "$schema": f"{PROFILES}/tableschema.json",
        "fields": [field(column, table) for column in table.columns],
        "missingValues": [""],
        "primaryKey": [table.id_column],
    }
    keys = foreign_keys(table)
    if keys:
        described["foreignKeys"] = keys
    return described


def _strings(*names: str) -> list[dict[str, object]]:
    return [{"name": name, "type": "string"} for name in names]


DICTIONARY_SCHEMA: dict[str, object] = {
    "$schema": f"{PROFILES}/tableschema.json",
    "fields": [
        *_strings("table", "column", "kind", "type"),
        {"name": "required", "type": "boolean", "trueValues": ["yes"], "falseValues": ["no"]},
        *_strings("meaning", "vocabulary", "references", "pattern"),
    ],
    "missingValues": [""],
    "primaryKey": ["table", "column"],
}

VOCABULARIES_SCHEMA: dict[str, object] = {
    "$schema": f"{PROFILES}/tableschema.json",
    "fields": _strings("vocabulary", "value", "meaning", "used_in"),
    "missingValues": [""],
    "primaryKey": ["vocabulary", "value"],
}


def dictionary(tables: Iterable[Table] = schema.TABLES) -> pd.DataFrame:
    """The data dictionary: one row per column of every table, with its kind, its Table Schema
    type, whether a value is required, its meaning, its vocabulary (a name of
    ``vocabularies.csv``), the tables it refers to and the pattern its values match."""
    rows = []
    for table in tables:
        for column in table.columns:
            described = field(column, table)
            constraints = described.get("constraints", {})
            assert isinstance(constraints, dict)
            rows.append(
                {
                    "table": table.name,
                    "column": column.name,
                    "kind": schema.COLUMN_KIND_WORDS[column.kind],
                    "type": described["type"],
                    "required": "yes" if column.required else "no",
                    "meaning": column.description,
                    "vocabulary": vocabulary_name(column.vocabulary) if column.vocabulary else "",
                    "references": ";".join(column.references),
                    "pattern": constraints.get("pattern", ""),
                }
            )
    return pd.DataFrame(rows)


# ----------------------------------------------------------------------------------------------
# The tables as published
# ----------------------------------------------------------------------------------------------


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


# ----------------------------------------------------------------------------------------------
# The descriptor
# ----------------------------------------------------------------------------------------------


def source_title(source: pd.Series) -> str:
    """A source of the package in words: label, title, outlet and date."""
    return f"{source_label(source)}: {source['title']}. {source['outlet']}, {source['published']}"


def package_sources(dataset: Dataset) -> list[dict[str, str]]:
    """The five articles as the package's ``sources``, with their address where it is public."""
    described = []
    for _, source in dataset.sources.sort_values("published", kind="stable").iterrows():
        item = {"title": source_title(source)}
        url = source["original_url"] or source["archive_url"]
        if url:
            item["path"] = url
        described.append(item)
    return described


def _description(dataset: Dataset) -> str:
    return (
        f"Events, deals, figures, claims and citations extracted by hand from "
        f"{len(dataset.sources)} articles on relations between Pakistan and Russia published "
        "between 2012 and 2021, each record backed by a verbatim quotation of an article "
        "(evidence.csv). The data dictionary (data_dictionary.csv) and the vocabularies "
        "(vocabularies.csv) describe every column and value; README.md is the data card and "
        f"CHANGELOG.md says what changed between versions. {licences.QUOTES_TERMS}"
    )


def _file_facts(path: Path) -> dict[str, object]:
    data = path.read_bytes()
    return {"bytes": len(data), "hash": f"sha256:{hashlib.sha256(data).hexdigest()}"}


def _csv_resource(
    name: str, title: str, description: str, described: Mapping[str, object], path: Path
) -> dict[str, object]:
    return {
        "name": name,
        "type": "table",
        "path": path.name,
        "title": title,
        "description": description,
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        **_file_facts(path),
        "schema": dict(described),
    }


def table_description(table: Table) -> str:
    """What a table holds, and the rule every row of it obeys."""
    attested = (
        " Every row is attested by at least one row of evidence.csv."
        if table.needs_evidence
        else ""
    )
    return f"{table.description} Ids begin with '{table.id_prefix}-'.{attested}"


def descriptor(
    dataset: Dataset, release: Release, folder: Path, tables: Iterable[Table] = schema.TABLES
) -> dict[str, object]:
    """The ``datapackage.json`` of the package whose files are in ``folder``."""
    tables = tuple(tables)
    resources = [
        _csv_resource(
            t.name,
            t.file_name,
            table_description(t),
            table_schema(t),
            folder / table_file(t),
        )
        for t in tables
    ]
    resources.append(
        _csv_resource(
            DICTIONARY,
            "Data dictionary",
            "Every column of every table: its kind, type, whether a value is required, its "
            "meaning, its vocabulary, the tables it refers to and the pattern of its values.",
            DICTIONARY_SCHEMA,
            folder / f"{DICTIONARY}.csv",
        )
    )
    resources.append(
        _csv_resource(
            VOCABULARIES,
            "Vocabularies",
            "Every value of every controlled vocabulary, with its meaning and the columns that "
            "take it.",
            VOCABULARIES_SCHEMA,
            folder / f"{VOCABULARIES}.csv",
        )
    )
    for document, what in DOCUMENTS.items():
        if (folder / document).is_file():
            resources.append(
                {
                    "name": document.removesuffix(".md").lower().replace("_", "-"),
                    "path": document,
                    "title": what[0].upper() + what[1:],
                    "format": "md",
                    "mediatype": "text/markdown",
                    "encoding": "utf-8",
                    **_file_facts(folder / document),
                }
            )
    return {
        "$schema": f"{PROFILES}/datapackage.json",
        "name": PACKAGE_NAME,
        "title": PACKAGE_TITLE,
        "description": _description(dataset),
        "version": release.version,
        "created": release.created_text,
        "keywords": list(KEYWORDS),
        "licenses": [licences.TEXT_AND_DATA.as_package()],
        "contributors": [{"title": licences.BOOK_AUTHOR, "roles": ["creator"]}],
        "sources": package_sources(dataset),
        "resources": resources,
    }


# ----------------------------------------------------------------------------------------------
# Writing
# ----------------------------------------------------------------------------------------------


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
