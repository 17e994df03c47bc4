"""The book's Sphinx extension: its own style, in HTML, in LaTeX and in the bibliography; its
passages; how it prints; its interactive views.

Loaded through ``_config.yml``. It

- ships ``static/`` with the package: ``book.css`` (passages, the switch that highlights them,
  compact tables, the later record set off from the articles' evidence) and the files of the
  interactive views;
- numbers the passages of the seed pages, names the links to them and lists, under each, the
  sections of the book that cite it (:mod:`helpers.render.sphinx_passages`);
- prints the book with one numbering of tables and figures, downloads named as in the data
  package, and without the HTML-only views (:mod:`helpers.render.sphinx_print`);
- loads the views' files on the pages that hold a view (:mod:`helpers.render.sphinx_views`);
- writes the site's ``index.html`` (a redirect to the first page) with the book's icon, so that
  no browser asks the server for a ``/favicon.ico`` that does not exist;
- gives the introduction, which is the root page and which LaTeX would print without a heading,
  a chapter heading of its own after the table of contents, titled as the page is, and names the
  table of contents "Contents";
- registers the ``book`` bibliography style: entries sorted and labelled by author and year
  ("Qureshi 2018", "Khan 2021a" where two entries would share a label);
- registers the ``book`` citation style, which writes each citation in the text with the label
  of its bibliography entry, so that a reader finds the entry under the words the text shows: a
  parenthetical citation is the label itself, "[Qureshi 2018]", and a narrative one its name
  and year, "Qureshi (2018)"; in HTML and in the PDF each is a link to its entry;
- puts the book's version (:func:`helpers.evidence.release.version`) on the title: the HTML
  title and the PDF's title page ("Version 2.0.0").
"""

from __future__ import annotations

import html
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pybtex.plugin import register_plugin
from pybtex.richtext import Text
from pybtex.style.formatting.unsrt import Style as UnsrtStyle
from pybtex.style.labels import BaseLabelStyle
from pybtex.style.sorting.author_year_title import SortingStyle
from pybtex.style.template import join, node
from sphinxcontrib.bibtex.plugin import register_plugin as register_reference_style
from sphinxcontrib.bibtex.style.referencing import (
    BaseReferenceStyle,
    BracketStyle,
    GroupReferenceStyle,
)
from sphinxcontrib.bibtex.style.referencing.extra_author import ExtraAuthorReferenceStyle
from sphinxcontrib.bibtex.style.referencing.extra_empty import ExtraEmptyReferenceStyle
from sphinxcontrib.bibtex.style.referencing.extra_label import ExtraLabelReferenceStyle
from sphinxcontrib.bibtex.style.template import entry_label, join2, post_text, pre_text, reference

STATIC = Path(__file__).parent / "static"


class AuthorYearLabels(BaseLabelStyle):
    """Labels 'Surname 2018' (a corporate author in full), 'a', 'b' added where they repeat."""

    def format_labels(self, sorted_entries: list[Any]) -> Iterator[str]:
        """One label per entry, in the order given."""
        labels = [self._label(entry) for entry in sorted_entries]
        counts = Counter(labels)
        seen: Counter[str] = Counter()
        for label in labels:
            if counts[label] > 1:
                seen[label] += 1
                yield f"{label}{'abcdefghijklmnopqrstuvwxyz'[seen[label] - 1]}"
            else:
                yield label

    @staticmethod
    def _label(entry: Any) -> str:
        persons = entry.persons.get("author") or []
        if persons:
            name = " ".join(persons[0].last_names).replace("{", "").replace("}", "")
            if len(persons) > 1:
                name += " et al."
        else:
            name = entry.fields.get("journal", entry.fields.get("howpublished", "Anon."))
        return f"{name} {entry.fields.get('year', 'n.d.')}"


class AuthorYearSorting(SortingStyle):
    """Sorted by author, year and title, a corporate author ('{Dawn}') by its name."""

    def persons_key(self, persons: Any) -> str:
        """The sort key of the author list, without the braces of corporate names."""
        return super().persons_key(persons).replace("{", "").replace("}", "")


class BookStyle(UnsrtStyle):
    """The unsrt entry format, sorted by author and year, labelled like the citations."""

    default_label_style = AuthorYearLabels
    default_sorting_style = AuthorYearSorting


@node
def label_part(children: Any, data: dict[str, Any], part: str = "name") -> Text:
    """The name ('Qureshi') or the year ('2018', '2021a') of an entry's label."""
    assert not children
    name, _, year = data["formatted_entry"].label.rpartition(" ")
    return Text(name if part == "name" else year)


def _round() -> BracketStyle:
    return BracketStyle(left="(", right=")", sep="; ")


def _square() -> BracketStyle:
    return BracketStyle(left="[", right="]", sep="; ")


@dataclass
class LabelParentheticalStyle(BaseReferenceStyle):
    """``{cite:p}``: the entry's label in brackets, "[Qureshi 2018]", as the bibliography
    prints it."""

    bracket: BracketStyle = field(default_factory=_square)

    def role_names(self) -> Iterable[str]:
        """The parenthetical roles (``p``, ``ps``, ``alp``, ``alps``)."""
        return [f"{alt}p{full}" for alt in ("", "al") for full in ("", "s")]

    def outer(self, role_name: str, children: list[Any]) -> Any:
        """Brackets around the references, except for the ``al`` roles."""
        return self.bracket.outer(children, brackets="al" not in role_name, capfirst=False)

    def inner(self, role_name: str) -> Any:
        """One reference: its label, with any pre- and post-text."""
        return join2(sep1=" ", sep2=", ")[pre_text, reference[entry_label], post_text]


@dataclass
class LabelTextualStyle(BaseReferenceStyle):
    """``{cite:t}``: the label's name, then its year in parentheses, "Qureshi (2018)", the whole
    a link to the entry."""

    bracket: BracketStyle = field(default_factory=_round)

    def role_names(self) -> Iterable[str]:
        """The textual roles (``t``, ``ts``, ``ct``, ``cts``)."""
        return [f"{cap}t{full}" for cap in ("", "c") for full in ("", "s")]

    def outer(self, role_name: str, children: list[Any]) -> Any:
        """The references one after the other, capitalised for the ``c`` roles."""
        return self.bracket.outer(children, brackets=False, capfirst="c" in role_name)

    def inner(self, role_name: str) -> Any:
        """One reference: the label's name, and its year in parentheses."""
        return reference[
            join[
                label_part(part="name"),
                " (",
                join2(sep1=" ", sep2=", ")[pre_text, label_part(part="year"), post_text],
                ")",
            ]
        ]


@dataclass
class BookReferenceStyle(GroupReferenceStyle):
    """Citations in the text written with their bibliography labels (the other roles as
    sphinxcontrib-bibtex's author-year style writes them)."""

    def __post_init__(self) -> None:
        self.styles.extend(
            [
                LabelParentheticalStyle(),
                LabelTextualStyle(),
                ExtraAuthorReferenceStyle(bracket=_round()),
                ExtraLabelReferenceStyle(bracket=_square()),
                ExtraEmptyReferenceStyle(),
            ]
        )
        super().__post_init__()


def _version(app: Any, config: Any) -> None:
    """Put the book's version on its HTML title and its PDF title page."""
    from helpers.evidence.release import version

    number = version(Path(app.srcdir))
    config.version = config.release = number
    title = config.html_title or config.project
    config.html_title = f"{title}, version {number}"
    config.latex_elements = {**(config.latex_elements or {}), "releasename": "Version"}


def _add_static_path(app: Any) -> None:
    app.config.html_static_path.append(str(STATIC))


def _introduction_heading(app: Any, env: Any) -> None:
    """In LaTeX, head the root page's text with its own title, after the contents."""
    if app.builder.name != "latex":
        return
    from sphinx.util.texescape import escape

    title = escape(env.titles[app.config.root_doc].astext())
    app.builder.context["tableofcontents"] = (
        "\\renewcommand{\\contentsname}{Contents}\n"
        "\\sphinxtableofcontents\n"
        f"\\chapter*{{{title}}}\n"
        f"\\addcontentsline{{toc}}{{chapter}}{{{title}}}\n"
    )


def _index_page(app: Any, exception: Exception | None) -> None:
    """Write ``index.html``: a redirect to the root page that also declares the book's icon."""
    if exception is not None or app.builder.format != "html":
        return
    index = Path(app.outdir) / "index.html"
    target = html.escape(app.builder.get_target_uri(app.config.root_doc), quote=True)
    icon = html.escape(app.config.html_favicon or "", quote=True)
    title = html.escape(app.config.html_title or app.config.project)
    index.write_text(
        '<!DOCTYPE html>\n<html><head><meta charset="utf-8">\n'
        f"<title>{title}</title>\n"
        + (f'<link rel="icon" href="{icon}">\n' if icon else "")
        + f'<meta http-equiv="Refresh" content="0; url={target}">\n</head>\n'
        f'<body><p><a href="{target}">{title}</a></p></body></html>\n',
        encoding="utf-8",
    )


def setup(app: Any) -> dict[str, Any]:
    """Register the style sheet, the index page, the LaTeX heading, the bibliography and citation
    styles, the version on the title, the passages, the printed form and the views."""
    from helpers.render import sphinx_passages, sphinx_print, sphinx_views

    register_plugin("pybtex.style.formatting", "book", BookStyle, force=True)
    register_reference_style(
        "sphinxcontrib.bibtex.style.referencing", "book", BookReferenceStyle, force=True
    )
    app.connect("config-inited", _version)
    sphinx_passages.setup(app)
    sphinx_print.setup(app)
    sphinx_views.setup(app)
    app.connect("builder-inited", _add_static_path)
    app.connect("env-updated", _introduction_heading)
    # before sphinx-external-toc, which writes a bare redirect only when index.html is missing
    app.connect("build-finished", _index_page, priority=100)
    app.add_css_file("book.css")
    return {"parallel_read_safe": True, "parallel_write_safe": True}
