"""How to cite the book, its data and its sources: BibTeX entries written from the data and the
release, for the "How to cite" page (``chapters/how_to_cite.md`` includes them).

The sources' entries are those of ``references.bib`` (:func:`helpers.render.bibliography.
source_entry`), so a reader copies the entry the book's own citations resolve to.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from helpers.evidence import Dataset
from helpers.render import bibliography, data_package, licences, markup

BOOK_KEY = "pakistan-russia-book"
DATA_KEY = "pakistan-russia-evidence"
BOOK_FRAGMENT = "cite_book.md"
DATA_FRAGMENT = "cite_data.md"
SOURCES_FRAGMENT = "cite_sources.md"


@dataclass(frozen=True)
class Edition:
    """What names an edition of the book: its title, its version and the year it is dated."""

    title: str
    version: str
    year: int


def _field(name: str, value: str) -> str:
    return f"  {name} = {{{value}}}"


def _entry(kind: str, key: str, fields: list[tuple[str, str]]) -> str:
    body = ",\n".join(_field(name, value) for name, value in fields)
    return f"@{kind}{{{key},\n{body}\n}}\n"


def book_entry(edition: Edition) -> str:
    """The BibTeX entry of the book (``version`` for biblatex, ``edition`` for BibTeX)."""
    return _entry(
        "book",
        BOOK_KEY,
        [
            ("author", f"{{{licences.BOOK_AUTHOR}}}"),
            ("title", f"{{{edition.title}}}"),
            ("year", str(edition.year)),
            ("edition", f"Version {edition.version}"),
            ("version", edition.version),
            ("note", f"Text and data: {licences.TEXT_AND_DATA.spdx}; code: {licences.CODE.spdx}"),
        ],
    )


def data_entry(edition: Edition) -> str:
    """The BibTeX entry of the dataset, as its data package is published."""
    return _entry(
        "misc",
        DATA_KEY,
        [
            ("author", f"{{{licences.BOOK_AUTHOR}}}"),
            ("title", f"{{{data_package.PACKAGE_TITLE}}}"),
            ("year", str(edition.year)),
            ("version", edition.version),
            (
                "howpublished",
                f"Frictionless data package {data_package.archive_name(edition.version)}",
            ),
            ("note", f"Data published with {edition.title}; {licences.TEXT_AND_DATA.spdx}"),
        ],
    )


def fenced(entry: str) -> str:
    """A BibTeX entry as a MyST code block."""
    return f"```bibtex\n{entry}```\n"


def sources_fragment(dataset: Dataset) -> str:
    """Each source, oldest first: its citation in the text, and its BibTeX entry."""
    parts = []
    for source_id, source in dataset.sources.sort_values("published", kind="stable").iterrows():
        parts.append(
            f"{markup.cite([str(source_id)], parenthetical=False)}, "
            f"*{markup.escape(source['title'])}*:\n\n"
            + fenced(bibliography.source_entry(str(source_id), source))
        )
    return "\n".join(parts)


def write_fragments(dataset: Dataset, edition: Edition, folder: Path) -> list[Path]:
    """Write the "How to cite" page's generated parts into ``folder``; the paths written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = {
        BOOK_FRAGMENT: fenced(book_entry(edition)),
        DATA_FRAGMENT: fenced(data_entry(edition)),
        SOURCES_FRAGMENT: sources_fragment(dataset),
    }
    for name, text in written.items():
        (folder / name).write_text(text, encoding="utf-8")
    return [folder / name for name in written]
