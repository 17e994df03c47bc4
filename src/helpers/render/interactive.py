"""The data and the HTML of the book's two interactive views: an event timeline and an evidence
explorer. They exist only in the HTML edition; the PDF keeps its static figures and tables.

Each view is a block of raw HTML in a generated page (:mod:`helpers.render.views`):

- a container with its controls (filters, a count, a panel), written here, hidden until the
  view's script runs (a note stands in their place without JavaScript);
- the view's data as ``<script type="application/json">`` (:func:`embed`), read by the script
  without any request, so that the page also works opened from disk.

The scripts (``static/interactive/timeline.js``, ``explorer.js``), their style sheet and the
libraries vendored from the npm registry (vis-timeline, Tabulator) are added to the pages that
hold a view by :mod:`helpers.render.sphinx_views`. Where a link goes is the caller's to say:
``passage_href(evidence_id)`` and ``record_href(subject_id)``. The same selection always gives
the same bytes (keys sorted, rows in the scope's order).
"""

from __future__ import annotations

import html
import json
import math
import re
from collections.abc import Callable, Iterable, Sequence
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

_ID = re.compile(r"^[A-Za-z][A-Za-z0-9_-]*$")


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


# ----------------------------------------------------------------------------------------------
# HTML
# ----------------------------------------------------------------------------------------------


def to_json(payload: Payload) -> str:
    """The payload as compact JSON, keys sorted: the same data gives the same bytes.

    Raises ``ValueError`` on NaN or infinity, which JSON cannot hold.
    """
    return json.dumps(
        payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"), allow_nan=False
    )


def _script_safe(text: str) -> str:
    """JSON text that cannot end or confuse the ``<script>`` element around it: ``<``, ``>``,
    ``&``, U+2028 and U+2029 as ``\\u`` escapes (they occur only inside JSON strings, where
    the escapes mean the same characters)."""
    return (
        text.replace("&", "\\u0026")
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def _check_id(element_id: str) -> str:
    if not _ID.match(element_id):
        raise ValueError(f"{element_id!r} is not a safe element id (letters, digits, '-', '_')")
    return element_id


def embed(element_id: str, payload: Payload) -> str:
    """The payload as a ``<script type="application/json" id="…">`` element, safely escaped."""
    return (
        f'<script type="application/json" id="{_check_id(element_id)}">'
        f"{_script_safe(to_json(payload))}</script>"
    )


def _attr(value: object) -> str:
    return html.escape(str(value), quote=True)


def _checkboxes(block_id: str, name: str, legend: str, options: Sequence[dict[str, Any]]) -> str:
    boxes = []
    for option in options:
        swatch = (
            f'<span class="pr-swatch pr-c{int(option["color"])}" aria-hidden="true"></span>'
            if "color" in option
            else ""
        )
        hint = option.get("description") or option.get("title") or ""
        title = f' title="{_attr(hint)}"' if hint else ""
        boxes.append(
            f'<label class="pr-check"{title}>'
            f'<input type="checkbox" name="{block_id}-{name}" value="{_attr(option["id"])}" '
            f"checked>{swatch}<span>{html.escape(option['label'])}</span>"
            f'<span class="pr-n">{int(option["count"])}</span></label>'
        )
    what = legend.lower()
    return (
        f'<fieldset class="pr-filter" data-pr-filter="{name}">'
        f"<legend>{html.escape(legend)}</legend>"
        '<span class="pr-filter-actions">'
        f'<button type="button" data-pr-action="all" aria-label="Select all {what}">All</button>'
        f'<button type="button" data-pr-action="none" aria-label="Clear all {what}">None</button>'
        f'</span><span class="pr-checks">{"".join(boxes)}</span></fieldset>'
    )


def _select(name: str, label: str, every: str, options: Sequence[dict[str, Any]]) -> str:
    items = "".join(
        f'<option value="{_attr(o["id"])}">'
        f"{html.escape(str(o.get('label', o['id'])))} ({int(o['count'])})</option>"
        for o in options
    )
    return (
        f'<label class="pr-field"><span>{html.escape(label)}</span>'
        f'<select data-pr-filter="{name}"><option value="">{html.escape(every)}</option>'
        f"{items}</select></label>"
    )


_FALLBACK = (
    '<p class="pr-fallback" data-pr-role="fallback">This interactive {what} needs JavaScript. '
    "The same information is in the book's figures and tables, and in the data package.</p>"
)


def _timeline_html(block_id: str, payload: Payload) -> str:
    title_id = f"{block_id}-panel-title"
    return (
        '<div class="pr-controls" data-pr-role="controls" hidden>'
        f"{_checkboxes(block_id, 'themes', 'Themes', payload['themes'])}"
        f"{_checkboxes(block_id, 'sources', 'Sources', payload['sources'])}</div>"
        '<div class="pr-status" hidden data-pr-role="status">'
        '<p class="pr-count" data-pr-role="count" aria-live="polite"></p>'
        '<div class="pr-toolbar" role="toolbar" aria-label="Move and zoom the timeline">'
        '<button type="button" data-pr-action="earlier">&#8592; Earlier</button>'
        '<button type="button" data-pr-action="later">Later &#8594;</button>'
        '<button type="button" data-pr-action="zoom-in">Zoom in</button>'
        '<button type="button" data-pr-action="zoom-out">Zoom out</button>'
        '<button type="button" data-pr-action="fit">Show all</button></div></div>'
        '<div class="pr-tl-body">'
        '<div class="pr-tl-canvas" data-pr-role="timeline"></div>'
        f'<aside class="pr-panel" data-pr-role="panel" role="dialog" aria-labelledby="{title_id}"'
        " hidden>"
        f'<h3 class="pr-panel-title" id="{title_id}" tabindex="-1"></h3>'
        '<button type="button" class="pr-panel-close" data-pr-action="close" '
        'aria-label="Close the event details">&#215;</button>'
        '<div class="pr-panel-body" data-pr-role="panel-body"></div></aside></div>'
        '<div class="pr-tl-undated" data-pr-role="undated" hidden>'
        '<p class="pr-tl-undated-title">Not dated by the sources, so not on the axis:</p>'
        '<ul data-pr-role="undated-list"></ul></div>'
        '<details class="pr-tl-list" data-pr-role="list-box" hidden>'
        "<summary>The events shown, as a list</summary>"
        '<ol data-pr-role="list"></ol></details>'
    )


def _explorer_html(block_id: str, payload: Payload) -> str:
    stances = [{**s, "label": s["id"]} for s in payload["stances"]]
    return (
        '<div class="pr-controls pr-ex-controls" data-pr-role="controls" hidden>'
        '<label class="pr-field pr-search"><span>Search</span>'
        f'<input type="search" data-pr-filter="search" id="{block_id}-search" '
        'placeholder="Words in any column" autocomplete="off"></label>'
        f"{_select('source', 'Source', 'All sources', payload['sources'])}"
        f"{_select('kind', 'Kind of record', 'All kinds', payload['kinds'])}"
        f"{_select('stance', 'Stance', 'All stances', stances)}"
        f"{_select('speaker', 'Speaker', 'All speakers', payload['speakers'])}"
        '<button type="button" class="pr-reset" data-pr-action="reset">Clear</button></div>'
        '<p class="pr-count" data-pr-role="count" aria-live="polite" hidden></p>'
        '<div class="pr-ex-table" data-pr-role="table"></div>'
    )


def html_block(kind: Kind, payload: Payload, *, block_id: str | None = None) -> str:
    """The HTML of one view: its container and controls, and its data. ``block_id`` (default:
    ``pr-<kind>``) must be unique in the page; the data element is ``<block_id>-data``."""
    if kind not in SCHEMA:
        raise ValueError(f"unknown view {kind!r}: expected one of {', '.join(SCHEMA)}")
    if payload.get("schema") != SCHEMA[kind]:
        raise ValueError(f"the payload is not a {kind} payload ({payload.get('schema')!r})")
    block_id = _check_id(block_id or f"pr-{kind}")
    body = (
        _timeline_html(block_id, payload)
        if kind == "timeline"
        else _explorer_html(block_id, payload)
    )
    what, label = (
        ("timeline", "Timeline of events")
        if kind == "timeline"
        else ("evidence explorer", "Evidence explorer")
    )
    return (
        f'<div class="pr-interactive pr-{kind}" id="{block_id}" data-pr-view="{kind}" '
        f'data-pr-data="{block_id}-data" role="region" aria-label="{label}">\n'
        f"{_FALLBACK.format(what=what)}\n{body}\n</div>\n{embed(f'{block_id}-data', payload)}\n"
    )


def myst_block(kind: Kind, payload: Payload, **options: Any) -> str:
    """:func:`html_block` as a MyST ``{raw} html`` block for the HTML book, whose fence is
    longer than any run of backticks in the block, so that no data can close it."""
    block = html_block(kind, payload, **options)
    longest = max((len(m) for m in re.findall(r"`+", block)), default=0)
    fence = "`" * max(3, longest + 1)
    return f"{fence}{{raw}} html\n{block}{fence}\n"
