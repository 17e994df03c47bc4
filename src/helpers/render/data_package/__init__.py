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

The modules: :mod:`.manifest` (the standard, the names, the release and the files),
:mod:`.vocabulary_tables`, :mod:`.table_schema` (with the data dictionary), :mod:`.descriptor`
and :mod:`.writing`.
"""

from __future__ import annotations

from helpers.render.data_package.descriptor import descriptor, package_sources, table_description
from helpers.render.data_package.manifest import (
    DESCRIPTOR,
    DICTIONARY,
    DOCUMENTS,
    PACKAGE_NAME,
    PACKAGE_TITLE,
    PROFILES,
    STANDARD,
    VOCABULARIES,
    PublishedPackage,
    Release,
    archive_name,
    package_files,
    project_release,
    table_file,
)
from helpers.render.data_package.table_schema import (
    dictionary,
    field,
    foreign_keys,
    item_pattern,
    table_schema,
)
from helpers.render.data_package.vocabulary_tables import (
    vocabularies_used,
    vocabulary,
    vocabulary_name,
    vocabulary_table,
)
from helpers.render.data_package.writing import published_rows, write_package, write_zip

__all__ = [
    "DESCRIPTOR",
    "DICTIONARY",
    "DOCUMENTS",
    "PACKAGE_NAME",
    "PACKAGE_TITLE",
    "PROFILES",
    "STANDARD",
    "VOCABULARIES",
    "PublishedPackage",
    "Release",
    "archive_name",
    "descriptor",
    "dictionary",
    "field",
    "foreign_keys",
    "item_pattern",
    "package_files",
    "package_sources",
    "project_release",
    "published_rows",
    "table_description",
    "table_file",
    "table_schema",
    "vocabularies_used",
    "vocabulary",
    "vocabulary_name",
    "vocabulary_table",
    "write_package",
    "write_zip",
]
