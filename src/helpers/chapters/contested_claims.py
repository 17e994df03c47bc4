"""Contested claims: every claim against every voice, agreement counted once per origin, the
predictions with their dates, the facts on which the attestations disagree, and the stated
lengths of time that the sources' own dates contradict."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import ClassVar

import pandas as pd

from helpers.analysis import measures, origins, spans
from helpers.analysis.params import ALL, CLAIM_TOPICS, ChapterParams, param
from helpers.analysis.scope import Scope
from helpers.chapters.opening import open_chapter
from helpers.evidence import Dataset
from helpers.evidence.dates import date_precision_of
from helpers.evidence.vocabularies import CLAIM_TOPICS as TOPIC_WORDS
from helpers.render import markup, words
from helpers.render.figure_style import PALETTE, STANCE_COLOURS
from helpers.render.words import Words

READER_COMMENTS_FIGURE = "fig-reader-comments"
"""The number of reader comments the Pakistan Forward page itself counts."""

COMPILER = "src-pr-2021"
"""The brief that passes on most of its passages from other publications (Fernandez (2021)),
of which the interpretation says how much it credits to others."""

SYMBOLS = {"supports": "+", "qualifies": "±", "disputes": "−"}
"""How the claim × voice table marks a stance."""

VERDICTS = ("agreed", "qualified", "contested", "rejected", "one voice")
"""The verdicts on a claim (:func:`helpers.analysis.measures.claim_verdicts`), agreed first."""

VERDICT_WORDS = {
    "agreed": "agreed",
    "qualified": "qualified",
    "contested": "contested",
    "rejected": "rejected",
    "one voice": "one voice only",
}

VERDICT_COLOURS = {
    "agreed": STANCE_COLOURS["supports"],
    "qualified": STANCE_COLOURS["qualifies"],
    "contested": STANCE_COLOURS["disputes"],
    "rejected": PALETTE[8],
    "one voice": "#c8c8c8",
}

UNIT_WORDS = {"days": "day", "weeks": "week", "years": "year"}
QUALIFIER_WORDS = {"approximate": "about ", "almost": "almost ", "more_than": "more than "}


@dataclass(frozen=True)
class Params(ChapterParams):
    """Parameters of the chapter on contested claims."""

    chapter: ClassVar[str] = "contested_claims"

    claim_topics: tuple[str, ...] = param(
        (ALL,),
        "Claim topics discussed, or all.",
        example='["trust"]',
        choices=CLAIM_TOPICS,
        nonempty=True,
    )
    min_voices: int = param(
        2, "Fewest evidence rows a claim needs to be shown.", example="2", minimum=1
    )


def open(namespace: Mapping[str, object]) -> tuple[Params, Dataset, Scope]:
    """The chapter's checked parameters (read from the notebook's globals), its dataset and its
    scope: ``P, dataset, scope = chapter.open(globals())``."""
    return open_chapter(Params, namespace)  # type: ignore[return-value]


# ----------------------------------------------------------------------------------------------
# Which claims
# ----------------------------------------------------------------------------------------------


def of_topics(claims: pd.DataFrame, topics: tuple[str, ...]) -> pd.DataFrame:
    """The claims of the chosen topics (``("all",)`` for every one)."""
    return claims if ALL in topics else claims[claims["topic"].isin(topics)]


def argued_claims(scope: Scope, topics: tuple[str, ...], min_voices: int) -> pd.DataFrame:
    """The claims the chapter sets against each other: claims of the chosen topics that are not
    predictions and that at least ``min_voices`` in-scope passages voice."""
    claims = of_topics(scope.claims, topics)
    claims = claims[claims["kind"] != "prediction"]
    rows = scope.evidence_for(claims.index).groupby("subject_id").size()
    return claims[claims.index.isin(rows[rows >= min_voices].index)]


def prediction_claims(scope: Scope, topics: tuple[str, ...]) -> pd.DataFrame:
    """The predictions of the chosen topics, however many passages voice them."""
    claims = of_topics(scope.claims, topics)
    return claims[claims["kind"] == "prediction"]


# ----------------------------------------------------------------------------------------------
# Verdicts, counting sources and counting origins
# ----------------------------------------------------------------------------------------------


def judged(scope: Scope, claim_ids: pd.Index) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The stance matrix of the claims (claims × sources and readers) and, per claim, its
    origins and verdicts (:func:`helpers.analysis.origins.claim_origins`)."""
    matrix = measures.stance_matrix(scope, claim_ids)
    by_sources = measures.claim_verdicts(matrix) if len(matrix) else pd.Series(dtype=object)
    return matrix, origins.claim_origins(scope, claim_ids, by_sources)


def count(judgements: pd.DataFrame, verdict: str, column: str = "verdict") -> int:
    """How many claims have ``verdict`` (counting origins, or ``column='by_sources'``)."""
    return int((judgements[column] == verdict).sum()) if len(judgements) else 0


def leading_topics(
    claims: pd.DataFrame, judgements: pd.DataFrame, verdict: str, most: int = 3
) -> Words:
    """The topics that hold the most claims of ``verdict``, in words, most frequent first
    (ties in the vocabulary's order): 'Afghanistan, Russia's motives and Pakistan's motives'."""
    chosen = claims.loc[judgements.index[judgements["verdict"] == verdict]]
    if chosen.empty:
        return Words("no topic")
    order = list(TOPIC_WORDS)
    counts = chosen["topic"].value_counts()
    ranked = sorted(counts.index, key=lambda t: (-counts[t], order.index(t)))[:most]
    return Words(words.join_words(TOPIC_WORDS.word(t) for t in ranked))


def verdict_by_topic(claims: pd.DataFrame, judgements: pd.DataFrame) -> pd.DataFrame:
    """Topics × verdicts (counting origins): how many claims of each topic have each verdict;
    topics in words, in the vocabulary's order; only verdicts that occur."""
    if claims.empty:
        return pd.DataFrame(columns=list(VERDICTS))
    table = pd.crosstab(claims["topic"], judgements.loc[claims.index, "verdict"])
    table = table.reindex(columns=[v for v in VERDICTS if v in table.columns], fill_value=0)
    table = table.reindex([t for t in TOPIC_WORDS if t in table.index])
    table.index = [TOPIC_WORDS.word(t) for t in table.index]
    return table


def changed_verdicts(judgements: pd.DataFrame) -> pd.DataFrame:
    """The claims whose verdict changes when each origin is counted once."""
    return judgements[judgements["verdict"] != judgements["by_sources"]]


def relayed(judgements: pd.DataFrame) -> pd.DataFrame:
    """The claims that an origin reaches through two or more sources."""
    return judgements[judgements["relayed"].map(bool)] if len(judgements) else judgements


def origin_sentence(claims: pd.DataFrame, judgements: pd.DataFrame) -> markup.Markup:
    """What counting each origin once changes, as a paragraph whose shape depends on the
    selection: the claims agreed only through one origin repeated, those one source compiles
    from several origins, and the outlets relayed by several sources."""
    if claims.empty:
        return markup.escape("With no claim to weigh, there is no origin to count.")
    changed = changed_verdicts(judgements)
    echoes = changed[changed["echo"]]
    compiled = changed[~changed["echo"]]
    parts = []
    if len(echoes):
        one = len(echoes) == 1
        parts.append(
            f"{_claim_list(claims, echoes.index)} {'looks' if one else 'look'} agreed across "
            f"articles, but all the support is one origin repeated; "
            f"{'it counts' if one else 'they count'} as voiced once."
        )
    else:
        parts.append("No claim looks agreed only through one origin repeated.")
    if len(compiled):
        one = len(compiled) == 1
        parts.append(
            f"{_claim_list(claims, compiled.index)} {'is' if one else 'are'} voiced by one "
            "article that draws on several publications in agreement, so "
            f"{'it counts' if one else 'they count'} as "
            f"{words.join_words(sorted(set(compiled['verdict'])))}."
        )
    repeated = relayed(judgements)
    if len(repeated):
        outlets = words.ordered_unique([o for r in repeated["relayed"] for o in r])
        one = len(outlets) == 1
        effect = (
            f"counted once, {'it changes' if one else 'they change'} no verdict there"
            if not repeated.index.isin(changed.index).any()
            else "counted once, the repetition no longer adds a voice"
        )
        parts.append(
            f"{markup.escape(words.join_words(outlets))} {'reaches' if one else 'reach'} "
            f"{words.plural(len(repeated), 'claim', words=True)} through more than one "
            f"article; {effect}."
        )
    return markup.Markup(" ".join(parts))


def _claim_list(claims: pd.DataFrame, ids: pd.Index) -> str:
    quoted = [f"“{markup.escape(claims.at[c, 'statement'].rstrip('.'))}”" for c in ids]
    return words.join_words(quoted)


# ----------------------------------------------------------------------------------------------
# Passages and who speaks
# ----------------------------------------------------------------------------------------------


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


def linked_voices(evidence: pd.DataFrame, credits: Mapping[str, str]) -> markup.Markup:
    """The voices of some passages, each linked to its passage ('Abdur Rehman in Pakistan
    Forward (2018)'); a voice with several passages links them by number; a passage credited
    to other publications says so ('Fernandez (2021), after Dawn')."""
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
            links = ", ".join(markup.passage(e, str(i)) for i, e in enumerate(group.index, start=1))
            parts.append(f"{markup.escape(text)} ({links})")
    return markup.Markup("; ".join(parts))


def numbered_passages(evidence: pd.DataFrame, sources: pd.DataFrame) -> markup.Markup:
    """Links to every passage, numbered within each source, the sources in the order of
    ``sources``: 'Rizvi (2018) 1, 2; …'."""
    parts = []
    for source_id in sources.index:
        group = evidence[evidence["source_id"] == source_id]
        if group.empty:
            continue
        label = sources.at[source_id, "label"]
        links = ", ".join(markup.passage(e, str(i)) for i, e in enumerate(group.index, start=1))
        parts.append(f"{markup.escape(label)} {links}")
    return markup.Markup("; ".join(parts))


# ----------------------------------------------------------------------------------------------
# Tables of claims
# ----------------------------------------------------------------------------------------------


def verdict_words(row: pd.Series) -> str:
    """A claim's verdict counting origins, with what counting articles would have said."""
    shown = VERDICT_WORDS.get(row["verdict"], row["verdict"])
    if row["echo"]:
        return f"{shown} (one origin repeated)"
    if row["verdict"] != row["by_sources"]:
        return f"{shown} (one article, several origins)"
    return shown


def voice_table(
    scope: Scope, claims: pd.DataFrame, matrix: pd.DataFrame, judgements: pd.DataFrame
) -> pd.DataFrame:
    """Every claim against every voice: the claim, a column per source (its short label) and
    one for the readers with the stance symbols, the independent origins, the verdict and links
    to the passages."""
    shown = matrix.map(lambda cell: " ".join(SYMBOLS[s] for s in cell.split(" / ")) if cell else "")
    shown.insert(0, "Claim", [claims.at[c, "statement"] for c in matrix.index])
    shown["Origins"] = [int(judgements.at[c, "origins"]) for c in matrix.index]
    shown["Verdict"] = [verdict_words(judgements.loc[c]) for c in matrix.index]
    evidence = scope.evidence_for(matrix.index)
    shown["Passages"] = [
        numbered_passages(evidence[evidence["subject_id"] == c], scope.sources)
        for c in matrix.index
    ]
    return shown.reset_index(drop=True)


def voice_widths(columns: int) -> list[int]:
    """Column widths of the claim × voice table for ``columns`` voices."""
    each = max(4, 30 // max(columns, 1))
    return [30, *([each] * columns), 7, 12, 21]


def voice_data(
    claims: pd.DataFrame, matrix: pd.DataFrame, judgements: pd.DataFrame
) -> pd.DataFrame:
    """The CSV beside the claim × voice table: claim id and statement, each voice's stances,
    origins, the verdicts counting origins and counting sources."""
    data = matrix.copy()
    data.insert(0, "statement", [claims.at[c, "statement"] for c in matrix.index])
    extra = judgements.reindex(matrix.index)
    for column in ("origins", "supports", "qualifies", "disputes", "verdict", "by_sources"):
        data[column] = extra[column]
    data["relayed"] = [";".join(r) for r in extra["relayed"]]
    return data.reset_index(names="claim_id")


def side_table(scope: Scope, claims: pd.DataFrame, ids: list[str] | pd.Index) -> pd.DataFrame:
    """For some claims: who supports, qualifies and disputes each, linked to the passages."""
    credits = origins.citation_origins(scope.dataset)
    evidence = scope.evidence_for(ids)
    rows = []
    for claim in ids:
        mine = evidence[evidence["subject_id"] == claim]
        row = {"Claim": claims.at[claim, "statement"]}
        for stance, heading in (
            ("supports", "Supported by"),
            ("qualifies", "Qualified by"),
            ("disputes", "Disputed by"),
        ):
            row[heading] = linked_voices(mine[mine["stance"] == stance], credits)
        rows.append(row)
    return pd.DataFrame(rows, columns=["Claim", "Supported by", "Qualified by", "Disputed by"])


def as_text(table: pd.DataFrame) -> pd.DataFrame:
    """A shown table as plain strings, for its CSV."""
    return table.map(str)


# ----------------------------------------------------------------------------------------------
# Predictions
# ----------------------------------------------------------------------------------------------


def horizon_words(horizon: str) -> str:
    """A prediction's horizon in words: 'by September 2012', or that none is given."""
    if not horizon:
        return "none given"
    return f"by {words.format_date(horizon, date_precision_of(horizon))}"


def source_dates(evidence: pd.DataFrame, sources: pd.DataFrame) -> str:
    """When the sources of some passages were published, oldest first:
    'DeSilva-Ranasinghe (2012): 24 March 2012; Qureshi (2018): 2018'."""
    shown = []
    for source_id in sources.index:
        if source_id in set(evidence["source_id"]):
            row = sources.loc[source_id]
            date = words.format_date(row["published"], row["published_precision"])
            shown.append(f"{row['label']}: {date}")
    return "; ".join(shown)


def predictions_table(scope: Scope, predictions: pd.DataFrame) -> pd.DataFrame:
    """The predictions, oldest first: what is predicted, who expects it and who expects
    otherwise (linked to the passages), when the sources said so, and the horizon."""
    credits = origins.citation_origins(scope.dataset)
    evidence = scope.evidence_for(predictions.index)
    first = evidence.groupby("subject_id")["source_year"].min()
    ordered = predictions.assign(first=first).sort_values(["first", "claim_id"], kind="stable")
    rows = []
    for claim, prediction in ordered.iterrows():
        mine = evidence[evidence["subject_id"] == claim]
        expected = linked_voices(mine[mine["stance"] == "supports"], credits)
        partly = linked_voices(mine[mine["stance"] == "qualifies"], credits)
        if partly:
            expected = markup.Markup("; ".join(p for p in (expected, f"in part: {partly}") if p))
        rows.append(
            {
                "Prediction": prediction["statement"],
                "Expected by": expected,
                "Expected otherwise by": linked_voices(mine[mine["stance"] == "disputes"], credits),
                "Said": source_dates(mine, scope.sources),
                "Horizon": horizon_words(prediction["horizon"]),
            }
        )
    columns = ["Prediction", "Expected by", "Expected otherwise by", "Said", "Horizon"]
    return pd.DataFrame(rows, columns=columns)


def with_horizon(predictions: pd.DataFrame) -> int:
    """How many predictions name the date by which they speak."""
    return int((predictions["horizon"] != "").sum())


# ----------------------------------------------------------------------------------------------
# Readers against the article
# ----------------------------------------------------------------------------------------------


def readers_table(scope: Scope, claims: pd.DataFrame) -> pd.DataFrame:
    """Each claim a reader speaks to: where the article's own voices stand, where the readers
    stand, and the comments (linked). ``against`` marks the claims on which readers take the
    opposite side."""
    evidence = scope.evidence_for(claims.index)
    readers = evidence[evidence["voice"] == "reader"]
    article = evidence[
        evidence["source_id"].isin(set(readers["source_id"])) & (evidence["voice"] != "reader")
    ]
    order = list(SYMBOLS)
    rows = []
    for claim, group in readers.groupby("subject_id", sort=False):
        own = sorted(set(article.loc[article["subject_id"] == claim, "stance"]), key=order.index)
        theirs = sorted(set(group["stance"]), key=order.index)
        rows.append(
            {
                "Claim": claims.at[claim, "statement"],
                "The article's voices": " / ".join(own) or "silent",
                "Readers": " / ".join(theirs),
                "Comments": markup.Markup(
                    ", ".join(
                        markup.passage(e, s.removeprefix("reader "))
                        for e, s in zip(group.index, group["speaker"], strict=True)
                    )
                ),
                "against": ("supports" in own and "disputes" in theirs)
                or ("disputes" in own and "supports" in theirs),
            }
        )
    columns = ["Claim", "The article's voices", "Readers", "Comments", "against"]
    return pd.DataFrame(rows, columns=columns)


def readers_sentence(table: pd.DataFrame, dataset: Dataset) -> markup.Markup:
    """How the readers stand against the article they comment on, as a paragraph whose shape
    depends on the selection."""
    if table.empty:
        return markup.escape("No reader comment is part of this selection.")
    printed = dataset.evidence.loc[dataset.evidence["voice"] == "reader", "speaker"].nunique()
    against = int(table["against"].sum())
    text = (
        f"The readers speak to {words.plural(len(table), 'claim')}; on "
        f"{words.plural(against, 'claim', words=True)} they take the side opposite to the "
        "article's author and the analysts it quotes."
    )
    if READER_COMMENTS_FIGURE in dataset.figures.index:
        counted = int(dataset.figures.at[READER_COMMENTS_FIGURE, "value"])
        text += (
            f" The page counts {words.plural(counted, 'comment')}; the archived text prints "
            f"{words.number_word(printed)}."
        )
    return markup.escape(text)


# ----------------------------------------------------------------------------------------------
# Disagreements of fact
# ----------------------------------------------------------------------------------------------


def version_words(dispute: pd.Series, scope: Scope) -> list[str]:
    """The versions of one disagreement as a reader sees them: a value as its source words it;
    a date at the precision its passage gives it ('the 1980s'), or, for a passage that gives no
    date of its own, at the precision of the event's date."""
    if dispute["kind"] != "date":
        return list(dispute["reported"])
    evidence = scope.dataset.evidence
    event = scope.dataset.events.loc[dispute["subject_id"]]
    shown = []
    for evidence_id, date in zip(dispute["evidence_ids"], dispute["reported"], strict=True):
        row = evidence.loc[evidence_id]
        if row["reported_date"]:
            precision = row["reported_precision"] or date_precision_of(date)
        else:
            precision = event["date_precision"]
        shown.append(words.format_date(date, precision))
    return shown


def disagreements_table(scope: Scope, disputes: pd.DataFrame) -> pd.DataFrame:
    """The facts on which attestations disagree: each version as its source words it, with who
    gives it, linked to the passage."""
    evidence = scope.evidence
    rows = []
    for _, dispute in disputes.iterrows():
        versions = version_words(dispute, scope)
        who = [speaker_words(evidence.loc[e]) for e in dispute["evidence_ids"]]
        rows.append(
            {
                "Fact": dispute["subject"],
                "Differs in": "date" if dispute["kind"] == "date" else "value or wording",
                "Versions": markup.Markup(
                    "; ".join(
                        f"{markup.escape(v)} ({markup.passage(e, w)})"
                        for v, w, e in zip(versions, who, dispute["evidence_ids"], strict=True)
                    )
                ),
                "Between": "passages of one article"
                if dispute["sources"] == 1
                else f"{words.number_word(int(dispute['sources']))} articles",
            }
        )
    return pd.DataFrame(rows, columns=["Fact", "Differs in", "Versions", "Between"])


def within_one_article(disputes: pd.DataFrame) -> int:
    """How many disagreements lie between passages of one article."""
    return int((disputes["sources"] == 1).sum()) if len(disputes) else 0


# ----------------------------------------------------------------------------------------------
# Disagreements that need arithmetic
# ----------------------------------------------------------------------------------------------


def length_words(days: float) -> str:
    """A length of time in words: '17 days', '5 months', '9 years and 1 month'."""
    days = max(0.0, days)
    if days < 60:
        return words.plural(round(days), "day")
    months = round(days / (365.25 / 12))
    if months < 24:
        return words.plural(months, "month")
    years, rest = divmod(months, 12)
    shown = words.plural(years, "year")
    return f"{shown} and {words.plural(rest, 'month')}" if rest else shown


def implied_words(low: float, high: float) -> str:
    """What the dates allow, in words: 'is 17 days', 'is at most 9 years and 1 month', 'is
    between 12 years and 4 months and 13 years and 4 months'."""
    if math.isinf(high):
        return f"is at least {length_words(low)}"
    if low <= 1:
        return f"is at most {length_words(high)}"
    if length_words(low) == length_words(high):
        return f"is {length_words(low)}"
    return f"is between {length_words(low)} and {length_words(high)}"


def stated_words(check: pd.Series) -> str:
    """The stated length in words: 'two weeks', 'almost 10 years', 'more than 3 days'."""
    unit = UNIT_WORDS[check["unit"]]
    value = check["value"]
    number = int(value) if float(value).is_integer() else value
    if check["qualifier"] == "range" and not pd.isna(check["value_max"]):
        return f"{words.number_word(int(value))} to {words.plural(int(check['value_max']), unit)}"
    amount = (
        words.plural(number, unit, words=True) if isinstance(number, int) else f"{value} {unit}s"
    )
    return QUALIFIER_WORDS.get(check["qualifier"], "") + amount


def range_words(low: float, high: float) -> str:
    """A range of lengths in words: 'between 12 days and 16 days', 'at least 3 days'."""
    if math.isinf(high):
        return f"at least {length_words(low)}"
    if length_words(low) == length_words(high):
        return length_words(low)
    return f"{length_words(low)} to {length_words(high)}"


def _dates_of(event: pd.Series, *, whole: bool) -> str:
    return str(
        words.event_date(
            event["date"],
            event["date_precision"],
            event["end_date"] if whole else "",
            qualifier=event["date_qualifier"],
        )
    )


def span_dates(check: pd.Series, dataset: Dataset, sources: pd.DataFrame) -> str:
    """The span the events' dates give, in words: '24 September – 10 October 2016', '2008 to
    21 April 2021 (the article's date)', '18 July 2005 to 2014'."""
    events = dataset.events
    first = events.loc[check["span_from"]]
    if check["span_to"] == check["span_from"]:
        return _dates_of(first, whole=True)
    if check["to_publication"]:
        source = sources.loc[check["source_id"]]
        published = words.format_date(source["published"], source["published_precision"])
        return f"{_dates_of(first, whole=False)} to {published} (the article's date)"
    return (
        f"{_dates_of(first, whole=False)} to {_dates_of(events.loc[check['span_to']], whole=False)}"
    )


def dating_passage(scope: Scope, event_id: str, check: pd.Series, year: int) -> markup.Markup:
    """A link to the passage that dates a spanning event, quoted: nothing when the passage that
    states the span names the ``year`` itself; else an in-scope attestation of the event that
    names it, the stating source's first; else the stating source's own attestation."""
    if any(str(year) in quote for quote in check["quotes"]):
        return markup.Markup("")
    evidence = scope.evidence_for([event_id])
    evidence = evidence[~evidence["quote"].isin(check["quotes"])]
    own = evidence["source_id"] == check["source_id"]
    naming = evidence["quote"].str.contains(str(year), regex=False)
    for chosen in (evidence[own & naming], evidence[naming], evidence[own]):
        if len(chosen):
            row = chosen.iloc[0]
            own_passage = row["source_id"] == check["source_id"]
            by = "" if own_passage else f"{markup.escape(row['source_label'] + ':')} "
            quoted = "“" + row["quote"] + "”"
            return markup.Markup(f" ({by}{markup.passage(chosen.index[0], quoted)})")
    return markup.Markup("")


def _year(date: str) -> int:
    return int(date[:4])


def _dated(scope: Scope, event_id: str, check: pd.Series, *, whole: bool) -> str:
    """An event's date (or dates) in words, each with the passage that gives it."""
    event = scope.dataset.events.loc[event_id]
    start = dating_passage(scope, event_id, check, _year(event["date"]))
    if whole and event["end_date"]:
        end = dating_passage(scope, event_id, check, _year(event["end_date"]))
        if end in ("", start):
            return f"{markup.escape(_dates_of(event, whole=True))}{start}"
        first = words.event_date(
            event["date"], event["date_precision"], qualifier=event["date_qualifier"]
        )
        last = words.format_date(event["end_date"], date_precision_of(event["end_date"]))
        return f"{markup.escape(first)}{start} to {markup.escape(last)}{end}"
    return f"{markup.escape(_dates_of(event, whole=whole))}{start}"


def mismatch_item(check: pd.Series, scope: Scope) -> markup.Markup:
    """One mismatch as a sentence a reader can follow: the stated length and its passage, the
    span its events' dates give (with the passages that date them), the length that span is,
    and the range the wording allows."""
    sources = scope.sources
    stated = stated_words(check)
    link = markup.passage(check["evidence_ids"][0], f"“{check['quotes'][0]}”")
    if check["span_to"] == check["span_from"]:
        span = _dated(scope, check["span_from"], check, whole=True)
    else:
        start = _dated(scope, check["span_from"], check, whole=False)
        if check["to_publication"]:
            source = sources.loc[check["source_id"]]
            end = markup.escape(
                f"{words.format_date(source['published'], source['published_precision'])}, "
                "the article's date,"
            )
        else:
            end = _dated(scope, check["span_to"], check, whole=False)
        span = f"from {start} to {end}"
    direction = "more" if check["implied_low"] > check["allowed_high"] else "less"
    return markup.Markup(
        f"**{markup.escape(stated[0].upper() + stated[1:])}** in "
        f"{markup.escape(check['source'])} ({link}); but {span} "
        f"{markup.escape(implied_words(check['implied_low'], check['implied_high']))}: "
        f"{direction} than the "
        f"{markup.escape(range_words(check['allowed_low'], check['allowed_high']))} that "
        f"“{markup.escape(stated)}” allows."
    )


def mismatch_items(checks: pd.DataFrame, scope: Scope) -> markup.Markup:
    """Every mismatch as an item of a list, the largest first; the sentence for none when
    there is none."""
    found = spans.mismatches(checks)
    if found.empty:
        return markup.escape(
            "No stated length of time in this selection is contradicted by its dates."
        )
    return markup.Markup("".join(f"- {mismatch_item(c, scope)}\n" for _, c in found.iterrows()))


VERDICT_OF_CHECK = {
    "mismatch": "the dates contradict it",
    "consistent": "within what the wording allows",
    "circular": "not testable: the date comes from this statement",
    "undated": "not testable: an event has no date",
}


def checks_table(checks: pd.DataFrame, scope: Scope) -> pd.DataFrame:
    """Every stated length of time checked: the statement (linked), the span its events' dates
    give, the length that span implies, what the wording allows, and the verdict."""
    rows = []
    for _, check in checks.iterrows():
        stated = stated_words(check)
        rows.append(
            {
                "Stated": markup.Markup(
                    f"{markup.escape(stated)}: "
                    + ", ".join(
                        markup.passage(e, f"“{q}”")
                        for e, q in zip(check["evidence_ids"], check["quotes"], strict=True)
                    )
                ),
                "Source": check["source"],
                "Span by the dates": span_dates(check, scope.dataset, scope.sources),
                "Implied": ""
                if check["verdict"] == "undated"
                else implied_words(check["implied_low"], check["implied_high"]).removeprefix("is "),
                "The wording allows": range_words(check["allowed_low"], check["allowed_high"]),
                "Verdict": VERDICT_OF_CHECK[check["verdict"]],
            }
        )
    columns = ["Stated", "Source", "Span by the dates", "Implied", "The wording allows", "Verdict"]
    return pd.DataFrame(rows, columns=columns)


def checks_data(checks: pd.DataFrame) -> pd.DataFrame:
    """The CSV beside the table of checks: lengths in days, one row per figure and source."""
    data = checks.copy()
    data["evidence_ids"] = [";".join(e) for e in data["evidence_ids"]]
    return data.drop(columns=["quotes"])


# ----------------------------------------------------------------------------------------------
# What the chapter computes, in the words the chapter shows
# ----------------------------------------------------------------------------------------------


def span_checks(scope: Scope) -> pd.DataFrame:
    """Every stated length of time in scope checked against its events' dates
    (:func:`helpers.analysis.spans.span_checks`)."""
    return spans.span_checks(scope)


def with_verdict(judgements: pd.DataFrame, verdict: str) -> pd.Index:
    """The claims whose verdict, counting origins, is ``verdict``."""
    return (
        judgements.index[judgements["verdict"] == verdict] if len(judgements) else judgements.index
    )


def credited(dataset: Dataset, source_id: str) -> tuple[int, int]:
    """Of one article's quoted passages (in the whole dataset, whatever the selection), how
    many it credits to other publications, and how many there are."""
    return origins.credited_passages(dataset.evidence[dataset.evidence["source_id"] == source_id])


def disputed_subjects(disputes: pd.DataFrame) -> int:
    """How many events, deals or figures the disagreements concern."""
    return int(disputes["subject_id"].nunique()) if len(disputes) else 0


def count_mismatches(checks: pd.DataFrame) -> int:
    """How many stated lengths of time the dates contradict."""
    return len(spans.mismatches(checks))


def factual_disagreements(scope: Scope) -> pd.DataFrame:
    """The events, deals and figures in scope (events within the years, or undated when the
    years cover all) whose attestations give versions that cannot all be true
    (:func:`helpers.analysis.measures.disagreements`)."""
    found = measures.disagreements(scope)
    subjects = [scope.events, scope.undated_events, scope.deals, scope.figures]
    in_scope = set().union(*(frame.index for frame in subjects))
    return found[found["subject_id"].isin(in_scope)].reset_index(drop=True)


def counted(n: int, singular: str, plural: str | None = None) -> Words:
    """A count with its noun, as text to show inline: 'one claim', 'no claims', '12 claims'."""
    return Words(words.plural(n, singular, plural, words=True))


def verdict_sentence(
    claims: pd.DataFrame, judgements: pd.DataFrame, min_voices: int
) -> markup.Markup:
    """The verdicts on the claims, as the paragraph that opens the chapter: its shape depends on
    the selection (no claim; which verdicts occur; the topics that lead)."""
    if claims.empty:
        return markup.escape(
            "No claim of the chosen topics is voiced by at least "
            f"{words.plural(min_voices, 'passage', words=True)} in this selection, so there "
            "is nothing here to weigh."
        )
    agreed, contested = count(judgements, "agreed"), count(judgements, "contested")
    rest = [
        f"{VERDICT_WORDS[v] if v != 'one voice' else 'voiced only once'} ({count(judgements, v)})"
        for v in ("qualified", "rejected", "one voice")
        if count(judgements, v)
    ]
    text = (
        f"Of the {words.plural(len(claims), 'claim')} about the relationship that at least "
        f"{words.plural(min_voices, 'passage', words=True)} voice, "
    )
    if agreed:
        text += (
            f"{words.number_word(agreed)} {'has' if agreed == 1 else 'have'} every origin that "
            f"speaks to {'it' if agreed == 1 else 'them'} on {'its' if agreed == 1 else 'their'} "
            f"side, most of them on {leading_topics(claims, judgements, 'agreed')}"
        )
    else:
        text += "none has every origin that speaks to it on its side"
    if contested:
        text += (
            f"; {words.number_word(contested)} {'is' if contested == 1 else 'are'} asserted by "
            f"some and denied by others, most of them on "
            f"{leading_topics(claims, judgements, 'contested')}"
        )
    else:
        text += "; none is both asserted and denied"
    if rest:
        text += f". The others are {words.join_words(rest)}"
    return markup.escape(text + ".")


def verdicts_alt(by_topic: pd.DataFrame) -> str:
    """The alt text of the figure of verdicts by topic, with its numbers."""
    parts = [
        f"{topic}: " + ", ".join(f"{int(n)} {VERDICT_WORDS[v]}" for v, n in row.items() if n)
        for topic, row in by_topic.iterrows()
    ]
    return (
        "Horizontal stacked bars, one per topic, of the claims each origin counted once finds "
        f"agreed, qualified, contested, rejected or voiced once. {'; '.join(parts)}."
    )
