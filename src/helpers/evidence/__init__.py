"""The dataset: its vocabularies, its one schema, the quotes and the seeds they come from, strict
reading of the CSV files, the checks, and :func:`load`.

Nothing here knows about chapters, markup or the build: the other layers import this one.
``from helpers.evidence import load, validate, Dataset, DataError, Problem`` gives the entry
points; they are imported on first use, so that a process that needs only a small module of
this package (a path, an error) does not import pandas.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from helpers.evidence.dataset import Dataset, load, validate
    from helpers.evidence.problems import DataError, Problem

_ENTRY_POINTS = {
    "Dataset": "helpers.evidence.dataset",
    "load": "helpers.evidence.dataset",
    "validate": "helpers.evidence.dataset",
    "DataError": "helpers.evidence.problems",
    "Problem": "helpers.evidence.problems",
}

__all__ = ["DataError", "Dataset", "Problem", "load", "validate"]


def __getattr__(name: str) -> object:
    if name not in _ENTRY_POINTS:
        raise AttributeError(f"module 'helpers.evidence' has no attribute {name!r}")
    return getattr(importlib.import_module(_ENTRY_POINTS[name]), name)
