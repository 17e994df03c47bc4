"""Shared computations: scope rules, disagreements found by code, stances, statuses."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from helpers import evidence
from helpers.analysis import measures as analysis
from helpers.analysis.scope import Scope
from helpers.chapters import registry as params

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def dataset() -> evidence.Dataset:
    return evidence.load(ROOT / "data")


def scope_of(dataset: evidence.Dataset, **values: object) -> Scope:
    return Scope.from_params(dataset, params.validate("contested_claims", values, dataset))


def test_default_scope_holds_everything(dataset: evidence.Dataset) -> None:
    scope = scope_of(dataset)
    assert scope.all_sources and scope.covers_all_years
    assert len(scope.events) + len(scope.undated_events) == len(dataset.events)
    assert len(scope.evidence) == len(dataset.evidence)
    assert list(scope.sources["label"]) == [
        "DeSilva-Ranasinghe (2012)",
        "Rizvi (2018)",
        "Qureshi (2018)",
        "Pakistan Forward (2018)",
        "Fernandez (2021)",
    ]


def test_one_source_keeps_only_its_attestations(dataset: evidence.Dataset) -> None:
    scope = scope_of(dataset, sources=["src-pr-2021"])
    assert set(scope.evidence["source_id"]) == {"src-pr-2021"}
    attested = set(dataset.evidence[dataset.evidence["source_id"] == "src-pr-2021"]["subject_id"])
    assert set(scope.events.index) <= attested
    assert "ev-2021-lavrov-islamabad-visit" in scope.events.index
    assert "ev-2003-musharraf-moscow" not in scope.events.index


def test_year_range_overlaps_spans_and_decades(dataset: evidence.Dataset) -> None:
    scope = scope_of(dataset, start_year=1985, end_year=1986)
    assert set(scope.events.index) == {"ev-1980s-soviet-afghan-war", "ev-1980s-mutual-accusations"}
    assert scope.undated_events.empty
    empty = scope_of(dataset, start_year=1930, end_year=1940)
    assert empty.events.empty and empty.claims.empty and empty.deals.empty


def test_disagreements_are_found_by_code(dataset: evidence.Dataset) -> None:
    found = analysis.disagreements(scope_of(dataset))
    by_subject = {(r.subject_id, r.kind): r for r in found.itertuples()}
    assert set(by_subject) == {
        ("ev-2018-bajwa-moscow-visit", "date"),
        ("ev-2018-bajwa-moscow-visit", "value"),
        ("ev-1980s-soviet-afghan-war", "date"),
        ("ev-2017-helicopter-delivery", "value"),
        ("fig-fm-visit-gap", "value"),
        ("ev-2012-previous-fm-visit", "date"),
        ("ev-2018-military-commission", "value"),
        ("ev-2018-peshawar-consulate", "value"),
        ("ev-unsc-syria-abstention", "value"),
    }
    bajwa = by_subject[("ev-2018-bajwa-moscow-visit", "date")]
    assert "photo caption, Pakistan Forward (2018)" in bajwa.who
    assert "2018-03-25" in bajwa.reported
    commission = by_subject[("ev-2018-military-commission", "value")]
    assert "established" in commission.reported and "decided to form" in commission.reported
    # compatible precisions are not a disagreement: September 2016 contains 24 September 2016
    assert not analysis.dates_conflict("2016-09", "2016-09-24")
    assert analysis.dates_conflict("2018-03-25", "2018-04")


def test_a_new_conflicting_attestation_appears(
    conflicting_data: Path, dataset: evidence.Dataset
) -> None:
    before = analysis.disagreements(scope_of(dataset))
    found = analysis.disagreements(scope_of(evidence.load(conflicting_data)))
    assert "ev-2003-musharraf-moscow" not in set(before["subject_id"])
    assert "ev-2003-musharraf-moscow" in set(found["subject_id"])
    assert len(found) == len(before) + 1


def test_stance_matrix_has_readers_as_their_own_voice(dataset: evidence.Dataset) -> None:
    scope = scope_of(dataset)
    matrix = analysis.stance_matrix(scope, ["claim-public-sees-enemy", "claim-trade-low"])
    assert list(matrix.columns)[-1] == analysis.READERS
    assert matrix.at["claim-public-sees-enemy", "Pakistan Forward (2018)"] == "supports"
    assert matrix.at["claim-public-sees-enemy", analysis.READERS] == "disputes"
    verdicts = analysis.claim_verdicts(matrix)
    assert verdicts["claim-public-sees-enemy"] == "contested"
    assert verdicts["claim-trade-low"] == "qualified"


def test_deal_status_as_each_source_reports_it(dataset: evidence.Dataset) -> None:
    statuses = analysis.deal_statuses(scope_of(dataset))
    pipeline = statuses.loc["deal-north-south-pipeline"]
    assert pipeline["Qureshi (2018)"] == "stalled"
    assert pipeline["Rizvi (2018)"] == ""  # Rizvi names no pipeline project
    assert statuses.loc["deal-gas-pipelines", "Rizvi (2018)"] == "interest"
    assert pipeline["Fernandez (2021)"] == "named"
    assert statuses.loc["deal-mi35m-helicopters", "Rizvi (2018)"] == "negotiation / delivered"


def test_claim_verdicts_read_every_kind_of_cell() -> None:
    mixed = "qualifies / disputes"
    matrix = pd.DataFrame(
        {
            "A (2012)": ["supports", "supports", "disputes", "supports", "", mixed],
            "B (2018)": ["supports", "disputes", "disputes", "qualifies", "supports", ""],
            "Readers": ["", "", "", "", "", ""],
        },
        index=["agreed", "contested", "rejected", "qualified", "one voice", "mixed"],
    )
    verdicts = analysis.claim_verdicts(matrix)
    assert verdicts.to_dict() == {
        "agreed": "agreed",
        "contested": "contested",
        "rejected": "rejected",
        "qualified": "qualified",
        "one voice": "one voice",
        "mixed": "rejected",
    }
    assert analysis.claim_verdicts(matrix.iloc[:0]).empty
