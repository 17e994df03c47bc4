"""The scorecard of the predictions the selected sources voice, and the threads they leave open,
each with its outcome and verdict in the later record."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from helpers.analysis import measures
from helpers.analysis.scope import Scope
from helpers.chapters.energy_deals import stage_words
from helpers.chapters.what_happened_next.speakers import horizon_words, source_dates, voices
from helpers.evidence import Dataset
from helpers.evidence.dates import period
from helpers.evidence.later import open_threads
from helpers.evidence.vocabularies import VERDICTS
from helpers.render import markup, words
from helpers.render.markup import Markup

PREDICTION = "prediction"


NOT_CHECKED = "not checked yet"
"""What the scorecard says of a prediction or thread that has no outcome in the data yet."""


def verdict_words(verdict: str) -> str:
    """A verdict as a reader sees it ('too early or unclear'); :data:`NOT_CHECKED` for none."""
    return VERDICTS.word(verdict) if verdict else NOT_CHECKED


def verdict_markup(verdict: str) -> Markup:
    """A verdict in bold, marked with its class (coloured in HTML, plain in the PDF)."""
    name = verdict.replace("_", "-") if verdict else "not-checked"
    return Markup(f"**[{markup.escape(verdict_words(verdict))}]{{.verdict-{name}}}**")


def predictions(scope: Scope) -> pd.DataFrame:
    """The claims of kind prediction that the selected sources voice, in the claims' order."""
    claims = scope.claims
    return claims[claims["kind"] == PREDICTION]


def in_scope_threads(scope: Scope) -> list[str]:
    """The open threads the scope holds, other than predictions: the subjects of the scorecard
    and the open threads of the data (planned events, deals not delivered) that the selected
    articles attest, in the scorecard's order, then the data's."""
    dataset = scope.dataset
    held = (
        set(scope.events.index)
        | set(scope.undated_events.index)
        | set(scope.deals.index)
        | set(scope.claims.index[scope.claims["kind"] != PREDICTION])
    )
    candidates = [*dataset.outcomes["subject_id"], *open_threads(dataset)]
    prediction_ids = set(dataset.claims.index[dataset.claims["kind"] == PREDICTION])
    return [s for s in dict.fromkeys(candidates) if s in held and s not in prediction_ids]


def outcome_of(dataset: Dataset, subject_id: str) -> pd.Series | None:
    """The scorecard's row for a subject, or None when it has none yet."""
    found = dataset.outcomes[dataset.outcomes["subject_id"] == subject_id]
    return None if found.empty else found.iloc[0]


def record_reaches(dataset: Dataset, later_ids: Iterable[str]) -> str:
    """How far the later-record rows behind a verdict reach: the latest date among them, in
    words ('December 2025'), or '' without rows."""
    rows = dataset.later_record.loc[list(later_ids)]
    if rows.empty:
        return ""
    ends = [period(d, p)[1] for d, p in zip(rows["date"], rows["date_precision"], strict=True)]
    latest = rows.iloc[max(range(len(ends)), key=ends.__getitem__)]
    return words.format_date(latest["date"], latest["date_precision"])


SCORECARD_COLUMNS = [
    "subject_id",
    "thread",
    "statement",
    "predicted_by",
    "disputed_by",
    "when",
    "horizon",
    "verdict",
    "outcome",
    "reasoning",
    "later_ids",
    "not_found",
    "reaches",
]


def _outcome_fields(dataset: Dataset, subject_id: str, fallback: str) -> dict[str, object]:
    outcome = outcome_of(dataset, subject_id)
    if outcome is None:
        return {
            "thread": fallback,
            "verdict": "",
            "outcome": "",
            "reasoning": "",
            "later_ids": (),
            "not_found": "",
            "reaches": "",
        }
    return {
        "thread": outcome["thread"],
        "verdict": outcome["verdict"],
        "outcome": outcome["outcome"],
        "reasoning": outcome["reasoning"],
        "later_ids": tuple(outcome["later_ids"]),
        "not_found": outcome["not_found"],
        "reaches": record_reaches(dataset, outcome["later_ids"]),
    }


def scorecard(scope: Scope) -> pd.DataFrame:
    """One row per prediction the selected sources voice: its statement, who predicted it and
    who disputed it (with their passages), when (the sources' dates), its horizon, and its
    outcome in the later record (empty fields when it has none yet)."""
    rows = []
    for claim_id, claim in predictions(scope).iterrows():
        rows.append(
            {
                "subject_id": claim_id,
                "statement": claim["statement"],
                "predicted_by": voices(scope, claim_id, ["supports"]),
                "disputed_by": voices(scope, claim_id, ["disputes", "qualifies"]),
                "when": source_dates(scope, claim_id, ["supports"])
                or source_dates(scope, claim_id),
                "horizon": horizon_words(claim["horizon"]),
                **_outcome_fields(scope.dataset, claim_id, claim["statement"]),
            }
        )
    return pd.DataFrame(rows, columns=SCORECARD_COLUMNS)


THREAD_COLUMNS = [
    "subject_id",
    "kind",
    "thread",
    "left_open",
    "sources",
    "verdict",
    "outcome",
    "reasoning",
    "later_ids",
    "not_found",
    "reaches",
]


def left_open(scope: Scope, subject_id: str) -> Markup:
    """What the selected articles leave open about a thread, cited: a planned event with its
    date, a deal at the status each source reports, or a claim as they state it."""
    dataset = scope.dataset
    source_ids = [str(s) for s in scope.evidence_for([subject_id])["source_id"].unique()]
    cites = markup.cite(source_ids, parenthetical=True)
    if subject_id in dataset.deals.index:
        name = markup.escape(dataset.deals.at[subject_id, "name"])
        grid = measures.deal_statuses(scope)
        labels = {label: i for i, label in scope.sources["label"].items()}
        reported = (
            [
                f"{markup.escape(stage_words(status))} in "
                f"{markup.cite([labels[label]], parenthetical=False)}"
                for label, status in grid.loc[subject_id].items()
                if status
            ]
            if subject_id in grid.index
            else []
        )
        if reported:
            return Markup(f"{name}: {'; '.join(reported)}.")
        return Markup(f"{name}: no status reported. {cites}")
    if subject_id in dataset.events.index:
        event = dataset.events.loc[subject_id]
        when = words.event_date(
            event["date"],
            event["date_precision"],
            event["end_date"],
            qualifier=event["date_qualifier"],
        )
        text = f"{when[:1].upper()}{when[1:]}: {event['summary']}"
    else:
        text = f"“{dataset.claims.at[subject_id, 'statement']}”"
    return Markup(f"{markup.escape(text)} {cites}")


def thread_kind(dataset: Dataset, subject_id: str) -> str:
    """'event', 'deal' or 'claim'."""
    if subject_id in dataset.events.index:
        return "event"
    if subject_id in dataset.deals.index:
        return "deal"
    return "claim"


def threads(scope: Scope) -> pd.DataFrame:
    """One row per open thread the scope holds: what the articles leave open, their sources,
    and its outcome in the later record (empty fields when it has none yet)."""
    rows = []
    for subject_id in in_scope_threads(scope):
        sources = scope.evidence_for([subject_id])["source_label"].unique()
        rows.append(
            {
                "subject_id": subject_id,
                "kind": thread_kind(scope.dataset, subject_id),
                "left_open": left_open(scope, subject_id),
                "sources": list(sources),
                **_outcome_fields(scope.dataset, subject_id, scope.subject_title(subject_id)),
            }
        )
    return pd.DataFrame(rows, columns=THREAD_COLUMNS)
