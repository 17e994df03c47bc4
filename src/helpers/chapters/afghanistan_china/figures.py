"""The chapter's figures and their alt text: the passages per source, the facets, the themes
that travel together, and the explanations by independent voices."""

from __future__ import annotations

import textwrap

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from helpers.analysis.scope import Scope
from helpers.chapters.afghanistan_china.explanation_voices import STANCES
from helpers.chapters.afghanistan_china.factor_passages import sources_drawn
from helpers.chapters.afghanistan_china.factors import factor_word
from helpers.chapters.afghanistan_china.sentences import partners_sentence
from helpers.render import charts, figure_style, words

LABEL_WIDTH = 52
"""Characters per line of the explanations' labels in their figure."""

MOST_DRAWN = 12
"""Explanations the figure draws at most (the table holds them all)."""


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
