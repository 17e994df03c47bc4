"""The tables of claims: every claim against every voice, and who supports, qualifies and
disputes some claims; with the data written beside them."""

from __future__ import annotations

import pandas as pd

from helpers.analysis import origins
from helpers.analysis.scope import Scope
from helpers.chapters.contested_claims.speakers import linked_voices, numbered_passages
from helpers.chapters.contested_claims.verdicts import VERDICT_WORDS
from helpers.render.passage_numbers import passage_numbers

SYMBOLS = {"supports": "+", "qualifies": "±", "disputes": "−"}
"""How the claim × voice table marks a stance."""


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
    """Every claim against every voice: the claim, the stance of each voice that speaks to it
    ('Rizvi (2018) +; Readers −', voices by their short labels), the independent origins, the
    verdict and links to the passages. (One column per voice would leave each too narrow
    for its label on the printed page; the figure of stances draws the grid.)"""

    def stances(row: pd.Series) -> str:
        return "; ".join(
            f"{voice} {' '.join(SYMBOLS[s] for s in cell.split(' / '))}"
            for voice, cell in row.items()
            if cell
        )

    evidence = scope.evidence_for(matrix.index)
    numbers = passage_numbers(scope.dataset, scope.sources.index)
    return pd.DataFrame(
        {
            "Claim": [claims.at[c, "statement"] for c in matrix.index],
            "Stances": [stances(matrix.loc[c]) for c in matrix.index],
            "Origins": [int(judgements.at[c, "origins"]) for c in matrix.index],
            "Verdict": [verdict_words(judgements.loc[c]) for c in matrix.index],
            "Passages": [
                numbered_passages(evidence[evidence["subject_id"] == c], scope.sources, numbers)
                for c in matrix.index
            ],
        }
    )


VOICE_WIDTHS = [30, 22, 9, 15, 24]
"""Column widths of the claim × voice table."""


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
    numbers = passage_numbers(scope.dataset, scope.sources.index)
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
            row[heading] = linked_voices(mine[mine["stance"] == stance], credits, numbers)
        rows.append(row)
    return pd.DataFrame(rows, columns=["Claim", "Supported by", "Qualified by", "Disputed by"])


def as_text(table: pd.DataFrame) -> pd.DataFrame:
    """A shown table as plain strings, for its CSV."""
    return table.map(str)
