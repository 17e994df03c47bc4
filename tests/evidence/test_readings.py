"""Readings checked against the articles: each check passes on the data and finds what breaks it.

The breaking tests change a copy of ``data/`` (the ``data_copy`` fixture), never the data itself.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from pathlib import Path

import pytest

from helpers import evidence
from helpers.evidence import Dataset, Problem, readings

ROOT = Path(__file__).resolve().parents[2]
UNNAMED = readings.UNNAMED


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    return evidence.load(ROOT / "data")


def set_cell(folder: Path, name: str, row_id: str, column: str, value: str) -> int:
    """Set one cell of the row whose first column is ``row_id``; returns its line number."""
    path = folder / name
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))
    at = rows[0].index(column)
    line = next(i for i, row in enumerate(rows) if row[0] == row_id)
    rows[line][at] = value
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")
    return line + 1


def line_of(folder: Path, name: str, row_id: str) -> int:
    """The line of the row whose first column is ``row_id``."""
    rows = list(csv.reader(io.StringIO((folder / name).read_text(encoding="utf-8"), newline="")))
    return next(i for i, row in enumerate(rows) if row[0] == row_id) + 1


def found(check: Callable[[Dataset], list[Problem]], folder: Path) -> list[str]:
    return [str(p) for p in check(evidence.load(folder))]


# ----------------------------------------------------------------------------------------------
# Sentences and names
# ----------------------------------------------------------------------------------------------


def test_sentences_end_at_stops_and_line_breaks_not_at_abbreviations() -> None:
    text = 'Col. Gen. Oleg Salyukov said "yes." The U.S. Congress agreed! Iftikhar A. Khan\nNext'
    ends = readings.sentence_ends(text)
    assert [text[:e].rsplit(maxsplit=1)[-1] for e in ends] == ['"yes."', "agreed!", "Khan"]
    assert text[ends[-1]] == "\n"


def test_sentence_bounds_extend_a_passage_to_its_sentence() -> None:
    text = "First one. In 2014, Russia lifted a ban and signed a deal. Last one.\nNew line."
    start = text.index("Russia lifted")
    left, right = readings.sentence_bounds(text, start, start + len("Russia lifted a ban"))
    assert text[left:right].strip() == "In 2014, Russia lifted a ban and signed a deal."
    whole = text.index("Last one.")
    left, right = readings.sentence_bounds(text, whole, whole + len("Last one."))
    assert text[left:right].strip() == "Last one."
    assert readings.sentence_bounds(text, text.index("New"), text.index("New") + 3) == (
        text.index("\n"),
        len(text),
    )


def test_sentences_around_every_occurrence(dataset: Dataset) -> None:
    seed = dataset.seeds["src-an-2018"]
    around = readings.sentences_around(seed, "there are no direct political disputes")
    assert len(around) == 2  # the passage is printed twice
    assert all(s.strip().startswith("Now, as there are") for s in around)


def test_names_fold_case_and_hyphens_but_not_acronyms() -> None:
    assert readings.names("in Khyber-Pakhtunkhwa province", "khyber pakhtunkhwa")
    assert readings.names("Russia's ground forces", "Russia")
    assert not readings.names("Russian Prime Minister", "Russia")
    assert readings.names("Indo-US nuclear deal", "US")
    assert not readings.names("cannot help us", "US")
    assert readings.names("The U.S. Congress", "U.S.")
    assert readings.name_forms("Special Services Group (SSG)") == [
        "Special Services Group (SSG)",
        "Special Services Group",
        "SSG",
    ]


@pytest.mark.parametrize(
    ("text", "dated"),
    [
        ("In 2014, Russia lifted a long-standing arms embargo", True),
        ("the acrimonious 1980s and 1990s", True),
        ("travelled to Moscow in February for a three-day visit", True),
        ("discuss regional security issues in Moscow on March 25.", True),
        ("from 24 Sep to 10 Oct", True),
        ("This year, Pakistan has discussed buying more", True),
        ("Later this year Pakistan will take part", True),
        ("the recent meeting in Moscow", True),
        ("the first by a Russian foreign minister in nine years", True),
        ("This visit that has taken place a decade later is significant.", True),
        ("mutual consultations on the same for the past decade", True),
        ("they might be living in previous century", True),
        ("at the end of April", True),
        ("But only after a week Russian infantry unit arrived in Pakistan", False),
        ("There have also been ongoing meetings", False),
        ("Russia has formed a Pakistan friendship group", False),
    ],
)
def test_date_expressions(text: str, dated: bool) -> None:
    assert bool(readings.DATE_EXPRESSION.search(text)) is dated


# ----------------------------------------------------------------------------------------------
# The checks on the data
# ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("check", readings.CHECKS, ids=lambda c: c.__name__)
def test_no_problem_on_the_data(
    check: Callable[[Dataset], list[Problem]], dataset: Dataset
) -> None:
    assert [str(p) for p in check(dataset)] == []


def test_a_location_no_passage_names(data_copy: Path) -> None:
    line = set_cell(data_copy, "events.csv", "ev-2007-fradkov-visit", "location", "Islamabad")
    assert found(readings.unnamed_event_details, data_copy) == [
        f"data/events.csv:{line}: location: 'Islamabad' {UNNAMED}"
    ]
    set_cell(data_copy, "events.csv", "ev-2007-fradkov-visit", "note", "Islamabad: a test.")
    assert found(readings.unnamed_event_details, data_copy) == []


def test_an_actor_no_passage_names(data_copy: Path) -> None:
    line = set_cell(
        data_copy, "events.csv", "ev-2007-fradkov-visit", "actors", "act-fradkov;act-china"
    )
    assert found(readings.unnamed_event_details, data_copy) == [
        f"data/events.csv:{line}: actors: 'act-china' (China) {UNNAMED}"
    ]


def test_a_reported_date_beside_no_date_expression(data_copy: Path) -> None:
    line = set_cell(data_copy, "evidence.csv", "evi-fdi-018", "reported_date", "2012")
    assert found(readings.undated_reported_dates, data_copy) == [
        f"data/evidence.csv:{line}: reported_date: '2012' is given, but the sentence around "
        "the passage holds no date expression"
    ]


def test_an_alias_that_names_another_actor(data_copy: Path) -> None:
    line = set_cell(data_copy, "actors.csv", "act-india", "aliases", "New Delhi;Moscow")
    russia = line_of(data_copy, "actors.csv", "act-russia")
    # both actors now answer to the name, and each row says so
    assert found(readings.bad_aliases, data_copy) == [
        f"data/actors.csv:{russia}: aliases: 'Moscow' is also a name of act-india",
        f"data/actors.csv:{line}: aliases: 'Moscow' is also a name of act-russia",
    ]


def test_an_alias_with_a_short_form_of_another_actor(data_copy: Path) -> None:
    line = set_cell(
        data_copy, "actors.csv", "act-pakistan-army", "aliases", "Special Services Group (SSG)"
    )
    ssg = line_of(data_copy, "actors.csv", "act-ssg")
    assert found(readings.bad_aliases, data_copy) == [
        f"data/actors.csv:{line}: aliases: 'Special Services Group (SSG)' is also a name of "
        "act-ssg",
        f"data/actors.csv:{ssg}: aliases: 'SSG' is also a name of act-pakistan-army",
    ]


def test_an_alias_that_is_a_place(data_copy: Path) -> None:
    line = set_cell(data_copy, "actors.csv", "act-ukraine", "aliases", "Crimea")
    assert found(readings.bad_aliases, data_copy) == [
        f"data/actors.csv:{line}: aliases: 'Crimea' is a place, not a name of Ukraine"
    ]
