"""The history of each project: every dated step the passages report, with its stage."""

from __future__ import annotations

import pandas as pd

from helpers.analysis.scope import Scope
from helpers.chapters.energy_deals.stages import stage_words
from helpers.evidence.dates import period
from helpers.render import markup, words

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
