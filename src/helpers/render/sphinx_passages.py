"""The passages of the seed pages in the built book, and the links to them (part of the book's
Sphinx extension, :mod:`helpers.render.sphinx_extension`).

- **Numbers.** Every quoted passage of a seed page is a span with the id of its evidence row
  and its number as a class (:mod:`helpers.render.seed_pages`, numbered by
  :mod:`helpers.render.passage_numbers`, the numbering the chapters' links use too). When a page
  is read, the number is taken from the class; it is shown beside the passage (in HTML by the
  style sheet, from the span's ``data-passage``; in LaTeX as a superscript) and is the text of
  every link to it.
- **Links.** ``{passage}`evi-aq-012``` (:func:`helpers.render.markup.passage`) is a link to a
  passage that reads 'passage 12'; in the PDF, each passage carries a LaTeX label, so that the
  link is live there too.
- **Citations.** Every reference to a passage from a page of the book (a chapter's tables and
  prose) is recorded with the section it stands in; ``{cited-by}`evi-aq-012``` on the seed page
  becomes the list of those sections, each a link back. Seed pages are written again at every
  build, so that the list follows the chapters.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms import SphinxTransform
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.docutils import SphinxRole
from sphinx.util.nodes import make_refnode

from helpers.render.passage_numbers import NUMBER_CLASS

PASSAGE_CLASS = "evidence"
"""The class of a passage's span, set by :mod:`helpers.render.seed_pages`."""
PASSAGE_PREFIX = "evi-"
"""Evidence ids, the ids of the passages' spans, begin so."""
NUMBERS = "book_passage_numbers"
"""On the environment: evidence id -> (seed page, the passage's number there)."""
CITATIONS = "book_passage_citations"
"""On the environment: page -> [(evidence id, section id, section title)] it cites."""
LISTS = "book_cited_by_pages"
"""On the environment: the pages that list the sections citing their passages."""
UNCITED = "—"


class passage(nodes.inline):  # docutils names its nodes in lower case
    """A quoted passage on a seed page: a span with its evidence id and its ``number``."""


class cited_by(nodes.Inline, nodes.Element):
    """Where the sections of the book that cite the passage ``evidence_id`` will be listed."""


def _state(env: Any, name: str, default: Any) -> Any:
    if not hasattr(env, name):
        setattr(env, name, default)
    return getattr(env, name)


# ----------------------------------------------------------------------------------------------
# Reading: number the passages, record the citations
# ----------------------------------------------------------------------------------------------


def _is_passage(node: nodes.Node) -> bool:
    return (
        isinstance(node, nodes.inline)
        and not isinstance(node, passage)
        and PASSAGE_CLASS in node.get("classes", [])
    )


def _number_of(node: nodes.Element, count: int) -> int:
    """The number a passage's span carries as a class (``passage-12``), which the class list then
    loses; ``count`` (its place among the page's passages) when it carries none."""
    for name in node["classes"]:
        digits = name.removeprefix(NUMBER_CLASS)
        if name.startswith(NUMBER_CLASS) and digits.isdigit():
            node["classes"].remove(name)
            return int(digits)
    return count


class NumberPassages(SphinxTransform):
    """Make every passage span of a page a :class:`passage` node with the number its span
    carries (see :mod:`helpers.render.passage_numbers`)."""

    default_priority = 700

    def apply(self, **kwargs: Any) -> None:
        numbers = _state(self.env, NUMBERS, {})
        count = 0
        for node in list(self.document.findall(_is_passage)):
            ids = [i for i in node["ids"] if i.startswith(PASSAGE_PREFIX)]
            if not ids:
                continue  # the part of a passage continued from the line before
            count += 1
            number = _number_of(node, count)
            replacement = passage(node.rawsource, "", *node.children, **node.attributes)
            replacement["number"] = number
            node.replace_self(replacement)
            for node_id in node["ids"]:
                self.document.ids[node_id] = replacement
            for evidence_id in ids:
                numbers[evidence_id] = (self.env.docname, number)


class PassageRole(SphinxRole):
    """``{passage}`evi-aq-012```: a link to a passage, reading 'passage 12'."""

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        target = self.text.strip()
        reference = addnodes.pending_xref(
            self.rawtext,
            refdomain="std",
            reftype="ref",
            reftarget=target,
            refexplicit=True,
            refwarn=True,
            refdoc=self.env.docname,
            book_passage=True,
        )
        reference += nodes.inline(self.rawtext, "passage", classes=["xref", "std", "std-ref"])
        return [reference], []


class CitedByRole(SphinxRole):
    """``{cited-by}`evi-aq-012```: the sections of the book that cite a passage."""

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        _state(self.env, LISTS, set()).add(self.env.docname)
        node = cited_by(self.rawtext, evidence_id=self.text.strip(), refdoc=self.env.docname)
        return [node], []


def _section(node: nodes.Node) -> nodes.section | None:
    parent = node.parent
    while parent is not None and not isinstance(parent, nodes.section):
        parent = parent.parent
    return parent


def record_citations(app: Any, doctree: nodes.document) -> None:
    """Record the passages a page links to, with the section each link stands in (pages that
    hold passages themselves, and the views of :mod:`helpers.render.views`, cite none)."""
    from helpers.render.views import VIEWS_DOCS

    docname = app.env.docname
    citations = _state(app.env, CITATIONS, {})
    citations.pop(docname, None)
    if docname.startswith(VIEWS_DOCS) or any(doctree.findall(passage)):
        return
    found = []
    for reference in doctree.findall(addnodes.pending_xref):
        target = str(reference.get("reftarget", ""))
        section = _section(reference)
        if not target.startswith(PASSAGE_PREFIX) or section is None or not section["ids"]:
            continue
        title = section.next_node(nodes.title)
        found.append((target, section["ids"][0], title.astext() if title else ""))
    if found:
        citations[docname] = list(dict.fromkeys(found))


def purge(app: Any, env: Any, docname: str) -> None:
    """Forget what a page held, before it is read again."""
    _state(env, CITATIONS, {}).pop(docname, None)
    _state(env, LISTS, set()).discard(docname)
    numbers = _state(env, NUMBERS, {})
    for evidence_id in [e for e, (doc, _) in numbers.items() if doc == docname]:
        del numbers[evidence_id]


def merge(app: Any, env: Any, docnames: Iterable[str], other: Any) -> None:
    """Take in what a parallel reader found."""
    _state(env, CITATIONS, {}).update(_state(other, CITATIONS, {}))
    _state(env, LISTS, set()).update(_state(other, LISTS, set()))
    _state(env, NUMBERS, {}).update(_state(other, NUMBERS, {}))


def pages_to_rewrite(app: Any, env: Any) -> list[str]:
    """The pages that list citing sections, written at every build so that the lists follow
    the chapters (a chapter changes; its seed pages do not)."""
    return sorted(_state(env, LISTS, set()) & set(env.found_docs))


# ----------------------------------------------------------------------------------------------
# Writing: link texts, the lists of citing sections
# ----------------------------------------------------------------------------------------------


class NamePassageLinks(SphinxPostTransform):
    """Give each link made by ``{passage}`` the passage's number: 'passage 12'."""

    default_priority = 5  # before the references are resolved (10)

    def run(self, **kwargs: Any) -> None:
        numbers = _state(self.env, NUMBERS, {})
        for reference in self.document.findall(addnodes.pending_xref):
            if not reference.get("book_passage"):
                continue
            found = numbers.get(reference["reftarget"])
            if found:
                label = reference.next_node(nodes.inline)
                label.replace(label[0], nodes.Text(f"passage {found[1]}"))


def _reading_order(env: Any) -> dict[str, int]:
    """Each page's position in the book (following 'next' from the root page)."""
    relations = env.collect_relations()
    order, page, seen = {}, env.config.root_doc, set()
    while page and page not in seen:
        seen.add(page)
        order[page] = len(order)
        page = relations.get(page, [None, None, None])[2]
    return order


def _citing_sections(env: Any, evidence_id: str) -> Iterator[tuple[str, str, str]]:
    """(page, section id, section title) of every section that cites ``evidence_id``, in the
    order of the book."""
    order = _reading_order(env)
    citations = _state(env, CITATIONS, {})
    for docname in sorted(citations, key=lambda d: (order.get(d, len(order)), d)):
        for target, section_id, title in citations[docname]:
            if target == evidence_id:
                yield docname, section_id, title


class ListCitingSections(SphinxPostTransform):
    """Replace each ``{cited-by}`` with the sections that cite the passage, chapter by chapter
    ('Chronology: The time line, All events; Military ties: Visits'), each section a link to
    it; or a dash where no section does."""

    default_priority = 5

    def run(self, **kwargs: Any) -> None:
        for node in list(self.document.findall(cited_by)):
            by_page: dict[str, list[tuple[str, str]]] = {}
            for docname, section_id, title in _citing_sections(self.env, node["evidence_id"]):
                by_page.setdefault(docname, []).append((section_id, title))
            parts: list[nodes.Node] = []
            for docname, sections in by_page.items():
                chapter = self.env.titles[docname].astext() if docname in self.env.titles else ""
                if parts:
                    parts.append(nodes.Text("; "))
                links = []
                for section_id, title in sections:
                    name = title or chapter
                    links.append(
                        make_refnode(
                            self.app.builder,
                            node["refdoc"],
                            docname,
                            section_id,
                            nodes.inline("", name),
                            title=f"{chapter} › {name}" if name != chapter else chapter,
                        )
                    )
                named_by_link = [title for _, title in sections] == [chapter]
                if not named_by_link:
                    parts.append(nodes.Text(f"{chapter}: "))
                for i, link in enumerate(links):
                    if i:
                        parts.append(nodes.Text(", "))
                    parts.append(link)
            node.replace_self(parts or [nodes.Text(UNCITED)])


# ----------------------------------------------------------------------------------------------
# Translators
# ----------------------------------------------------------------------------------------------


def visit_passage_html(self: Any, node: passage) -> None:
    self.body.append(self.starttag(node, "span", "", **{"data-passage": str(node["number"])}))


def depart_passage_html(self: Any, node: passage) -> None:
    self.body.append("</span>")


def visit_passage_latex(self: Any, node: passage) -> None:
    labels = "".join(self.hypertarget(node_id) for node_id in node["ids"])
    self.body.append(f"{labels}\\DUrole{{{PASSAGE_CLASS}}}{{\\bookpassagemark{{{node['number']}}}")


def depart_passage_latex(self: Any, node: passage) -> None:
    self.body.append("}")


def setup(app: Any) -> None:
    """Register the passages' nodes, roles, transforms and events with ``app``."""
    app.add_node(
        passage,
        html=(visit_passage_html, depart_passage_html),
        latex=(visit_passage_latex, depart_passage_latex),
    )
    app.add_node(cited_by)
    app.add_role("passage", PassageRole())
    app.add_role("cited-by", CitedByRole())
    app.add_transform(NumberPassages)
    app.add_post_transform(NamePassageLinks)
    app.add_post_transform(ListCitingSections)
    app.connect("doctree-read", record_citations)
    app.connect("env-purge-doc", purge)
    app.connect("env-merge-info", merge)
    app.connect("env-get-updated", pages_to_rewrite)
