"""Where the sources differ: the dates and values the passages give that cannot all be true, the
stated lengths the dates contradict, and the events the data keeps apart."""

from __future__ import annotations

import pandas as pd

from helpers.analysis import measures
from helpers.analysis.scope import Scope
from helpers.chapters.military_ties.exercises import length_conflicts
from helpers.chapters.military_ties.kinds import EXERCISES, of_kind

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
