"""The rules of the chapter on what happened next, on a small hand-made dataset
(:mod:`support.later_dataset`): which predictions and threads a selection shows, who voiced
them and when, their verdicts, the later record as dated events, and every computed sentence,
the empty selection included."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pandas as pd
import pytest
from support.later_dataset import ROWS, write_dataset

from helpers.analysis.scope import Scope
from helpers.chapters import registry
from helpers.chapters import what_happened_next as chapter
from helpers.evidence import Dataset, load


@pytest.fixture(scope="module")
def dataset(tmp_path_factory: pytest.TempPathFactory) -> Dataset:
    return load(write_dataset(tmp_path_factory.mktemp("later")))


def scope_of(dataset: Dataset, **values: object) -> Scope:
    return Scope.from_params(dataset, registry.validate(chapter.Params.chapter, values, dataset))


# -- which predictions and threads -------------------------------------------------------------


def test_predictions_are_the_claims_of_kind_prediction_the_selection_voices(
    dataset: Dataset,
) -> None:
    assert list(chapter.predictions(scope_of(dataset)).index) == ["claim-expand", "claim-shallow"]
    # the 2018 article only disputes one of them: it still voices it
    one = scope_of(dataset, sources=["src-b-2018"])
    assert list(chapter.predictions(one).index) == ["claim-shallow"]
    assert chapter.predictions(scope_of(dataset, start_year=1930, end_year=1940)).empty


def test_threads_are_the_open_events_and_deals_in_scope_scorecard_first(dataset: Dataset) -> None:
    frame = chapter.threads(scope_of(dataset))
    # the occurred event and the delivered deal are not open threads
    assert list(frame["subject_id"]) == ["ev-visit", "ev-drill", "deal-pipe"]
    assert list(frame["kind"]) == ["event", "event", "deal"]
    one = chapter.threads(scope_of(dataset, sources=["src-b-2018"]))
    assert list(one["subject_id"]) == ["ev-drill", "deal-pipe"]


def test_an_open_thread_without_outcome_is_shown_as_not_checked(dataset: Dataset) -> None:
    assert "claim-shallow" not in {o["subject_id"] for o in ROWS["outcomes"]}
    card = chapter.scorecard(scope_of(dataset)).set_index("subject_id")
    assert card.at["claim-shallow", "verdict"] == ""
    assert card.at["claim-shallow", "thread"] == "Deep ties are unlikely."
    assert chapter.verdict_words("") == chapter.NOT_CHECKED


# -- who, when, horizon, verdict ---------------------------------------------------------------


def test_scorecard_names_who_predicted_and_who_disputed_with_their_passages(
    dataset: Dataset,
) -> None:
    card = chapter.scorecard(scope_of(dataset)).set_index("subject_id")
    assert card.at["claim-shallow", "predicted_by"] == ["{cite:t}`src-a-2012` ({passage}`evi-a-3`)"]
    assert card.at["claim-shallow", "disputed_by"] == [
        "An analyst, in {cite:t}`src-b-2018` ({passage}`evi-b-3`)"
    ]
    # when: the dates of the sources that predict it, not of those that dispute it
    assert card.at["claim-shallow", "when"] == ["21 March 2012"]
    assert card.at["claim-expand", "horizon"] == "by September 2012"
    assert card.at["claim-shallow", "horizon"] == "none given"
    assert card.at["claim-expand", "verdict"] == "partly_fulfilled"
    assert card.at["claim-expand", "later_ids"] == ("later-visit-cancelled",)
    assert card.at["claim-expand", "reaches"] == "27 September 2012"


def test_a_prediction_only_disputed_in_the_selection_says_so(dataset: Dataset) -> None:
    card = chapter.scorecard(scope_of(dataset, sources=["src-b-2018"]))
    shown = chapter.scorecard_table(dataset, card)
    cell = shown.at[0, "Who predicted it, and when"]
    assert cell.startswith("no selected source predicts it; disputed or qualified by An analyst")
    assert cell.endswith("Published 2018.")


def test_voices_group_the_passages_of_one_voice() -> None:
    evidence = pd.DataFrame(
        {
            "source_id": ["src-x-2018", "src-x-2018", "src-x-2018"],
            "voice": ["quoted", "quoted", "reader"],
            "speaker": ["Abdur Rehman", "Abdur Rehman", "reader comment 3"],
            "stance": ["supports", "supports", "supports"],
        },
        index=["evi-x-1", "evi-x-2", "evi-x-9"],
    )

    class FakeScope:
        # an article without its text numbers its passages in the table's order
        dataset = SimpleNamespace(evidence=evidence, seeds={})
        sources = pd.DataFrame(index=["src-x-2018"])

        def evidence_for(self, ids: list[str]) -> pd.DataFrame:
            return evidence

    shown = chapter.voices(FakeScope(), "claim-x", ["supports"])  # type: ignore[arg-type]
    assert shown == [
        "Abdur Rehman, in {cite:t}`src-x-2018` (passages {ref}`1 <evi-x-1>`, {ref}`2 <evi-x-2>`)",
        "readers of {cite:t}`src-x-2018` ({passage}`evi-x-9`)",
    ]


def test_left_open_gives_the_event_date_the_deal_status_and_the_sources(
    dataset: Dataset,
) -> None:
    frame = chapter.threads(scope_of(dataset)).set_index("subject_id")
    visit = frame.at["ev-visit", "left_open"]
    assert visit.startswith("September 2012\\: Putin is to visit Pakistan\\.")
    assert visit.endswith("{cite:p}`src-a-2012`")
    assert "agreed\\, then held up" in frame.at["deal-pipe", "left_open"]


def test_verdicts_read_as_words_with_a_class() -> None:
    assert chapter.verdict_markup("too_early") == ("**[too early or unclear]{.verdict-too-early}**")
    assert chapter.verdict_markup("") == "**[not checked yet]{.verdict-not-checked}**"


def test_verdict_of_a_thread_is_read_from_the_scorecard(dataset: Dataset) -> None:
    assert chapter.verdict_of(dataset, "ev-drill") == "fulfilled"
    assert chapter.verdict_of(dataset, "claim-shallow") == "not checked yet"
    assert repr(chapter.verdict_of(dataset, "ev-visit")) == "not fulfilled"


# -- the later record --------------------------------------------------------------------------


def test_later_events_are_dated_labelled_and_themed(dataset: Dataset) -> None:
    later = chapter.later_events(dataset)
    assert list(later.index) == [
        "later-visit-cancelled",
        "later-drill-held",
        "later-pipe-stalled",
        "later-ties-shallow",
    ]
    assert later.at["later-pipe-stalled", "start"] == pd.Timestamp(2022, 9, 1)
    assert later.at["later-pipe-stalled", "end"] == pd.Timestamp(2022, 9, 30)
    assert later.at["later-ties-shallow", "year"] == later.at["later-ties-shallow", "end_year"]
    assert later.at["later-visit-cancelled", "themes"] == ("diplomacy",)
    assert later.at["later-drill-held", "themes"] == ("defence", "multilateral")
    assert later.at["later-pipe-stalled", "themes"] == ("energy",)
    assert later.at["later-ties-shallow", "themes"] == ()
    assert later.at["later-visit-cancelled", "publication"] == (
        "Dawn, “Putin defers visit”, 27 September 2012"
    )
    assert later.at["later-drill-held", "publication"] == "The News, 25 August 2018"
    assert later.at["later-pipe-stalled", "publication"] == "Gulf Daily, undated"


def test_later_events_by_theme_keep_claims_only_rows_only_for_every_theme(
    dataset: Dataset,
) -> None:
    assert list(chapter.later_events(dataset, themes=["defence"]).index) == ["later-drill-held"]
    every = registry.validate(chapter.Params.chapter, {}, dataset).theme_names
    assert len(chapter.later_events(dataset, themes=every)) == 4


def test_shown_later_rows_are_those_behind_and_about_what_is_shown(dataset: Dataset) -> None:
    scope = scope_of(dataset, sources=["src-b-2018"])
    card, frame = chapter.scorecard(scope), chapter.threads(scope)
    shown = chapter.shown_later(dataset, card, frame)
    # the pipeline's verdict also rests on the cancellation of 2012
    assert list(shown.index) == [
        "later-visit-cancelled",
        "later-drill-held",
        "later-pipe-stalled",
        "later-ties-shallow",
    ]
    empty = scope_of(dataset, start_year=1930, end_year=1940)
    none = chapter.shown_later(dataset, chapter.scorecard(empty), chapter.threads(empty))
    assert none.empty


def test_later_links_go_by_publication_undated_last_each_page_once(dataset: Dataset) -> None:
    links = chapter.later_links(
        dataset, ["later-pipe-stalled", "later-drill-held", "later-visit-cancelled"]
    )
    assert links == (
        "[Dawn\\, 27 September 2012](<https://example.org/dawn/1>); "
        "[The News\\, 25 August 2018](<https://example.org/news/drills-begin>); "
        "[Gulf Daily\\, undated](<https://example.org/gulf/9>)"
    )


def test_later_table_quotes_excerpts_and_translates_them(dataset: Dataset) -> None:
    table = chapter.later_table(dataset.later_record)
    by_row = dict(zip(dataset.later_record.index, table["Excerpt, as accessed"], strict=True))
    assert by_row["later-ties-shallow"] == "“Оборот снизился\\.” (translation: Turnover fell\\.)"
    assert by_row["later-visit-cancelled"] == "“Putin has cancelled his visit\\.”"
    publication = dict(zip(dataset.later_record.index, table["Publication"], strict=True))
    assert "reproducing or summing up A wire agency" in publication["later-drill-held"]
    assert publication["later-drill-held"].endswith("news report")
    assert "“" not in publication["later-drill-held"]  # an address is not a headline


# -- computed sentences ------------------------------------------------------------------------


def test_tally_sentence_counts_verdicts_and_the_unchecked(dataset: Dataset) -> None:
    scope = scope_of(dataset)
    sentence = chapter.tally_sentence(chapter.scorecard(scope), chapter.threads(scope))
    assert sentence == (
        "Of the two predictions the selected articles make\\, one came about in part and one "
        "is not checked yet\\. Of the three threads they leave open\\, one came about and two "
        "did not\\."
    )


def test_tally_sentence_for_one_prediction_and_no_thread() -> None:
    card = pd.DataFrame({"verdict": ["too_early"]})
    no_threads = pd.DataFrame({"verdict": []})
    assert chapter.tally_sentence(card, no_threads) == (
        "Of the one prediction the selected articles make\\, one is too early or unclear to "
        "judge\\. They leave no thread open that the later record follows\\."
    )


def test_tally_sentence_for_an_empty_selection(dataset: Dataset) -> None:
    scope = scope_of(dataset, start_year=1930, end_year=1940)
    assert chapter.tally_sentence(chapter.scorecard(scope), chapter.threads(scope)) == (
        "The selected articles make no prediction and leave no thread open that the later "
        "record could settle\\."
    )


def test_silences_list_what_was_not_found_and_what_is_unchecked(dataset: Dataset) -> None:
    scope = scope_of(dataset)
    table = chapter.silences_table(chapter.scorecard(scope), chapter.threads(scope))
    assert table.values.tolist() == [
        ["Putin\\'s visit", "A visit\\, up to the latest page found\\."],
        ["The pipeline", "Any construction\\."],
        ["Deep ties are unlikely", "Not yet checked against the later record\\."],
    ]


def test_silences_for_an_empty_selection(dataset: Dataset) -> None:
    scope = scope_of(dataset, start_year=1930, end_year=1940)
    card, frame = chapter.scorecard(scope), chapter.threads(scope)
    assert chapter.silences_table(card, frame).empty
    assert chapter.silences_empty(card, frame) == chapter.NO_THREADS


def test_silences_for_a_fully_documented_selection() -> None:
    frame = pd.DataFrame({"thread": ["A"], "not_found": [""], "verdict": ["fulfilled"]})
    assert chapter.silences_table(frame).empty
    assert chapter.silences_empty(frame).startswith("For every prediction and thread shown")


# -- the figure's data and words ---------------------------------------------------------------


def test_lanes_place_articles_known_by_year_at_mid_year(dataset: Dataset) -> None:
    scope = scope_of(dataset)
    drawn = chapter.lanes(scope, chapter.scorecard(scope), chapter.threads(scope))
    drawn = drawn.set_index("subject_id")
    assert drawn.at["claim-shallow", "articles"] == pytest.approx([2012 + 80 / 366, 2018.5], 1e-3)
    assert drawn.at["deal-pipe", "later"] == pytest.approx(
        [2012 + 270 / 366, 2022 + 257 / 365], 1e-3
    )
    assert drawn.at["claim-shallow", "later"] == []


def test_lanes_alt_and_source_line_give_their_numbers(dataset: Dataset) -> None:
    scope = scope_of(dataset)
    drawn = chapter.lanes(scope, chapter.scorecard(scope), chapter.threads(scope))
    assert chapter.lanes_alt(drawn) == (
        "5 lanes of predictions and open threads on a time axis from 2012 to 2022: filled "
        "triangles mark when an article speaks of the thread, 5 hollow circles the "
        "later-record rows behind its verdict, and a square at the right end its verdict "
        "(1 fulfilled, 1 partly fulfilled, 2 not fulfilled and 1 not checked yet)."
    )
    assert chapter.later_source_line(scope, drawn, dataset) == (
        "Articles: Alpha (2012) and Beta (2018). Later record: 3 attestations in publications "
        "after the articles, accessed 1 December 2026; data: this book's later-record table."
    )
    assert chapter.lanes_alt(drawn.iloc[0:0]) == "No thread is drawn."


def test_the_lanes_figure_draws_one_lane_per_thread(dataset: Dataset) -> None:
    scope = scope_of(dataset)
    drawn = chapter.lanes(scope, chapter.scorecard(scope), chapter.threads(scope))
    fig = chapter.lanes_figure(scope, drawn)
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert labels == list(drawn["thread"])
    legend = [t.get_text() for t in fig.legends[0].get_texts()]
    assert legend == [
        "an article",
        "later record",
        "fulfilled",
        "partly fulfilled",
        "not fulfilled",
    ]


def test_csv_frames_hold_plain_text_and_ids(dataset: Dataset) -> None:
    scope = scope_of(dataset)
    data = chapter.scorecard_data(chapter.scorecard(scope)).set_index("claim_id")
    assert data.at["claim-shallow", "disputed_by"] == "An analyst, in src-b-2018 (evi-b-3)"
    assert data.at["claim-expand", "later_ids"] == "later-visit-cancelled"
    threads = chapter.threads_data(chapter.threads(scope)).set_index("subject_id")
    assert threads.at["ev-visit", "left_open"] == (
        "September 2012: Putin is to visit Pakistan. (src-a-2012)"
    )


def test_the_record_in_numbers(dataset: Dataset) -> None:
    assert chapter.row_count(dataset) == 4
    assert chapter.outlet_count(dataset) == 4
    assert chapter.record_span(dataset) == "2012–2025"
    assert chapter.accessed_on(dataset) == "1 December 2026"
    assert chapter.relayed_count(dataset) == 1
    assert chapter.kind_share(dataset, "news") == 4
    assert chapter.verdict_total(dataset, "not_fulfilled") == 2
    assert chapter.outcome_count(dataset) == 4


def test_markup_text_keeps_ids_and_drops_escapes() -> None:
    assert (
        chapter.markup_text(
            "Rehman, in {cite:t}`src-pf-2018` (passages {ref}`1 <evi-pf-032>`, "
            "{passage}`evi-pf-033`) Pakistan\\'s"
        )
        == "Rehman, in src-pf-2018 (passages evi-pf-032, evi-pf-033) Pakistan's"
    )


def test_horizon_words() -> None:
    assert chapter.horizon_words("2012-09") == "by September 2012"
    assert chapter.horizon_words("2018") == "by 2018"
    assert chapter.horizon_words("") == "none given"


def test_accessed_on_a_span_of_dates(tmp_path: Path) -> None:
    rows = {name: [dict(r) for r in table] for name, table in ROWS.items()}
    rows["later_record"][0]["accessed"] = "2026-11-20"
    dataset = load(write_dataset(tmp_path, rows))
    assert chapter.accessed_on(dataset) == "20 November 2026 to 1 December 2026"


def test_without_a_later_record_everything_is_not_checked_yet(tmp_path: Path) -> None:
    rows = {name: [dict(r) for r in table] for name, table in ROWS.items()}
    rows["later_record"], rows["outcomes"] = [], []
    dataset = load(write_dataset(tmp_path, rows))
    scope = scope_of(dataset)
    card, frame = chapter.scorecard(scope), chapter.threads(scope)
    assert set(card["verdict"]) == set(frame["verdict"]) == {""}
    assert chapter.tally_sentence(card, frame) == (
        "Of the two predictions the selected articles make\\, two are not checked yet\\. Of the "
        "three threads they leave open\\, three are not checked yet\\."
    )
    assert chapter.later_events(dataset).empty
    assert chapter.record_span(dataset) == "" and chapter.accessed_on(dataset) == ""
    assert chapter.shown_later(dataset, card, frame).empty
