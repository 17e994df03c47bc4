"""Who said it, and when: the voices of the selected sources on a claim, the dates of their
publications, and a prediction's horizon."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from helpers.analysis.scope import Scope
from helpers.evidence.dates import date_precision_of
from helpers.render import markup, words
from helpers.render.markup import Markup
from helpers.render.passage_numbers import passage_numbers


def voice_label(row: pd.Series) -> Markup:
    """Who speaks in an in-scope evidence row, cited: 'Qureshi (2018)', 'Abdur Rehman, in
    Pakistan Forward (2018)', 'readers of Pakistan Forward (2018)'."""
    cite = markup.cite([str(row["source_id"])], parenthetical=False)
    if row["voice"] == "author":
        return cite
    if row["voice"] == "reader":
        return Markup(f"readers of {cite}")
    return Markup(f"{markup.escape(row['speaker'])}, in {cite}")


def voices(scope: Scope, subject_id: str, stances: Iterable[str]) -> list[Markup]:
    """The voices of the selected sources that take one of ``stances`` on a claim, oldest
    source first, each once, with links to its passages: 'Abdur Rehman, in Pakistan Forward
    (2018) (passages 3, 12)', numbered as the article's page numbers them."""
    evidence = scope.evidence_for([subject_id])
    evidence = evidence[evidence["stance"].isin(list(stances))]
    grouped: dict[str, list[str]] = {}
    for evidence_id, row in evidence.iterrows():
        grouped.setdefault(voice_label(row), []).append(str(evidence_id))
    shown = []
    for label, ids in grouped.items():
        if len(ids) == 1:
            links = f"({markup.passage(ids[0])})"
        else:
            numbers = passage_numbers(scope.dataset, scope.sources.index)
            links = f"(passages {markup.numbered(ids, numbers)})"
        shown.append(Markup(f"{label} {links}"))
    return shown


def source_dates(scope: Scope, subject_id: str, stances: Iterable[str] | None = None) -> list[str]:
    """The publication dates, in words and oldest first, of the selected sources that attest a
    subject (with ``stances``, only those whose voices take one of them)."""
    evidence = scope.evidence_for([subject_id])
    if stances is not None:
        evidence = evidence[evidence["stance"].isin(list(stances))]
    ids = set(evidence["source_id"])
    sources = scope.sources[scope.sources.index.isin(ids)]
    return words.ordered_unique(
        [
            words.format_date(p, q)
            for p, q in zip(sources["published"], sources["published_precision"], strict=True)
        ]
    )


def horizon_words(horizon: str) -> str:
    """A prediction's horizon: 'by September 2012', or 'none given'."""
    if not horizon:
        return "none given"
    return f"by {words.format_date(horizon, date_precision_of(horizon))}"
