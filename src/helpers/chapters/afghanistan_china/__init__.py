"""The Afghanistan and China factors: where and how each source brings in the two third parties,
what they travel with, and how the sources explain the rapprochement.

The rules that decide what the chapter says are in the modules beside this one, each tested on a
small hand-made dataset: which passages bring in a factor (:func:`brings_in`), how (the facet
classifier, :func:`facet`, with its fallbacks), and who supports, qualifies or disputes each
explanation, counting each origin once (:func:`voices`): a passage an article credits to another
publication speaks for that publication, and voices that repeat one publication are one.

The chapter's parameters (:class:`Params`), its opening and the explanations its prose names
(its data ids) are here, and the names the notebook and the tests use are re-exported below:

- :mod:`.factors`: the two factors, the words that name them and the facets of each;
- :mod:`.factor_passages`: the passages that bring in a factor, and how many of each facet;
- :mod:`.theme_pairs`: the themes that travel together;
- :mod:`.explanation_voices`: the explanations and their voices, counted by origin;
- :mod:`.sentences`: the sentences whose shape depends on the selection;
- :mod:`.tables` and :mod:`.figures`: what the chapter shows.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import ClassVar

from helpers.analysis.params import CLAIM_TOPICS, ChapterParams, param
from helpers.analysis.scope import Scope
from helpers.chapters.afghanistan_china.explanation_voices import (
    READERS,
    explanations,
    origin,
    outlet_words,
    shared_outlets,
    voices,
)
from helpers.chapters.afghanistan_china.factor_passages import (
    count_passages,
    facet_counts,
    passages,
    per_source,
    sources_drawn,
)
from helpers.chapters.afghanistan_china.factors import (
    FACETS,
    FACTORS,
    FALLBACK,
    brings_in,
    facet,
    facet_order,
    names,
)
from helpers.chapters.afghanistan_china.figures import (
    cooccurrence_alt,
    cooccurrence_figure,
    explanation_voices_drawn,
    explanations_alt,
    explanations_figure,
    facets_alt,
    facets_figure,
    per_source_alt,
    per_source_figure,
)
from helpers.chapters.afghanistan_china.sentences import (
    echo_sentence,
    facets_finding,
    facets_sentence,
    partners_sentence,
    presence_sentence,
    supporters,
    top_sentence,
)
from helpers.chapters.afghanistan_china.tables import (
    explanation_table,
    explanations_data,
    explanations_shown,
    facet_table,
)
from helpers.chapters.afghanistan_china.theme_pairs import by_decade, by_source, cooccurrence
from helpers.chapters.opening import open_chapter
from helpers.evidence import Dataset

AFGHANISTAN_CLAIM = "claim-afghanistan-drives-ties"
"""The explanation that Afghanistan draws the two together."""
CHINA_CLAIM = "claim-china-draws-together"
"""The explanation that China, close to both, draws them together."""
SCO_CLAIM = "claim-sco-platform"
"""The explanation that the China-led SCO was the platform that brought them closer."""


@dataclass(frozen=True)
class Params(ChapterParams):
    """Parameters of the chapter on Afghanistan and China."""

    chapter: ClassVar[str] = "afghanistan_china"

    claim_topics: tuple[str, ...] = param(
        ("russia_motives", "pakistan_motives", "afghanistan", "china", "india", "united_states"),
        "Topics of the claims offered as explanations of the rapprochement, or all.",
        example='["china"]',
        choices=CLAIM_TOPICS,
        nonempty=True,
    )


def open(namespace: Mapping[str, object]) -> tuple[Params, Dataset, Scope]:
    """The chapter's checked parameters (read from the notebook's globals), its dataset and its
    scope: ``P, dataset, scope = chapter.open(globals())``."""
    return open_chapter(Params, namespace)  # type: ignore[return-value]


__all__ = [
    "AFGHANISTAN_CLAIM",
    "CHINA_CLAIM",
    "FACETS",
    "FACTORS",
    "FALLBACK",
    "READERS",
    "SCO_CLAIM",
    "Params",
    "brings_in",
    "by_decade",
    "by_source",
    "cooccurrence",
    "cooccurrence_alt",
    "cooccurrence_figure",
    "count_passages",
    "echo_sentence",
    "explanation_table",
    "explanation_voices_drawn",
    "explanations",
    "explanations_alt",
    "explanations_data",
    "explanations_figure",
    "explanations_shown",
    "facet",
    "facet_counts",
    "facet_order",
    "facet_table",
    "facets_alt",
    "facets_figure",
    "facets_finding",
    "facets_sentence",
    "names",
    "open",
    "origin",
    "outlet_words",
    "partners_sentence",
    "passages",
    "per_source",
    "per_source_alt",
    "per_source_figure",
    "presence_sentence",
    "shared_outlets",
    "sources_drawn",
    "supporters",
    "top_sentence",
    "voices",
]
