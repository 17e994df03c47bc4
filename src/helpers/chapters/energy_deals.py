"""Energy deals: the projects Pakistan and Russia are both parties to, their value and their stage
as each source reported it, set against the trade the two countries actually did.

The rules that decide what the chapter says are here, each tested on a small hand-made dataset:
which projects are the two countries' own (:func:`standing`), the latest stage of a project
(:func:`latest_status`), the story of a project told at more than one date (:func:`history`),
the stated values (never added up: :func:`values_sentence`) and the trade figures with the
website they come from (:func:`credited_source_line`).
"""

from __future__ import annotations

import textwrap
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import ClassVar

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from helpers.analysis import measures
from helpers.analysis.params import DEAL_SECTORS, ChapterParams, param
from helpers.analysis.scope import Scope, citation_label, contains_any
from helpers.chapters.opening import open_chapter
from helpers.evidence import Dataset
from helpers.evidence.dates import period
from helpers.evidence.vocabularies import DEAL_SECTORS as DEAL_SECTOR_NAMES
from helpers.evidence.vocabularies import DEAL_STATUSES
from helpers.render import charts, figure_style, markup, words
from helpers.render.words import Words

TRADE_CLAIM = "claim-trade-low"
"""The claim that Pakistan–Russia trade is low, set beside the trade figures."""

SIDES = {"Pakistan": "Pakistan", "Russia": "Russia", "Soviet Union": "Russia"}
"""The side of the relationship each country stands for (the Soviet Union for Russia)."""

ADJECTIVES = {"Pakistan": "Pakistani", "Russia": "Russian"}

STANDINGS = ("bilateral", "regional", "one side")
"""How a project stands to the two countries, in the order the chapter lists them:
``bilateral``, both sides and no one else among its parties (the chapter's own projects);
``regional``, both sides and third countries (a project such as CASA-1000, which Russia, by the
reports Fernandez (2021) cites, only 'may join'); ``one side``, a project the articles tie to
one side only, the other left unnamed (Russian interest in oil and gas exploration in
Pakistan)."""


ENERGY_THEMES = ("energy", "economy")
"""The themes of the events the chapter lists: energy, and trade and industry."""

LABEL_WIDTH = 26
"""Characters per line of the labels and notes of the value figure."""


@dataclass(frozen=True)
class Params(ChapterParams):
    """Parameters of the chapter on energy deals."""

    chapter: ClassVar[str] = "energy_deals"

    sectors: tuple[str, ...] = param(
        ("energy", "industry"),
        "Deal sectors shown, or all.",
        example='["energy"]',
        choices=DEAL_SECTORS,
        nonempty=True,
    )


def open(namespace: Mapping[str, object]) -> tuple[Params, Dataset, Scope]:
    """The chapter's checked parameters (read from the notebook's globals), its dataset and its
    scope: ``P, dataset, scope = chapter.open(globals())``."""
    return open_chapter(Params, namespace)  # type: ignore[return-value]


# ----------------------------------------------------------------------------------------------
# Which projects
# ----------------------------------------------------------------------------------------------


def standing(parties: Sequence[str], countries: Mapping[str, str]) -> str:
    """How a project with these parties stands to the two countries (one of :data:`STANDINGS`).

    A party counts for the side of its country (:data:`SIDES`); a party of another country, or
    of none, is a third party.
    """
    sides = [SIDES.get(countries.get(p, ""), "") for p in parties]
    both = {"Pakistan", "Russia"} <= set(sides)
    if both:
        return "regional" if "" in sides else "bilateral"
    return "one side"


def standing_words(project: pd.Series, countries: Mapping[str, str]) -> str:
    """The standing of a project as the table words it: 'Pakistan and Russia', 'Pakistan and
    Russia, with third countries', 'Russian side only'."""
    if project["standing"] == "bilateral":
        return "Pakistan and Russia"
    if project["standing"] == "regional":
        return "Pakistan and Russia, with third countries"
    named = sorted({SIDES[c] for p in project["parties"] if (c := countries.get(p, "")) in SIDES})
    return " and ".join(ADJECTIVES[s] for s in named) + " side only" if named else "no side named"


def projects(scope: Scope, sectors: Sequence[str]) -> pd.DataFrame:
    """The projects of the chosen sectors (``("all",)`` for every one) in scope, with their
    ``standing``: the two countries' own first, then regional ones, then those tied to one
    side only, each group in the data's order."""
    deals = scope.deals
    if "all" not in sectors:
        deals = deals[deals["sector"].isin(list(sectors))]
    countries = scope.dataset.actors["country"].to_dict()
    deals = deals.assign(standing=[standing(p, countries) for p in deals["parties"]])
    order = deals["standing"].map(STANDINGS.index)
    return deals.iloc[np.argsort(order.to_numpy(), kind="stable")]


def proper_words(dataset: Dataset) -> frozenset[str]:
    """The first words of the names and aliases of the actors: words that keep their capital
    at the start of a project's name in a sentence ('Soviet military supplies')."""
    names = [
        *dataset.actors["name"],
        *(a for cell in dataset.actors["aliases"] for a in cell.split(";")),
    ]
    return frozenset(n.split()[0] for n in names if n.strip())


def in_sentence(name: str, proper: frozenset[str]) -> str:
    """A project's name as it reads inside a sentence: its first letter lower-cased, unless its
    first word is a name ('Soviet …', 'Pakistan …'), an acronym or a code ('LNG', 'CASA-1000',
    'North–South': a capital or a digit after the first letter)."""
    first = name.split()[0] if name.split() else ""
    bare = first.strip("'‘’\"“”")
    if not bare or bare in proper or any(c.isupper() or c.isdigit() for c in bare[1:]):
        return name
    at = name.index(bare[0])
    return name[:at] + bare[0].lower() + name[at + 1 :]


def of_the_two(projects: pd.DataFrame) -> pd.DataFrame:
    """The projects to which Pakistan and Russia, and no one else, are parties."""
    return projects[projects["standing"] == "bilateral"]


def sector_words(sectors: Sequence[str]) -> Words:
    """The chosen sectors in words: 'energy or industry'; every sector for ``all``."""
    chosen = list(DEAL_SECTOR_NAMES) if "all" in sectors else list(sectors)
    return Words(words.join_words(chosen, "or"))


# ----------------------------------------------------------------------------------------------
# Stage
# ----------------------------------------------------------------------------------------------


def latest_status(scope: Scope, deal_ids: pd.Index | list[str]) -> pd.DataFrame:
    """For each project, the stage reported by the newest sources that report one.

    'named' (a mention without a stage) does not replace a stage an earlier source reports: a
    pipeline reported as held up in 2018 and only named in 2021 is still held up as far as the
    sources tell. Sources of the same year are equally new (the articles of 2018 carry no
    month), so their stages are joined. Columns: ``status`` (stages joined by ' / ', in the
    vocabulary's order; empty when no source reports one), ``sources`` (the labels of the
    sources that report it), ``later`` (labels of newer sources that mention the project
    without a stage), and the ids of both (``source_ids``, ``later_ids``).
    """
    evidence = scope.evidence_for(deal_ids)
    order = list(DEAL_STATUSES)
    labels = scope.sources["label"]
    rows = []
    for deal_id in deal_ids:
        mine = evidence[evidence["subject_id"] == deal_id]
        reported = mine[mine["reported_status"] != ""]
        staged = reported[reported["reported_status"] != "named"]
        chosen = staged if len(staged) else reported
        if chosen.empty:
            rows.append({"deal_id": deal_id, "status": "", "source_ids": (), "later_ids": ()})
            continue
        year = chosen["source_year"].max()
        newest = chosen[chosen["source_year"] == year]
        rows.append(
            {
                "deal_id": deal_id,
                "status": " / ".join(sorted(set(newest["reported_status"]), key=order.index)),
                "source_ids": tuple(dict.fromkeys(newest["source_id"])),
                "later_ids": tuple(
                    dict.fromkeys(mine.loc[mine["source_year"] > year, "source_id"])
                ),
            }
        )
    frame = pd.DataFrame(rows, columns=["deal_id", "status", "source_ids", "later_ids"])
    for column, ids in (("sources", "source_ids"), ("later", "later_ids")):
        frame[column] = [words.join_words(labels[i] for i in cell) for cell in frame[ids]]
    return frame.set_index("deal_id")[["status", "sources", "later", "source_ids", "later_ids"]]


def stage_words(status: str) -> str:
    """A status cell in words: 'agreed, then held up'; several joined by ' or '."""
    return " or ".join(DEAL_STATUSES.word(s) for s in status.split(" / ")) if status else ""


def latest_words(latest: pd.DataFrame, deal_id: str) -> str:
    """The latest stage of a project as the table gives it: 'agreed, then held up (Qureshi
    (2018)); mentioned without a stage by Fernandez (2021)'."""
    row = latest.loc[deal_id]
    if not row["status"]:
        return "no stage reported"
    text = f"{stage_words(row['status'])} ({row['sources']})"
    if row["later"]:
        text += f"; mentioned without a stage by {row['later']}"
    return text


def delivered(latest: pd.DataFrame) -> pd.Index:
    """The projects whose latest stage includes delivery."""
    return latest.index[["delivered" in s.split(" / ") for s in latest["status"]]]


def furthest(latest: pd.DataFrame) -> str:
    """The furthest stage any project has reached in its latest report ('' when none has one)."""
    reached = [s for cell in latest["status"] for s in cell.split(" / ") if s]
    order = list(DEAL_STATUSES)
    return max(reached, key=order.index) if reached else ""


def status_grid(scope: Scope, projects: pd.DataFrame) -> pd.DataFrame:
    """Projects × sources: the stage each source reports, only for projects and sources with
    at least one (the figure draws no empty row or column)."""
    grid = measures.deal_statuses(scope).reindex(projects.index).fillna("")
    grid = grid[(grid != "").any(axis=1)]
    return grid.loc[:, (grid != "").any(axis=0)]


def drawn_labels(scope: Scope, grid: pd.DataFrame) -> list[str]:
    """The labels of the sources a status grid draws, oldest first."""
    return [label for label in scope.sources["label"] if label in grid.columns]


def status_figure(scope: Scope, grid: pd.DataFrame, projects: pd.DataFrame) -> Figure:
    """Dots of the stage each source reports for each project, at the source's year."""
    years = scope.sources.set_index("label")["year"]
    return charts.status_dots(
        grid,
        [float(years[label]) for label in grid.columns],
        list(projects.loc[grid.index, "name"]),
        title="The stage of each project as each article reports it",
        source=figure_style.source_line(drawn_labels(scope, grid)),
    )


def status_alt(grid: pd.DataFrame, projects: pd.DataFrame) -> str:
    """What the status figure shows: each project with the stages reported and by whom."""
    rows = "; ".join(
        f"{projects.at[d, 'name']}: "
        + ", ".join(f"{stage_words(c)} in {s}" for s, c in grid.loc[d].items() if c)
        for d in grid.index
    )
    return f"Dots of the stage each article reports for each project, at its year. {rows}."


# ----------------------------------------------------------------------------------------------
# History
# ----------------------------------------------------------------------------------------------

HISTORY_COLUMNS = ["deal_id", "Project", "Date", "What is reported", "Stage", "Passages", "sort"]


def history(scope: Scope, projects: pd.DataFrame) -> pd.DataFrame:
    """The story of each project told at more than one date (year): its dated steps (events
    of the project), and each passage on it at the date of its source, with the stage the
    passage reports. Rows of a project in date order; a project told in one year only (one
    article, no earlier step) has no story and no rows."""
    rows = []
    steps = scope.events[scope.events["deal_id"].isin(projects.index)]
    for event_id, step in steps.iterrows():
        rows.append(
            {
                "deal_id": step["deal_id"],
                "Date": words.event_date(
                    step["date"],
                    step["date_precision"],
                    step["end_date"],
                    qualifier=step["date_qualifier"],
                    planned=step["status"] == "planned",
                ),
                "What is reported": markup.join([f"{step['title']}:", step["summary"]]),
                "Stage": "",
                "Passages": markup.attribution(scope.evidence_for([event_id])),
                "sort": step["start"],
                "year": int(step["year"]),
            }
        )
    sources = scope.sources
    for evidence_id, row in scope.evidence_for(projects.index).iterrows():
        source = sources.loc[row["source_id"]]
        rows.append(
            {
                "deal_id": row["subject_id"],
                "Date": "as of "
                + words.format_date(source["published"], source["published_precision"]),
                "What is reported": markup.escape(f"“{row['quote']}”"),
                "Stage": stage_words(row["reported_status"]),
                "Passages": markup.attribution(scope.evidence.loc[[evidence_id]]),
                "sort": period(source["published"])[1],
                "year": int(row["source_year"]),
            }
        )
    frame = pd.DataFrame(rows, columns=[*HISTORY_COLUMNS, "year"])
    told = frame.groupby("deal_id")["year"].nunique()
    frame = frame[frame["deal_id"].isin(told[told >= 2].index)]
    position = {d: i for i, d in enumerate(projects.index)}
    frame = frame.assign(order=frame["deal_id"].map(position))
    frame = frame.sort_values(["order", "sort"], kind="stable")
    frame["Project"] = frame["deal_id"].map(projects["name"])
    return frame[HISTORY_COLUMNS].reset_index(drop=True)


# ----------------------------------------------------------------------------------------------
# Value
# ----------------------------------------------------------------------------------------------


def stated_values(scope: Scope, projects: pd.DataFrame) -> pd.DataFrame:
    """The values the selected sources state for the projects (figures of metric
    ``deal_value`` in scope), largest first: one row per figure, with the project's ``deal_id``
    and ``name``. A value stands only where a selected source states it."""
    figures = scope.figures
    figures = figures[
        (figures["metric"] == "deal_value") & figures["subject_id"].isin(projects.index)
    ]
    figures = figures.assign(
        deal_id=figures["subject_id"], name=figures["subject_id"].map(projects["name"])
    )
    return figures.sort_values("value", ascending=False, kind="stable")


def value_text(figure: pd.Series) -> Words:
    """A stated value in words ('$2 billion', 'more than $10 billion')."""
    return Words(words.format_usd(figure["value"], figure["qualifier"], figure["value_max"]))


def values_of(values: pd.DataFrame, deal_id: str) -> Words:
    """The stated values of one project, joined ('' when none)."""
    mine = values[values["deal_id"] == deal_id]
    return Words(" or ".join(value_text(f) for _, f in mine.iterrows()))


def valued_thing(label: str) -> str:
    """What a value figure is the value of, from its label: 'Value of the energy deals under
    negotiation in 2018' gives 'the energy deals under negotiation in 2018'."""
    prefix = "value of "
    if label.lower().startswith(prefix):
        return label[len(prefix) :]
    return label[:1].lower() + label[1:]


def values_sentence(values: pd.DataFrame) -> Words:
    """The stated values, each with what it is the value of, and why they are not added up."""
    if values.empty:
        return Words("No source of this selection states the value of a project.")
    listed = words.join_words(
        f"{value_text(f)} for {valued_thing(f['label'])}" for _, f in values.iterrows()
    )
    if len(values) == 1:
        return Words(f"The one stated sum is {listed}.")
    return Words(
        f"The stated sums are {listed}. They are not added up: the articles do not say whether "
        "one includes another."
    )


def value_figure(values: pd.DataFrame, latest: pd.DataFrame, source: str) -> Figure:
    """Bars of the stated values, in billions of dollars, each with its project's latest
    stage; the project names and the notes wrap so that nothing is cut."""
    notes = [
        textwrap.fill(latest_words(latest, d), LABEL_WIDTH, break_on_hyphens=False)
        for d in values["deal_id"]
    ]
    return charts.value_bars(
        [textwrap.fill(n, LABEL_WIDTH) for n in values["name"]],
        [v / 1e9 for v in values["value"]],
        title="Value promised, and how far each project had got",
        xlabel="US$ billion (a lower bound where the source says 'in excess of')",
        ylabel="",
        source=source,
        annotations=notes,
    )


def value_source_line(scope: Scope, values: pd.DataFrame, latest: pd.DataFrame) -> str:
    """The value figure's source line: the sources that state the values, and those whose
    stages the notes give."""
    ids = set(scope.evidence_for(values.index)["source_id"])
    for deal_id in values["deal_id"]:
        ids |= set(latest.at[deal_id, "source_ids"]) | set(latest.at[deal_id, "later_ids"])
    return figure_style.source_line(
        [scope.sources.at[i, "label"] for i in scope.sources.index if i in ids]
    )


def value_alt(values: pd.DataFrame, latest: pd.DataFrame) -> str:
    """What the value figure shows, with its numbers."""
    stages = [stage_words(latest.at[d, "status"]) or "no stage" for d in values["deal_id"]]
    bars = words.join_words(
        f"{f['name']}, {value_text(f)}, {stage}"
        for (_, f), stage in zip(values.iterrows(), stages, strict=True)
    )
    return f"Horizontal bars of the stated value of each project, with its latest stage: {bars}."


def furthest_sentence(
    latest: pd.DataFrame, projects: pd.DataFrame, proper: frozenset[str]
) -> Words:
    """How far the projects had got in the newest source on each: those delivered, or the
    furthest stage reached and by which projects."""
    if projects.empty:
        return Words("No project of the chosen sectors is attested in this selection.")

    def named(ids: pd.Index) -> str:
        return words.join_words(f"the {in_sentence(n, proper)}" for n in projects.loc[ids, "name"])

    done = delivered(latest)
    if len(done):
        return Words(f"The articles report as delivered only {named(done)}.")
    stage = furthest(latest)
    if not stage:
        return Words("No source in this selection says where any of them stands.")
    reached = latest.index[[stage in s.split(" / ") for s in latest["status"]]]
    return Words(
        "None is reported as built, delivered or working; the furthest stage any reached is "
        f"“{DEAL_STATUSES.word(stage)}”, for {named(reached)}."
    )


# ----------------------------------------------------------------------------------------------
# Trade
# ----------------------------------------------------------------------------------------------


def trade(scope: Scope) -> pd.DataFrame:
    """The two-way trade figures in scope, oldest first."""
    figures = scope.figures
    return figures[figures["metric"] == "trade_turnover"].sort_values("year")


def growth(trade_figures: pd.DataFrame) -> float | None:
    """How many times the last trade figure is the first, or None with fewer than two."""
    if len(trade_figures) < 2:
        return None
    return float(trade_figures["value"].iloc[-1] / trade_figures["value"].iloc[0])


def trade_sentence(trade_figures: pd.DataFrame) -> Words:
    """The trade figures in words, with how far apart the first and last are."""
    if trade_figures.empty:
        return Words("No source in this selection gives a trade figure.")
    listed = words.join_words(
        f"{words.format_usd(v)} in {int(y)}"
        for y, v in zip(trade_figures["year"], trade_figures["value"], strict=True)
    )
    times = growth(trade_figures)
    if times is None:
        return Words(f"The one trade figure is {listed}.")
    years = int(trade_figures["year"].iloc[-1] - trade_figures["year"].iloc[0])
    return Words(
        f"Two-way trade was {listed}: {times:.1f} times the first figure "
        f"{words.plural(years, 'year', words=True)} later."
    )


def credited_source_line(scope: Scope, subject_ids: pd.Index | list[str]) -> str:
    """A figure's source line naming the sources that attest ``subject_ids`` and what each
    cites for them: 'Source: DeSilva-Ranasinghe (2012), citing the website of the
    Consulate-General of Russia in Karachi; data: this book's evidence table.'"""
    evidence = scope.evidence_for(subject_ids)
    citations = scope.dataset.citations
    items = []
    for label in scope.source_labels_for(subject_ids):
        cited = [
            f"the website of the {citations.at[c, 'cited_outlet']}"
            if citations.at[c, "kind"] == "website"
            else citation_label(citations.loc[c])
            for origins in evidence.loc[evidence["source_label"] == label, "origins"]
            for c in origins
        ]
        credit = words.join_words(words.ordered_unique(cited))
        items.append(f"{label}, citing {credit}" if credit else label)
    return figure_style.source_line(items) if items else ""


def trade_figure(trade_figures: pd.DataFrame, source: str) -> Figure:
    """The trade figures on a true time axis: one stem at each year a source gives, every year
    between marked, so that the years without a figure show as gaps."""
    fig, ax = figure_style.new_figure(height=3.2)
    years = trade_figures["year"].astype(int).to_numpy()
    millions = trade_figures["value"].to_numpy(dtype=float) / 1e6
    ax.bar(years, millions, width=0.35, color=figure_style.PALETTE[0])
    for year, value in zip(years, millions, strict=True):
        ax.annotate(
            words.format_usd(value * 1e6),
            (year, value),
            xytext=(0, 3),
            textcoords="offset points",
            ha="center",
            fontsize=8,
        )
    first, last = int(years.min()) - 1, int(years.max()) + 1
    ax.set_xlim(first - 0.5, last + 0.5)
    ax.set_xticks(range(first, last + 1))
    ax.set_ylim(0, max(millions) * 1.2)
    ax.grid(axis="x", alpha=0)
    return figure_style.finish(
        fig,
        ax,
        title="Two-way trade between Pakistan and Russia",
        xlabel="Year (no figure for the years without a bar)",
        ylabel="US$ million",
        source=source,
    )


def trade_alt(trade_figures: pd.DataFrame) -> str:
    """What the trade figure shows, with its numbers."""
    listed = words.join_words(
        f"{int(y)}: {words.format_usd(v)}"
        for y, v in zip(trade_figures["year"], trade_figures["value"], strict=True)
    )
    return f"Bars at their years on a time axis, of two-way trade in US dollars: {listed}."


# ----------------------------------------------------------------------------------------------
# Shown
# ----------------------------------------------------------------------------------------------


def projects_table(
    scope: Scope, projects: pd.DataFrame, latest: pd.DataFrame, values: pd.DataFrame
) -> pd.DataFrame:
    """The table of projects: what each is, how it stands to the two countries, its parties,
    value, obstacles, latest stage and the passages that attest it."""
    names = scope.dataset.actors["name"].to_dict()
    countries = scope.dataset.actors["country"].to_dict()
    return pd.DataFrame(
        {
            "Project": [
                markup.Markup(f"**{markup.escape(n)}.** {markup.escape(s)}")
                for n, s in zip(projects["name"], projects["summary"], strict=True)
            ],
            "Sides": [standing_words(p, countries) for _, p in projects.iterrows()],
            "Parties named": [", ".join(names[a] for a in p) for p in projects["parties"]],
            "Value": [values_of(values, d) for d in projects.index],
            "Obstacles named": projects["obstacles"].to_list(),
            "Latest stage": [latest_words(latest, d) for d in projects.index],
            "Passages": [markup.attribution(scope.evidence_for([d])) for d in projects.index],
        }
    )


def projects_data(projects: pd.DataFrame, latest: pd.DataFrame) -> pd.DataFrame:
    """The projects table as data: the deals' columns (the value as the data's deal row gives
    it), their standing and latest stage."""
    return projects.drop(columns=["line"]).join(latest.add_prefix("latest_"))


def history_shown(story: pd.DataFrame) -> pd.DataFrame:
    """The history table as the book shows it (without its keys)."""
    return story.drop(columns=["deal_id", "sort"])


def history_data(story: pd.DataFrame) -> pd.DataFrame:
    """The history table as data: with the project's id, without the sort key."""
    return story.drop(columns=["sort"])


def value_data(values: pd.DataFrame) -> pd.DataFrame:
    """The value figure's data: each stated value with its project and label."""
    return values[["deal_id", "name", "value", "qualifier", "label"]]


def trade_data(trade_figures: pd.DataFrame) -> pd.DataFrame:
    """The trade figure's data."""
    return trade_figures[["year", "value", "unit", "label"]].reset_index(names="figure_id")


def events_data(events: pd.DataFrame) -> pd.DataFrame:
    """The events table as data: the events' columns without the computed ones."""
    return events.drop(columns=["line", "start", "end"])


def energy_events(scope: Scope) -> pd.DataFrame:
    """The dated events in scope on energy, trade or industry."""
    events = scope.events
    return events[contains_any(events["themes"], ENERGY_THEMES)]


def date_disputed(scope: Scope) -> set[str]:
    """The events whose attestations give dates that cannot all be true."""
    found = measures.disagreements(scope)
    return set(found.loc[found["kind"] == "date", "subject_id"])


def events_table(scope: Scope, events: pd.DataFrame) -> pd.DataFrame:
    """Date, what happened and the passages, one row per event."""
    disputed = date_disputed(scope)
    return pd.DataFrame(
        {
            "Date": [
                words.event_date(
                    e["date"],
                    e["date_precision"],
                    e["end_date"],
                    qualifier=e["date_qualifier"],
                    planned=e["status"] == "planned",
                    disputed=i in disputed,
                )
                for i, e in events.iterrows()
            ],
            "Event": [
                markup.Markup(f"**{markup.escape(t)}.** {markup.escape(s)}")
                for t, s in zip(events["title"], events["summary"], strict=True)
            ],
            "Passages": [markup.attribution(scope.evidence_for([i])) for i in events.index],
        }
    )


def judgements_table(scope: Scope, claim_id: str = TRADE_CLAIM) -> pd.DataFrame:
    """The passages that voice a claim (by default, that trade is low): who speaks, with what
    stance, in which words."""
    evidence = scope.evidence_for([claim_id])
    return pd.DataFrame(
        {
            "Who": [measures.who(row) for _, row in evidence.iterrows()],
            "Stance": evidence["stance"].to_list(),
            "Passage": [
                markup.Markup(f"“{markup.escape(q)}” {markup.passage(i, i.removeprefix('evi-'))}")
                for i, q in evidence["quote"].items()
            ],
        }
    )
