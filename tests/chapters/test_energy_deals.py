"""The rules of the chapter on energy deals, on a small hand-made dataset: which projects are the
two countries' own, the latest stage, the stories told at several dates, the stated values (never
added), the trade figures and their source line, the figures' text within bounds, and every
computed sentence, the empty selection included."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
import pytest
from support.figure_bounds import texts, texts_outside
from support.handmade import dataset, scope

from helpers.chapters import energy_deals as chapter
from helpers.evidence import Dataset

SOURCES = [
    {"source_id": "src-a", "author": "Ann Alpha", "outlet": "Blog", "published": "2012-03-24"},
    {"source_id": "src-b", "author": "Bo Beta", "outlet": "Daily", "published": "2018"},
    {"source_id": "src-c", "author": "Cy Gamma", "outlet": "Weekly", "published": "2018"},
    {"source_id": "src-d", "author": "Di Delta", "outlet": "Brief", "published": "2021-04-21"},
]
ACTORS = [
    {"actor_id": "act-pk", "name": "Pakistan", "country": "Pakistan"},
    {"actor_id": "act-ru", "name": "Russia", "country": "Russia", "aliases": "Moscow"},
    {"actor_id": "act-su", "name": "Soviet Union", "country": "Soviet Union"},
    {"actor_id": "act-gz", "name": "Gazprom", "country": "Russia"},
    {"actor_id": "act-tj", "name": "Tajikistan", "country": "Tajikistan"},
    {"actor_id": "act-un", "name": "United Nations", "country": ""},
]
DEALS = [
    {
        "deal_id": "deal-pipe",
        "name": "North–South pipeline",
        "sector": "energy",
        "parties": "act-pk;act-ru",
        "value_usd": "2000000000",
        "value_qualifier": "exact",
        "obstacles": "Sanctions.",
    },
    {"deal_id": "deal-lng", "name": "LNG supplies", "sector": "energy", "parties": "act-pk;act-gz"},
    {
        "deal_id": "deal-casa",
        "name": "CASA-1000",
        "sector": "energy",
        "parties": "act-ru;act-tj;act-pk",
    },
    {"deal_id": "deal-refinery", "name": "Oil refinery", "sector": "energy", "parties": "act-ru"},
    {
        "deal_id": "deal-mill",
        "name": "Upgrade of the mill",
        "sector": "industry",
        "parties": "act-ru;act-pk",
    },
    {
        "deal_id": "deal-arms",
        "name": "Soviet arms",
        "sector": "defence",
        "parties": "act-su;act-pk",
    },
]
EVENTS = [
    {
        "event_id": "ev-pipe-agreed",
        "date": "2015-10",
        "date_precision": "month",
        "category": "agreement",
        "themes": "energy",
        "title": "Pipeline agreed",
        "summary": "The two sign.",
        "status": "occurred",
        "deal_id": "deal-pipe",
    },
    {
        "event_id": "ev-lng-agreement",
        "date": "2017-10",
        "date_precision": "month",
        "category": "agreement",
        "themes": "energy",
        "title": "Energy agreement",
        "summary": "It paves the way.",
        "status": "occurred",
        "deal_id": "deal-lng",
    },
    {
        "event_id": "ev-visit",
        "date": "2018-04",
        "date_precision": "month",
        "category": "visit",
        "themes": "diplomacy",
        "title": "A visit",
        "summary": "Someone visits.",
        "status": "occurred",
    },
]
FIGURES = [
    {
        "figure_id": "fig-trade-2003",
        "metric": "trade_turnover",
        "value": "92000000",
        "unit": "USD",
        "year": "2003",
    },
    {
        "figure_id": "fig-trade-2006",
        "metric": "trade_turnover",
        "value": "441000000",
        "unit": "USD",
        "year": "2006",
    },
    {
        "figure_id": "fig-trade-2008",
        "metric": "trade_turnover",
        "value": "630000000",
        "unit": "USD",
        "year": "2008",
    },
    {
        "figure_id": "fig-pipe-value",
        "metric": "deal_value",
        "value": "2000000000",
        "qualifier": "exact",
        "unit": "USD",
        "year": "2015",
        "subject_id": "deal-pipe",
        "label": "Value of the pipeline agreed in October 2015",
    },
    {
        "figure_id": "fig-package-value",
        "metric": "deal_value",
        "value": "10000000000",
        "qualifier": "more_than",
        "unit": "USD",
        "year": "2018",
        "subject_id": "deal-lng",
        "label": "Value of the deals under negotiation in 2018",
    },
]
CLAIMS = [{"claim_id": chapter.TRADE_CLAIM, "topic": "economy", "statement": "Trade is low."}]
CITATIONS = [
    {
        "citation_id": "cit-web",
        "source_id": "src-a",
        "kind": "website",
        "cited_outlet": "Consulate of X",
    },
    {
        "citation_id": "cit-paper",
        "source_id": "src-d",
        "kind": "article",
        "cited_outlet": "Dawn",
        "cited_date": "2021-04-08",
    },
]


def evi(i: str, source: str, subject: str, status: str = "", **more: str) -> dict[str, str]:
    return {
        "evidence_id": f"evi-{i}",
        "source_id": source,
        "subject_id": subject,
        "quote": f"quote {i}",
        "speaker": "author",
        "voice": "author",
        "stance": more.pop("stance", "reports"),
        "reported_status": status,
        **more,
    }


EVIDENCE = [
    evi("p1", "src-b", "deal-pipe", "stalled"),
    evi("p2", "src-d", "deal-pipe", "named"),
    evi("p3", "src-d", "deal-pipe"),
    evi("p4", "src-b", "ev-pipe-agreed"),
    evi("l1", "src-b", "deal-lng", "interest"),
    evi("l2", "src-b", "ev-lng-agreement"),
    evi("c1", "src-d", "deal-casa", "interest", origins="cit-paper"),
    evi("r1", "src-b", "deal-refinery", "negotiation"),
    evi("r2", "src-c", "deal-refinery", "interest"),
    evi("m1", "src-c", "deal-mill"),
    evi("a1", "src-c", "deal-arms", "delivered"),
    evi("t1", "src-a", "fig-trade-2003", origins="cit-web"),
    evi("t2", "src-a", "fig-trade-2006", origins="cit-web"),
    evi("t3", "src-a", "fig-trade-2008", origins="cit-web"),
    evi("v1", "src-b", "fig-pipe-value"),
    evi("v2", "src-b", "fig-package-value"),
    evi("j1", "src-c", chapter.TRADE_CLAIM, stance="supports"),
    evi("e1", "src-c", "ev-visit"),
]


@pytest.fixture(scope="module")
def data() -> Dataset:
    return dataset(
        sources=SOURCES,
        actors=ACTORS,
        deals=DEALS,
        events=EVENTS,
        figures=FIGURES,
        claims=CLAIMS,
        evidence=EVIDENCE,
        citations=CITATIONS,
    )


@pytest.fixture(autouse=True)
def close_figures() -> None:
    yield
    plt.close("all")


COUNTRIES = {a["actor_id"]: a["country"] for a in ACTORS}

# ----------------------------------------------------------------------------------------------
# Which projects
# ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("parties", "expected"),
    [
        (("act-pk", "act-ru"), "bilateral"),
        (("act-pk", "act-gz"), "bilateral"),  # a Russian company stands for Russia
        (("act-su", "act-pk"), "bilateral"),  # the Soviet Union for Russia
        (("act-ru", "act-tj", "act-pk"), "regional"),  # CASA-1000: with third countries
        (("act-ru", "act-pk", "act-un"), "regional"),  # a party of no country is a third party
        (("act-ru",), "one side"),
        (("act-pk", "act-tj"), "one side"),
        ((), "one side"),
    ],
)
def test_standing_of_a_project(parties: tuple[str, ...], expected: str) -> None:
    assert chapter.standing(parties, COUNTRIES) == expected


def test_standing_in_words() -> None:
    def row(parties: tuple[str, ...]) -> pd.Series:
        return pd.Series({"parties": parties, "standing": chapter.standing(parties, COUNTRIES)})

    assert chapter.standing_words(row(("act-pk", "act-ru")), COUNTRIES) == "Pakistan and Russia"
    assert "third countries" in chapter.standing_words(
        row(("act-ru", "act-tj", "act-pk")), COUNTRIES
    )
    assert chapter.standing_words(row(("act-ru",)), COUNTRIES) == "Russian side only"
    assert chapter.standing_words(row(("act-tj",)), COUNTRIES) == "no side named"


def test_projects_of_the_chosen_sectors_the_two_countries_own_first(data: Dataset) -> None:
    projects = chapter.projects(scope(data), ("energy", "industry"))
    assert list(projects.index) == [
        "deal-pipe",
        "deal-lng",
        "deal-mill",
        "deal-casa",
        "deal-refinery",
    ]
    assert list(chapter.of_the_two(projects).index) == ["deal-pipe", "deal-lng", "deal-mill"]
    assert "deal-arms" in chapter.projects(scope(data), ("all",)).index
    assert list(chapter.projects(scope(data), ("industry",)).index) == ["deal-mill"]


def test_sector_words() -> None:
    assert chapter.sector_words(("energy", "industry")) == "energy or industry"
    assert chapter.sector_words(("all",)) == "energy, defence or industry"


# ----------------------------------------------------------------------------------------------
# Stage
# ----------------------------------------------------------------------------------------------


def test_a_later_mention_without_a_stage_does_not_undo_a_stage(data: Dataset) -> None:
    latest = chapter.latest_status(scope(data), ["deal-pipe"])
    assert latest.at["deal-pipe", "status"] == "stalled"
    assert latest.at["deal-pipe", "sources"] == "Beta (2018)"
    assert latest.at["deal-pipe", "later"] == "Delta (2021)"
    words = chapter.latest_words(latest, "deal-pipe")
    assert words == "agreed, then held up (Beta (2018)); mentioned without a stage by Delta (2021)"


def test_only_a_mention_gives_named(data: Dataset) -> None:
    latest = chapter.latest_status(scope(data, sources=["src-d"]), ["deal-pipe"])
    assert latest.at["deal-pipe", "status"] == "named"
    assert latest.at["deal-pipe", "later"] == ""


def test_sources_of_one_year_are_equally_new(data: Dataset) -> None:
    latest = chapter.latest_status(scope(data), ["deal-refinery"])
    assert latest.at["deal-refinery", "status"] == "interest / negotiation"
    assert latest.at["deal-refinery", "sources"] == "Beta (2018) and Gamma (2018)"
    assert chapter.stage_words("interest / negotiation") == "interest shown or under negotiation"


def test_no_stage_reported(data: Dataset) -> None:
    latest = chapter.latest_status(scope(data), ["deal-mill"])
    assert latest.at["deal-mill", "status"] == ""
    assert chapter.latest_words(latest, "deal-mill") == "no stage reported"
    assert chapter.furthest(latest) == ""


def test_delivered_and_furthest(data: Dataset) -> None:
    s = scope(data)
    latest = chapter.latest_status(s, ["deal-pipe", "deal-lng", "deal-arms"])
    assert list(chapter.delivered(latest)) == ["deal-arms"]
    assert chapter.furthest(latest) == "delivered"
    assert chapter.furthest(latest.drop(index="deal-arms")) == "stalled"


def test_furthest_sentence(data: Dataset) -> None:
    s = scope(data)
    proper = chapter.proper_words(data)
    projects = chapter.projects(s, ("energy", "industry"))
    latest = chapter.latest_status(s, projects.index)
    sentence = chapter.furthest_sentence(latest, projects, proper)
    assert sentence == (
        "None is reported as built, delivered or working; the furthest stage any reached is "
        "“agreed, then held up”, for the North–South pipeline."
    )
    everything = chapter.projects(s, ("all",))
    delivered = chapter.furthest_sentence(
        chapter.latest_status(s, everything.index), everything, proper
    )
    assert delivered == "The articles report as delivered only the Soviet arms."
    mill = projects.loc[["deal-mill"]]
    unstaged = chapter.furthest_sentence(latest.loc[["deal-mill"]], mill, proper)
    assert unstaged == "No source in this selection says where any of them stands."
    empty = projects.iloc[0:0]
    assert chapter.furthest_sentence(latest.iloc[0:0], empty, proper) == (
        "No project of the chosen sectors is attested in this selection."
    )


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Upgrade of the mill", "upgrade of the mill"),
        ("Soviet arms", "Soviet arms"),  # the first word of an actor's name
        ("Moscow talks", "Moscow talks"),  # an alias
        ("LNG supplies", "LNG supplies"),
        ("CASA-1000 project", "CASA-1000 project"),
        ("North–South pipeline", "North–South pipeline"),
        ("'Special equipment' for police", "'special equipment' for police"),
    ],
)
def test_a_name_inside_a_sentence(data: Dataset, name: str, expected: str) -> None:
    assert chapter.in_sentence(name, chapter.proper_words(data)) == expected


def test_status_grid_draws_only_what_is_reported(data: Dataset) -> None:
    s = scope(data)
    projects = chapter.projects(s, ("energy", "industry"))
    grid = chapter.status_grid(s, projects)
    assert "deal-mill" not in grid.index  # no stage in any source
    assert list(grid.columns) == ["Beta (2018)", "Gamma (2018)", "Delta (2021)"]
    assert grid.at["deal-pipe", "Delta (2021)"] == "named"
    assert chapter.drawn_labels(s, grid) == list(grid.columns)
    fig = chapter.status_figure(s, grid, projects)
    assert "Sources: Beta (2018), Gamma (2018) and Delta (2021)" in texts(fig)
    assert "Alpha" not in texts(fig)
    assert texts_outside(fig) == []
    alt = chapter.status_alt(grid, projects)
    assert "North–South pipeline: agreed, then held up in Beta (2018), named, no stage" in alt


# ----------------------------------------------------------------------------------------------
# History
# ----------------------------------------------------------------------------------------------


def test_history_tells_projects_reported_at_two_or_more_dates(data: Dataset) -> None:
    s = scope(data)
    projects = chapter.projects(s, ("energy", "industry"))
    story = chapter.history(s, projects)
    # the refinery is reported twice, but in one year: no story
    assert list(dict.fromkeys(story["deal_id"])) == ["deal-pipe", "deal-lng"]
    pipe = story[story["deal_id"] == "deal-pipe"]
    assert list(pipe["Date"]) == [
        "October 2015",
        "as of 2018",
        "as of 21 April 2021",
        "as of 21 April 2021",
    ]
    assert list(pipe["Stage"]) == ["", "agreed, then held up", "named, no stage given", ""]
    assert "Pipeline agreed" in pipe.iloc[0]["What is reported"]
    assert "evi-p4" in pipe.iloc[0]["Passages"]
    assert set(story["Project"]) == {"North–South pipeline", "LNG supplies"}


def test_history_of_one_source_without_an_earlier_step_is_empty(data: Dataset) -> None:
    s = scope(data, sources=["src-d"])
    story = chapter.history(s, chapter.projects(s, ("energy", "industry")))
    assert story.empty
    assert list(story.columns) == chapter.HISTORY_COLUMNS


# ----------------------------------------------------------------------------------------------
# Value
# ----------------------------------------------------------------------------------------------


def test_stated_values_come_from_selected_sources(data: Dataset) -> None:
    s = scope(data)
    projects = chapter.projects(s, ("energy", "industry"))
    values = chapter.stated_values(s, projects)
    assert list(values.index) == ["fig-package-value", "fig-pipe-value"]  # largest first
    assert chapter.values_of(values, "deal-pipe") == "$2 billion"
    assert chapter.values_of(values, "deal-casa") == ""
    only_d = scope(data, sources=["src-d"])
    assert chapter.stated_values(only_d, chapter.projects(only_d, ("energy",))).empty


def test_values_are_never_added_up(data: Dataset) -> None:
    s = scope(data)
    values = chapter.stated_values(s, chapter.projects(s, ("energy", "industry")))
    sentence = chapter.values_sentence(values)
    assert sentence == (
        "The stated sums are more than $10 billion for the deals under negotiation in 2018 and "
        "$2 billion for the pipeline agreed in October 2015. They are not added up: the "
        "articles do not say whether one includes another."
    )
    assert "12 billion" not in sentence
    one = chapter.values_sentence(values.iloc[1:])
    assert one == "The one stated sum is $2 billion for the pipeline agreed in October 2015."
    assert chapter.values_sentence(values.iloc[0:0]) == (
        "No source of this selection states the value of a project."
    )


def test_what_a_value_is_of() -> None:
    assert chapter.valued_thing("Value of the pipeline") == "the pipeline"
    assert chapter.valued_thing("Price paid for gas") == "price paid for gas"


def test_value_figure_wraps_its_notes_and_names_its_sources(data: Dataset) -> None:
    s = scope(data)
    projects = chapter.projects(s, ("energy", "industry"))
    latest = chapter.latest_status(s, projects.index)
    values = chapter.stated_values(s, projects)
    line = chapter.value_source_line(s, values, latest)
    assert line.startswith("Sources: Beta (2018) and Delta (2021);")  # Delta: the later mention
    fig = chapter.value_figure(values, latest, line)
    assert texts_outside(fig) == []
    assert "…" not in texts(fig) and "..." not in texts(fig)
    notes = [t.get_text() for t in fig.axes[0].texts]
    assert any("Delta (2021)" in n for n in notes)
    assert all(len(line) <= chapter.LABEL_WIDTH for n in notes for line in n.split("\n"))
    alt = chapter.value_alt(values, latest)
    assert "North–South pipeline, $2 billion, agreed, then held up" in alt


# ----------------------------------------------------------------------------------------------
# Trade
# ----------------------------------------------------------------------------------------------


def test_trade_sentence_for_three_one_and_no_figures(data: Dataset) -> None:
    trade = chapter.trade(scope(data))
    assert list(trade["year"]) == [2003, 2006, 2008]
    assert chapter.growth(trade) == pytest.approx(630 / 92)
    assert chapter.trade_sentence(trade) == (
        "Two-way trade was $92 million in 2003, $441 million in 2006 and $630 million in 2008: "
        "6.8 times the first figure five years later."
    )
    assert chapter.growth(trade.iloc[:1]) is None
    assert chapter.trade_sentence(trade.iloc[:1]) == "The one trade figure is $92 million in 2003."
    later = chapter.trade(scope(data, start_year=2015))
    assert later.empty
    assert chapter.trade_sentence(later) == "No source in this selection gives a trade figure."


def test_trade_figure_has_a_true_time_axis_and_credits_the_website(data: Dataset) -> None:
    s = scope(data)
    trade = chapter.trade(s)
    line = chapter.credited_source_line(s, trade.index)
    assert line == (
        "Source: Alpha (2012), citing the website of the Consulate of X; "
        "data: this book's evidence table."
    )
    fig = chapter.trade_figure(trade, line)
    ax = fig.axes[0]
    assert sorted(round(p.get_x() + p.get_width() / 2) for p in ax.patches) == [2003, 2006, 2008]
    assert [t.get_text() for t in ax.get_xticklabels()] == [str(y) for y in range(2002, 2010)]
    assert texts_outside(fig) == []
    assert chapter.trade_alt(trade) == (
        "Bars at their years on a time axis, of two-way trade in US dollars: "
        "2003: $92 million, 2006: $441 million and 2008: $630 million."
    )


def test_credited_source_line_of_other_citations_and_of_nothing(data: Dataset) -> None:
    s = scope(data)
    assert chapter.credited_source_line(s, ["deal-casa"]).startswith(
        "Source: Delta (2021), citing Dawn (2021);"
    )
    assert chapter.credited_source_line(s, ["deal-refinery"]).startswith(
        "Sources: Beta (2018) and Gamma (2018);"
    )
    assert chapter.credited_source_line(s, []) == ""


def test_judgements_of_trade(data: Dataset) -> None:
    table = chapter.judgements_table(scope(data))
    assert list(table["Who"]) == ["Gamma (2018)"]
    assert list(table["Stance"]) == ["supports"]
    assert "{passage}`evi-j1`" in table.iloc[0]["Passage"]
    assert chapter.judgements_table(scope(data, sources=["src-a"])).empty


# ----------------------------------------------------------------------------------------------
# Tables
# ----------------------------------------------------------------------------------------------


def test_projects_table(data: Dataset) -> None:
    s = scope(data)
    projects = chapter.projects(s, ("energy", "industry"))
    latest = chapter.latest_status(s, projects.index)
    values = chapter.stated_values(s, projects)
    table = chapter.projects_table(s, projects, latest, values)
    assert list(table["Sides"]) == [
        "Pakistan and Russia",
        "Pakistan and Russia",
        "Pakistan and Russia",
        "Pakistan and Russia, with third countries",
        "Russian side only",
    ]
    assert table.iloc[0]["Value"] == "$2 billion"
    assert table.iloc[1]["Value"] == "more than $10 billion"
    assert table.iloc[0]["Parties named"] == "Pakistan, Russia"
    assert "evi-p1" in table.iloc[0]["Passages"]
    data_table = chapter.projects_data(projects, latest)
    assert data_table.at["deal-pipe", "latest_status"] == "stalled"
    assert "standing" in data_table.columns


def test_energy_events_and_their_dates(data: Dataset) -> None:
    s = scope(data)
    events = chapter.energy_events(s)
    assert list(events.index) == ["ev-pipe-agreed", "ev-lng-agreement"]
    table = chapter.events_table(s, events)
    assert list(table["Date"]) == ["October 2015", "October 2017"]
    assert "**Pipeline agreed.**" in table.iloc[0]["Event"]


# ----------------------------------------------------------------------------------------------
# The empty selection
# ----------------------------------------------------------------------------------------------


def test_an_empty_selection_reads_well(data: Dataset) -> None:
    s = scope(data, start_year=1930, end_year=1940)
    projects = chapter.projects(s, ("energy", "industry"))
    latest = chapter.latest_status(s, projects.index)
    values = chapter.stated_values(s, projects)
    assert projects.empty and latest.empty and values.empty
    assert chapter.history(s, projects).empty
    assert chapter.status_grid(s, projects).empty
    assert chapter.energy_events(s).empty
    assert chapter.projects_table(s, projects, latest, values).empty
    assert chapter.furthest_sentence(latest, projects, chapter.proper_words(data)).startswith(
        "No project"
    )
    assert chapter.values_sentence(values).startswith("No source")
    assert chapter.trade_sentence(chapter.trade(s)).startswith("No source")
