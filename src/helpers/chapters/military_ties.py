"""Military ties: how two states that armed opposite sides in Afghanistan came to train their
troops together.

The rules of the chapter: which events count as military cooperation between the two states and
of which kind, the engagement by year on a true time axis, who met whom (with the interlocutor
each passage names), the exercises with their participants and length, the arms and equipment
with the status each source reports, the talks that came before any transfer, the conflicts the
sources leave between them, and how much of each source's account is its own.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import ClassVar

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from helpers.analysis import measures
from helpers.analysis.params import ChapterParams, param
from helpers.analysis.scope import Scope, contains_any
from helpers.chapters import chronology, common
from helpers.chapters.opening import open_chapter
from helpers.evidence import Dataset
from helpers.render import markup, words
from helpers.render.figure_style import PALETTE, finish, new_figure
from helpers.render.markup import Markup
from helpers.render.words import Words


@dataclass(frozen=True)
class Params(ChapterParams):
    """Parameters of the chapter on military ties."""

    chapter: ClassVar[str] = "military_ties"

    include_planned: bool = param(
        True, "Whether planned (not yet reported as held) events are shown.", example="true"
    )


figure_source = common.figure_source


def open(namespace: Mapping[str, object]) -> tuple[Params, Dataset, Scope]:
    """The chapter's checked parameters (read from the notebook's globals), its dataset and its
    scope: ``P, dataset, scope = chapter.open(globals())``."""
    return open_chapter(Params, namespace)  # type: ignore[return-value]


record = chronology.record
date_disputed = chronology.date_disputed


# ----------------------------------------------------------------------------------------------
# What counts as military cooperation
# ----------------------------------------------------------------------------------------------

# The kinds of military cooperation, in the order the chapter shows them.
VISITS = "visits and meetings"
EXERCISES = "exercises"
ARMS = "arms and equipment"
AGREEMENTS = "agreements and commissions"
KINDS = (VISITS, EXERCISES, ARMS, AGREEMENTS)

# The category map: which event categories count as military cooperation, and as which kind
# (a policy such as the lifting of an embargo counts with the agreements). Statements,
# conflicts, periods and the rest are context, not cooperation.
COOPERATION = {
    "visit": VISITS,
    "meeting": VISITS,
    "conference": VISITS,
    "exercise": EXERCISES,
    "delivery": ARMS,
    "offer": ARMS,
    "negotiation": ARMS,
    "agreement": AGREEMENTS,
    "institution": AGREEMENTS,
    "policy": AGREEMENTS,
}

DEFENCE = "defence"
SIDES = chronology.SIDES


def sides_of(actor_ids: Iterable[str], countries: Mapping[str, str]) -> set[int]:
    """Which of the two sides (0 Pakistan, 1 Russia or the Soviet Union) the actors belong to."""
    found = set()
    for actor in actor_ids:
        for i, side in enumerate(SIDES):
            if countries.get(actor, "") in side:
                found.add(i)
    return found


def counts_as_cooperation(event: pd.Series, countries: Mapping[str, str]) -> bool:
    """Whether a defence event is military cooperation between the two states: its category is
    in :data:`COOPERATION`, and it has an actor of each side, or it is a visit whose passage
    names only the visitors, all of one side (a Russian delegation in Miranshah)."""
    if event["category"] not in COOPERATION or DEFENCE not in event["themes"]:
        return False
    found = sides_of(event["actors"], countries)
    if found == {0, 1}:
        return True
    known = [a for a in event["actors"] if countries.get(a, "")]
    return event["category"] == "visit" and len(found) == 1 and len(known) == len(event["actors"])


def cooperation(scope: Scope, include_planned: bool = True) -> pd.DataFrame:
    """The dated events of the selection that are military cooperation between the two states
    (:func:`counts_as_cooperation`), with their ``kind``; planned ones only when asked."""
    events = scope.events
    countries = scope.dataset.actors["country"].to_dict()
    keep = [counts_as_cooperation(e, countries) for _, e in events.iterrows()]
    ties = events[pd.Series(keep, index=events.index, dtype=bool)]
    if not include_planned:
        ties = ties[ties["status"] != "planned"]
    return ties.assign(kind=ties["category"].map(COOPERATION))


def context(scope: Scope, ties: pd.DataFrame) -> pd.DataFrame:
    """The defence events of the selection that are not cooperation between the two states."""
    defence = scope.events[contains_any(scope.events["themes"], [DEFENCE])]
    return defence[~defence.index.isin(ties.index)]


def of_kind(ties: pd.DataFrame, kind: str) -> pd.DataFrame:
    """The steps of one kind."""
    return ties[ties["kind"] == kind]


# ----------------------------------------------------------------------------------------------
# Engagement over time
# ----------------------------------------------------------------------------------------------


def per_year(ties: pd.DataFrame) -> pd.DataFrame:
    """Years × kinds: the steps that start in each year, for every year from the first to the
    last (years with none are rows of zeros). Steps dated only to a decade are left out
    (:func:`undrawn`)."""
    placed = ties[ties["date_precision"] != "decade"]
    if placed.empty:
        return pd.DataFrame(columns=[k for k in KINDS])
    years = placed["year"].astype(int)
    table = pd.crosstab(years, placed["kind"])
    table = table.reindex(range(int(years.min()), int(years.max()) + 1), fill_value=0)
    table = table.reindex(columns=[k for k in KINDS if k in table.columns], fill_value=0)
    table.index.name = "year"
    return table


def undrawn(ties: pd.DataFrame) -> pd.DataFrame:
    """The steps dated only to a decade, which a chart by year cannot place."""
    return ties[ties["date_precision"] == "decade"]


def quiet_runs(ties: pd.DataFrame) -> list[tuple[int, int]]:
    """The runs of :data:`chronology.GAP_MIN_YEARS` years or more, between the first and the
    last step, in which no step's date names a year (a span names its first and last year)."""
    placed = ties[ties["date_precision"] != "decade"]
    if placed.empty:
        return []
    return chronology.gap_runs(
        chronology.covered_years(placed), int(placed["year"].min()), int(placed["year"].max())
    )


def engagement_chart(
    table: pd.DataFrame, runs: Sequence[tuple[int, int]], *, title: str, source: str
) -> Figure:
    """Steps per year, stacked by kind, on a true time axis: every year has its place, and the
    runs of years with no step reported (:func:`quiet_runs`) are shaded."""
    fig, ax = new_figure(height=3.4)
    years = table.index.to_numpy(dtype=float)
    bottom = np.zeros(len(table))
    handles = []
    for kind in table.columns:
        values = table[kind].to_numpy(dtype=float)
        colour = PALETTE[KINDS.index(kind) % len(PALETTE)]  # one colour per kind, always
        handles.append(ax.bar(years, values, bottom=bottom, width=0.8, color=colour, label=kind))
        bottom += values
    for a, b in runs:
        ax.axvspan(a - 0.5, b + 0.5, color="#bbbbbb", alpha=0.3, linewidth=0, zorder=0)
    if runs:
        handles.append(Patch(color="#bbbbbb", alpha=0.3, label="nothing reported"))
    span = years[-1] - years[0] if len(years) else 0
    step = 1 if span <= 12 else 5 if span <= 40 else 10
    ax.set_xticks(range(int(np.ceil(years[0] / step) * step), int(years[-1]) + 1, step))
    ax.set_xlim(years[0] - 0.8, years[-1] + 0.8)
    ax.yaxis.get_major_locator().set_params(integer=True)
    ax.grid(axis="x", alpha=0)
    return finish(
        fig, ax, title=title, xlabel="Year", ylabel="Steps", source=source, legend=handles
    )


def engagement_alt(table: pd.DataFrame, runs: Sequence[tuple[int, int]]) -> str:
    """The engagement chart's alt text, with its numbers."""
    totals = table.sum(axis=0)
    counted = "; ".join(f"{kind}: {int(n)}" for kind, n in totals.items())
    quiet = words.join_words(words.year_range(a, b) for a, b in runs) or "none"
    first, last = int(table.index.min()), int(table.index.max())
    years = f"every year from {first} to {last}" if first < last else str(first)
    return f"Stacked bars for {years} ({counted}). Runs of years with no step: {quiet}."


def undrawn_sentence(ties: pd.DataFrame) -> Markup:
    """The steps the chart by year cannot place, in one sentence; nothing when none."""
    loose = undrawn(ties)
    if loose.empty:
        return Markup("")
    named = words.join_words(
        f"{t} ({words.format_date(d, 'decade')})"
        for t, d in zip(loose["title"], loose["date"], strict=True)
    )
    listed = "it is" if len(loose) == 1 else "they are"
    return markup.escape(
        f"Dated only to a decade, and so not drawn: {named}; {listed} in the tables below."
    )


def steps_data(scope: Scope, steps: pd.DataFrame) -> pd.DataFrame:
    """Steps as the CSV beside a table: their data, with their date label and evidence."""
    disputed = date_disputed(scope)
    evidence = scope.evidence_for(list(steps.index))
    by_step = evidence.groupby("subject_id")
    return steps.drop(columns=["line", "start", "end"]).assign(
        date_label=[str(chronology.date_label(e, disputed)) for _, e in steps.iterrows()],
        evidence=[
            ";".join(by_step.get_group(i).index) if i in by_step.groups else "" for i in steps.index
        ],
    )


# ----------------------------------------------------------------------------------------------
# Who met whom
# ----------------------------------------------------------------------------------------------

INTERLOCUTOR = "interlocutor: "
# How a passage's reported value names the person a visitor met, where passages differ.


def side(actor_ids: Iterable[str], countries: set[str], actors: pd.DataFrame) -> list[str]:
    """The actors of one side of a meeting: its people, or where none is named its
    organisations, or else its state."""
    on_side = [a for a in actor_ids if actors["country"].get(a, "") in countries]
    kind = actors["kind"]
    people = [a for a in on_side if kind.get(a) == "person"]
    return people or [a for a in on_side if kind.get(a) != "state"] or on_side


def interlocutors(evidence: pd.DataFrame, actors: pd.DataFrame) -> dict[str, str]:
    """For each evidence row whose reported value names the person met, that person's actor
    id (by name or alias)."""
    names: dict[str, str] = {}
    for actor_id, name, aliases in zip(
        actors.index, actors["name"], actors["aliases"], strict=True
    ):
        for spelling in (name, *str(aliases).split(";")):
            if spelling:
                names.setdefault(spelling.strip(), actor_id)
    found = {}
    for evidence_id, value in evidence["reported_value"].items():
        if str(value).startswith(INTERLOCUTOR):
            person = names.get(str(value).removeprefix(INTERLOCUTOR).strip())
            if person:
                found[evidence_id] = person
    return found


def who_met_whom(scope: Scope, ties: pd.DataFrame) -> pd.DataFrame:
    """One row per pair of a Pakistani and a Russian (or Soviet) side of a visit or meeting:
    the pair, the event, and the evidence rows that attest that pair. Where passages name
    different interlocutors, each pair rests only on the passages that name its Russian side;
    a side the passages do not name is empty."""
    actors = scope.dataset.actors
    meetings = of_kind(ties, VISITS)
    rows = []
    for event_id, event in meetings.iterrows():
        evidence = scope.evidence_for([event_id])
        named = interlocutors(evidence, actors)
        pakistani = side(event["actors"], SIDES[0], actors) or [""]
        russian = side(event["actors"], SIDES[1], actors) or [""]
        for pk in pakistani:
            for ru in russian:
                if named and ru not in set(named.values()):
                    continue
                attesting = (
                    [e for e, person in named.items() if person == ru]
                    if named
                    else list(evidence.index)
                )
                rows.append(
                    {
                        "event_id": event_id,
                        "pakistan": actors["name"].get(pk, ""),
                        "russia": actors["name"].get(ru, ""),
                        "evidence_ids": attesting,
                    }
                )
    return pd.DataFrame(rows, columns=["event_id", "pakistan", "russia", "evidence_ids"])


def met_table(
    scope: Scope, pairs: pd.DataFrame, ties: pd.DataFrame, disputed: set[str]
) -> pd.DataFrame:
    """Who met whom as readers see it: the two sides, when, where, and the passages that name
    that pair."""
    return pd.DataFrame(
        {
            "Pakistani side": [p or "not named" for p in pairs["pakistan"]],
            "Russian side": [r or "not named" for r in pairs["russia"]],
            "When": [chronology.date_label(ties.loc[e], disputed) for e in pairs["event_id"]],
            "Where": [ties.at[e, "location"] for e in pairs["event_id"]],
            "Attested by": [reported_attribution(scope, ids) for ids in pairs["evidence_ids"]],
        },
        columns=["Pakistani side", "Russian side", "When", "Where", "Attested by"],
    )


# ----------------------------------------------------------------------------------------------
# Passages with what each reports of its own
# ----------------------------------------------------------------------------------------------


def own_report(row: pd.Series) -> str:
    """What an evidence row's own passage reports where sources differ: its date (only when the
    passage states or implies one) and its value, in words; '' when neither."""
    parts = [common.reported_date_words(row), str(row["reported_value"])]
    return "; ".join(p for p in parts if p)


def reported_attribution(scope: Scope, evidence_ids: Sequence[str]) -> Markup:
    """Each source of the rows, oldest first, with links to its passages, each followed by what
    the passage reports of its own ('Pakistan Forward (2018), passage 9 (25 March 2018;
    interlocutor: Valery Gerasimov)')."""
    parts = []
    for source_id, rows in common.by_source(scope, evidence_ids):
        links = []
        for evidence_id in rows:
            link = common.passage_links(scope.dataset, [evidence_id], source_id)
            own = own_report(scope.evidence.loc[evidence_id])
            number = link.removeprefix("passage ")
            links.append(f"{number} ({markup.escape(own)})" if own else number)
        noun = "passage" if len(links) == 1 else "passages"
        cite = markup.cite([source_id], parenthetical=False)
        parts.append(f"{cite}, {noun} {', '.join(links)}")
    return Markup("; ".join(parts))


def subject_attribution(scope: Scope, subject_ids: Iterable[str]) -> Markup:
    """:func:`reported_attribution` of every in-scope attestation of the subjects."""
    return reported_attribution(scope, list(scope.evidence_for(list(subject_ids)).index))


# ----------------------------------------------------------------------------------------------
# Tables of steps
# ----------------------------------------------------------------------------------------------


def what(event: pd.Series, reading: str = "") -> Markup:
    """An event's title in bold and its summary, with the book's reading where it has one."""
    text = f"**{markup.escape(event['title'])}.** {markup.escape(event['summary'])}"
    if reading:
        text += f" *{markup.escape(reading)}*"
    return Markup(text)


def people(actor_ids: Iterable[str], actors: pd.DataFrame) -> str:
    """The people among the actors, or the actors when no person is named."""
    ids = list(actor_ids)
    named = [actors.at[a, "name"] for a in ids if actors.at[a, "kind"] == "person"]
    return ", ".join(named or [actors.at[a, "name"] for a in ids])


def visits_table(scope: Scope, ties: pd.DataFrame, disputed: set[str]) -> pd.DataFrame:
    """The visits and meetings: date, who, where, what, and the passages with the dates and
    interlocutors each gives of its own."""
    visits = of_kind(ties, VISITS)
    actors = scope.dataset.actors
    return pd.DataFrame(
        {
            "Date": [chronology.date_label(e, disputed) for _, e in visits.iterrows()],
            "Who": [people(a, actors) for a in visits["actors"]],
            "Where": visits["location"].to_list(),
            "What": [what(e) for _, e in visits.iterrows()],
            "Sources": [subject_attribution(scope, [i]) for i in visits.index],
        },
        columns=["Date", "Who", "Where", "What", "Sources"],
    )


WEEK_DAYS = {"days": 1, "weeks": 7}


def stated_lengths(scope: Scope, event_id: str) -> pd.DataFrame:
    """The lengths the passages state for an event (duration figures that span the event
    itself), with the days its own dates span when it is dated to the day at both ends."""
    figures = scope.figures
    own = figures[
        (figures["metric"] == "duration")
        & (figures["span_from"] == event_id)
        & (figures["span_to"] == event_id)
    ]
    event = scope.dataset.events.loc[event_id]
    dated = (
        (event["end"] - event["start"]).days + 1
        if event["date_precision"] == "day" and len(str(event["end_date"]).split("-")) == 3
        else None
    )
    return pd.DataFrame(
        {
            "figure_id": list(own.index),
            "stated_days": [
                v * WEEK_DAYS.get(u, 0) or None
                for v, u in zip(own["value"], own["unit"], strict=True)
            ],
            "dated_days": [dated] * len(own),
        },
        columns=["figure_id", "stated_days", "dated_days"],
    )


def length_conflicts(scope: Scope, event_ids: Iterable[str]) -> pd.DataFrame:
    """The stated lengths that the event's own dates contradict (more than a day apart)."""
    frames = [stated_lengths(scope, e).assign(event_id=e) for e in event_ids]
    found = (
        pd.concat(frames, ignore_index=True)
        if frames
        else pd.DataFrame(columns=["figure_id", "stated_days", "dated_days", "event_id"])
    )
    found = found.dropna(subset=["stated_days", "dated_days"])
    return found[(found["stated_days"] - found["dated_days"]).abs() > 1]


def participants(scope: Scope, event_id: str) -> Markup:
    """The personnel and length figures of an exercise, each with its passage; a stated length
    that the exercise's dates contradict says so."""
    figures = scope.figures[scope.figures["subject_id"] == event_id]
    figures = figures[figures["metric"].isin(["personnel", "duration"])]
    conflicts = length_conflicts(scope, [event_id]).set_index("figure_id")
    parts = []
    for figure_id, figure in figures.iterrows():
        text = f"{figure['label']}: {quantity(figure)}"
        if figure_id in conflicts.index:
            days = int(conflicts.at[figure_id, "dated_days"])
            text += f", though its dates span {days} days"
        links = common.attribution(scope, [figure_id])
        parts.append(f"{markup.escape(text)} ({links})")
    return Markup("; ".join(parts))


def exercises_table(scope: Scope, ties: pd.DataFrame, disputed: set[str]) -> pd.DataFrame:
    """The joint exercises: what, when, where, participants and length, sources."""
    exercises = of_kind(ties, EXERCISES)
    return pd.DataFrame(
        {
            "Exercise": [what(e) for _, e in exercises.iterrows()],
            "When": [chronology.date_label(e, disputed) for _, e in exercises.iterrows()],
            "Where": exercises["location"].to_list(),
            "Participants and length": [participants(scope, i) for i in exercises.index],
            "Sources": [subject_attribution(scope, [i]) for i in exercises.index],
        },
        columns=["Exercise", "When", "Where", "Participants and length", "Sources"],
    )


def exercise_counts(scope: Scope) -> pd.DataFrame:
    """The figures that count joint exercises, with the year they count to."""
    figures = scope.figures
    return figures[(figures["unit"] == "exercises") & (figures["metric"] == "count")]


def exercise_count_sentence(scope: Scope) -> Markup:
    """How many joint exercises a source counts, and by when; nothing when no source counts."""
    parts = []
    for figure_id, figure in exercise_counts(scope).iterrows():
        count = words.plural(int(figure["value"]), "joint exercise", words=True)
        by = f" by {int(figure['year'])}" if not pd.isna(figure["year"]) else ""
        parts.append(f"{count}{by} ({common.attribution(scope, [figure_id])})")
    if not parts:
        return Markup("")
    return Markup(f"The count the articles give: {'; '.join(parts)}.")


# ----------------------------------------------------------------------------------------------
# Arms and equipment
# ----------------------------------------------------------------------------------------------

SOVIET_END = 1991
# The year the Soviet Union ended: transfers after it are the Russian Federation's.


def arms(scope: Scope) -> pd.DataFrame:
    """The defence deals of the selection (arms and equipment transferred, offered or talked
    of)."""
    return scope.deals[scope.deals["sector"] == DEFENCE]


def status_by_source(scope: Scope, deal_ids: Sequence[str]) -> pd.Series:
    """For each deal, the status each source reports at its date ('Rizvi (2018): negotiation /
    delivered; Qureshi (2018): delivered'), oldest source first."""
    grid = measures.deal_statuses(scope).reindex(list(deal_ids)).fillna("")
    return pd.Series(
        ["; ".join(f"{s}: {v}" for s, v in row.items() if v) for _, row in grid.iterrows()],
        index=list(deal_ids),
        dtype=object,
    )


def quantity(figure: pd.Series) -> str:
    """A figure's quantity in words ('about 200 people', '4 helicopters')."""
    return words.format_quantity(
        figure["value"], figure["unit"], figure["qualifier"], figure["value_max"]
    )


def quantities(scope: Scope, deal_id: str, ties: pd.DataFrame) -> Markup:
    """How much of a deal the sources report: the quantity each passage on its deliveries gives
    of its own, with its source; else the deal's equipment figures."""
    deliveries = ties[(ties["deal_id"] == deal_id) & (ties["category"] == "delivery")]
    evidence = scope.evidence_for(list(deliveries.index))
    valued = evidence[evidence["reported_value"] != ""]
    if len(valued):
        parts = []
        for evidence_id, row in valued.iterrows():
            year = common.reported_date_words(row)
            when = f", {year}" if year else ", undated"
            links = common.attribution_of(scope, [evidence_id])
            parts.append(f"{markup.escape(row['reported_value'] + when)} ({links})")
        return Markup("; ".join(parts))
    figures = scope.figures[
        (scope.figures["subject_id"] == deal_id) & (scope.figures["metric"] == "equipment")
    ]
    return Markup(
        "; ".join(
            f"{markup.escape(quantity(f))} ({common.attribution(scope, [i])})"
            for i, f in figures.iterrows()
        )
    )


def arms_table(
    scope: Scope, deals: pd.DataFrame, ties: pd.DataFrame, disputed: set[str]
) -> pd.DataFrame:
    """The arms and equipment: item, status as each source reports it, quantity, dated steps,
    sources."""
    statuses = status_by_source(scope, list(deals.index))
    steps = {
        d: "; ".join(
            f"{chronology.date_label(e, disputed)}: {e['title']}"
            for _, e in ties[ties["deal_id"] == d].iterrows()
        )
        for d in deals.index
    }
    return pd.DataFrame(
        {
            "Item": [
                Markup(f"**{markup.escape(n)}.** {markup.escape(s)}")
                for n, s in zip(deals["name"], deals["summary"], strict=True)
            ],
            "Status by source": statuses.to_list(),
            "Quantity": [quantities(scope, d, ties) for d in deals.index],
            "Dated steps": [steps[d] for d in deals.index],
            "Sources": [common.attribution(scope, [d]) for d in deals.index],
        },
        columns=["Item", "Status by source", "Quantity", "Dated steps", "Sources"],
    )


def talks_before_transfer(ties: pd.DataFrame) -> pd.DataFrame:
    """The talks and offers of arms tied to no particular deal that come before the first
    delivery after the Soviet Union's end (all of them when the selection has none)."""
    kind = of_kind(ties, ARMS)
    talks = kind[kind["category"].isin(["negotiation", "offer"]) & (kind["deal_id"] == "")]
    later = kind[(kind["category"] == "delivery") & (kind["year"] > SOVIET_END)]
    if later.empty:
        return talks
    return talks[talks["start"] < later["start"].min()]


def talks_sentence(scope: Scope, talks: pd.DataFrame) -> Markup:
    """The talks that came before any transfer, one sentence each; nothing when none."""
    sentences = [
        f"{markup.escape(e['summary'].rstrip('.'))} "
        f"({markup.escape(chronology.date_label(e))}; {common.attribution(scope, [i])})."
        for i, e in talks.iterrows()
    ]
    if not sentences:
        return Markup("")
    return Markup(f"Talk came before any transfer. {' '.join(sentences)}")


# ----------------------------------------------------------------------------------------------
# Agreements and commissions
# ----------------------------------------------------------------------------------------------

READ_APART = (("ev-2014-military-cooperation-agreement", "ev-2015-deal"),)
# Events the data keeps apart although a reader might take them for one: the 2014 agreement
# and the 2015 deal that the same article ties to the lifting of the ban. Each is shown with
# the book's reading of it.


def reading(event: pd.Series) -> str:
    """The book's reading of an event kept apart from another (:data:`READ_APART`): its note,
    or its date note; '' for any other event."""
    if not any(event.name in pair for pair in READ_APART):
        return ""
    return str(event["note"] or event["date_note"])


def agreements_table(scope: Scope, ties: pd.DataFrame, disputed: set[str]) -> pd.DataFrame:
    """The agreements, policies and commissions: date, what (with the book's reading where two
    are kept apart), and the passages with what each reports of its own."""
    frames = of_kind(ties, AGREEMENTS)
    return pd.DataFrame(
        {
            "Date": [chronology.date_label(e, disputed) for _, e in frames.iterrows()],
            "Agreement or body": [what(e, reading(e)) for _, e in frames.iterrows()],
            "Sources": [subject_attribution(scope, [i]) for i in frames.index],
        },
        columns=["Date", "Agreement or body", "Sources"],
    )


# ----------------------------------------------------------------------------------------------
# Where the sources differ
# ----------------------------------------------------------------------------------------------


def differences(scope: Scope, ties: pd.DataFrame, deals: pd.DataFrame) -> pd.DataFrame:
    """Every conflict the data keeps on the chapter's records: dates and values the passages
    give of their own that cannot all be true (found by code), stated lengths that the dates
    contradict, and events kept apart by a reading. One row per record and kind."""
    subjects = set(ties.index) | set(deals.index)
    figures = scope.figures[scope.figures["subject_id"].isin(subjects)]
    found = measures.disagreements(scope)
    found = found[found["subject_id"].isin(subjects | set(figures.index))]
    rows = []
    for _, d in found.iterrows():
        evidence = scope.evidence.loc[d["evidence_ids"]]
        column = "reported_date" if d["kind"] == "date" else "reported_value"
        own = list(evidence.index[evidence[column] != ""])
        rows.append({"subject_id": d["subject_id"], "kind": d["kind"], "evidence_ids": own})
    for _, conflict in length_conflicts(scope, of_kind(ties, EXERCISES).index).iterrows():
        rows.append(
            {
                "subject_id": conflict["event_id"],
                "kind": "length",
                "evidence_ids": list(scope.evidence_for([conflict["figure_id"]]).index),
            }
        )
    for pair in READ_APART:
        if all(e in ties.index for e in pair):
            rows.append(
                {
                    "subject_id": pair[0],
                    "kind": "reading",
                    "evidence_ids": list(scope.evidence_for(list(pair)).index),
                }
            )
    return pd.DataFrame(rows, columns=["subject_id", "kind", "evidence_ids"])


KIND_WORDS = {
    "date": "date",
    "value": "account",
    "length": "length against dates",
    "reading": "one deal or two",
}


def differences_table(scope: Scope, found: pd.DataFrame, ties: pd.DataFrame) -> pd.DataFrame:
    """The conflicts as readers see them: the record, what differs, the book's date for it,
    and each passage with what it reports of its own."""
    return pd.DataFrame(
        {
            "Record": [markup.escape(scope.subject_title(s)) for s in found["subject_id"]],
            "What differs": [KIND_WORDS[k] for k in found["kind"]],
            "In this book": [
                chronology.date_label(ties.loc[s]) if s in ties.index else ""
                for s in found["subject_id"]
            ],
            "The passages": [reported_attribution(scope, ids) for ids in found["evidence_ids"]],
        },
        columns=["Record", "What differs", "In this book", "The passages"],
    )


# ----------------------------------------------------------------------------------------------
# The witnesses
# ----------------------------------------------------------------------------------------------


def witnesses(scope: Scope, ties: pd.DataFrame, deals: pd.DataFrame) -> pd.DataFrame:
    """Per selected source: its passages on the chapter's records (the steps, the arms and
    their figures), how many are in its author's own words, captions, quotations of people, or
    credited to other publications, and which publications."""
    subjects = set(ties.index) | set(deals.index)
    figures = scope.figures[scope.figures["subject_id"].isin(subjects)]
    evidence = scope.evidence_for(list(subjects | set(figures.index)))
    outlets = scope.dataset.citations["cited_outlet"]
    rows = []
    for source_id, label in scope.sources["label"].items():
        mine = evidence[evidence["source_id"] == source_id]
        credited = mine[pd.Series([bool(o) for o in mine["origins"]], index=mine.index, dtype=bool)]
        named = sorted({outlets[o] for cell in credited["origins"] for o in cell if o in outlets})
        rows.append(
            {
                "source_id": source_id,
                "source": label,
                "passages": len(mine),
                "own_words": int((mine["voice"] == "author").sum()),
                "captions": int((mine["voice"] == "caption").sum()),
                "quoted": int((mine["voice"] == "quoted").sum()),
                "credited": len(credited),
                "outlets": "; ".join(named),
            }
        )
    columns = [
        "source_id",
        "source",
        "passages",
        "own_words",
        "captions",
        "quoted",
        "credited",
        "outlets",
    ]
    return pd.DataFrame(rows, columns=columns).set_index("source_id")


def witnesses_table(table: pd.DataFrame) -> pd.DataFrame:
    """The witnesses as readers see them."""
    return pd.DataFrame(
        {
            "Source": [markup.cite([i], parenthetical=False) for i in table.index],
            "Passages": table["passages"].to_list(),
            "Author's words": table["own_words"].to_list(),
            "Captions": table["captions"].to_list(),
            "Quoting people": table["quoted"].to_list(),
            "Credited to": [
                f"{n}: {o}" if n else "none"
                for n, o in zip(table["credited"], table["outlets"], strict=True)
            ],
        }
    )


@dataclass(frozen=True)
class Witness:
    """One source's passages on the military ties, by voice."""

    passages: int
    own_words: int
    captions: int
    quoted: int
    credited: int
    outlets: Words


def witness_facts(whole: Scope) -> Facts:
    """The witnesses of the whole record, by the name the prose gives each article
    (:data:`common.SOURCES`), read as attributes inline (``{eval}`w.qureshi.passages```)."""
    table = witnesses(whole, cooperation(whole), arms(whole))
    return Facts(
        {
            name: Witness(
                *(
                    int(table.at[source_id, c])
                    for c in ("passages", "own_words", "captions", "quoted", "credited")
                ),
                Words(words.join_words(str(table.at[source_id, "outlets"]).split("; "))),
            )
            for name, source_id in common.SOURCES.items()
            if source_id in table.index
        }
    )


# ----------------------------------------------------------------------------------------------
# What the findings cite
# ----------------------------------------------------------------------------------------------

EMBARGO = "ev-2014-arms-embargo-lifted"
AGREEMENT_2014 = "ev-2014-military-cooperation-agreement"
DEAL_2015 = "ev-2015-deal"
SUPPLIES_1968 = "ev-1968-soviet-equipment"
AFGHAN_WAR = "ev-1980s-soviet-afghan-war"
TALKS_2012 = "ev-2012-military-cooperation-talks"
RAHEEL_VISIT = "ev-2016-raheel-sharif-visit"
FIRST_EXERCISE = "ev-2016-first-joint-exercise"
FRIENDSHIP_2017 = "ev-2017-friendship-exercise"
HELICOPTERS = "ev-2017-helicopter-delivery"
MORE_HELICOPTERS = "ev-2018-helicopter-purchase-talks"
SCO_EXERCISE = "ev-2018-sco-exercise-planned"
COMMISSION = "ev-2018-military-commission"
BAJWA_VISIT = "ev-2018-bajwa-moscow-visit"
MIRANSHAH = "ev-2017-miranshah-visit"
DRILLS_2021 = "ev-2021-joint-drills-agreed"
SPECIAL_EQUIPMENT = "ev-2021-special-equipment-offer"
SU_35 = "deal-su-35"
MI_35 = "deal-mi35m-helicopters"
HELICOPTER_FIGURE = "fig-mi35m-helicopters"

# The steps the chapter's prose names, by the name it gives their dates.
STEPS = {
    "embargo": EMBARGO,
    "agreement_2014": AGREEMENT_2014,
    "deal_2015": DEAL_2015,
    "supplies_1968": SUPPLIES_1968,
    "afghan_war": AFGHAN_WAR,
    "talks_2012": TALKS_2012,
    "raheel_visit": RAHEEL_VISIT,
    "first_exercise": FIRST_EXERCISE,
    "friendship_2017": FRIENDSHIP_2017,
    "helicopters_delivered": HELICOPTERS,
    "more_helicopters": MORE_HELICOPTERS,
    "sco_exercise": SCO_EXERCISE,
    "commission": COMMISSION,
    "bajwa_visit": BAJWA_VISIT,
    "miranshah": MIRANSHAH,
    "drills_2021": DRILLS_2021,
    "special_equipment": SPECIAL_EQUIPMENT,
}


class Facts(dict[str, object]):
    """What the findings and the interpretation cite, read as attributes inline; a count with
    ``_words`` after its name reads as a word up to ten (``f.exercises_held_words``: 'two')."""

    def __getattr__(self, name: str) -> object:
        if name in self:
            return self[name]
        base = name.removesuffix("_words")
        if base != name and isinstance(self.get(base), int):
            return Words(words.number_word(int(self[base])))
        raise AttributeError(name)


def facts(whole: Scope) -> Facts:
    """The dates, counts and quantities the prose cites, from the whole record."""
    events = pd.concat([whole.events, whole.undated_events])
    disputed = chronology.date_disputed(whole)

    def when(event_id: str, marked: bool = True) -> Words:
        if event_id not in events.index:
            return Words("undated")
        event = events.loc[event_id]
        if marked:
            return chronology.date_label(event, disputed)
        return Words(words.format_span(event["date"], event["date_precision"], event["end_date"]))

    ties = cooperation(whole)
    found = Facts({name: when(event_id) for name, event_id in STEPS.items()})
    runs = quiet_runs(ties)
    longest = max(runs, key=lambda r: r[1] - r[0]) if runs else None
    held = of_kind(ties, EXERCISES)
    placed = ties[ties["date_precision"] != "decade"]
    per = placed["year"].astype(int).value_counts().sort_index()
    lengths = length_conflicts(whole, [FIRST_EXERCISE]) if FIRST_EXERCISE in events.index else None
    stated = lengths.iloc[0] if lengths is not None and len(lengths) else None
    figure = whole.figures["value"].get(HELICOPTER_FIGURE)
    found.update(
        {
            "steps": len(ties),
            "before_2014": int((ties["year"] < 2014).sum()),
            "quiet": Words(words.year_range(*longest) if longest else "none"),
            "quiet_years": (longest[1] - longest[0] + 1) if longest else 0,
            "exercises_held": int(
                ((held["status"] == "occurred") & (held["date_precision"] != "decade")).sum()
            ),
            "helicopters": Words(
                words.number_word(int(figure))
                if figure is not None and not pd.isna(figure)
                else "some"
            ),
            "helicopters_year": when(HELICOPTERS, marked=False),
            "versions": len(differences(whole, ties, arms(whole))),
            "busiest_year": int(per.idxmax()) if len(per) else 0,
            "busiest_count": int(per.max()) if len(per) else 0,
            "stated_days": int(stated["stated_days"]) if stated is not None else 0,
            "dated_days": int(stated["dated_days"]) if stated is not None else 0,
        }
    )
    return found


def selection_sentence(
    scope: Scope, whole: Scope, ties: pd.DataFrame, include_planned: bool = True
) -> Markup:
    """What the figures and tables below hold, against the whole record; the sentence for an
    empty selection says so."""
    if ties.empty:
        return markup.escape(
            f"No step of military cooperation between the two states falls between "
            f"{scope.start_year} and {scope.end_year} in this selection, so the figures and "
            "tables below are empty; the findings above are those of the whole record."
        )
    first, last = int(ties["year"].min()), int(ties["end_year"].max())
    others = [] if include_planned else ["the steps reported as taken"]
    if DEFENCE not in scope.themes:
        others.append("the chosen themes")
    narrowed = common.narrowed_to(scope, *others)
    if not narrowed:
        return markup.escape(
            f"The figures and tables below hold every step of the record, from {first} to {last}."
        )
    return markup.escape(
        f"The figures and tables below are narrowed to {narrowed}: they hold {len(ties)} of the "
        f"{len(cooperation(whole))} steps of the whole record, from {first} to {last}; the "
        "findings above are those of the whole record."
    )
