"""Small hand-made datasets written to files for fast tests: a few rows per table, written as
the real data is (``data/*.csv`` beside ``seeds/``), so that they go through the same loading
and checks.

A test gives the seed texts and the rows it needs; every table of the schema is written, with
the columns a row leaves out empty, and each source's ``seed_file`` and ``sha256`` filled in.
The other datasets written to files (:mod:`support.small_data`, :mod:`support.later_dataset`)
are written by :func:`write_dataset` too.
"""

from __future__ import annotations

import csv
import hashlib
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from helpers.evidence.schema import TABLES, Table
from support.rows import full_row

Row = Mapping[str, str]


def write_table(data: Path, table: Table, rows: Iterable[Row]) -> Path:
    """Write ``rows`` as the CSV file of ``table`` in ``data``, every column of the table in
    order and the cells a row leaves out empty (:func:`support.rows.full_row`)."""
    path = data / table.file_name
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(table.column_names)
        for row in rows:
            writer.writerow(full_row(table, row).values())
    return path


def write_dataset(
    folder: Path, seeds: Mapping[str, str], tables: Mapping[str, Sequence[Row]]
) -> Path:
    """Write ``seeds`` (seed file, relative to ``folder`` → text) and every table of the schema
    (``tables``: table name → rows; a table not given has its header only) under ``folder``;
    returns its data folder. A row of ``sources`` gets its seed file (``seeds/<source id>.txt``
    unless it names one) and that file's digest."""
    data = folder / "data"
    data.mkdir(parents=True, exist_ok=True)
    for name, text in seeds.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    for table in TABLES:
        rows = [dict(row) for row in tables.get(table.name, ())]
        for row in rows if table.name == "sources" else ():
            row.setdefault("seed_file", f"seeds/{row['source_id']}.txt")
            seed = (folder / row["seed_file"]).read_bytes()
            row.setdefault("sha256", hashlib.sha256(seed).hexdigest())
        write_table(data, table, rows)
    return data


def source(source_id: str, author: str, published: str, **values: str) -> dict[str, str]:
    """A row of ``sources`` with plausible defaults: an analysis dated to the day."""
    row = {
        "source_id": source_id,
        "title": f"Article {source_id}",
        "outlet": values.pop("outlet", f"Outlet of {author}"),
        "author": author,
        "published": published,
        "published_precision": "day",
        "date_basis": "Date line.",
        "kind": "analysis",
        "perspective": "A view.",
    }
    row.update(values)
    return row


def evidence(
    evidence_id: str, source_id: str, subject_id: str, quote: str, **values: str
) -> dict[str, str]:
    """A row of ``evidence``: the author reporting, unless ``values`` say otherwise."""
    row = {
        "evidence_id": evidence_id,
        "source_id": source_id,
        "subject_id": subject_id,
        "quote": quote,
        "speaker": "author",
        "voice": "author",
        "stance": "reports",
    }
    row.update(values)
    return row


SEED_A = (
    "Russia courts Pakistan. According to Reuters, Russia is courting Pakistan hard. "
    "The drills lasted two weeks, from 1 March to 20 March 2012. Ties will grow. "
    "Russia and Pakistan agree on Afghanistan."
)
SEED_B = (
    "As Reuters reported, Russia is courting Pakistan hard. Ties will not grow. "
    "Russia and Pakistan agree on Afghanistan. Talks began in 2000 and have run for the past "
    "decade. The visit of 1 May 2018 came in nine years. Russia is no friend, says Asim.\n"
    "2 Comment(s)\n"
    "Russia is a friend!\n"
    "Nonsense article."
)
SEED_C = (
    "A new era begins (Dawn, 2021) (Tribune, 2021). The drills were held in April 2012. "
    "A pipeline is planned."
)


def claims_dataset(folder: Path) -> Path:
    """Three small articles: one outlet's words repeated by two of them (an echo), one article
    that compiles two outlets, a prediction with its horizon, a claim contested by a reader, a
    fact reported in two versions, and stated lengths of time that their dates contradict (and
    one whose date comes from the statement itself). Returns the data folder."""
    a, b, c = "src-a-2012", "src-b-2018", "src-c-2021"
    tables = {
        "sources": [
            source(a, "Ann Alpha", "2012-03-24"),
            source(b, "Ben Beta", "2018-06-08", kind="news"),
            source(c, "Cy Gamma", "2021-04-21"),
        ],
        "actors": [
            {"actor_id": "act-pakistan", "name": "Pakistan", "kind": "state", "role": "A state."},
            {"actor_id": "act-russia", "name": "Russia", "kind": "state", "role": "A state."},
        ],
        "deals": [
            {
                "deal_id": "deal-pipeline",
                "name": "Pipeline",
                "sector": "energy",
                "parties": "act-pakistan;act-russia",
                "status": "named",
                "summary": "A pipeline.",
            }
        ],
        "events": [
            _event("ev-drills", "2012-03-01", "day", "Drills", end_date="2012-03-20"),
            _event("ev-talks", "2000", "year", "Talks begin"),
            _event(
                "ev-previous-visit",
                "2009",
                "year",
                "Previous visit",
                date_basis="inferred",
                date_note="Nine years before May 2018.",
            ),
            _event("ev-visit", "2018-05-01", "day", "Visit"),
        ],
        "figures": [
            _figure("fig-drills-length", "duration", "2", "weeks", "ev-drills", "ev-drills"),
            _figure("fig-talks-decade", "duration", "10", "years", "ev-talks", ""),
            _figure("fig-visit-gap", "interval", "9", "years", "ev-previous-visit", "ev-visit"),
            {
                "figure_id": "fig-reader-comments",
                "metric": "count",
                "value": "2",
                "qualifier": "exact",
                "unit": "comments",
                "year": "2018",
                "label": "Comments the page counts",
            },
        ],
        "claims": [
            _claim("claim-echo", "russia_motives", "Russia courts Pakistan."),
            _claim("claim-afghan", "afghanistan", "Russia and Pakistan agree on Afghanistan."),
            _claim("claim-new-era", "prospects", "A new era begins."),
            _claim("claim-friend", "trust", "Russia is a friend of Pakistan."),
            _claim("claim-grow", "prospects", "Ties will grow.", kind="prediction", horizon="2013"),
        ],
        "citations": [
            _citation("cit-a-reuters", a, "Reuters", "According to Reuters"),
            _citation("cit-b-reuters", b, "Reuters", "As Reuters reported"),
            _citation("cit-c-dawn", c, "Dawn", "(Dawn, 2021)", kind="article", cited_date="2021"),
            _citation(
                "cit-c-tribune",
                c,
                "The Express Tribune",
                "(Tribune, 2021)",
                kind="article",
                cited_date="2021",
            ),
        ],
        "evidence": [
            evidence(
                "evi-a-1",
                a,
                "claim-echo",
                "According to Reuters, Russia is courting Pakistan",
                speaker="Reuters",
                voice="reported",
                stance="supports",
                origins="cit-a-reuters",
            ),
            evidence("evi-a-2", a, "ev-drills", "from 1 March to 20 March 2012"),
            evidence("evi-a-3", a, "fig-drills-length", "The drills lasted two weeks"),
            evidence("evi-a-4", a, "claim-grow", "Ties will grow.", stance="supports"),
            evidence(
                "evi-a-5",
                a,
                "claim-afghan",
                "Russia and Pakistan agree on Afghanistan.",
                stance="supports",
            ),
            evidence(
                "evi-b-1",
                b,
                "claim-echo",
                "As Reuters reported, Russia is courting Pakistan",
                speaker="Reuters",
                voice="reported",
                stance="supports",
                origins="cit-b-reuters",
            ),
            evidence("evi-b-2", b, "claim-grow", "Ties will not grow.", stance="disputes"),
            evidence(
                "evi-b-3",
                b,
                "claim-afghan",
                "Russia and Pakistan agree on Afghanistan.",
                stance="supports",
            ),
            evidence("evi-b-4", b, "ev-talks", "Talks began in 2000"),
            evidence("evi-b-5", b, "fig-talks-decade", "have run for the past decade"),
            evidence("evi-b-6", b, "ev-visit", "The visit of 1 May 2018"),
            evidence("evi-b-7", b, "ev-previous-visit", "came in nine years"),
            evidence("evi-b-8", b, "fig-visit-gap", "came in nine years"),
            evidence(
                "evi-b-9",
                b,
                "claim-friend",
                "Russia is no friend, says Asim.",
                speaker="Asim",
                voice="quoted",
                stance="disputes",
            ),
            evidence(
                "evi-b-10",
                b,
                "claim-friend",
                "Russia is a friend!",
                speaker="reader comment 1",
                voice="reader",
                stance="supports",
            ),
            evidence("evi-b-11", b, "fig-reader-comments", "2 Comment(s)"),
            evidence(
                "evi-c-1",
                c,
                "claim-new-era",
                "A new era begins (Dawn, 2021) (Tribune, 2021).",
                stance="supports",
                origins="cit-c-dawn;cit-c-tribune",
            ),
            evidence(
                "evi-c-2",
                c,
                "ev-drills",
                "The drills were held in April 2012.",
                reported_date="2012-04",
            ),
            evidence("evi-c-3", c, "deal-pipeline", "A pipeline is planned."),
        ],
        "source_record": [
            _record("rec-a-publisher", a, "publisher", "Outlet A is a think tank."),
            _record("rec-a-funder", a, "owner_or_funder", "Outlet A is funded by a state."),
            _record("rec-b-publisher", b, "publisher", "Outlet B is a website."),
        ],
    }
    seeds = {f"seeds/{a}.txt": SEED_A, f"seeds/{b}.txt": SEED_B, f"seeds/{c}.txt": SEED_C}
    return write_dataset(folder, seeds, tables)


def _event(event_id: str, date: str, precision: str, title: str, **values: str) -> dict[str, str]:
    row = {
        "event_id": event_id,
        "date": date,
        "date_precision": precision,
        "date_basis": "stated",
        "category": "meeting",
        "themes": "diplomacy",
        "title": title,
        "summary": title + ".",
        "status": "occurred",
    }
    row.update(values)
    return row


def _figure(
    figure_id: str, metric: str, value: str, unit: str, span_from: str, span_to: str
) -> dict[str, str]:
    return {
        "figure_id": figure_id,
        "metric": metric,
        "value": value,
        "qualifier": "exact",
        "unit": unit,
        "label": figure_id,
        "span_from": span_from,
        "span_to": span_to,
    }


def _claim(claim_id: str, topic: str, statement: str, **values: str) -> dict[str, str]:
    row = {"claim_id": claim_id, "topic": topic, "statement": statement, "kind": "interpretation"}
    row.update(values)
    return row


def _citation(
    citation_id: str, source_id: str, outlet: str, quote: str, **values: str
) -> dict[str, str]:
    row = {
        "citation_id": citation_id,
        "source_id": source_id,
        "kind": "media_report",
        "cited_outlet": outlet,
        "quote": quote,
    }
    row.update(values)
    return row


def _record(record_id: str, source_id: str, aspect: str, statement: str) -> dict[str, str]:
    return {
        "record_id": record_id,
        "source_id": source_id,
        "aspect": aspect,
        "statement": statement,
        "basis": "external",
        "record_publisher": "A Register",
        "record_title": "About",
        "record_published": "2020",
        "record_precision": "year",
        "url": f"https://example.org/{record_id}",
        "accessed": "2026-12-01",
        "excerpt": statement,
    }
