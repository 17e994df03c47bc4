"""The passages behind a row of the chapter's tables, each with what it reports of its own (its
date, its value) where the sources differ."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import pandas as pd

from helpers.analysis.scope import Scope
from helpers.chapters import common
from helpers.render import markup
from helpers.render.markup import Markup


def own_report(row: pd.Series) -> str:
    """What an evidence row's own passage reports where sources differ: its date (only when the
    passage states or implies one) and its value, in words; '' when neither."""
    parts = [common.reported_date_words(row), str(row["reported_value"])]
    return "; ".join(p for p in parts if p)


def reported_attribution(scope: Scope, evidence_ids: Sequence[str]) -> Markup:
    """Each source of the rows, oldest first, with links to its passages, each followed by what
    the passage reports of its own ('Pakistan Forward (2018), passage 9 (25 March 2018;
    interlocutor: Valery Gerasimov)')."""
    parts = []
    for source_id, rows in common.by_source(scope, evidence_ids):
        links = []
        for evidence_id in rows:
            link = common.passage_links(scope.dataset, [evidence_id], source_id)
            own = own_report(scope.evidence.loc[evidence_id])
            number = link.removeprefix("passage ")
            links.append(f"{number} ({markup.escape(own)})" if own else number)
        noun = "passage" if len(links) == 1 else "passages"
        cite = markup.cite([source_id], parenthetical=False)
        parts.append(f"{cite}, {noun} {', '.join(links)}")
    return Markup("; ".join(parts))


def subject_attribution(scope: Scope, subject_ids: Iterable[str]) -> Markup:
    """:func:`reported_attribution` of every in-scope attestation of the subjects."""
    return reported_attribution(scope, list(scope.evidence_for(list(subject_ids)).index))
