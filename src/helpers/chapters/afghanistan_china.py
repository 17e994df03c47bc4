"""The Afghanistan and China factors: where and how each source brings in the two third parties,
what they travel with, and how the sources explain the rapprochement.

The rules that decide what the chapter says are here, each tested on a small hand-made dataset:
which passages bring in a factor (:func:`brings_in`), how (the facet classifier,
:func:`facet`, with its fallbacks), and who supports, qualifies or disputes each explanation,
counting each origin once (:func:`voices`): a passage an article credits to another
publication speaks for that publication, and voices that repeat one publication are one.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import ClassVar

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from helpers.analysis import measures
from helpers.analysis.params import CLAIM_TOPICS, ChapterParams, param
from helpers.analysis.scope import Scope, contains_any
from helpers.chapters.opening import open_chapter
from helpers.evidence import Dataset
from helpers.evidence.quotes import normalize
from helpers.evidence.vocabularies import THEMES
from helpers.render import charts, figure_style, markup, words
from helpers.render.words import Words

FACTORS = ("afghanistan", "china")
"""The two third parties, by their theme (and claim topic) code."""

FACTOR_WORDS = {
    "afghanistan": re.compile(r"\b(?:afghan\w*|kabul|taliban|mujah\w*)", re.IGNORECASE),
    "china": re.compile(r"\b(?:china|chinese|beijing|sco|shanghai)\b", re.IGNORECASE),
}
"""The words by which a passage names a factor: the country, its capital and the groups of it
the articles speak of (the Taliban, the mujahideen); for China, also the China-led SCO."""


def _words(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


FACETS: dict[str, tuple[tuple[str, re.Pattern[str]], ...]] = {
    "afghanistan": (
        (
            "the Soviet war and its legacy",
            _words(
                r"soviet|ussr|mujah|invasion|invading|intervention|cold war|afghan war|1980s|1989"
                r"|history"
            ),
        ),
        (
            "the US war and withdrawal",
            _words(r"\bus war|\bus strategy|withdrawal|post-2014|america|washington"),
        ),
        (
            "the Taliban and peace",
            _words(
                r"taliban|peace process|bring(?:ing)? peace|reconciliation|settlement|kabul"
                r"|dialogue|negotiations|political process"
            ),
        ),
        (
            "Daesh and militancy",
            _words(r"daesh|islamic state|\(is\)|terror|extremis|militan|radical"),
        ),
        ("energy routes", _words(r"pipeline|electricity|\bcasa|\btapi")),
        ("a region of influence", _words(r"influence|relevancy|location|central asia")),
        ("common ground and consultation", _words(r"converg|consult|agenda|discussion|\brole\b")),
    ),
    "china": (
        ("the SCO", _words(r"\bsco\b|shanghai")),
        ("China in the Cold War", _words(r"nixon|1970s")),
        ("ties with China at stake", _words(r"\bharm|deteriorat")),
        ("China as Pakistan's ally", _words(r"iron brother|all-weather")),
        ("China as a yardstick", _words(r"than china|china has thus far|china has got")),
        ("Chinese investment and interests", _words(r"invest|\bc?e?pec\b|growing interest")),
        (
            "China drawing the two together",
            _words(r"drawing force|bring\w* [\w' ]*together|instrumental|close ties with china"),
        ),
        (
            "Russia and China side by side",
            _words(r"russia,? (?:and )?china|trilateral|alliance with china|vetoed|consult"),
        ),
    ),
}
"""How a passage brings in each factor: facets in the order they are tried, each with the words
that mark it; the first that matches wins."""

THEME_FACETS = {
    "afghanistan": {
        "cold_war": "the Soviet war and its legacy",
        "counterterrorism": "Daesh and militancy",
    },
    "china": {"multilateral": "the SCO", "cold_war": "China in the Cold War"},
}
"""The facet an event's theme gives when neither the passage nor the event's words mark one."""

FALLBACK = {"afghanistan": "Afghanistan in general", "china": "China in general"}
"""The facet of a passage that nothing marks."""

AFGHANISTAN_CLAIM = "claim-afghanistan-drives-ties"
"""The explanation that Afghanistan draws the two together."""
CHINA_CLAIM = "claim-china-draws-together"
"""The explanation that China, close to both, draws them together."""
SCO_CLAIM = "claim-sco-platform"
"""The explanation that the China-led SCO was the platform that brought them closer."""

READERS = measures.READERS
STANCES = ("supports", "qualifies", "disputes")
UNNAMED = "unnamed reports"
"""The outlet of a citation that names no publication: each such citation is an origin of its
own, since nothing says two of them are one."""

LABEL_WIDTH = 52
"""Characters per line of the explanations' labels in their figure."""

MOST_DRAWN = 12
"""Explanations the figure draws at most (the table holds them all)."""


@dataclass(frozen=True)
class Params(ChapterParams):
    """Parameters of the chapter on Afghanistan and China."""

    chapter: ClassVar[str] = "afghanistan_china"

    claim_topics: tuple[str, ...] = param(
        ("russia_motives", "pakistan_motives", "afghanistan", "china", "india", "united_states"),
        "Topics of the claims offered as explanations of the rapprochement, or all.",
        example='["china"]',
        choices=CLAIM_TOPICS,
        nonempty=True,
    )


def open(namespace: Mapping[str, object]) -> tuple[Params, Dataset, Scope]:
    """The chapter's checked parameters (read from the notebook's globals), its dataset and its
    scope: ``P, dataset, scope = chapter.open(globals())``."""
    return open_chapter(Params, namespace)  # type: ignore[return-value]


def factor_word(factor: str) -> Words:
    """A factor's name: 'Afghanistan', 'China'."""
    return Words(THEMES.word(factor))


# ----------------------------------------------------------------------------------------------
# Which passages bring in a factor, and how
# ----------------------------------------------------------------------------------------------


def names(text: str, factor: str) -> bool:
    """Whether ``text`` names the factor (:data:`FACTOR_WORDS`)."""
    return bool(FACTOR_WORDS[factor].search(text))


def brings_in(quote: str, subject_text: str, tagged: bool, factor: str) -> bool:
    """Whether a passage brings in a factor: its own words name it, or its subject is about the
    factor (a claim of its topic, an event of its theme) and says so in its title or statement.

    A passage of an event that is about Afghanistan among other things (a foreign minister's
    visit) counts only if it names Afghanistan itself: being received at the airport does not
    bring Afghanistan in.
    """
    return names(quote, factor) or (tagged and names(subject_text, factor))


def facet(quote: str, subject_text: str, themes: Iterable[str], factor: str) -> str:
    """How a passage brings in a factor: the first facet of :data:`FACETS` whose words the
    passage uses; else the first whose words its subject's title or statement uses; else the
    facet its event's themes give (:data:`THEME_FACETS`); else :data:`FALLBACK`."""
    for text in (quote, subject_text):
        for name, pattern in FACETS[factor]:
            if pattern.search(text):
                return name
    for theme in themes:
        if theme in THEME_FACETS[factor]:
            return THEME_FACETS[factor][theme]
    return FALLBACK[factor]


def facet_order(factor: str) -> list[str]:
    """The facets of a factor in the order the chapter lists them, the fallback last."""
    return [name for name, _ in FACETS[factor]] + [FALLBACK[factor]]


def subjects(scope: Scope) -> pd.DataFrame:
    """The events, claims, deals and figures in scope, each with the text that says what it is
    (an event's title, a claim's statement, a deal's name, a figure's label), its kind, its
    themes (events) and its topic (claims)."""
    parts = [
        pd.DataFrame(
            {"kind": "event", "text": events["title"], "themes": events["themes"], "topic": ""}
        )
        for events in (scope.events, scope.undated_events)
    ]
    parts.append(
        pd.DataFrame(
            {
                "kind": "claim",
                "text": scope.claims["statement"],
                "themes": [()] * len(scope.claims),
                "topic": scope.claims["topic"],
            }
        )
    )
    parts.append(
        pd.DataFrame(
            {
                "kind": "deal",
                "text": scope.deals["name"],
                "themes": [()] * len(scope.deals),
                "topic": "",
            }
        )
    )
    parts.append(
        pd.DataFrame(
            {
                "kind": "figure",
                "text": scope.figures["label"],
                "themes": [()] * len(scope.figures),
                "topic": "",
            }
        )
    )
    return pd.concat(parts)


def passage_groups(evidence: pd.DataFrame) -> pd.Series:
    """For each evidence row, the row that stands for its passage: the same words may attest
    several subjects (a sentence that reports an event and voices a claim), so rows of one
    source whose quote lies within another's (after the quotes' normalization) are one
    passage, represented by the row with the longest quote."""
    representative = pd.Series(evidence.index, index=evidence.index, dtype=object)
    for _, rows in evidence.groupby("source_id", sort=False):
        kept: list[tuple[str, str]] = []
        lengths = rows["quote"].str.len().sort_values(ascending=False, kind="stable")
        for evidence_id in lengths.index:
            text = normalize(rows.at[evidence_id, "quote"])
            within = next((k for k, kept_text in kept if text in kept_text), None)
            if within is None:
                kept.append((evidence_id, text))
            else:
                representative[evidence_id] = within
    return representative


def passages(scope: Scope, factor: str) -> pd.DataFrame:
    """The evidence rows in scope that bring in ``factor`` (:func:`brings_in`), in the evidence
    table's order, with their ``facet`` (:func:`facet`), their ``subject`` text and ``kind``,
    and the ``passage`` they belong to (:func:`passage_groups`). A passage whose rows attest
    subjects of different facets counts under each of them."""
    about = subjects(scope)
    evidence = scope.evidence[scope.evidence["subject_id"].isin(about.index)]
    rows = []
    for evidence_id, row in evidence.iterrows():
        subject = about.loc[row["subject_id"]]
        tagged = factor in subject["themes"] or subject["topic"] == factor
        if brings_in(row["quote"], subject["text"], tagged, factor):
            rows.append(
                {
                    "evidence_id": evidence_id,
                    "facet": facet(row["quote"], subject["text"], subject["themes"], factor),
                    "subject": subject["text"],
                    "kind": subject["kind"],
                }
            )
    found = pd.DataFrame(rows, columns=["evidence_id", "facet", "subject", "kind"])
    found = evidence.loc[found["evidence_id"]].join(found.set_index("evidence_id"))
    found["passage"] = passage_groups(found)
    return found


def count_passages(found: pd.DataFrame) -> int:
    """How many distinct passages (not evidence rows) ``found`` holds."""
    return int(found["passage"].nunique())


def per_source(scope: Scope, found: Mapping[str, pd.DataFrame]) -> pd.DataFrame:
    """Sources × factors: how many passages of each source bring in each factor (every
    selected source, oldest first, a source with none at zero)."""
    return (
        pd.DataFrame(
            {
                factor_word(f): found[f]
                .drop_duplicates("passage")["source_label"]
                .value_counts()
                .reindex(scope.sources["label"], fill_value=0)
                for f in found
            },
            index=pd.Index(scope.sources["label"], name="source"),
        )
        .fillna(0)
        .astype(int)
    )


def sources_drawn(table: pd.DataFrame) -> list[str]:
    """The sources (rows) of a sources × counts table with anything to draw."""
    return [str(s) for s in table.index[table.sum(axis=1) > 0]]


def facet_counts(scope: Scope, found: pd.DataFrame, factor: str) -> pd.DataFrame:
    """Facets × sources: how many passages of each source bring in the factor in each way
    (facets in :func:`facet_order`, sources oldest first; only those with a passage)."""
    distinct = found.drop_duplicates(["passage", "facet"])
    table = pd.crosstab(distinct["facet"], distinct["source_label"])
    rows = [f for f in facet_order(factor) if f in table.index]
    columns = [s for s in scope.sources["label"] if s in table.columns]
    return table.reindex(index=rows, columns=columns).fillna(0).astype(int)


def facets_sentence(found: pd.DataFrame, factor: str) -> Words:
    """The ways a factor comes in, most widely shared first, each with how many sources use it."""
    if found.empty:
        return Words(f"No passage of this selection brings in {factor_word(factor)}.")
    by_facet = found.groupby("facet")["source_id"].nunique()
    order = {name: i for i, name in enumerate(facet_order(factor))}
    ranked = sorted(by_facet.items(), key=lambda item: (-item[1], order[item[0]]))
    listed = words.join_words(f"{name} ({words.plural(int(n), 'source')})" for name, n in ranked)
    return Words(
        f"By the number of sources that use each, {factor_word(factor)} comes in as {listed}."
    )


def facet_table(scope: Scope, found: pd.DataFrame, factor: str) -> pd.DataFrame:
    """One row per source and facet: what the passages are about (their subjects, each once)
    and the links to them; sources oldest first, facets in :func:`facet_order`."""
    order = {name: i for i, name in enumerate(facet_order(factor))}
    position = {label: i for i, label in enumerate(scope.sources["label"])}
    rows = []
    for (label, name), group in found.groupby(["source_label", "facet"], sort=False):
        rows.append(
            {
                "Source": label,
                "Facet": name,
                "About": "; ".join(words.ordered_unique(list(group["subject"]))),
                "Passages": markup.passages(
                    group.index, [e.removeprefix("evi-") for e in group.index]
                ),
                "order": (position[label], order[name]),
            }
        )
    frame = pd.DataFrame(rows, columns=["Source", "Facet", "About", "Passages", "order"])
    return frame.sort_values("order", kind="stable").drop(columns="order").reset_index(drop=True)


def presence_sentence(counts: pd.DataFrame) -> Words:
    """How many passages bring in each factor, and which selected articles leave one out."""
    if counts.empty or not counts.to_numpy().sum():
        return Words("No passage of this selection brings in Afghanistan or China.")
    totals = words.join_words(
        f"{name} into {words.plural(int(counts[name].sum()), 'passage')}" for name in counts.columns
    )
    silent = [
        f"{words.join_words(list(counts.index[counts[name] == 0]))} not {name}"
        for name in counts.columns
        if (counts[name] == 0).any()
    ]
    if silent:
        ending = f"; {'; '.join(silent)}"
    else:
        ending = "; each brings in both" if len(counts) > 1 else ""
    subject = "The selected article brings" if len(counts) == 1 else "The selected articles bring"
    return Words(f"{subject} {totals}{ending}.")


def facets_finding(found: Mapping[str, pd.DataFrame], most: int = 2) -> Words:
    """The named facets (not the fallback) that the most sources use, at most ``most`` for
    each factor ('' when no passage brings in either)."""
    if all(rows.empty for rows in found.values()):
        return Words("")
    parts = []
    for factor, rows in found.items():
        named = rows[rows["facet"] != FALLBACK[factor]]
        if named.empty:
            continue
        by_facet = named.groupby("facet")["source_id"].nunique()
        order = {name: i for i, name in enumerate(facet_order(factor))}
        ranked = sorted(by_facet.items(), key=lambda item: (-item[1], order[item[0]]))
        parts.append(f"for {factor_word(factor)}, {words.join_words(n for n, _ in ranked[:most])}")
    if not parts:
        return Words("No passage of this selection brings either in by a facet the chapter names.")
    return Words(f"The facets used by the most articles are, {'; '.join(parts)}.")


def top_sentence(table: pd.DataFrame) -> Words:
    """The explanation that the most independent voices support, with how many, and whether
    anyone disputes it."""
    if table.empty:
        return Words("No explanation of the chosen topics is voiced in this selection.")
    top = table.iloc[0]
    n = int(top["supports"])
    against = int(top["disputes"])
    dispute = "none disputing it" if not against else f"{words.number_word(against)} disputing it"
    return Words(
        f"The explanation with the most independent support is that “{top['Explanation']}” "
        f"({words.plural(n, 'voice', words=True)} for it, {dispute})."
    )


def supporters(said: pd.DataFrame, claim_id: str) -> Words:
    """The voices (:func:`voices`) that support one explanation, in plain words ('Fernandez
    (2021) and the readers'), or 'nobody in this selection'."""
    mine = said[(said["claim_id"] == claim_id) & (said["stance"] == "supports")]
    if mine.empty:
        return Words("nobody in this selection")
    return Words(words.join_words("the readers" if v == READERS else v for v in mine["voice"]))


def per_source_figure(counts: pd.DataFrame, source: str) -> Figure:
    """Bars of the passages of each source that bring in each factor."""
    return charts.stacked_bars(
        counts.loc[sources_drawn(counts)],
        title="Passages that bring in Afghanistan or China, by article",
        xlabel="Passages",
        ylabel="",
        source=source,
        horizontal=True,
        colours={"Afghanistan": figure_style.PALETTE[0], "China": figure_style.PALETTE[1]},
    )


def per_source_alt(counts: pd.DataFrame) -> str:
    """What the per-source figure shows, with its numbers."""
    bars = "; ".join(
        f"{s}: " + ", ".join(f"{int(n)} on {c}" for c, n in row.items())
        for s, row in counts.loc[sources_drawn(counts)].iterrows()
    )
    return f"Horizontal stacked bars of passages per article: {bars}."


def facets_figure(table: pd.DataFrame, factor: str) -> Figure:
    """A heat map of facets × sources: how many passages of each article bring in the factor
    in each way."""
    return charts.heatmap(
        table,
        title=f"How each article brings in {factor_word(factor)}",
        xlabel="Article",
        ylabel="",
        source=figure_style.source_line([str(c) for c in table.columns]),
        cmap="Blues" if factor == "afghanistan" else "Reds",
    )


def facets_alt(table: pd.DataFrame, factor: str) -> str:
    """What a facets figure shows, with its numbers."""
    cells = "; ".join(
        f"{name}: " + ", ".join(f"{s} {int(n)}" for s, n in row.items() if n)
        for name, row in table.iterrows()
    )
    return f"Heat map of passages bringing in {factor_word(factor)}, by facet and article. {cells}."


def cooccurrence_figure(matrix: pd.DataFrame, source: str) -> Figure:
    """A heat map of how many events two themes share."""
    return charts.heatmap(
        matrix,
        title="How often two themes share an event",
        xlabel="Theme",
        ylabel="Theme",
        source=source,
        cmap="Purples",
    )


def cooccurrence_alt(matrix: pd.DataFrame) -> str:
    """What the co-occurrence figure shows: its size and the partners of the two factors."""
    return (
        f"Symmetric heat map of {words.plural(len(matrix), 'theme')}; each cell counts the "
        f"events that carry both themes. {partners_sentence(matrix)}"
    )


# ----------------------------------------------------------------------------------------------
# Themes that travel together
# ----------------------------------------------------------------------------------------------


def cooccurrence(events: pd.DataFrame, themes: Sequence[str]) -> pd.DataFrame:
    """Themes × themes over the events: how many carry both, for the themes present, labelled
    with their display words."""
    present = [t for t in themes if contains_any(events["themes"], [t]).any()]
    matrix = measures.theme_cooccurrence(events, present)
    labels = [THEMES.word(t) for t in present]
    matrix.index, matrix.columns = labels, labels
    return matrix


def partners_sentence(matrix: pd.DataFrame, most: int = 3) -> Words:
    """The themes each factor shares the most events with (at most ``most`` each)."""
    in_text = {THEMES.word(code): THEMES.phrase(code) for code in THEMES}
    parts = []
    for factor in FACTORS:
        name = factor_word(factor)
        if name not in matrix.index:
            continue
        shared = matrix.loc[name].drop(name)
        shared = shared[shared > 0].sort_values(ascending=False, kind="stable").head(most)
        if len(shared):
            listed = words.join_words(
                f"{in_text.get(t, t)} ({words.plural(int(n), 'event')})" for t, n in shared.items()
            )
            parts.append(f"{name} shares the most events with {listed}.")
    if not parts:
        return Words(
            "Neither Afghanistan nor China shares an event with another theme in this selection."
        )
    return Words(" ".join(parts))


def _factor_counts(events: pd.DataFrame) -> dict[str, int]:
    has = {f: contains_any(events["themes"], [f]) for f in FACTORS}
    return {
        "Events": len(events),
        "Afghanistan": int(has["afghanistan"].sum()),
        "China": int(has["china"].sum()),
        "Both": int((has["afghanistan"] & has["china"]).sum()),
    }


def by_source(scope: Scope) -> pd.DataFrame:
    """Per source: the events it reports, and how many concern Afghanistan, China or both."""
    events = scope.events
    reported = scope.evidence[scope.evidence["subject_id"].isin(events.index)]
    rows = []
    for source_id, label in scope.sources["label"].items():
        mine = events.loc[
            events.index.isin(reported.loc[reported["source_id"] == source_id, "subject_id"])
        ]
        rows.append({"Source": label, **_factor_counts(mine)})
    return pd.DataFrame(rows, columns=["Source", "Events", "Afghanistan", "China", "Both"])


def by_decade(events: pd.DataFrame) -> pd.DataFrame:
    """Per decade of start: the events, and how many concern Afghanistan, China or both."""
    decades = events["year"].map(lambda y: measures.decade_of(int(y)))
    rows = [{"Decade": d, **_factor_counts(group)} for d, group in events.groupby(decades)]
    return pd.DataFrame(rows, columns=["Decade", "Events", "Afghanistan", "China", "Both"])


# ----------------------------------------------------------------------------------------------
# Explanations, and their voices counted by origin
# ----------------------------------------------------------------------------------------------


def explanations(scope: Scope, topics: Sequence[str]) -> pd.DataFrame:
    """The claims in scope offered as explanations: interpretations (not facts, nor
    predictions) of the chosen topics (every topic for ``all``)."""
    claims = scope.claims[scope.claims["kind"] == "interpretation"]
    if "all" not in topics:
        claims = claims[claims["topic"].isin(list(topics))]
    return claims


def origin(citation_id: str, citations: pd.DataFrame) -> str:
    """The origin a citation stands for: its outlet (one outlet, one origin, however many of
    its pieces are cited), or the citation itself when it names no outlet (:data:`UNNAMED`)."""
    outlet = str(citations.at[citation_id, "cited_outlet"])
    return citation_id if outlet == UNNAMED else outlet


def credit(citation_id: str, citations: pd.DataFrame) -> markup.Markup:
    """A cited publication as a table shows it: a citation of an article that the bibliography
    holds, else its outlet in words (:func:`outlet_words`)."""
    if citations.at[citation_id, "kind"] == "article":
        return markup.cite([citation_id], parenthetical=False)
    return markup.escape(outlet_words(citation_id, citations))


def outlet_words(citation_id: str, citations: pd.DataFrame) -> str:
    """The publication a citation credits, in words: 'Dawn', 'the website of the
    Consulate-General of Russia in Karachi'."""
    row = citations.loc[citation_id]
    if row["kind"] == "website":
        return f"the website of the {row['cited_outlet']}"
    return str(row["cited_outlet"])


def voices(scope: Scope, claim_ids: pd.Index | list[str]) -> pd.DataFrame:
    """Who takes which stance on each claim: one row per claim, voice and stance.

    A voice is a source (all the people it quotes speak in it) or the readers, as one voice. A
    voice speaks in its own right when at least one of its passages with that stance credits no
    other publication; otherwise it speaks for the publications it credits, and its ``basis``
    is those publications' origins (:func:`origin`). Columns: ``claim_id``, ``voice``,
    ``stance``, ``own`` (bool), ``credited`` (citation ids), ``basis`` (a frozenset: the voice
    itself, or the origins), ``evidence_ids``.
    """
    evidence = scope.evidence_for(claim_ids)
    citations = scope.dataset.citations
    labels = scope.sources["label"]
    keyed = evidence.assign(
        voice=[measures.voice_column(r, labels) for _, r in evidence.iterrows()]
    )
    rows = []
    for (claim_id, voice, stance), group in keyed.groupby(
        ["subject_id", "voice", "stance"], sort=False
    ):
        own = bool((group["origins"].map(len) == 0).any())
        credited = tuple(dict.fromkeys(c for cell in group["origins"] for c in cell))
        basis = frozenset({voice}) if own else frozenset(origin(c, citations) for c in credited)
        rows.append(
            {
                "claim_id": claim_id,
                "voice": voice,
                "stance": stance,
                "own": own,
                "credited": credited,
                "basis": basis,
                "evidence_ids": tuple(group.index),
            }
        )
    columns = ["claim_id", "voice", "stance", "own", "credited", "basis", "evidence_ids"]
    frame = pd.DataFrame(rows, columns=columns)
    order = {label: i for i, label in enumerate([*labels, READERS])}
    return frame.iloc[np.argsort(frame["voice"].map(order).to_numpy(), kind="stable")]


def voice_markup(row: pd.Series, citations: pd.DataFrame, sources: pd.DataFrame) -> markup.Markup:
    """A voice as the table names it: the source cited, 'after' the publications it credits
    ('partly after' when it also speaks in its own right); the readers as 'Readers'."""
    if row["voice"] == READERS:
        text = markup.escape(READERS)
    else:
        source_id = sources.index[sources["label"] == row["voice"]][0]
        text = markup.cite([source_id], parenthetical=False)
    if row["credited"]:
        credits = words.join_words(credit(c, citations) for c in row["credited"])
        text = markup.Markup(f"{text}, {'partly after' if row['own'] else 'after'} {credits}")
    return markup.Markup(text)


def independent(rows: pd.DataFrame) -> int:
    """How many independent voices take a stance: voices that repeat one and the same origin
    (their ``basis``) count once."""
    return len(set(rows["basis"]))


def in_source_order(scope: Scope, evidence: pd.DataFrame) -> pd.DataFrame:
    """Evidence rows with their sources oldest first (each source's rows in table order)."""
    position = {source_id: i for i, source_id in enumerate(scope.sources.index)}
    order = evidence["source_id"].map(position).to_numpy()
    return evidence.iloc[np.argsort(order, kind="stable")]


def explanation_table(scope: Scope, claims: pd.DataFrame) -> pd.DataFrame:
    """One row per explanation: the voices that support, qualify and dispute it (named with
    what they credit), how many independent voices support it, whether an apparent agreement
    rests on one origin repeated, and the passages. Most independent support first, then the
    least disputed."""
    found = voices(scope, claims.index)
    citations = scope.dataset.citations
    rows = []
    for claim_id, claim in claims.iterrows():
        mine = found[found["claim_id"] == claim_id]
        row: dict[str, object] = {"claim_id": claim_id, "Explanation": claim["statement"]}
        for stance, column in zip(
            STANCES, ("Supported by", "Qualified by", "Disputed by"), strict=True
        ):
            taking = mine[mine["stance"] == stance]
            row[column] = markup.Markup(
                "; ".join(voice_markup(r, citations, scope.sources) for _, r in taking.iterrows())
            )
            row[stance] = independent(taking)
            row[f"{stance} (voices)"] = len(taking)
        row["repeated"] = row["supports (voices)"] > row["supports"]
        row["Passages"] = markup.attribution(in_source_order(scope, scope.evidence_for([claim_id])))
        rows.append(row)
    columns = [
        "claim_id",
        "Explanation",
        "Supported by",
        "Qualified by",
        "Disputed by",
        *STANCES,
        *(f"{s} (voices)" for s in STANCES),
        "repeated",
        "Passages",
    ]
    frame = pd.DataFrame(rows, columns=columns)
    frame = frame[frame[[f"{s} (voices)" for s in STANCES]].sum(axis=1) > 0]
    return frame.sort_values(
        ["supports", "disputes"], ascending=[False, True], kind="stable"
    ).reset_index(drop=True)


def explanations_shown(table: pd.DataFrame) -> pd.DataFrame:
    """The explanations table as the book shows it."""
    shown = table[
        ["Explanation", "Supported by", "Qualified by", "Disputed by", "supports", "Passages"]
    ]
    return shown.rename(columns={"supports": "Independent support"})


def explanations_data(table: pd.DataFrame) -> pd.DataFrame:
    """The explanations table as data: plain text, with the counts."""
    return table.assign(
        **{
            c: [str(v) for v in table[c]]
            for c in ("Supported by", "Qualified by", "Disputed by", "Passages")
        }
    )


def explanations_figure(table: pd.DataFrame, source: str) -> Figure:
    """Horizontal bars of independent voices by stance, for the :data:`MOST_DRAWN` explanations
    with the most support; labels wrap in full, never cut."""
    drawn = table.head(MOST_DRAWN)
    labels = [textwrap.fill(s, LABEL_WIDTH) for s in drawn["Explanation"]]
    lines = sum(label.count("\n") + 1 for label in labels)
    fig, ax = figure_style.new_figure(height=max(3.0, 0.17 * lines + 0.25 * len(labels) + 1.8))
    positions = np.arange(len(drawn))
    left = np.zeros(len(drawn))
    handles = []
    for stance in STANCES:
        values = drawn[stance].to_numpy(dtype=float)
        handles.append(
            ax.barh(
                positions,
                values,
                left=left,
                color=figure_style.STANCE_COLOURS[stance],
                label=stance,
            )
        )
        left += values
    ax.set_yticks(positions, labels, fontsize=7)
    ax.invert_yaxis()
    ax.grid(axis="y", alpha=0)
    ax.xaxis.get_major_locator().set_params(integer=True)
    if len(table) > len(drawn):
        source += (
            f" Drawn: the {len(drawn)} most supported of {len(table)}; the table holds them all."
        )
    return figure_style.finish(
        fig,
        ax,
        title="How many independent voices support, qualify or dispute each explanation",
        xlabel="Independent voices",
        ylabel="",
        source=source,
        legend=handles,
    )


def explanations_alt(table: pd.DataFrame) -> str:
    """What the explanations figure shows, with its numbers."""
    drawn = table.head(MOST_DRAWN)
    bars = "; ".join(
        f"{r['Explanation']} {r['supports']} for, {r['qualifies']} qualifying, "
        f"{r['disputes']} against"
        for _, r in drawn.iterrows()
    )
    return f"Stacked bars of independent voices by stance, per explanation: {bars}"


def explanation_voices_drawn(scope: Scope, table: pd.DataFrame) -> list[str]:
    """The source labels whose passages the explanations figure draws."""
    ids = set(scope.evidence_for(table.head(MOST_DRAWN)["claim_id"])["source_id"])
    return [label for i, label in scope.sources["label"].items() if i in ids]


def shared_outlets(said: pd.DataFrame) -> pd.DataFrame:
    """Pairs of voices supporting one claim whose origins overlap without being the same (equal
    origins are one voice already): the claim, the two voices and the origins they share."""
    rows = []
    support = said[said["stance"] == "supports"]
    for claim_id, group in support.groupby("claim_id", sort=False):
        entries = list(zip(group["voice"], group["basis"], strict=True))
        for i, (voice, basis) in enumerate(entries):
            for other, other_basis in entries[i + 1 :]:
                if basis & other_basis and basis != other_basis:
                    rows.append(
                        {
                            "claim_id": claim_id,
                            "voices": (voice, other),
                            "outlets": tuple(sorted(basis & other_basis)),
                        }
                    )
    return pd.DataFrame(rows, columns=["claim_id", "voices", "outlets"])


def echo_sentence(
    table: pd.DataFrame, claims_voices: pd.DataFrame, citations: pd.DataFrame
) -> Words:
    """Whether any agreement rests on one origin repeated, and which voices support an
    explanation only in passages they credit to other publications."""
    if table.empty:
        return Words("No explanation of the chosen topics is voiced in this selection.")
    repeated = table[table["repeated"]]
    if len(repeated):
        first = words.join_words(f"“{s}”" for s in repeated["Explanation"])
        opening = f"The agreement on {first} rests partly on one origin repeated, counted once."
    else:
        opening = "No agreement in this selection rests wholly on one origin repeated."
    statements = table.set_index("claim_id")["Explanation"]
    for _, pair in shared_outlets(claims_voices).iterrows():
        opening += (
            f" {words.join_words(pair['voices'])} both credit {words.join_words(pair['outlets'])}"
            f" on “{statements[pair['claim_id']]}”; the rest of what they credit differs, so "
            "they count as two."
        )
    support = claims_voices[(claims_voices["stance"] == "supports") & ~claims_voices["own"]]
    if support.empty:
        return Words(opening)
    parts = []
    for voice, group in support.groupby("voice", sort=False):
        credited = words.ordered_unique([c for cell in group["credited"] for c in cell])
        outlets = words.join_words(
            words.ordered_unique([outlet_words(c, citations) for c in credited]), "or"
        )
        parts.append(
            f"{voice} supports {words.plural(len(group), 'explanation', words=True)} only in "
            f"passages credited to {outlets}"
        )
    return Words(f"{opening} Some support is borrowed: {'; '.join(parts)}.")
