"""Tables for the book: MyST list-tables that are real tables in HTML and in the PDF.

A list-table with explicit column widths becomes a LaTeX table whose columns wrap their text
(``longtable`` with ``\\X`` columns once it is long), so long cells never run off the page.
Cells from the data are escaped; cells that are :class:`~helpers.markup.Markup` (links,
citations) are kept as they are.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd

from helpers.render.markup import Markup, escape


def list_table(
    frame: pd.DataFrame,
    *,
    widths: Sequence[int],
    caption: str | None = None,
    name: str | None = None,
    classes: Sequence[str] = (),
) -> Markup:
    """``frame`` (its columns as header, its rows as body) as a MyST list-table; ``classes``
    are added to its HTML classes (``later-record`` marks material from outside the articles)."""
    if len(widths) != len(frame.columns):
        raise ValueError(f"{len(widths)} widths given for {len(frame.columns)} columns")
    title = f" {escape(caption)}" if caption else ""
    lines = [
        f"::::{{list-table}}{title}",
        ":header-rows: 1",
        f":widths: {' '.join(map(str, widths))}",
    ]
    if name:
        lines.append(f":name: {name}")
    lines.append(" ".join([":class: book-table longtable", *classes]))
    lines.append("")
    rows = [list(frame.columns), *frame.itertuples(index=False, name=None)]
    for row in rows:
        for i, cell in enumerate(row):
            text = cell_text(cell)
            lines.append(f"{'* -' if i == 0 else '  -'} {text}".rstrip())
    lines.append("::::")
    return Markup("\n".join(lines) + "\n")


def cell_text(value: object) -> str:
    """One cell as MyST: markup as it is, lists ';'-joined, whole floats without decimals,
    missing values empty, anything else escaped."""
    if isinstance(value, Markup):
        return " ".join(value.split())
    if value is None or (not isinstance(value, list | tuple) and pd.isna(value)):
        return ""
    if isinstance(value, list | tuple):
        return escape("; ".join(str(v) for v in value))
    if isinstance(value, float) and value.is_integer():
        return escape(f"{value:,.0f}")
    return escape(value)


def csv_ready(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` whose list cells are ';'-joined, as in the data tables."""
    return frame.apply(
        lambda col: col.map(lambda v: ";".join(map(str, v)) if isinstance(v, list | tuple) else v)
    )


def named_sources(frame: pd.DataFrame, labels: Mapping[str, str]) -> pd.DataFrame:
    """``frame`` with every source (or cited work) given by its id, as a column's name or as
    a cell's whole text, named by its label instead ('src-aq-2018' → 'Qureshi (2018)'), so
    that no reader meets a code in a table."""

    def name(value: object) -> object:
        return labels.get(value, value) if isinstance(value, str) else value

    return frame.rename(columns=lambda c: name(c)).apply(lambda column: column.map(name))
