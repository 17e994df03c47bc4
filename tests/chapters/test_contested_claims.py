"""The rules of the chapter on contested claims, on a small hand-made dataset: which claims are
weighed, verdicts counting each origin once, predictions apart, readers against their article,
disagreements of fact, the arithmetic of stated lengths of time in words, the sentences for
empty selections, and how much of the chapter's prose is written in markdown."""

from __future__ import annotations

import pandas as pd
import pytest
from support.prose import measure
from support.written import claims_dataset

from helpers import evidence
from helpers.analysis.scope import Scope
from helpers.chapters import contested_claims as chapter
from helpers.chapters import registry
from helpers.render.passage_numbers import passage_numbers


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> evidence.Dataset:
    return evidence.load(claims_dataset(tmp_path_factory.mktemp("small")))


def scope_of(dataset: evidence.Dataset, **values: object) -> Scope:
    return Scope.from_params(dataset, registry.validate("contested_claims", values, dataset))


@pytest.fixture(scope="module")
def weighed(small: evidence.Dataset) -> tuple[Scope, pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    scope = scope_of(small)
    claims = chapter.argued_claims(scope, ("all",), 1)
    matrix, judged = chapter.judged(scope, claims.index)
    return scope, claims, matrix, judged


def test_predictions_and_rarely_voiced_claims_are_not_weighed(small: evidence.Dataset) -> None:
    scope = scope_of(small)
    assert set(chapter.argued_claims(scope, ("all",), 2).index) == {
        "claim-echo",
        "claim-afghan",
        "claim-friend",
    }
    assert "claim-new-era" in chapter.argued_claims(scope, ("all",), 1).index
    assert set(chapter.argued_claims(scope, ("trust",), 1).index) == {"claim-friend"}
    assert list(chapter.prediction_claims(scope, ("all",)).index) == ["claim-grow"]


def test_verdicts_count_each_origin_once(weighed) -> None:
    *_, judged = weighed
    assert chapter.count(judged, "agreed") == 2  # the Afghanistan claim and the compiled one
    assert chapter.count(judged, "agreed", "by_sources") == 2  # the echo and Afghanistan
    assert chapter.verdict_words(judged.loc["claim-echo"]) == "one voice only (one origin repeated)"
    assert chapter.verdict_words(judged.loc["claim-new-era"]) == (
        "agreed (one article, several origins)"
    )
    assert set(chapter.changed_verdicts(judged).index) == {"claim-echo", "claim-new-era"}
    assert list(chapter.with_verdict(judged, "contested")) == ["claim-friend"]


def test_the_origin_sentence_names_the_echo_and_the_compiled_claim(weighed) -> None:
    _, claims, _, judged = weighed
    text = chapter.origin_sentence(claims, judged)
    assert "“Russia courts Pakistan” looks agreed across articles" in text
    assert "it counts as voiced once" in text
    assert "“A new era begins” is voiced by one article" in text
    assert "Reuters reaches one claim through more than one article" in text


def test_the_claim_by_voice_table_is_headed_by_labels_and_links_every_row(
    weighed, small: evidence.Dataset
) -> None:
    scope, claims, matrix, judged = weighed
    table = chapter.voice_table(scope, claims, matrix, judged)
    assert list(table.columns) == ["Claim", "Stances", "Origins", "Verdict", "Passages"]
    assert not any("src-" in cell for cell in table["Stances"])
    friend = table[table["Claim"] == "Russia is a friend of Pakistan."].iloc[0]
    assert "Beta (2018) −" in friend["Stances"] and "Readers +" in friend["Stances"]
    numbers = passage_numbers(scope.dataset, scope.sources.index)
    for claim_id, cell in zip(matrix.index, table["Passages"], strict=True):
        cited = scope.evidence_for([claim_id]).index
        # every passage linked by the number its article's page shows
        assert all(f"{{ref}}`{numbers[e]} <{e}>`" in cell for e in cited)
    assert len(chapter.VOICE_WIDTHS) == len(table.columns)
    data = chapter.voice_data(claims, matrix, judged).set_index("claim_id")
    assert data.at["claim-echo", "relayed"] == "Reuters"


def test_side_table_names_voices_and_their_origins(weighed) -> None:
    scope, claims, _, _ = weighed
    table = chapter.side_table(scope, claims, ["claim-echo", "claim-friend"])
    echo = table.iloc[0]
    assert "{ref}`Reuters in Alpha (2012) <evi-a-1>`" in echo["Supported by"]
    friend = table.iloc[1]
    assert "{ref}`Asim in Beta (2018) <evi-b-9>`" in friend["Disputed by"]
    assert "reader comment 1 under Beta (2018)" in friend["Supported by"]
    assert friend["Qualified by"] == ""


def test_predictions_with_who_when_and_horizon(small: evidence.Dataset) -> None:
    scope = scope_of(small)
    table = chapter.predictions_table(scope, chapter.prediction_claims(scope, ("all",)))
    row = table.iloc[0]
    assert row["Prediction"] == "Ties will grow."
    assert "<evi-a-4>" in row["Expected by"] and "<evi-b-2>" in row["Expected otherwise by"]
    assert row["Said"] == "Alpha (2012): 24 March 2012; Beta (2018): 8 June 2018"
    assert row["Horizon"] == "by 2013"
    assert chapter.horizon_words("") == "none given"
    assert chapter.horizon_words("2012-09") == "by September 2012"


def test_readers_against_their_article(small: evidence.Dataset) -> None:
    scope = scope_of(small)
    table = chapter.readers_table(scope, scope.claims)
    assert list(table["Claim"]) == ["Russia is a friend of Pakistan."]
    assert bool(table.iloc[0]["against"])
    assert chapter.readers_sentence(table, small) == (
        "The readers speak to 1 claim\\; on one claim they take the side opposite to the "
        "article\\'s author and the analysts it quotes\\. The page counts 2 comments\\; the "
        "archived text prints one\\."
    )


def test_disagreements_of_fact_keep_every_version(small: evidence.Dataset) -> None:
    scope = scope_of(small)
    disputes = chapter.factual_disagreements(scope)
    assert chapter.disputed_subjects(disputes) == 1
    table = chapter.disagreements_table(scope, disputes)
    row = table.iloc[0]
    assert row["Differs in"] == "date" and row["Between"] == "two articles"
    assert "1 March 2012 ({ref}`Alpha (2012) <evi-a-2>`)" in row["Versions"]
    assert "April 2012 ({ref}`Gamma (2021) <evi-c-2>`)" in row["Versions"]
    assert chapter.within_one_article(disputes) == 0


def test_lengths_in_words() -> None:
    assert chapter.length_words(17) == "17 days"
    assert chapter.length_words(150) == "5 months"
    assert chapter.length_words(9.13 * 365.25) == "9 years and 2 months"
    assert chapter.length_words(10 * 365.25) == "10 years"
    assert chapter.implied_words(17, 17) == "is 17 days"
    assert chapter.implied_words(1, 3334) == "is at most 9 years and 2 months"
    assert chapter.implied_words(30, float("inf")) == "is at least 30 days"
    assert chapter.range_words(11.6, 16.4) == "12 days to 16 days"
    check = pd.Series(
        {"unit": "weeks", "value": 2.0, "value_max": float("nan"), "qualifier": "exact"}
    )
    assert chapter.stated_words(check) == "two weeks"
    almost = check.copy()
    almost.update({"unit": "years", "value": 10.0, "qualifier": "almost"})
    assert chapter.stated_words(almost) == "almost ten years"


def test_each_mismatch_reads_with_its_arithmetic(small: evidence.Dataset) -> None:
    scope = scope_of(small)
    items = chapter.mismatch_items(chapter.span_checks(scope), scope)
    lines = items.strip().split("\n")
    assert len(lines) == 2
    assert lines[0].startswith("- **Ten years** in Beta \\(2018\\)")
    assert "from 2000 ({ref}`“Talks began in 2000” <evi-b-4>`) to 8 June 2018" in lines[0]
    assert "is between 17 years and 5 months and 18 years and 5 months" in lines[0]
    assert "more than the 9 years to 11 years that “ten years” allows." in lines[0]
    assert "**Two weeks** in Alpha \\(2012\\)" in lines[1]
    assert "1–20 March 2012 ({ref}`“from 1 March to 20 March 2012” <evi-a-2>`)" in lines[1]
    assert "is 20 days: more than the 12 days to 16 days that “two weeks” allows." in lines[1]


def test_the_table_of_checks_gives_every_verdict(small: evidence.Dataset) -> None:
    scope = scope_of(small)
    checks = chapter.span_checks(scope)
    table = chapter.checks_table(checks, scope)
    assert list(table["Verdict"]) == [
        "the dates contradict it",
        "the dates contradict it",
        "not testable: the date comes from this statement",
    ]
    assert list(table["Span by the dates"])[:2] == [
        "1–20 March 2012",
        "2000 to 8 June 2018 (the article's date)",
    ]
    assert chapter.checks_data(checks)["evidence_ids"].iloc[0] == "evi-a-3"


def test_the_opening_sentence_follows_the_verdicts(weighed) -> None:
    _, claims, _, judged = weighed
    text = chapter.verdict_sentence(claims, judged, 1).replace("\\", "")
    assert text.startswith("Of the 4 claims about the relationship that at least one passage voice")
    assert "two have every origin that speaks to them on their side" in text
    assert "one is asserted by some and denied by others, most of them on trust and history" in text
    assert text.endswith("The others are voiced only once (1).")
    assert chapter.counted(0, "claim") == "no claims"
    assert repr(chapter.counted(1, "claim")) == "one claim"


def test_an_empty_selection_reads_well(small: evidence.Dataset) -> None:
    scope = scope_of(small, start_year=1930, end_year=1940)
    claims = chapter.argued_claims(scope, ("all",), 2)
    matrix, judged = chapter.judged(scope, claims.index)
    assert claims.empty and judged.empty
    assert chapter.verdict_sentence(claims, judged, 2).startswith(
        "No claim of the chosen topics is voiced by at least two passages"
    )
    assert chapter.origin_sentence(claims, judged) == (
        "With no claim to weigh\\, there is no origin to count\\."
    )
    assert chapter.voice_table(scope, claims, matrix, judged).empty
    assert chapter.verdict_by_topic(claims, judged).empty
    assert chapter.predictions_table(scope, chapter.prediction_claims(scope, ("all",))).empty
    assert chapter.readers_sentence(chapter.readers_table(scope, scope.claims), small) == (
        "No reader comment is part of this selection\\."
    )
    assert chapter.factual_disagreements(scope).empty
    assert chapter.mismatch_items(chapter.span_checks(scope), scope) == (
        "No stated length of time in this selection is contradicted by its dates\\."
    )


def test_topics_and_the_figure_of_verdicts(weighed) -> None:
    _, claims, _, judged = weighed
    assert chapter.leading_topics(claims, judged, "agreed") == "Afghanistan and prospects"
    assert chapter.leading_topics(claims, judged, "rejected") == "no topic"
    by_topic = chapter.verdict_by_topic(claims, judged)
    assert list(by_topic.columns) == ["agreed", "contested", "one voice"]
    assert by_topic.loc["trust and history", "contested"] == 1
    assert "trust and history: 1 contested" in chapter.verdicts_alt(by_topic)


def test_at_least_four_fifths_of_the_prose_is_written_in_markdown() -> None:
    assert measure("contested_claims").share >= 0.8
