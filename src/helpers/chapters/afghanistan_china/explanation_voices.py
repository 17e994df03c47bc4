"""The explanations of the rapprochement and their voices, counted by origin: a passage an
article credits to another publication speaks for that publication, and voices that repeat one
publication are one."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from helpers.analysis import measures
from helpers.analysis.scope import Scope
from helpers.render import markup, words

READERS = measures.READERS
STANCES = ("supports", "qualifies", "disputes")
UNNAMED = "unnamed reports"
"""The outlet of a citation that names no publication: each such citation is an origin of its
own, since nothing says two of them are one."""


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
