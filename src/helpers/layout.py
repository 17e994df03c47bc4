"""Where a build writes: the folders of a build root, and the root of each variant book.

The default book is built in ``_build/``; a book built with parameters other than the defaults
goes to ``_build/variants/<slug>/``, the slug read from its parameters (``start_year-2015``), with
the same folders inside.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

VARIANTS_DIR = "variants"


@dataclass(frozen=True)
class BuildRoot:
    """The output folders of one book (the default one or a variant)."""

    path: Path

    @property
    def staged(self) -> Path:
        """The staged book that Jupyter Book compiles (executed notebooks and pages)."""
        return self.path / "executed"

    @property
    def tables(self) -> Path:
        """The CSV of every table and figure, under ``<chapter>/``."""
        return self.path / "tables"

    @property
    def html(self) -> Path:
        """The HTML site."""
        return self.path / "html"

    @property
    def latex(self) -> Path:
        """The LaTeX sources of the PDF."""
        return self.path / "latex"

    @property
    def pdf(self) -> Path:
        """The PDF of the book."""
        return self.path / "pdf" / "book.pdf"

    @property
    def cache(self) -> Path:
        """Chapter cache entries and the stamps of the HTML and PDF builds."""
        return self.path / "cache"

    @property
    def failed(self) -> Path:
        """Partly executed notebooks of chapters that failed."""
        return self.path / "failed"

    @property
    def logs(self) -> Path:
        """The output of papermill and Jupyter Book, one log per step."""
        return self.path / "logs"

    @property
    def work(self) -> Path:
        """Files being written; emptied at the start of every build."""
        return self.path / "work"

    @property
    def doctrees(self) -> Path:
        """Sphinx's parsed pages, one folder per builder."""
        return self.path / "doctrees"

    def staged_notebook(self, chapter: str) -> Path:
        """The executed notebook of ``chapter`` in the staged book."""
        return self.staged / "chapters" / f"{chapter}.ipynb"


def _slug_value(value: object) -> str:
    if isinstance(value, tuple | list):
        text = "+".join(str(item) for item in value) or "none"
    elif isinstance(value, bool):
        text = str(value).lower()
    else:
        text = str(value)
    cleaned = re.sub(r"[^A-Za-z0-9.+-]+", "_", text).strip("_.")
    if cleaned != text or len(cleaned) > 40:
        digest = hashlib.sha256(text.encode()).hexdigest()[:8]
        cleaned = f"{cleaned[-24:].strip('_.')}-{digest}".lstrip("-")
    return cleaned


def variant_slug(changed: Mapping[str, object]) -> str | None:
    """The folder name of the book built with the ``changed`` parameters, None if none changed.

    Readable from the parameters: ``start_year-2015``, ``end_year-2018__start_year-2015``.
    """
    if not changed:
        return None
    slug = "__".join(f"{name}-{_slug_value(changed[name])}" for name in sorted(changed))
    if len(slug) > 100:
        slug = f"{slug[:80]}-{hashlib.sha256(slug.encode()).hexdigest()[:8]}"
    return slug


def build_root(build_dir: Path, changed: Mapping[str, object]) -> BuildRoot:
    """The root of the default book (``_build/``), or of the variant with ``changed`` values."""
    slug = variant_slug(changed)
    return BuildRoot(build_dir / VARIANTS_DIR / slug if slug else build_dir)
