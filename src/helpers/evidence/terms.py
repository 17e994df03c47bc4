"""What a vocabulary is: each value the data may hold, with its meaning and the words a reader
sees in its place."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class Term:
    """One value of a vocabulary: its meaning and, where the code does not read well, its words.

    ``word`` and ``plural`` name the value in running text ("opinion piece", "opinion pieces");
    ``phrase`` describes a thing of that value ("in the author's own words").
    """

    meaning: str
    word: str = ""
    plural: str = ""
    phrase: str = ""


class Vocabulary(Mapping[str, str]):
    """A controlled vocabulary: a mapping of each value to its meaning, with display words."""

    def __init__(self, terms: Mapping[str, str | Term]) -> None:
        self._terms = {
            code: term if isinstance(term, Term) else Term(term) for code, term in terms.items()
        }

    def __getitem__(self, code: str) -> str:
        return self._terms[code].meaning

    def __iter__(self) -> Iterator[str]:
        return iter(self._terms)

    def __len__(self) -> int:
        return len(self._terms)

    def term(self, code: str) -> Term:
        """The whole entry of ``code``."""
        return self._terms[code]

    def word(self, code: str, count: int = 1) -> str:
        """How a reader sees ``code``: its display word (plural when ``count`` is not 1), else
        the code with its underscores as spaces."""
        term = self._terms[code]
        singular = term.word or code.replace("_", " ")
        if count == 1:
            return singular
        return term.plural or singular + "s"

    def phrase(self, code: str) -> str:
        """The phrase that describes a thing of value ``code`` (its display word if none)."""
        return self._terms[code].phrase or self.word(code)

    def subset(self, *codes: str) -> Vocabulary:
        """A vocabulary of some of these values, in the order given."""
        return Vocabulary({code: self._terms[code] for code in codes})
