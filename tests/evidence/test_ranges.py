"""Values out of range or out of order: each rule of the schema breaks a copy of the data and
gives its one exact line; the real data is untouched.

The rules are declared in :mod:`helpers.evidence.schema` (with :mod:`helpers.evidence.ranges`)
and checked by :mod:`helpers.evidence.bounds`.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from pathlib import Path

import pytest
from support.data_edits import cell, problems, real_data_digest, set_cell

from helpers import evidence
from helpers.evidence import schema
from helpers.evidence.bounds import BookYears, book_years
from helpers.evidence.ranges import FIRST_YEAR, HORIZON_LIMIT_YEARS, METRIC_UNITS, UNIT_RANGES
from helpers.evidence.vocabularies import FIGURE_METRICS, UNITS

MONEY_RANGE = "0 to 1,000,000,000,000"


@pytest.fixture(autouse=True)
def real_data_untouched() -> Iterator[None]:
    before = real_data_digest()
    yield
    assert real_data_digest() == before


# ----------------------------------------------------------------------------------------------
# The declarations
# ----------------------------------------------------------------------------------------------


def test_every_unit_has_a_range_and_every_metric_its_units() -> None:
    assert set(UNIT_RANGES) == set(UNITS)
    assert set(METRIC_UNITS) == set(FIGURE_METRICS)
    assert {u for units in METRIC_UNITS.values() for u in units} <= set(UNITS)
    assert all(r.low >= 0 for r in UNIT_RANGES.values()), "no unit counts below zero"


def test_the_rules_name_columns_of_their_own_table() -> None:
    for table in schema.TABLES:
        for column in table.columns:
            named = [*column.not_before, column.precision, column.range_by, column.choices_by]
            for name in filter(None, named):
                assert name in table.column_names, f"{table.name}.{column.name}: {name}"
            if column.kind == "date":
                assert column.years is not None


def test_the_book_years_come_from_the_data() -> None:
    """1900 to the latest source's year (2021) plus how far its predictions reach past it."""
    from helpers.evidence.reading import read_table

    raws = {
        name: read_table(Path("data") / f"{name}.csv", schema.TABLES_BY_NAME[name], [])
        for name in ("sources", "claims")
    }
    years = book_years(raws, {}, datetime.date(2026, 1, 1))  # type: ignore[arg-type]
    assert years == BookYears(latest_source=2021, ahead=0, this_year=2026)
    assert years.bounds("book") == (FIRST_YEAR, 2021, "the book's years")
    assert years.bounds("horizon")[1] == 2021 + HORIZON_LIMIT_YEARS


def test_the_real_data_keeps_every_rule() -> None:
    assert evidence.validate() == []


# ----------------------------------------------------------------------------------------------
# Numbers
# ----------------------------------------------------------------------------------------------


def test_money_is_not_negative(data_copy: Path) -> None:
    line = set_cell(data_copy, "deals.csv", "deal-north-south-pipeline", "value_usd", "-5")
    assert problems(data_copy) == [
        f"data/deals.csv:{line}: value_usd: '-5' is negative; valid: {MONEY_RANGE}"
    ]


def test_money_beyond_any_deal_is_refused(data_copy: Path) -> None:
    line = set_cell(data_copy, "deals.csv", "deal-north-south-pipeline", "value_usd", "1e400")
    assert problems(data_copy) == [
        f"data/deals.csv:{line}: value_usd: '1e400' is more than 1,000,000,000,000; "
        f"valid: {MONEY_RANGE}"
    ]


def test_a_figure_is_plausible_for_its_unit(data_copy: Path) -> None:
    line = set_cell(data_copy, "figures.csv", "fig-mi35m-helicopters", "value", "-4")
    assert problems(data_copy) == [
        f"data/figures.csv:{line}: value: '-4' is negative for unit 'helicopters'; "
        "valid: whole numbers from 0 to 10,000"
    ]
    set_cell(data_copy, "figures.csv", "fig-mi35m-helicopters", "value", "4.5")
    assert problems(data_copy) == [
        f"data/figures.csv:{line}: value: '4.5' is not a whole number for unit 'helicopters'; "
        "valid: whole numbers from 0 to 10,000"
    ]
    line = set_cell(data_copy, "figures.csv", "fig-mi35m-helicopters", "value", "4")
    line = set_cell(data_copy, "figures.csv", "fig-asif-visit-length", "value", "100000")
    assert problems(data_copy) == [
        f"data/figures.csv:{line}: value: '100000' is more than 54,900 for unit 'days'; "
        "valid: 0 to 54,900"
    ]


def test_an_ordinal_starts_at_one(data_copy: Path) -> None:
    line = set_cell(data_copy, "figures.csv", "fig-anniversary", "value", "0")
    assert problems(data_copy) == [
        f"data/figures.csv:{line}: value: '0' is less than 1 for unit 'ordinal'; "
        "valid: whole numbers from 1 to 1,000"
    ]


def test_the_upper_bound_of_a_range_is_plausible_too(data_copy: Path) -> None:
    line = set_cell(data_copy, "figures.csv", "fig-power-projects", "value_max", "99999")
    assert problems(data_copy) == [
        f"data/figures.csv:{line}: value_max: '99999' is more than 10,000 for unit 'projects'; "
        "valid: whole numbers from 0 to 10,000"
    ]


@pytest.mark.parametrize("value", ["1_000", "１２", "inf", "0x10"])
def test_a_number_is_written_in_ascii_digits(data_copy: Path, value: str) -> None:
    line = set_cell(data_copy, "figures.csv", "fig-mi35m-helicopters", "value", value)
    assert problems(data_copy) == [f"data/figures.csv:{line}: value: '{value}' is not a number"]


def test_a_year_is_written_in_ascii_digits(data_copy: Path) -> None:
    line = set_cell(data_copy, "figures.csv", "fig-trade-2006", "year", "２００６")
    assert problems(data_copy) == [
        f"data/figures.csv:{line}: year: '２００６' is not a whole number"
    ]
    year_line = line
    line = set_cell(data_copy, "events.csv", "ev-2003-musharraf-moscow", "date", "２００３-02")
    assert problems(data_copy) == [
        f"data/events.csv:{line}: date: '２００３-02' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)",
        f"data/figures.csv:{year_line}: year: '２００６' is not a whole number",
    ]


def test_a_unit_fits_its_metric(data_copy: Path) -> None:
    line = set_cell(data_copy, "figures.csv", "fig-trade-2006", "unit", "days")
    # the value is not checked against a unit that is itself refused
    assert problems(data_copy) == [
        f"data/figures.csv:{line}: unit: 'days' is not a unit of metric 'trade_turnover'; "
        "valid: USD"
    ]


# ----------------------------------------------------------------------------------------------
# Years
# ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("table", "row_id", "column", "value"),
    [
        ("events.csv", "ev-2003-musharraf-moscow", "date", "1850-02"),
        ("events.csv", "ev-2003-musharraf-moscow", "date", "2035-02"),
        ("events.csv", "ev-2016-first-joint-exercise", "end_date", "9999-12-31"),
        ("figures.csv", "fig-trade-2006", "year", "1800"),
        ("figures.csv", "fig-trade-2006", "year", "-2006"),
        ("evidence.csv", "evi-pf-001", "reported_date", "0000"),
        ("citations.csv", "cit-fdi-reuters", "cited_date", "3000-01-01"),
        ("sources.csv", "src-pf-2018", "published_after", "1066"),
    ],
)
def test_dates_and_years_lie_in_the_books_years(
    data_copy: Path, table: str, row_id: str, column: str, value: str
) -> None:
    line = set_cell(data_copy, table, row_id, column, value)
    assert problems(data_copy) == [
        f"data/{table}:{line}: {column}: '{value}' is outside the book's years; valid: 1900 to 2021"
    ]


def test_a_source_is_not_published_in_the_future(data_copy: Path) -> None:
    line = set_cell(data_copy, "sources.csv", "src-pr-2021", "published", "2999-04-21")
    this_year = datetime.datetime.now(datetime.UTC).year
    assert problems(data_copy) == [
        f"data/sources.csv:{line}: published: '2999-04-21' is outside the years a source can be "
        f"published in; valid: 1900 to {this_year}"
    ]


def test_a_horizon_reaches_at_most_fifty_years_past_the_latest_source(data_copy: Path) -> None:
    claim = "claim-ties-grow-before-putin-visit"
    line = set_cell(data_copy, "claims.csv", claim, "horizon", "2090")
    assert problems(data_copy) == [
        f"data/claims.csv:{line}: horizon: '2090' is outside the years a prediction can reach; "
        "valid: 1900 to 2071"
    ]


def test_a_later_horizon_extends_the_books_years(data_copy: Path) -> None:
    set_cell(data_copy, "claims.csv", "claim-ties-grow-before-putin-visit", "horizon", "2030")
    line = set_cell(data_copy, "events.csv", "ev-2003-musharraf-moscow", "date", "2030-02")
    assert evidence.validate(data_copy) == []
    set_cell(data_copy, "events.csv", "ev-2003-musharraf-moscow", "date", "2031-02")
    assert problems(data_copy) == [
        f"data/events.csv:{line}: date: '2031-02' is outside the book's years; valid: 1900 to 2030"
    ]


# ----------------------------------------------------------------------------------------------
# Precisions and orders
# ----------------------------------------------------------------------------------------------


def test_a_publication_date_matches_its_precision(data_copy: Path) -> None:
    line = set_cell(data_copy, "sources.csv", "src-fdi-2012", "published_precision", "month")
    assert problems(data_copy) == [
        f"data/sources.csv:{line}: published_precision: 'month' does not match the date "
        "'2012-03-24', which is given to the day"
    ]


def test_an_end_date_is_not_before_its_start(data_copy: Path) -> None:
    line = set_cell(data_copy, "events.csv", "ev-2016-first-joint-exercise", "end_date", "2016-09")
    assert evidence.validate(data_copy) == []  # September 2016 may end on or after the 24th
    set_cell(data_copy, "events.csv", "ev-2016-first-joint-exercise", "end_date", "2016-09-01")
    assert problems(data_copy) == [
        f"data/events.csv:{line}: end_date: '2016-09-01' is before the date '2016-09-24'"
    ]


def test_an_undated_event_has_no_end_date(data_copy: Path) -> None:
    line = set_cell(data_copy, "events.csv", "ev-russia-syria-assad", "end_date", "2015")
    assert problems(data_copy) == [
        f"data/events.csv:{line}: end_date: '2015' is given but the event is undated"
    ]


def test_a_publication_follows_the_earliest_date_of_its_text(data_copy: Path) -> None:
    line = set_cell(data_copy, "sources.csv", "src-pf-2018", "published", "2017")
    assert problems(data_copy) == [
        f"data/sources.csv:{line}: published: '2017' is before published_after '2018-04-24'"
    ]


def test_a_reprint_follows_its_first_publication(data_copy: Path) -> None:
    line = set_cell(data_copy, "sources.csv", "src-fdi-2012", "original_published", "2012-04")
    assert problems(data_copy) == [
        f"data/sources.csv:{line}: published: '2012-03-24' is before original_published '2012-04'"
    ]


def test_a_span_runs_forward(data_copy: Path) -> None:
    start, end = "ev-2005-us-india-nuclear-deal", "ev-2014-arms-embargo-lifted"
    set_cell(data_copy, "figures.csv", "fig-embargo-delay", "span_from", end)
    line = set_cell(data_copy, "figures.csv", "fig-embargo-delay", "span_to", start)
    start_date = cell(data_copy, "events.csv", start, "date")
    end_date = cell(data_copy, "events.csv", end, "date")
    assert problems(data_copy) == [
        f"data/figures.csv:{line}: span_to: '{start}' ({start_date}) begins before span_from "
        f"'{end}' ({end_date}): a span runs forward"
    ]


def test_without_a_readable_source_the_book_runs_to_this_year(data_copy: Path) -> None:
    """Sources whose every row is malformed leave the book's years to the current year."""
    path = data_copy / "sources.csv"
    header = path.read_text(encoding="utf-8").splitlines()[0]
    path.write_text(header + "\nsrc-x,seeds/x.txt\n", encoding="utf-8")
    found = problems(data_copy)
    width = len(schema.SOURCES.columns)
    assert found[0] == f"data/sources.csv:2: has 2 fields but the header has {width}"
    assert not any("outside the book's years" in line for line in found)
