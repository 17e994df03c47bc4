"""The witnesses: per source, its passages on the chapter's records by voice, and the
publications it credits."""

from __future__ import annotations

import pandas as pd

from helpers.analysis.scope import Scope


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
