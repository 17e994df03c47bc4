"""Where the project is, and how a path is shown to people.

The project root is the first folder, from the working directory upwards, that holds both
``_config.yml`` and ``_toc.yml``: the one rule every part of the package uses to find the
project (its data, its chapters, its build folder), wherever a command or a notebook runs.
"""

from __future__ import annotations

from pathlib import Path

CONFIG_FILE = "_config.yml"
TOC_FILE = "_toc.yml"
DATA_FOLDER = "data"


def project_root(start: Path | None = None) -> Path | None:
    """The project holding ``start`` (default: the working directory), or None outside one."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / CONFIG_FILE).is_file() and (folder / TOC_FILE).is_file():
            return folder
    return None


def default_data_dir() -> Path:
    """The project's ``data/`` folder; outside a project, ``data/`` in the working directory
    (which then fails validation with one clear line)."""
    root = project_root()
    return (root if root is not None else Path.cwd()) / DATA_FOLDER


def shown(path: Path) -> str:
    """``path`` as people are shown it: relative to the working directory when it lies below it,
    else as given."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)
