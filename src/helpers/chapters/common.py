"""What several chapters share: how they show the versions of a fact the sources disagree on, and
how they link a record to the passages that attest it."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import pandas as pd

from helpers.analysis.scope import Scope
from helpers.evidence import Dataset
from helpers.evidence.dates import date_precision_of
from helpers.render import figure_style, markup
from helpers.render.markup import Markup
from helpers.render.passage_numbers import passage_numbers
from helpers.render.words import format_date, join_words


def versions_shown(disputes: pd.DataFrame) -> list[list[str]]:
    """For each disagreement (a row of :func:`helpers.analysis.measures.disagreements`), its
    versions as a reader sees them: a date in words at the precision it is given, a value as
    the source words it."""
    return [
        [format_date(v, date_precision_of(v)) if kind == "date" else v for v in reported]
        for kind, reported in zip(disputes["kind"], disputes["reported"], strict=True)
    ]


# ----------------------------------------------------------------------------------------------
# Passages
# ----------------------------------------------------------------------------------------------


def passage_links(
    dataset: Dataset, evidence_ids: Sequence[str], source_id: str | None = None
) -> Markup:
    """Links to passages of one article (``source_id``, when the caller knows it), in reading
    order, by the numbers their article's page shows (:mod:`helpers.render.passage_numbers`):
    'passage 14', 'passages 3, 14'. A passage without a number (its quote not found in its seed)
    is linked by the book's passage link alone."""
    if not len(evidence_ids):
        return Markup("")
    sources = (
        {source_id} if source_id else set(dataset.evidence["source_id"].loc[list(evidence_ids)])
    )
    numbers = passage_numbers(dataset, sorted(sources))
    ordered = sorted(dict.fromkeys(evidence_ids), key=lambda e: (numbers.get(e, 0), e))
    if not all(e in numbers for e in ordered):
        return markup.passages(ordered)
    links = [markup.passage(e, str(numbers[e])) for e in ordered]
    noun = "passage" if len(links) == 1 else "passages"
    return Markup(f"{noun} {', '.join(links)}")


def by_source(scope: Scope, evidence_ids: Iterable[str]) -> list[tuple[str, list[str]]]:
    """In-scope evidence rows grouped by their source, the sources in the scope's order
    (oldest first), each source's rows in the order given."""
    ids = list(dict.fromkeys(evidence_ids))
    groups: dict[str, list[str]] = {}
    for evidence_id, source_id in zip(ids, scope.evidence["source_id"].loc[ids], strict=True):
        groups.setdefault(str(source_id), []).append(evidence_id)
    position = scope.sources.index.get_loc
    return sorted(groups.items(), key=lambda item: position(item[0]))


def attribution(scope: Scope, subject_ids: Iterable[str]) -> Markup:
    """Who attests the subjects: each selected source that does, oldest first, cited by its
    author–year label, with links to its passages ('Qureshi (2018), passages 14, 15')."""
    return attribution_of(scope, list(scope.evidence_for(list(dict.fromkeys(subject_ids))).index))


def attribution_of(scope: Scope, evidence_ids: Sequence[str]) -> Markup:
    """:func:`attribution` of the given in-scope evidence rows."""
    parts = [
        f"{markup.cite([source_id], parenthetical=False)}, "
        f"{passage_links(scope.dataset, rows, source_id)}"
        for source_id, rows in by_source(scope, evidence_ids)
    ]
    return Markup("; ".join(parts))


SOURCES = {
    "desilva": "src-fdi-2012",
    "rizvi": "src-an-2018",
    "qureshi": "src-aq-2018",
    "forward": "src-pf-2018",
    "fernandez": "src-pr-2021",
}
"""The five articles, by the names the chapters' prose uses for them."""


def reported_date_words(row: pd.Series) -> str:
    """The date an evidence row's own passage gives, in words at its precision ('the 1980s',
    '25 March 2018'), or '' when the passage gives none."""
    date = str(row["reported_date"])
    if not date:
        return ""
    return format_date(date, str(row["reported_precision"]) or date_precision_of(date))


def figure_source(scope: Scope, subject_ids: Iterable[str]) -> str:
    """The source line of a figure drawn from these records: it names only the selected
    sources that attest them ('' when none does, and so nothing is drawn)."""
    labels = scope.source_labels_for(list(subject_ids))
    return figure_style.source_line(labels) if labels else ""


def narrowed_to(scope: Scope, *others: str) -> str:
    """What a selection narrows the record to, in words ('Fernandez (2021) and the years
    2015–2021'); '' when it narrows nothing. ``others`` are further narrowings, in words."""
    parts = [] if scope.all_sources else [join_words(scope.sources["label"])]
    if not scope.covers_all_years:
        parts.append(f"the years {scope.start_year}–{scope.end_year}")
    return join_words([*parts, *others])
