"""``CITATION.cff``: valid Citation File Format 1.2.0, and in step with the project: the version
of ``pyproject.toml``, the title of the book, the licences, and the five articles as its
references.

The file is checked against the format's JSON schema (``support/citation-file-format-1.2.0.
schema.json``, from the format's repository at tag 1.2.0) with ``jsonschema``: cffconvert, the
format's own validator, needs a ``jsonschema`` older than the one the book pins.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from helpers.evidence import release
from helpers.render import licences

ROOT = Path(__file__).resolve().parents[1]
SCHEMA = Path(__file__).parent / "support" / "citation-file-format-1.2.0.schema.json"


class CffLoader(yaml.SafeLoader):
    """YAML as the Citation File Format reads it: dates stay strings, as its schema expects."""


CffLoader.yaml_implicit_resolvers = {
    first: [r for r in resolvers if r[0] != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def read_cff(text: str) -> Any:
    return yaml.load(text, Loader=CffLoader)


def problems(citation: Any) -> list[str]:
    """Every way ``citation`` breaks the CFF 1.2.0 schema, as 'path: message'."""
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    validator = jsonschema.Draft7Validator(
        schema, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER
    )
    return [
        f"{'/'.join(map(str, error.path))}: {error.message}"
        for error in validator.iter_errors(citation)
    ]


@pytest.fixture(scope="module")
def citation() -> Any:
    return read_cff((ROOT / "CITATION.cff").read_text(encoding="utf-8"))


def test_citation_file_follows_the_format(citation) -> None:
    assert citation["cff-version"] == "1.2.0"
    assert problems(citation) == []


@pytest.mark.parametrize(
    ("change", "path"),
    [
        (lambda c: c.pop("authors"), ""),
        (lambda c: c.update({"date-released": "2026-13-01"}), "date-released"),
        (lambda c: c.update({"license": "CC-BY-4"}), "license"),
        (lambda c: c["references"][0].pop("title"), "references/0"),
    ],
)
def test_a_broken_citation_file_fails(citation, change, path: str) -> None:
    broken = read_cff((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    change(broken)
    found = problems(broken)
    assert found, "the schema accepted the broken file"
    assert any(problem.startswith(f"{path}:") for problem in found), found


def test_citation_file_names_the_project_s_version_title_and_licences(citation) -> None:
    version = release.version(ROOT)
    assert str(citation["version"]) == version
    assert str(citation["preferred-citation"]["version"]) == version
    title = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))["title"]
    assert citation["title"] == citation["preferred-citation"]["title"] == title
    assert set(citation["license"]) == {licences.TEXT_AND_DATA.spdx, licences.CODE.spdx}
    assert citation["authors"] == [{"name": licences.BOOK_AUTHOR}]


def test_citation_file_lists_the_five_articles(citation) -> None:
    with (ROOT / "data" / "sources.csv").open(encoding="utf-8", newline="") as handle:
        sources = list(csv.DictReader(handle))
    assert [r["title"] for r in citation["references"]] == [
        s["title"] for s in sorted(sources, key=lambda s: s["published"])
    ]
    urls = {r.get("url") for r in citation["references"]}
    assert {s["original_url"] for s in sources if s["original_url"]} <= urls
