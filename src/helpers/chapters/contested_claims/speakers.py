"""The passages and who speaks in them: speakers in words, voices linked to their passages, and
how many passages an article credits to other publications."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from helpers.analysis import origins
from helpers.evidence import Dataset
from helpers.render import markup, words


def speaker_words(row: pd.Series) -> str:
    """Who speaks in a passage, for a reader: 'Rizvi (2018)', 'Abdur Rehman in Pakistan Forward
    (2018)', 'photo caption in …', 'reader comment 3 under …'."""
    label = row["source_label"]
    if row["voice"] == "author":
        return label
    if row["voice"] == "reader":
        return f"{row['speaker']} under {label}"
    if row["voice"] == "caption":
        return f"a photo caption in {label}"
    return f"{row['speaker']} in {label}"


def linked_voices(
    evidence: pd.DataFrame, credits: Mapping[str, str], numbers: Mapping[str, int]
) -> markup.Markup:
    """The voices of some passages, each linked to its passage ('Abdur Rehman in Pakistan
    Forward (2018)'); a voice with several passages links them by the numbers their article's
    page shows (``numbers``, :func:`helpers.render.passage_numbers.passage_numbers`); a passage
    credited to other publications says so ('Fernandez (2021), after Dawn')."""
    parts = []
    speakers = pd.Series([speaker_words(r) for _, r in evidence.iterrows()], index=evidence.index)
    for who, group in evidence.groupby(speakers, sort=False):
        after = words.ordered_unique(
            [credits[c] for refs in group["origins"] for c in refs if credits[c] not in who]
        )
        text = who + (f", after {words.join_words(after)}" if after else "")
        if len(group) == 1:
            parts.append(markup.passage(group.index[0], text))
        else:
            parts.append(f"{markup.escape(text)} ({markup.numbered(group.index, numbers)})")
    return markup.Markup("; ".join(parts))


def numbered_passages(
    evidence: pd.DataFrame, sources: pd.DataFrame, numbers: Mapping[str, int]
) -> markup.Markup:
    """Links to every passage by the number its article's page shows (``numbers``), the sources
    in the order of ``sources``: 'Rizvi (2018) 3, 12; …'."""
    parts = []
    for source_id in sources.index:
        group = evidence[evidence["source_id"] == source_id]
        if group.empty:
            continue
        label = sources.at[source_id, "label"]
        parts.append(f"{markup.escape(label)} {markup.numbered(group.index, numbers)}")
    return markup.Markup("; ".join(parts))


def credited(dataset: Dataset, source_id: str) -> tuple[int, int]:
    """Of one article's quoted passages (in the whole dataset, whatever the selection), how
    many it credits to other publications, and how many there are."""
    return origins.credited_passages(dataset.evidence[dataset.evidence["source_id"] == source_id])
