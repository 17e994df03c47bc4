"""The energy deals' figures, their source lines and alt text: the statuses by source, the
stated values and the trade."""

from __future__ import annotations

import textwrap

import pandas as pd
from matplotlib.figure import Figure

from helpers.analysis.scope import Scope, citation_label
from helpers.chapters.energy_deals.amounts import value_text
from helpers.chapters.energy_deals.stages import drawn_labels, latest_words, stage_words
from helpers.render import charts, figure_style, words

LABEL_WIDTH = 26
"""Characters per line of the labels and notes of the value figure."""


def status_figure(scope: Scope, grid: pd.DataFrame, projects: pd.DataFrame) -> Figure:
    """Dots of the stage each source reports for each project, at the source's year."""
    years = scope.sources.set_index("label")["year"]
    return charts.status_dots(
        grid,
        [float(years[label]) for label in grid.columns],
        list(projects.loc[grid.index, "name"]),
        title="The stage of each project as each article reports it",
        source=figure_style.source_line(drawn_labels(scope, grid)),
    )


def status_alt(grid: pd.DataFrame, projects: pd.DataFrame) -> str:
    """What the status figure shows: each project with the stages reported and by whom."""
    rows = "; ".join(
        f"{projects.at[d, 'name']}: "
        + ", ".join(f"{stage_words(c)} in {s}" for s, c in grid.loc[d].items() if c)
        for d in grid.index
    )
    return f"Dots of the stage each article reports for each project, at its year. {rows}."


def value_figure(values: pd.DataFrame, latest: pd.DataFrame, source: str) -> Figure:
    """Bars of the stated values, in billions of dollars, each with its project's latest
    stage; the project names and the notes wrap so that nothing is cut."""
    notes = [
        textwrap.fill(latest_words(latest, d), LABEL_WIDTH, break_on_hyphens=False)
        for d in values["deal_id"]
    ]
    return charts.value_bars(
        [textwrap.fill(n, LABEL_WIDTH) for n in values["name"]],
        [v / 1e9 for v in values["value"]],
        title="Value promised, and how far each project had got",
        xlabel="US$ billion (a lower bound where the source says 'in excess of')",
        ylabel="",
        source=source,
        annotations=notes,
    )


def value_source_line(scope: Scope, values: pd.DataFrame, latest: pd.DataFrame) -> str:
    """The value figure's source line: the sources that state the values, and those whose
    stages the notes give."""
    ids = set(scope.evidence_for(values.index)["source_id"])
    for deal_id in values["deal_id"]:
        ids |= set(latest.at[deal_id, "source_ids"]) | set(latest.at[deal_id, "later_ids"])
    return figure_style.source_line(
        [scope.sources.at[i, "label"] for i in scope.sources.index if i in ids]
    )


def value_alt(values: pd.DataFrame, latest: pd.DataFrame) -> str:
    """What the value figure shows, with its numbers."""
    stages = [stage_words(latest.at[d, "status"]) or "no stage" for d in values["deal_id"]]
    bars = words.join_words(
        f"{f['name']}, {value_text(f)}, {stage}"
        for (_, f), stage in zip(values.iterrows(), stages, strict=True)
    )
    return f"Horizontal bars of the stated value of each project, with its latest stage: {bars}."


def credited_source_line(scope: Scope, subject_ids: pd.Index | list[str]) -> str:
    """A figure's source line naming the sources that attest ``subject_ids`` and what each
    cites for them: 'Source: DeSilva-Ranasinghe (2012), citing the website of the
    Consulate-General of Russia in Karachi; data: this book's evidence table.'"""
    evidence = scope.evidence_for(subject_ids)
    citations = scope.dataset.citations
    items = []
    for label in scope.source_labels_for(subject_ids):
        cited = [
            f"the website of the {citations.at[c, 'cited_outlet']}"
            if citations.at[c, "kind"] == "website"
            else citation_label(citations.loc[c])
            for origins in evidence.loc[evidence["source_label"] == label, "origins"]
            for c in origins
        ]
        credit = words.join_words(words.ordered_unique(cited))
        items.append(f"{label}, citing {credit}" if credit else label)
    return figure_style.source_line(items) if items else ""


def trade_figure(trade_figures: pd.DataFrame, source: str) -> Figure:
    """The trade figures on a true time axis: one stem at each year a source gives, every year
    between marked, so that the years without a figure show as gaps."""
    fig, ax = figure_style.new_figure(height=3.2)
    years = trade_figures["year"].astype(int).to_numpy()
    millions = trade_figures["value"].to_numpy(dtype=float) / 1e6
    ax.bar(years, millions, width=0.35, color=figure_style.PALETTE[0])
    for year, value in zip(years, millions, strict=True):
        ax.annotate(
            words.format_usd(value * 1e6),
            (year, value),
            xytext=(0, 3),
            textcoords="offset points",
            ha="center",
            fontsize=8,
        )
    first, last = int(years.min()) - 1, int(years.max()) + 1
    ax.set_xlim(first - 0.5, last + 0.5)
    ax.set_xticks(range(first, last + 1))
    ax.set_ylim(0, max(millions) * 1.2)
    ax.grid(axis="x", alpha=0)
    return figure_style.finish(
        fig,
        ax,
        title="Two-way trade between Pakistan and Russia",
        xlabel="Year (no figure for the years without a bar)",
        ylabel="US$ million",
        source=source,
    )


def trade_alt(trade_figures: pd.DataFrame) -> str:
    """What the trade figure shows, with its numbers."""
    listed = words.join_words(
        f"{int(y)}: {words.format_usd(v)}"
        for y, v in zip(trade_figures["year"], trade_figures["value"], strict=True)
    )
    return f"Bars at their years on a time axis, of two-way trade in US dollars: {listed}."
