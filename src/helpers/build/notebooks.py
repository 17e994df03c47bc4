"""Executed notebooks: made reproducible for the book, and searched for the cell that failed."""

from __future__ import annotations

from dataclasses import dataclass

import nbformat
from nbformat import NotebookNode

from helpers.build.inline import METADATA_KEY, failed_expression, inline_expressions, write_values

INJECTED_TAG = "injected-parameters"
PARAMETERS_TAG = "parameters"
PAPERMILL_ERROR_TAG = "papermill-error-cell-tag"
HIDDEN_TAG = "remove-cell"
KEPT_PAPERMILL_METADATA = ("parameters", "default_parameters")


def _tags(cell: NotebookNode) -> list[str]:
    return list(cell.get("metadata", {}).get("tags", []))


def _hide(cell: NotebookNode) -> None:
    tags = _tags(cell)
    if HIDDEN_TAG not in tags:
        cell.setdefault("metadata", {})["tags"] = [*tags, HIDDEN_TAG]


def normalize_executed(notebook: NotebookNode) -> NotebookNode:
    """Drop timing and machine details so that the same inputs give the same bytes.

    Removes papermill's and nbclient's timing metadata and paths, gives the injected-parameters
    cell a fixed id, and hides it and the ``parameters`` cell from readers (``remove-cell``).
    The inline expressions of markdown cells are written into their text, as the values they
    took (:mod:`helpers.build.inline`), so that the book is plain MyST.
    """
    papermill = notebook.metadata.get("papermill")
    if papermill is not None:
        notebook.metadata["papermill"] = {
            key: papermill[key] for key in KEPT_PAPERMILL_METADATA if key in papermill
        }
    for cell in notebook.cells:
        metadata = cell.setdefault("metadata", {})
        metadata.pop("execution", None)
        metadata.pop("papermill", None)
        if cell.get("cell_type") == "markdown":
            evaluated = metadata.pop(METADATA_KEY, [])
            if inline_expressions(cell.source):
                cell["source"] = write_values(cell.source, evaluated)
        tags = _tags(cell)
        if INJECTED_TAG in tags:
            cell["id"] = INJECTED_TAG
        if INJECTED_TAG in tags or PARAMETERS_TAG in tags:
            _hide(cell)
    return notebook


def to_bytes(notebook: NotebookNode) -> bytes:
    """The notebook as written to disk (sorted keys, one-space indent, final newline)."""
    return (nbformat.writes(notebook) + "\n").encode("utf-8")


@dataclass(frozen=True)
class CellFailure:
    """The cell of a source notebook that raised, and what it raised."""

    index: int
    first_line: str
    ename: str
    evalue: str

    def describe(self) -> str:
        """``cell index 3 (`x = 1 / 0`) raised ZeroDivisionError: division by zero``."""
        return f"cell index {self.index} (`{self.first_line}`) raised {self.ename}: {self.evalue}"


def _first_line(source: str, limit: int = 80) -> str:
    lines = [line.strip() for line in source.splitlines() if line.strip()]
    line = lines[0] if lines else ""
    return line if len(line) <= limit else line[: limit - 1] + "…"


def find_failure(notebook: NotebookNode) -> CellFailure | None:
    """The first cell with an error output, indexed as in the source notebook, or None.

    Cells that papermill added (injected parameters, error banners) are not counted.
    """
    index = -1
    for cell in notebook.cells:
        tags = _tags(cell)
        if INJECTED_TAG in tags or PAPERMILL_ERROR_TAG in tags:
            continue
        index += 1
        failed = failed_expression(cell)
        if failed is not None:
            expression, ename, evalue = failed
            return CellFailure(index, f"{{eval}}`{expression}`", ename, " ".join(evalue.split()))
        for output in cell.get("outputs", []):
            if output.get("output_type") == "error":
                evalue = " ".join(str(output.get("evalue", "")).split())
                return CellFailure(index, _first_line(cell.source), output.get("ename", ""), evalue)
    return None


def has_outputs(notebook: NotebookNode) -> bool:
    """Whether any code cell carries outputs or an execution count, or any markdown cell the
    values of its inline expressions."""
    return any(
        cell.get("outputs") or cell.get("execution_count") is not None
        if cell.cell_type == "code"
        else bool(cell.get("metadata", {}).get(METADATA_KEY))
        for cell in notebook.cells
    )
