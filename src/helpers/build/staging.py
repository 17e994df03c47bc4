"""The staged book: the folder Jupyter Book compiles, assembled from the project and the run.

It holds copies of ``_config.yml``, ``_toc.yml``, ``references.bib`` and the markdown pages, the
pages generated from the data (:func:`helpers.pages.write_generated`: one page per seed, and the
pages the markdown pages include; :func:`helpers.render.citation.write_fragments`: the BibTeX
entries the "How to cite" page includes), and the executed notebooks. Files are rewritten only when
their content changes (so Sphinx re-reads only what changed), each atomically, and anything else
found there is removed.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

from helpers.build.environment import source_date_epoch
from helpers.build.errors import BuildError
from helpers.build.files import remove_tree, sha256_tree, tree_files, write_if_changed
from helpers.build.paths import BIBLIOGRAPHY_FILE, Paths
from helpers.chapters.contents import markdown_pages
from helpers.evidence import release
from helpers.evidence.location import CONFIG_FILE, TOC_FILE

if TYPE_CHECKING:
    from helpers.analysis.params import ChapterParams
    from helpers.evidence import Dataset
    from helpers.render.citation import Edition

GENERATED_UNDER = Path("chapters")
"""Where generated pages go in the staged book: the seed pages under ``chapters/sources/``
(``- glob: chapters/sources/*`` in ``_toc.yml``) and the pages under ``chapters/generated/``."""


def stage_pages(
    project: Paths,
    dataset: Dataset,
    staged: Path,
    scratch: Path,
    selection: ChapterParams | None = None,
) -> list[Path]:
    """Copy the project's book files into ``staged`` and generate the pages made from the data
    (those that show a selection show ``selection``, the parameters the book is built with).

    ``scratch`` is a folder the page generator writes into first. Returns every staged path
    written or kept, relative to ``staged``.
    """
    from helpers.render.citation import write_fragments
    from helpers.render.seed_pages import GENERATED, write_generated

    wanted: list[Path] = []
    bibliography = project.bibliography_file
    if not bibliography.is_file():
        raise BuildError(f"{BIBLIOGRAPHY_FILE} is missing at the project root; the book cites it")
    for name in (CONFIG_FILE, TOC_FILE, BIBLIOGRAPHY_FILE):
        write_if_changed(staged / name, (project.root / name).read_bytes())
        wanted.append(Path(name))
    for page in markdown_pages(project.root):
        relative = page.relative_to(project.root)
        write_if_changed(staged / relative, page.read_bytes())
        wanted.append(relative)

    remove_tree(scratch)
    scratch.mkdir(parents=True)
    write_generated(dataset, scratch, selection)
    write_fragments(dataset, edition(project), scratch / GENERATED)
    for page in tree_files(scratch):
        relative = GENERATED_UNDER / page.relative_to(scratch)
        write_if_changed(staged / relative, page.read_bytes())
        wanted.append(relative)
    remove_tree(scratch)
    return wanted


def edition(project: Paths) -> Edition:
    """The title (``_config.yml``), version and year of the book being staged."""
    from helpers.render.citation import Edition

    config = yaml.safe_load((project.root / CONFIG_FILE).read_text(encoding="utf-8")) or {}
    title = str(config.get("title", "")).strip()
    if not title:
        raise BuildError(f"{CONFIG_FILE} has no title; the book's citation needs one")
    year = datetime.fromtimestamp(int(source_date_epoch(project)), tz=UTC).year
    return Edition(title, release.version(project.root), year)


def prune(staged: Path, wanted: list[Path]) -> None:
    """Remove every file under ``staged`` that is not in ``wanted``, and empty folders."""
    keep = {path.as_posix() for path in wanted}
    for path in sorted(staged.rglob("*"), reverse=True):
        relative = path.relative_to(staged).as_posix()
        if path.is_file() or path.is_symlink():
            if relative not in keep:
                path.unlink()
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()


def staged_digest(staged: Path) -> str:
    """One digest of everything in the staged book."""
    return sha256_tree(staged)
