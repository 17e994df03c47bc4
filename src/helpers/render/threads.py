"""The threads chart: one lane per prediction or open thread, on a true time axis, with when the
articles speak of it, what the later record reports and when, and the verdict.

The articles' marks are filled; the later record's are hollow and in its own colour
(:data:`helpers.render.timeline.LATER_COLOUR`), as on the time line, so that the two are never
read as one kind of evidence.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.figure import Figure

from helpers.render.figure_style import finish, new_figure, wrap_label
from helpers.render.timeline import LATER_COLOUR

ARTICLE_COLOUR = "#3d405b"

LANE_HEIGHT_IN = 0.24
"""Height of one lane: 27 lanes fit a page of the PDF with the title and the source line."""


def thread_lanes(
    lanes: Sequence[str],
    article_years: Sequence[Sequence[float]],
    later_years: Sequence[Sequence[float]],
    verdicts: Sequence[str],
    *,
    verdict_colours: Mapping[str, str],
    verdict_words: Mapping[str, str],
    title: str,
    xlabel: str,
    ylabel: str,
    source: str,
) -> Figure:
    """Lanes of threads, top to bottom in the order given.

    ``article_years`` and ``later_years`` hold, per lane, the dates (as fractional years) of
    the articles that speak of the thread and of the later-record rows behind its verdict;
    ``verdicts`` the verdict code of each lane, drawn as a square in ``verdict_colours`` at the
    right end and named in the legend by ``verdict_words``.
    """
    labels = [wrap_label(lane, width=46, lines=2) for lane in lanes]
    height = sum(LANE_HEIGHT_IN + 0.12 * label.count("\n") for label in labels) + 2.0
    fig, ax = new_figure(height=max(2.6, height))
    every = [y for years in (*article_years, *later_years) for y in years]
    first = float(np.floor(min(every))) if every else 2012.0
    last = float(np.ceil(max(every))) if every else 2026.0
    end = last + 1.0
    for y, (articles, later, verdict) in enumerate(
        zip(article_years, later_years, verdicts, strict=True)
    ):
        spread = [*articles, *later]
        if spread:
            ax.plot([min(spread), end], [y, y], color="#cccccc", linewidth=0.8, zorder=1)
        ax.scatter(articles, [y] * len(articles), marker="^", s=30, color=ARTICLE_COLOUR, zorder=3)
        ax.scatter(
            later,
            [y] * len(later),
            marker="o",
            s=22,
            facecolor="white",
            edgecolor=LATER_COLOUR,
            linewidth=1.0,
            zorder=3,
        )
        ax.scatter(
            [end], [y], marker="s", s=44, color=verdict_colours.get(verdict, "#999999"), zorder=3
        )
    ax.set_yticks(range(len(labels)), labels, fontsize=7.5)
    ax.set_ylim(len(labels) - 0.5, -0.5)
    ax.set_xlim(first - 0.5, end + 0.6)
    ax.grid(axis="y", alpha=0)
    shown = list(dict.fromkeys(v for v in verdict_words if v in set(verdicts)))
    handles = [
        plt.Line2D([], [], marker="^", linestyle="", color=ARTICLE_COLOUR, label="an article"),
        plt.Line2D(
            [],
            [],
            marker="o",
            linestyle="",
            markerfacecolor="white",
            markeredgecolor=LATER_COLOUR,
            label="later record",
        ),
        *[
            plt.Line2D(
                [],
                [],
                marker="s",
                linestyle="",
                color=verdict_colours[v],
                label=verdict_words[v],
            )
            for v in shown
        ],
    ]
    return finish(fig, ax, title=title, xlabel=xlabel, ylabel=ylabel, source=source, legend=handles)
