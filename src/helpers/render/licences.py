"""The terms under which the book, its data and its code may be reused, and those of the five
articles, which remain their publishers'.

One place for the words that the data package, the article pages, the data appendix and the
"How to cite" page print; ``LICENSE`` (MIT) and ``LICENSE-CC-BY-4.0.txt`` at the project root hold
the legal texts.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Licence:
    """A licence: its SPDX identifier, its name and where its legal text is published."""

    spdx: str
    title: str
    url: str

    def as_package(self) -> dict[str, str]:
        """The licence as a Data Package ``licenses`` item."""
        return {"name": self.spdx, "title": self.title, "path": self.url}


TEXT_AND_DATA = Licence(
    "CC-BY-4.0",
    "Creative Commons Attribution 4.0 International",
    "https://creativecommons.org/licenses/by/4.0/",
)
"""The book's own text, its figures and its dataset (the tables of ``data/``)."""

CODE = Licence("MIT", "MIT License", "https://opensource.org/license/mit")
"""The code: the ``helpers`` package, the notebooks' code, the tests and the build."""

BOOK_AUTHOR = "The Pakistan–Russia research book contributors"
"""Who the book, its data and its code are credited to (``_config.yml``'s author)."""

ARTICLE_TERMS = (
    "The text of this article is reproduced in full for scholarly commentary and criticism, so "
    "that every passage the data quotes can be read in its context and checked. It remains its "
    "publisher's and its author's: it is not covered by the licence of this book, and any other "
    "use needs their permission."
)
"""The terms of the five articles, printed on each article's page."""

QUOTES_TERMS = (
    "The passages quoted in evidence.csv and citations.csv are short extracts of the five "
    "articles, quoted for scholarly commentary; they remain their publishers'. The texts of the "
    "articles themselves are not part of this package."
)
"""What the data package says of the quotations it holds."""


def reuse_sentence() -> str:
    """One sentence stating the licences of the book's text, data and code."""
    return (
        f"The book's text, figures and data are published under the {TEXT_AND_DATA.title} "
        f"licence ({TEXT_AND_DATA.spdx}), its code under the {CODE.title} ({CODE.spdx}); the "
        "five articles remain their publishers'."
    )
