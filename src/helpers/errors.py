"""The error a build stops with when it cannot go on."""

from __future__ import annotations

from collections.abc import Iterable


class BuildError(Exception):
    """A problem with the project, its inputs or the machine, told to people.

    The message is one sentence; ``details`` are lines printed before it (one per data problem,
    per failed chapter, per Sphinx warning). The command line prints them, never a traceback, and
    exits with status 1.
    """

    def __init__(self, message: str, details: Iterable[str] = ()) -> None:
        super().__init__(message)
        self.details = list(details)
