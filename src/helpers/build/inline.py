"""The inline values of a chapter's prose: the ``{eval}`` roles of its markdown cells, and the text
each value is written as in the book.

JupyterLab (with jupyterlab-myst) and the book's engine (:mod:`helpers.build.expressions`) both
keep the evaluated expressions of a markdown cell in its ``user_expressions`` metadata: a list of
``{"expression": ..., "result": {"status": "ok", "data": {mime type: value}}}``. In the staged
book, each role is replaced by its value (:func:`write_values`), so that Jupyter Book receives
plain MyST.
"""

from __future__ import annotations

import ast
import re
from typing import Any

from helpers.render.markup import escape

METADATA_KEY = "user_expressions"
"""Where a markdown cell keeps its evaluated expressions (jupyterlab-myst's key)."""

ROLE = re.compile(r"\{eval\}(`+)(?P<expression>.+?)\1", re.DOTALL)
"""An inline expression: ``{eval}`` followed by a code span (any number of backticks)."""

_QUOTED = re.compile(r"""(['"]).*\1""", re.DOTALL)


def inline_expressions(source: str) -> list[str]:
    """The expressions of the ``{eval}`` roles in a markdown cell's source, in order, each once."""
    return list(dict.fromkeys(m.group("expression").strip() for m in ROLE.finditer(source)))


def value_markup(result: dict[str, Any]) -> str:
    """The MyST that an evaluated expression is written as: its ``text/markdown`` (markup the
    book's own objects produce, on one line), else its ``text/plain`` shown literally (a string's
    quotes removed, as JupyterLab shows it)."""
    data = result.get("data", {})
    if "text/markdown" in data:
        return " ".join(str(data["text/markdown"]).split())
    plain = str(data.get("text/plain", ""))
    if _QUOTED.fullmatch(plain):
        try:
            plain = str(ast.literal_eval(plain))
        except (ValueError, SyntaxError):
            plain = plain[1:-1]
    return escape(plain)


def write_values(source: str, evaluated: list[dict[str, Any]]) -> str:
    """``source`` with each ``{eval}`` role replaced by the markup of its value.

    Raises ``KeyError`` naming an expression that has no successful result.
    """
    values = {
        e["expression"]: value_markup(e["result"])
        for e in evaluated
        if e.get("result", {}).get("status") == "ok"
    }

    def replace(match: re.Match[str]) -> str:
        return values[match.group("expression").strip()]

    return ROLE.sub(replace, source)


def failed_expression(cell: dict[str, Any]) -> tuple[str, str, str] | None:
    """The first expression of a markdown cell that raised: (expression, ename, evalue)."""
    for evaluated in cell.get("metadata", {}).get(METADATA_KEY, []):
        result = evaluated.get("result", {})
        if result.get("status", "ok") != "ok":
            return evaluated["expression"], result.get("ename", ""), result.get("evalue", "")
    return None
