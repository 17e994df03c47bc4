"""The later record (publications after the five articles) as dated events, for the chapter on
what happened next and for the chronology's later layer."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from helpers.analysis.scope import SECTOR_THEMES
from helpers.evidence import Dataset
from helpers.evidence.dates import period
from helpers.evidence.vocabularies import THEMES
from helpers.render import words


def publication_text(row: pd.Series) -> str:
    """The publication of a later-record row in words: 'Dawn, “Putin defers …”, 27 September
    2012', the headline only where the page shows one, and 'undated' where it shows no date."""
    parts = [str(row["outlet"])]
    if row["title_basis"] == "headline":
        parts.append(f"“{row['title']}”")
    parts.append(words.format_date(row["published"], row["published_precision"]))
    return ", ".join(parts)


def subject_themes(dataset: Dataset, subject_ids: Iterable[str]) -> tuple[str, ...]:
    """The themes of the events and the sectors of the deals among ``subject_ids`` (claims
    carry none), in vocabulary order."""
    found: set[str] = set()
    for subject in subject_ids:
        if subject in dataset.events.index:
            found.update(dataset.events.at[subject, "themes"])
        elif subject in dataset.deals.index:
            found.add(SECTOR_THEMES[dataset.deals.at[subject, "sector"]])
    return tuple(t for t in THEMES if t in found)


LATER_EVENT_COLUMNS = [
    "later_id",
    "date",
    "date_precision",
    "start",
    "end",
    "year",
    "end_year",
    "label",
    "publication",
    "url",
    "outlet",
    "source_kind",
    "subject_ids",
    "themes",
]


def later_events(dataset: Dataset, *, themes: Iterable[str] | None = None) -> pd.DataFrame:
    """The later record as dated events, oldest first, one row per attestation: its date and
    precision (``start``, ``end``, ``year``, ``end_year`` as the events table has them), a
    ``label`` (what happened), its ``publication`` in words and ``url``, the ``subject_ids`` it
    bears on and their ``themes``.

    With ``themes``, only rows bearing on one of them are kept; a row that bears on claims
    alone has no theme and is kept only when every theme is chosen.
    """
    later = dataset.later_record
    rows = []
    for later_id, row in later.iterrows():
        start, end = period(row["date"], row["date_precision"])
        rows.append(
            {
                "later_id": later_id,
                "date": row["date"],
                "date_precision": row["date_precision"],
                "start": start,
                "end": end,
                "year": start.year,
                "end_year": end.year,
                "label": row["what_happened"],
                "publication": publication_text(row),
                "url": row["url"],
                "outlet": row["outlet"],
                "source_kind": row["source_kind"],
                "subject_ids": row["subject_ids"],
                "themes": subject_themes(dataset, row["subject_ids"]),
            }
        )
    frame = pd.DataFrame(rows, columns=LATER_EVENT_COLUMNS)
    frame["start"] = pd.to_datetime(frame["start"])
    frame["end"] = pd.to_datetime(frame["end"])
    frame.index = pd.Index(frame["later_id"].to_list())
    if themes is not None:
        chosen = set(themes)
        every = chosen >= set(THEMES)
        keep = [bool(chosen & set(t)) or (not t and every) for t in frame["themes"]]
        frame = frame[pd.Series(keep, index=frame.index, dtype=bool)]
    return frame.sort_values(["start", "later_id"])
