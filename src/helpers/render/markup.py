"""MyST markup for the book: escaped text, citations, links to passages, figures, downloads.

Every piece of text that comes from the data goes through :func:`escape`, so a quote holding
``<script>`` or Markdown syntax is shown as the characters it contains, in HTML and in the PDF.
Markup built here is a :class:`Markup` string, which the table builder passes through as is.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

import pandas as pd

_PUNCTUATION = re.compile(r"([!\"#$%&'()*+,\-./:;<=>?@\[\\\]^_`{|}~])")
_ROLE_UNSAFE = re.compile(r"[`<>]")


class Markup(str):
    """A string that is already MyST markup and must not be escaped again.

    Shown by IPython (an output, or an inline ``{eval}`` value) as ``text/markdown``, so that
    JupyterLab renders it and the book writes it into the page as MyST.
    """

    __slots__ = ()

    def _repr_markdown_(self) -> str:
        return str(self)


def escape(text: object) -> Markup:
    """``text`` as MyST that renders literally: every ASCII punctuation mark backslash-escaped.

    Line breaks become spaces, so a value cannot start a new block (a list, a heading, a table).
    """
    if isinstance(text, Markup):
        return text
    flat = " ".join(str(text).split())
    return Markup(_PUNCTUATION.sub(r"\\\1", flat))


def join(parts: Iterable[object], separator: str = " ") -> Markup:
    """Escape each part that is not markup already, and join them."""
    return Markup(separator.join(escape(p) for p in parts))


def _role_text(text: str) -> str:
    """Text usable as the title of a role such as ``{ref}`title <target>```."""
    return _ROLE_UNSAFE.sub("", " ".join(text.split()))


def cite(source_ids: Iterable[str], *, parenthetical: bool = True) -> Markup:
    """A citation of one or more sources or cited works by their bibliography keys."""
    keys = ",".join(dict.fromkeys(source_ids))
    if not keys:
        return Markup("")
    return Markup(f"{{cite:{'p' if parenthetical else 't'}}}`{keys}`")


def ref(label: str, title: str) -> Markup:
    """A link titled ``title`` to the place of the book labelled ``label``."""
    return Markup(f"{{ref}}`{_role_text(title)} <{label}>`")


PASSAGE_ROLE = "passage"
"""The role of a link to a passage: ``{passage}`evi-aq-012```, shown as 'passage 12' (its
number on its seed page, given by the book's Sphinx extension)."""


def passage(evidence_id: str, title: str | None = None) -> Markup:
    """A link to one passage on its seed page, which lands on the quoted words.

    Its text is the passage's number on that page ('passage 12', the number the page shows
    beside the passage), so that no internal id reaches the reader; a ``title`` other than the
    evidence id (with or without its ``evi-`` prefix) is used instead.
    """
    shown = _role_text(title) if title is not None else ""
    if not shown or shown in (evidence_id, evidence_id.removeprefix("evi-")):
        return Markup(f"{{{PASSAGE_ROLE}}}`{evidence_id}`")
    return ref(evidence_id, shown)


def passages(evidence_ids: Iterable[str], titles: Iterable[str] | None = None) -> Markup:
    """Links to several passages, separated by commas (see :func:`passage`)."""
    ids = list(evidence_ids)
    shown = [None] * len(ids) if titles is None else list(titles)
    return Markup(", ".join(passage(e, t) for e, t in zip(ids, shown, strict=True)))


def numbered(evidence_ids: Iterable[str], numbers: Mapping[str, int]) -> Markup:
    """Links to passages by the numbers their article's page shows them with ('3, 14'), sorted
    by number (see :mod:`helpers.render.passage_numbers`); a passage without a number is linked
    as :func:`passage` links it."""
    ids = sorted(dict.fromkeys(evidence_ids), key=lambda e: (numbers.get(e, 0), e))
    return Markup(
        ", ".join(passage(e, str(numbers[e])) if e in numbers else passage(e) for e in ids)
    )


def download(relative_path: str, title: str) -> Markup:
    """A download link for a file, the path relative to the page."""
    return Markup(f"{{download}}`{_role_text(title)} <{relative_path}>`")


def figure(relative_path: str, *, alt: str, caption: str, name: str) -> Markup:
    """A numbered figure with alt text and a caption (which may hold markup)."""
    alt_text = " ".join(alt.split())
    return Markup(
        f":::{{figure}} {relative_path}\n:alt: {alt_text}\n:name: {name}\n:width: 100%\n\n"
        f"{escape(caption) if not isinstance(caption, Markup) else caption}\n:::\n"
    )


def admonition(kind: str, body: str, title: str | None = None) -> Markup:
    """A note, tip or warning box around ``body`` (markup)."""
    if title is None:
        return Markup(f":::{{{kind}}}\n{body}\n:::\n")
    return Markup(f":::{{admonition}} {escape(title)}\n:class: {kind}\n{body}\n:::\n")


def bullet_list(items: Iterable[object]) -> Markup:
    """A bulleted list; items are escaped unless they are markup."""
    return Markup("".join(f"- {escape(item)}\n" for item in items))


def attribution(evidence: pd.DataFrame) -> Markup:
    """Who attests something: each source named as its author and year, followed by links to
    its passages: 'Qureshi (2018): passage 3, passage 12; Rizvi (2018): passage 5'.

    ``evidence`` holds the attestations (indexed by evidence id, with ``source_id``), in the
    order the sources should be named.
    """
    parts = []
    for source_id, rows in evidence.groupby("source_id", sort=False):
        parts.append(f"{cite([str(source_id)], parenthetical=False)}: {passages(rows.index)}")
    return Markup("; ".join(parts))
