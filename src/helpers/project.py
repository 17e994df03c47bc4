"""Where things are in the project: its root, its folders and the pages of ``_toc.yml``."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

import yaml

from helpers.errors import BuildError

CONFIG_FILE = "_config.yml"
TOC_FILE = "_toc.yml"
BIBLIOGRAPHY_FILE = "references.bib"
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
class Project:
    """The folders of one checkout of the project."""

    root: Path

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
    def build_dir(self) -> Path:
        """``_build/``: everything generated."""
        return self.root / "_build"

    @property
    def requirements_file(self) -> Path:
        """The exact pins of the environment."""
        return self.root / "requirements.txt"

    def notebook(self, chapter: str) -> Path:
        """The source notebook of ``chapter``."""
        return self.chapters_dir / f"{chapter}.ipynb"

    def relative(self, path: Path) -> str:
        """``path`` for people: relative to the working directory when it lies below it."""
        try:
            return str(path.resolve().relative_to(Path.cwd().resolve()))
        except ValueError:
            return str(path)


def find_project(start: Path | None = None) -> Project:
    """The project holding ``start`` (default: the working directory), found upwards.

    The root is the first folder that holds both ``_config.yml`` and ``_toc.yml``.
    """
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / CONFIG_FILE).is_file() and (folder / TOC_FILE).is_file():
            return Project(folder)
    raise BuildError(
        f"no project found: neither {here} nor any folder above it holds "
        f"{CONFIG_FILE} and {TOC_FILE}; run the command inside the project"
    )


@dataclass(frozen=True)
class TocEntry:
    """One entry of ``_toc.yml``: a page (``file``) or a pattern of pages (``glob``)."""

    name: str
    is_glob: bool = False


def toc_entries(project: Project) -> list[TocEntry]:
    """Every entry of ``_toc.yml`` in reading order, the root page first."""
    path = project.root / TOC_FILE
    try:
        toc = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as err:
        raise BuildError(f"{TOC_FILE} is not valid YAML: {err}") from None
    if not isinstance(toc, dict) or "root" not in toc:
        raise BuildError(f"{TOC_FILE} must be a mapping with a 'root' page")
    entries = [TocEntry(str(toc["root"]))]

    def walk(items: object) -> None:
        for item in items if isinstance(items, list) else []:
            if not isinstance(item, dict):
                continue
            if "file" in item:
                entries.append(TocEntry(str(item["file"])))
            elif "glob" in item:
                entries.append(TocEntry(str(item["glob"]), is_glob=True))
            for key in ("parts", "chapters", "sections"):
                walk(item.get(key))

    walk([{key: toc[key]} for key in ("parts", "chapters", "sections") if key in toc])
    return entries


def chapter_names(project: Project) -> list[str]:
    """The chapters that are notebooks (``chapters/<name>.ipynb``), in ``_toc.yml`` order."""
    names = []
    for entry in toc_entries(project):
        path = project.root / f"{entry.name}.ipynb"
        if not entry.is_glob and path.parent == project.chapters_dir and path.is_file():
            names.append(path.stem)
    return names


def markdown_pages(project: Project) -> list[Path]:
    """The markdown pages of ``_toc.yml`` that exist in the project (generated pages excluded)."""
    pages = []
    for entry in toc_entries(project):
        path = project.root / f"{entry.name}.md"
        if not entry.is_glob and path.is_file():
            pages.append(path)
    return pages


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
