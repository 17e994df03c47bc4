"""Whose an article is: the block of its page that names its publisher, where it first appeared,
where it can be read at its outlet and in an archive, and the terms on which the book
reproduces it."""

from __future__ import annotations

import pandas as pd

from helpers.render import licences, markup, tables
from helpers.render import words as text
from helpers.render.markup import Markup

HEADING = "Publisher and terms"
NO_ADDRESS = "No public address of the article at its outlet is known."
NO_ARCHIVE = "No archived copy is known."


def web_address(url: str) -> Markup:
    """A web address as a link that shows the address itself (a URL that the PDF can break
    across lines)."""
    return Markup(f"<{url}>")


def first_published(source: pd.Series) -> str:
    """Where and when the text first appeared: the original outlet when the archived copy is a
    reprint, else the outlet itself."""
    if not source["original_outlet"]:
        return str(source["outlet"])
    when = source["original_published"]
    if not when:
        return str(source["original_outlet"])
    return f"{source['original_outlet']}, {text.format_date(when, 'day')}"


def terms_block(source: pd.Series) -> Markup:
    """The section of an article's page on its publisher and terms (``source`` is a row of
    ``sources.csv``)."""
    first = (
        [("First published by", markup.escape(first_published(source)))]
        if source["original_outlet"]
        else []
    )
    rows = pd.DataFrame(
        [
            ("Publisher", markup.escape(source["outlet"])),
            *first,
            (
                "At its outlet",
                web_address(source["original_url"])
                if source["original_url"]
                else markup.escape(NO_ADDRESS),
            ),
            (
                "Archived copy",
                web_address(source["archive_url"])
                if source["archive_url"]
                else markup.escape(NO_ARCHIVE),
            ),
        ],
        columns=["Field", "Value"],
    )
    table = tables.list_table(rows, widths=[25, 75])
    return Markup(f"## {HEADING}\n\n{table}\n**Terms.** {markup.escape(licences.ARTICLE_TERMS)}\n")
