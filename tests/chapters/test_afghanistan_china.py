"""The rules of the chapter on the Afghanistan and China factors, on a small hand-made dataset:
which passages bring in a factor, the facet classifier and its fallbacks, passages counted once,
the themes that travel together, the explanations with their voices counted by origin, the
figures' text within bounds, and every computed sentence, the empty selection included."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
import pytest
from support.figure_bounds import texts, texts_outside
from support.handmade import dataset, scope

from helpers.chapters import afghanistan_china as chapter
from helpers.evidence import Dataset
from helpers.evidence.vocabularies import THEMES

SOURCES = [
    {"source_id": "src-a", "author": "Ann Alpha", "outlet": "Blog", "published": "2012-03-24"},
    {"source_id": "src-b", "author": "Bo Beta", "outlet": "Daily", "published": "2018"},
    {"source_id": "src-c", "author": "Cy Gamma", "outlet": "Weekly", "published": "2018"},
    {"source_id": "src-d", "author": "Di Delta", "outlet": "Brief", "published": "2021-04-21"},
]
EVENTS = [
    {
        "event_id": "ev-war",
        "date": "1980",
        "date_precision": "decade",
        "themes": "afghanistan;cold_war",
        "title": "Soviet war in Afghanistan",
    },
    {
        "event_id": "ev-visit",
        "date": "2021-04-07",
        "date_precision": "day",
        "themes": "diplomacy;afghanistan",
        "title": "Foreign minister visits Islamabad",
    },
    {
        "event_id": "ev-sco",
        "date": "2017",
        "date_precision": "year",
        "themes": "multilateral;china",
        "title": "Pakistan joins the SCO",
    },
    {
        "event_id": "ev-convergence",
        "date": "2008",
        "date_precision": "year",
        "themes": "afghanistan;diplomacy",
        "title": "Pakistan and Russia converge on Afghanistan",
    },
]
CLAIMS = [
    {
        "claim_id": "claim-afg",
        "topic": "afghanistan",
        "kind": "interpretation",
        "statement": "Afghanistan draws them together.",
    },
    {
        "claim_id": "claim-china",
        "topic": "china",
        "kind": "interpretation",
        "statement": "China, close to both, draws them together.",
    },
    {
        "claim_id": "claim-daesh",
        "topic": "afghanistan",
        "kind": "interpretation",
        "statement": "Daesh in Afghanistan is a shared threat.",
    },
    {
        "claim_id": "claim-india",
        "topic": "india",
        "kind": "interpretation",
        "statement": "India pushed Russia towards Pakistan.",
    },
    {
        "claim_id": "claim-priority",
        "topic": "pakistan_motives",
        "kind": "interpretation",
        "statement": "Russia is a priority for Pakistan.",
    },
    {
        "claim_id": "claim-grow",
        "topic": "afghanistan",
        "kind": "prediction",
        "statement": "The threat will grow in Afghanistan.",
    },
    {
        "claim_id": "claim-aid",
        "topic": "united_states",
        "kind": "fact",
        "statement": "The US helps Pakistan.",
    },
]
CITATIONS = [
    {
        "citation_id": "cit-b-dawn",
        "source_id": "src-b",
        "kind": "article",
        "cited_outlet": "Dawn",
        "cited_date": "2017",
    },
    {
        "citation_id": "cit-d-dawn",
        "source_id": "src-d",
        "kind": "article",
        "cited_outlet": "Dawn",
        "cited_date": "2021",
    },
    {
        "citation_id": "cit-d-journal",
        "source_id": "src-d",
        "kind": "article",
        "cited_outlet": "The Journal",
        "cited_author": "Feroz Khan",
        "cited_date": "2021",
    },
    {
        "citation_id": "cit-c-reports",
        "source_id": "src-c",
        "kind": "media_report",
        "cited_outlet": "unnamed reports",
    },
    {
        "citation_id": "cit-d-reports",
        "source_id": "src-d",
        "kind": "media_report",
        "cited_outlet": "unnamed reports",
    },
    {
        "citation_id": "cit-b-tribune",
        "source_id": "src-b",
        "kind": "media_report",
        "cited_outlet": "The Tribune",
    },
    {
        "citation_id": "cit-d-tribune",
        "source_id": "src-d",
        "kind": "article",
        "cited_outlet": "The Tribune",
        "cited_date": "2021",
    },
    {
        "citation_id": "cit-a-website",
        "source_id": "src-a",
        "kind": "website",
        "cited_outlet": "Consulate of X",
    },
]


def evi(i: str, source: str, subject: str, quote: str, **more: str) -> dict[str, str]:
    claim = subject.startswith("claim-")
    return {
        "evidence_id": f"evi-{i}",
        "source_id": source,
        "subject_id": subject,
        "quote": quote,
        "speaker": more.pop("speaker", "author"),
        "voice": more.pop("voice", "author"),
        "stance": more.pop("stance", "supports" if claim else "reports"),
        **more,
    }


EVIDENCE = [
    evi("w1", "src-a", "ev-war", "Pakistan supported the Afghan Mujahadeen"),
    evi("w2", "src-d", "ev-war", "After ten years, Russia failed and left Afghanistan in an exit."),
    evi("w3", "src-d", "claim-afg", "Russia failed and left Afghanistan", stance="qualifies"),
    evi("v1", "src-d", "ev-visit", "He was received by the minister."),
    evi("v2", "src-d", "ev-visit", "with the issue of Afghanistan high on the agenda"),
    evi("s1", "src-b", "ev-sco", "once Pakistan became a member of the SCO in 2017"),
    evi("c1", "src-d", "ev-convergence", "since then they have carried out mutual consultations"),
    evi("a1", "src-a", "claim-afg", "an attempt to shape the post-2014 order in Afghanistan"),
    evi(
        "a2",
        "src-b",
        "claim-afg",
        "because of its role in Afghanistan",
        speaker="A lecturer",
        voice="quoted",
    ),
    evi(
        "a3", "src-d", "claim-afg", "Russia sees Pakistan as indispensable", origins="cit-d-journal"
    ),
    evi(
        "a4",
        "src-b",
        "claim-afg",
        "they can help with Afghanistan",
        speaker="reader comment 1",
        voice="reader",
    ),
    evi("h1", "src-d", "claim-china", "a result of both countries close ties with China"),
    evi(
        "h2",
        "src-b",
        "claim-china",
        "China has been instrumental in bringing Russia closer",
        speaker="reader comment 2",
        voice="reader",
    ),
    evi("h3", "src-d", "claim-china", "China has been its all-weather friend, its iron brother"),
    evi("d1", "src-b", "claim-daesh", "Russia seeks help against Daesh", origins="cit-b-dawn"),
    evi("d2", "src-d", "claim-daesh", "the threat of Islamic State grows", origins="cit-d-dawn"),
    evi(
        "i1",
        "src-c",
        "claim-india",
        "Moscow's alliance with China and Pakistan over Afghanistan and Central Asia",
        origins="cit-c-reports",
    ),
    evi("i2", "src-d", "claim-india", "India turned to the US", origins="cit-d-reports"),
    evi("i3", "src-c", "claim-india", "but not only India", stance="qualifies"),
    evi(
        "i4",
        "src-a",
        "claim-india",
        "Russia places higher priority on India",
        stance="disputes",
        origins="cit-a-website",
    ),
    evi(
        "p1",
        "src-b",
        "claim-priority",
        "a special place in our foreign policy",
        origins="cit-b-tribune",
    ),
    evi(
        "p2",
        "src-d",
        "claim-priority",
        "a key foreign policy priority",
        origins="cit-d-tribune;cit-d-journal",
    ),
    evi("g1", "src-a", "claim-grow", "the threat will grow in Afghanistan"),
    evi("f1", "src-d", "claim-aid", "the US helps Pakistan"),
]
TOPICS = ("russia_motives", "pakistan_motives", "afghanistan", "china", "india", "united_states")


@pytest.fixture(scope="module")
def data() -> Dataset:
    return dataset(
        sources=SOURCES,
        events=EVENTS,
        claims=CLAIMS,
        evidence=EVIDENCE,
        citations=CITATIONS,
    )


@pytest.fixture(autouse=True)
def close_figures() -> None:
    yield
    plt.close("all")


# ----------------------------------------------------------------------------------------------
# Which passages bring in a factor
# ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "factor", "expected"),
    [
        ("the Afghan Taliban and the Kabul administration", "afghanistan", True),
        ("Afghanistan was high on the agenda", "afghanistan", True),
        ("Islamic insurgents, referred to as mujahedeen", "afghanistan", True),
        ("Pakistan and Russia", "afghanistan", False),
        ("members of the SCO", "china", True),
        ("the Shanghai Co-operation Organisation", "china", True),
        ("Chinese investments", "china", True),
        ("a trip to Scotland", "china", False),
        ("Indochina", "china", False),
    ],
)
def test_the_words_that_name_a_factor(text: str, factor: str, expected: bool) -> None:
    assert chapter.names(text, factor) is expected


def test_a_passage_brings_in_a_factor_by_its_words_or_its_subject() -> None:
    assert chapter.brings_in("the issue of Afghanistan", "A visit", False, "afghanistan")
    # a claim about Afghanistan that says so, voiced in words that do not
    assert chapter.brings_in("cooperation against IS", "Daesh in Afghanistan", True, "afghanistan")
    # a visit about Afghanistan among other things: the greeting does not bring it in
    assert not chapter.brings_in("He was received", "A visit", True, "afghanistan")
    # a subject that names Afghanistan but is not about it
    assert not chapter.brings_in(
        "its strategic location", "next to Afghanistan", False, "afghanistan"
    )


@pytest.mark.parametrize(
    ("quote", "factor", "expected"),
    [
        (
            "Pakistan heavily supported the Afghan Mujahadeen",
            "afghanistan",
            "the Soviet war and its legacy",
        ),
        (
            "the latter's imminent withdrawal from Afghanistan",
            "afghanistan",
            "the US war and withdrawal",
        ),
        (
            "to moderate the Taliban and to subdue radical Islamic forces",
            "afghanistan",
            "the Taliban and peace",
        ),
        ("the threat of Islamic State (IS) in Afghanistan", "afghanistan", "Daesh and militancy"),
        (
            "the CASA-1000 project providing Afghanistan with electricity",
            "afghanistan",
            "energy routes",
        ),
        ("India's rising influence in Afghanistan", "afghanistan", "a region of influence"),
        (
            "the foundation of convergence lies in Afghanistan",
            "afghanistan",
            "common ground and consultation",
        ),
        ("Pakistan joined the SCO in 2017", "china", "the SCO"),
        (
            "in the 1970s, Pakistan facilitated Nixon's summit with China",
            "china",
            "China in the Cold War",
        ),
        ("will harm its relations with China", "china", "ties with China at stake"),
        (
            "China has been its all-weather friend, its 'iron brother'",
            "china",
            "China as Pakistan's ally",
        ),
        ("equipment that is better than China", "china", "China as a yardstick"),
        (
            "both desire to benefit from Chinese investments",
            "china",
            "Chinese investment and interests",
        ),
        (
            "China's desire to bring its two closest partners together",
            "china",
            "China drawing the two together",
        ),
        (
            "Russia, China and Pakistan consult one another",
            "china",
            "Russia and China side by side",
        ),
    ],
)
def test_facet_by_the_passage_words(quote: str, factor: str, expected: str) -> None:
    assert chapter.facet(quote, "", (), factor) == expected


def test_facet_fallbacks() -> None:
    # the passage's words first, even when the subject's would give another facet
    assert chapter.facet("the Afghan peace process", "Soviet war", (), "afghanistan") == (
        "the Taliban and peace"
    )
    # then the subject's words
    assert chapter.facet(
        "a factor of stability", "Russia can help bring peace", (), "afghanistan"
    ) == ("the Taliban and peace")
    # then the event's themes
    assert chapter.facet("at the time", "Acrimonious decades", ("cold_war",), "afghanistan") == (
        "the Soviet war and its legacy"
    )
    assert chapter.facet("a meeting", "A summit", ("multilateral",), "china") == "the SCO"
    # then the factor in general
    assert chapter.facet("help us with Afghanistan", "A comment", (), "afghanistan") == (
        "Afghanistan in general"
    )
    assert chapter.facet("China", "", ("energy",), "china") == "China in general"


def test_facet_order_ends_with_the_fallback() -> None:
    for factor in chapter.FACTORS:
        order = chapter.facet_order(factor)
        assert order[-1] == chapter.FALLBACK[factor]
        assert len(order) == len(set(order)) == len(chapter.FACETS[factor]) + 1


def test_passages_of_a_factor(data: Dataset) -> None:
    found = chapter.passages(scope(data), "afghanistan")
    # every passage of a claim about Afghanistan that says so (a3, d1, g1 use no facet word)
    assert list(found.index) == [
        "evi-w1", "evi-w2", "evi-w3", "evi-v2", "evi-c1", "evi-a1", "evi-a2", "evi-a3", "evi-a4",
        "evi-d1", "evi-d2", "evi-i1", "evi-g1",
    ]  # fmt: skip
    assert "evi-v1" not in found.index  # the greeting of the visit
    assert found.at["evi-c1", "facet"] == "common ground and consultation"  # its event says so
    assert found.at["evi-w1", "facet"] == "the Soviet war and its legacy"
    assert found.at["evi-w2", "facet"] == "the Soviet war and its legacy"  # by its event
    assert found.at["evi-i1", "facet"] == "a region of influence"
    china = chapter.passages(scope(data), "china")
    assert list(china.index) == ["evi-s1", "evi-h1", "evi-h2", "evi-h3", "evi-i1"]
    assert china.at["evi-i1", "facet"] == "Russia and China side by side"
    assert china.at["evi-h3", "facet"] == "China as Pakistan's ally"


def test_words_that_attest_several_records_are_one_passage(data: Dataset) -> None:
    found = chapter.passages(scope(data), "afghanistan")
    # 'Russia failed and left Afghanistan' lies within the longer quote of the same source
    assert found.at["evi-w3", "passage"] == "evi-w2"
    assert chapter.count_passages(found) == len(found) - 1
    counts = chapter.per_source(scope(data), {"afghanistan": found})
    assert counts.loc["Delta (2021)", "Afghanistan"] == 5  # w2 (with w3), v2, c1, a3, d2
    assert list(counts.index) == ["Alpha (2012)", "Beta (2018)", "Gamma (2018)", "Delta (2021)"]


def test_facets_by_source(data: Dataset) -> None:
    s = scope(data)
    found = chapter.passages(s, "afghanistan")
    table = chapter.facet_counts(s, found, "afghanistan")
    assert list(table.index) == [
        "the Soviet war and its legacy",
        "the US war and withdrawal",
        "Daesh and militancy",
        "a region of influence",
        "common ground and consultation",
        "Afghanistan in general",
    ]
    assert table.loc["the Soviet war and its legacy"].to_dict() == {
        "Alpha (2012)": 1,
        "Beta (2018)": 0,
        "Gamma (2018)": 0,
        "Delta (2021)": 1,
    }
    # one passage of two facets (w2 by its event, w3 in general) counts under each
    assert table.loc["Afghanistan in general", "Delta (2021)"] == 2
    assert chapter.facets_sentence(found, "afghanistan") == (
        "By the number of sources that use each, Afghanistan comes in as Afghanistan in general "
        "(3 sources), the Soviet war and its legacy (2 sources), Daesh and militancy (2 "
        "sources), common ground and consultation (2 sources), the US war and withdrawal (1 "
        "source) and a region of influence (1 source)."
    )
    rows = chapter.facet_table(s, found, "afghanistan")
    expected = ["Alpha (2012)"] * 3 + ["Beta (2018)"] * 3 + ["Gamma (2018)"] + ["Delta (2021)"] * 4
    assert list(rows["Source"]) == expected
    assert rows.iloc[0]["Facet"] == "the Soviet war and its legacy"
    assert "{passage}`evi-w1`" in rows.iloc[0]["Passages"]
    assert rows.iloc[-2]["About"] == (
        "Foreign minister visits Islamabad; Pakistan and Russia converge on Afghanistan"
    )
    assert rows.iloc[-1]["Facet"] == "Afghanistan in general"


def test_findings_sentences(data: Dataset) -> None:
    s = scope(data)
    found = {f: chapter.passages(s, f) for f in chapter.FACTORS}
    counts = chapter.per_source(s, found)
    assert chapter.presence_sentence(counts) == (
        "The selected articles bring Afghanistan into 12 passages and China into 5 passages; "
        "Alpha (2012) not China."
    )
    # the fallback is not a facet to report; ties go in the facets' order
    assert chapter.facets_finding(found) == (
        "The facets used by the most articles are, for Afghanistan, the Soviet war and its "
        "legacy and Daesh and militancy; for China, China drawing the two together and the SCO."
    )
    general = {"china": found["china"].assign(facet=chapter.FALLBACK["china"])}
    assert chapter.facets_finding(general) == (
        "No passage of this selection brings either in by a facet the chapter names."
    )


def test_presence_sentence_shapes() -> None:
    both = pd.DataFrame({"Afghanistan": [3, 1], "China": [2, 1]}, index=["A (2012)", "B (2018)"])
    assert chapter.presence_sentence(both) == (
        "The selected articles bring Afghanistan into 4 passages and China into 3 passages; "
        "each brings in both."
    )
    one_silent = pd.DataFrame(
        {"Afghanistan": [3, 1], "China": [0, 1]}, index=["A (2012)", "B (2018)"]
    )
    assert chapter.presence_sentence(one_silent).endswith("; A (2012) not China.")
    single = pd.DataFrame({"Afghanistan": [3], "China": [0]}, index=["A (2012)"])
    assert chapter.presence_sentence(single) == (
        "The selected article brings Afghanistan into 3 passages and China into 0 passages; "
        "A (2012) not China."
    )
    alone = pd.DataFrame({"Afghanistan": [3], "China": [2]}, index=["A (2012)"])
    assert chapter.presence_sentence(alone) == (
        "The selected article brings Afghanistan into 3 passages and China into 2 passages."
    )
    none = pd.DataFrame({"Afghanistan": [0], "China": [0]}, index=["A (2012)"])
    assert chapter.presence_sentence(none) == (
        "No passage of this selection brings in Afghanistan or China."
    )


# ----------------------------------------------------------------------------------------------
# Themes that travel together
# ----------------------------------------------------------------------------------------------


def test_themes_that_travel_together(data: Dataset) -> None:
    s = scope(data)
    matrix = chapter.cooccurrence(s.events, list(THEMES))
    assert list(matrix.index) == [
        "diplomacy",
        "Afghanistan",
        "China",
        "multilateral forums",
        "Cold War",
    ]
    assert matrix.loc["Afghanistan", "Afghanistan"] == 3
    assert matrix.loc["Afghanistan", "diplomacy"] == 2
    assert chapter.partners_sentence(matrix) == (
        "Afghanistan shares the most events with diplomacy (2 events) and the Cold War "
        "(1 event). China shares the most events with multilateral forums (1 event)."
    )
    assert chapter.partners_sentence(matrix.iloc[0:0, 0:0]) == (
        "Neither Afghanistan nor China shares an event with another theme in this selection."
    )
    by_source = chapter.by_source(s)
    assert by_source.set_index("Source").loc["Delta (2021)"].to_dict() == {
        "Events": 3,
        "Afghanistan": 3,
        "China": 0,
        "Both": 0,
    }
    by_decade = chapter.by_decade(s.events)
    assert list(by_decade["Decade"]) == ["1980s", "2000s", "2010s", "2020s"]
    assert list(by_decade["China"]) == [0, 0, 1, 0]


# ----------------------------------------------------------------------------------------------
# Explanations, counted by origin
# ----------------------------------------------------------------------------------------------


def test_explanations_are_interpretations_of_the_chosen_topics(data: Dataset) -> None:
    s = scope(data)
    assert list(chapter.explanations(s, TOPICS).index) == [
        "claim-afg", "claim-china", "claim-daesh", "claim-india", "claim-priority",
    ]  # fmt: skip
    assert list(chapter.explanations(s, ("china",)).index) == ["claim-china"]
    assert "claim-grow" not in chapter.explanations(s, ("all",)).index  # a prediction
    assert "claim-aid" not in chapter.explanations(s, ("all",)).index  # a fact


def test_origin_of_a_citation(data: Dataset) -> None:
    assert chapter.origin("cit-b-dawn", data.citations) == "Dawn"
    assert chapter.origin("cit-d-dawn", data.citations) == "Dawn"  # one outlet, one origin
    assert chapter.origin("cit-c-reports", data.citations) == "cit-c-reports"  # unnamed: its own
    assert chapter.outlet_words("cit-a-website", data.citations) == (
        "the website of the Consulate of X"
    )


def test_voices_speak_in_their_own_right_or_for_what_they_credit(data: Dataset) -> None:
    s = scope(data)
    said = chapter.voices(s, ["claim-afg", "claim-daesh"]).set_index(
        ["claim_id", "voice", "stance"]
    )
    alpha = said.loc[("claim-afg", "Alpha (2012)", "supports")]
    assert alpha["own"] and alpha["basis"] == frozenset({"Alpha (2012)"})
    beta = said.loc[("claim-afg", "Beta (2018)", "supports")]  # a lecturer it quotes
    assert beta["own"]
    delta = said.loc[("claim-afg", "Delta (2021)", "supports")]
    assert not delta["own"] and delta["basis"] == frozenset({"The Journal"})
    readers = said.loc[("claim-afg", chapter.READERS, "supports")]
    assert readers["evidence_ids"] == ("evi-a4",)
    assert said.loc[("claim-daesh", "Beta (2018)", "supports")]["basis"] == frozenset({"Dawn"})
    voices_of_afg = chapter.voices(s, ["claim-afg"])["voice"].drop_duplicates().to_list()
    assert voices_of_afg == ["Alpha (2012)", "Beta (2018)", "Delta (2021)", chapter.READERS]


def test_agreement_counts_each_origin_once(data: Dataset) -> None:
    s = scope(data)
    table = chapter.explanation_table(s, chapter.explanations(s, TOPICS)).set_index("claim_id")
    # two articles that both credit Dawn: two voices, one origin
    assert table.at["claim-daesh", "supports (voices)"] == 2
    assert table.at["claim-daesh", "supports"] == 1
    assert table.at["claim-daesh", "repeated"]
    # unnamed reports in two articles are not one origin
    assert table.at["claim-india", "supports"] == 2
    assert not table.at["claim-india", "repeated"]
    assert table.at["claim-india", "qualifies"] == 1
    assert table.at["claim-india", "disputes"] == 1
    # three articles and the readers
    assert table.at["claim-afg", "supports"] == 4
    # most independent support first, then the least disputed
    assert list(table.index) == [
        "claim-afg",
        "claim-china",
        "claim-priority",
        "claim-india",
        "claim-daesh",
    ]


def test_voices_named_with_what_they_credit(data: Dataset) -> None:
    s = scope(data)
    table = chapter.explanation_table(s, chapter.explanations(s, TOPICS)).set_index("claim_id")
    assert table.at["claim-afg", "Supported by"] == (
        "{cite:t}`src-a`; {cite:t}`src-b`; {cite:t}`src-d`, after {cite:t}`cit-d-journal`; Readers"
    )
    assert table.at["claim-india", "Disputed by"] == (
        "{cite:t}`src-a`, after the website of the Consulate of X"
    )
    assert table.at["claim-india", "Supported by"].startswith(
        "{cite:t}`src-c`, after unnamed reports"
    )
    assert table.at["claim-afg", "Qualified by"] == "{cite:t}`src-d`"
    assert "{passage}`evi-a1`" in table.at["claim-afg", "Passages"]
    shown = chapter.explanations_shown(table.reset_index())
    assert list(shown.columns) == [
        "Explanation", "Supported by", "Qualified by", "Disputed by", "Independent support",
        "Passages",
    ]  # fmt: skip
    data_table = chapter.explanations_data(table.reset_index())
    assert all(isinstance(v, str) for v in data_table["Supported by"])


def test_echo_sentence(data: Dataset) -> None:
    s = scope(data)
    claims = chapter.explanations(s, TOPICS)
    said = chapter.voices(s, claims.index)
    table = chapter.explanation_table(s, claims)
    shared = chapter.shared_outlets(said)
    assert shared.to_dict("records") == [
        {
            "claim_id": "claim-priority",
            "voices": ("Beta (2018)", "Delta (2021)"),
            "outlets": ("The Tribune",),
        }
    ]
    sentence = chapter.echo_sentence(table, said, data.citations)
    assert sentence.startswith(
        "The agreement on “Daesh in Afghanistan is a shared threat.” rests partly on one origin "
        "repeated, counted once. Beta (2018) and Delta (2021) both credit The Tribune on “Russia "
        "is a priority for Pakistan.”; the rest of what they credit differs, so they count as two."
    )
    assert "Delta (2021) supports four explanations only in passages credited to" in sentence
    alone = chapter.explanation_table(s, claims.loc[["claim-afg"]])
    said_alone = chapter.voices(s, ["claim-afg"])
    assert chapter.echo_sentence(alone, said_alone, data.citations).startswith(
        "No agreement in this selection rests wholly on one origin repeated."
    )
    assert chapter.echo_sentence(table.iloc[0:0], said.iloc[0:0], data.citations) == (
        "No explanation of the chosen topics is voiced in this selection."
    )


def test_top_sentence_and_supporters(data: Dataset) -> None:
    s = scope(data)
    claims = chapter.explanations(s, TOPICS)
    table = chapter.explanation_table(s, claims)
    said = chapter.voices(s, claims.index)
    assert chapter.top_sentence(table) == (
        "The explanation with the most independent support is that “Afghanistan draws them "
        "together.” (four voices for it, none disputing it)."
    )
    assert chapter.top_sentence(table.iloc[0:0]) == (
        "No explanation of the chosen topics is voiced in this selection."
    )
    assert chapter.supporters(said, "claim-china") == "Delta (2021) and the readers"
    assert chapter.supporters(said, "claim-grow") == "nobody in this selection"


# ----------------------------------------------------------------------------------------------
# Figures
# ----------------------------------------------------------------------------------------------


def test_figures_keep_their_text_within_bounds_and_name_their_sources(data: Dataset) -> None:
    s = scope(data)
    found = {f: chapter.passages(s, f) for f in chapter.FACTORS}
    counts = chapter.per_source(s, found)
    assert chapter.sources_drawn(counts) == list(counts.index)
    fig = chapter.per_source_figure(counts, "Source: test.")
    assert texts_outside(fig) == []
    assert "Alpha (2012): 3 on Afghanistan, 0 on China" in chapter.per_source_alt(counts)
    table = chapter.facet_counts(s, found["china"], "china")
    fig = chapter.facets_figure(table, "china")
    assert texts_outside(fig) == []
    assert "Sources: Beta (2018), Gamma (2018) and Delta (2021);" in texts(fig)  # not Alpha
    assert "the SCO: Beta (2018) 1" in chapter.facets_alt(table, "china")
    matrix = chapter.cooccurrence(s.events, list(THEMES))
    fig = chapter.cooccurrence_figure(matrix, "Source: test.")
    assert texts_outside(fig) == []
    assert chapter.cooccurrence_alt(matrix).startswith("Symmetric heat map of 5 themes")


def test_explanations_figure_wraps_labels_in_full(data: Dataset) -> None:
    s = scope(data)
    long_claims = pd.DataFrame(
        {"topic": "afghanistan", "kind": "interpretation", "statement": "x"}, index=["claim-afg"]
    )
    table = chapter.explanation_table(s, chapter.explanations(s, TOPICS))
    statement = (
        "The China-led Shanghai Cooperation Organisation is the platform that brought Pakistan "
        "and Russia closer, and it did so swiftly after 2017."
    )
    table.loc[0, "Explanation"] = statement
    fig = chapter.explanations_figure(table, "Source: test.")
    assert texts_outside(fig) == []
    drawn = " ".join(texts(fig).split())
    assert statement in drawn  # wrapped over lines, never shortened
    assert "..." not in drawn and "…" not in drawn
    assert len(long_claims) == 1
    labels = chapter.explanation_voices_drawn(s, table)
    assert labels == ["Alpha (2012)", "Beta (2018)", "Gamma (2018)", "Delta (2021)"]
    assert "Afghanistan draws them together. 4 for, 1 qualifying, 0 against" in (
        chapter.explanations_alt(table)
    ) or "4 for" in chapter.explanations_alt(table)


# ----------------------------------------------------------------------------------------------
# The empty selection
# ----------------------------------------------------------------------------------------------


def test_an_empty_selection_reads_well(data: Dataset) -> None:
    s = scope(data, start_year=1930, end_year=1940)
    found = {f: chapter.passages(s, f) for f in chapter.FACTORS}
    assert all(f.empty for f in found.values())
    counts = chapter.per_source(s, found)
    assert counts.to_numpy().sum() == 0
    assert chapter.presence_sentence(counts) == (
        "No passage of this selection brings in Afghanistan or China."
    )
    assert chapter.facets_finding(found) == ""  # the sentence before says there is none
    assert chapter.facets_sentence(found["china"], "china") == (
        "No passage of this selection brings in China."
    )
    assert chapter.facet_counts(s, found["china"], "china").empty
    assert chapter.facet_table(s, found["china"], "china").empty
    assert chapter.cooccurrence(s.events, list(THEMES)).empty
    assert chapter.by_decade(s.events).empty
    claims = chapter.explanations(s, TOPICS)
    table = chapter.explanation_table(s, claims)
    said = chapter.voices(s, claims.index)
    assert table.empty and said.empty
    assert chapter.top_sentence(table).startswith("No explanation")
    assert chapter.supporters(said, chapter.CHINA_CLAIM) == "nobody in this selection"
