"""Quote matching: find a curated quote in its seed under the one documented normalization.

The normalization (applied to both the seed and the quote before comparing):

1. Unicode NFKC (so "…" is "...", a non-breaking space is a space);
2. typographic quotes and dashes folded: ‘ ’ → ', “ ” → ", – — → -;
3. every run of whitespace (spaces, tabs, line breaks) collapsed to one space, ends stripped.

A quote is valid when its normalized form is a contiguous substring of the normalized seed.
Offsets are computed into the *raw* seed, on demand, so they never go stale.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property

FOLD_TABLE = str.maketrans(
    {"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-"}
)
_WHITESPACE = re.compile(r"\s+")


def _fold_char(char: str) -> str:
    return unicodedata.normalize("NFKC", char).translate(FOLD_TABLE)


_FOLDS = tuple((chr(char), folded) for char, folded in FOLD_TABLE.items())


def normalize(text: str) -> str:
    """The normalized form of ``text`` used to compare quotes with seeds."""
    # Same result as ``.translate(FOLD_TABLE)`` then ``_WHITESPACE.sub(" ", ...).strip()``
    # (``str.split`` and ``\s`` agree on what is whitespace), several times faster. ASCII text
    # is its own NFKC form and holds none of the folded characters, so it skips both steps.
    if text.isascii():
        return " ".join(text.split())
    folded = unicodedata.normalize("NFKC", text)
    for char, replacement in _FOLDS:
        folded = folded.replace(char, replacement)
    return " ".join(folded.split())


@dataclass(frozen=True)
class Span:
    """A half-open character range ``[start, end)`` in a raw seed text."""

    start: int
    end: int


class Seed:
    """A seed text with its normalized form and a map from normalized to raw offsets."""

    def __init__(self, raw: str) -> None:
        self.raw = raw
        self.normalized = normalize(raw)

    @cached_property
    def _offset_map(self) -> tuple[list[int], list[int]]:
        """For each character of the normalized text, the raw offsets where it starts and ends.

        Built character by character, and only when an offset is asked for: validation needs
        only the normalized text.
        """
        chars: list[str] = []
        origin: list[int] = []
        pending_space = False
        for raw_pos, char in enumerate(self.raw):
            for out in _fold_char(char):
                if out.isspace():
                    pending_space = bool(chars)
                    continue
                if pending_space:
                    chars.append(" ")
                    origin.append(raw_pos)
                    pending_space = False
                chars.append(out)
                origin.append(raw_pos)
        if "".join(chars) != self.normalized:  # NFKC composed across characters: rare
            raise ValueError("seed normalization is not character-local; cannot map offsets")
        return origin, [o + 1 for o in origin]

    def contains(self, quote: str) -> bool:
        """Whether the normalized quote occurs in the normalized seed."""
        needle = normalize(quote)
        return bool(needle) and needle in self.normalized

    def find(self, quote: str) -> Span | None:
        """The raw span of the first occurrence of ``quote``, or None when it is absent."""
        needle = normalize(quote)
        if not needle:
            return None
        at = self.normalized.find(needle)
        if at < 0:
            return None
        starts, ends = self._offset_map
        return Span(starts[at], ends[at + len(needle) - 1])

    def find_all(self, quote: str) -> list[Span]:
        """Raw spans of every occurrence of ``quote`` (a passage can be printed twice)."""
        needle = normalize(quote)
        spans: list[Span] = []
        if not needle:
            return spans
        starts, ends = self._offset_map
        at = self.normalized.find(needle)
        while at >= 0:
            spans.append(Span(starts[at], ends[at + len(needle) - 1]))
            at = self.normalized.find(needle, at + 1)
        return spans

    def excerpt(self, span: Span) -> str:
        """The raw text of ``span``."""
        return self.raw[span.start : span.end]
