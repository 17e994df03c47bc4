"""The facts on which the attestations disagree: the versions as their sources word them."""

from __future__ import annotations

import pandas as pd

from helpers.analysis import measures
from helpers.analysis.scope import Scope
from helpers.chapters.contested_claims.speakers import speaker_words
from helpers.evidence.dates import date_precision_of
from helpers.render import markup, words


def version_words(dispute: pd.Series, scope: Scope) -> list[str]:
    """The versions of one disagreement as a reader sees them: a value as its source words it;
    a date at the precision its passage gives it ('the 1980s'), or, for a passage that gives no
    date of its own, at the precision of the event's date."""
    if dispute["kind"] != "date":
        return list(dispute["reported"])
    evidence = scope.dataset.evidence
    event = scope.dataset.events.loc[dispute["subject_id"]]
    shown = []
    for evidence_id, date in zip(dispute["evidence_ids"], dispute["reported"], strict=True):
        row = evidence.loc[evidence_id]
        if row["reported_date"]:
            precision = row["reported_precision"] or date_precision_of(date)
        else:
            precision = event["date_precision"]
        shown.append(words.format_date(date, precision))
    return shown


def disagreements_table(scope: Scope, disputes: pd.DataFrame) -> pd.DataFrame:
    """The facts on which attestations disagree: each version as its source words it, with who
    gives it, linked to the passage."""
    evidence = scope.evidence
    rows = []
    for _, dispute in disputes.iterrows():
        versions = version_words(dispute, scope)
        who = [speaker_words(evidence.loc[e]) for e in dispute["evidence_ids"]]
        rows.append(
            {
                "Fact": dispute["subject"],
                "Differs in": "date" if dispute["kind"] == "date" else "value or wording",
                "Versions": markup.Markup(
                    "; ".join(
                        f"{markup.escape(v)} ({markup.passage(e, w)})"
                        for v, w, e in zip(versions, who, dispute["evidence_ids"], strict=True)
                    )
                ),
                "Between": "passages of one article"
                if dispute["sources"] == 1
                else f"{words.number_word(int(dispute['sources']))} articles",
            }
        )
    return pd.DataFrame(rows, columns=["Fact", "Differs in", "Versions", "Between"])


def within_one_article(disputes: pd.DataFrame) -> int:
    """How many disagreements lie between passages of one article."""
    return int((disputes["sources"] == 1).sum()) if len(disputes) else 0


def disputed_subjects(disputes: pd.DataFrame) -> int:
    """How many events, deals or figures the disagreements concern."""
    return int(disputes["subject_id"].nunique()) if len(disputes) else 0


def factual_disagreements(scope: Scope) -> pd.DataFrame:
    """The events, deals and figures in scope (events within the years, or undated when the
    years cover all) whose attestations give versions that cannot all be true
    (:func:`helpers.analysis.measures.disagreements`)."""
    found = measures.disagreements(scope)
    subjects = [scope.events, scope.undated_events, scope.deals, scope.figures]
    in_scope = set().union(*(frame.index for frame in subjects))
    return found[found["subject_id"].isin(in_scope)].reset_index(drop=True)
