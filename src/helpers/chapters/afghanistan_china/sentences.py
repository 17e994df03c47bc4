"""The chapter's sentences whose shape depends on the selection: which factor each source brings
in and how, the themes a factor travels with, who supports an explanation, and the echoes."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from helpers.chapters.afghanistan_china.explanation_voices import (
    READERS,
    outlet_words,
    shared_outlets,
)
from helpers.chapters.afghanistan_china.factors import FACTORS, FALLBACK, facet_order, factor_word
from helpers.evidence.vocabularies import THEMES
from helpers.render import words
from helpers.render.words import Words


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
