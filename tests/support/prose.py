"""How much of a chapter's prose is written in markdown, and how much is made in code.

Prose in markdown: the characters (white space left out) of the markdown cells, without the
labels, the roles (``{eval}`…```, ``{cite:t}`…```, ``{ref}`…```) and the markup of headings and
lists. Prose in code: the characters of the string literals in the notebook's code cells and in
the functions of the chapter's modules that return text (their return annotation names
``Markup``, ``Words`` or ``str``), which is where sentences are made; docstrings, column keys
(``row["voice"]``) and the values a key is compared with (``== "author"``) are not prose a reader
sees, and are left out. A chapter's modules are ``helpers/chapters/<chapter>.py``, or every module
of the package ``helpers/chapters/<chapter>/``.

Run it as a script to print the numbers: ``python tests/support/prose.py contested_claims``.
"""

from __future__ import annotations

import ast
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TEXT_RETURNS = re.compile(r"\b(Markup|Words|str)\b")
ROLE = re.compile(r"\{(?:eval|cite:t|cite:p|ref|numref|download)\}`[^`]*`")
LABEL = re.compile(r"^\([\w-]+\)=\s*$", re.MULTILINE)
MARKUP = re.compile(r"^\s*(?:#+|-|\*)\s+", re.MULTILINE)


@dataclass(frozen=True)
class Prose:
    """The prose characters of a chapter, in markdown and in code."""

    markdown: int
    code: int

    @property
    def share(self) -> float:
        """The share of the prose written in markdown."""
        total = self.markdown + self.code
        return self.markdown / total if total else 1.0


def _visible(text: str) -> int:
    return len("".join(text.split()))


def markdown_prose(source: str) -> int:
    """The prose characters of one markdown cell."""
    text = LABEL.sub("", source)
    text = ROLE.sub("", text)
    return _visible(MARKUP.sub("", text))


def _not_prose(tree: ast.AST) -> set[int]:
    """The string constants under ``tree`` that no reader sees: docstrings, subscripts and the
    operands of comparisons."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Constant):
            found.add(id(node.slice))
        elif isinstance(node, ast.Compare):
            found.update(
                id(n) for n in (node.left, *node.comparators) if isinstance(n, ast.Constant)
            )
    return found | _docstrings(tree)


def _docstrings(tree: ast.AST) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(body, list) and body and isinstance(body[0], ast.Expr):
            value = body[0].value
            if isinstance(value, ast.Constant) and isinstance(value.value, str):
                found.add(id(value))
    return found


def string_prose(tree: ast.AST) -> int:
    """The characters of the string literals under ``tree`` that a reader can see."""
    skip = _not_prose(tree)
    return sum(
        _visible(node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip
    )


def sentence_functions(module: Path) -> list[ast.FunctionDef]:
    """The functions of a module that return text."""
    tree = ast.parse(module.read_text(encoding="utf-8"))
    return [
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef)
        and node.returns is not None
        and TEXT_RETURNS.search(ast.unparse(node.returns))
    ]


def chapter_modules(chapter: str, root: Path = ROOT) -> list[Path]:
    """The modules of a chapter: its module, or every module of its package, in name order."""
    base = root / "src" / "helpers" / "chapters" / chapter
    return sorted(base.rglob("*.py")) if base.is_dir() else [base.with_suffix(".py")]


def measure(chapter: str, root: Path = ROOT) -> Prose:
    """The prose of ``chapters/<chapter>.ipynb`` and of the chapter's modules
    (:func:`chapter_modules`)."""
    notebook = json.loads((root / "chapters" / f"{chapter}.ipynb").read_text(encoding="utf-8"))
    markdown = code = 0
    for cell in notebook["cells"]:
        source = cell["source"] if isinstance(cell["source"], str) else "".join(cell["source"])
        if cell["cell_type"] == "markdown":
            markdown += markdown_prose(source)
        elif cell["cell_type"] == "code":
            code += string_prose(ast.parse(source))
    for module in chapter_modules(chapter, root):
        code += sum(string_prose(function) for function in sentence_functions(module))
    return Prose(markdown, code)


def prose_counts(notebook: Path) -> tuple[int, int]:
    """Characters of prose in a notebook's markdown, and in the string literals of its code
    cells and of its modules' text-returning functions."""
    root = notebook.resolve().parents[1]
    prose = measure(notebook.stem, root)
    return prose.markdown, prose.code


if __name__ == "__main__":
    for name in sys.argv[1:]:
        prose = measure(name)
        print(
            f"{name}: {prose.markdown:,} characters of prose in markdown, {prose.code:,} in "
            f"code strings: {prose.share:.0%} in markdown"
        )
