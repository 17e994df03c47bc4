"""The real dataset: valid, every quote found in its seed, offsets exact, facts attested."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pandas as pd
import pytest

from helpers import evidence
from helpers.evidence import schema
from helpers.evidence.quotes import normalize

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"


@pytest.fixture(scope="module")
def dataset() -> evidence.Dataset:
    return evidence.load(DATA)


def test_the_data_is_valid() -> None:
    assert [str(p) for p in evidence.validate(DATA)] == []


def test_every_evidence_quote_is_found_in_its_seed_and_offsets_round_trip(
    dataset: evidence.Dataset,
) -> None:
    assert len(dataset.evidence) > 300
    for evidence_id, row in dataset.evidence.iterrows():
        seed = dataset.seeds[row["source_id"]]
        span = dataset.span(evidence_id)
        excerpt = seed.raw[span.start : span.end]
        assert normalize(excerpt) == normalize(row["quote"]), evidence_id
        assert excerpt == excerpt.strip(), evidence_id


def test_every_citation_quote_is_found_in_its_seed(dataset: evidence.Dataset) -> None:
    for citation_id, row in dataset.citations.iterrows():
        span = dataset.seeds[row["source_id"]].find(row["quote"])
        assert span is not None, citation_id


def test_seed_checksums_match_the_sources_table(dataset: evidence.Dataset) -> None:
    for source_id, source in dataset.sources.iterrows():
        digest = hashlib.sha256((ROOT / source["seed_file"]).read_bytes()).hexdigest()
        assert digest == source["sha256"], source_id
    assert sorted(p.name for p in (ROOT / "seeds").glob("*.txt")) == sorted(
        Path(f).name for f in dataset.sources["seed_file"]
    )


def test_every_fact_and_claim_has_evidence_of_the_right_stance(dataset: evidence.Dataset) -> None:
    for name in ("events", "deals", "figures", "claims"):
        table = dataset.table(name)
        attested = dataset.evidence[dataset.evidence["subject_id"].isin(table.index)]
        assert set(attested["subject_id"]) == set(table.index), name
        assert set(attested["stance"]) <= set(schema.STANCES_FOR_SUBJECT[name]), name


def test_every_reference_resolves(dataset: evidence.Dataset) -> None:
    ids = {i for t in schema.TABLES for i in dataset.table(t.name).index}
    for table in schema.TABLES:
        frame = dataset.table(table.name)
        for column in table.columns:
            if not column.references:
                continue
            for cell in frame[column.name]:
                refs = cell if isinstance(cell, tuple) else ((cell,) if cell else ())
                assert set(refs) <= ids, (table.name, column.name, refs)


def test_vocabularies_hold(dataset: evidence.Dataset) -> None:
    for table in schema.TABLES:
        frame = dataset.table(table.name)
        for column in table.columns:
            if not column.vocabulary:
                continue
            values = frame[column.name].explode() if column.is_list else frame[column.name]
            used = {v for v in values if isinstance(v, str) and v}
            assert used <= set(column.vocabulary), (table.name, column.name, used)


def test_dates_are_typed_with_their_precision(dataset: evidence.Dataset) -> None:
    events = dataset.events
    assert events.at["ev-1980s-soviet-afghan-war", "start"] == pd.Timestamp(1980, 1, 1)
    assert events.at["ev-1980s-soviet-afghan-war", "end"] == pd.Timestamp(1989, 2, 15)
    assert events.at["ev-1950s-cold-war-alignments", "end"] == pd.Timestamp(1959, 12, 31)
    assert events.at["ev-2018-strategic-stability-consultations", "end"] == pd.Timestamp(
        2018, 3, 31
    )
    assert events.at["ev-2016-first-joint-exercise", "themes"] == ("defence", "counterterrorism")
    undated = events[events["date_precision"] == "undated"]
    assert undated["start"].isna().all() and (undated["date"] == "").all()


def test_relative_and_inferred_dates_say_how_they_were_resolved(dataset: evidence.Dataset) -> None:
    needs_note = dataset.events[dataset.events["date_basis"].isin(["relative", "inferred"])]
    assert len(needs_note) > 20
    assert (needs_note["date_note"].str.len() > 10).all()


def test_coverage_matches_the_articles(dataset: evidence.Dataset) -> None:
    per_source = dataset.evidence.groupby("source_id").size()
    assert set(per_source.index) == set(dataset.sources.index)
    assert per_source.min() >= 40
    assert len(dataset.events) > 60
    readers = dataset.evidence[dataset.evidence["voice"] == "reader"]["speaker"]
    assert sorted(readers.unique(), key=lambda s: int(s.split()[-1])) == [
        f"reader comment {n}" for n in range(1, 11)
    ]
    assert dataset.figures.at["fig-reader-comments", "value"] == 11


def test_disagreements_are_kept_as_separate_attestations(dataset: evidence.Dataset) -> None:
    ev = dataset.evidence
    bajwa = ev[ev["subject_id"] == "ev-2018-bajwa-moscow-visit"]
    assert {"2018-03-25", "2018-04-24", "2018-04"} <= set(bajwa["reported_date"])
    assert "caption" in set(bajwa[bajwa["reported_date"] == "2018-03-25"]["voice"])
    gap = ev[ev["subject_id"] == "fig-fm-visit-gap"]
    assert set(gap["reported_value"]) == {"nine years", "a decade", "almost a decade"}
    war = ev[ev["subject_id"] == "ev-1980s-soviet-afghan-war"]
    assert {"1979", "1980"} <= set(war["reported_date"])
    helicopters = ev[ev["subject_id"] == "ev-2017-helicopter-delivery"]
    assert set(helicopters["reported_value"]) >= {"four Mi-35M", "some helicopters"}


def test_load_is_typed_and_indexed(dataset: evidence.Dataset) -> None:
    assert dataset.figures["value"].dtype == "float64"
    assert str(dataset.figures["year"].dtype) == "Int64"
    assert dataset.evidence.index.is_unique
    assert dataset.evidence.at["evi-fdi-001", "line"] == 2
