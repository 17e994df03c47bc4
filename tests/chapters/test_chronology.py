"""The rules of the chronology on a small hand-made record (:mod:`support.relations`): which
events are placed, the one date label and the sources' disagreements on dates, the key events,
the phases, decades and themes, the years each source covers, the gap runs, the density near
publication, the figures (a true time axis broken visibly, text within bounds, a source line
naming only the sources drawn), every computed sentence, the empty selection included, and the
later record drawn as a layer of its own on the time line, or not at all, and never counted."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
import pytest
from matplotlib.collections import PathCollection
from support.figure_bounds import texts, texts_outside
from support.handmade import scope
from support.relations import DESILVA, FERNANDEZ, FORWARD, RIZVI, relations

from helpers.chapters import chronology as chapter
from helpers.chapters import common
from helpers.evidence import Dataset
from helpers.evidence.quotes import Seed
from helpers.evidence.vocabularies import THEMES
from helpers.render import words
from helpers.render.timeline import LATER_COLOUR


@pytest.fixture(scope="module")
def data() -> Dataset:
    return relations()


@pytest.fixture(scope="module")
def events(data: Dataset) -> pd.DataFrame:
    return chapter.placed(scope(data))


def test_placed_events_are_dated_in_scope_and_of_the_chosen_categories(data: Dataset) -> None:
    everything = scope(data)
    placed = chapter.placed(everything)
    assert "ev-unsc-vote" not in placed.index
    assert list(chapter.undated(everything).index) == ["ev-unsc-vote"]
    assert list(placed["start"]) == sorted(placed["start"])
    visits = chapter.placed(everything, ("visit",))
    assert set(visits["category"]) == {"visit"}
    recent = chapter.placed(scope(data, start_year=2015))
    assert recent["end_year"].min() >= 2015
    assert chapter.undated(scope(data, start_year=2015)).empty
    assert chapter.placed(scope(data, start_year=1930, end_year=1940)).empty


def test_one_date_label_for_events(data: Dataset, events: pd.DataFrame) -> None:
    disputed = chapter.date_disputed(scope(data))
    assert disputed == {"ev-1980s-soviet-afghan-war", "ev-2018-bajwa-moscow-visit"}
    labels = chapter.date_labels(events, disputed)
    assert labels["ev-1950s-cold-war-alignments"] == "the 1950s"
    assert labels["ev-2012-military-cooperation-talks"] == "by March 2012"
    assert labels["ev-2012-putin-visit-planned"] == "September 2012 (planned)"
    assert labels["ev-2016-first-joint-exercise"] == "24 September – 10 October 2016"
    assert labels["ev-2018-bajwa-moscow-visit"] == f"24 April 2018; {words.SOURCES_DIFFER}"
    assert repr(labels["ev-1968-soviet-equipment"]) == "1968–1969"  # shows inline as it reads


def test_the_story_dates_read_as_attributes_and_say_undated_when_missing(data: Dataset) -> None:
    whole = chapter.record(data)
    dates = chapter.story_dates(whole)
    assert dates.musharraf == "February 2003"
    assert dates.afghan_war.endswith(words.SOURCES_DIFFER)
    assert dates.lavrov == "undated"  # not in the small record
    plain = chapter.story_dates(whole, marked=False)
    assert plain.putin_planned == "September 2012"
    assert plain.afghan_war == "the 1980s – 15 February 1989"
    with pytest.raises(AttributeError):
        _ = dates.nothing


def test_versions_count_only_the_dates_a_passage_gives_of_its_own(data: Dataset) -> None:
    whole = chapter.record(data)
    bajwa = chapter.own_dates(whole, "ev-2018-bajwa-moscow-visit")
    # two passages say nothing of the date: they are no version
    assert list(bajwa["date"]) == ["25 March 2018", "24 April 2018"]
    assert list(bajwa["who"]) == ["photo caption, Forward (2018)", "Forward (2018)"]
    versions = chapter.story_versions(whole)
    assert versions.afghan_war == "1979 (Delta (2021)) and the 1980s (Alpha (2012))"
    assert set(versions) == {"afghan_war", "bajwa"}


def test_the_disputed_dates_table_links_each_version(data: Dataset, events: pd.DataFrame) -> None:
    everything = scope(data)
    versions = chapter.disputed_dates(everything, events)
    assert set(versions["event_id"]) == {"ev-1980s-soviet-afghan-war", "ev-2018-bajwa-moscow-visit"}
    table = chapter.disputed_table(everything, versions, events)
    war = table.iloc[0]
    assert war["In this book"] == "the 1980s – 15 February 1989"
    assert war["The passages' dates"].startswith("**1979**: Delta \\(2021\\), passage {ref}`")
    assert "<evi-pr-002>" in war["The passages' dates"]
    one = scope(data, sources=[RIZVI])
    assert chapter.disputed_table(one, chapter.disputed_dates(one, events), events).empty


def test_leaders_are_heads_of_state_or_government_of_the_two_sides(data: Dataset) -> None:
    assert chapter.leaders(data.actors) == {"act-pres", "act-primo", "act-imran"}  # not Nixon


def test_key_events_are_leaders_meetings_firsts_and_landmarks(
    data: Dataset, events: pd.DataFrame
) -> None:
    key = chapter.key_events(scope(data), events)
    assert dict(key["why"]) == {
        "ev-2003-musharraf-moscow": "landmark, leaders",
        "ev-2007-fradkov-visit": "leaders",
        "ev-2012-putin-visit-planned": "first, leaders",
        "ev-2014-military-cooperation-agreement": "landmark",
        "ev-2021-lavrov-imran-khan-meeting": "leaders",
    }
    # a meeting with a leader of a third state, and periods, are never key events
    assert "ev-1970s-nixon" not in key.index
    twice = pd.concat(
        [events, events.loc[["ev-2007-fradkov-visit"]].rename(index=lambda i: i + "-x")]
    )
    assert len(chapter.key_events(scope(data), twice)) == len(key)  # reported alike: once
    capped = chapter.key_events(scope(data), events, most=2)
    assert list(capped.index) == ["ev-2003-musharraf-moscow", "ev-2012-putin-visit-planned"]
    assert chapter.key_events(scope(data), events.iloc[0:0]).empty


def test_phases_hold_the_events_that_start_in_them(data: Dataset, events: pd.DataFrame) -> None:
    assert chapter.phase_of(1964) == "Cold War rivals"
    assert chapter.phase_of(1990) == "A reset that failed"
    assert chapter.phase_of(2014) == "From diplomacy to defence"
    assert chapter.phase_of(1900) == ""
    everything = scope(data)
    table = chapter.phases_table(everything, events, chapter.key_events(everything, events))
    first = table.iloc[0]
    assert (first["Phase"], first["Years"], first["Dated events"]) == (
        "Cold War rivals",
        "1947–1964",
        2,
    )
    assert (
        first["Marked by"]
        == "1948: 1948 diplomatic relations · the 1950s: 1950s cold war alignments"
    )
    assert first["Dated by"] == "Beta (2018): 2"
    assert table.iloc[-1]["Years"] == "2021"  # the last phase ends with the record
    assert "A reset that failed" not in set(table["Phase"])  # no event starts in it
    assert chapter.phases_table(everything, events.iloc[0:0], events.iloc[0:0]).empty


def test_decades_and_themes(data: Dataset, events: pd.DataFrame) -> None:
    matrix = chapter.decade_matrix(events, ["cold_war", "defence", "united_states"])
    assert list(matrix.index) == ["Cold War", "defence", "United States"]
    assert matrix.at["Cold War", "1980s"] == 2
    table = chapter.periods_table(scope(data), events, ["cold_war", "defence"])
    sixties = table[table["Decade"] == "the 1960s"].iloc[0]
    assert sixties["Dated events"] == 2
    assert sixties["Leading themes"] == "Cold War (2), defence (1)"
    assert sixties["Kinds of event"] == "delivery, period"
    assert chapter.periods_table(scope(data), events.iloc[0:0], ["defence"]).empty
    assert chapter.themes_present(events, ["sanctions", "energy"]) == ["sanctions"]


def test_the_years_an_event_names(events: pd.DataFrame) -> None:
    named = chapter.named_years(events)
    assert named["ev-1950s-cold-war-alignments"] == []  # a decade names no year
    assert named["ev-1980s-soviet-afghan-war"] == [1989]  # its end is a day
    assert named["ev-1980s-mutual-accusations"] == []  # '1999' only closes the 1990s
    assert named["ev-1965-soviet-balanced-approach"] == [1965, 1970]  # not the years between
    assert 1967 not in chapter.covered_years(events)


def test_gap_runs() -> None:
    assert chapter.gap_runs([2000, 2004, 2005, 2009], 2000, 2012) == [
        (2001, 2003),
        (2006, 2008),
        (2010, 2012),
    ]
    assert chapter.gap_runs([2000, 2003], 2000, 2003) == []  # two years are not a gap
    assert chapter.gap_runs([], 2000, 2001, minimum=2) == [(2000, 2001)]
    assert chapter.gap_runs([2000], 2000, 2000) == []


def test_gaps_of_a_selection_and_how_they_are_told(data: Dataset, events: pd.DataFrame) -> None:
    runs = chapter.gaps(events, 1947, 2021)
    assert runs[:2] == [(1949, 1964), (1971, 1988)]
    told = chapter.periods_in_gaps(events, runs)
    assert "ev-1950s-cold-war-alignments" in told.index
    assert chapter.gaps(events.iloc[0:0], 1947, 2021) == []
    sentence = chapter.gap_sentence(events, 1947, 2021)
    assert (
        "From 1948 to 2021\\, no dated event of the selection names a year in 1949–1964" in sentence
    )
    assert "the longest silence lasts 18 years \\(1971–1988\\)" in sentence
    assert "periods\\: four events dated only to a decade" in sentence
    recent = chapter.placed(scope(data, start_year=2016))
    assert "every stretch of three years" in chapter.gap_sentence(recent, 2016, 2021)
    assert chapter.gap_sentence(events.iloc[0:0], 1930, 1940).startswith("With no dated event")


def test_events_near_publication(data: Dataset, events: pd.DataFrame) -> None:
    everything = scope(data)
    assert chapter.publication_years(everything) == [2012, 2018, 2021]
    assert chapter.near_years(everything) == [2011, 2012, 2017, 2018, 2020, 2021]
    near = chapter.near_publication(events, [2018])
    assert near["ev-2018-bajwa-moscow-visit"] and near["ev-2017-helicopter-delivery"]
    assert not near["ev-2016-first-joint-exercise"]


def test_coverage_by_source(data: Dataset, events: pd.DataFrame) -> None:
    everything = scope(data)
    table = chapter.coverage(everything, events)
    assert list(table.index) == [DESILVA, RIZVI, FORWARD, FERNANDEZ]
    desilva = table.loc[DESILVA]
    assert (desilva["events"], desilva["first_year"], desilva["last_year"]) == (6, 1989, 2012)
    assert desilva["near_publication"] == 2  # the talks and the planned visit of 2012
    shown = chapter.coverage_table(table)
    assert shown.at[1, "Genre"] == "opinion piece"
    assert shown.at[0, "Published"] == "24 March 2012"
    assert shown.at[0, "Near its publication"] == "2 of 4 (50%)"
    empty = chapter.coverage(scope(data, start_year=1930, end_year=1940), events.iloc[0:0])
    assert set(chapter.coverage_table(empty)["Years of its events"]) == {"none"}


def test_findings_of_the_record_and_of_an_empty_selection(data: Dataset) -> None:
    found = chapter.findings(chapter.record(data))
    assert (found.events, found.undated, found.first_year, found.last_year) == (23, 1, 1948, 2021)
    assert found.near_years == "2011–2012, 2017–2018 and 2020–2021"
    assert found.longest_gap == 18 and found.longest_gap_years == "1971–1988"
    assert found.top_decade == "the 2010s"
    assert found.date_disputes == 2 and found.planned == 2 and found.inferred == 1
    assert found.date_disputes_words == "two"
    with pytest.raises(AttributeError):
        _ = found.first_year_words_words
    nothing = chapter.findings(scope(data, start_year=1930, end_year=1940))
    assert nothing.events == 0 and nothing.gaps == "none"


def test_the_reach_of_each_article_by_its_name(data: Dataset) -> None:
    reach = chapter.reaches(chapter.record(data))
    assert reach.desilva.first == 1989 and reach.fernandez.last == 2021
    assert "qureshi" not in reach  # not in the small record
    with pytest.raises(AttributeError):
        _ = reach.qureshi


def test_selection_sentence(data: Dataset) -> None:
    whole = chapter.record(data)
    full = chapter.selection_sentence(scope(data, start_year=1947, end_year=2021), whole)
    assert full.startswith("The figures and tables below draw on all four articles")
    one = chapter.selection_sentence(
        scope(data, sources=[FERNANDEZ], start_year=1947, end_year=2021), whole
    )
    assert "narrowed to Delta \\(2021\\)\\: they place" in one
    assert "the years" not in one
    years = chapter.selection_sentence(scope(data, start_year=2015, end_year=2021), whole)
    assert "narrowed to the years 2015–2021\\:" in years
    kinds = chapter.selection_sentence(
        scope(data, start_year=1947, end_year=2021), whole, ("visit",)
    )
    assert "the chosen kinds of event" in kinds
    empty = chapter.selection_sentence(scope(data, start_year=1930, end_year=1940), whole)
    assert empty.startswith("No dated event of this selection falls between 1930 and 1940")


def test_events_table_names_sources_and_links_passages(data: Dataset, events: pd.DataFrame) -> None:
    everything = scope(data)
    table = chapter.events_table(everything, events, chapter.date_disputed(everything))
    row = table.iloc[list(events.index).index("ev-2018-bajwa-moscow-visit")]
    assert row["Themes"] == "defence, diplomacy"
    assert row["Sources"].startswith("{cite:t}`src-an-2018`, passages {ref}`")
    assert "aq-" not in row["Sources"].split("<")[0]
    data_frame = chapter.events_data(everything, events, set())
    assert {"event_id", "date_label", "sources", "evidence"} <= set(data_frame.columns)
    assert chapter.undated_note(scope(data)) == "Every event of this selection is dated."
    assert chapter.undated_note(scope(data, start_year=2015)).startswith(
        "Undated events are listed"
    )


def test_passages_are_numbered_in_reading_order(data: Dataset) -> None:
    everything = scope(data)
    # without seeds, the passages of an article keep the order of the table
    links = common.passage_links(data, ["evi-pf-007", "evi-pf-006"])
    assert links == "passages {ref}`6 <evi-pf-006>`, {ref}`7 <evi-pf-007>`"
    seeded = relations()
    quotes = seeded.evidence[seeded.evidence["source_id"] == FORWARD]["quote"]
    seeded.seeds[FORWARD] = Seed(" ... ".join(reversed(list(quotes))))
    assert common.passage_numbers(seeded, [FORWARD])["evi-pf-008"] == 1
    assert common.attribution(everything, []) == ""


def test_time_line_is_a_true_axis_broken_visibly_with_its_key_events(
    data: Dataset, events: pd.DataFrame
) -> None:
    everything = scope(data)
    key = chapter.key_events(everything, events)
    fig = chapter.timeline_chart(
        events, ["diplomacy", "defence", "cold_war"], key, title="T", source="Source: S."
    )
    assert len(fig.axes) == 2  # the two sides of the break
    left, right = (ax.get_xlim() for ax in fig.axes)
    assert left[1] == right[0] == chapter.SPLIT_YEAR
    text = texts(fig)
    assert "axis broken" in text and "the axis breaks at 2000" in text
    assert "February 2003: President visits Moscow" in text  # the key, with its date
    assert "…" not in text and "..." not in text
    assert texts_outside(fig) == []
    plt.close(fig)
    recent = chapter.placed(scope(data, start_year=2014))
    fig = chapter.timeline_chart(recent, ["defence"], recent.iloc[0:0], title="T", source="S")
    assert len(fig.axes) == 1 and "axis broken" not in texts(fig)
    assert texts_outside(fig) == []
    plt.close(fig)


def test_coverage_chart_shows_the_gaps(data: Dataset, events: pd.DataFrame) -> None:
    everything = scope(data)
    runs = chapter.gaps(events, 1947, 2021)
    fig = chapter.coverage_chart(everything, events, runs, title="T", source="Source: S.")
    assert "no dated event" in texts(fig)
    assert [t.get_text() for t in fig.axes[0].get_yticklabels()] == [
        "Alpha (2012)",
        "Beta (2018)",
        "Forward (2018)",
        "Delta (2021)",
    ]
    assert texts_outside(fig) == []
    plt.close(fig)
    alt = chapter.coverage_alt(chapter.coverage(everything, events), runs)
    assert "Alpha (2012) reports events in 4 years from 1989 to 2012" in alt
    assert "Runs of years with no dated event: 1949–1964, 1971–1988" in alt


def test_figure_source_names_only_the_sources_drawn(data: Dataset) -> None:
    everything = scope(data)
    assert chapter.figure_source(everything, ["ev-1970s-nixon"]).startswith("Source: Delta (2021);")
    assert chapter.figure_source(everything, []) == ""


def test_alt_texts(data: Dataset, events: pd.DataFrame) -> None:
    key = chapter.key_events(scope(data), events)
    alt = chapter.timeline_alt(events, ["diplomacy", "cold_war"], key)
    assert alt.startswith("Time line of 23 dated events from 1948 to 2021")
    assert "the axis broken at 2000" in alt and "Five key events numbered: President visits" in alt
    recent = chapter.placed(scope(data, start_year=2015))
    assert "broken" not in chapter.timeline_alt(recent, ["defence"], recent.iloc[0:0])
    matrix = chapter.decade_matrix(events, ["cold_war", "defence"])
    assert chapter.decade_alt(matrix).startswith("Heat map of 2 themes by")


# -- the later record on the time line ---------------------------------------------------------


@pytest.fixture(scope="module")
def later_data() -> Dataset:
    return relations(later=True)


def hollow_marks(fig: plt.Figure) -> set[tuple[float, float]]:
    """Where the figure draws hollow marks (white inside); each panel draws every mark and
    shows those within its years, so a mark counts once."""
    return {
        (float(x), float(y))
        for ax in fig.axes
        for c in ax.collections
        if isinstance(c, PathCollection) and len(c.get_facecolor())
        if (c.get_facecolor()[:, :3] == 1).all()
        for x, y in c.get_offsets()
    }


def test_the_later_layer_follows_the_chosen_themes_and_the_switch(later_data: Dataset) -> None:
    every = chapter.later_layer(later_data, tuple(THEMES))
    assert list(every.index) == ["later-lavrov-again", "later-pipe-stalled", "later-ties-judged"]
    assert list(chapter.later_layer(later_data, ["energy"]).index) == ["later-pipe-stalled"]
    assert chapter.later_layer(later_data, tuple(THEMES), drawn=False).empty
    assert chapter.later_layer(relations(), tuple(THEMES)).empty  # no later record


def test_the_later_layer_is_a_row_of_its_own_in_hollow_marks(
    later_data: Dataset, events: pd.DataFrame
) -> None:
    everything = scope(later_data)
    key = chapter.key_events(everything, events)
    later = chapter.later_layer(later_data, tuple(THEMES))
    themes = ["diplomacy", "defence", "cold_war"]
    fig = chapter.timeline_chart(events, themes, key, title="T", source="Source: S.", later=later)
    ticks = fig.axes[0].get_yticklabels()
    assert [t.get_text() for t in ticks] == ["diplomacy", "defence", "Cold War", "later record"]
    assert ticks[-1].get_color() == LATER_COLOUR
    marks = hollow_marks(fig)
    assert len(marks) == len(later) and {y for _, y in marks} == {3}  # the last row
    assert fig.axes[-1].get_xlim()[1] > 2025  # the axis reaches the later years
    text = texts(fig)
    assert "later record: what publications after the five articles report" in text
    assert "not their evidence" in text
    assert "Later record: 3 rows from 1 outlet published after the articles" in text
    assert texts_outside(fig) == []
    plt.close(fig)


def test_without_the_later_layer_the_time_line_is_the_articles_alone(
    later_data: Dataset, events: pd.DataFrame
) -> None:
    everything = scope(later_data)
    key = chapter.key_events(everything, events)
    off = chapter.later_layer(later_data, tuple(THEMES), drawn=False)
    for later in (off, None):
        fig = chapter.timeline_chart(events, ["defence"], key, title="T", source="S", later=later)
        assert [t.get_text() for t in fig.axes[0].get_yticklabels()] == ["defence"]
        assert hollow_marks(fig) == set()
        assert "later record" not in texts(fig).lower()
        assert fig.axes[-1].get_xlim()[1] < 2023
        assert texts_outside(fig) == []
        plt.close(fig)


def test_the_words_and_the_data_of_the_later_layer(
    later_data: Dataset, events: pd.DataFrame
) -> None:
    everything = scope(later_data)
    key = chapter.key_events(everything, events)
    later = chapter.later_layer(later_data, tuple(THEMES))
    none = chapter.later_layer(later_data, tuple(THEMES), drawn=False)
    caption = chapter.timeline_caption(later)
    assert "later record" in caption and "not evidence of the articles" in caption
    assert chapter.timeline_caption(none) == chapter.timeline_caption()
    assert "later" not in chapter.timeline_caption()
    alt = chapter.timeline_alt(events, ["diplomacy"], key, later)
    assert alt.startswith("Time line of 23 dated events from 1948 to 2021")
    assert alt.endswith(
        "A last row, the later record, holds 3 hollow marks from 2023 to 2025: what publications "
        "after the five articles report, which is not evidence of the articles."
    )
    assert chapter.timeline_alt(events, ["diplomacy"], key, none) == chapter.timeline_alt(
        events, ["diplomacy"], key
    )
    data = chapter.timeline_data(everything, events, [], later)
    assert list(data["layer"]) == ["articles"] * len(events) + ["later record"] * len(later)
    assert list(data.columns).count("layer") == 1
    assert list(data.loc[data["layer"] == "later record", "later_id"]) == list(later.index)
    articles = chapter.events_data(everything, events, [])
    assert chapter.timeline_data(everything, events, [], none).equals(articles)


def test_the_later_record_is_never_counted_as_the_articles_evidence(later_data: Dataset) -> None:
    with_later, without = scope(later_data), scope(relations())
    assert chapter.placed(with_later).index.equals(chapter.placed(without).index)
    assert chapter.findings(chapter.record(later_data)) == chapter.findings(
        chapter.record(relations())
    )
    events = chapter.placed(with_later)
    assert chapter.coverage(with_later, events).equals(chapter.coverage(without, events))
    assert chapter.events_table(with_later, events, []).equals(
        chapter.events_table(without, chapter.placed(without), [])
    )


def test_the_later_layer_is_a_parameter_drawn_by_default() -> None:
    assert chapter.Params().later_record is True
