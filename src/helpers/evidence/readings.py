"""Readings checked against the articles: a row states only what the sentence around its passage
says, or its note says where the rest comes from.

Each check takes the loaded dataset and returns every problem it finds, located like the
validator's (``data/events.csv:12: location: …``):

- :func:`unnamed_event_details`: every event's location and actors are named in the sentence
  around at least one of its passages, or the event's note names them (and so says where they
  come from);
- :func:`undated_reported_dates`: an evidence row gives a ``reported_date`` only when the sentence
  around its passage holds a date expression;
- :func:`bad_aliases`: no alias of an actor is a name of another actor or a place the articles
  name only as a place.

"The sentence around a passage" is the passage extended, in the raw seed, to the sentence
boundaries on either side (:func:`sentence_bounds`).
"""

from __future__ import annotations

import re
from functools import lru_cache

from helpers.evidence import schema
from helpers.evidence.dataset import Dataset
from helpers.evidence.problems import Problem
from helpers.evidence.quotes import Seed, normalize

# ----------------------------------------------------------------------------------------------
# Sentences
# ----------------------------------------------------------------------------------------------

ABBREVIATIONS = frozenset({"gen", "col", "brig", "lt", "dr", "ms", "mr", "mrs", "st", "etc", "no"})
"""Words whose full stop does not end a sentence ('Col. Gen. Oleg Salyukov', 'St. Petersburg')."""

_TERMINATOR = re.compile(r"[.!?]+[\"'\u201d\u2019)\]]*(?=\s|$)|\n")
_LAST_WORD = re.compile(r"(\w+)$")


@lru_cache(maxsize=16)
def sentence_ends(text: str) -> tuple[int, ...]:
    """The offsets in ``text`` where a sentence ends (exclusive), in order.

    A sentence ends after a full stop, question or exclamation mark (with any closing quotes or
    brackets) that is followed by white space or the end of the text, and at every line break.
    A full stop after an abbreviation or after a single capital letter ('U.S.', 'Iftikhar A.
    Khan') ends no sentence.
    """
    ends: list[int] = []
    for match in _TERMINATOR.finditer(text):
        if match.group() == "\n":
            ends.append(match.start())
            continue
        word = _LAST_WORD.search(text, 0, match.start())
        if match.group().startswith(".") and word:
            token = word.group(1)
            if token.lower() in ABBREVIATIONS or (len(token) == 1 and token.isupper()):
                continue
        ends.append(match.end())
    return tuple(ends)


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The span ``[start, end)`` of ``text`` extended to the sentence boundaries around it."""
    ends = sentence_ends(text)
    left = max((e for e in ends if e <= start), default=0)
    right = min((e for e in ends if e >= end), default=len(text))
    return left, right


def sentences_around(seed: Seed, quote: str) -> list[str]:
    """The sentence around each occurrence of ``quote`` in ``seed`` (raw text)."""
    found = []
    for span in seed.find_all(quote):
        left, right = sentence_bounds(seed.raw, span.start, span.end)
        found.append(seed.raw[left:right])
    return found


# ----------------------------------------------------------------------------------------------
# Names
# ----------------------------------------------------------------------------------------------


def _fold(text: str) -> str:
    """Normalized text with hyphens read as spaces ('Khyber-Pakhtunkhwa' = 'Khyber Pakhtunkhwa')."""
    return " ".join(normalize(text).replace("-", " ").split())


def is_acronym(name: str) -> bool:
    """Whether ``name`` is written in capitals only ('US', 'U.S.', 'SCO'): matched as written."""
    letters = [c for c in name if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def names(text: str, name: str) -> bool:
    """Whether ``text`` names ``name`` as a whole word or phrase.

    Case-insensitive, except for acronyms, which must be written as they are (so 'US' is not
    'us'); hyphens count as spaces; a possessive or a following punctuation mark is allowed.
    """
    needle = _fold(name)
    if not needle:
        return False
    haystack = _fold(text)
    flags = 0 if is_acronym(name) else re.IGNORECASE
    return re.search(rf"(?<!\w){re.escape(needle)}(?!\w)", haystack, flags) is not None


def actor_names(row: dict[str, str]) -> list[str]:
    """An actor's name and its aliases."""
    return [row["name"], *schema.split_list(row["aliases"])]


def name_forms(name: str) -> list[str]:
    """A name and, when it adds a bracketed short form, both parts: 'Special Services Group
    (SSG)' → itself, 'Special Services Group' and 'SSG'."""
    match = re.fullmatch(r"(.+?)\s*\((.+)\)", name.strip())
    return [name, match.group(1), match.group(2)] if match else [name]


def location_parts(location: str) -> list[str]:
    """The places of a location cell: 'Rattu, Gilgit-Baltistan; Cherat' → three places."""
    return [part.strip() for part in re.split(r"[;,]", location) if part.strip()]


def _where(table: str, line: int) -> tuple[str, int]:
    return f"data/{table}.csv", int(line)


def _passage_sentences(dataset: Dataset, subject_id: str) -> list[str]:
    """The sentences around every passage attesting ``subject_id``."""
    rows = dataset.evidence[dataset.evidence["subject_id"] == subject_id]
    found: list[str] = []
    for source_id, quote in zip(rows["source_id"], rows["quote"], strict=True):
        found.extend(sentences_around(dataset.seeds[source_id], quote))
    return found


# ----------------------------------------------------------------------------------------------
# Checks
# ----------------------------------------------------------------------------------------------

UNNAMED = (
    "is named in no sentence around its passages, and the note does not say where it comes from"
)


def unnamed_event_details(dataset: Dataset) -> list[Problem]:
    """Every event's places and actors are named around one of its passages, or in its note."""
    actors = {a: actor_names(r) for a, r in dataset.actors.to_dict("index").items()}
    problems: list[Problem] = []
    for event_id, event in dataset.events.iterrows():
        sentences = _passage_sentences(dataset, str(event_id))
        note = event["note"]
        file, line = _where("events", event["line"])
        for place in location_parts(event["location"]):
            if not any(names(s, place) for s in [*sentences, note]):
                problems.append(Problem(file, line, "location", f"'{place}' {UNNAMED}"))
        for actor_id in event["actors"]:
            if not any(names(s, n) for s in [*sentences, note] for n in actors[actor_id]):
                shown = f"'{actor_id}' ({actors[actor_id][0]})"
                problems.append(Problem(file, line, "actors", f"{shown} {UNNAMED}"))
    return problems


_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
_COUNT = r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+)"
_UNIT = r"(?:years?|decades?|months?|weeks?|days?)"
DATE_EXPRESSION = re.compile(
    "|".join(
        (
            r"\b\d{4}s?\b",  # 2015, 1980s, mid-1950s
            rf"\b(?:{_MONTHS})\b",  # In January, 24 Sep, March 30
            r"\b(?:last|this|next|previous|past)\s+(?:year|month|week|decade|century)\b",
            r"\blater this year\b",
            r"\brecent(?:ly)?\b",
            r"\bago\b",
            r"\bat the end of\b",
            r"\bprevious century\b",
            # a span counted from the time of writing or from the event the sentence tells:
            # 'three years ago', 'a decade later', 'the first … in nine years', 'for the past
            # decade'; not 'after a week', which counts from an event told elsewhere
            rf"\b{_COUNT}[\s-]+{_UNIT}\s+(?:ago|later|earlier)\b",
            rf"\bin\s+{_COUNT}[\s-]+{_UNIT}\b",
            rf"\b(?:for|over)\s+the\s+(?:past|last)\s+(?:{_COUNT}[\s-]+)?{_UNIT}\b",
        )
    ),
    re.IGNORECASE,
)
"""A date expression: a year or decade, a month, or a relative expression of time."""


def undated_reported_dates(dataset: Dataset) -> list[Problem]:
    """Every reported date stands beside a date expression in the sentence around its passage."""
    problems: list[Problem] = []
    given = dataset.evidence[dataset.evidence["reported_date"] != ""]
    for _, row in given.iterrows():
        sentences = sentences_around(dataset.seeds[row["source_id"]], row["quote"])
        if not any(DATE_EXPRESSION.search(_fold(s)) for s in sentences):
            file, line = _where("evidence", row["line"])
            problems.append(
                Problem(
                    file,
                    line,
                    "reported_date",
                    f"'{row['reported_date']}' is given, but the sentence around the passage "
                    "holds no date expression",
                )
            )
    return problems


PLACES = frozenset(
    {
        "astana",
        "cherat",
        "crimea",
        "gilgit baltistan",
        "jammu",
        "karachaevo cherkessia",
        "karachi",
        "khyber pakhtunkhwa",
        "khyber pukhtunkhwa",
        "lahore",
        "mazar e sharif",
        "miranshah",
        "north caucasus",
        "north waziristan",
        "peshawar",
        "punjab",
        "rattu",
        "sindh",
        "sochi",
        "st petersburg",
        "st. petersburg",
        "ufa",
        "uri",
    }
)
"""Places the articles name only as places, never for a government or a people. Capitals that
the articles also use for a government ('Moscow has designs on Pakistan', 'New Delhi's continued
embrace of Washington') are not listed: they are names of that state."""


def bad_aliases(dataset: Dataset) -> list[Problem]:
    """No alias is another actor's name or alias, nor a place that is not the actor."""
    owners: dict[str, set[str]] = {}
    for actor_id, row in dataset.actors.to_dict("index").items():
        for name in actor_names(row):
            for form in name_forms(name):
                owners.setdefault(_fold(form).lower(), set()).add(str(actor_id))
    problems: list[Problem] = []
    for actor_id, row in dataset.actors.iterrows():
        file, line = _where("actors", row["line"])
        for alias in schema.split_list(row["aliases"]):
            keys = [_fold(form).lower() for form in name_forms(alias)]
            others = sorted(set().union(*(owners[k] for k in keys)) - {actor_id})
            if others:
                problems.append(
                    Problem(file, line, "aliases", f"'{alias}' is also a name of {others[0]}")
                )
            elif any(k in PLACES for k in keys):
                problems.append(
                    Problem(
                        file, line, "aliases", f"'{alias}' is a place, not a name of {row['name']}"
                    )
                )
    return problems


CHECKS = (unnamed_event_details, undated_reported_dates, bad_aliases)
"""Every check of this module."""
