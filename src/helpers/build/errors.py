"""The error a build stops with when it cannot go on."""

from __future__ import annotations

from helpers.evidence.errors import ReportedError


class BuildError(ReportedError):
    """A problem with the project, its inputs or the machine that stops a build: one sentence,
    with the lines (one per data problem, per failed chapter, per Sphinx warning) printed
    before it."""
