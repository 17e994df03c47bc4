"""How the book prints (part of the book's Sphinx extension,
:mod:`helpers.render.sphinx_extension`): what LaTeX does differently from the HTML.

- **One numbering.** Tables and figures are numbered through the book in both editions
  ("Table 24" in the HTML and in the PDF): ``_config.yml`` stops LaTeX from restarting the count
  at each chapter, and a table without a caption, which the HTML leaves unnumbered, gives back
  the number that LaTeX's ``longtable`` takes for it.
- **Downloads by name.** A PDF cannot hand out a file: each download link is printed as the
  file's path in the data package (:func:`helpers.render.downloads.package_path`), in the
  typewriter face, rather than as a link that leads nowhere.
- **HTML-only pages left out.** The interactive views (:mod:`helpers.render.views`) are taken out
  of the PDF's table of contents; the PDF keeps the static figures.
"""

from __future__ import annotations

import os
from typing import Any

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms import SphinxTransform
from sphinx.transforms.post_transforms import SphinxPostTransform

from helpers.render.downloads import package_path, read_header

LONGTABLE_ROWS = 30
"""Sphinx sets a table of more rows than this as a ``longtable`` whatever its class."""


def _is_longtable(table: nodes.table) -> bool:
    rows = sum(1 for _ in table.findall(nodes.row))
    return "longtable" in table.get("classes", []) or rows > LONGTABLE_ROWS


class GiveBackTableNumbers(SphinxPostTransform):
    """After each uncaptioned ``longtable``, take back the number LaTeX gave it."""

    default_priority = 900
    builders = ("latex",)

    def run(self, **kwargs: Any) -> None:
        for table in list(self.document.findall(nodes.table)):
            captioned = any(isinstance(child, nodes.title) for child in table.children)
            if not captioned and _is_longtable(table):
                table.parent.insert(
                    table.parent.index(table) + 1,
                    nodes.raw("", "\\addtocounter{table}{-1}\n", format="latex"),
                )


class LeaveOutViews(SphinxTransform):
    """In a LaTeX build, take the HTML-only views out of the table of contents (they are
    marked orphan, so Sphinx does not miss them)."""

    default_priority = 150  # after sphinx-external-toc inserts the toctrees (100)

    def apply(self, **kwargs: Any) -> None:
        from helpers.render.views import VIEWS_DOCS

        if self.app.builder.name != "latex":
            return
        for toctree in self.document.findall(addnodes.toctree):
            toctree["entries"] = [
                (title, ref) for title, ref in toctree["entries"] if not ref.startswith(VIEWS_DOCS)
            ]
            toctree["includefiles"] = [
                name for name in toctree["includefiles"] if not name.startswith(VIEWS_DOCS)
            ]


def visit_download_latex(self: Any, node: addnodes.download_reference) -> None:
    """A download as its file in the data package: 'The raw text (``seeds/x.txt``)', or the
    path alone when the link's text is already the file's name."""
    target = str(node.get("reftarget", ""))
    folder = os.path.dirname(self.builder.env.doc2path(node.get("refdoc", self.curfilestack[-1])))
    header = read_header(os.path.normpath(os.path.join(folder, target))) if target else None
    name = package_path(target, header)
    code = f"\\sphinxcode{{\\sphinxupquote{{{self.encode(name)}}}}}"
    title = node.astext().strip()
    for shown in (name, os.path.basename(name)):
        if title.startswith(shown):
            self.body.append(code + self.encode(title[len(shown) :]))
            break
    else:
        self.body.append(f"{self.encode(title)} ({code})")
    raise nodes.SkipNode


def depart_download_latex(self: Any, node: addnodes.download_reference) -> None:
    """Nothing: the visit writes the whole download."""


def setup(app: Any) -> None:
    """Register the LaTeX-only transforms and the printed form of downloads with ``app``."""
    app.add_post_transform(GiveBackTableNumbers)
    app.add_transform(LeaveOutViews)
    app.add_node(
        addnodes.download_reference,
        override=True,
        latex=(visit_download_latex, depart_download_latex),
    )
