"""Source criticism: each article's genre, publisher and author, whom it quotes, and how much of
it is its own against what it credits to other publications."""

from __future__ import annotations

import pandas as pd

from helpers.analysis import origins
from helpers.analysis.scope import Scope
from helpers.chapters.sources_method.public_records import OWNERSHIP
from helpers.evidence import Dataset
from helpers.evidence.vocabularies import SOURCE_KINDS
from helpers.render import markup, words
from helpers.render.figure_style import PALETTE

OWN = "its own passages"
CREDITED = "credited to other publications"


COLOURS = {OWN: PALETTE[0], CREDITED: PALETTE[1]}
"""The colours of the figure of own and credited passages."""


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
