"""A small Sphinx extension with the book's own style sheet (``static/book.css``).

Loaded through ``sphinx: extra_extensions`` in ``_config.yml``, so that the style ships with the
``helpers`` package instead of being copied into every staged book.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

STATIC = Path(__file__).parent / "static"


def _add_static_path(app: Any) -> None:
    app.config.html_static_path.append(str(STATIC))


def setup(app: Any) -> dict[str, Any]:
    """Register the style sheet with Sphinx."""
    app.connect("builder-inited", _add_static_path)
    app.add_css_file("book.css")
    return {"parallel_read_safe": True, "parallel_write_safe": True}
