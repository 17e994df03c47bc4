"""The rules of the chapter on sources and method, on a small hand-made dataset: the public
records about the sources and what they leave undocumented, the source criticism computed from
the evidence (genre, publisher, author, whom an article quotes, what it credits to others), the
method's counts, the selections with one source or no events, and how much of the chapter's
prose is written in markdown."""

from __future__ import annotations

import pandas as pd
import pytest
from support.prose import measure
from support.written import claims_dataset

from helpers import evidence
from helpers.analysis.scope import Scope
from helpers.chapters import registry
from helpers.chapters import sources_method as chapter


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> evidence.Dataset:
    return evidence.load(claims_dataset(tmp_path_factory.mktemp("small")))


def scope_of(dataset: evidence.Dataset, **values: object) -> Scope:
    return Scope.from_params(dataset, registry.validate("sources_method", values, dataset))


def test_records_follow_the_selected_sources_in_order(small: evidence.Dataset) -> None:
    records = chapter.records_of(scope_of(small))
    assert list(records.index) == ["rec-a-publisher", "rec-a-funder", "rec-b-publisher"]
    one = chapter.records_of(scope_of(small, sources=["src-c-2021"]))
    assert one.empty


def test_a_record_is_cited_with_its_address_and_day_of_access(small: evidence.Dataset) -> None:
    record = small.source_record.loc["rec-a-funder"]
    assert chapter.record_citation(record) == (
        "[A Register\\, “About”\\, 2020](https://example.org/rec-a-funder); read 1 December 2026"
    )


def test_what_the_records_leave_undocumented_is_said_plainly(small: evidence.Dataset) -> None:
    scope = scope_of(small)
    records = chapter.records_of(scope)
    assert chapter.undocumented(records, scope.sources, chapter.OWNERSHIP) == ["Gamma (2021)"]
    text = chapter.undocumented_sentence(records, scope.sources).replace("\\", "")
    assert text == (
        "For Gamma (2021), no public record consulted for this book names who publishes or "
        "funds the outlet. For Beta (2018), the records name the publisher but not who funds "
        "it. The book does not guess where the record is silent."
    )
    alpha = scope_of(small, sources=["src-a-2012"])
    assert chapter.undocumented_sentence(chapter.records_of(alpha), alpha.sources).startswith(
        "For every selected article"
    )


def test_the_criticism_table_marks_external_facts_and_computes_voices_and_borrowings(
    small: evidence.Dataset,
) -> None:
    scope = scope_of(small)
    table = chapter.criticism_table(scope, chapter.records_of(scope)).set_index("Article")
    alpha = table.loc["{cite:t}`src-a-2012`"]
    assert (
        "Outlet A is funded by a state\\. [record](https://example.org/rec-a-funder)"
        in (alpha["Publisher and funding"])
    )
    assert alpha["Author"] == (
        "Ann Alpha\\. No public record found beyond the article\\'s own words\\."
    )
    assert alpha["What it takes from others"] == "Reuters 1 (of 5 quoted passages)"
    gamma = table.loc["{cite:t}`src-c-2021`"]
    assert gamma["Publisher and funding"] == (
        "No public record consulted names who publishes or funds it\\."
    )
    assert gamma["What it takes from others"] == (
        "Dawn 1, The Express Tribune 1 (of 3 quoted passages)"
    )
    beta = table.loc["{cite:t}`src-b-2018`"]
    assert beta["Whom it quotes"] == "Asim (1); one reader comment"
    assert beta["Genre"] == "News report\\."


def test_genre_as_the_text_shows_it(small: evidence.Dataset) -> None:
    source = small.sources.loc["src-a-2012"].copy()
    assert chapter.genre_words(source) == "analysis"
    source["original_outlet"] = "A Think Tank"
    assert chapter.genre_words(source) == "analysis, reposted on a blog from A Think Tank"


def test_whom_an_article_quotes() -> None:
    rows = pd.DataFrame(
        {
            "voice": ["quoted", "quoted", "quoted", "reader", "reader", "caption", "author"],
            "speaker": ["Rehman", "Rehman", "Asim", "reader comment 1", "reader comment 2", "", ""],
            "quote": ["a", "b", "c", "d", "e", "f", "g"],
        }
    )
    assert (
        chapter.quoted_voices(rows)
        == "Rehman (2), Asim (1); two reader comments; photo captions (1)"
    )
    assert chapter.quoted_voices(rows[rows["voice"] == "author"]) == "no one"


def test_own_and_credited_passages_and_the_borrowings_table(small: evidence.Dataset) -> None:
    scope = scope_of(small)
    shares = chapter.own_and_credited(scope)
    assert shares.loc["Alpha (2012)"].tolist() == [4, 1]
    assert shares.loc["Gamma (2021)"].tolist() == [2, 1]
    assert "Gamma (2021): 2 own, 1 credited" in chapter.own_and_credited_alt(shares)
    borrowed = chapter.borrowings_table(scope)
    assert list(borrowed.columns) == [
        "Article",
        "Credited to",
        "Passages",
        "Share of its quoted passages",
    ]
    assert borrowed.iloc[0].tolist() == ["Alpha (2012)", "Reuters", 1, "20%"]
    assert chapter.credited(small, "src-c-2021") == (1, 3)


def test_the_articles_table_names_sources_by_label_and_links_their_text(
    small: evidence.Dataset,
) -> None:
    table = chapter.sources_table(scope_of(small))
    assert table.iloc[0]["Article"] == ("{cite:t}`src-a-2012` ({ref}`full text <seed-src-a-2012>`)")
    assert table.iloc[1]["Published"] == "8 June 2018. Date line."
    assert chapter.year_span(scope_of(small).sources) == "2012 to 2021"
    assert chapter.year_span(scope_of(small, sources=["src-b-2018"]).sources) == "2018"


def test_the_method_counts_follow_the_selection(small: evidence.Dataset) -> None:
    scope = scope_of(small)
    assert chapter.quotes_found(scope) == len(scope.evidence) == 19
    assert chapter.basis_counts(chapter.events_in_scope(scope)) == {
        "stated": 3,
        "relative": 0,
        "inferred": 1,
        "undated": 0,
    }
    assert chapter.credited_rows(scope) == 3
    assert chapter.span_figures(scope) == 3
    assert chapter.reading_problems(small) == 0
    resolved = chapter.resolved_dates(scope)
    assert list(resolved.index) == ["ev-previous-visit"]
    table = chapter.dates_table(resolved)
    assert table.iloc[0].tolist() == [
        "Previous visit",
        "2009",
        "inferred",
        "Nine years before May 2018.",
    ]


def test_a_selection_without_events_reads_well(small: evidence.Dataset) -> None:
    scope = scope_of(small, start_year=1930, end_year=1940)
    assert chapter.resolved_dates(scope).empty
    assert chapter.dates_table(chapter.resolved_dates(scope)).empty
    assert chapter.basis_counts(chapter.events_in_scope(scope)) == {
        "stated": 0,
        "relative": 0,
        "inferred": 0,
        "undated": 0,
    }
    assert chapter.span_figures(scope) == 0


def test_at_least_four_fifths_of_the_prose_is_written_in_markdown() -> None:
    assert measure("sources_method").share >= 0.8
