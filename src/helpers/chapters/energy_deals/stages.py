"""The stage each project has reached, as each source reports it at its date: the latest status,
the furthest stage, and the grid of statuses by source."""

from __future__ import annotations

import pandas as pd

from helpers.analysis import measures
from helpers.analysis.scope import Scope
from helpers.evidence.vocabularies import DEAL_STATUSES
from helpers.render import words


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
