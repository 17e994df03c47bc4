"""What a chapter shows: computed paragraphs, tables, figures and notes, each displayed under the
code cell that makes it, and the CSV of every table and figure written beside the book.

Each is one output with two forms (see :mod:`helpers.render.lab_html`): MyST for the book, which
renders it with its number, cross-references and citations (``_config.yml`` tells myst-nb to
prefer ``text/markdown`` and to parse it as MyST), and HTML for JupyterLab, which prefers
``text/html``. The book hides the code and shows the outputs; a researcher running the notebook
sees the same outputs under the code.

A chapter first sets its context (:func:`use`, done by ``chapter.open``): where its tables go,
and the labels of the works it cites.
"""

from __future__ import annotations

import base64
import csv
import numbers
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure
from pandas import isna
from pandas.api.types import is_bool_dtype, is_numeric_dtype, is_scalar

from helpers.render import figure_style, lab_html, markup, tables
from helpers.render.markup import Markup

MAX_ROWS_SHOWN = 400
"""Longest table printed in a page; longer ones show their first rows and link the full CSV."""

BOOK_TABLES = "../../tables"
"""The tables folder as seen from a staged chapter (``_build/executed/chapters/``)."""


@dataclass
class Context:
    """Where a chapter's outputs go and how citations read in JupyterLab."""

    chapter: str
    tables_dir: Path
    labels: Mapping[str, str] = field(default_factory=dict)

    def path(self, file_name: str) -> Path:
        """Where the chapter writes ``file_name``: ``<tables_dir>/<chapter>/``, created."""
        folder = self.tables_dir / self.chapter
        folder.mkdir(parents=True, exist_ok=True)
        return folder / file_name

    def book_path(self, file_name: str) -> str:
        """The path of one of the chapter's files from its page in the staged book."""
        return f"{BOOK_TABLES}/{self.chapter}/{file_name}"

    def package_path(self, file_name: str) -> str:
        """The name of one of the chapter's files in the data package: ``<chapter>/<file>``."""
        return f"{self.chapter}/{file_name}"


_context: Context | None = None


def use(context: Context) -> None:
    """Make ``context`` the one the following outputs use."""
    global _context
    _context = context


def context() -> Context:
    """The current context; a chapter sets it when it opens."""
    if _context is None:
        raise RuntimeError("no chapter is open: run the notebook's setup cell first")
    return _context


def _display(bundle: dict[str, str]) -> None:
    from IPython.display import display

    display(bundle, raw=True)


def _bundle(myst: str, html: str, plain: str) -> dict[str, str]:
    return {"text/markdown": myst, "text/html": html, "text/plain": plain}


# ----------------------------------------------------------------------------------------------
# Prose
# ----------------------------------------------------------------------------------------------


def paragraph(text: str) -> None:
    """Show a paragraph computed from the data (MyST: data-derived parts already escaped);
    nothing when ``text`` is empty."""
    if not str(text).strip():
        return
    labels = context().labels
    _display(
        _bundle(
            str(text),
            lab_html.block(str(text), labels),
            lab_html.plain_roles(str(text), lambda k: labels.get(k, k)),
        )
    )


def note(text: str, title: str | None = None) -> None:
    """Show a note box (``text`` is MyST)."""
    body = markup.admonition("note", str(text), title)
    labels = context().labels
    heading = f"<strong>{lab_html.inline(title, labels)}</strong>" if title else ""
    html = f'<div class="admonition note">{heading}{lab_html.block(str(text), labels)}</div>'
    _display(_bundle(body, html, lab_html.plain_roles(str(text), lambda k: labels.get(k, k))))


# ----------------------------------------------------------------------------------------------
# Tables and figures
# ----------------------------------------------------------------------------------------------


FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
"""The first characters that make a spreadsheet read a cell as a formula (OWASP, CSV injection)."""


def spreadsheet_text(value: object) -> object:
    """``value`` as a published cell: text that begins with a formula trigger gets a leading
    single quote, which spreadsheets read as "this is text"; numbers and missing values are
    left as they are."""
    if isinstance(value, str):
        text = value
    elif value is None or isinstance(value, numbers.Number) or (is_scalar(value) and isna(value)):
        return value
    else:
        text = str(value)
    return "'" + text if text.startswith(FORMULA_TRIGGERS) else value


def _spreadsheet_column(values: pd.Series) -> pd.Series:
    if is_bool_dtype(values) or is_numeric_dtype(values):
        return values
    return values.astype(object).map(spreadsheet_text)


def write_csv(name: str, data: pd.DataFrame, *, folder: Path | None = None) -> str:
    """Write ``data`` as ``<name>.csv`` among the chapter's tables (or in ``folder``); returns
    the file name. Every CSV the book publishes is written by this function.

    The file is safe to open in a spreadsheet, as OWASP's advice on CSV injection has it: no
    cell (the header's included) begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
    return, since such a cell gets a leading single quote; and every text cell is quoted, its
    quotes doubled, so that neither a comma nor a semicolon in it can start a new cell. Numbers
    stay numbers (a negative number is not a formula); list cells are ``;``-joined.
    """
    file_name = f"{name}.csv"
    path = context().path(file_name) if folder is None else folder / file_name
    frame = tables.csv_ready(data).copy()
    for position in range(frame.shape[1]):
        frame.isetitem(position, _spreadsheet_column(frame.iloc[:, position]))
    frame.columns = [spreadsheet_text(str(column)) for column in frame.columns]
    frame.to_csv(path, index=False, lineterminator="\n", quoting=csv.QUOTE_NONNUMERIC)
    return file_name


def download_link(file_name: str, title: str) -> Markup:
    """A download link to one of this chapter's files."""
    return markup.download(context().book_path(file_name), title)


def table(
    shown: pd.DataFrame,
    *,
    name: str,
    caption: str,
    widths: Sequence[int],
    data: pd.DataFrame | None = None,
    empty: str,
    classes: Sequence[str] = (),
) -> None:
    """Show ``shown`` as a numbered table with a link to its CSV (``data``, or ``shown``).
    A source given by its id (as a column or a cell) is shown by its label.

    When there are no rows, ``empty`` (a sentence saying why) is shown as a note instead.
    ``classes`` are added to the table's HTML classes (see :func:`tables.list_table`).
    """
    ctx = context()
    data = shown if data is None else data
    file_name = write_csv(name, data)
    if shown.empty:
        note(markup.escape(empty))
        return
    limit = ""
    if len(shown) > MAX_ROWS_SHOWN:
        limit = (
            f"The table shows the first {MAX_ROWS_SHOWN:,} of {len(shown):,} rows; "
            "the CSV holds them all.\n\n"
        )
        shown = shown.head(MAX_ROWS_SHOWN)
    shown = tables.named_sources(shown, ctx.labels)
    label = f"tbl-{ctx.chapter}-{name}".replace("_", "-")
    block = tables.list_table(shown, widths=widths, caption=caption, name=label, classes=classes)
    link = download_link(file_name, f"{ctx.package_path(file_name)} ({len(data)} rows)")
    myst = f"{limit}{block}\nData: {link}\n"
    cells = [[tables.cell_text(v) for v in row] for row in shown.itertuples(index=False)]
    html = lab_html.table(
        [str(c) for c in shown.columns], cells, markup.escape(caption), ctx.labels
    )
    note_html = f"<p>{limit}Data: {ctx.path(file_name)}</p>"
    _display(_bundle(myst, html + note_html, f"{caption} ({len(shown)} rows)"))


def figure(fig: Figure, *, name: str, data: pd.DataFrame, alt: str, caption: str) -> None:
    """Save ``fig`` as PNG and its ``data`` as CSV; show a numbered figure with alt text."""
    ctx = context()
    png = ctx.path(f"{name}.png")
    figure_style.save(fig, png)
    plt.close(fig)
    csv_name = write_csv(name, data)
    link = download_link(csv_name, ctx.package_path(csv_name))
    text = caption if isinstance(caption, Markup) else markup.escape(caption)
    label = f"fig-{ctx.chapter}-{name}".replace("_", "-")
    myst = markup.figure(
        ctx.book_path(png.name), alt=alt, caption=Markup(f"{text} Data: {link}"), name=label
    )
    encoded = base64.b64encode(png.read_bytes()).decode("ascii")
    html = lab_html.figure(encoded, alt, f"{text} Data: {ctx.path(csv_name)}", ctx.labels)
    _display(_bundle(myst, html, f"Figure: {alt}"))
