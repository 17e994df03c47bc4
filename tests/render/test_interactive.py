"""The interactive views' data and HTML: every event and passage of the selection, links where
they belong, text that cannot break out of its element, and vendored files as published."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pytest

import helpers.render
from helpers import evidence
from helpers.analysis.params import ChapterParams
from helpers.analysis.scope import Scope
from helpers.render import downloads, interactive, interactive_payloads, views

ROOT = Path(__file__).resolve().parents[2]
STATIC = Path(helpers.render.__file__).parent / "static"
VENDOR = STATIC / "interactive" / "vendor"


@pytest.fixture(scope="module")
def scope() -> Scope:
    return Scope.from_params(evidence.load(ROOT / "data"), ChapterParams())


@pytest.fixture(scope="module")
def timeline(scope: Scope) -> interactive_payloads.Payload:
    return interactive_payloads.timeline_payload(
        scope, views.passage_links(scope), views.record_link
    )


@pytest.fixture(scope="module")
def explorer(scope: Scope) -> interactive_payloads.Payload:
    return interactive_payloads.explorer_payload(
        scope, views.passage_links(scope), views.record_link
    )


def test_the_timeline_holds_every_event_of_the_selection(
    scope: Scope, timeline: interactive_payloads.Payload
) -> None:
    ids = [e["id"] for e in timeline["events"]]
    assert ids == [*scope.events.index, *scope.undated_events.index]
    for event in timeline["events"]:
        attested = scope.evidence_for([event["id"]])
        assert [q["id"] for q in event["evidence"]] == list(attested.index)
        order = list(scope.sources.index)
        assert event["sources"] == sorted(set(attested["source_id"]), key=order.index)
        for quote in event["evidence"]:
            assert quote["quote"] == scope.dataset.evidence.at[quote["id"], "quote"]
            source = scope.dataset.evidence.at[quote["id"], "source_id"]
            assert quote["href"] == f"../sources/{source}.html#{quote['id']}"
        assert event["record"] == f"records.html#{event['id']}"
        assert (event["start"] is None) == (event["precision"] == "undated")


def test_an_event_s_date_in_words(timeline: interactive_payloads.Payload) -> None:
    by_id = {e["id"]: e for e in timeline["events"]}
    decade = by_id["ev-1950s-cold-war-alignments"]
    assert decade["when"] == "the 1950s"
    assert decade["precision_text"] == "Given to the decade."
    qualified = [e for e in timeline["events"] if e["qualifier"] == "by"]
    assert qualified and all(e["when"].startswith("by ") for e in qualified)


def test_the_timeline_keeps_only_the_selected_sources(scope: Scope) -> None:
    one = Scope(scope.dataset, ("src-fdi-2012",), 1947, 2021, scope.themes)
    payload = interactive_payloads.timeline_payload(
        one, views.passage_links(one), views.record_link
    )
    assert [s["id"] for s in payload["sources"]] == ["src-fdi-2012"]
    assert payload["events"]
    for event in payload["events"]:
        assert event["sources"] == ["src-fdi-2012"]
        assert all(q["source"] == "src-fdi-2012" for q in event["evidence"])


def test_the_explorer_holds_every_passage_about_a_record_of_the_selection(
    scope: Scope, explorer: interactive_payloads.Payload
) -> None:
    assert [r["id"] for r in explorer["rows"]] == list(scope.evidence.index)
    row = next(r for r in explorer["rows"] if r["id"] == "evi-aq-012")
    assert row["source_label"] == "Qureshi (2018)"
    assert row["passage"] == "../sources/src-aq-2018.html#evi-aq-012"
    assert row["record"] == f"records.html#{row['subject_id']}"
    assert sum(s["count"] for s in explorer["sources"]) == len(explorer["rows"])
    assert [s["id"] for s in explorer["stances"]] == [
        s
        for s in ("reports", "supports", "disputes", "qualifies")
        if s in {r["stance"] for r in explorer["rows"]}
    ]


def test_every_record_linked_is_on_the_records_page(
    scope: Scope, timeline: interactive_payloads.Payload, explorer: interactive_payloads.Payload
) -> None:
    page = views.records_page(scope)
    anchors = set(re.findall(r"^\(([a-z]+-[a-z0-9-]+)\)=$", page, flags=re.M))
    linked = {r["record"].split("#")[1] for r in explorer["rows"]}
    linked |= {e["record"].split("#")[1] for e in timeline["events"]}
    assert linked <= anchors


def test_payloads_are_deterministic(scope: Scope, timeline: interactive_payloads.Payload) -> None:
    again = Scope.from_params(evidence.load(ROOT / "data"), ChapterParams())
    payload = interactive_payloads.timeline_payload(
        again, views.passage_links(again), views.record_link
    )
    assert interactive.to_json(payload) == interactive.to_json(timeline)


def test_embedded_data_cannot_end_its_script_element() -> None:
    payload = {"schema": "x", "quote": "</script><!-- <b>&\u2028\u2029"}
    block = interactive.embed("pr-x-data", payload)
    inner = block.removeprefix('<script type="application/json" id="pr-x-data">')
    inner = inner.removesuffix("</script>")
    assert "<" not in inner and ">" not in inner and "&" not in inner
    assert "\u2028" not in inner and "\u2029" not in inner
    assert json.loads(inner) == payload
    with pytest.raises(ValueError, match="not a safe element id"):
        interactive.embed('x" onload="alert(1)', payload)
    with pytest.raises(ValueError, match="JSON"):
        interactive.to_json({"value": float("nan")})


def test_the_html_blocks(
    timeline: interactive_payloads.Payload, explorer: interactive_payloads.Payload
) -> None:
    block = interactive.html_block("timeline", timeline)
    assert 'data-pr-view="timeline"' in block and 'data-pr-data="pr-timeline-data"' in block
    assert '<script type="application/json" id="pr-timeline-data">' in block
    assert block.count('name="pr-timeline-themes"') == len(timeline["themes"])
    block = interactive.html_block("explorer", explorer)
    assert 'data-pr-filter="source"' in block and 'data-pr-filter="speaker"' in block
    with pytest.raises(ValueError, match="not a explorer payload"):
        interactive.html_block("explorer", timeline)
    myst = interactive.myst_block("explorer", {**explorer, "rows": [{"quote": "````"}]})
    fence = myst.split("{raw}")[0]
    assert set(fence) == {"`"} and len(fence) == 5


def test_labels_in_the_html_are_escaped(scope: Scope) -> None:
    payload = {
        "schema": interactive_payloads.SCHEMA["explorer"],
        "sources": [{"id": '"><b>', "label": "<i>x</i>", "count": 1}],
        "kinds": [],
        "stances": [],
        "speakers": [],
        "rows": [],
    }
    block = interactive.html_block("explorer", payload)
    assert "<i>" not in block and '"><b>' not in block


def test_the_views_are_html_only_pages(scope: Scope) -> None:
    for page in (views.timeline_page(scope), views.explorer_page(scope), views.records_page(scope)):
        assert page.startswith(views.FRONT_MATTER)


def test_vendored_files_are_those_of_the_pinned_packages() -> None:
    manifest = json.loads((VENDOR / "MANIFEST.json").read_text(encoding="utf-8"))
    lock = json.loads((ROOT / "tools" / "npm" / "package-lock.json").read_text(encoding="utf-8"))
    for package, entry in manifest.items():
        assert lock["packages"][f"node_modules/{package}"]["version"] == entry["version"]
        for name, meta in entry["files"].items():
            data = (VENDOR / package / name).read_bytes()
            assert hashlib.sha256(data).hexdigest() == meta["sha256"], f"{package}/{name}"
    shipped = {p.relative_to(VENDOR).as_posix() for p in VENDOR.rglob("*") if p.is_file()}
    listed = {f"{p}/{n}" for p, e in manifest.items() for n in e["files"]}
    assert shipped - listed <= {"MANIFEST.json", "vis-timeline/THIRD-PARTY-LICENSES.txt"}


def test_no_asset_asks_another_host() -> None:
    """The views' own files name no address of another host (the vendored libraries carry
    their licences' addresses only in comments)."""
    for name in ("timeline.js", "explorer.js", "interactive.css"):
        text = (STATIC / "interactive" / name).read_text(encoding="utf-8")
        assert not re.search(r"https?://|//[a-z0-9.-]+\.[a-z]{2,}/", text), name


@pytest.mark.parametrize(
    ("target", "header", "expected"),
    [
        ("../../tables/energy_deals/projects.csv", ["deal"], "energy_deals/projects.csv"),
        ("../../tables/chronology/events.csv", ["date", "title"], "chronology/events.csv"),
        ("../../tables/data_appendix/events.csv", None, "data_appendix/events.csv"),
        ("001_60b3c2f42f5da098.txt", None, "seeds/001_60b3c2f42f5da098.txt"),
    ],
)
def test_downloads_are_named_as_in_the_data_package(
    target: str, header: list[str] | None, expected: str
) -> None:
    assert downloads.package_path(target, header) == expected


def test_a_copy_of_a_data_table_is_named_as_the_table() -> None:
    columns = list(evidence.schema.TABLES_BY_NAME["events"].column_names)
    assert downloads.package_path("../../tables/data_appendix/events.csv", columns) == "events.csv"
