"""The package's descriptor (``datapackage.json``): the version, the creation date, the licences,
the five articles as its sources, and the resources with their size and SHA-256."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from pathlib import Path

import pandas as pd

from helpers.analysis.scope import source_label
from helpers.evidence import Dataset, schema
from helpers.evidence.schema import Table
from helpers.render import licences
from helpers.render.data_package.manifest import (
    DICTIONARY,
    DOCUMENTS,
    PACKAGE_NAME,
    PACKAGE_TITLE,
    PROFILES,
    VOCABULARIES,
    Release,
    table_file,
)
from helpers.render.data_package.table_schema import (
    DICTIONARY_SCHEMA,
    VOCABULARIES_SCHEMA,
    table_schema,
)

KEYWORDS = ("Pakistan", "Russia", "foreign relations", "South Asia", "provenance", "evidence")


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
