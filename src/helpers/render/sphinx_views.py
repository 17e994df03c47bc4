"""The files of the interactive views, on the pages that hold one (part of the book's Sphinx
extension, :mod:`helpers.render.sphinx_extension`).

The files live in the package under ``static/interactive/``: the libraries vendored from the npm
registry (``vendor/``, see ``tools/npm/``), the views' scripts and their style sheet. Sphinx copies
the whole ``static/`` folder into the site's ``_static/``; this module adds a view's ``<link>``
and ``<script defer>`` tags to the head of each page whose body holds that view (its
``data-pr-view`` attribute), and to no other page, so that the other pages load nothing more.
"""

from __future__ import annotations

from typing import Any

FOLDER = "interactive"
"""The views' folder under ``static/`` (and under the site's ``_static/``)."""

ASSETS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "timeline": (
        ("vendor/vis-timeline/vis-timeline-graph2d.min.css", "interactive.css"),
        ("vendor/vis-timeline/vis-timeline-graph2d.min.js", "timeline.js"),
    ),
    "explorer": (
        ("vendor/tabulator-tables/tabulator.min.css", "interactive.css"),
        ("vendor/tabulator-tables/tabulator.min.js", "explorer.js"),
    ),
}
"""Per view: its style sheets and scripts, under :data:`FOLDER`, in the order they load."""


def add_view_files(
    app: Any, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """Add to this page (only) the files of the views its body holds."""
    body = context.get("body") or ""
    styles: dict[str, None] = {}
    scripts: dict[str, None] = {}
    for kind, (kind_styles, kind_scripts) in ASSETS.items():
        if f'data-pr-view="{kind}"' in body:
            styles.update(dict.fromkeys(kind_styles))
            scripts.update(dict.fromkeys(kind_scripts))
    for style in styles:
        app.add_css_file(f"{FOLDER}/{style}")
    for script in scripts:
        app.add_js_file(f"{FOLDER}/{script}", loading_method="defer")


def setup(app: Any) -> None:
    """Connect the page hook to ``app``."""
    app.connect("html-page-context", add_view_files)
