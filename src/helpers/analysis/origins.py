"""Where a passage comes from, so that agreement is counted once per origin.

An article that credits a passage to another publication ("(… Dawn, 8 April 2021)", "according
to Reuters") passes that publication's words on: the passage's *origin* is the publication, as
``evidence.origins`` records it. The rules, the same for every article:

- a passage credited to publications has those publications as its origins, one per outlet
  however many of its articles are cited (two Dawn reports are one origin: one newsroom);
  an outlet the article leaves unnamed ("some reports") is an origin of its own in each article
  that cites it, since nothing tells whether two articles' unnamed reports are the same;
- a reader comment's origin is the readership of the article it is printed under: all the
  comments under one article count as one origin, since nothing tells who wrote them;
- any other passage (the author's words, a person the article quotes itself, a caption) has the
  article itself as its origin.

Counting origins rather than articles shows what repetition hides: two articles that relay the
same outlet are one origin, and one article that compiles several outlets is several.
"""

from __future__ import annotations

import pandas as pd

from helpers.analysis.measures import claim_verdicts
from helpers.analysis.scope import Scope, source_label
from helpers.evidence import Dataset, vocabularies

UNNAMED_OUTLET = "unnamed reports"
"""How ``citations.cited_outlet`` names reports whose outlet the article does not name."""

STANCE_ORDER = ("supports", "qualifies", "disputes")


def citation_origins(dataset: Dataset) -> dict[str, str]:
    """Every citation id → the origin it stands for: its outlet, or, for an unnamed outlet,
    'unnamed reports in <the citing article>'."""
    labels = {i: source_label(row) for i, row in dataset.sources.iterrows()}
    origins = {}
    for citation_id, outlet, source_id in zip(
        dataset.citations.index,
        dataset.citations["cited_outlet"],
        dataset.citations["source_id"],
        strict=True,
    ):
        unnamed = outlet == UNNAMED_OUTLET
        origins[citation_id] = f"{outlet} in {labels[source_id]}" if unnamed else outlet
    return origins


def readers_of(label: str) -> str:
    """The origin of the reader comments under the article labelled ``label``."""
    return f"readers of {label}"


def row_origins(evidence: pd.DataFrame, scope: Scope) -> pd.Series:
    """For each evidence row of the scope, the tuple of its origins (see the module's rules)."""
    cited = citation_origins(scope.dataset)
    labels = scope.dataset.sources.apply(source_label, axis=1).to_dict()
    found = []
    for source_id, voice, credited in zip(
        evidence["source_id"], evidence["voice"], evidence["origins"], strict=True
    ):
        if voice == "reader":
            found.append((readers_of(labels[source_id]),))
        elif credited:
            found.append(tuple(dict.fromkeys(cited[c] for c in credited)))
        else:
            found.append((labels[source_id],))
    return pd.Series(found, index=evidence.index, dtype=object)


def with_origins(evidence: pd.DataFrame, scope: Scope) -> pd.DataFrame:
    """``evidence`` with one row per evidence row and origin (column ``origin``)."""
    if evidence.empty:
        return evidence.assign(origin=pd.Series(dtype=object))
    keyed = evidence.assign(origin=row_origins(evidence, scope))
    return keyed.explode("origin")


def origin_matrix(scope: Scope, claim_ids: pd.Index | list[str]) -> pd.DataFrame:
    """Claims × origins: each cell the stance(s) one origin takes on a claim, joined by ' / ',
    like :func:`helpers.analysis.measures.stance_matrix` with origins for sources."""
    exploded = with_origins(scope.evidence_for(claim_ids), scope)
    columns = list(dict.fromkeys(exploded["origin"])) if len(exploded) else []
    matrix = pd.DataFrame("", index=list(claim_ids), columns=columns)
    for (claim, origin), group in exploded.groupby(["subject_id", "origin"]):
        stances = sorted(set(group["stance"]), key=list(vocabularies.STANCES).index)
        matrix.at[claim, origin] = " / ".join(stances)
    return matrix


def claim_origins(
    scope: Scope, claim_ids: pd.Index | list[str], by_sources: pd.Series
) -> pd.DataFrame:
    """Per claim, its independent origins and the verdict they give.

    ``by_sources`` is the verdict of each claim counting each source (and the readers) as one
    voice (:func:`helpers.analysis.measures.claim_verdicts` of the stance matrix). Columns:

    - ``origins``: how many distinct origins speak to the claim; ``supports``, ``qualifies``,
      ``disputes``: how many take each stance (an origin may take two);
    - ``verdict``: the verdict counting each origin once;
    - ``by_sources``: the verdict counting each source once;
    - ``relayed``: the origins that reach the claim through two or more sources, as a tuple
      (the same outlet's words repeated);
    - ``echo``: 'agreed' counting sources but 'one voice' counting origins: the agreement
      rests on one origin repeated.

    Counting origins changes a verdict only between 'agreed' and 'one voice': an echo, or one
    source that compiles several origins which agree.
    """
    claim_ids = list(claim_ids)
    exploded = with_origins(scope.evidence_for(claim_ids), scope)
    matrix = origin_matrix(scope, claim_ids)
    verdicts = claim_verdicts(matrix) if len(matrix.columns) else pd.Series("", index=matrix.index)
    rows = []
    for claim in claim_ids:
        mine = exploded[exploded["subject_id"] == claim] if len(exploded) else exploded
        per_origin_sources = mine.groupby("origin")["source_id"].nunique() if len(mine) else {}
        relayed = tuple(o for o, n in dict(per_origin_sources).items() if n > 1)
        row = {"claim_id": claim, "origins": int(mine["origin"].nunique()) if len(mine) else 0}
        for stance in STANCE_ORDER:
            chosen = mine[mine["stance"] == stance] if len(mine) else mine
            row[stance] = int(chosen["origin"].nunique()) if len(chosen) else 0
        source_verdict = str(by_sources.get(claim, ""))
        origin_verdict = str(verdicts.get(claim, ""))
        row.update(
            verdict=origin_verdict,
            by_sources=source_verdict,
            relayed=relayed,
            echo=source_verdict == "agreed" and origin_verdict == "one voice",
        )
        rows.append(row)
    columns = ["claim_id", "origins", *STANCE_ORDER, "verdict", "by_sources", "relayed", "echo"]
    return pd.DataFrame(rows, columns=columns).set_index("claim_id")


def borrowings(scope: Scope) -> pd.DataFrame:
    """What each selected source takes from other publications, counted in passages.

    One row per source and origin it credits: ``passages``, the distinct passages (quotes) of
    the source credited to that origin, and ``of_all``, the distinct passages of the source that
    the data quotes. A passage credited to two outlets counts for each. Sources that credit
    nothing have no row.
    """
    columns = ["source_id", "source", "origin", "passages", "of_all"]
    evidence = scope.evidence
    if evidence.empty:
        return pd.DataFrame(columns=columns)
    totals = evidence.groupby("source_id")["quote"].nunique()
    cited = citation_origins(scope.dataset)
    credited = evidence[evidence["origins"].map(bool)]
    rows = []
    for source_id, group in credited.groupby("source_id", sort=False):
        pairs = {
            (cited[ref], quote)
            for quote, refs in zip(group["quote"], group["origins"], strict=True)
            for ref in refs
        }
        counts = pd.Series([origin for origin, _ in pairs]).value_counts()
        for origin, n in counts.items():
            rows.append(
                {
                    "source_id": source_id,
                    "source": scope.sources.at[source_id, "label"],
                    "origin": origin,
                    "passages": int(n),
                    "of_all": int(totals[source_id]),
                }
            )
    frame = pd.DataFrame(rows, columns=columns)
    order = {s: i for i, s in enumerate(scope.sources.index)}
    return frame.sort_values(
        ["source_id", "passages", "origin"],
        key=lambda c: c.map(order) if c.name == "source_id" else c,
        ascending=[True, False, True],
    ).reset_index(drop=True)


def credited_share(scope: Scope) -> pd.DataFrame:
    """Per selected source: its distinct quoted passages (``passages``) and how many of them it
    credits to another publication (``credited``)."""
    evidence = scope.evidence
    frame = pd.DataFrame(index=scope.sources.index)
    frame["source"] = scope.sources["label"]
    frame["passages"] = evidence.groupby("source_id")["quote"].nunique()
    credited = evidence[evidence["origins"].map(bool)]
    frame["credited"] = credited.groupby("source_id")["quote"].nunique()
    frame[["passages", "credited"]] = frame[["passages", "credited"]].fillna(0).astype(int)
    return frame


def credited_passages(evidence: pd.DataFrame) -> tuple[int, int]:
    """Of the distinct passages of some evidence rows (a quote of one article), how many are
    credited to another publication, and how many there are."""
    passages = evidence[["source_id", "quote"]]
    credited = passages[evidence["origins"].map(bool)]
    return len(credited.drop_duplicates()), len(passages.drop_duplicates())
