"""A small hand-made dataset that :func:`helpers.evidence.load` accepts: two articles, a few
records and the passages that attest them, written into a folder of one's choice.

For fast unit tests of what the book computes and publishes, without the real data's size.
Rows are given by column name; every other declared column is left empty.
"""

from __future__ import annotations

from pathlib import Path

from support.written import write_dataset

SEEDS = {
    "seeds/one.txt": (
        "Russia and Pakistan held talks in Moscow in 2015. The two armies trained together. "
        "Observers say the ties will grow.\n"
    ),
    "seeds/two.txt": (
        "Pakistan and Russia signed a gas pipeline deal worth $2 billion, Dawn reported. "
        "The armies trained together in the mountains.\n"
    ),
}

ROWS: dict[str, list[dict[str, str]]] = {
    "sources": [
        {
            "source_id": "src-one-2015",
            "seed_file": "seeds/one.txt",
            "title": "Talks in Moscow",
            "outlet": "The Daily",
            "author": "Ann Writer",
            "published": "2015-06-01",
            "published_precision": "day",
            "date_basis": "Date line.",
            "kind": "news",
            "original_url": "https://example.org/talks-in-moscow",
            "perspective": "A news report.",
        },
        {
            "source_id": "src-two-2016",
            "seed_file": "seeds/two.txt",
            "title": "A pipeline",
            "outlet": "The Weekly",
            "author": "Bo Analyst",
            "published": "2016",
            "published_precision": "year",
            "date_basis": "Date line.",
            "kind": "analysis",
            "perspective": "An analysis.",
        },
    ],
    "actors": [
        {"actor_id": "act-pakistan", "name": "Pakistan", "kind": "state", "role": "State."},
        {"actor_id": "act-russia", "name": "Russia", "kind": "state", "role": "State."},
    ],
    "events": [
        {
            "event_id": "ev-2015-talks",
            "date": "2015",
            "date_precision": "year",
            "date_basis": "stated",
            "category": "meeting",
            "themes": "diplomacy",
            "title": "Talks in Moscow",
            "summary": "Russia and Pakistan hold talks in Moscow.",
            "location": "Moscow",
            "actors": "act-pakistan;act-russia",
            "status": "occurred",
        },
        {
            "event_id": "ev-exercise",
            "date_precision": "undated",
            "date_basis": "undated",
            "category": "exercise",
            "themes": "defence;diplomacy",
            "title": "The armies train together",
            "summary": "The two armies train together.",
            "status": "occurred",
        },
    ],
    "deals": [
        {
            "deal_id": "deal-pipeline",
            "name": "Gas pipeline",
            "sector": "energy",
            "parties": "act-pakistan;act-russia",
            "value_usd": "2000000000",
            "value_qualifier": "exact",
            "status": "agreed",
            "summary": "A gas pipeline.",
        }
    ],
    "figures": [
        {
            "figure_id": "fig-pipeline-value",
            "metric": "deal_value",
            "value": "2000000000",
            "qualifier": "exact",
            "unit": "USD",
            "subject_id": "deal-pipeline",
            "label": "Value of the pipeline deal",
        }
    ],
    "claims": [
        {
            "claim_id": "claim-ties-grow",
            "topic": "prospects",
            "statement": "The ties will grow.",
            "kind": "prediction",
        }
    ],
    "evidence": [
        {
            "evidence_id": "evi-one-001",
            "source_id": "src-one-2015",
            "subject_id": "ev-2015-talks",
            "quote": "Russia and Pakistan held talks in Moscow in 2015.",
            "speaker": "author",
            "voice": "author",
            "stance": "reports",
        },
        {
            "evidence_id": "evi-one-002",
            "source_id": "src-one-2015",
            "subject_id": "ev-exercise",
            "quote": "The two armies trained together.",
            "speaker": "author",
            "voice": "author",
            "stance": "reports",
        },
        {
            "evidence_id": "evi-one-003",
            "source_id": "src-one-2015",
            "subject_id": "claim-ties-grow",
            "quote": "Observers say the ties will grow.",
            "speaker": "observers",
            "voice": "quoted",
            "stance": "supports",
        },
        {
            "evidence_id": "evi-two-001",
            "source_id": "src-two-2016",
            "subject_id": "deal-pipeline",
            "quote": "Pakistan and Russia signed a gas pipeline deal worth $2 billion",
            "speaker": "Dawn",
            "voice": "reported",
            "stance": "reports",
            "reported_status": "agreed",
            "origins": "cit-two-dawn",
        },
        {
            "evidence_id": "evi-two-002",
            "source_id": "src-two-2016",
            "subject_id": "fig-pipeline-value",
            "quote": "worth $2 billion",
            "speaker": "Dawn",
            "voice": "reported",
            "stance": "reports",
            "origins": "cit-two-dawn",
        },
        {
            "evidence_id": "evi-two-003",
            "source_id": "src-two-2016",
            "subject_id": "ev-exercise",
            "quote": "The armies trained together in the mountains.",
            "speaker": "author",
            "voice": "author",
            "stance": "reports",
        },
    ],
    "citations": [
        {
            "citation_id": "cit-two-dawn",
            "source_id": "src-two-2016",
            "kind": "media_report",
            "cited_outlet": "Dawn",
            "quote": "Dawn reported",
        }
    ],
}


def write_small_data(root: Path) -> Path:
    """Write the small dataset (``data/`` and ``seeds/``) under ``root``, with a data card, a
    change log and a version; its data folder."""
    data = write_dataset(root, SEEDS, ROWS)
    (data / "README.md").write_text("# A small dataset\n", encoding="utf-8")
    (data / "CHANGELOG.md").write_text("# Changes\n\n## 1.0.0\n\nFirst.\n", encoding="utf-8")
    (root / "pyproject.toml").write_text('[project]\nversion = "1.2.3"\n', encoding="utf-8")
    return data
