"""The book's contents, read from ``_toc.yml``: its pages in reading order, which of them are
chapter notebooks (``chapters/<name>.ipynb``) and which are markdown pages.

``_toc.yml`` is the one list of the book's chapters: the build, the parameters and the tests
derive theirs from it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from helpers.evidence.errors import ReportedError
from helpers.evidence.location import TOC_FILE

CHAPTERS_FOLDER = "chapters"


class ContentsError(ReportedError):
    """``_toc.yml`` cannot be read as the book's table of contents."""


@dataclass(frozen=True)
class TocEntry:
    """One entry of ``_toc.yml``: a page (``file``) or a pattern of pages (``glob``)."""

    name: str
    is_glob: bool = False


def toc_entries(root: Path) -> list[TocEntry]:
    """Every entry of the ``_toc.yml`` of the project at ``root``, in reading order, the root
    page first."""
    path = root / TOC_FILE
    try:
        toc = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as err:
        raise ContentsError(f"{TOC_FILE} is not valid YAML: {err}") from None
    if not isinstance(toc, dict) or "root" not in toc:
        raise ContentsError(f"{TOC_FILE} must be a mapping with a 'root' page")
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


def chapter_names(root: Path) -> list[str]:
    """The chapters that are notebooks (``chapters/<name>.ipynb``), in ``_toc.yml`` order."""
    names = []
    chapters_dir = root / CHAPTERS_FOLDER
    for entry in toc_entries(root):
        path = root / f"{entry.name}.ipynb"
        if not entry.is_glob and path.parent == chapters_dir and path.is_file():
            names.append(path.stem)
    return names


def markdown_pages(root: Path) -> list[Path]:
    """The markdown pages of ``_toc.yml`` that exist in the project (generated pages excluded)."""
    pages = []
    for entry in toc_entries(root):
        path = root / f"{entry.name}.md"
        if not entry.is_glob and path.is_file():
            pages.append(path)
    return pages


def chapter_title(root: Path, chapter: str) -> str:
    """The title of a chapter: the first ``# `` heading of its notebook, else its name."""
    import json

    path = root / CHAPTERS_FOLDER / f"{chapter}.ipynb"
    try:
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    except (OSError, ValueError, KeyError):
        return chapter
    for cell in cells:
        if cell.get("cell_type") == "markdown":
            for line in "".join(cell.get("source", [])).splitlines():
                if line.startswith("# "):
                    return line[2:].strip()
    return chapter
