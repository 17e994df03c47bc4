"""Contested claims: every claim against every voice, agreement counted once per origin, the
predictions with their dates, the facts on which the attestations disagree, and the stated
lengths of time that the sources' own dates contradict.

The chapter's parameters (:class:`Params`), its opening and the records its prose names (its
data ids) are here; the rest is in the modules beside this one, and the names the notebook and
the tests use are re-exported below:

- :mod:`.selection`: which claims the chapter weighs;
- :mod:`.verdicts`: the verdicts, counting sources and counting origins;
- :mod:`.speakers`: the passages and who speaks in them;
- :mod:`.claim_tables`: the claim × voice table and who stands where;
- :mod:`.predictions`: the predictions with their dates and horizons;
- :mod:`.readers`: the readers against the article;
- :mod:`.disagreements`: the facts on which the attestations disagree;
- :mod:`.lengths` and :mod:`.length_checks`: the stated lengths of time checked against the
  dates;
- :mod:`.sentences`: the sentences whose shape depends on the selection, and the figure's alt
  text.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import ClassVar

from helpers.analysis.params import ALL, CLAIM_TOPICS, ChapterParams, param
from helpers.analysis.scope import Scope
from helpers.chapters.contested_claims.claim_tables import (
    VOICE_WIDTHS,
    as_text,
    side_table,
    verdict_words,
    voice_data,
    voice_table,
)
from helpers.chapters.contested_claims.disagreements import (
    disagreements_table,
    disputed_subjects,
    factual_disagreements,
    within_one_article,
)
from helpers.chapters.contested_claims.length_checks import (
    checks_data,
    checks_table,
    mismatch_items,
)
from helpers.chapters.contested_claims.lengths import (
    count_mismatches,
    implied_words,
    length_words,
    range_words,
    span_checks,
    stated_words,
)
from helpers.chapters.contested_claims.predictions import horizon_words, predictions_table
from helpers.chapters.contested_claims.readers import (
    READER_COMMENTS_FIGURE,
    readers_sentence,
    readers_table,
)
from helpers.chapters.contested_claims.selection import argued_claims, of_topics, prediction_claims
from helpers.chapters.contested_claims.sentences import (
    counted,
    origin_sentence,
    verdict_sentence,
    verdicts_alt,
)
from helpers.chapters.contested_claims.speakers import credited
from helpers.chapters.contested_claims.verdicts import (
    VERDICT_COLOURS,
    changed_verdicts,
    count,
    judged,
    leading_topics,
    verdict_by_topic,
    with_verdict,
)
from helpers.chapters.opening import open_chapter
from helpers.evidence import Dataset

COMPILER = "src-pr-2021"
"""The brief that passes on most of its passages from other publications (Fernandez (2021)),
of which the interpretation says how much it credits to others."""


@dataclass(frozen=True)
class Params(ChapterParams):
    """Parameters of the chapter on contested claims."""

    chapter: ClassVar[str] = "contested_claims"

    claim_topics: tuple[str, ...] = param(
        (ALL,),
        "Claim topics discussed, or all.",
        example='["trust"]',
        choices=CLAIM_TOPICS,
        nonempty=True,
    )
    min_voices: int = param(
        2, "Fewest evidence rows a claim needs to be shown.", example="2", minimum=1
    )


def open(namespace: Mapping[str, object]) -> tuple[Params, Dataset, Scope]:
    """The chapter's checked parameters (read from the notebook's globals), its dataset and its
    scope: ``P, dataset, scope = chapter.open(globals())``."""
    return open_chapter(Params, namespace)  # type: ignore[return-value]


__all__ = [
    "COMPILER",
    "READER_COMMENTS_FIGURE",
    "VERDICT_COLOURS",
    "VOICE_WIDTHS",
    "Params",
    "argued_claims",
    "as_text",
    "changed_verdicts",
    "checks_data",
    "checks_table",
    "count",
    "count_mismatches",
    "counted",
    "credited",
    "disagreements_table",
    "disputed_subjects",
    "factual_disagreements",
    "horizon_words",
    "implied_words",
    "judged",
    "leading_topics",
    "length_words",
    "mismatch_items",
    "of_topics",
    "open",
    "origin_sentence",
    "prediction_claims",
    "predictions_table",
    "range_words",
    "readers_sentence",
    "readers_table",
    "side_table",
    "span_checks",
    "stated_words",
    "verdict_by_topic",
    "verdict_sentence",
    "verdict_words",
    "verdicts_alt",
    "voice_data",
    "voice_table",
    "with_verdict",
    "within_one_article",
]
