"""Computations the chapters share: disagreements, stances, statuses, co-occurrence, counts.

Everything here is found by code from the evidence table, never listed by hand: a disagreement
is two attestations of one event, deal or figure whose ``reported_date`` periods do not overlap
or whose ``reported_value`` words differ.
"""

from __future__ import annotations

from collections import Counter
from itertools import combinations, product

import numpy as np
import pandas as pd

from helpers.analysis.scope import Scope
from helpers.evidence import schema, vocabularies
from helpers.evidence.dates import period

READERS = "Readers"


def dates_conflict(a: str, b: str) -> bool:
    """Whether two reported dates cannot both be right (their periods do not overlap)."""
    (a0, a1), (b0, b1) = period(a), period(b)
    return a1 < b0 or b1 < a0


def _same_value(a: str, b: str) -> bool:
    return " ".join(a.lower().split()) == " ".join(b.lower().split())


def disagreements(scope: Scope) -> pd.DataFrame:
    """Every in-scope subject whose attestations report conflicting dates or values.

    One row per subject and kind (``date`` or ``value``) with the versions, each naming its
    source, speaker and evidence row. For an event, an attestation without a ``reported_date``
    of its own reports the event's date; values are compared only where they are reported.
    """
    rows = []
    ev = scope.evidence
    facts = ev[ev["subject_id"].map(schema.table_of_id).isin(["events", "deals", "figures"])]
    # Only a subject with a reported date, or with two reported values, can disagree: the
    # others are dropped before the loop below, which is slow per subject.
    given = {"dated": facts["reported_date"] != "", "valued": facts["reported_value"] != ""}
    marks = pd.DataFrame(given).groupby(facts["subject_id"]).sum()
    candidates = marks.index[(marks["dated"] > 0) | (marks["valued"] > 1)]
    facts = facts[facts["subject_id"].isin(candidates)]
    event_dates = scope.dataset.events["date"]
    for subject, group in facts.groupby("subject_id", sort=True):
        for kind, column in (("date", "reported_date"), ("value", "reported_value")):
            reported = group[group[column] != ""]
            if kind == "date" and len(reported) and event_dates.get(subject, ""):
                # an attestation that gives no date of its own stands for the event's date
                reported = group.assign(
                    reported_date=group["reported_date"].replace("", event_dates[subject])
                )
            if len(reported) < 2:
                continue
            values = list(reported[column])
            if kind == "date":
                clash = any(dates_conflict(a, b) for a, b in combinations(values, 2))
            else:
                clash = any(not _same_value(a, b) for a, b in combinations(values, 2))
            if not clash:
                continue
            rows.append(
                {
                    "subject_id": subject,
                    "subject": scope.subject_title(subject),
                    "kind": kind,
                    "versions": len(reported),
                    "sources": len(set(reported["source_id"])),
                    "reported": list(reported[column]),
                    "speakers": list(reported["speaker"]),
                    "who": [who(row) for _, row in reported.iterrows()],
                    "source_ids": list(reported["source_id"]),
                    "evidence_ids": list(reported.index),
                }
            )
    columns = [
        "subject_id",
        "subject",
        "kind",
        "versions",
        "sources",
        "reported",
        "speakers",
        "who",
        "source_ids",
        "evidence_ids",
    ]
    return pd.DataFrame(rows, columns=columns)


def who(row: pd.Series) -> str:
    """Who speaks in an in-scope evidence row: 'Rizvi (2018)', 'photo caption, Pakistan Forward
    (2018)', 'Shah Mahmood Qureshi, in Fernandez (2021)'."""
    label = row["source_label"]
    if row["voice"] == "author":
        return label
    if row["voice"] == "caption":
        return f"photo caption, {label}"
    return f"{row['speaker']}, in {label}"


def voice_column(row: pd.Series, labels: pd.Series) -> str:
    """The column of the stance matrix a voice belongs to: its source, or the readers."""
    return READERS if row["voice"] == "reader" else str(labels[row["source_id"]])


def stance_matrix(scope: Scope, claim_ids: pd.Index | list[str]) -> pd.DataFrame:
    """Claims × voices: each cell the stance(s) a source (or the readers) takes on a claim.

    Columns are the selected sources oldest first, then ``Readers`` when any reader speaks.
    A voice with several stances on one claim shows them joined, e.g. ``supports / disputes``.
    """
    ev = scope.evidence_for(claim_ids)
    labels = scope.sources["label"]
    columns = list(labels)
    if (ev["voice"] == "reader").any():
        columns.append(READERS)
    matrix = pd.DataFrame("", index=list(claim_ids), columns=columns)
    if ev.empty:
        return matrix
    rows = ev[["voice", "source_id"]].to_dict("records")
    keyed = ev.assign(column=[voice_column(r, labels) for r in rows])
    order = list(vocabularies.STANCES)
    for (claim, column), group in keyed.groupby(["subject_id", "column"]):
        stances = sorted(set(group["stance"]), key=order.index)
        matrix.at[claim, column] = " / ".join(stances)
    return matrix


def claim_verdicts(matrix: pd.DataFrame) -> pd.Series:
    """Per claim: 'agreed' (two or more voices, all supporting), 'contested' (a voice
    disputes it and another supports it), 'qualified' (support with reservations, nobody
    disputing), 'one voice', or 'rejected' (disputed and not supported).

    Computed for the whole matrix at once rather than claim by claim: each distinct cell (one
    stance, or several joined by ' / ') is read once.
    """
    cells = matrix.fillna("").astype(str).to_numpy()
    codes, distinct = pd.factorize(cells.ravel())
    codes = codes.reshape(cells.shape)
    voices = (cells != "").sum(axis=1)
    has = {
        stance: np.array([stance in cell.split(" / ") for cell in distinct], dtype=bool)[codes].any(
            axis=1
        )
        for stance in ("supports", "qualifies", "disputes")
    }
    kinds = sum(flags.astype(int) for flags in has.values())
    verdicts = np.select(
        [
            (voices <= 1) & (kinds <= 1),
            has["disputes"] & has["supports"],
            has["disputes"],
            has["qualifies"],
        ],
        ["one voice", "contested", "rejected", "qualified"],
        default="agreed",
    )
    return pd.Series(verdicts, index=matrix.index, dtype=object)


def deal_statuses(scope: Scope) -> pd.DataFrame:
    """Deals × sources: the status each source reports for each deal at its date."""
    ev = scope.evidence_for(scope.deals.index)
    ev = ev[ev["reported_status"] != ""]
    labels = scope.sources["label"]
    table = pd.DataFrame("", index=scope.deals.index, columns=list(labels))
    order = list(vocabularies.DEAL_STATUSES)
    for (deal, source), group in ev.groupby(["subject_id", "source_id"]):
        statuses = sorted(set(group["reported_status"]), key=order.index)
        table.at[deal, labels[source]] = " / ".join(statuses)
    return table


def theme_cooccurrence(events: pd.DataFrame, themes: list[str]) -> pd.DataFrame:
    """Themes × themes: how many events carry both (the diagonal: events with the theme)."""
    matrix = pd.DataFrame(0, index=themes, columns=themes)
    pairs: Counter[tuple[str, str]] = Counter()  # counted first: a cell update is slow
    for event_themes in events["themes"]:
        present = [t for t in event_themes if t in themes]
        pairs.update(product(present, present))
    for (a, b), count in pairs.items():
        matrix.at[a, b] += count
    return matrix


def decade_of(year: int) -> str:
    """'1980s' for 1984."""
    return f"{year // 10 * 10}s"


def events_by_decade_and_theme(events: pd.DataFrame, themes: list[str]) -> pd.DataFrame:
    """Decades × themes: count of events starting in the decade that carry the theme."""
    if events.empty:
        return pd.DataFrame(columns=themes)
    exploded = events.assign(decade=events["year"].map(lambda y: decade_of(int(y)))).explode(
        "themes"
    )
    exploded = exploded[exploded["themes"].isin(themes)]
    table = pd.crosstab(exploded["decade"], exploded["themes"])
    return table.reindex(columns=[t for t in themes if t in table.columns], fill_value=0)


def source_coverage(scope: Scope) -> pd.DataFrame:
    """Per source: how many events, deals, figures and claims it attests, and the span of
    dated events it reports."""
    ds = scope.dataset
    rows = []
    # Everything is counted once for all sources, rather than by scanning the evidence and
    # the events for every source; the loop only assembles the rows.
    ev = scope.evidence
    pairs = ev[["source_id", "subject_id"]].drop_duplicates()
    pairs = pairs.assign(kind=pairs["subject_id"].map(schema.table_of_id))
    distinct = pairs.groupby(["source_id", "kind"]).size().to_dict()
    attestations = ev["source_id"].value_counts().to_dict()
    dated = ds.events.loc[ds.events["start"].notna(), ["year", "end_year"]]
    reported = pairs.join(dated, on="subject_id", how="inner").groupby("source_id")
    first, last = reported["year"].min().to_dict(), reported["end_year"].max().to_dict()
    for source_id, source in scope.sources.iterrows():
        rows.append(
            {
                "source_id": source_id,
                "source": source["label"],
                "published": source["published"],
                "evidence": attestations.get(source_id, 0),
                "events": distinct.get((source_id, "events"), 0),
                "deals": distinct.get((source_id, "deals"), 0),
                "figures": distinct.get((source_id, "figures"), 0),
                "claims": distinct.get((source_id, "claims"), 0),
                "first_year": int(first[source_id]) if source_id in first else pd.NA,
                "last_year": int(last[source_id]) if source_id in last else pd.NA,
            }
        )
    return pd.DataFrame(rows).set_index("source_id")


def involves(events: pd.DataFrame, actors: pd.DataFrame, countries: set[str]) -> pd.Series:
    """For each event, whether one of its actors belongs to one of ``countries``."""
    country = actors["country"].to_dict()
    return pd.Series(
        [any(country.get(a) in countries for a in ids) for ids in events["actors"]],
        index=events.index,
        dtype=bool,
    )


def bilateral(events: pd.DataFrame, actors: pd.DataFrame) -> pd.Series:
    """Events with a Pakistani actor and a Russian (or Soviet) actor."""
    return involves(events, actors, {"Pakistan"}) & involves(
        events, actors, {"Russia", "Soviet Union"}
    )


def attesting_sources(scope: Scope, subject_ids: pd.Index | list[str]) -> pd.Series:
    """For each subject, the labels of the in-scope sources that attest it."""
    ev = scope.evidence_for(subject_ids)
    order = {source: position for position, source in enumerate(scope.sources.index)}
    grouped = ev.groupby("subject_id")["source_id"].agg(
        lambda ids: [scope.sources.at[s, "label"] for s in sorted(set(ids), key=order.__getitem__)]
    )
    return grouped.reindex(list(subject_ids))
