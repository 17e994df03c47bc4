"""The Table Schema of each table, from the one schema: each column's type and constraints, the
patterns of list columns and references, the keys; and the data dictionary."""

from __future__ import annotations

import re
from collections.abc import Iterable

import pandas as pd

from helpers.evidence import schema
from helpers.evidence.columns import URL_PATTERN
from helpers.evidence.schema import ID_PATTERN, Column, Table
from helpers.render.data_package.manifest import PROFILES
from helpers.render.data_package.vocabulary_tables import vocabulary_name

DATE_PATTERN = r"\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?"
"""An ISO-8601 prefix: ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``."""


TABLE_SCHEMA_TYPES: dict[str, str] = {"number": "number", "integer": "integer"}
"""The Table Schema type of each kind of column that is not a string."""


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
