"""What a build will do, checked before anything runs: the project, the chapters, the tools, the
data and the parameters, and where the book goes."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from helpers.analysis.coercion import changed_values
from helpers.analysis.params import ChapterParams
from helpers.build.errors import BuildError
from helpers.build.jupyter_book import missing_pdf_tools
from helpers.build.paths import Paths, find_project
from helpers.chapters import registry
from helpers.chapters.contents import chapter_names
from helpers.evidence import Dataset
from helpers.evidence.location import shown

SET_BY_BUILD = ("tables_dir",)
"""Parameters the build sets itself; they cannot be given with ``-p``."""


@dataclass(frozen=True)
class BuildOptions:
    """What to build: parameter overrides (as typed on the command line) and switches."""

    overrides: dict[str, str] = field(default_factory=dict)
    chapters: list[str] | None = None
    force: bool = False
    jobs: int | None = None
    pdf: bool = True


@dataclass(frozen=True)
class Plan:
    """A checked build: the paths of its book, its chapters and their resolved parameters."""

    paths: Paths
    chapters: list[str]
    selected: list[str]
    resolved: dict[str, ChapterParams]
    injected_names: list[str]
    changed: dict[str, object]
    dataset: Dataset


def chapters_relative(paths: Paths, path: Path) -> str:
    """``path`` relative to ``chapters/`` (the working directory of the kernels), POSIX style."""
    return Path(os.path.relpath(path.resolve(), paths.chapters_dir.resolve())).as_posix()


def _user_overrides(paths: Paths, overrides: dict[str, str]) -> dict[str, object]:
    for name in SET_BY_BUILD:
        if name in overrides:
            raise BuildError(
                f"{name} is set by the build (to the book's tables folder); "
                "it cannot be given with -p"
            )
    values: dict[str, object] = dict(overrides)
    if "data_dir" in values:  # given relative to where the command runs
        values["data_dir"] = chapters_relative(paths, Path(str(values["data_dir"])))
    return values


def _load_dataset(data_dir: Path) -> Dataset:
    from helpers.evidence import DataError, load

    try:
        return load(data_dir)
    except DataError as err:
        count = len(err.problems)
        raise BuildError(
            f"the data in {shown(data_dir)} has {count} problem{'s' if count != 1 else ''}; "
            "no chapter was run",
            details=[str(problem) for problem in err.problems],
        ) from None


def plan(options: BuildOptions) -> Plan:
    """Check the project, the tools, the data and the parameters; where the book goes."""
    paths = find_project()
    chapters = chapter_names(paths.root)
    if not chapters:
        raise BuildError("_toc.yml names no chapter notebook under chapters/")
    selected = options.chapters or chapters
    for name in selected:
        if name not in chapters:
            raise BuildError(f"{name!r} is not a chapter; chapters: {', '.join(chapters)}")
    if options.pdf and (missing := missing_pdf_tools()):
        raise BuildError(
            f"the PDF needs {', '.join(missing)}, which {'is' if len(missing) == 1 else 'are'} "
            "not installed; run `make book` to install them, or add --no-pdf for the HTML only"
        )
    overrides = _user_overrides(paths, options.overrides)
    default_data_dir = ChapterParams.data_dir
    dataset = _load_dataset(paths.chapters_dir / str(overrides.get("data_dir", default_data_dir)))
    user_resolved = registry.resolve_overrides(chapters, overrides, dataset)
    changed = changed_values(user_resolved, overrides)
    paths = paths.for_variant(changed)
    overrides["tables_dir"] = chapters_relative(paths, paths.tables)
    resolved = registry.resolve_overrides(chapters, overrides, dataset)
    return Plan(paths, chapters, selected, resolved, list(overrides), changed, dataset)
