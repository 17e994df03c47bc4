"""Put computed results into the book: glued prose, tables and figures, with their CSV.

A chapter computes everything in code cells and hands it to these functions, which

- write the data of every table and figure as CSV under ``<tables_dir>/<chapter>/``,
- save figures as PNG beside their data,
- glue MyST markup (numbers, sentences, tables, figures, download links) under a key that a
  markdown cell of the chapter pastes with ``{glue:md}``.

The book shows markdown cells only; code cells and their outputs (the same tables and figures,
for a researcher running the notebook in JupyterLab) are removed from the pages.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

import pandas as pd
from IPython.display import Markdown
from matplotlib.figure import Figure

from helpers.analysis.params import ALL, ChapterParams
from helpers.analysis.params import defaults as params_defaults
from helpers.analysis.scope import Scope
from helpers.render import figure_style, markup, tables
from helpers.render import words as text_words
from helpers.render.markup import Markup

MAX_ROWS_SHOWN = 400
"""Longest table printed in a page; longer ones show their first rows and link the full CSV."""

BOOK_TABLES = "../../tables"
"""The tables folder as seen from a staged chapter (``_build/executed/chapters/``)."""


GLUE_PREFIX = "application/papermill.record/"
"""The MIME type prefix under which myst-nb finds glued values (its ``GLUE_PREFIX``)."""


def glue(name: str, variable: object, display: bool = True) -> None:
    """Glue ``variable`` under ``name``: the same output as :func:`myst_nb.glue` (myst-nb 1.4).

    Written here because importing myst-nb's glue imports nbformat and, through it, jsonschema's
    format checkers, which cost about two seconds of every kernel's start in this environment.
    """
    from IPython.core.formatters import format_display_data
    from IPython.display import display as ipy_display

    mimebundle, metadata = format_display_data(variable)
    mime_prefix = "" if display else GLUE_PREFIX
    metadata["scrapbook"] = dict(name=name, mime_prefix=mime_prefix)
    ipy_display({mime_prefix + k: v for k, v in mimebundle.items()}, raw=True, metadata=metadata)


def book_path(params: ChapterParams, file_name: str) -> str:
    """Path of a chapter's output file relative to the staged chapter page."""
    return f"{BOOK_TABLES}/{params.chapter}/{file_name}"


def text(key: str, value: str) -> Markup:
    """Glue a sentence or paragraph of markup (escape data-derived parts before)."""
    glue(key, Markdown(str(value)), display=False)
    return Markup(value)


def number(key: str, value: int | float) -> int | float:
    """Glue a number, pasted with ``{glue:text}``."""
    glue(key, value, display=False)
    return value


def download_link(params: ChapterParams, file_name: str, title: str) -> Markup:
    """A download link to one of this chapter's output files."""
    return markup.download(book_path(params, file_name), title)


def write_csv(params: ChapterParams, name: str, data: pd.DataFrame) -> str:
    """Write ``data`` as ``<name>.csv`` in the chapter's tables folder; returns the file name."""
    file_name = f"{name}.csv"
    tables.csv_ready(data).to_csv(params.table_path(file_name), index=False, lineterminator="\n")
    return file_name


def table(
    key: str,
    params: ChapterParams,
    name: str,
    *,
    shown: pd.DataFrame,
    data: pd.DataFrame,
    caption: str,
    widths: Sequence[int],
    empty: str,
) -> pd.DataFrame:
    """Write ``data`` as CSV and glue ``shown`` as a captioned table with a download link.

    When there are no rows, ``empty`` (a sentence saying why) is glued instead.
    """
    file_name = write_csv(params, name, data)
    if shown.empty:
        text(key, markup.admonition("note", markup.escape(empty)))
        return data
    note = ""
    if len(shown) > MAX_ROWS_SHOWN:
        note = (
            f"The table shows the first {MAX_ROWS_SHOWN:,} of {len(shown):,} rows; "
            "the CSV holds them all.\n\n"
        )
        shown = shown.head(MAX_ROWS_SHOWN)
    block = tables.list_table(
        shown, widths=widths, caption=caption, name=f"tbl-{params.chapter}-{name}".replace("_", "-")
    )
    link = download_link(params, file_name, f"{params.chapter}/{file_name} ({len(data)} rows)")
    text(key, Markup(f"{note}{block}\nData: {link}\n"))
    return data


def figure(
    key: str,
    params: ChapterParams,
    name: str,
    *,
    fig: Figure,
    data: pd.DataFrame,
    alt: str,
    caption: str | Markup,
) -> Figure:
    """Save ``fig`` as PNG and its ``data`` as CSV; glue a numbered figure with alt text."""
    png = f"{name}.png"
    figure_style.save(fig, params.table_path(png))
    csv_name = write_csv(params, name, data)
    link = download_link(params, csv_name, f"{params.chapter}/{csv_name}")
    body = Markup(
        f"{markup.escape(caption) if not isinstance(caption, Markup) else caption} Data: {link}"
    )
    text(
        key,
        markup.figure(
            book_path(params, png),
            alt=alt,
            caption=body,
            name=f"fig-{params.chapter}-{name}".replace("_", "-"),
        ),
    )
    return fig


def nothing(key: str, sentence: str) -> Markup:
    """Glue a note in place of a figure or table that has nothing to show."""
    return text(key, markup.admonition("note", markup.escape(sentence)))


def about(key: str, params: ChapterParams, scope: Scope) -> Markup:
    """Glue the note that says what this page was computed from and how to recompute it."""
    labels = list(scope.sources["label"])
    chosen = (
        f"all {text_words.number_word(len(labels))} sources"
        if scope.all_sources
        else f"{len(labels)} of {len(scope.dataset.sources)} sources ({', '.join(labels)})"
    )
    themes = "all themes" if ALL in params.themes else "the themes " + ", ".join(params.theme_names)
    defaults = params_defaults(type(params))
    options = "".join(
        f" -p {name} {_cli_value(value)}"
        for name, value in params.as_dict().items()
        if name not in ("data_dir", "tables_dir") and value != defaults[name]
    )
    rebuild = (
        f"This page was built with `python -m helpers build{options}`, in a book of its own. "
        if options
        else ""
    )
    body = (
        f"Computed from the data with {markup.escape(chosen)}, the years "
        f"{params.start_year}–{params.end_year} and {markup.escape(themes)}. {rebuild}"
        f"The notebook is `chapters/{params.chapter}.ipynb`: to see this page with other "
        "parameters, build the book with `python -m helpers build -p NAME VALUE` (it goes to its "
        "own folder under `_build/variants/`), or open the notebook with `make lab`, change its "
        "parameters cell and run all cells."
    )
    return text(key, markup.admonition("note", body, title="About this page"))


def _cli_value(value: object) -> str:
    """A parameter value as the command line takes it."""
    return "'" + json.dumps(value) + "'" if isinstance(value, list) else str(value)
