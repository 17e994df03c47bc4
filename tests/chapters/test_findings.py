"""The key findings: each check holds for the book's own selection with the numbers its statement
cites, and does not hold for a selection that lacks what it rests on."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers.analysis.scope import Scope
from helpers.chapters import findings, registry
from helpers.evidence import Dataset, load

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    return load(ROOT / "data")


def scope_of(dataset: Dataset, **values: object) -> Scope:
    return Scope.from_params(dataset, registry.validate("intro", values, dataset))


@pytest.fixture(scope="module")
def book(dataset: Dataset) -> findings.Findings:
    """The findings for the selection the book is built with (every source, every year)."""
    return findings.check(scope_of(dataset))


@pytest.fixture(scope="module")
def only_2012(dataset: Dataset) -> findings.Findings:
    """The findings for the 2012 article alone, which ends before the turn they describe."""
    return findings.check(scope_of(dataset, sources=["src-fdi-2012"]))


def test_every_finding_holds_for_the_book_s_selection(book: findings.Findings) -> None:
    assert [f.name for f in book if not f.holds] == []
    assert book.n_holding == len(findings.CHECKS)
    assert all(str(f.verdict) == "" for f in book)


def test_recent_turn(book: findings.Findings, only_2012: findings.Findings) -> None:
    turn = book.recent_turn
    assert turn.n_recent > max(turn.n_thaw, turn.n_before) > 0
    assert turn.n_recent + turn.n_thaw + turn.n_before == turn.n_both
    assert turn.last_year == 2021
    assert "evi-aq-030" in str(turn.passages)
    assert not only_2012.recent_turn.holds and only_2012.recent_turn.n_recent == 0


def test_exercises_not_arms(book: findings.Findings, only_2012: findings.Findings) -> None:
    military = book.exercises_not_arms
    assert military.n_exercises == 2
    assert military.n_delivered == 1 and military.delivered.startswith("Mi-35M helicopters")
    assert military.n_talked == 2 and "Su-35" in military.talked
    assert military.n_delivered_words == "one"
    assert not only_2012.exercises_not_arms.holds


def test_energy_undelivered(book: findings.Findings, only_2012: findings.Findings) -> None:
    energy = book.energy_undelivered
    assert energy.n_projects >= 3 and energy.n_delivered == 0
    assert energy.n_delivered_none == "none"
    assert energy.largest == "more than $10 billion"
    assert not only_2012.energy_undelivered.holds  # no project in the 2012 article


def test_small_trade(book: findings.Findings, dataset: Dataset) -> None:
    trade = book.small_trade
    assert (trade.first_year, trade.first_value) == (2003, "$92 million")
    assert (trade.last_year, trade.last_value) == (2008, "$630 million")
    assert trade.n_later == 1
    later = findings.check(scope_of(dataset, start_year=2015)).small_trade
    assert not later.holds and later.first_value == "—"


def test_afghanistan_first(book: findings.Findings, only_2012: findings.Findings) -> None:
    afghanistan = book.afghanistan_first
    assert afghanistan.n_supporting == afghanistan.n_sources == 5
    assert afghanistan.n_disputing == 0
    assert not only_2012.afghanistan_first.holds  # one source is not a majority of two


def test_hedging(book: findings.Findings, only_2012: findings.Findings) -> None:
    hedging = book.hedging
    assert min(hedging.n_leverage, hedging.n_india, hedging.n_india_us) >= 2
    assert hedging.n_disputing == 0
    assert not only_2012.hedging.holds


def test_depth_contested(book: findings.Findings, only_2012: findings.Findings) -> None:
    depth = book.depth_contested
    assert "DeSilva-Ranasinghe (2012)" in depth.doubters
    assert depth.n_disputing >= 1 and "Fernandez (2021)" in depth.disputers
    assert not only_2012.depth_contested.holds
    assert only_2012.depth_contested.disputers == "no source"


def test_facts_disagree(book: findings.Findings, only_2012: findings.Findings) -> None:
    facts = book.facts_disagree
    assert facts.n_facts >= 5 and 1 <= facts.n_within <= facts.n_facts
    assert not only_2012.facts_disagree.holds


def test_compiled_evidence(book: findings.Findings, only_2012: findings.Findings) -> None:
    compiled = book.compiled_evidence
    assert compiled.label == "Fernandez (2021)"
    assert int(str(compiled.share).rstrip("%")) >= 50
    assert compiled.n_outlets >= 5
    assert not only_2012.compiled_evidence.holds
    assert "not in this selection" in only_2012.compiled_evidence.reason


def test_a_finding_that_does_not_hold_says_so(only_2012: findings.Findings) -> None:
    verdict = str(only_2012.recent_turn.verdict)
    assert verdict.startswith("**Not so for this selection")
    assert "recent years" in verdict
    assert only_2012.n_holding < len(findings.CHECKS)


def test_an_unknown_value_is_named(book: findings.Findings) -> None:
    with pytest.raises(AttributeError, match="no value 'n_nothing'"):
        _ = book.recent_turn.n_nothing
    with pytest.raises(AttributeError, match="no finding 'nothing'"):
        _ = book.nothing
