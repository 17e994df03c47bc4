"""The chapter's sentences whose shape depends on the selection: the tally of verdicts, and what
is said for an empty selection."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from helpers.evidence.vocabularies import VERDICTS
from helpers.render import markup, words
from helpers.render.markup import Markup

NO_THREADS = "No prediction or open thread is shown in this selection."
"""What the chapter says in place of what it would show for an empty selection."""


_VERDICT_PHRASES = {
    "fulfilled": ("came about", "came about"),
    "partly_fulfilled": ("came about in part", "came about in part"),
    "not_fulfilled": ("did not", "did not"),
    "too_early": ("is too early or unclear to judge", "are too early or unclear to judge"),
    "": ("is not checked yet", "are not checked yet"),
}


def verdict_counts(frame: pd.DataFrame) -> dict[str, int]:
    """How many rows of a scorecard or threads frame have each verdict ('' for none yet), in
    the vocabulary's order, verdicts with no row left out."""
    counts = frame["verdict"].value_counts()
    return {v: int(counts[v]) for v in [*VERDICTS, ""] if v in counts.index}


def _tally(counts: Mapping[str, int]) -> str:
    parts = []
    for verdict, n in counts.items():
        singular, plural = _VERDICT_PHRASES[verdict]
        parts.append(f"{words.number_word(n)} {singular if n == 1 else plural}")
    return words.join_words(parts)


def tally_sentence(card: pd.DataFrame, open_frame: pd.DataFrame) -> Markup:
    """The verdicts in one or two sentences: 'Of the seven predictions the selected articles
    make, one came about, four came about in part and two did not. Of the twenty threads they
    leave open, …'; the sentence for a selection with neither."""
    if card.empty and open_frame.empty:
        return markup.escape(
            "The selected articles make no prediction and leave no thread open that the later "
            "record could settle."
        )
    sentences = []
    if not card.empty:
        n = len(card)
        noun = "prediction" if n == 1 else "predictions"
        sentences.append(
            f"Of the {words.number_word(n)} {noun} the selected articles make, "
            f"{_tally(verdict_counts(card))}."
        )
    else:
        sentences.append("The selected articles make no prediction.")
    if not open_frame.empty:
        n = len(open_frame)
        noun = "thread" if n == 1 else "threads"
        sentences.append(
            f"Of the {words.number_word(n)} {noun} they leave open, "
            f"{_tally(verdict_counts(open_frame))}."
        )
    else:
        sentences.append("They leave no thread open that the later record follows.")
    return markup.escape(" ".join(sentences))


def silences_empty(*frames: pd.DataFrame) -> str:
    """What is said in place of :func:`silences_table` when it has no row."""
    if all(frame.empty for frame in frames):
        return NO_THREADS
    return "For every prediction and thread shown, the later record holds what it was asked."
