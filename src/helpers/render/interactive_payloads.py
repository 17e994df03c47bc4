"""The data of the book's two interactive views, an event timeline and an evidence explorer: what
each shows of a selection, as plain JSON-ready dictionaries (the views' HTML is
:mod:`helpers.render.interactive`). Where a link goes is the caller's to say:
``passage_href(evidence_id)`` and ``record_href(subject_id)``. The same selection always gives
the same payload (keys sorted when written, rows in the scope's order).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from typing import Any, Literal

import pandas as pd

from helpers.analysis.measures import disagreements
from helpers.analysis.scope import Scope
from helpers.evidence import schema
from helpers.evidence.vocabularies import STANCES, THEMES
from helpers.render import words

Kind = Literal["timeline", "explorer"]
Href = Callable[[str], str]
Payload = dict[str, Any]

SCHEMA = {"timeline": "pr-timeline/1", "explorer": "pr-explorer/1"}
"""The version of each payload's layout, checked by the scripts."""

PALETTE_SIZE = 14
"""Theme colours in ``interactive.css`` (``.pr-c0`` … ``.pr-c13``), used in turn."""

PRECISION_WORDS = {
    "day": "to the day",
    "month": "to the month",
    "year": "to the year",
    "decade": "to the decade",
}
BASIS_WORDS = {
    "stated": "The date is stated in the quoted passage.",
    "relative": "The date is a relative one in the source ('last month'), resolved against the "
    "source's publication date.",
    "inferred": "The date is inferred from other facts in the sources.",
    "undated": "No source dates it.",
}
QUALIFIER_WORDS = {
    "by": "it happened at or before this date",
    "after": "it happened at or after this date",
}
PLANNED = "Planned at the time of the source; the sources do not say whether it happened."
SUBJECT_KINDS = {"events": "Event", "deals": "Deal", "figures": "Figure", "claims": "Claim"}
"""The kinds of subject a passage attests, by data table, as the explorer names them."""


# ----------------------------------------------------------------------------------------------
# Words
# ----------------------------------------------------------------------------------------------


def precision_in_words(precision: str, end_date: str = "", qualifier: str = "") -> str:
    """How exactly a date is known, as a sentence: 'Given to the month.',
    'A span; the start is given to the decade, the end to the year.'"""
    if precision == "undated":
        return "The sources give no date."
    start = PRECISION_WORDS.get(precision, precision)
    if end_date:
        end = PRECISION_WORDS[{1: "year", 2: "month", 3: "day"}[len(end_date.split("-"))]]
        text = (
            f"A span; both ends are given {start}."
            if start == end
            else f"A span; the start is given {start}, the end {end}."
        )
    else:
        text = f"Given {start}."
    if qualifier in QUALIFIER_WORDS:
        text += f" '{qualifier.capitalize()}': {QUALIFIER_WORDS[qualifier]}."
    return text


def speaker_word(speaker: str) -> str:
    """Who speaks, for a reader: 'the author'; names as they are."""
    return "the author" if speaker == "author" else speaker


def _text(value: Any) -> str:
    """A cell as text: missing values (None, NaN, NaT, pd.NA) become ''."""
    if value is None or value is pd.NA or value is pd.NaT:
        return ""
    if isinstance(value, float) and math.isnan(value):
        return ""
    return str(value)


def _day(value: Any) -> str | None:
    """A timestamp as 'YYYY-MM-DD', or None when missing."""
    text = _text(value)
    return pd.Timestamp(value).strftime("%Y-%m-%d") if text else None


def _sources(scope: Scope, counted: Iterable[str]) -> list[dict[str, Any]]:
    """The selected sources, oldest first, each with how often it occurs in ``counted``."""
    counts = pd.Series(list(counted), dtype=object).value_counts()
    return [
        {
            "id": str(source_id),
            "label": str(row["label"]),
            "title": _text(row["title"]),
            "outlet": _text(row["outlet"]),
            "published": _text(row["published"]),
            "count": int(counts.get(source_id, 0)),
        }
        for source_id, row in scope.sources.iterrows()
    ]


# ----------------------------------------------------------------------------------------------
# Payloads
# ----------------------------------------------------------------------------------------------


def timeline_payload(scope: Scope, passage_href: Href, record_href: Href | None = None) -> Payload:
    """The timeline's data: every event of the selection (dated, then undated), with its date
    in words and how precisely it is known, its themes, and each selected source that attests
    it with its verbatim quotes, each linked to its passage."""
    events = pd.concat([scope.events, scope.undated_events])
    evidence = scope.evidence_for(events.index)
    disputed = disagreements(scope)
    date_disputed = set(disputed.loc[disputed["kind"] == "date", "subject_id"])
    quotes: dict[str, list[dict[str, str]]] = {}
    for evidence_id, row in evidence.iterrows():
        reported = _text(row["reported_date"])
        precision = _text(row["reported_precision"]) or (
            {1: "year", 2: "month", 3: "day"}[len(reported.split("-"))] if reported else ""
        )
        quotes.setdefault(str(row["subject_id"]), []).append(
            {
                "id": str(evidence_id),
                "source": str(row["source_id"]),
                "quote": _text(row["quote"]),
                "speaker": speaker_word(_text(row["speaker"])),
                "voice": _text(row["voice"]),
                "reported": words.format_date(reported, precision) if reported else "",
                "href": passage_href(str(evidence_id)),
            }
        )
    rank = {source_id: i for i, source_id in enumerate(scope.sources.index)}
    entries = []
    for event_id, row in events.iterrows():
        attested = quotes.get(str(event_id), [])
        date, precision = _text(row["date"]), _text(row["date_precision"]) or "undated"
        end_date, qualifier = _text(row["end_date"]), _text(row["date_qualifier"])
        start, end = _day(row["start"]), _day(row["end"])
        entries.append(
            {
                "id": str(event_id),
                "title": _text(row["title"]),
                "summary": _text(row["summary"]),
                "category": _text(row["category"]),
                "status": _text(row["status"]),
                "status_text": PLANNED if row["status"] == "planned" else "",
                "start": start,
                "end": end,
                "point": bool(start and start == end and precision == "day"),
                "precision": precision,
                "qualifier": qualifier,
                "when": str(
                    words.event_date(
                        date,
                        precision,
                        end_date,
                        qualifier=qualifier,
                        disputed=event_id in date_disputed,
                    )
                ),
                "precision_text": precision_in_words(precision, end_date, qualifier),
                "basis": BASIS_WORDS.get(_text(row["date_basis"]), ""),
                "date_note": _text(row["date_note"]),
                "themes": [str(t) for t in row["themes"]],
                "sources": sorted({q["source"] for q in attested}, key=rank.__getitem__),
                "evidence": attested,
                "record": record_href(str(event_id)) if record_href else "",
            }
        )
    used = {t for entry in entries for t in entry["themes"]}
    themes = [t for t in THEMES if t in used] + sorted(used - set(THEMES))
    return {
        "schema": SCHEMA["timeline"],
        "themes": [
            {
                "id": theme,
                "label": str(words.theme_label(theme)),
                "description": THEMES.get(theme, ""),
                "color": i % PALETTE_SIZE,
                "count": sum(theme in e["themes"] for e in entries),
            }
            for i, theme in enumerate(themes)
        ],
        "sources": _sources(scope, (s for e in entries for s in e["sources"])),
        "events": entries,
    }


def explorer_payload(scope: Scope, passage_href: Href, record_href: Href) -> Payload:
    """The explorer's data: one row per passage of the selected sources about a record of the
    selection, with its source, the record (kind and title), the stance, the speaker, the quote
    and two links."""
    records = pd.concat(
        [
            scope.events.index.to_series(),
            scope.undated_events.index.to_series(),
            scope.deals.index.to_series(),
            scope.figures.index.to_series(),
            scope.claims.index.to_series(),
        ]
    )
    rows = []
    for evidence_id, row in scope.evidence_for(records).iterrows():
        subject_id = str(row["subject_id"])
        table = schema.table_of_id(subject_id)
        rows.append(
            {
                "id": str(evidence_id),
                "source": str(row["source_id"]),
                "source_label": str(row["source_label"]),
                "subject_id": subject_id,
                "subject": scope.subject_title(subject_id),
                "kind": table,
                "kind_label": SUBJECT_KINDS[table],
                "stance": _text(row["stance"]),
                "speaker": speaker_word(_text(row["speaker"])),
                "voice": _text(row["voice"]),
                "quote": _text(row["quote"]),
                "passage": passage_href(str(evidence_id)),
                "record": record_href(subject_id),
            }
        )

    def counted(key: str, values: Iterable[str]) -> list[dict[str, Any]]:
        found = pd.Series([r[key] for r in rows], dtype=object).value_counts()
        return [{"id": v, "count": int(found[v])} for v in values if v in found]

    stances = [s for s in STANCES if any(r["stance"] == s for r in rows)]
    speakers = sorted({r["speaker"] for r in rows}, key=lambda s: (s != "the author", s.lower()))
    return {
        "schema": SCHEMA["explorer"],
        "sources": _sources(scope, (r["source"] for r in rows)),
        "kinds": [
            {**kind, "label": SUBJECT_KINDS[kind["id"]]} for kind in counted("kind", SUBJECT_KINDS)
        ],
        "stances": counted("stance", stances),
        "speakers": counted("speaker", speakers),
        "rows": rows,
    }
