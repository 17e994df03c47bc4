"""The chronology's tables, and the data written beside them and beside the time line: the
phases, the decades, what each source covers, every event, and the events whose sources disagree
on the date."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import pandas as pd

from helpers.analysis.scope import Scope
from helpers.chapters import common
from helpers.chapters.chronology.dating import date_disputed, date_label, date_labels, own_dates
from helpers.chapters.chronology.later_layer import LAYERS, is_drawn, later_data
from helpers.chapters.chronology.periods import PHASES, decades, phase_of, theme_word
from helpers.chapters.chronology.story import STORY
from helpers.evidence.vocabularies import EVENT_CATEGORIES as CATEGORY_WORDS
from helpers.evidence.vocabularies import SOURCE_KINDS
from helpers.render import markup, words
from helpers.render.markup import Markup


def phases_table(scope: Scope, events: pd.DataFrame, key: pd.DataFrame) -> pd.DataFrame:
    """Per phase with at least one placed event: its years, how many events start in it, the
    events that mark it (those the narrative names, and the key events) and who dates them."""
    columns = ["Phase", "Years", "Dated events", "Marked by", "Dated by"]
    if events.empty:
        return pd.DataFrame(columns=columns)
    marking = set(STORY.values()) | set(key.index)
    phase = events["year"].map(lambda y: phase_of(int(y)))
    labels = scope.sources["label"]
    evidence = scope.evidence_for(events.index)
    rows = []
    for name, first, last in PHASES:
        mine = events[phase == name]
        if mine.empty:
            continue
        marks = mine[mine.index.isin(marking)]
        tellers = evidence[evidence["subject_id"].isin(mine.index)]
        counts = tellers.drop_duplicates(["source_id", "subject_id"])["source_id"].value_counts()
        rows.append(
            {
                "Phase": name,
                "Years": words.year_range(first, min(last, int(events["end_year"].max()))),
                "Dated events": len(mine),
                "Marked by": " · ".join(
                    f"{date_label(e)}: {e['title']}" for _, e in marks.iterrows()
                ),
                "Dated by": "; ".join(f"{labels[s]}: {n}" for s, n in counts.items()),
            }
        )
    return pd.DataFrame(rows, columns=columns)


def periods_table(scope: Scope, events: pd.DataFrame, themes: Sequence[str]) -> pd.DataFrame:
    """Per decade: how many dated events start in it, its three leading themes, the kinds of
    event, and which sources date events in it."""
    columns = ["Decade", "Dated events", "Leading themes", "Kinds of event", "Dated by"]
    if events.empty:
        return pd.DataFrame(columns=columns)
    labels = scope.sources["label"]
    evidence = scope.evidence_for(events.index)
    told = evidence.groupby("subject_id")["source_id"].agg(lambda s: list(dict.fromkeys(s)))
    rows = []
    for decade, group in events.groupby(decades(events), sort=True):
        theme_counts = group["themes"].explode().value_counts()
        theme_counts = theme_counts[theme_counts.index.isin(list(themes))].head(3)
        tellers = pd.Series([s for e in group.index for s in told.get(e, [])]).value_counts()
        rows.append(
            {
                "Decade": f"the {decade}",
                "Dated events": len(group),
                "Leading themes": ", ".join(
                    f"{theme_word(t)} ({n})" for t, n in theme_counts.items()
                ),
                "Kinds of event": ", ".join(
                    CATEGORY_WORDS.word(c) for c in sorted(group["category"].unique())
                ),
                "Dated by": "; ".join(
                    f"{labels[s]}: {n}" for s, n in tellers.items() if s in labels.index
                ),
            }
        )
    return pd.DataFrame(rows, columns=columns)


def coverage_table(table: pd.DataFrame) -> pd.DataFrame:
    """The coverage as readers see it: sources by their label, genres in words."""
    return pd.DataFrame(
        {
            "Source": [markup.cite([i], parenthetical=False) for i in table.index],
            "Genre": [SOURCE_KINDS.word(k) for k in table["kind"]],
            "Published": [
                words.format_date(d, p)
                for d, p in zip(table["published"], table["published_precision"], strict=True)
            ],
            "Events it dates": table["events"].to_list(),
            "Years of its events": [
                "none"
                if pd.isna(a)
                else f"{words.plural(int(n), 'year')}, {words.year_range(int(a), int(b))}"
                for a, b, n in zip(
                    table["first_year"], table["last_year"], table["years_named"], strict=True
                )
            ],
            "Near its publication": [
                words.share(int(n), int(d)) if d else "none"
                for n, d in zip(table["near_publication"], table["dated_to_year"], strict=True)
            ],
        }
    )


def events_table(scope: Scope, events: pd.DataFrame, disputed: Iterable[str]) -> pd.DataFrame:
    """Every event with its date label, what happened, its themes and the passages behind it."""
    labels = date_labels(events, disputed)
    return pd.DataFrame(
        {
            "Date": labels.to_list(),
            "Event": [
                Markup(f"**{markup.escape(t)}.** {markup.escape(s)}")
                for t, s in zip(events["title"], events["summary"], strict=True)
            ],
            "Themes": [", ".join(theme_word(t) for t in themes) for themes in events["themes"]],
            "Sources": [common.attribution(scope, [i]) for i in events.index],
        },
        columns=["Date", "Event", "Themes", "Sources"],
    )


def events_data(scope: Scope, events: pd.DataFrame, disputed: Iterable[str]) -> pd.DataFrame:
    """The events as the CSV beside the table: their data, date label and attesting sources."""
    evidence = scope.evidence_for(events.index)
    labels = scope.sources["label"]
    by_event = evidence.groupby("subject_id")
    return events.drop(columns=["line", "start", "end"]).assign(
        date_label=date_labels(events, disputed).map(str),
        sources=[
            ";".join(labels[s] for s in dict.fromkeys(by_event.get_group(i)["source_id"]))
            if i in by_event.groups
            else ""
            for i in events.index
        ],
        evidence=[
            ";".join(by_event.get_group(i).index) if i in by_event.groups else ""
            for i in events.index
        ],
    )


def timeline_data(
    scope: Scope,
    events: pd.DataFrame,
    disputed: Iterable[str],
    later: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """The data of the time line: the events (:func:`events_data`); when it draws the later
    record, the later rows after them (:func:`helpers.chapters.chronology.later_layer.later_data`)
    and a first column, ``layer``, that tells the two apart."""
    data = events_data(scope, events, disputed)
    if not is_drawn(later):
        return data
    rows = later_data(later)
    columns = ["layer", *data.columns, *(c for c in rows.columns if c not in {"layer", *data})]
    return pd.concat([data.assign(layer=LAYERS["articles"]), rows], ignore_index=True)[columns]


def disputed_dates(scope: Scope, events: pd.DataFrame) -> pd.DataFrame:
    """The dates the passages give of their own for each of ``events`` whose sources disagree
    on the date: one row per passage that gives one (:func:`own_dates`), with its event."""
    disputed = date_disputed(scope)
    frames = [
        own_dates(scope, event_id).assign(event_id=event_id)
        for event_id in events.index
        if event_id in disputed
    ]
    columns = ["event_id", "date", "start", "who", "evidence_id"]
    if not frames:
        return pd.DataFrame(columns=columns)
    return pd.concat(frames, ignore_index=True)[columns]


def disputed_table(scope: Scope, versions: pd.DataFrame, events: pd.DataFrame) -> pd.DataFrame:
    """Each event whose sources disagree on the date: its title, the date this book gives it,
    and every date a passage gives, earliest first, with who gives it and a link to it."""
    rows = []
    for event_id, mine in versions.groupby("event_id", sort=False):
        event = events.loc[event_id]
        parts = []
        for date, group in mine.sort_values("start", kind="stable").groupby("date", sort=False):
            who = "; ".join(
                f"{markup.escape(w)}, {common.passage_links(scope.dataset, list(g['evidence_id']))}"
                for w, g in group.groupby("who", sort=False)
            )
            parts.append(f"**{markup.escape(date)}**: {who}")
        rows.append(
            {
                "Event": markup.escape(event["title"]),
                "In this book": date_label(event),
                "The passages' dates": Markup(". ".join(parts)),
            }
        )
    return pd.DataFrame(rows, columns=["Event", "In this book", "The passages' dates"])
