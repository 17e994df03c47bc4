"""A small hand-made dataset with a later record: two articles, three predictions and claims,
open and closed threads, four later-record rows and a scorecard that leaves one prediction
unchecked. Written as CSV files and seeds, so that it is loaded (and checked) as the real data is.
"""

from __future__ import annotations

import csv
import hashlib
from pathlib import Path

from helpers.evidence.schema import TABLES

SEED_A = (
    "Pakistan and Russia, a review. President Putin will visit Pakistan in September. "
    "Until then, relations are likely to expand significantly. Yet deep ties are unlikely."
)
SEED_B = (
    "An analysis. Later this year Pakistan will join SCO drills. The pipeline is held up. "
    "A Russian delivery came in 2017. Some say deep ties are unlikely; that is wrong, an "
    "analyst said. Russia courts Pakistan."
)

ROWS: dict[str, list[dict[str, str]]] = {
    "sources": [
        {
            "source_id": "src-a-2012",
            "seed_file": "seeds/a.txt",
            "title": "Pakistan and Russia, a review",
            "outlet": "Alpha Review",
            "author": "Ann Alpha",
            "published": "2012-03-21",
            "published_precision": "day",
            "date_basis": "Date line.",
            "kind": "analysis",
            "perspective": "Hopeful.",
        },
        {
            "source_id": "src-b-2018",
            "seed_file": "seeds/b.txt",
            "title": "An analysis",
            "outlet": "Beta News",
            "author": "Bob Beta",
            "published": "2018",
            "published_precision": "year",
            "date_basis": "No date line.",
            "kind": "news",
            "published_after": "2018-04",
            "perspective": "Mixed.",
        },
    ],
    "actors": [
        {
            "actor_id": "act-pakistan",
            "name": "Pakistan",
            "country": "Pakistan",
            "kind": "state",
            "role": "A state.",
        },
        {
            "actor_id": "act-russia",
            "name": "Russia",
            "country": "Russia",
            "kind": "state",
            "role": "A state.",
        },
        {
            "actor_id": "act-putin",
            "name": "Vladimir Putin",
            "country": "Russia",
            "kind": "person",
            "role": "President of Russia.",
        },
    ],
    "events": [
        {
            "event_id": "ev-visit",
            "date": "2012-09",
            "date_precision": "month",
            "date_basis": "relative",
            "date_note": "'in September', in a text of March 2012.",
            "category": "visit",
            "themes": "diplomacy",
            "title": "Planned visit of Putin",
            "summary": "Putin is to visit Pakistan.",
            "location": "Pakistan",
            "actors": "act-putin;act-pakistan",
            "status": "planned",
        },
        {
            "event_id": "ev-drill",
            "date": "2018",
            "date_precision": "year",
            "date_basis": "relative",
            "category": "exercise",
            "themes": "defence;multilateral",
            "title": "Planned SCO drills",
            "summary": "Pakistan is to join SCO drills.",
            "actors": "act-pakistan",
            "status": "planned",
        },
        {
            "event_id": "ev-delivery",
            "date": "2017",
            "date_precision": "year",
            "date_basis": "stated",
            "category": "delivery",
            "themes": "defence",
            "title": "A delivery",
            "summary": "A Russian delivery.",
            "actors": "act-russia;act-pakistan",
            "status": "occurred",
        },
    ],
    "deals": [
        {
            "deal_id": "deal-pipe",
            "name": "The pipeline",
            "sector": "energy",
            "parties": "act-pakistan;act-russia",
            "status": "stalled",
            "summary": "A pipeline.",
        },
        {
            "deal_id": "deal-done",
            "name": "A delivery of arms",
            "sector": "defence",
            "parties": "act-russia;act-pakistan",
            "status": "delivered",
            "summary": "Arms.",
        },
    ],
    "figures": [
        {
            "figure_id": "fig-delivery-year",
            "metric": "count",
            "value": "1",
            "qualifier": "exact",
            "unit": "exercises",
            "year": "2017",
            "subject_id": "deal-done",
            "label": "Deliveries in 2017",
        }
    ],
    "claims": [
        {
            "claim_id": "claim-expand",
            "topic": "prospects",
            "statement": "Relations will expand until the visit.",
            "kind": "prediction",
            "horizon": "2012-09",
        },
        {
            "claim_id": "claim-shallow",
            "topic": "prospects",
            "statement": "Deep ties are unlikely.",
            "kind": "prediction",
        },
        {
            "claim_id": "claim-courts",
            "topic": "russia_motives",
            "statement": "Russia courts Pakistan.",
            "kind": "interpretation",
        },
    ],
    "evidence": [
        {
            "evidence_id": "evi-a-1",
            "source_id": "src-a-2012",
            "subject_id": "ev-visit",
            "quote": "President Putin will visit Pakistan in September.",
            "speaker": "author",
            "voice": "author",
            "stance": "reports",
        },
        {
            "evidence_id": "evi-a-2",
            "source_id": "src-a-2012",
            "subject_id": "claim-expand",
            "quote": "relations are likely to expand significantly",
            "speaker": "author",
            "voice": "author",
            "stance": "supports",
        },
        {
            "evidence_id": "evi-a-3",
            "source_id": "src-a-2012",
            "subject_id": "claim-shallow",
            "quote": "Yet deep ties are unlikely.",
            "speaker": "author",
            "voice": "author",
            "stance": "supports",
        },
        {
            "evidence_id": "evi-b-1",
            "source_id": "src-b-2018",
            "subject_id": "ev-drill",
            "quote": "Later this year Pakistan will join SCO drills.",
            "speaker": "author",
            "voice": "author",
            "stance": "reports",
        },
        {
            "evidence_id": "evi-b-2",
            "source_id": "src-b-2018",
            "subject_id": "deal-pipe",
            "quote": "The pipeline is held up.",
            "speaker": "author",
            "voice": "author",
            "stance": "reports",
            "reported_status": "stalled",
        },
        {
            "evidence_id": "evi-b-3",
            "source_id": "src-b-2018",
            "subject_id": "claim-shallow",
            "quote": "Some say deep ties are unlikely; that is wrong",
            "speaker": "An analyst",
            "voice": "quoted",
            "stance": "disputes",
        },
        {
            "evidence_id": "evi-b-4",
            "source_id": "src-b-2018",
            "subject_id": "claim-courts",
            "quote": "Russia courts Pakistan.",
            "speaker": "author",
            "voice": "author",
            "stance": "supports",
        },
        {
            "evidence_id": "evi-b-5",
            "source_id": "src-b-2018",
            "subject_id": "ev-delivery",
            "quote": "A Russian delivery came in 2017.",
            "speaker": "author",
            "voice": "author",
            "stance": "reports",
        },
        {
            "evidence_id": "evi-b-7",
            "source_id": "src-b-2018",
            "subject_id": "fig-delivery-year",
            "quote": "A Russian delivery came in 2017.",
            "speaker": "author",
            "voice": "author",
            "stance": "reports",
        },
        {
            "evidence_id": "evi-b-6",
            "source_id": "src-b-2018",
            "subject_id": "deal-done",
            "quote": "A Russian delivery came in 2017.",
            "speaker": "author",
            "voice": "author",
            "stance": "reports",
            "reported_status": "delivered",
        },
    ],
    "citations": [
        {
            "citation_id": "cit-b-review",
            "source_id": "src-b-2018",
            "kind": "media_report",
            "cited_outlet": "Beta wire",
            "quote": "An analysis.",
        }
    ],
    "later_record": [
        {
            "later_id": "later-visit-cancelled",
            "subject_ids": "ev-visit;claim-expand",
            "what_happened": "Putin cancelled the visit.",
            "date": "2012-09-27",
            "date_precision": "day",
            "outlet": "Dawn",
            "title": "Putin defers visit",
            "title_basis": "headline",
            "published": "2012-09-27",
            "published_precision": "day",
            "url": "https://example.org/dawn/1",
            "excerpt": "Putin has cancelled his visit.",
            "language": "en",
            "accessed": "2026-12-01",
            "source_kind": "news",
        },
        {
            "later_id": "later-drill-held",
            "subject_ids": "ev-drill",
            "what_happened": "The SCO drills began.",
            "date": "2018-08-24",
            "date_precision": "day",
            "outlet": "The News",
            "title": "drills-begin",
            "title_basis": "address",
            "published": "2018-08-25",
            "published_precision": "day",
            "url": "https://example.org/news/drills-begin",
            "excerpt": "The exercise began.",
            "language": "en",
            "accessed": "2026-12-01",
            "source_kind": "news",
            "relays": "A wire agency",
        },
        {
            "later_id": "later-pipe-stalled",
            "subject_ids": "deal-pipe",
            "what_happened": "The pipeline was delayed by sanctions.",
            "date": "2022-09",
            "date_precision": "month",
            "outlet": "Gulf Daily",
            "title_basis": "none",
            "published": "",
            "published_precision": "undated",
            "url": "https://example.org/gulf/9",
            "excerpt": "The project was delayed.",
            "language": "en",
            "accessed": "2026-12-01",
            "source_kind": "news",
        },
        {
            "later_id": "later-ties-shallow",
            "subject_ids": "claim-shallow",
            "what_happened": "Trade fell.",
            "date": "2025",
            "date_precision": "year",
            "outlet": "Vedomosti",
            "title": "Встреча",
            "title_basis": "headline",
            "published": "2025-09-02",
            "published_precision": "day",
            "url": "https://example.org/vedomosti/2",
            "excerpt": "Оборот снизился.",
            "language": "ru",
            "translation": "Turnover fell.",
            "accessed": "2026-12-01",
            "source_kind": "news",
        },
    ],
    "outcomes": [
        {
            "outcome_id": "out-visit",
            "subject_id": "ev-visit",
            "thread": "Putin's visit",
            "verdict": "not_fulfilled",
            "outcome": "Cancelled.",
            "reasoning": "Reported.",
            "later_ids": "later-visit-cancelled",
            "not_found": "A visit, up to the latest page found.",
        },
        {
            "outcome_id": "out-expand",
            "subject_id": "claim-expand",
            "thread": "Ties to expand before the visit",
            "verdict": "partly_fulfilled",
            "outcome": "Some steps.",
            "reasoning": "The visit failed.",
            "later_ids": "later-visit-cancelled",
        },
        {
            "outcome_id": "out-drill",
            "subject_id": "ev-drill",
            "thread": "SCO drills",
            "verdict": "fulfilled",
            "outcome": "Held.",
            "reasoning": "Reported.",
            "later_ids": "later-drill-held",
        },
        {
            "outcome_id": "out-pipe",
            "subject_id": "deal-pipe",
            "thread": "The pipeline",
            "verdict": "not_fulfilled",
            "outcome": "Stalled.",
            "reasoning": "Reported.",
            "later_ids": "later-pipe-stalled;later-visit-cancelled",
            "not_found": "Any construction.",
        },
    ],
}
"""The rows of each table; cells not given are empty. ``claim-shallow`` has no outcome."""


def write_dataset(folder: Path, rows: dict[str, list[dict[str, str]]] | None = None) -> Path:
    """Write the dataset (``rows``, default :data:`ROWS`) and its seeds under ``folder``;
    returns its data folder."""
    rows = ROWS if rows is None else rows
    (folder / "data").mkdir(parents=True, exist_ok=True)
    (folder / "seeds").mkdir(exist_ok=True)
    seeds = {"seeds/a.txt": SEED_A, "seeds/b.txt": SEED_B}
    for name, text in seeds.items():
        (folder / name).write_text(text, encoding="utf-8")
    for table in TABLES:
        with (folder / "data" / table.file_name).open("w", encoding="utf-8", newline="") as out:
            writer = csv.writer(out, lineterminator="\n")
            writer.writerow(table.column_names)
            for row in rows.get(table.name, []):
                cells = dict(row)
                if table.name == "sources":
                    seed = seeds[cells["seed_file"]].encode("utf-8")
                    cells["sha256"] = hashlib.sha256(seed).hexdigest()
                unknown = set(cells) - set(table.column_names)
                assert not unknown, (table.name, unknown)
                writer.writerow([cells.get(c, "") for c in table.column_names])
    return folder / "data"
