"""Sources and method: the five articles, who wrote and published them and from which standpoint,
what each takes from other publications, how the data was taken from them and checked, and what
five articles cannot tell.

Facts about a source that the articles do not state come from ``source_record`` (public records
outside the five articles, each cited); where none documents a publisher or a funder, the chapter
says so rather than guess.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import ClassVar

import pandas as pd

from helpers.analysis import origins
from helpers.analysis.params import ChapterParams
from helpers.analysis.scope import Scope
from helpers.chapters.opening import open_chapter
from helpers.evidence import Dataset, readings
from helpers.evidence.vocabularies import DATE_BASES, RECORD_ASPECTS, SOURCE_KINDS
from helpers.render import markup, words
from helpers.render.figure_style import PALETTE
from helpers.render.seed_pages import seed_page_label
from helpers.render.words import Words

COMPILER = "src-pr-2021"
"""The brief that credits most of its passages to other publications (Fernandez (2021))."""

OWNERSHIP = ("publisher", "owner_or_funder")
"""The aspects of a source's record that say who publishes or funds it."""

OWN = "its own passages"
CREDITED = "credited to other publications"


@dataclass(frozen=True)
class Params(ChapterParams):
    """Parameters of the chapter on sources and method."""

    chapter: ClassVar[str] = "sources_method"


def open(namespace: Mapping[str, object]) -> tuple[Params, Dataset, Scope]:
    """The chapter's checked parameters (read from the notebook's globals), its dataset and its
    scope: ``P, dataset, scope = chapter.open(globals())``."""
    return open_chapter(Params, namespace)  # type: ignore[return-value]


# ----------------------------------------------------------------------------------------------
# Public records about the sources
# ----------------------------------------------------------------------------------------------


def records_of(scope: Scope) -> pd.DataFrame:
    """The public records about the selected sources, in the order of the sources."""
    records = scope.dataset.source_record
    records = records[records["source_id"].isin(scope.sources.index)]
    order = {s: i for i, s in enumerate(scope.sources.index)}
    aspects = list(RECORD_ASPECTS)
    return records.sort_values(
        ["source_id", "aspect", "line"],
        key=lambda c: (
            c.map(order)
            if c.name == "source_id"
            else (c.map(aspects.index) if c.name == "aspect" else c)
        ),
    )


def record_citation(record: pd.Series) -> markup.Markup:
    """A public record cited as a link: its publisher, title and date, and the day it was read
    ('Dawn, 8 June 2018; read 1 December 2026')."""
    parts = [record["record_publisher"]]
    if record["record_title"]:
        parts.append(f"“{record['record_title']}”")
    if record["record_published"]:
        parts.append(words.format_date(record["record_published"], record["record_precision"]))
    title = markup.escape(", ".join(parts))
    accessed = words.format_date(record["accessed"], "day")
    return markup.Markup(f"[{title}]({record['url']}); read {markup.escape(accessed)}")


def undocumented(
    records: pd.DataFrame, sources: pd.DataFrame, aspects: tuple[str, ...]
) -> list[str]:
    """The labels of the sources for which no public record of these aspects was found."""
    covered = set(records.loc[records["aspect"].isin(aspects), "source_id"])
    return [label for source_id, label in sources["label"].items() if source_id not in covered]


def undocumented_sentence(records: pd.DataFrame, sources: pd.DataFrame) -> markup.Markup:
    """What the public records leave undocumented about who publishes and funds the sources,
    as a paragraph whose shape depends on the selection."""
    unpublished = undocumented(records, sources, OWNERSHIP)
    unfunded = [
        s for s in undocumented(records, sources, ("owner_or_funder",)) if s not in unpublished
    ]
    parts = []
    if unpublished:
        parts.append(
            f"For {words.join_words(unpublished)}, no public record consulted for this book "
            "names who publishes or funds the outlet."
        )
    if unfunded:
        parts.append(
            f"For {words.join_words(unfunded)}, the records name the publisher but not who funds "
            "it."
        )
    if not parts:
        return markup.escape(
            "For every selected article, a public record names who publishes the outlet and who "
            "owns or funds it."
        )
    parts.append("The book does not guess where the record is silent.")
    return markup.escape(" ".join(parts))


def records_table(records: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """Every public record about the selected sources: the source, what the record is about,
    what it shows, and the record cited with its address and day of access."""
    return pd.DataFrame(
        {
            "Source": [sources.at[s, "label"] for s in records["source_id"]],
            "About": [RECORD_ASPECTS.word(a) for a in records["aspect"]],
            "What the record shows": records["statement"].to_list(),
            "Record (external to the five articles)": [
                record_citation(r) for _, r in records.iterrows()
            ],
        }
    )


# ----------------------------------------------------------------------------------------------
# Source criticism
# ----------------------------------------------------------------------------------------------


def genre_words(source: pd.Series) -> str:
    """An article's genre as its own text shows it: 'opinion piece', 'analysis, reposted on a
    blog from Future Directions International'."""
    genre = SOURCE_KINDS.word(source["kind"])
    if source["original_outlet"]:
        return f"{genre}, reposted on a blog from {source['original_outlet']}"
    return genre


def _facts(records: pd.DataFrame, source_id: str, aspects: tuple[str, ...]) -> markup.Markup:
    """The statements of a source's records of some aspects, each linked to its record."""
    chosen = records[(records["source_id"] == source_id) & records["aspect"].isin(aspects)]
    return markup.Markup(
        " ".join(
            f"{markup.escape(r['statement'])} [record]({r['url']})" for _, r in chosen.iterrows()
        )
    )


def _sentences(*parts: str) -> markup.Markup:
    """Pieces of a table cell (markup), the empty ones left out."""
    return markup.Markup(" ".join(p for p in parts if p))


NO_OWNERSHIP = "No public record consulted names who publishes or funds it."
NO_AUTHOR_RECORD = "No public record found beyond the article's own words."


def publisher_cell(records: pd.DataFrame, source_id: str) -> markup.Markup:
    """Where the article stands and what public records say of who publishes and funds it;
    says so where none names a publisher or a funder."""
    placed = _facts(records, source_id, ("original_url", "original_publication"))
    owned = _facts(records, source_id, OWNERSHIP)
    return _sentences(placed, owned or markup.escape(NO_OWNERSHIP))


def author_cell(source: pd.Series, records: pd.DataFrame) -> markup.Markup:
    """The author as printed (or that the report is unsigned) and what public records say."""
    signed = source["author"] != source["outlet"]
    name = f"{source['author']}." if signed else "Unsigned: the page names only the outlet."
    facts = _facts(records, str(source.name), ("author",))
    return _sentences(markup.escape(name), facts or markup.escape(NO_AUTHOR_RECORD))


def quoted_voices(evidence: pd.DataFrame) -> str:
    """Whom an article quotes, from its evidence rows, each with its number of distinct
    passages, most quoted first: 'Abdur Rehman (9), Muhammad Asim (8); ten reader comments;
    photo captions (4)'."""
    quoted = evidence[evidence["voice"] == "quoted"]
    counts = (
        quoted.groupby("speaker")["quote"].nunique().sort_values(ascending=False, kind="stable")
    )
    people = [f"{speaker} ({n})" for speaker, n in counts.items()]
    parts = [", ".join(people)] if people else []
    readers = evidence.loc[evidence["voice"] == "reader", "speaker"].nunique()
    if readers:
        parts.append(words.plural(readers, "reader comment", words=True))
    captions = evidence.loc[evidence["voice"] == "caption", "quote"].nunique()
    if captions:
        parts.append(f"photo captions ({captions})")
    return "; ".join(parts) if parts else "no one"


def taken_words(borrowed: pd.DataFrame, source_id: str, passages: int) -> str:
    """What an article credits to other publications, in passages: 'Dawn 17, The Express
    Tribune 10 … (50 of 94 passages)'; or that it credits none."""
    mine = borrowed[borrowed["source_id"] == source_id]
    if mine.empty:
        return "nothing credited to another publication"
    listed = ", ".join(f"{o} {n}" for o, n in zip(mine["origin"], mine["passages"], strict=True))
    return f"{listed} (of {words.plural(passages, 'quoted passage')})"


def criticism_table(scope: Scope, records: pd.DataFrame) -> pd.DataFrame:
    """One row per selected article: its genre, what public records say of its publisher and
    ownership, of where it stands and of its author, whom it quotes, and what it takes from
    other publications (passages credited, by publication)."""
    borrowed = origins.borrowings(scope)
    shares = origins.credited_share(scope)
    rows = []
    for source_id, source in scope.sources.iterrows():
        evidence = scope.evidence[scope.evidence["source_id"] == source_id]
        genre = markup.escape(genre_words(source).capitalize() + ".")
        rows.append(
            {
                "Article": markup.cite([source_id], parenthetical=False),
                "Genre": _sentences(genre, _facts(records, source_id, ("genre",))),
                "Publisher and funding": publisher_cell(records, source_id),
                "Author": author_cell(source, records),
                "Whom it quotes": quoted_voices(evidence),
                "What it takes from others": taken_words(
                    borrowed, source_id, int(shares.at[source_id, "passages"])
                ),
            }
        )
    columns = [
        "Article",
        "Genre",
        "Publisher and funding",
        "Author",
        "Whom it quotes",
        "What it takes from others",
    ]
    return pd.DataFrame(rows, columns=columns)


def own_and_credited(scope: Scope) -> pd.DataFrame:
    """Per selected article (by label): its distinct quoted passages that are its own and those
    it credits to other publications."""
    shares = origins.credited_share(scope)
    frame = pd.DataFrame(
        {OWN: shares["passages"] - shares["credited"], CREDITED: shares["credited"]}
    )
    frame.index = shares["source"].to_list()
    return frame


def own_and_credited_alt(table: pd.DataFrame) -> str:
    """The alt text of the figure of own and credited passages, with its numbers."""
    parts = [
        f"{label}: {row[OWN]} own, {row[CREDITED]} credited" for label, row in table.iterrows()
    ]
    return (
        "Horizontal stacked bars, one per article, of its quoted passages that are its own and "
        f"those it credits to other publications. {'; '.join(parts)}."
    )


def borrowings_table(scope: Scope) -> pd.DataFrame:
    """What each selected article credits to other publications: the publication, its passages
    and their share of the article's quoted passages."""
    borrowed = origins.borrowings(scope)
    return pd.DataFrame(
        {
            "Article": borrowed["source"].to_list(),
            "Credited to": borrowed["origin"].to_list(),
            "Passages": borrowed["passages"].to_list(),
            "Share of its quoted passages": [
                f"{round(100 * n / total)}%"
                for n, total in zip(borrowed["passages"], borrowed["of_all"], strict=True)
            ],
        }
    )


def credited(dataset: Dataset, source_id: str) -> tuple[int, int]:
    """Of one article's quoted passages (in the whole dataset), how many it credits to other
    publications, and how many there are."""
    evidence = dataset.evidence
    return origins.credited_passages(evidence[evidence["source_id"] == source_id])


# ----------------------------------------------------------------------------------------------
# The articles
# ----------------------------------------------------------------------------------------------


def sources_table(scope: Scope) -> pd.DataFrame:
    """The selected articles: label (with a link to the full text), outlet and author, date and
    how it is known, genre and standpoint."""
    sources = scope.sources
    return pd.DataFrame(
        {
            "Article": [
                markup.Markup(
                    f"{markup.cite([i], parenthetical=False)} "
                    f"({markup.passage(seed_page_label(i), 'full text')})"
                )
                for i in sources.index
            ],
            "Outlet and author": [
                f"{outlet}; {author}" if outlet != author else outlet
                for outlet, author in zip(sources["outlet"], sources["author"], strict=True)
            ],
            "Published": [
                f"{words.format_date(d, p)}. {basis}"
                for d, p, basis in zip(
                    sources["published"],
                    sources["published_precision"],
                    sources["date_basis"],
                    strict=True,
                )
            ],
            "Genre": [genre_words(s) for _, s in sources.iterrows()],
            "Standpoint": sources["perspective"].to_list(),
        }
    )


def year_span(sources: pd.DataFrame) -> Words:
    """The years of the selected articles: '2012 to 2021', or one year."""
    first, last = int(sources["year"].min()), int(sources["year"].max())
    return Words(str(first) if first == last else f"{first} to {last}")


def counted(n: int, singular: str, plural: str | None = None) -> Words:
    """A count with its noun, as text to show inline: 'one article', 'five articles'."""
    return Words(words.plural(n, singular, plural, words=True))


# ----------------------------------------------------------------------------------------------
# How the data was made and checked
# ----------------------------------------------------------------------------------------------


def quotes_found(scope: Scope) -> int:
    """How many in-scope evidence quotes are found verbatim in their seeds (after the one
    normalization)."""
    evidence = scope.evidence
    seeds = scope.dataset.seeds
    return sum(
        seeds[s].contains(q) for s, q in zip(evidence["source_id"], evidence["quote"], strict=True)
    )


def events_in_scope(scope: Scope) -> pd.DataFrame:
    """The events of the selection, dated (within the years) and undated (when the years cover
    every dated event)."""
    return pd.concat([scope.events, scope.undated_events])


def basis_counts(events: pd.DataFrame) -> dict[str, int]:
    """How many events have each date basis, in the vocabulary's order (zeros included)."""
    counts = events["date_basis"].value_counts()
    return {basis: int(counts.get(basis, 0)) for basis in DATE_BASES}


def reading_problems(dataset: Dataset) -> int:
    """How many problems the checks of readings against the articles find
    (:mod:`helpers.evidence.readings`): unnamed places and actors, reported dates without a date
    expression, aliases that name another actor or a place."""
    return (
        len(readings.unnamed_event_details(dataset))
        + len(readings.undated_reported_dates(dataset))
        + len(readings.bad_aliases(dataset))
    )


def resolved_dates(scope: Scope) -> pd.DataFrame:
    """The events in scope whose date was resolved from a relative expression, inferred, bounded
    by a qualifier, or cannot be established."""
    events = events_in_scope(scope)
    return events[(events["date_basis"] != "stated") | (events["date_qualifier"] != "")]


def dates_table(events: pd.DataFrame) -> pd.DataFrame:
    """Resolved, inferred and bounded dates: the event, its date in words, the basis and how
    it was resolved."""
    return pd.DataFrame(
        {
            "Event": events["title"].to_list(),
            "Date": [
                words.event_date(d, p, e, qualifier=q)
                for d, p, e, q in zip(
                    events["date"],
                    events["date_precision"],
                    events["end_date"],
                    events["date_qualifier"],
                    strict=True,
                )
            ],
            "Basis": [DATE_BASES.word(b) for b in events["date_basis"]],
            "How it was resolved": events["date_note"].to_list(),
        }
    )


def credited_rows(scope: Scope) -> int:
    """How many in-scope evidence rows an article credits to another publication."""
    return int(scope.evidence["origins"].map(bool).sum())


def span_figures(scope: Scope) -> int:
    """How many in-scope durations and intervals name the events they span."""
    figures = scope.figures
    return int((figures["span_from"] != "").sum())


COLOURS = {OWN: PALETTE[0], CREDITED: PALETTE[1]}
"""The colours of the figure of own and credited passages."""
