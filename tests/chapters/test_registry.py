"""The chapters and their modules: one module per notebook of ``_toc.yml``, parameters declared once
(the notebook's ``parameters`` cell is the literal copy papermill needs), notebooks that open
their own module, and the data ids a chapter depends on named in its module and present in the
data."""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import nbformat
import papermill
import pytest

from helpers.chapters import registry
from helpers.chapters.contents import chapter_names
from helpers.evidence import Dataset, load
from helpers.evidence.schema import ID_PREFIXES

ROOT = Path(__file__).resolve().parents[2]
CHAPTERS = chapter_names(ROOT)
DATA_ID = re.compile(rf"\b(?:{'|'.join(ID_PREFIXES)})-[a-z0-9]+(?:-[a-z0-9]+)+\b")
"""An id of the data: a table's prefix, a hyphen and lower-case words (``claim-trade-low``)."""


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    """The project's dataset (read only)."""
    return load(ROOT / "data")


def notebook(chapter: str) -> nbformat.NotebookNode:
    return nbformat.read(ROOT / "chapters" / f"{chapter}.ipynb", as_version=4)


def test_every_chapter_of_the_book_has_a_module_and_every_module_a_chapter() -> None:
    assert CHAPTERS, "_toc.yml names chapter notebooks"
    assert sorted(CHAPTERS) == sorted(registry.chapter_modules())
    for chapter in CHAPTERS:
        assert registry.definition(chapter).chapter == chapter


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_parameters_cell_holds_the_declared_defaults(chapter: str) -> None:
    tagged = [c for c in notebook(chapter).cells if "parameters" in c.metadata.get("tags", [])]
    assert len(tagged) == 1, "exactly one cell is tagged parameters"
    inspected = papermill.inspect_notebook(str(ROOT / "chapters" / f"{chapter}.ipynb"))
    declared = {name: ast.literal_eval(info["default"]) for name, info in inspected.items()}
    assert declared == registry.defaults(chapter)
    assert list(declared) == list(registry.defaults(chapter))


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_the_notebook_opens_its_own_module(chapter: str) -> None:
    cells = notebook(chapter).cells
    position = next(i for i, c in enumerate(cells) if "parameters" in c.metadata.get("tags", []))
    before = "\n".join(c.source for c in cells[:position] if c.cell_type == "code")
    assert f"from helpers.chapters import {chapter} as chapter" in before
    assert cells[position + 1].source.strip() == "P, dataset, scope = chapter.open(globals())"


def test_defaults_are_json_like() -> None:
    for chapter in CHAPTERS:
        json.dumps(registry.defaults(chapter))


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_the_ids_a_chapter_names_exist_in_the_data(chapter: str, dataset: Dataset) -> None:
    module = registry.module(chapter)
    named = {
        value
        for name, value in vars(module).items()
        if name.isupper() and isinstance(value, str) and DATA_ID.fullmatch(value)
    }
    known = {i for name in ID_PREFIXES.values() for i in dataset.table(name).index}
    assert named <= known, f"{sorted(named - known)} are not ids of the data"


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_no_data_id_is_typed_in_a_notebook(chapter: str) -> None:
    for cell in notebook(chapter).cells:
        if cell.cell_type == "code":
            assert not DATA_ID.findall(cell.source), cell.source
