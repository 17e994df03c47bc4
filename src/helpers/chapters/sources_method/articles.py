"""The five articles as a table, the years they span, and counts in words."""

from __future__ import annotations

import pandas as pd

from helpers.analysis.scope import Scope
from helpers.chapters.sources_method.criticism import genre_words
from helpers.render import markup, words
from helpers.render.seed_pages import seed_page_label
from helpers.render.words import Words


def sources_table(scope: Scope) -> pd.DataFrame:
    """The selected articles: label (with a link to the full text), outlet and author, date and
    how it is known, genre and standpoint."""
    sources = scope.sources
    return pd.DataFrame(
        {
            "Article": [
                markup.Markup(
                    f"{markup.cite([i], parenthetical=False)} "
                    f"({markup.passage(seed_page_label(i), 'full text')})"
                )
                for i in sources.index
            ],
            "Outlet and author": [
                f"{outlet}; {author}" if outlet != author else outlet
                for outlet, author in zip(sources["outlet"], sources["author"], strict=True)
            ],
            "Published": [
                f"{words.format_date(d, p)}. {basis}"
                for d, p, basis in zip(
                    sources["published"],
                    sources["published_precision"],
                    sources["date_basis"],
                    strict=True,
                )
            ],
            "Genre": [genre_words(s) for _, s in sources.iterrows()],
            "Standpoint": sources["perspective"].to_list(),
        }
    )


def year_span(sources: pd.DataFrame) -> Words:
    """The years of the selected articles: '2012 to 2021', or one year."""
    first, last = int(sources["year"].min()), int(sources["year"].max())
    return Words(str(first) if first == last else f"{first} to {last}")


def counted(n: int, singular: str, plural: str | None = None) -> Words:
    """A count with its noun, as text to show inline: 'one article', 'five articles'."""
    return Words(words.plural(n, singular, plural, words=True))
