"""A chapter notebook reads as analysis: prose in markdown, short cells that compute and show, no
function defined, no data id typed, no speed device; the rules live in the chapter's module."""

from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest
from support.prose import prose_counts

from helpers.chapters.contents import chapter_names

ROOT = Path(__file__).resolve().parents[2]
CHAPTERS = chapter_names(ROOT)
MAX_CELL_LINES = 15
MARKDOWN_SHARE = 0.8
SPEED_DEVICES = ("lookup_rows",)


def code_cells(chapter: str) -> list[str]:
    notebook = ROOT / "chapters" / f"{chapter}.ipynb"
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    return ["".join(c["source"]) for c in cells if c["cell_type"] == "code"]


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_cells_are_short_and_define_nothing(chapter: str) -> None:
    for source in code_cells(chapter):
        lines = [line for line in source.splitlines() if line.strip()]
        assert len(lines) <= MAX_CELL_LINES, f"a cell of {len(lines)} lines:\n{source}"
        tree = ast.parse(source)
        defined = [
            n
            for n in ast.walk(tree)
            if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef | ast.Lambda)
        ]
        assert not defined, f"a cell defines a function or a class:\n{source}"
        assert not any(device in source for device in SPEED_DEVICES), source


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_no_cell_prints_a_value(chapter: str) -> None:
    """A cell ends with an assignment or a call that shows something, never with a bare value
    whose representation would be printed into the book."""
    for source in code_cells(chapter):
        tree = ast.parse(source)
        if tree.body and isinstance(tree.body[-1], ast.Expr):
            assert isinstance(tree.body[-1].value, ast.Call), f"a cell ends with a value:\n{source}"


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_prose_is_written_in_markdown(chapter: str) -> None:
    markdown, code = prose_counts(ROOT / "chapters" / f"{chapter}.ipynb")
    share = markdown / (markdown + code) if markdown + code else 1.0
    assert share >= MARKDOWN_SHARE, (
        f"{chapter}: {markdown} characters of prose in markdown, {code} in code strings "
        f"({share:.0%} in markdown)"
    )
