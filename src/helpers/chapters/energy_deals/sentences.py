"""The energy deals' sentences whose shape depends on the selection: the values, the furthest
stage reached and the trade."""

from __future__ import annotations

import pandas as pd

from helpers.chapters.energy_deals.amounts import growth, value_text, valued_thing
from helpers.chapters.energy_deals.parties import in_sentence
from helpers.chapters.energy_deals.stages import delivered, furthest
from helpers.evidence.vocabularies import DEAL_STATUSES
from helpers.render import words
from helpers.render.words import Words


def values_sentence(values: pd.DataFrame) -> Words:
    """The stated values, each with what it is the value of, and why they are not added up."""
    if values.empty:
        return Words("No source of this selection states the value of a project.")
    listed = words.join_words(
        f"{value_text(f)} for {valued_thing(f['label'])}" for _, f in values.iterrows()
    )
    if len(values) == 1:
        return Words(f"The one stated sum is {listed}.")
    return Words(
        f"The stated sums are {listed}. They are not added up: the articles do not say whether "
        "one includes another."
    )


def furthest_sentence(
    latest: pd.DataFrame, projects: pd.DataFrame, proper: frozenset[str]
) -> Words:
    """How far the projects had got in the newest source on each: those delivered, or the
    furthest stage reached and by which projects."""
    if projects.empty:
        return Words("No project of the chosen sectors is attested in this selection.")

    def named(ids: pd.Index) -> str:
        return words.join_words(f"the {in_sentence(n, proper)}" for n in projects.loc[ids, "name"])

    done = delivered(latest)
    if len(done):
        return Words(f"The articles report as delivered only {named(done)}.")
    stage = furthest(latest)
    if not stage:
        return Words("No source in this selection says where any of them stands.")
    reached = latest.index[[stage in s.split(" / ") for s in latest["status"]]]
    return Words(
        "None is reported as built, delivered or working; the furthest stage any reached is "
        f"“{DEAL_STATUSES.word(stage)}”, for {named(reached)}."
    )


def trade_sentence(trade_figures: pd.DataFrame) -> Words:
    """The trade figures in words, with how far apart the first and last are."""
    if trade_figures.empty:
        return Words("No source in this selection gives a trade figure.")
    listed = words.join_words(
        f"{words.format_usd(v)} in {int(y)}"
        for y, v in zip(trade_figures["year"], trade_figures["value"], strict=True)
    )
    times = growth(trade_figures)
    if times is None:
        return Words(f"The one trade figure is {listed}.")
    years = int(trade_figures["year"].iloc[-1] - trade_figures["year"].iloc[0])
    return Words(
        f"Two-way trade was {listed}: {times:.1f} times the first figure "
        f"{words.plural(years, 'year', words=True)} later."
    )
