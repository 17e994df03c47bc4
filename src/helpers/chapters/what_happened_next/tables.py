"""The tables of the chapter on what happened next: the later record shown, the scorecard, the
open threads and what the later record does not show."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from helpers.chapters.what_happened_next.outcomes import verdict_markup
from helpers.evidence import Dataset
from helpers.evidence.dates import period
from helpers.evidence.vocabularies import LATER_SOURCE_KINDS
from helpers.render import markup, words
from helpers.render.markup import Markup


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
