"""How much of a chapter's prose is written in markdown, and how much is assembled in code.

Markdown prose is the text of the markdown cells, without the inline values (``{eval}`…```),
labels (``(name)=``), role and directive syntax and code. Prose in code is every string literal
of three words or more in the notebook's code cells and in the chapter's module (docstrings
left out): the sentences a chapter builds rather than writes.
"""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

_EVAL = re.compile(r"\{eval\}(`+).+?\1", re.DOTALL)
_ROLE = re.compile(r"\{[\w:-]+\}`([^`]*)`")
_LABEL = re.compile(r"^\([\w-]+\)=\s*$", re.MULTILINE)
_FENCE = re.compile(r"^(```|:::).*?^\1", re.DOTALL | re.MULTILINE)
_MARKS = re.compile(r"[#*_>`\[\]]|\(\S+\.ipynb\)|\(\S+\.md\)")


def markdown_prose(source: str) -> str:
    """The prose of a markdown cell."""
    text = _FENCE.sub("", source)
    text = _LABEL.sub("", text)
    text = _EVAL.sub("", text)
    text = _ROLE.sub(lambda m: m.group(1).split("<")[0], text)
    text = _MARKS.sub("", text)
    return " ".join(text.split())


def _docstrings(tree: ast.AST) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            body = getattr(node, "body", [])
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                found.add(id(body[0].value))
    return found


def code_prose(source: str) -> list[str]:
    """The string literals of three words or more in Python ``source`` (docstrings left out,
    the literal parts of f-strings counted)."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return []
    skip = _docstrings(tree)
    found = []
    for node in ast.walk(tree):
        is_text = isinstance(node, ast.Constant) and isinstance(node.value, str)
        if is_text and id(node) not in skip and len(node.value.split()) >= 3:
            found.append(" ".join(node.value.split()))
    return found


def prose_counts(notebook: Path, module: Path) -> tuple[int, int]:
    """Characters of prose in the notebook's markdown, and in strings of its code and module."""
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    markdown = sum(
        len(markdown_prose("".join(c["source"]))) for c in cells if c["cell_type"] == "markdown"
    )
    code = sum(
        len(s) for c in cells if c["cell_type"] == "code" for s in code_prose("".join(c["source"]))
    )
    code += sum(len(s) for s in code_prose(module.read_text(encoding="utf-8")))
    return markdown, code
