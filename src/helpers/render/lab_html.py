"""The HTML a researcher sees in JupyterLab for the markup the book shows.

Every table, figure and computed paragraph a chapter shows is one output with two forms: MyST
(``text/markdown``), which the book renders with its cross-references, citations and numbering,
and HTML (``text/html``), which JupyterLab prefers and renders as it is. The HTML is made here
from the same MyST: citations become their author–year labels, links to passages and downloads
their titles, and the rest is CommonMark rendered by markdown-it-py.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Mapping

from markdown_it import MarkdownIt

_CITE = re.compile(r"\{cite:(?P<form>[pt])\}`(?P<keys>[^`]*)`")
_TITLED = re.compile(r"\{(?:ref|download|doc|numref)\}`(?P<title>[^`<]*?)\s*(?:<[^`>]*>)?`")
_PASSAGE = re.compile(r"\{passage\}`[^`]*`")
_SUP = re.compile(r"\{sup\}`(?P<text>[^`]*)`")
_SPAN = re.compile(r"\[(?P<text>(?:\\.|[^\]\\])*)\]\{\.[\w-]+\}")

_MARKDOWN = MarkdownIt("commonmark", {"html": False}).enable("table")


def plain_roles(markup: str, label: Callable[[str], str]) -> str:
    """``markup`` with its MyST roles written as CommonMark: citations as their labels
    (``label(key)``), titled links as their titles, links to passages as 'passage' (their
    numbers are the book's), superscripts as ``<sup>``."""

    def cite(match: re.Match[str]) -> str:
        labels = "; ".join(label(key.strip()) for key in match.group("keys").split(","))
        return f"({labels})" if match.group("form") == "p" else labels

    text = _CITE.sub(cite, markup)
    text = _TITLED.sub(lambda m: m.group("title"), text)
    text = _PASSAGE.sub("passage", text)
    text = _SPAN.sub(lambda m: m.group("text"), text)
    return _SUP.sub(lambda m: f" ({m.group('text')})", text)


def block(markup: str, labels: Mapping[str, str]) -> str:
    """A block of MyST (paragraphs, lists) as HTML."""
    return _MARKDOWN.render(plain_roles(markup, lambda k: labels.get(k, k)))


def inline(markup: str, labels: Mapping[str, str]) -> str:
    """One line of MyST (a table cell, a caption) as inline HTML."""
    rendered = block(" ".join(markup.split()), labels).strip()
    return re.sub(r"^<p>(.*)</p>$", r"\1", rendered, flags=re.DOTALL)


def table(header: list[str], rows: list[list[str]], caption: str, labels: Mapping[str, str]) -> str:
    """A table whose cells hold MyST, with its caption, as HTML."""
    head = "".join(f"<th>{inline(cell, labels)}</th>" for cell in header)
    body = "".join(
        "<tr>" + "".join(f"<td>{inline(cell, labels)}</td>" for cell in row) + "</tr>"
        for row in rows
    )
    return (
        f'<table class="book-table"><caption>{inline(caption, labels)}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    )


def figure(png_base64: str, alt: str, caption: str, labels: Mapping[str, str]) -> str:
    """A figure (the PNG embedded) with its alt text and caption, as HTML."""
    return (
        f'<figure><img src="data:image/png;base64,{png_base64}" alt="{html.escape(alt)}" '
        f'style="max-width:100%"><figcaption>{inline(caption, labels)}</figcaption></figure>'
    )
