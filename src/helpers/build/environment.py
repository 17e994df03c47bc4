"""The environment of the kernels and of Sphinx: fixed hash salt, dates and tool caches.

Every process the build starts gets ``PYTHONHASHSEED=0``, ``TZ=UTC`` and a ``SOURCE_DATE_EPOCH``
(taken from the environment, else the time of the last commit, else the newest input file), and
keeps the caches of matplotlib and IPython under ``_build/.cache/`` so that nothing is
written into the sources, whatever the working directory.
"""

from __future__ import annotations

import os
import subprocess
import sys

from helpers.build.files import tree_files
from helpers.build.paths import Paths
from helpers.evidence import release


def source_date_epoch(project: Paths) -> str:
    """The timestamp that dates the book, as decimal seconds since 1970
    (:func:`helpers.evidence.release.source_date_epoch`: the environment's, else the last
    commit's, else the newest input file's)."""
    folders = (project.data_dir, project.seeds_dir, project.chapters_dir)
    files = (path for folder in folders for path in tree_files(folder))
    return str(release.source_date_epoch(project.root, files))


def tool_environment(project: Paths, epoch: str) -> dict[str, str]:
    """The environment for kernels and Sphinx: this process's, made reproducible."""
    caches = project.tool_caches
    for tool in ("matplotlib", "ipython"):
        (caches / tool).mkdir(parents=True, exist_ok=True)
    environment = dict(os.environ)
    environment.update(
        PYTHONHASHSEED="0",
        SOURCE_DATE_EPOCH=epoch,
        TZ="UTC",
        MPLCONFIGDIR=str(caches / "matplotlib"),
        IPYTHONDIR=str(caches / "ipython"),
        JUPYTER_PLATFORM_DIRS="1",
        PYDEVD_DISABLE_FILE_VALIDATION="1",
    )
    _build_font_cache(environment)
    return environment


def _build_font_cache(environment: dict[str, str]) -> None:
    """Build matplotlib's font cache once, before any kernel starts.

    A kernel that finds no cache builds it, and when that takes more than a few seconds
    matplotlib says so on stderr, in whichever chapters happen to start first: output that would
    differ from one build to the next.
    """
    subprocess.run(
        [sys.executable, "-c", "import matplotlib.font_manager"],
        env=environment,
        capture_output=True,
        timeout=600,
        check=False,
    )
