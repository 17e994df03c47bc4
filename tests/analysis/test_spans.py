"""Stated lengths of time checked against the dates of the events they span: the tolerance
rule, the arithmetic of dates at their precision, and every mismatch found by code, on a small
hand-made dataset and on a copy of the real data with a mismatch added."""

from __future__ import annotations

import csv
import math
from pathlib import Path

import pandas as pd
import pytest
from support.written import claims_dataset

from helpers import evidence
from helpers.analysis import spans
from helpers.analysis.scope import Scope
from helpers.chapters import registry

WEEK = 7.0
YEAR = 365.25


def scope_of(dataset: evidence.Dataset, **values: object) -> Scope:
    return Scope.from_params(dataset, registry.validate("contested_claims", values, dataset))


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> evidence.Dataset:
    return evidence.load(claims_dataset(tmp_path_factory.mktemp("small")))


def test_the_tolerance_rule_for_each_qualifier() -> None:
    assert spans.allowed_length(2, "exact", "weeks") == pytest.approx((11.6, 16.4))
    assert spans.allowed_length(10, "exact", "years") == pytest.approx(
        (9 * YEAR - 1, 11 * YEAR + 1)
    )
    assert spans.allowed_length(4, "approximate", "days") == pytest.approx((2.0, 6.0))
    assert spans.allowed_length(10, "almost", "years") == pytest.approx(
        (9 * YEAR - 1, 10 * YEAR + 1)
    )
    low, high = spans.allowed_length(3, "more_than", "days")
    assert low == 2 and math.isinf(high)
    assert spans.allowed_length(2, "range", "weeks", 3) == pytest.approx(
        (2 * WEEK * 0.9 - 1, 3 * WEEK * 1.1 + 1)
    )


def test_dates_stand_for_their_whole_period_and_qualifiers_open_it() -> None:
    first, last = spans.date_range("2014", "year")
    assert last - first == 364
    decade = spans.date_range("1980", "decade")
    assert (
        decade[1] - decade[0]
        == pd.Timestamp(1989, 12, 31).toordinal() - pd.Timestamp(1980, 1, 1).toordinal()
    )
    assert math.isinf(spans.date_range("2012-03", "month", "by")[0])
    assert math.isinf(spans.date_range("2018-02", "month", "after")[1])


def test_a_duration_counts_both_ends_and_an_interval_runs_start_to_start() -> None:
    september = spans.date_range("2016-09-24", "day")
    october = spans.date_range("2016-10-10", "day")
    assert spans.duration_of(september, october) == (17, 17)
    year = spans.date_range("2017", "year")
    assert spans.duration_of(year, year) == (1, 365)
    assert spans.interval_of(spans.date_range("2016-09", "month"), september) == (0, 23)


def test_the_gap_is_zero_when_the_ranges_meet() -> None:
    assert spans.gap_between((17, 17), (11.6, 16.4)) == pytest.approx(0.6)
    assert spans.gap_between((1, 100), (50, 60)) == 0
    assert spans.gap_between((1, 10), (20, 30)) == 10


def test_mismatches_circular_spans_and_spans_to_the_publication(small: evidence.Dataset) -> None:
    checks = spans.span_checks(scope_of(small)).set_index("figure_id")
    drills = checks.loc["fig-drills-length"]
    assert drills["verdict"] == "mismatch"
    assert (drills["implied_low"], drills["implied_high"]) == (20, 20)
    assert drills["gap"] == pytest.approx(20 - 16.4)
    talks = checks.loc["fig-talks-decade"]
    assert talks["to_publication"] and talks["verdict"] == "mismatch"
    # from any day of 2000 to 8 June 2018, the publication of the stating article
    assert (
        talks["implied_high"]
        == pd.Timestamp(2018, 6, 8).toordinal() - pd.Timestamp(2000, 1, 1).toordinal()
    )
    assert checks.loc["fig-visit-gap", "verdict"] == "circular"
    assert "fig-reader-comments" not in checks.index  # a count names no span
    found = spans.mismatches(spans.span_checks(scope_of(small)))
    assert list(found["figure_id"]) == ["fig-talks-decade", "fig-drills-length"]


def test_no_check_in_an_empty_selection(small: evidence.Dataset) -> None:
    checks = spans.span_checks(scope_of(small, start_year=1930, end_year=1940))
    assert checks.empty and list(checks.columns) == spans.COLUMNS
    assert spans.mismatches(checks).empty


def test_the_real_data_has_its_known_mismatches() -> None:
    dataset = evidence.load(Path(__file__).resolve().parents[2] / "data")
    checks = spans.span_checks(scope_of(dataset)).set_index("figure_id")
    mismatched = set(checks.index[checks["verdict"] == "mismatch"])
    assert {
        "fig-2016-exercise-duration",
        "fig-afghan-consultations-decade",
        "fig-acrimonious-decades",
    } <= mismatched
    assert checks.loc["fig-fm-visit-gap", "verdict"] == "circular"
    assert checks.loc["fig-2016-exercise-duration", "implied_low"] == 17


def _append(path: Path, row: dict[str, str]) -> None:
    with path.open(encoding="utf-8", newline="") as handle:
        header = next(csv.reader(handle))
    with path.open("a", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerow([row.get(c, "") for c in header])


def test_a_mismatching_duration_added_to_a_copy_of_the_data_is_reported(data_copy: Path) -> None:
    _append(
        data_copy / "figures.csv",
        {
            "figure_id": "fig-five-day-exercise",
            "metric": "duration",
            "value": "5",
            "qualifier": "exact",
            "unit": "days",
            "year": "2016",
            "subject_id": "ev-2016-first-joint-exercise",
            "label": "A five-day exercise",
            "span_from": "ev-2016-first-joint-exercise",
            "span_to": "ev-2016-first-joint-exercise",
        },
    )
    _append(
        data_copy / "evidence.csv",
        {
            "evidence_id": "evi-aq-900",
            "source_id": "src-aq-2018",
            "subject_id": "fig-five-day-exercise",
            "quote": "from 24 Sep to 10 Oct 2016",
            "speaker": "author",
            "voice": "author",
            "stance": "reports",
        },
    )
    checks = spans.span_checks(scope_of(evidence.load(data_copy))).set_index("figure_id")
    added = checks.loc["fig-five-day-exercise"]
    assert added["verdict"] == "mismatch"
    assert added["implied_low"] == added["implied_high"] == 17
    assert added["gap"] == pytest.approx(17 - (5 * 1.1 + 1))
