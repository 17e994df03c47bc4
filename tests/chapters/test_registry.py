"""The chapters and their modules: one module per notebook of ``_toc.yml``, parameters declared once
(the notebook's ``parameters`` cell is the literal copy papermill needs), notebooks that open
their own module, and the data ids a chapter depends on named in its module and present in the
data."""

from __future__ import annotations

import ast
import importlib
import json
import pkgutil
import re
from pathlib import Path
from types import ModuleType

import nbformat
import papermill
import pytest

from helpers.analysis.params import ParameterError
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


def test_a_chapter_package_is_one_chapter_and_its_modules_are_not_chapters() -> None:
    packages = [c for c in CHAPTERS if hasattr(registry.module(c), "__path__")]
    assert "chronology" in packages
    for chapter in packages:
        inner = [info.name for info in pkgutil.iter_modules(registry.module(chapter).__path__)]
        assert inner, f"{chapter} is a package with modules"
        for name in inner:
            for spelled in (name, f"{chapter}.{name}"):
                assert spelled not in registry.chapter_modules()
                with pytest.raises(ParameterError, match="is not a chapter"):
                    registry.module(spelled)


def chapter_modules(chapter: str) -> list[ModuleType]:
    """The module of a chapter and, when it is a package, every module in it."""
    module = registry.module(chapter)
    inner = pkgutil.walk_packages(getattr(module, "__path__", []), f"{module.__name__}.")
    return [module, *(importlib.import_module(info.name) for info in inner)]


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_the_ids_a_chapter_names_exist_in_the_data(chapter: str, dataset: Dataset) -> None:
    named = {
        value
        for module in chapter_modules(chapter)
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
