"""The chronology: when Pakistan and the Soviet Union, then Russia, drifted apart and came back
together, and which part of that history each source tells.

The rules of the chapter: which events are placed on the time line, which of them are labelled
as key events, the decades and themes, what each source covers, the years no source names (gap
runs), how close the record lies to the years of publication, and the one label of an event's
date. The time line and the coverage chart are drawn here, on a true time axis that breaks
once, visibly, where the scale changes.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import ClassVar

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from helpers.analysis import measures
from helpers.analysis.params import ALL, EVENT_CATEGORIES, ChapterParams, param
from helpers.analysis.scope import Scope, contains_any
from helpers.chapters import common
from helpers.chapters.opening import open_chapter
from helpers.evidence import Dataset
from helpers.evidence.vocabularies import EVENT_CATEGORIES as CATEGORY_WORDS
from helpers.evidence.vocabularies import SOURCE_KINDS, THEMES
from helpers.render import markup, time_axes, words
from helpers.render.figure_style import PALETTE, WIDTH_IN, use_style
from helpers.render.markup import Markup
from helpers.render.words import Words


@dataclass(frozen=True)
class Params(ChapterParams):
    """Parameters of the chronology."""

    chapter: ClassVar[str] = "chronology"

    categories: tuple[str, ...] = param(
        (ALL,),
        "Event categories shown, or all.",
        example='["visit", "exercise"]',
        choices=EVENT_CATEGORIES,
        nonempty=True,
    )


figure_source = common.figure_source


def open(namespace: Mapping[str, object]) -> tuple[Params, Dataset, Scope]:
    """The chapter's checked parameters (read from the notebook's globals), its dataset and its
    scope: ``P, dataset, scope = chapter.open(globals())``."""
    return open_chapter(Params, namespace)  # type: ignore[return-value]


# ----------------------------------------------------------------------------------------------
# The events the story names
# ----------------------------------------------------------------------------------------------

RELATIONS = "ev-1948-diplomatic-relations"
ALIGNMENTS = "ev-1950s-cold-war-alignments"
AIR_BASES = "ev-1960s-us-air-bases"
BALANCE = "ev-1965-soviet-balanced-approach"
SUPPLIES = "ev-1968-soviet-equipment"
NIXON = "ev-1970s-nixon-china-opening"
AFGHAN_WAR = "ev-1980s-soviet-afghan-war"
ACCUSATIONS = "ev-1980s-mutual-accusations"
WITHDRAWAL = "ev-1989-soviet-withdrawal"
SOVIET_END = "ev-1991-soviet-dissolution"
RESET = "ev-1990s-reset-attempt"
MUSHARRAF = "ev-2003-musharraf-moscow"
TRAJECTORY = "ev-2003-improving-ties"
FRADKOV = "ev-2007-fradkov-visit"
ZARDARI = "ev-2011-zardari-russia-visit"
PUTIN_PLANNED = "ev-2012-putin-visit-planned"
IMPROVEMENT = "ev-2010s-marked-improvement"
EMBARGO = "ev-2014-arms-embargo-lifted"
AGREEMENT = "ev-2014-military-cooperation-agreement"
CRIMEA = "ev-2014-crimea-annexation"
FIRST_EXERCISE = "ev-2016-first-joint-exercise"
SCO_MEMBERSHIP = "ev-2017-pakistan-joins-sco"
ASIF = "ev-2018-asif-moscow-visit"
BAJWA = "ev-2018-bajwa-moscow-visit"
PREVIOUS_FM = "ev-2012-previous-fm-visit"
LAVROV = "ev-2021-lavrov-islamabad-visit"

# The events the chapter's narrative names, by the name it gives their dates.
STORY = {
    "relations": RELATIONS,
    "alignments": ALIGNMENTS,
    "air_bases": AIR_BASES,
    "balance": BALANCE,
    "supplies": SUPPLIES,
    "nixon": NIXON,
    "afghan_war": AFGHAN_WAR,
    "accusations": ACCUSATIONS,
    "withdrawal": WITHDRAWAL,
    "soviet_end": SOVIET_END,
    "reset": RESET,
    "musharraf": MUSHARRAF,
    "trajectory": TRAJECTORY,
    "fradkov": FRADKOV,
    "zardari": ZARDARI,
    "putin_planned": PUTIN_PLANNED,
    "improvement": IMPROVEMENT,
    "embargo": EMBARGO,
    "agreement": AGREEMENT,
    "crimea": CRIMEA,
    "first_exercise": FIRST_EXERCISE,
    "sco": SCO_MEMBERSHIP,
    "asif": ASIF,
    "bajwa": BAJWA,
    "previous_fm": PREVIOUS_FM,
    "lavrov": LAVROV,
}


class Dates(dict[str, Words]):
    """The date labels of the events of :data:`STORY`, read as attributes inline
    (``{eval}`dates.musharraf```); an event missing from the data reads 'undated'."""

    def __getattr__(self, name: str) -> Words:
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None


# ----------------------------------------------------------------------------------------------
# The whole record and the events placed
# ----------------------------------------------------------------------------------------------


def record(dataset: Dataset) -> Scope:
    """The whole record: every source, every year the data dates, every theme. The chapter's
    findings speak of it; its figures and tables follow the selection."""
    years = dataset.events["year"].dropna()
    ends = dataset.events["end_year"].dropna()
    first = int(years.min()) if len(years) else 1947
    last = int(ends.max()) if len(ends) else first
    return Scope(
        dataset, tuple(dataset.sources.sort_values("published").index), first, last, tuple(THEMES)
    )


def chosen(events: pd.DataFrame, categories: Sequence[str]) -> pd.DataFrame:
    """The events of the chosen categories (``("all",)`` for every one)."""
    if ALL in categories:
        return events
    return events[events["category"].isin(list(categories))]


def placed(scope: Scope, categories: Sequence[str] = (ALL,)) -> pd.DataFrame:
    """The events the time line places: dated (to a day, a month, a year or a decade), attested
    by a selected source, within the years and themes, of the chosen categories; in date order.
    Planned events and events dated only by a bound ('by March 2012') are placed at their date
    and say so in their label."""
    return chosen(scope.events, categories)


def undated(scope: Scope, categories: Sequence[str] = (ALL,)) -> pd.DataFrame:
    """The events of the selection that the sources do not date (listed, never placed)."""
    return chosen(scope.undated_events, categories)


def date_disputed(scope: Scope) -> set[str]:
    """The events whose attestations give dates that cannot all be true."""
    found = measures.disagreements(scope)
    return set(found.loc[found["kind"] == "date", "subject_id"])


def date_label(event: pd.Series, disputed: Iterable[str] = ()) -> Words:
    """The one label of an event's date (:func:`helpers.render.words.event_date`): the date or
    span at its precision, its bound, 'planned', and the sources' disagreement."""
    return words.event_date(
        event["date"],
        event["date_precision"],
        event["end_date"],
        qualifier=event["date_qualifier"],
        planned=event["status"] == "planned",
        disputed=event.name in set(disputed),
    )


def date_labels(events: pd.DataFrame, disputed: Iterable[str] = ()) -> pd.Series:
    """:func:`date_label` of every event."""
    contested = set(disputed)
    return pd.Series(
        [date_label(event, contested) for _, event in events.iterrows()],
        index=events.index,
        dtype=object,
    )


def story_dates(whole: Scope, *, marked: bool = True) -> Dates:
    """The date label of each event of :data:`STORY` in the whole record; with
    ``marked=False``, the date alone, without 'planned' or the sources' disagreement."""
    events = pd.concat([whole.events, whole.undated_events])
    disputed = date_disputed(whole) if marked else set()
    labels = {}
    for name, event_id in STORY.items():
        if event_id not in events.index:
            labels[name] = Words("undated")
            continue
        event = events.loc[event_id]
        labels[name] = (
            date_label(event, disputed)
            if marked
            else Words(words.format_span(event["date"], event["date_precision"], event["end_date"]))
        )
    return Dates(labels)


def story_versions(whole: Scope) -> Dates:
    """For each event of :data:`STORY` whose sources disagree on the date, the dates its
    passages give, each with who gives it ('the 1980s (DeSilva-Ranasinghe (2012); Fernandez
    (2021)) and 1979 (Fernandez (2021))'); only a passage's own date counts."""
    disputed = date_disputed(whole)
    return Dates(
        {
            name: own_dates_words(whole, event_id)
            for name, event_id in STORY.items()
            if event_id in disputed
        }
    )


def own_dates(scope: Scope, event_id: str) -> pd.DataFrame:
    """The dates the passages of an event give of their own (their ``reported_date``), in
    words, with who gives each and the evidence row; a passage that gives none is left out."""
    evidence = scope.evidence_for([event_id])
    evidence = evidence[evidence["reported_date"] != ""]
    return pd.DataFrame(
        {
            "date": [common.reported_date_words(row) for _, row in evidence.iterrows()],
            "start": [str(d) for d in evidence["reported_date"]],
            "who": [measures.who(row) for _, row in evidence.iterrows()],
            "evidence_id": list(evidence.index),
        },
        columns=["date", "start", "who", "evidence_id"],
    )


def own_dates_words(scope: Scope, event_id: str) -> Words:
    """:func:`own_dates` as a phrase, earliest first, each date once with all who give it."""
    dates = own_dates(scope, event_id).sort_values("start", kind="stable")
    parts = [
        f"{date} ({'; '.join(dict.fromkeys(group['who']))})"
        for date, group in dates.groupby("date", sort=False)
    ]
    return Words(words.join_words(parts))


# The phases of the relationship as the articles tell them: a name, and the years in which an event
# must start to belong to it (an event dated only to a decade starts with the decade).
PHASES = (
    ("Cold War rivals", 1947, 1964),
    ("The Soviet balance", 1965, 1969),
    ("Opposite sides in Afghanistan", 1970, 1989),
    ("A reset that failed", 1990, 2002),
    ("The upward trajectory", 2003, 2009),
    ("Warming in the 2010s", 2010, 2013),
    ("From diplomacy to defence", 2014, 2017),
    ("A year of visits", 2018, 2020),
    ("A new era", 2021, 2100),
)


def phase_of(year: int) -> str:
    """The name of the phase a year belongs to ('' before the first)."""
    return next((name for name, first, last in PHASES if first <= year <= last), "")


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


# ----------------------------------------------------------------------------------------------
# Key events
# ----------------------------------------------------------------------------------------------

# The two sides of the relationship, as actors' countries.
SIDES = ({"Pakistan"}, {"Russia", "Soviet Union"})

# A role that names a head of state or government of one of the two sides.
LEADER_OFFICES = ("President", "Prime Minister")
LEADER_STATES = ("Pakistan", "Russia", "the Russian Federation", "the Soviet Union")
LEADER_ROLE = re.compile(
    rf"\b(?:{'|'.join(LEADER_OFFICES)}) of (?:{'|'.join(map(re.escape, LEADER_STATES))})\b"
)

# Words with which a passage singles an event out.
SINGLED_OUT = re.compile(r"\b(?:landmark|historic|historical)\b", re.IGNORECASE)

# Most events the time line labels; beyond, the earliest (a first or a landmark before a meeting of
# leaders).
MAX_KEY_EVENTS = 16


def leaders(actors: pd.DataFrame) -> set[str]:
    """The people whose role, as the articles give it, is head of state or government of
    Pakistan, Russia or the Soviet Union."""
    people = actors[actors["kind"] == "person"]
    return {a for a, role in people["role"].items() if LEADER_ROLE.search(str(role))}


def bilateral(events: pd.DataFrame, actors: pd.DataFrame) -> pd.Series:
    """Which events have an actor of each side."""
    return measures.bilateral(events, actors)


def firsts(scope: Scope) -> set[str]:
    """The events a source numbers first: those with an ordinal figure of 1 (the first joint
    exercise, the first visit of a Russian head of state)."""
    figures = scope.figures
    ordinal = figures[(figures["metric"] == "ordinal") & (figures["value"] == 1)]
    return set(ordinal["subject_id"])


def landmarks(scope: Scope, event_ids: Iterable[str]) -> set[str]:
    """The events that one of their passages calls a landmark or historic."""
    evidence = scope.evidence_for(list(event_ids))
    marked = evidence["quote"].map(lambda quote: bool(SINGLED_OUT.search(quote)))
    return set(evidence.loc[marked.astype(bool), "subject_id"])


def key_events(scope: Scope, events: pd.DataFrame) -> pd.DataFrame:
    """The events the time line labels, with why (``why``): bilateral events, not periods, that
    are a visit or meeting of a head of state or government, or that a source numbers first or
    calls a landmark or historic; events with the same date and title count once. At most
    :data:`MAX_KEY_EVENTS`, firsts and landmarks first."""
    actors = scope.dataset.actors
    candidates = events[(events["category"] != "period") & bilateral(events, actors)]
    heads = leaders(actors)
    first = firsts(scope)
    marked = landmarks(scope, candidates.index)
    reasons = []
    for event_id, event in candidates.iterrows():
        why = []
        if event_id in first:
            why.append("first")
        if event_id in marked:
            why.append("landmark")
        if event["category"] in ("visit", "meeting") and heads & set(event["actors"]):
            why.append("leaders")
        reasons.append(", ".join(why))
    key = candidates.assign(why=reasons)
    # events reported alike (same date, same title) are one key event
    key = key[key["why"] != ""].drop_duplicates(subset=["date", "end_date", "title"])
    if len(key) > MAX_KEY_EVENTS:
        rank = (~key["why"].str.contains("first|landmark")).astype(int)
        key = key.assign(rank=rank).sort_values(["rank", "start"], kind="stable")
        key = key.head(MAX_KEY_EVENTS).drop(columns="rank").sort_values("start", kind="stable")
    return key


# ----------------------------------------------------------------------------------------------
# Decades and themes
# ----------------------------------------------------------------------------------------------


def theme_word(code: str) -> str:
    """A theme as a reader sees it: 'United States', 'Cold War', 'diplomacy'."""
    return THEMES.word(code)


def themes_present(events: pd.DataFrame, themes: Sequence[str]) -> list[str]:
    """The chosen themes that at least one event carries, in the vocabulary's order."""
    return [t for t in themes if contains_any(events["themes"], [t]).any()]


def decades(events: pd.DataFrame) -> pd.Series:
    """The decade each event starts in ('1980s')."""
    return events["year"].map(lambda y: measures.decade_of(int(y))).astype(object)


def decade_matrix(events: pd.DataFrame, themes: Sequence[str]) -> pd.DataFrame:
    """Themes (rows, as readers see them) × decades: how many events of each theme start in each
    decade."""
    table = measures.events_by_decade_and_theme(events, list(themes)).T
    table.index = [theme_word(t) for t in table.index]
    return table


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


# ----------------------------------------------------------------------------------------------
# The years the sources name, and the gaps between them
# ----------------------------------------------------------------------------------------------

# The shortest run of years without a named year that counts as a gap.
GAP_MIN_YEARS = 3
GAP_MIN_WORDS = Words(words.number_word(GAP_MIN_YEARS))

# How many years count as near a publication: the year of publication and the year before.
NEAR_PUBLICATION = 2


def named_years(events: pd.DataFrame) -> pd.Series:
    """For each event, the years its date names: its first year when it is dated to a day, a
    month or a year, and the year of its end date when it has one, unless that end only closes a
    decade ('the 1980s and 1990s' ends in 1999 but names no year). A decade names no single
    year, and the years inside a span are not named: 'from 1965 to 1970' names 1965 and 1970."""
    named = []
    for precision, year, end_date, end_year in zip(
        events["date_precision"],
        events["year"],
        events["end_date"],
        events["end_year"],
        strict=True,
    ):
        years = set()
        if precision in ("day", "month", "year"):
            years.add(int(year))
        if end_date and (precision != "decade" or "-" in end_date):
            years.add(int(end_year))
        named.append(sorted(years))
    return pd.Series(named, index=events.index, dtype=object)


def covered_years(events: pd.DataFrame) -> set[int]:
    """Every year that some event's date names (:func:`named_years`)."""
    return {y for years in named_years(events) for y in years}


def gap_runs(
    years: Iterable[int], low: int, high: int, minimum: int = GAP_MIN_YEARS
) -> list[tuple[int, int]]:
    """The runs of at least ``minimum`` consecutive years from ``low`` to ``high`` that are not in
    ``years``, as (first, last) pairs."""
    covered = set(years)
    runs, start = [], None
    for year in range(low, high + 2):
        missing = year <= high and year not in covered
        if missing and start is None:
            start = year
        elif not missing and start is not None:
            if year - start >= minimum:
                runs.append((start, year - 1))
            start = None
    return runs


def bounds(events: pd.DataFrame, start_year: int, end_year: int) -> tuple[int, int] | None:
    """The first and last year the events reach, within the chosen years (None when empty)."""
    if events.empty:
        return None
    return max(start_year, int(events["year"].min())), min(end_year, int(events["end_year"].max()))


def gaps(events: pd.DataFrame, start_year: int, end_year: int) -> list[tuple[int, int]]:
    """The gap runs of the selection: from its first to its last year within the chosen ones,
    the runs of years no event's date names (none when there is no event)."""
    span = bounds(events, start_year, end_year)
    return [] if span is None else gap_runs(covered_years(events), *span)


def periods_in_gaps(events: pd.DataFrame, runs: Sequence[tuple[int, int]]) -> pd.DataFrame:
    """The events dated only to a decade whose decade overlaps a gap run: how the silent years
    are told, if at all."""
    decade = events[events["date_precision"] == "decade"]
    overlaps = [
        any(int(y) <= b and int(e) >= a for a, b in runs)
        for y, e in zip(decade["year"], decade["end_year"], strict=True)
    ]
    return decade[pd.Series(overlaps, index=decade.index, dtype=bool)]


def gap_sentence(events: pd.DataFrame, start_year: int, end_year: int) -> Markup:
    """The gaps of the selection in one or two sentences; their shape follows the selection."""
    span = bounds(events, start_year, end_year)
    if span is None:
        return markup.escape("With no dated event in this selection, there are no gaps to show.")
    runs = gap_runs(covered_years(events), *span)
    low, high = span
    if not runs:
        return markup.escape(
            f"From {low} to {high}, every stretch of {words.number_word(GAP_MIN_YEARS)} years "
            "holds a year that a dated event names."
        )
    longest = max(runs, key=lambda r: r[1] - r[0])
    text = (
        f"From {low} to {high}, no dated event of the selection names a year in "
        f"{words.join_words(words.year_range(a, b) for a, b in runs)}; the longest silence lasts "
        f"{longest[1] - longest[0] + 1} years ({words.year_range(*longest)})."
    )
    told = periods_in_gaps(events, runs)
    if len(told):
        text += (
            f" Those years are told, if at all, as periods: "
            f"{words.plural(len(told), 'event', words=True)} dated only to a decade."
        )
    return markup.escape(text)


def near_publication(events: pd.DataFrame, publication_years: Iterable[int]) -> pd.Series:
    """Which events start in a year of publication or the year before (events dated only to a
    decade are never near)."""
    near = {y - k for y in publication_years for k in range(NEAR_PUBLICATION)}
    return pd.Series(
        [
            p != "decade" and int(y) in near
            for p, y in zip(events["date_precision"], events["year"], strict=True)
        ],
        index=events.index,
        dtype=bool,
    )


def publication_years(scope: Scope) -> list[int]:
    """The years the selected sources were published, oldest first, each once."""
    return sorted(set(int(y) for y in scope.sources["year"]))


def near_years(scope: Scope) -> list[int]:
    """The years that count as near a publication of a selected source."""
    return sorted({y - k for y in publication_years(scope) for k in range(NEAR_PUBLICATION)})


# ----------------------------------------------------------------------------------------------
# Coverage by source
# ----------------------------------------------------------------------------------------------


def source_events(scope: Scope, events: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """For each selected source, the placed events it attests."""
    evidence = scope.evidence_for(events.index)
    by_source = evidence.groupby("source_id")["subject_id"].agg(lambda s: list(dict.fromkeys(s)))
    return {
        source_id: events.loc[by_source.get(source_id, [])] for source_id in scope.sources.index
    }


def coverage(scope: Scope, events: pd.DataFrame) -> pd.DataFrame:
    """Per selected source: its label, genre and publication, how many of the placed events it
    attests, the first and last year it names, how many years it names, and how many of its
    events fall near its own publication."""
    rows = []
    for source_id, own in source_events(scope, events).items():
        source = scope.sources.loc[source_id]
        named = covered_years(own)
        near = near_publication(own, [int(source["year"])])
        dated = own[own["date_precision"] != "decade"]
        rows.append(
            {
                "source_id": source_id,
                "source": source["label"],
                "kind": source["kind"],
                "published": source["published"],
                "published_precision": source["published_precision"],
                "events": len(own),
                "dated_to_year": len(dated),
                "first_year": min(named) if named else pd.NA,
                "last_year": max(named) if named else pd.NA,
                "years_named": len(named),
                "near_publication": int(near.sum()),
            }
        )
    columns = [
        "source_id",
        "source",
        "kind",
        "published",
        "published_precision",
        "events",
        "dated_to_year",
        "first_year",
        "last_year",
        "years_named",
        "near_publication",
    ]
    return pd.DataFrame(rows, columns=columns).set_index("source_id")


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


# ----------------------------------------------------------------------------------------------
# What the findings cite
# ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Findings:
    """The numbers the chapter's findings and interpretation cite, for one scope."""

    # Dated events.
    events: int
    # Events no source dates.
    undated: int
    # Events dated to a year, a month or a day.
    dated_to_year: int
    # Of those, the events in a year of publication or the year before.
    near: int
    # Those years, as ranges ('2011–2012, 2017–2018 and 2020–2021').
    near_years: Words
    # How many years that is.
    n_near_years: int
    # How many years the dated events span, first to last.
    span_years: int
    first_year: int
    last_year: int
    # The gap runs ('1949–1964, 1971–1988 and 1992–2002').
    gaps: Words
    # Years in the longest gap run, and which.
    longest_gap: int
    longest_gap_years: Words
    busiest_year: int
    busiest_count: int
    # The decade in which the most events start ('the 2010s').
    top_decade: Words
    top_decade_events: int
    # Events whose sources disagree on the date.
    date_disputes: int
    # Events whose date is a relative expression resolved against a publication date.
    relative: int
    # Events whose date is reasoned from other facts.
    inferred: int
    # Events announced or expected, not reported as held.
    planned: int

    def __getattr__(self, name: str) -> Words:
        """A count with ``_words`` after its name, as a word up to ten: ``date_disputes_words``."""
        base = name.removesuffix("_words")
        value = self.__dict__.get(base) if base != name else None
        if isinstance(value, int):
            return Words(words.number_word(value))
        raise AttributeError(name)


def _ranges(years: Sequence[int]) -> list[tuple[int, int]]:
    runs: list[tuple[int, int]] = []
    for year in sorted(years):
        if runs and year == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], year)
        else:
            runs.append((year, year))
    return runs


def findings(scope: Scope, categories: Sequence[str] = (ALL,)) -> Findings:
    """What the findings cite, computed for ``scope`` (zeros and empty words when it places no
    event)."""
    events = placed(scope, categories)
    if events.empty:
        nothing = Words("none")
        return Findings(
            0, len(undated(scope, categories)), 0, 0, nothing, 0, 0, 0, 0, nothing, 0, nothing,
            0, 0, nothing, 0, 0, 0, 0, 0,
        )  # fmt: skip
    first, last = int(events["year"].min()), int(events["end_year"].max())
    runs = gap_runs(covered_years(events), first, last)
    fine = events[events["date_precision"] != "decade"]
    near = near_years(scope)
    per_year = fine["year"].astype(int).value_counts().sort_index()
    per_decade = decades(events).value_counts().sort_index()
    return Findings(
        events=len(events),
        undated=len(undated(scope, categories)),
        dated_to_year=len(fine),
        near=int(near_publication(fine, publication_years(scope)).sum()),
        near_years=Words(words.join_words(words.year_range(a, b) for a, b in _ranges(near))),
        n_near_years=len(near),
        span_years=last - first + 1,
        first_year=first,
        last_year=last,
        gaps=Words(words.join_words(words.year_range(a, b) for a, b in runs) or "none"),
        longest_gap=max((b - a + 1 for a, b in runs), default=0),
        longest_gap_years=Words(
            words.year_range(*max(runs, key=lambda r: r[1] - r[0])) if runs else "none"
        ),
        busiest_year=int(per_year.idxmax()) if len(per_year) else first,
        busiest_count=int(per_year.max()) if len(per_year) else 0,
        top_decade=Words(f"the {per_decade.idxmax()}"),
        top_decade_events=int(per_decade.max()),
        date_disputes=len(date_disputed(scope) & set(events.index)),
        relative=int((events["date_basis"] == "relative").sum()),
        inferred=int((events["date_basis"] == "inferred").sum()),
        planned=int((events["status"] == "planned").sum()),
    )


@dataclass(frozen=True)
class Reach:
    """What one source dates: how many events, the first and last year it names, and how many
    of its events fall near its own publication."""

    events: int
    first: int
    last: int
    near: int
    dated_to_year: int


def reaches(whole: Scope) -> Mapping[str, Reach]:
    """The reach of each article, by the name the prose gives it (:data:`common.SOURCES`);
    read as attributes inline (``{eval}`reach.qureshi.first```)."""
    events = placed(whole)
    table = coverage(whole, events)
    found = {}
    for name, source_id in common.SOURCES.items():
        if source_id in table.index:
            row = table.loc[source_id]
            found[name] = Reach(
                int(row["events"]),
                int(row["first_year"]) if not pd.isna(row["first_year"]) else 0,
                int(row["last_year"]) if not pd.isna(row["last_year"]) else 0,
                int(row["near_publication"]),
                int(row["dated_to_year"]),
            )
    return _Attributes(found)


class _Attributes(dict[str, Reach]):
    """A mapping read as attributes."""

    def __getattr__(self, name: str) -> Reach:
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None


def selection_sentence(scope: Scope, whole: Scope, categories: Sequence[str] = (ALL,)) -> Markup:
    """What the figures and tables below hold, against the whole record; the sentence for an
    empty selection says so."""
    events = placed(scope, categories)
    if events.empty:
        return markup.escape(
            f"No dated event of this selection falls between {scope.start_year} and "
            f"{scope.end_year}, so the figures and tables below are empty; the findings above "
            "are those of the whole record."
        )
    first, last = int(events["year"].min()), int(events["end_year"].max())
    others = [] if ALL in categories else ["the chosen kinds of event"]
    if set(scope.themes) != set(THEMES):
        others.append("the chosen themes")
    narrowed = common.narrowed_to(scope, *others)
    if not narrowed:
        return markup.escape(
            f"The figures and tables below draw on all {words.number_word(len(scope.sources))} "
            f"articles and place every dated event of the record, from {first} to {last}."
        )
    total = len(placed(whole))
    return markup.escape(
        f"The figures and tables below are narrowed to {narrowed}: they place {len(events)} of "
        f"the {total} dated events of the whole record, from {first} to {last}; the findings "
        "above are those of the whole record."
    )


# ----------------------------------------------------------------------------------------------
# Tables of events and of disputed dates
# ----------------------------------------------------------------------------------------------


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


# ----------------------------------------------------------------------------------------------
# Figures: a true time axis, broken once where the scale changes
# ----------------------------------------------------------------------------------------------

# Where the time axis breaks when the events reach both sides: the Cold War decades and the 1990s to
# the left, at a smaller scale; from 2000 on, when the articles' record thickens, to the right at a
# larger one.
SPLIT_YEAR = 2000


# Above this many events the time line draws yearly counts instead of one mark per event.
TIMELINE_MAX_MARKS = 600


# Characters per line of the key to the numbered marks.
KEY_COLUMN_CHARS = 58


def _key_entries(key: pd.DataFrame, disputed: Iterable[str]) -> list[str]:
    """The key to the numbered marks: each key event's date label and title."""
    labels = date_labels(key, disputed)
    return [
        textwrap.fill(f"{label}: {title}", KEY_COLUMN_CHARS)
        for label, title in zip(labels, key["title"], strict=True)
    ]


def timeline_chart(
    events: pd.DataFrame,
    themes: Sequence[str],
    key: pd.DataFrame,
    *,
    title: str,
    source: str,
    disputed: Iterable[str] = (),
    split: int = SPLIT_YEAR,
) -> Figure:
    """Every placed event on a true time axis, one row per theme, the mark showing how precisely
    the sources date it (a point for a day or a month, a one-year bar for a year, a pale band
    for a decade or a span). The key events are numbered above the rows, each number linked to
    its date by a line and a dotted line through the rows, and listed with their dates under
    the title. When the events reach both sides of ``split``, the axis breaks there, visibly,
    and each side has its own scale. Beyond :data:`TIMELINE_MAX_MARKS` events each row shows
    yearly counts."""
    use_style()
    rows = themes_present(events, themes)
    fig = plt.figure(figsize=(WIDTH_IN, 5))
    row_labels = [theme_word(t) for t in rows]
    left = max((time_axes.text_width(fig, t, 9) for t in row_labels), default=0.5) + 0.55
    first, last = float(events["year"].min()), float(events["end_year"].max())
    layout = time_axes.layout(first, last, split, left, 0.15)
    entries = _key_entries(key, disputed)
    columns = time_axes.columns(entries)
    key_lines = max((sum(entries[i].count("\n") + 1 for i in c) for c in columns), default=0)
    key_height = key_lines * time_axes.LINE_IN * 1.15 + 0.08 * max(
        (len(c) for c in columns), default=0
    )
    source_lines = time_axes.source_lines(source)
    bottom = 0.1 + len(source_lines) * 0.13 + 0.7
    rows_height = 0.27 * max(len(rows), 1) + 0.2
    band = 0.55 if len(key) else 0.0
    top = 0.72 + key_height
    height = top + band + rows_height + bottom
    fig.set_size_inches(WIDTH_IN, height)
    axes = time_axes.panel_axes(fig, layout, bottom, rows_height, split)
    colour = {t: PALETTE[i % len(PALETTE)] for i, t in enumerate(rows)}
    aggregated = len(events) > TIMELINE_MAX_MARKS
    peak = int(events["year"].value_counts().max()) if aggregated else 0
    for ax in axes:
        for y, theme in enumerate(rows):
            subset = events[contains_any(events["themes"], [theme])]
            if aggregated:
                time_axes.draw_counts(ax, subset, y, colour[theme], peak)
            else:
                time_axes.draw_marks(ax, subset, y, colour[theme])
        ax.set_ylim(len(rows) - 0.5, -0.5)
        for start in key["start"]:
            ax.axvline(
                time_axes.year_fraction(start),
                color="#555555",
                linewidth=0.6,
                linestyle=":",
                zorder=1,
            )
    axes[0].set_yticks(range(len(rows)), row_labels)
    axes[0].set_ylabel("Theme")
    # numbered marks above the rows, in two staggered lines, each tied to its date
    xs = [layout.x_inches(time_axes.year_fraction(s)) for s in key["start"]]
    axis_top = bottom + rows_height
    for line in (0, 1):
        chosen_marks = list(range(line, len(xs), 2))
        spots = time_axes.dodge(
            [xs[i] for i in chosen_marks], time_axes.KEY_MARK + 0.08, left, WIDTH_IN - 0.15
        )
        y = axis_top + 0.17 + line * 0.24
        for i, spot in zip(chosen_marks, spots, strict=True):
            fig.add_artist(
                Line2D(
                    [xs[i] / WIDTH_IN, spot / WIDTH_IN],
                    [axis_top / height, (y - time_axes.KEY_MARK / 2) / height],
                    color="#555555",
                    linewidth=0.6,
                )
            )
            time_axes.numbered(fig, spot, y, i + 1, height)
    # the key, under the title and the legend
    column_width = (WIDTH_IN - 0.2) / max(len(columns), 1)
    for c, members in enumerate(columns):
        y = height - 0.72
        for i in members:
            x = 0.1 + c * column_width
            time_axes.numbered(fig, x + 0.08, y - time_axes.LINE_IN / 2, i + 1, height)
            fig.text(
                (x + 0.22) / WIDTH_IN,
                y / height,
                entries[i],
                ha="left",
                va="top",
                fontsize=time_axes.LABEL_FONT,
                linespacing=1.15,
            )
            y -= (entries[i].count("\n") + 1) * time_axes.LINE_IN * 1.15 + 0.08
    fig.text(0.01, 1 - 0.08 / height, title, ha="left", va="top", fontsize=11, fontweight="bold")
    handles = (
        [Line2D([], [], marker="o", linestyle="", color="#444444", label="events per year (area)")]
        if aggregated
        else [
            Line2D([], [], marker="o", linestyle="", color="#444444", label="day known"),
            Line2D([], [], marker="D", linestyle="", color="#444444", label="month known"),
            Line2D([], [], marker="s", linestyle="", color="#444444", label="year known"),
            Patch(color="#444444", alpha=0.25, label="decade or span"),
        ]
    )
    if len(key):
        handles.append(Line2D([], [], color="#555555", linestyle=":", label="key event (numbered)"))
    fig.legend(
        handles=handles,
        loc="upper left",
        ncols=len(handles),
        bbox_to_anchor=(0.01, 1 - 0.36 / height),
        fontsize=7.5,
        handlelength=1.4,
        columnspacing=1.0,
    )
    time_axes.finish_axis(fig, layout, bottom, split, source_lines)
    return fig


def coverage_chart(
    scope: Scope,
    events: pd.DataFrame,
    runs: Sequence[tuple[int, int]],
    *,
    title: str,
    source: str,
    split: int = SPLIT_YEAR,
) -> Figure:
    """One row per source: a square at each year its events name, a pale band over each decade
    it tells only as a period, and a triangle at its publication; the gap runs (years no selected
    source names) shaded across all rows. The axis is the time line's."""
    use_style()
    own = {s: e for s, e in source_events(scope, events).items() if len(e)}
    labels = [scope.sources.at[s, "label"] for s in own]
    fig = plt.figure(figsize=(WIDTH_IN, 3))
    left = max((time_axes.text_width(fig, t, 9) for t in labels), default=0.5) + 0.55
    first = float(
        min(int(events["year"].min()), min(int(scope.sources.at[s, "year"]) for s in own))
    )
    last = float(
        max(int(events["end_year"].max()), max(int(scope.sources.at[s, "year"]) for s in own))
    )
    layout = time_axes.layout(first, last, split, left, 0.15)
    source_lines = time_axes.source_lines(source)
    bottom_margin = 0.1 + len(source_lines) * 0.13 + 0.7
    rows_height = 0.34 * len(own) + 0.2
    height = 0.75 + rows_height + bottom_margin
    fig.set_size_inches(WIDTH_IN, height)
    axes = time_axes.panel_axes(fig, layout, bottom_margin, rows_height, split)
    for ax in axes:
        for a, b in runs:
            ax.axvspan(a, b + 1, color="#bbbbbb", alpha=0.35, linewidth=0, zorder=0)
        for y, (source_id, mine) in enumerate(own.items()):
            years = sorted(covered_years(mine))
            ax.scatter(
                [yr + 0.5 for yr in years],
                [y] * len(years),
                marker="s",
                s=16,
                color=PALETTE[0],
                zorder=3,
            )
            decade = mine[mine["date_precision"] == "decade"]
            for start, end in zip(decade["start"], decade["end"], strict=True):
                x0, x1 = time_axes.year_fraction(start), time_axes.year_fraction(end)
                ax.barh(y, x1 - x0, left=x0, height=0.45, color=PALETTE[0], alpha=0.18, linewidth=0)
            ax.scatter(
                [int(scope.sources.at[source_id, "year"]) + 0.5],
                [y - 0.32],
                marker="v",
                s=28,
                color=PALETTE[1],
                zorder=4,
            )
        ax.set_ylim(len(own) - 0.5, -0.75)
    axes[0].set_yticks(range(len(own)), labels)
    axes[0].set_ylabel("Source")
    fig.text(0.01, 1 - 0.08 / height, title, ha="left", va="top", fontsize=11, fontweight="bold")
    handles = [
        Line2D(
            [], [], marker="s", linestyle="", color=PALETTE[0], label="year of an event it reports"
        ),
        Patch(color=PALETTE[0], alpha=0.18, label="a decade it tells as a period"),
        Line2D([], [], marker="v", linestyle="", color=PALETTE[1], label="published"),
    ]
    if runs:
        handles.append(Patch(color="#bbbbbb", alpha=0.35, label="no dated event"))
    fig.legend(
        handles=handles,
        loc="upper left",
        ncols=len(handles),
        bbox_to_anchor=(0.01, 1 - 0.38 / height),
        fontsize=7.5,
        handlelength=1.4,
        columnspacing=1.0,
    )
    time_axes.finish_axis(fig, layout, bottom_margin, split, source_lines)
    return fig


# ----------------------------------------------------------------------------------------------
# What the figures say in words
# ----------------------------------------------------------------------------------------------


def timeline_alt(events: pd.DataFrame, themes: Sequence[str], key: pd.DataFrame) -> str:
    """The time line's alt text, with its numbers."""
    rows = themes_present(events, themes)
    first, last = int(events["year"].min()), int(events["end_year"].max())
    numbered = words.plural(len(key), "key event", words=True)
    broken = (
        f", the axis broken at {SPLIT_YEAR} where the scale changes"
        if first < SPLIT_YEAR <= last
        else ""
    )
    listed = f": {words.join_words(key['title'])}" if len(key) else ""
    return (
        f"Time line of {words.plural(len(events), 'dated event')} from {first} to {last}, one row "
        f"per theme ({words.join_words(theme_word(t) for t in rows)}){broken}. "
        f"{numbered[0].upper()}{numbered[1:]} numbered{listed}."
    )


def undated_note(scope: Scope) -> str:
    """Why the table of undated events is empty."""
    if scope.covers_all_years:
        return "Every event of this selection is dated."
    return "Undated events are listed only when the chosen years cover the whole record."


def decade_alt(matrix: pd.DataFrame) -> str:
    """The heat map's alt text, with its numbers."""
    totals = matrix.sum(axis=0)
    return (
        f"Heat map of {matrix.shape[0]} themes by {matrix.shape[1]} decades; the busiest decade, "
        f"the {totals.idxmax()}, holds {int(totals.max())} theme marks."
    )


def coverage_alt(table: pd.DataFrame, runs: Sequence[tuple[int, int]]) -> str:
    """The coverage chart's alt text, with its numbers."""
    parts = [
        f"{row['source']} reports events in {words.plural(int(row['years_named']), 'year')}"
        + (
            f" from {int(row['first_year'])} to {int(row['last_year'])}"
            if not pd.isna(row["first_year"])
            else ""
        )
        for _, row in table[table["events"] > 0].iterrows()
    ]
    gaps = words.join_words(words.year_range(a, b) for a, b in runs) or "none"
    return f"One row per source: {'; '.join(parts)}. Runs of years with no dated event: {gaps}."
