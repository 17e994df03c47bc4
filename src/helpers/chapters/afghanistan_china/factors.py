"""The two factors, Afghanistan and China: the words by which a passage names each, and the
facets in which it brings one in (the facet classifier and its fallbacks)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from helpers.evidence.vocabularies import THEMES
from helpers.render.words import Words

FACTORS = ("afghanistan", "china")
"""The two third parties, by their theme (and claim topic) code."""

FACTOR_WORDS = {
    "afghanistan": re.compile(r"\b(?:afghan\w*|kabul|taliban|mujah\w*)", re.IGNORECASE),
    "china": re.compile(r"\b(?:china|chinese|beijing|sco|shanghai)\b", re.IGNORECASE),
}
"""The words by which a passage names a factor: the country, its capital and the groups of it
the articles speak of (the Taliban, the mujahideen); for China, also the China-led SCO."""


def _words(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


FACETS: dict[str, tuple[tuple[str, re.Pattern[str]], ...]] = {
    "afghanistan": (
        (
            "the Soviet war and its legacy",
            _words(
                r"soviet|ussr|mujah|invasion|invading|intervention|cold war|afghan war|1980s|1989"
                r"|history"
            ),
        ),
        (
            "the US war and withdrawal",
            _words(r"\bus war|\bus strategy|withdrawal|post-2014|america|washington"),
        ),
        (
            "the Taliban and peace",
            _words(
                r"taliban|peace process|bring(?:ing)? peace|reconciliation|settlement|kabul"
                r"|dialogue|negotiations|political process"
            ),
        ),
        (
            "Daesh and militancy",
            _words(r"daesh|islamic state|\(is\)|terror|extremis|militan|radical"),
        ),
        ("energy routes", _words(r"pipeline|electricity|\bcasa|\btapi")),
        ("a region of influence", _words(r"influence|relevancy|location|central asia")),
        ("common ground and consultation", _words(r"converg|consult|agenda|discussion|\brole\b")),
    ),
    "china": (
        ("the SCO", _words(r"\bsco\b|shanghai")),
        ("China in the Cold War", _words(r"nixon|1970s")),
        ("ties with China at stake", _words(r"\bharm|deteriorat")),
        ("China as Pakistan's ally", _words(r"iron brother|all-weather")),
        ("China as a yardstick", _words(r"than china|china has thus far|china has got")),
        ("Chinese investment and interests", _words(r"invest|\bc?e?pec\b|growing interest")),
        (
            "China drawing the two together",
            _words(r"drawing force|bring\w* [\w' ]*together|instrumental|close ties with china"),
        ),
        (
            "Russia and China side by side",
            _words(r"russia,? (?:and )?china|trilateral|alliance with china|vetoed|consult"),
        ),
    ),
}
"""How a passage brings in each factor: facets in the order they are tried, each with the words
that mark it; the first that matches wins."""

THEME_FACETS = {
    "afghanistan": {
        "cold_war": "the Soviet war and its legacy",
        "counterterrorism": "Daesh and militancy",
    },
    "china": {"multilateral": "the SCO", "cold_war": "China in the Cold War"},
}
"""The facet an event's theme gives when neither the passage nor the event's words mark one."""

FALLBACK = {"afghanistan": "Afghanistan in general", "china": "China in general"}
"""The facet of a passage that nothing marks."""


def factor_word(factor: str) -> Words:
    """A factor's name: 'Afghanistan', 'China'."""
    return Words(THEMES.word(factor))


def names(text: str, factor: str) -> bool:
    """Whether ``text`` names the factor (:data:`FACTOR_WORDS`)."""
    return bool(FACTOR_WORDS[factor].search(text))


def brings_in(quote: str, subject_text: str, tagged: bool, factor: str) -> bool:
    """Whether a passage brings in a factor: its own words name it, or its subject is about the
    factor (a claim of its topic, an event of its theme) and says so in its title or statement.

    A passage of an event that is about Afghanistan among other things (a foreign minister's
    visit) counts only if it names Afghanistan itself: being received at the airport does not
    bring Afghanistan in.
    """
    return names(quote, factor) or (tagged and names(subject_text, factor))


def facet(quote: str, subject_text: str, themes: Iterable[str], factor: str) -> str:
    """How a passage brings in a factor: the first facet of :data:`FACETS` whose words the
    passage uses; else the first whose words its subject's title or statement uses; else the
    facet its event's themes give (:data:`THEME_FACETS`); else :data:`FALLBACK`."""
    for text in (quote, subject_text):
        for name, pattern in FACETS[factor]:
            if pattern.search(text):
                return name
    for theme in themes:
        if theme in THEME_FACETS[factor]:
            return THEME_FACETS[factor][theme]
    return FALLBACK[factor]


def facet_order(factor: str) -> list[str]:
    """The facets of a factor in the order the chapter lists them, the fallback last."""
    return [name for name, _ in FACETS[factor]] + [FALLBACK[factor]]
