"""The errors told to people: one sentence, and the detail lines printed before it."""

from __future__ import annotations

from collections.abc import Iterable


class ReportedError(Exception):
    """A problem with the project, its inputs, its parameters or the machine, told to people.

    The message is one sentence; ``details`` are lines printed before it (one per data problem,
    per failed chapter, per Sphinx warning). The command line prints them, never a traceback,
    and exits with status 1. Every error of the package that a person must act on derives
    from this class.
    """

    def __init__(self, message: str, details: Iterable[str] = ()) -> None:
        super().__init__(message)
        self.details = list(details)
