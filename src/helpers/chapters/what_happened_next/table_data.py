"""The data written beside the tables and the figure of the chapter on what happened next:
plain text and ids."""

from __future__ import annotations

import re
from collections.abc import Iterable

import pandas as pd


def _joined(values: Iterable[object]) -> str:
    return ";".join(str(v) for v in values)


def scorecard_data(card: pd.DataFrame) -> pd.DataFrame:
    """The scorecard as its CSV holds it: plain text and ids, one row per prediction."""
    return pd.DataFrame(
        {
            "claim_id": card["subject_id"],
            "statement": card["statement"],
            "predicted_by": [_joined(markup_text(v) for v in vs) for vs in card["predicted_by"]],
            "disputed_by": [_joined(markup_text(v) for v in vs) for vs in card["disputed_by"]],
            "published": [_joined(w) for w in card["when"]],
            "horizon": card["horizon"],
            "verdict": card["verdict"],
            "outcome": card["outcome"],
            "reasoning": card["reasoning"],
            "later_ids": [_joined(ids) for ids in card["later_ids"]],
            "record_reaches": card["reaches"],
        }
    )


def threads_data(frame: pd.DataFrame) -> pd.DataFrame:
    """The open threads as their CSV holds them: plain text and ids."""
    return pd.DataFrame(
        {
            "subject_id": frame["subject_id"],
            "kind": frame["kind"],
            "thread": frame["thread"],
            "left_open": [markup_text(v) for v in frame["left_open"]],
            "sources": [_joined(v) for v in frame["sources"]],
            "verdict": frame["verdict"],
            "outcome": frame["outcome"],
            "reasoning": frame["reasoning"],
            "later_ids": [_joined(ids) for ids in frame["later_ids"]],
            "record_reaches": frame["reaches"],
        }
    )


def lanes_data(drawn: pd.DataFrame) -> pd.DataFrame:
    """The data of the threads chart: each lane's dates (fractional years) and verdict."""
    return pd.DataFrame(
        {
            "subject_id": drawn["subject_id"],
            "thread": drawn["thread"],
            "article_years": [_joined(f"{y:.3f}" for y in ys) for ys in drawn["articles"]],
            "later_years": [_joined(f"{y:.3f}" for y in ys) for ys in drawn["later"]],
            "verdict": drawn["verdict"],
            "later_ids": [_joined(ids) for ids in drawn["later_ids"]],
        }
    )


def later_data(later: pd.DataFrame) -> pd.DataFrame:
    """The later-record rows shown, as the data table holds them."""
    return later.drop(columns=["line", "start"]).reset_index(drop=True)


_ROLE = re.compile(r"\{(?P<role>cite:[pt]|ref|passage)\}`(?P<body>[^`]*)`")


def markup_text(value: str) -> str:
    """Markup as plain text for a CSV: citations as their source ids (in parentheses where the
    citation is parenthetical), passage links as their evidence ids, escapes removed."""

    def plain(match: re.Match[str]) -> str:
        body = match.group("body")
        inner = re.search(r"<([^>]*)>", body)
        text = inner.group(1) if inner else body
        return f"({text})" if match.group("role") == "cite:p" else text

    text = _ROLE.sub(plain, str(value))
    return re.sub(r"\\(.)", r"\1", text)
