"""What happened next: the articles' predictions and the threads they leave open (planned visits
and exercises, deals), checked against the later record, kept apart from the articles' evidence.

Two sides, two rules:

- the articles' side follows the chapter's scope like every chapter: a prediction is shown when
  a selected source voices it, a thread when the scope holds its event, deal or claim;
- the later record (``later_record.csv``, with its scorecard ``outcomes.csv``) is not evidence of
  the articles and is not narrowed by the parameters (its years lie after the articles); only
  the rows behind what is shown are shown.

:func:`later_events` gives the later record as dated events, for this chapter and for the
chronology's later layer (``timeline.timeline(..., later=...)``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import ClassVar

import pandas as pd
from matplotlib.figure import Figure

from helpers.analysis import measures
from helpers.analysis.params import ChapterParams
from helpers.analysis.scope import SECTOR_THEMES, Scope
from helpers.chapters.energy_deals import stage_words
from helpers.chapters.opening import open_chapter
from helpers.evidence import Dataset
from helpers.evidence.dates import date_precision_of, period
from helpers.evidence.later import open_threads
from helpers.evidence.vocabularies import LATER_SOURCE_KINDS, THEMES, VERDICTS
from helpers.render import markup, words
from helpers.render.markup import Markup
from helpers.render.threads import thread_lanes

PREDICTION = "prediction"

VERDICT_COLOURS = {
    "fulfilled": "#2a9d8f",
    "partly_fulfilled": "#e9c46a",
    "not_fulfilled": "#e76f51",
    "too_early": "#9e9e9e",
}
"""The colour of each verdict, in the chart and (as CSS classes ``verdict-…``) in the tables."""

NOT_CHECKED = "not checked yet"

NO_THREADS = "No prediction or open thread is shown in this selection."
"""What the chapter says in place of what it would show for an empty selection."""
"""What the scorecard says of a prediction or thread that has no outcome in the data yet."""

PUTIN_VISIT = "ev-2012-putin-visit-planned"
PIPELINE = "deal-north-south-pipeline"
DEEP_TIES = "claim-deep-ties-unlikely"
"""Threads the chapter's prose speaks of by name: their verdicts are read from the data."""


@dataclass(frozen=True)
class Params(ChapterParams):
    """Parameters of the chapter on what happened next."""

    chapter: ClassVar[str] = "what_happened_next"


def open(namespace: Mapping[str, object]) -> tuple[Params, Dataset, Scope]:
    """The chapter's checked parameters (read from the notebook's globals), its dataset and its
    scope: ``P, dataset, scope = chapter.open(globals())``."""
    return open_chapter(Params, namespace)  # type: ignore[return-value]


# ----------------------------------------------------------------------------------------------
# The later record as dated events (this chapter, and the chronology's later layer)
# ----------------------------------------------------------------------------------------------


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


# ----------------------------------------------------------------------------------------------
# Who said it, and when
# ----------------------------------------------------------------------------------------------


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
    (2018) (passages 1, 2)'."""
    evidence = scope.evidence_for([subject_id])
    evidence = evidence[evidence["stance"].isin(list(stances))]
    grouped: dict[str, list[str]] = {}
    for evidence_id, row in evidence.iterrows():
        grouped.setdefault(voice_label(row), []).append(str(evidence_id))
    shown = []
    for label, ids in grouped.items():
        if len(ids) == 1:
            links = f"({markup.passage(ids[0], 'passage')})"
        else:
            numbered = ", ".join(markup.passage(e, str(n)) for n, e in enumerate(ids, 1))
            links = f"(passages {numbered})"
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


# ----------------------------------------------------------------------------------------------
# The scorecard
# ----------------------------------------------------------------------------------------------


def verdict_words(verdict: str) -> str:
    """A verdict as a reader sees it ('too early or unclear'); :data:`NOT_CHECKED` for none."""
    return VERDICTS.word(verdict) if verdict else NOT_CHECKED


def verdict_markup(verdict: str) -> Markup:
    """A verdict in bold, marked with its class (coloured in HTML, plain in the PDF)."""
    name = verdict.replace("_", "-") if verdict else "not-checked"
    return Markup(f"**[{markup.escape(verdict_words(verdict))}]{{.verdict-{name}}}**")


def predictions(scope: Scope) -> pd.DataFrame:
    """The claims of kind prediction that the selected sources voice, in the claims' order."""
    claims = scope.claims
    return claims[claims["kind"] == PREDICTION]


def in_scope_threads(scope: Scope) -> list[str]:
    """The open threads the scope holds, other than predictions: the subjects of the scorecard
    and the open threads of the data (planned events, deals not delivered) that the selected
    articles attest, in the scorecard's order, then the data's."""
    dataset = scope.dataset
    held = (
        set(scope.events.index)
        | set(scope.undated_events.index)
        | set(scope.deals.index)
        | set(scope.claims.index[scope.claims["kind"] != PREDICTION])
    )
    candidates = [*dataset.outcomes["subject_id"], *open_threads(dataset)]
    prediction_ids = set(dataset.claims.index[dataset.claims["kind"] == PREDICTION])
    return [s for s in dict.fromkeys(candidates) if s in held and s not in prediction_ids]


def outcome_of(dataset: Dataset, subject_id: str) -> pd.Series | None:
    """The scorecard's row for a subject, or None when it has none yet."""
    found = dataset.outcomes[dataset.outcomes["subject_id"] == subject_id]
    return None if found.empty else found.iloc[0]


def record_reaches(dataset: Dataset, later_ids: Iterable[str]) -> str:
    """How far the later-record rows behind a verdict reach: the latest date among them, in
    words ('December 2025'), or '' without rows."""
    rows = dataset.later_record.loc[list(later_ids)]
    if rows.empty:
        return ""
    ends = [period(d, p)[1] for d, p in zip(rows["date"], rows["date_precision"], strict=True)]
    latest = rows.iloc[max(range(len(ends)), key=ends.__getitem__)]
    return words.format_date(latest["date"], latest["date_precision"])


SCORECARD_COLUMNS = [
    "subject_id",
    "thread",
    "statement",
    "predicted_by",
    "disputed_by",
    "when",
    "horizon",
    "verdict",
    "outcome",
    "reasoning",
    "later_ids",
    "not_found",
    "reaches",
]


def _outcome_fields(dataset: Dataset, subject_id: str, fallback: str) -> dict[str, object]:
    outcome = outcome_of(dataset, subject_id)
    if outcome is None:
        return {
            "thread": fallback,
            "verdict": "",
            "outcome": "",
            "reasoning": "",
            "later_ids": (),
            "not_found": "",
            "reaches": "",
        }
    return {
        "thread": outcome["thread"],
        "verdict": outcome["verdict"],
        "outcome": outcome["outcome"],
        "reasoning": outcome["reasoning"],
        "later_ids": tuple(outcome["later_ids"]),
        "not_found": outcome["not_found"],
        "reaches": record_reaches(dataset, outcome["later_ids"]),
    }


def scorecard(scope: Scope) -> pd.DataFrame:
    """One row per prediction the selected sources voice: its statement, who predicted it and
    who disputed it (with their passages), when (the sources' dates), its horizon, and its
    outcome in the later record (empty fields when it has none yet)."""
    rows = []
    for claim_id, claim in predictions(scope).iterrows():
        rows.append(
            {
                "subject_id": claim_id,
                "statement": claim["statement"],
                "predicted_by": voices(scope, claim_id, ["supports"]),
                "disputed_by": voices(scope, claim_id, ["disputes", "qualifies"]),
                "when": source_dates(scope, claim_id, ["supports"])
                or source_dates(scope, claim_id),
                "horizon": horizon_words(claim["horizon"]),
                **_outcome_fields(scope.dataset, claim_id, claim["statement"]),
            }
        )
    return pd.DataFrame(rows, columns=SCORECARD_COLUMNS)


THREAD_COLUMNS = [
    "subject_id",
    "kind",
    "thread",
    "left_open",
    "sources",
    "verdict",
    "outcome",
    "reasoning",
    "later_ids",
    "not_found",
    "reaches",
]


def left_open(scope: Scope, subject_id: str) -> Markup:
    """What the selected articles leave open about a thread, cited: a planned event with its
    date, a deal at the status each source reports, or a claim as they state it."""
    dataset = scope.dataset
    source_ids = [str(s) for s in scope.evidence_for([subject_id])["source_id"].unique()]
    cites = markup.cite(source_ids, parenthetical=True)
    if subject_id in dataset.deals.index:
        name = markup.escape(dataset.deals.at[subject_id, "name"])
        grid = measures.deal_statuses(scope)
        labels = {label: i for i, label in scope.sources["label"].items()}
        reported = (
            [
                f"{markup.escape(stage_words(status))} in "
                f"{markup.cite([labels[label]], parenthetical=False)}"
                for label, status in grid.loc[subject_id].items()
                if status
            ]
            if subject_id in grid.index
            else []
        )
        if reported:
            return Markup(f"{name}: {'; '.join(reported)}.")
        return Markup(f"{name}: no status reported. {cites}")
    if subject_id in dataset.events.index:
        event = dataset.events.loc[subject_id]
        when = words.event_date(
            event["date"],
            event["date_precision"],
            event["end_date"],
            qualifier=event["date_qualifier"],
        )
        text = f"{when[:1].upper()}{when[1:]}: {event['summary']}"
    else:
        text = f"“{dataset.claims.at[subject_id, 'statement']}”"
    return Markup(f"{markup.escape(text)} {cites}")


def thread_kind(dataset: Dataset, subject_id: str) -> str:
    """'event', 'deal' or 'claim'."""
    if subject_id in dataset.events.index:
        return "event"
    if subject_id in dataset.deals.index:
        return "deal"
    return "claim"


def threads(scope: Scope) -> pd.DataFrame:
    """One row per open thread the scope holds: what the articles leave open, their sources,
    and its outcome in the later record (empty fields when it has none yet)."""
    rows = []
    for subject_id in in_scope_threads(scope):
        sources = scope.evidence_for([subject_id])["source_label"].unique()
        rows.append(
            {
                "subject_id": subject_id,
                "kind": thread_kind(scope.dataset, subject_id),
                "left_open": left_open(scope, subject_id),
                "sources": list(sources),
                **_outcome_fields(scope.dataset, subject_id, scope.subject_title(subject_id)),
            }
        )
    return pd.DataFrame(rows, columns=THREAD_COLUMNS)


# ----------------------------------------------------------------------------------------------
# The later record shown
# ----------------------------------------------------------------------------------------------


def publication_link(row: pd.Series, short: bool = False) -> Markup:
    """A link to a later-record row's page: 'Dawn, 27 September 2012' (``short``: the outlet
    and the year), the address as its target."""
    when = words.format_date(row["published"], row["published_precision"])
    text = f"{row['outlet']}, {when}" if not short else f"{row['outlet']} {when.split()[-1]}"
    return Markup(f"[{markup.escape(text)}](<{row['url']}>)")


def later_links(dataset: Dataset, later_ids: Iterable[str]) -> Markup:
    """Links to the pages of later-record rows, in order of publication (undated pages last),
    each page once."""
    rows = dataset.later_record.loc[list(later_ids)]
    rows = rows.assign(order=[period(p)[0] if p else pd.Timestamp.max for p in rows["published"]])
    rows = rows.sort_values(["order", "later_id"]).drop_duplicates("url")
    return Markup("; ".join(publication_link(row) for _, row in rows.iterrows()))


def shown_later(dataset: Dataset, *frames: pd.DataFrame) -> pd.DataFrame:
    """The later-record rows behind the verdicts of ``frames`` (scorecard, threads) and the
    rows bearing on their subjects, oldest first."""
    behind = {i for frame in frames for ids in frame["later_ids"] for i in ids}
    subjects = {s for frame in frames for s in frame["subject_id"]}
    later = dataset.later_record
    bearing = {i for i, ids in later["subject_ids"].items() if subjects & set(ids)}
    chosen = later.loc[[i for i in later.index if i in behind | bearing]]
    starts = [
        period(d, p)[0] for d, p in zip(chosen["date"], chosen["date_precision"], strict=True)
    ]
    return chosen.assign(start=starts).sort_values(["start", "later_id"])


def excerpt_markup(row: pd.Series) -> Markup:
    """A later-record excerpt as quoted, with the book's translation where it is not English."""
    quoted = f"“{markup.escape(row['excerpt'])}”"
    if row["language"] != "en":
        return Markup(f"{quoted} (translation: {markup.escape(row['translation'])})")
    return Markup(quoted)


def source_markup(row: pd.Series) -> Markup:
    """The publication of a later-record row: its link, its headline where it shows one, what
    it reproduces and what kind of source it is."""
    parts = [publication_link(row)]
    if row["title_basis"] == "headline":
        parts.append(markup.escape(f"“{row['title']}”"))
    if row["relays"]:
        parts.append(markup.escape(f"reproducing or summing up {row['relays']}"))
    parts.append(markup.escape(LATER_SOURCE_KINDS.word(row["source_kind"])))
    return Markup("; ".join(parts))


def later_table(later: pd.DataFrame) -> pd.DataFrame:
    """The later record as a table: the date of what happened, what happened, the publication
    (linked) and the excerpt as accessed."""
    return pd.DataFrame(
        {
            "Date": [
                words.format_date(d, p)
                for d, p in zip(later["date"], later["date_precision"], strict=True)
            ],
            "What happened": [markup.escape(t) for t in later["what_happened"]],
            "Publication": [source_markup(row) for _, row in later.iterrows()],
            "Excerpt, as accessed": [excerpt_markup(row) for _, row in later.iterrows()],
        }
    )


def scorecard_table(dataset: Dataset, card: pd.DataFrame) -> pd.DataFrame:
    """The scorecard as readers see it: the prediction, who predicted (and disputed) it and
    when, its horizon, the verdict, what happened and why, and links to the later record."""
    who = []
    for _, row in card.iterrows():
        text = "; ".join(row["predicted_by"]) or "no selected source predicts it"
        if row["disputed_by"]:
            text += "; disputed or qualified by " + "; ".join(row["disputed_by"])
        when = words.join_words(row["when"])
        who.append(Markup(f"{text}. Published {markup.escape(when)}."))
    return pd.DataFrame(
        {
            "Prediction": [markup.escape(s) for s in card["statement"]],
            "Who predicted it, and when": who,
            "Horizon": list(card["horizon"]),
            "Verdict": [verdict_markup(v) for v in card["verdict"]],
            "What happened, and why": [
                markup.escape(f"{o} {r}".strip() or "Not yet checked against the later record.")
                for o, r in zip(card["outcome"], card["reasoning"], strict=True)
            ],
            "Later record": [later_links(dataset, ids) for ids in card["later_ids"]],
        }
    )


def threads_table(dataset: Dataset, open_threads_frame: pd.DataFrame) -> pd.DataFrame:
    """The open threads as readers see them: the thread, what the articles left open, the
    verdict, what happened and why, and links to the later record."""
    frame = open_threads_frame
    return pd.DataFrame(
        {
            "Thread": [markup.escape(t) for t in frame["thread"]],
            "Left open in the articles": list(frame["left_open"]),
            "Verdict": [verdict_markup(v) for v in frame["verdict"]],
            "What happened, and why": [
                markup.escape(f"{o} {r}".strip() or "Not yet checked against the later record.")
                for o, r in zip(frame["outcome"], frame["reasoning"], strict=True)
            ],
            "Later record": [later_links(dataset, ids) for ids in frame["later_ids"]],
        }
    )


# ----------------------------------------------------------------------------------------------
# Computed prose: sentences whose shape depends on the selection
# ----------------------------------------------------------------------------------------------

_VERDICT_PHRASES = {
    "fulfilled": ("came about", "came about"),
    "partly_fulfilled": ("came about in part", "came about in part"),
    "not_fulfilled": ("did not", "did not"),
    "too_early": ("is too early or unclear to judge", "are too early or unclear to judge"),
    "": ("is not checked yet", "are not checked yet"),
}


def verdict_counts(frame: pd.DataFrame) -> dict[str, int]:
    """How many rows of a scorecard or threads frame have each verdict ('' for none yet), in
    the vocabulary's order, verdicts with no row left out."""
    counts = frame["verdict"].value_counts()
    return {v: int(counts[v]) for v in [*VERDICTS, ""] if v in counts.index}


def _tally(counts: Mapping[str, int]) -> str:
    parts = []
    for verdict, n in counts.items():
        singular, plural = _VERDICT_PHRASES[verdict]
        parts.append(f"{words.number_word(n)} {singular if n == 1 else plural}")
    return words.join_words(parts)


def tally_sentence(card: pd.DataFrame, open_frame: pd.DataFrame) -> Markup:
    """The verdicts in one or two sentences: 'Of the seven predictions the selected articles
    make, one came about, four came about in part and two did not. Of the twenty threads they
    leave open, …'; the sentence for a selection with neither."""
    if card.empty and open_frame.empty:
        return markup.escape(
            "The selected articles make no prediction and leave no thread open that the later "
            "record could settle."
        )
    sentences = []
    if not card.empty:
        n = len(card)
        noun = "prediction" if n == 1 else "predictions"
        sentences.append(
            f"Of the {words.number_word(n)} {noun} the selected articles make, "
            f"{_tally(verdict_counts(card))}."
        )
    else:
        sentences.append("The selected articles make no prediction.")
    if not open_frame.empty:
        n = len(open_frame)
        noun = "thread" if n == 1 else "threads"
        sentences.append(
            f"Of the {words.number_word(n)} {noun} they leave open, "
            f"{_tally(verdict_counts(open_frame))}."
        )
    else:
        sentences.append("They leave no thread open that the later record follows.")
    return markup.escape(" ".join(sentences))


def silences_table(*frames: pd.DataFrame) -> pd.DataFrame:
    """What the later record does not show, thread by thread: what was looked for and not
    found (or not looked for), then the threads not checked yet."""
    rows = [
        (thread, text)
        for frame in frames
        for thread, text in zip(frame["thread"], frame["not_found"], strict=True)
        if text
    ]
    rows += [
        (thread, "Not yet checked against the later record.")
        for frame in frames
        for thread, verdict in zip(frame["thread"], frame["verdict"], strict=True)
        if not verdict
    ]
    return pd.DataFrame(
        {
            "Prediction or thread": [markup.escape(t.rstrip(".")) for t, _ in rows],
            "What the later record does not show": [markup.escape(t) for _, t in rows],
        }
    )


def silences_empty(*frames: pd.DataFrame) -> str:
    """What is said in place of :func:`silences_table` when it has no row."""
    if all(frame.empty for frame in frames):
        return NO_THREADS
    return "For every prediction and thread shown, the later record holds what it was asked."


# ----------------------------------------------------------------------------------------------
# Figures' words and inline values
# ----------------------------------------------------------------------------------------------


def fractional_year(timestamp: pd.Timestamp) -> float:
    """A date as a fractional year (2012.5 for early July 2012)."""
    start = pd.Timestamp(timestamp.year, 1, 1)
    days = 366 if timestamp.is_leap_year else 365
    return timestamp.year + (timestamp - start).days / days


def middle(date: str, precision: str) -> pd.Timestamp:
    """The middle of the period a date stands for: an article known only by its year is placed
    at mid-year, a day at that day."""
    start, end = period(date, precision)
    return start + (end - start) / 2


def lanes(scope: Scope, *frames: pd.DataFrame) -> pd.DataFrame:
    """One lane per row of ``frames``: its thread name, the dates of the selected articles that
    speak of it and of the later-record rows behind its verdict (fractional years), and its
    verdict."""
    dataset = scope.dataset
    published = {
        i: fractional_year(middle(p, q))
        for i, p, q in zip(
            scope.sources.index,
            scope.sources["published"],
            scope.sources["published_precision"],
            strict=True,
        )
    }
    later = dataset.later_record
    rows = []
    for frame in frames:
        for _, row in frame.iterrows():
            ids = scope.evidence_for([row["subject_id"]])["source_id"].unique()
            rows.append(
                {
                    "subject_id": row["subject_id"],
                    "thread": row["thread"],
                    "articles": sorted({published[i] for i in ids}),
                    "later": sorted(
                        fractional_year(middle(d, q))
                        for d, q in later.loc[
                            list(row["later_ids"]), ["date", "date_precision"]
                        ].itertuples(index=False)
                    ),
                    "verdict": row["verdict"],
                    "later_ids": tuple(row["later_ids"]),
                }
            )
    return pd.DataFrame(
        rows, columns=["subject_id", "thread", "articles", "later", "verdict", "later_ids"]
    )


def lanes_alt(drawn: pd.DataFrame) -> str:
    """The alt text of the threads chart, with its numbers."""
    if drawn.empty:
        return "No thread is drawn."
    years = [y for column in ("articles", "later") for ys in drawn[column] for y in ys]
    counts = verdict_counts(drawn)
    tally = words.join_words(
        f"{n} {verdict_words(v) if v else NOT_CHECKED}" for v, n in counts.items()
    )
    n_later = sum(len(ys) for ys in drawn["later"])
    return (
        f"{words.plural(len(drawn), 'lane')} of predictions and open threads on a time axis from "
        f"{int(min(years))} to {int(max(years))}: filled triangles mark when an article speaks "
        f"of the thread, {words.plural(n_later, 'hollow circle')} the later-record rows behind "
        f"its verdict, and a square at the right end its verdict ({tally})."
    )


def later_source_line(scope: Scope, drawn: pd.DataFrame, dataset: Dataset) -> str:
    """The source line of a figure that draws the articles and the later record."""
    ids = {i for subject in drawn["subject_id"] for i in scope.evidence_for([subject])["source_id"]}
    labels = [label for i, label in scope.sources["label"].items() if i in ids]
    articles = "Articles: " + (words.join_words(labels) if labels else "none") + "."
    n_rows = len({i for ids in drawn["later_ids"] for i in ids})
    accessed = accessed_on(dataset)
    return (
        f"{articles} Later record: {words.plural(n_rows, 'attestation')} in publications after "
        f"the articles, accessed {accessed}; data: this book's later-record table."
    )


def accessed_on(dataset: Dataset) -> words.Words:
    """When the later record was read: '1 December 2026', or a span of dates."""
    dates = sorted(set(dataset.later_record["accessed"]))
    if not dates:
        return words.Words("")
    if len(dates) == 1:
        return words.Words(words.format_date(dates[0], "day"))
    return words.Words(
        f"{words.format_date(dates[0], 'day')} to {words.format_date(dates[-1], 'day')}"
    )


def record_span(dataset: Dataset) -> words.Words:
    """The years the later record covers: '2012–2025'."""
    later = later_events(dataset)
    if later.empty:
        return words.Words("")
    return words.Words(words.year_range(int(later["year"].min()), int(later["end_year"].max())))


def outlet_count(dataset: Dataset) -> int:
    """How many outlets the later record reads."""
    return int(dataset.later_record["outlet"].nunique())


def kind_share(dataset: Dataset, kind: str) -> int:
    """How many later-record rows are of a kind of source ('primary', 'news', 'analysis')."""
    return int((dataset.later_record["source_kind"] == kind).sum())


def relayed_count(dataset: Dataset) -> int:
    """How many later-record rows come from a page that reproduces or sums up another's report."""
    return int((dataset.later_record["relays"] != "").sum())


def verdict_of(dataset: Dataset, subject_id: str) -> words.Words:
    """The verdict of one thread in words, for the prose: 'not fulfilled'."""
    outcome = outcome_of(dataset, subject_id)
    return words.Words(verdict_words("" if outcome is None else outcome["verdict"]))


def row_count(dataset: Dataset) -> int:
    """How many attestations the later record holds."""
    return len(dataset.later_record)


def verdict_total(dataset: Dataset, verdict: str) -> int:
    """How many outcomes of the whole scorecard (every article, every thread) have ``verdict``."""
    return int((dataset.outcomes["verdict"] == verdict).sum())


def outcome_count(dataset: Dataset) -> int:
    """How many predictions and threads the whole scorecard judges."""
    return len(dataset.outcomes)


# ----------------------------------------------------------------------------------------------
# What is shown as a figure, and the data written beside the tables
# ----------------------------------------------------------------------------------------------


def verdict_legend() -> dict[str, str]:
    """Each verdict and the words the chart's legend gives it, in the vocabulary's order."""
    return {v: VERDICTS.word(v) for v in VERDICTS}


def lanes_figure(scope: Scope, drawn: pd.DataFrame) -> Figure:
    """The threads chart of :func:`lanes`: the articles and the later record, lane by lane."""
    return thread_lanes(
        list(drawn["thread"]),
        list(drawn["articles"]),
        list(drawn["later"]),
        list(drawn["verdict"]),
        verdict_colours=VERDICT_COLOURS,
        verdict_words=verdict_legend(),
        title="Predictions and open threads: the articles and the later record",
        xlabel="Year",
        ylabel="Prediction or thread",
        source=later_source_line(scope, drawn, scope.dataset),
    )


def _joined(values: Iterable[object]) -> str:
    return ";".join(str(v) for v in values)


def scorecard_data(card: pd.DataFrame) -> pd.DataFrame:
    """The scorecard as its CSV holds it: plain text and ids, one row per prediction."""
    return pd.DataFrame(
        {
            "claim_id": card["subject_id"],
            "statement": card["statement"],
            "predicted_by": [_joined(markup_text(v) for v in vs) for vs in card["predicted_by"]],
            "disputed_by": [_joined(markup_text(v) for v in vs) for vs in card["disputed_by"]],
            "published": [_joined(w) for w in card["when"]],
            "horizon": card["horizon"],
            "verdict": card["verdict"],
            "outcome": card["outcome"],
            "reasoning": card["reasoning"],
            "later_ids": [_joined(ids) for ids in card["later_ids"]],
            "record_reaches": card["reaches"],
        }
    )


def threads_data(frame: pd.DataFrame) -> pd.DataFrame:
    """The open threads as their CSV holds them: plain text and ids."""
    return pd.DataFrame(
        {
            "subject_id": frame["subject_id"],
            "kind": frame["kind"],
            "thread": frame["thread"],
            "left_open": [markup_text(v) for v in frame["left_open"]],
            "sources": [_joined(v) for v in frame["sources"]],
            "verdict": frame["verdict"],
            "outcome": frame["outcome"],
            "reasoning": frame["reasoning"],
            "later_ids": [_joined(ids) for ids in frame["later_ids"]],
            "record_reaches": frame["reaches"],
        }
    )


def lanes_data(drawn: pd.DataFrame) -> pd.DataFrame:
    """The data of the threads chart: each lane's dates (fractional years) and verdict."""
    return pd.DataFrame(
        {
            "subject_id": drawn["subject_id"],
            "thread": drawn["thread"],
            "article_years": [_joined(f"{y:.3f}" for y in ys) for ys in drawn["articles"]],
            "later_years": [_joined(f"{y:.3f}" for y in ys) for ys in drawn["later"]],
            "verdict": drawn["verdict"],
            "later_ids": [_joined(ids) for ids in drawn["later_ids"]],
        }
    )


def later_data(later: pd.DataFrame) -> pd.DataFrame:
    """The later-record rows shown, as the data table holds them."""
    return later.drop(columns=["line", "start"]).reset_index(drop=True)


_ROLE = re.compile(r"\{(?P<role>cite:[pt]|ref)\}`(?P<body>[^`]*)`")


def markup_text(value: str) -> str:
    """Markup as plain text for a CSV: citations as their source ids (in parentheses where the
    citation is parenthetical), passage links as their evidence ids, escapes removed."""

    def plain(match: re.Match[str]) -> str:
        body = match.group("body")
        inner = re.search(r"<([^>]*)>", body)
        text = inner.group(1) if inner else body
        return f"({text})" if match.group("role") == "cite:p" else text

    text = _ROLE.sub(plain, str(value))
    return re.sub(r"\\(.)", r"\1", text)
