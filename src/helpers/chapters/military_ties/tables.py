"""The military ties' tables, and the data written beside them: the steps, who met whom, the
visits, exercises, arms and agreements, the conflicts and the witnesses."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from helpers.analysis.scope import Scope
from helpers.chapters import chronology, common
from helpers.chapters.chronology import date_disputed
from helpers.chapters.military_ties.attribution import reported_attribution, subject_attribution
from helpers.chapters.military_ties.conflicts import reading
from helpers.chapters.military_ties.equipment import quantities, quantity, status_by_source
from helpers.chapters.military_ties.exercises import length_conflicts
from helpers.chapters.military_ties.kinds import AGREEMENTS, EXERCISES, VISITS, of_kind
from helpers.render import markup
from helpers.render.markup import Markup


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
