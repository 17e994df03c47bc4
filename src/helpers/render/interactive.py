"""The HTML of the book's two interactive views: an event timeline and an evidence
explorer. They exist only in the HTML edition; the PDF keeps its static figures and tables.

Each view is a block of raw HTML in a generated page (:mod:`helpers.render.views`):

- a container with its controls (filters, a count, a panel), written here, hidden until the
  view's script runs (a note stands in their place without JavaScript);
- the view's data (:mod:`helpers.render.interactive_payloads`) as
  ``<script type="application/json">`` (:func:`embed`), read by the script
  without any request, so that the page also works opened from disk.

The scripts (``static/interactive/timeline.js``, ``explorer.js``), their style sheet and the
libraries vendored from the npm registry (vis-timeline, Tabulator) are added to the pages that
hold a view by :mod:`helpers.render.sphinx_views`. The same payload always gives the same bytes
(keys sorted).
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Sequence
from typing import Any

from helpers.render.interactive_payloads import SCHEMA, Kind, Payload

_ID = re.compile(r"^[A-Za-z][A-Za-z0-9_-]*$")

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
