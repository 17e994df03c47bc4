"""The pages of the HTML book's interactive views, generated when the book is staged from the
selection the book is built with (``chapters/views/``):

- ``timeline``: every event on an interactive timeline, under the chronology in ``_toc.yml``;
- ``evidence_explorer``: every passage, searchable and filterable, in the Evidence part;
- ``records``: every event, deal, figure and claim with its passages, the target of the
  explorer's and the timeline's links to a record.

They are HTML only: marked orphan, and left out of the PDF's contents by
:mod:`helpers.render.sphinx_print`; the PDF keeps the static figures and tables.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pandas as pd

from helpers.analysis.scope import Scope
from helpers.evidence.vocabularies import (
    CLAIM_KINDS,
    CLAIM_TOPICS,
    DEAL_SECTORS,
    DEAL_STATUSES,
    EVENT_CATEGORIES,
)
from helpers.render import interactive, interactive_payloads, markup
from helpers.render import words as text
from helpers.render.seed_pages import SEED_PAGES

VIEWS = "views"
"""The folder of the views under the staged book's ``chapters/``."""
VIEWS_DOCS = f"chapters/{VIEWS}/"
"""The start of the views' names as Sphinx knows them (``chapters/views/timeline``)."""
TIMELINE, EXPLORER, RECORDS = "timeline", "evidence_explorer", "records"
FRONT_MATTER = "---\norphan: true\n---\n"
"""Marks a page that the PDF leaves out of its contents (Sphinx does not miss it there)."""


def passage_links(scope: Scope) -> Callable[[str], str]:
    """The link from a view to a passage: its span on its seed page."""
    source_of = scope.dataset.evidence["source_id"]

    def href(evidence_id: str) -> str:
        return f"../{SEED_PAGES}/{source_of[evidence_id]}.html#{evidence_id}"

    return href


def record_link(subject_id: str) -> str:
    """The link from a view to a record on the records page."""
    return f"{RECORDS}.html#{subject_id}"


def timeline_page(scope: Scope) -> str:
    """The page of the interactive timeline."""
    payload = interactive_payloads.timeline_payload(scope, passage_links(scope), record_link)
    count = text.plural(len(payload["events"]), "event")
    return (
        f"{FRONT_MATTER}\n(view-timeline)=\n# Timeline of the events\n\n"
        f"The {count} of the selection on one time axis, one row per theme. Point at an event "
        "for its title and date; click it (or press Enter on it) for its date in words with "
        "how precisely the sources know it, its sources and their words, each linked to its "
        "passage. Filter by theme and by source; drag or use the buttons to move and zoom. "
        "The printed book shows the same events in the chronology's figure.\n\n"
        f"{interactive.myst_block('timeline', payload)}"
    )


def explorer_page(scope: Scope) -> str:
    """The page of the evidence explorer."""
    payload = interactive_payloads.explorer_payload(scope, passage_links(scope), record_link)
    count = text.plural(len(payload["rows"]), "passage")
    return (
        f"{FRONT_MATTER}\n(view-evidence-explorer)=\n# Evidence explorer\n\n"
        f"All {count} that the data quotes from the selected sources, one row each: the source, "
        "the record it attests (an event, a deal, a figure or a claim), the stance and who "
        "speaks, and the quote. Search any words, or choose a source, a kind of record, a "
        "stance or a speaker; each row links to the passage in its article and to the "
        "record.\n\n"
        f"{interactive.myst_block('explorer', payload)}"
    )


def _record(subject_id: str, title: str, details: list[str], summary: str, scope: Scope) -> str:
    """One record: its label, its title, what the data says of it, and its passages."""
    facts = " · ".join(d for d in details if d)
    summary = summary.strip()
    if summary and summary[-1] not in ".!?":
        summary += "."
    passages = markup.attribution(scope.evidence_for([subject_id]))
    lines = [f"({subject_id})=", f"**{markup.escape(title)}**  "]
    if facts:
        lines.append(f"{markup.escape(facts)}  ")
    if summary:
        lines.append(f"{markup.escape(summary)}  ")
    lines.append(f"Passages: {passages}")
    return "\n".join(lines) + "\n"


def _theme_in_text(theme: str) -> str:
    """A theme in running text: 'defence', 'the United States' … as a name keeps its capitals."""
    label = str(text.theme_label(theme))
    return label if theme in text.PROPER_NOUNS else label.lower()


def _events(scope: Scope) -> list[str]:
    events = pd.concat([scope.events, scope.undated_events])
    return [
        _record(
            event_id,
            row["title"],
            [
                str(
                    text.event_date(
                        row["date"],
                        row["date_precision"],
                        row["end_date"],
                        qualifier=row["date_qualifier"],
                        planned=row["status"] == "planned",
                    )
                ),
                EVENT_CATEGORIES.word(row["category"]),
                text.join_words([_theme_in_text(t) for t in row["themes"]]),
            ],
            row["summary"],
            scope,
        )
        for event_id, row in events.iterrows()
    ]


def _deals(scope: Scope) -> list[str]:
    return [
        _record(
            deal_id,
            row["name"],
            [
                DEAL_SECTORS.word(row["sector"]),
                text.format_usd(row["value_usd"], row["value_qualifier"] or "exact")
                if pd.notna(row["value_usd"])
                else "",
                f"status: {DEAL_STATUSES.word(row['status'])}" if row["status"] else "",
            ],
            row["summary"],
            scope,
        )
        for deal_id, row in scope.deals.iterrows()
    ]


def _figures(scope: Scope) -> list[str]:
    return [
        _record(
            figure_id,
            row["label"],
            [
                text.format_quantity(
                    row["value"],
                    row["unit"],
                    row["qualifier"],
                    row["value_max"] if pd.notna(row["value_max"]) else None,
                ),
                str(row["year"]) if pd.notna(row["year"]) else "",
            ],
            "",
            scope,
        )
        for figure_id, row in scope.figures.iterrows()
    ]


def _claims(scope: Scope) -> list[str]:
    return [
        _record(
            claim_id,
            row["statement"],
            [CLAIM_KINDS.word(row["kind"]), CLAIM_TOPICS.word(row["topic"])],
            "",
            scope,
        )
        for claim_id, row in scope.claims.iterrows()
    ]


def records_page(scope: Scope) -> str:
    """The page of every record of the selection, each anchored by its id."""
    parts = [
        f"{FRONT_MATTER}\n(view-records)=\n# Records\n\n"
        "Every event, deal, figure and claim of the selection, as the data holds it, with the "
        "passages that attest it. The explorer and the timeline link here.\n"
    ]
    for heading, records in (
        ("Events", _events(scope)),
        ("Deals", _deals(scope)),
        ("Figures", _figures(scope)),
        ("Claims", _claims(scope)),
    ):
        parts.append(f"## {heading}\n")
        parts += records or ["None in this selection.\n"]
    return "\n".join(parts)


def write_views(scope: Scope, chapters_dir: Path) -> list[Path]:
    """Write the views' pages under a staged ``chapters/``; the paths written."""
    folder = chapters_dir / VIEWS
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, page in (
        (TIMELINE, timeline_page(scope)),
        (EXPLORER, explorer_page(scope)),
        (RECORDS, records_page(scope)),
    ):
        path = folder / f"{name}.md"
        path.write_text(page, encoding="utf-8")
        written.append(path)
    return written
