"""The chapter's sentences whose shape depends on the selection (the verdicts, what counting
origins changes), counts in words, and the alt text of the figure of verdicts."""

from __future__ import annotations

import pandas as pd

from helpers.chapters.contested_claims.verdicts import (
    VERDICT_WORDS,
    changed_verdicts,
    count,
    leading_topics,
    relayed,
)
from helpers.render import markup, words
from helpers.render.words import Words


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
