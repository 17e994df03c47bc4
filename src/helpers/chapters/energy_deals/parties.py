"""Which projects the chapter follows, and how each stands to the two countries: bilateral,
regional or one side's; with their names, parties and sectors in words."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from helpers.analysis.scope import Scope
from helpers.evidence import Dataset
from helpers.evidence.vocabularies import DEAL_SECTORS as DEAL_SECTOR_NAMES
from helpers.render import words
from helpers.render.words import Words

SIDES = {"Pakistan": "Pakistan", "Russia": "Russia", "Soviet Union": "Russia"}
"""The side of the relationship each country stands for (the Soviet Union for Russia)."""

ADJECTIVES = {"Pakistan": "Pakistani", "Russia": "Russian"}

STANDINGS = ("bilateral", "regional", "one side")
"""How a project stands to the two countries, in the order the chapter lists them:
``bilateral``, both sides and no one else among its parties (the chapter's own projects);
``regional``, both sides and third countries (a project such as CASA-1000, which Russia, by the
reports Fernandez (2021) cites, only 'may join'); ``one side``, a project the articles tie to
one side only, the other left unnamed (Russian interest in oil and gas exploration in
Pakistan)."""


def standing(parties: Sequence[str], countries: Mapping[str, str]) -> str:
    """How a project with these parties stands to the two countries (one of :data:`STANDINGS`).

    A party counts for the side of its country (:data:`SIDES`); a party of another country, or
    of none, is a third party.
    """
    sides = [SIDES.get(countries.get(p, ""), "") for p in parties]
    both = {"Pakistan", "Russia"} <= set(sides)
    if both:
        return "regional" if "" in sides else "bilateral"
    return "one side"


def standing_words(project: pd.Series, countries: Mapping[str, str]) -> str:
    """The standing of a project as the table words it: 'Pakistan and Russia', 'Pakistan and
    Russia, with third countries', 'Russian side only'."""
    if project["standing"] == "bilateral":
        return "Pakistan and Russia"
    if project["standing"] == "regional":
        return "Pakistan and Russia, with third countries"
    named = sorted({SIDES[c] for p in project["parties"] if (c := countries.get(p, "")) in SIDES})
    return " and ".join(ADJECTIVES[s] for s in named) + " side only" if named else "no side named"


def projects(scope: Scope, sectors: Sequence[str]) -> pd.DataFrame:
    """The projects of the chosen sectors (``("all",)`` for every one) in scope, with their
    ``standing``: the two countries' own first, then regional ones, then those tied to one
    side only, each group in the data's order."""
    deals = scope.deals
    if "all" not in sectors:
        deals = deals[deals["sector"].isin(list(sectors))]
    countries = scope.dataset.actors["country"].to_dict()
    deals = deals.assign(standing=[standing(p, countries) for p in deals["parties"]])
    order = deals["standing"].map(STANDINGS.index)
    return deals.iloc[np.argsort(order.to_numpy(), kind="stable")]


def proper_words(dataset: Dataset) -> frozenset[str]:
    """The first words of the names and aliases of the actors: words that keep their capital
    at the start of a project's name in a sentence ('Soviet military supplies')."""
    names = [
        *dataset.actors["name"],
        *(a for cell in dataset.actors["aliases"] for a in cell.split(";")),
    ]
    return frozenset(n.split()[0] for n in names if n.strip())


def in_sentence(name: str, proper: frozenset[str]) -> str:
    """A project's name as it reads inside a sentence: its first letter lower-cased, unless its
    first word is a name ('Soviet …', 'Pakistan …'), an acronym or a code ('LNG', 'CASA-1000',
    'North–South': a capital or a digit after the first letter)."""
    first = name.split()[0] if name.split() else ""
    bare = first.strip("'‘’\"“”")
    if not bare or bare in proper or any(c.isupper() or c.isdigit() for c in bare[1:]):
        return name
    at = name.index(bare[0])
    return name[:at] + bare[0].lower() + name[at + 1 :]


def of_the_two(projects: pd.DataFrame) -> pd.DataFrame:
    """The projects to which Pakistan and Russia, and no one else, are parties."""
    return projects[projects["standing"] == "bilateral"]


def sector_words(sectors: Sequence[str]) -> Words:
    """The chosen sectors in words: 'energy or industry'; every sector for ``all``."""
    chosen = list(DEAL_SECTOR_NAMES) if "all" in sectors else list(sectors)
    return Words(words.join_words(chosen, "or"))
