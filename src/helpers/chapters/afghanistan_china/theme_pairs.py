"""The themes that travel together: how often each theme shares an event with another, and the
factors by source and by decade."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from helpers.analysis import measures
from helpers.analysis.scope import Scope, contains_any
from helpers.chapters.afghanistan_china.factors import FACTORS
from helpers.evidence.vocabularies import THEMES


def cooccurrence(events: pd.DataFrame, themes: Sequence[str]) -> pd.DataFrame:
    """Themes × themes over the events: how many carry both, for the themes present, labelled
    with their display words."""
    present = [t for t in themes if contains_any(events["themes"], [t]).any()]
    matrix = measures.theme_cooccurrence(events, present)
    labels = [THEMES.word(t) for t in present]
    matrix.index, matrix.columns = labels, labels
    return matrix


def _factor_counts(events: pd.DataFrame) -> dict[str, int]:
    has = {f: contains_any(events["themes"], [f]) for f in FACTORS}
    return {
        "Events": len(events),
        "Afghanistan": int(has["afghanistan"].sum()),
        "China": int(has["china"].sum()),
        "Both": int((has["afghanistan"] & has["china"]).sum()),
    }


def by_source(scope: Scope) -> pd.DataFrame:
    """Per source: the events it reports, and how many concern Afghanistan, China or both."""
    events = scope.events
    reported = scope.evidence[scope.evidence["subject_id"].isin(events.index)]
    rows = []
    for source_id, label in scope.sources["label"].items():
        mine = events.loc[
            events.index.isin(reported.loc[reported["source_id"] == source_id, "subject_id"])
        ]
        rows.append({"Source": label, **_factor_counts(mine)})
    return pd.DataFrame(rows, columns=["Source", "Events", "Afghanistan", "China", "Both"])


def by_decade(events: pd.DataFrame) -> pd.DataFrame:
    """Per decade of start: the events, and how many concern Afghanistan, China or both."""
    decades = events["year"].map(lambda y: measures.decade_of(int(y)))
    rows = [{"Decade": d, **_factor_counts(group)} for d, group in events.groupby(decades)]
    return pd.DataFrame(rows, columns=["Decade", "Events", "Afghanistan", "China", "Both"])
