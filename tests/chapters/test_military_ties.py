"""The rules of the chapter on military ties on a small hand-made record (:mod:`support.relations`):
the category map that defines military cooperation, the engagement by year on a true time axis,
who met whom with the interlocutor each passage names, participants and stated lengths against
dates, arms and their status by source, the talks before any transfer, the conflicts kept between
sources, the witnesses, and every computed sentence, the empty selection included."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
import pytest
from support.figure_bounds import texts, texts_outside
from support.handmade import scope
from support.relations import DESILVA, FERNANDEZ, FORWARD, RIZVI, relations

from helpers.chapters import military_ties as chapter
from helpers.evidence import Dataset


@pytest.fixture(scope="module")
def data() -> Dataset:
    return relations()


@pytest.fixture(scope="module")
def ties(data: Dataset) -> pd.DataFrame:
    return chapter.cooperation(scope(data))


def test_the_category_map_defines_military_cooperation(data: Dataset, ties: pd.DataFrame) -> None:
    assert set(chapter.COOPERATION.values()) == set(chapter.KINDS)
    assert {"statement", "period", "conflict"}.isdisjoint(chapter.COOPERATION)
    assert dict(ties["kind"]) == {
        "ev-1968-soviet-equipment": chapter.ARMS,
        "ev-2012-military-cooperation-talks": chapter.ARMS,
        "ev-2014-arms-embargo-lifted": chapter.AGREEMENTS,
        "ev-2014-military-cooperation-agreement": chapter.AGREEMENTS,
        "ev-2015-deal": chapter.AGREEMENTS,
        "ev-2016-first-joint-exercise": chapter.EXERCISES,
        "ev-2017-miranshah-visit": chapter.VISITS,
        "ev-2017-helicopter-delivery": chapter.ARMS,
        "ev-2018-military-commission": chapter.AGREEMENTS,
        "ev-2018-bajwa-moscow-visit": chapter.VISITS,
        "ev-2018-sco-exercise-planned": chapter.EXERCISES,
        "ev-2021-special-equipment-offer": chapter.ARMS,
    }
    context = chapter.context(scope(data), ties)
    assert list(context.index) == ["ev-2018-india-objects"]  # a statement of one side
    held = chapter.cooperation(scope(data), include_planned=False)
    assert "ev-2018-sco-exercise-planned" not in held.index


def test_one_sided_events_count_only_as_visits(data: Dataset) -> None:
    countries = data.actors["country"].to_dict()
    event = data.events.loc["ev-2017-miranshah-visit"].copy()
    assert chapter.counts_as_cooperation(event, countries)  # a delegation names only itself
    event["category"] = "delivery"
    assert not chapter.counts_as_cooperation(event, countries)
    event = data.events.loc["ev-1948-diplomatic-relations"]
    assert not chapter.counts_as_cooperation(event, countries)  # not about defence
    assert chapter.sides_of(["act-pk", "act-su", "act-us"], countries) == {0, 1}


def test_engagement_by_year_is_a_true_time_axis(ties: pd.DataFrame) -> None:
    table = chapter.per_year(ties)
    assert list(table.index) == list(range(1968, 2022))  # every year, those with nothing too
    assert table.loc[1990].sum() == 0
    assert list(table.columns) == list(chapter.KINDS)
    assert table.loc[2018, chapter.VISITS] == 1 and table.loc[2018, chapter.EXERCISES] == 1
    assert chapter.per_year(ties.iloc[0:0]).empty
    # a span names its last year: the supplies of 1968-69 leave 1969 covered
    assert chapter.quiet_runs(ties) == [(1970, 2011)]
    assert chapter.quiet_runs(ties.iloc[0:0]) == []


def test_engagement_chart(ties: pd.DataFrame) -> None:
    table = chapter.per_year(ties)
    runs = chapter.quiet_runs(ties)
    fig = chapter.engagement_chart(table, runs, title="T", source="Source: S.")
    ax = fig.axes[0]
    low, high = ax.get_xlim()
    assert low < 1968 and high > 2021
    assert len(ax.patches) >= len(table) * len(table.columns)  # one bar per year and kind
    assert "nothing reported" in texts(fig)
    assert texts_outside(fig) == []
    plt.close(fig)
    alt = chapter.engagement_alt(table, runs)
    assert alt.startswith("Stacked bars for every year from 1968 to 2021 (visits and meetings: 2;")
    one = table.loc[[2021], [chapter.ARMS]]
    single = chapter.engagement_chart(one, [], title="T", source="S")
    arms_colour = ax.containers[list(table.columns).index(chapter.ARMS)].patches[0].get_facecolor()
    assert single.axes[0].containers[0].patches[0].get_facecolor() == arms_colour  # one per kind
    assert chapter.engagement_alt(one, []).startswith(
        "Stacked bars for 2021 (arms and equipment: 1)"
    )
    plt.close(single)
    assert alt.endswith("Runs of years with no step: 1970–2011.")


def test_undrawn_steps_are_named(ties: pd.DataFrame, data: Dataset) -> None:
    assert chapter.undrawn_sentence(ties) == ""
    decade = ties.iloc[:1].assign(date_precision="decade", date="2010", title="Naval drills")
    assert chapter.undrawn_sentence(decade) == (
        "Dated only to a decade\\, and so not drawn\\: Naval drills \\(the 2010s\\)\\; it is in "
        "the tables below\\."
    )


def test_who_met_whom_follows_the_interlocutor_each_passage_names(
    data: Dataset, ties: pd.DataFrame
) -> None:
    pairs = chapter.who_met_whom(scope(data), ties)
    bajwa = pairs[pairs["event_id"] == "ev-2018-bajwa-moscow-visit"]
    assert list(zip(bajwa["pakistan"], bajwa["russia"], bajwa["evidence_ids"], strict=True)) == [
        ("Qamar Chief", "Valery Staff", ["evi-pf-006"]),
        ("Qamar Chief", "Oleg Ground", ["evi-an-018"]),  # named by an alias
    ]
    visit = pairs[pairs["event_id"] == "ev-2017-miranshah-visit"].iloc[0]
    assert (visit["pakistan"], visit["russia"]) == ("", "Sergei Visitor")
    shown = chapter.met_table(scope(data), pairs, ties, set())
    assert shown.iloc[0]["Pakistani side"] == "not named"
    assert "(25 March 2018\\; interlocutor\\: Valery Staff)" in shown.iloc[1]["Attested by"]


def test_sides_name_people_first(data: Dataset) -> None:
    actors = data.actors
    assert chapter.side(["act-chief", "act-pk"], {"Pakistan"}, actors) == ["act-chief"]
    assert chapter.side(["act-army-pk", "act-pk"], {"Pakistan"}, actors) == ["act-army-pk"]
    assert chapter.side(["act-pk", "act-ru"], {"Russia"}, actors) == ["act-ru"]
    assert chapter.side(["act-visitor"], {"Pakistan"}, actors) == []


def test_a_passage_shows_its_own_date_only_when_it_gives_one(data: Dataset) -> None:
    evidence = data.evidence
    assert chapter.own_report(evidence.loc["evi-pf-006"]) == (
        "25 March 2018; interlocutor: Valery Staff"
    )
    assert chapter.own_report(evidence.loc["evi-an-019"]) == ""  # 'He met his counterpart'
    assert chapter.own_report(evidence.loc["evi-fdi-001"]) == "the 1980s"
    links = chapter.reported_attribution(scope(data), ["evi-an-019", "evi-pf-007"])
    assert links.startswith("{cite:t}`src-an-2018`, passage {ref}`")
    assert "evi-an-019>`;" in links and "(24 April 2018)" in links


def test_visits_table(data: Dataset, ties: pd.DataFrame) -> None:
    disputed = chapter.date_disputed(scope(data))
    table = chapter.visits_table(scope(data), ties, disputed)
    assert list(table["Who"]) == ["Sergei Visitor", "Qamar Chief, Valery Staff, Oleg Ground"]
    assert table.iloc[1]["Date"].endswith("sources differ on the date")


def test_stated_lengths_against_the_dates(data: Dataset) -> None:
    everything = scope(data)
    lengths = chapter.stated_lengths(everything, "ev-2016-first-joint-exercise")
    assert list(lengths["stated_days"]) == [14] and list(lengths["dated_days"]) == [17]
    conflicts = chapter.length_conflicts(everything, ["ev-2016-first-joint-exercise"])
    assert list(conflicts["figure_id"]) == ["fig-exercise-length"]
    assert chapter.length_conflicts(everything, ["ev-2015-deal"]).empty
    assert chapter.length_conflicts(everything, []).empty
    shown = chapter.participants(everything, "ev-2016-first-joint-exercise")
    assert "Length of the exercise\\: 2 weeks\\, though its dates span 17 days" in shown
    assert "Personnel of both countries\\: about 200 people (" in shown


def test_exercises(data: Dataset, ties: pd.DataFrame) -> None:
    table = chapter.exercises_table(scope(data), ties, set())
    assert list(table["When"]) == ["24 September – 10 October 2016", "2018 (planned)"]
    sentence = chapter.exercise_count_sentence(scope(data))
    assert sentence.startswith("The count the articles give: two joint exercises by 2018 (")
    assert chapter.exercise_count_sentence(scope(data, sources=[FERNANDEZ])) == ""


def test_arms_status_by_source_and_quantities(data: Dataset, ties: pd.DataFrame) -> None:
    everything = scope(data)
    deals = chapter.arms(everything)
    assert "deal-pipe" not in deals.index
    statuses = chapter.status_by_source(everything, list(deals.index))
    assert (
        statuses["deal-mi35m-helicopters"] == "Beta (2018): delivered; Forward (2018): negotiation"
    )
    quantity = chapter.quantities(everything, "deal-mi35m-helicopters", ties)
    assert quantity.startswith("four Mi\\-35M\\, undated (")
    assert "some helicopters\\, 2017 (" in quantity
    # without a passage that counts the delivery, the deal's figures
    assert chapter.quantities(everything, "deal-mi35m-helicopters", ties.iloc[0:0]).startswith(
        "4 helicopters ("
    )
    table = chapter.arms_table(everything, deals, ties, set())
    assert table.iloc[0]["Dated steps"] == "1968–1969: Soviet arms for Pakistan"


def test_talk_before_any_transfer(data: Dataset, ties: pd.DataFrame) -> None:
    talks = chapter.talks_before_transfer(ties)
    assert list(talks.index) == ["ev-2012-military-cooperation-talks"]
    # the offer of 2021 is tied to a deal; the Soviet delivery is not the Russian era's first
    without_deliveries = ties[ties["category"] != "delivery"]
    assert list(chapter.talks_before_transfer(without_deliveries).index) == list(talks.index)
    sentence = chapter.talks_sentence(scope(data), talks)
    assert sentence.startswith(
        "Talk came before any transfer. There have been talks on arms (by March 2012; "
    )
    assert chapter.talks_sentence(scope(data), talks.iloc[0:0]) == ""


def test_agreements_kept_apart_show_the_reading(data: Dataset, ties: pd.DataFrame) -> None:
    table = chapter.agreements_table(scope(data), ties, set())
    cells = dict(zip(table["Date"], table["Agreement or body"], strict=True))
    assert cells["2015"].endswith("*Reading\\: a deal of its own\\.*")
    assert (
        "*Dated 2014\\; the 2015 deal is read as another\\.*" in table.iloc[1]["Agreement or body"]
    )
    assert "*" not in table.iloc[0]["Agreement or body"].split("**")[-1]  # no reading for others


def test_differences_gather_every_conflict(data: Dataset, ties: pd.DataFrame) -> None:
    everything = scope(data)
    found = chapter.differences(everything, ties, chapter.arms(everything))
    kinds = dict(
        zip(
            zip(found["subject_id"], found["kind"], strict=True), found["evidence_ids"], strict=True
        )
    )
    assert kinds[("ev-2018-bajwa-moscow-visit", "date")] == ["evi-pf-006", "evi-pf-007"]
    assert kinds[("ev-2018-bajwa-moscow-visit", "value")] == ["evi-pf-006", "evi-an-018"]
    assert kinds[("ev-2017-helicopter-delivery", "value")] == ["evi-an-013", "evi-pf-003"]
    assert kinds[("ev-2016-first-joint-exercise", "length")] == ["evi-an-010"]
    assert kinds[("ev-2014-military-cooperation-agreement", "reading")] == [
        "evi-an-007",
        "evi-an-008",
    ]
    table = chapter.differences_table(everything, found, ties)
    assert set(table["What differs"]) == {
        "date",
        "account",
        "length against dates",
        "one deal or two",
    }
    one = scope(data, sources=[FERNANDEZ])
    assert chapter.differences(one, chapter.cooperation(one), chapter.arms(one)).empty


def test_witnesses_count_each_source_by_voice(data: Dataset, ties: pd.DataFrame) -> None:
    everything = scope(data)
    table = chapter.witnesses(everything, ties, chapter.arms(everything))
    forward = table.loc[FORWARD]
    assert (forward["passages"], forward["captions"], forward["own_words"]) == (7, 3, 4)
    assert table.loc[FERNANDEZ, "credited"] == 2 and table.loc[FERNANDEZ, "outlets"] == "Dawn"
    assert table.loc[DESILVA, "outlets"] == "Reuters"
    shown = chapter.witnesses_table(table)
    assert list(shown["Credited to"]) == ["1: Reuters", "none", "none", "2: Dawn"]
    facts = chapter.witness_facts(chapter.record(data))
    assert facts.forward.captions == 3 and facts.fernandez.outlets == "Dawn"
    empty = chapter.witnesses(
        scope(data, start_year=1930, end_year=1940), ties.iloc[0:0], ties.iloc[0:0]
    )
    assert set(empty["passages"]) == {0}


def test_facts_the_prose_cites(data: Dataset) -> None:
    facts = chapter.facts(chapter.record(data))
    assert facts.embargo == "2014"
    assert facts.first_exercise == "24 September – 10 October 2016"
    assert facts.raheel_visit == "undated"  # not in the small record
    assert (facts.quiet, facts.quiet_years) == ("1970–2011", 42)
    assert facts.exercises_held == 1 and facts.exercises_held_words == "one"
    assert facts.helicopters == "four"
    assert (facts.stated_days, facts.dated_days) == (14, 17)
    assert facts.versions == 6 and facts.versions_words == "six"
    with pytest.raises(AttributeError):
        _ = facts.nothing_words


def test_selection_sentence(data: Dataset) -> None:
    whole = chapter.record(data)
    every = scope(data, start_year=1947, end_year=2021)
    full = chapter.selection_sentence(every, whole, chapter.cooperation(every))
    assert (
        full == "The figures and tables below hold every step of the record\\, from 1968 to 2021\\."
    )
    held = chapter.selection_sentence(every, whole, chapter.cooperation(every, False), False)
    assert "narrowed to the steps reported as taken\\: they hold 11 of the 12 steps" in held
    one = scope(data, sources=[RIZVI], start_year=1947, end_year=2021)
    assert "narrowed to Beta \\(2018\\)\\:" in chapter.selection_sentence(
        one, whole, chapter.cooperation(one)
    )
    empty = scope(data, start_year=1930, end_year=1940)
    assert chapter.selection_sentence(empty, whole, chapter.cooperation(empty)).startswith(
        "No step of military cooperation between the two states falls between 1930 and 1940"
    )
