"""How far each chapter follows the selection, for the tests that rerun chapters with other
parameters and expect what they show to change."""

from __future__ import annotations

UNSELECTIVE = frozenset({"rerunning"})
"""Chapters that show the same whatever the selection (the parameters' own documentation)."""

SOURCES_ONLY = frozenset({"data_appendix"})
"""Chapters on the dataset itself: they follow the selected sources, not the years (a passage
and the record it attests are counted whatever the record's date)."""
