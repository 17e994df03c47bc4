"""Executed notebooks made reproducible, failing cells found, variant folders named."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

from helpers.build.notebooks import find_failure, has_outputs, normalize_executed, to_bytes
from helpers.build.paths import Paths, variant_slug

ROOT = Path(__file__).resolve().parents[2]


def executed_notebook(error_in: int | None = None) -> nbformat.NotebookNode:
    """A notebook as papermill leaves it: injected cell, timing metadata, maybe an error."""
    cells = [
        new_markdown_cell("# Title", id="title"),
        new_code_cell("start_year = 1947", id="parameters", metadata={"tags": ["parameters"]}),
        new_code_cell("start_year = 2015", id="a1b2c3", metadata={"tags": ["injected-parameters"]}),
        new_code_cell("x = 1", id="one"),
        new_code_cell("\n\ny = 1 / 0\nz = 2", id="two"),
    ]
    for cell in cells:
        cell.metadata["papermill"] = {"duration": 0.1, "start_time": "2026-01-01T00:00:00"}
        cell.metadata["execution"] = {"iopub.execute_input": "2026-01-01T00:00:00"}
    if error_in is not None:
        cells[error_in].outputs = [
            new_output("error", ename="ZeroDivisionError", evalue="division by zero", traceback=[])
        ]
        banner = new_markdown_cell("An Exception was encountered", id="banner")
        banner.metadata["tags"] = ["papermill-error-cell-tag"]
        cells.insert(0, banner)
    notebook = new_notebook(cells=cells)
    notebook.metadata["papermill"] = {
        "parameters": {"start_year": 2015},
        "default_parameters": {},
        "input_path": "/somewhere/chapters/one.ipynb",
        "output_path": "/somewhere/_build/work/one.ipynb",
        "duration": 1.2,
        "start_time": "2026-01-01T00:00:00",
        "end_time": "2026-01-01T00:00:01",
        "environment_variables": {},
        "exception": None,
        "version": "2.7.0",
    }
    return notebook


def test_normalize_drops_timing_and_paths() -> None:
    notebook = normalize_executed(executed_notebook())
    assert notebook.metadata["papermill"] == {
        "parameters": {"start_year": 2015},
        "default_parameters": {},
    }
    for cell in notebook.cells:
        assert "papermill" not in cell.metadata and "execution" not in cell.metadata


def test_normalize_hides_the_parameter_cells_and_fixes_the_injected_id() -> None:
    notebook = normalize_executed(executed_notebook())
    parameters, injected = notebook.cells[1], notebook.cells[2]
    assert injected.id == "injected-parameters"
    assert "remove-cell" in injected.metadata["tags"]
    assert "remove-cell" in parameters.metadata["tags"]
    assert "remove-cell" not in notebook.cells[3].metadata.get("tags", [])


def test_normalized_notebooks_of_two_runs_are_byte_identical() -> None:
    first, second = executed_notebook(), executed_notebook()
    second.cells[2].id = "ffffff"
    second.metadata["papermill"]["duration"] = 9.9
    second.cells[3].metadata["papermill"]["duration"] = 3.3
    assert to_bytes(normalize_executed(first)) == to_bytes(normalize_executed(second))


def test_find_failure_counts_cells_as_in_the_source_notebook() -> None:
    failure = find_failure(executed_notebook(error_in=4))
    assert failure is not None
    assert (failure.index, failure.first_line) == (3, "y = 1 / 0")
    assert failure.describe() == (
        "cell index 3 (`y = 1 / 0`) raised ZeroDivisionError: division by zero"
    )


def test_find_failure_is_none_without_error() -> None:
    assert find_failure(executed_notebook()) is None


def test_has_outputs() -> None:
    notebook = executed_notebook()
    assert not has_outputs(notebook)
    notebook.cells[3].execution_count = 1
    assert has_outputs(notebook)


def test_chapter_sources_carry_no_outputs() -> None:
    notebooks = sorted((ROOT / "chapters").glob("*.ipynb"))
    assert notebooks
    for path in notebooks:
        notebook = nbformat.read(path, as_version=4)
        assert not has_outputs(notebook), f"{path.name} was saved with outputs"
        assert notebook.metadata["kernelspec"]["name"] == "python3", path.name


@pytest.mark.parametrize(
    ("changed", "slug"),
    [
        ({}, None),
        ({"start_year": 2015}, "start_year-2015"),
        ({"start_year": 2015, "end_year": 2018}, "end_year-2018__start_year-2015"),
        ({"themes": ["energy", "defence"]}, "themes-energy+defence"),
        ({"sources": []}, "sources-none"),
        ({"include_planned": False}, "include_planned-false"),
    ],
)
def test_variant_slug_is_readable(changed: dict[str, object], slug: str | None) -> None:
    assert variant_slug(changed) == slug


def test_variant_slug_of_a_path_is_safe() -> None:
    slug = variant_slug({"data_dir": "../../other data/v2"})
    assert slug is not None and slug.startswith("data_dir-")
    assert "/" not in slug and ".." not in slug and " " not in slug


def test_variant_slug_is_bounded() -> None:
    slug = variant_slug({"sources": [f"src-source-number-{i}" for i in range(20)]})
    assert slug is not None and len(slug) <= 100


def test_the_paths_of_the_default_book_and_of_a_variant(tmp_path: Path) -> None:
    default = Paths(tmp_path, tmp_path / "_build")
    assert default.for_variant({}) == default and not default.is_variant
    variant = default.for_variant({"start_year": 2015})
    assert variant.book == tmp_path / "_build" / "variants" / "start_year-2015"
    assert variant.is_variant
    assert variant.pdf == variant.book / "pdf" / "book.pdf"
    assert variant.data_dir == default.data_dir == tmp_path / "data"
