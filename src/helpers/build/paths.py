"""Every path of a build, in one registry: the project's folders and files, and the folders of the
book being built (the default one in ``_build/``, or a variant in ``_build/variants/<slug>/``,
the slug read from its parameters: ``start_year-2015``).
"""

from __future__ import annotations

import hashlib
import re
import subprocess
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from helpers.build.errors import BuildError
from helpers.evidence.location import CONFIG_FILE, TOC_FILE, project_root

BIBLIOGRAPHY_FILE = "references.bib"
VARIANTS_DIR = "variants"
LOCK_FILE = ".lock"
TOOL_FOLDERS = frozenset(
    {
        ".git",
        ".venv",
        "_build",
        "__pycache__",
        ".pytest_cache",
        ".ruff_cache",
        ".hypothesis",
        ".ipynb_checkpoints",
    }
)
"""Folders that hold tools' state, never the project's own files."""


@dataclass(frozen=True)
class Paths:
    """The folders and files of one project (``root``) and of one book built from it
    (``book``: ``_build/`` for the default book, a folder under ``_build/variants/`` for a
    book with other parameters)."""

    root: Path
    book: Path

    # -- the project ---------------------------------------------------------------------------

    @property
    def chapters_dir(self) -> Path:
        """``chapters/``: notebooks and markdown pages, never written by a build."""
        return self.root / "chapters"

    @property
    def data_dir(self) -> Path:
        """``data/``: the curated tables."""
        return self.root / "data"

    @property
    def seeds_dir(self) -> Path:
        """``seeds/``: the five articles."""
        return self.root / "seeds"

    @property
    def requirements_file(self) -> Path:
        """The exact pins of the environment."""
        return self.root / "requirements.txt"

    @property
    def bibliography_file(self) -> Path:
        """``references.bib``, written from the data."""
        return self.root / BIBLIOGRAPHY_FILE

    @property
    def build_dir(self) -> Path:
        """``_build/``: everything generated, every book included."""
        return self.root / "_build"

    @property
    def tool_caches(self) -> Path:
        """Where tools started by the build keep their caches."""
        return self.build_dir / ".cache"

    @property
    def lock_file(self) -> Path:
        """The lock that lets one build of this checkout run at a time."""
        return self.build_dir / LOCK_FILE

    def notebook(self, chapter: str) -> Path:
        """The source notebook of ``chapter``."""
        return self.chapters_dir / f"{chapter}.ipynb"

    # -- the book being built --------------------------------------------------------------

    @property
    def is_variant(self) -> bool:
        """Whether this is a book with parameters other than the defaults."""
        return self.book != self.build_dir

    @property
    def staged(self) -> Path:
        """The staged book that Jupyter Book compiles (executed notebooks and pages)."""
        return self.book / "executed"

    @property
    def tables(self) -> Path:
        """The CSV of every table and figure, under ``<chapter>/``."""
        return self.book / "tables"

    @property
    def html(self) -> Path:
        """The HTML site."""
        return self.book / "html"

    @property
    def latex(self) -> Path:
        """The LaTeX sources of the PDF."""
        return self.book / "latex"

    @property
    def pdf(self) -> Path:
        """The PDF of the book."""
        return self.book / "pdf" / "book.pdf"

    @property
    def cache(self) -> Path:
        """Chapter cache entries and the stamps of the HTML and PDF builds."""
        return self.book / "cache"

    @property
    def failed(self) -> Path:
        """Partly executed notebooks of chapters that failed."""
        return self.book / "failed"

    @property
    def logs(self) -> Path:
        """The output of papermill and Jupyter Book, one log per step."""
        return self.book / "logs"

    @property
    def work(self) -> Path:
        """Files being written; emptied at the start of every build."""
        return self.book / "work"

    @property
    def doctrees(self) -> Path:
        """Sphinx's parsed pages, one folder per builder."""
        return self.book / "doctrees"

    def staged_notebook(self, chapter: str) -> Path:
        """The executed notebook of ``chapter`` in the staged book."""
        return self.staged / "chapters" / f"{chapter}.ipynb"

    def for_variant(self, changed: Mapping[str, object]) -> Paths:
        """The paths of the book built with the ``changed`` parameters (this project's default
        book when nothing changed)."""
        slug = variant_slug(changed)
        return replace(self, book=self.build_dir / VARIANTS_DIR / slug if slug else self.build_dir)


def find_project(start: Path | None = None) -> Paths:
    """The paths of the project holding ``start`` (default: the working directory), with its
    default book."""
    root = project_root(start)
    if root is None:
        here = (start or Path.cwd()).resolve()
        raise BuildError(
            f"no project found: neither {here} nor any folder above it holds "
            f"{CONFIG_FILE} and {TOC_FILE}; run the command inside the project"
        )
    return Paths(root, root / "_build")


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


def project_files(root: Path) -> list[str]:
    """The project's files under ``root``, as relative POSIX paths: what git tracks or would
    track (untracked and not ignored); outside a git checkout, every file but tools' state."""
    try:
        listed = subprocess.run(
            ["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"],
            cwd=root,
            capture_output=True,
            check=True,
            timeout=60,
        ).stdout.decode()
        names = [name for name in listed.split("\0") if name]
        return [name for name in names if (root / name).is_file()]
    except (OSError, subprocess.SubprocessError):
        return [
            path.relative_to(root).as_posix()
            for path in root.rglob("*")
            if path.is_file()
            and not TOOL_FOLDERS.intersection(path.relative_to(root).parts)
            and not path.name.endswith(".egg-info")
        ]
