"""The stated lengths of time in words, and the checks of them against the dates of their events."""

from __future__ import annotations

import math

import pandas as pd

from helpers.analysis import spans
from helpers.analysis.scope import Scope
from helpers.render import words

UNIT_WORDS = {"days": "day", "weeks": "week", "years": "year"}
QUALIFIER_WORDS = {"approximate": "about ", "almost": "almost ", "more_than": "more than "}


def length_words(days: float) -> str:
    """A length of time in words: '17 days', '5 months', '9 years and 1 month'."""
    days = max(0.0, days)
    if days < 60:
        return words.plural(round(days), "day")
    months = round(days / (365.25 / 12))
    if months < 24:
        return words.plural(months, "month")
    years, rest = divmod(months, 12)
    shown = words.plural(years, "year")
    return f"{shown} and {words.plural(rest, 'month')}" if rest else shown


def implied_words(low: float, high: float) -> str:
    """What the dates allow, in words: 'is 17 days', 'is at most 9 years and 1 month', 'is
    between 12 years and 4 months and 13 years and 4 months'."""
    if math.isinf(high):
        return f"is at least {length_words(low)}"
    if low <= 1:
        return f"is at most {length_words(high)}"
    if length_words(low) == length_words(high):
        return f"is {length_words(low)}"
    return f"is between {length_words(low)} and {length_words(high)}"


def stated_words(check: pd.Series) -> str:
    """The stated length in words: 'two weeks', 'almost 10 years', 'more than 3 days'."""
    unit = UNIT_WORDS[check["unit"]]
    value = check["value"]
    number = int(value) if float(value).is_integer() else value
    if check["qualifier"] == "range" and not pd.isna(check["value_max"]):
        return f"{words.number_word(int(value))} to {words.plural(int(check['value_max']), unit)}"
    amount = (
        words.plural(number, unit, words=True) if isinstance(number, int) else f"{value} {unit}s"
    )
    return QUALIFIER_WORDS.get(check["qualifier"], "") + amount


def range_words(low: float, high: float) -> str:
    """A range of lengths in words: 'between 12 days and 16 days', 'at least 3 days'."""
    if math.isinf(high):
        return f"at least {length_words(low)}"
    if length_words(low) == length_words(high):
        return length_words(low)
    return f"{length_words(low)} to {length_words(high)}"


def span_checks(scope: Scope) -> pd.DataFrame:
    """Every stated length of time in scope checked against its events' dates
    (:func:`helpers.analysis.spans.span_checks`)."""
    return spans.span_checks(scope)


def count_mismatches(checks: pd.DataFrame) -> int:
    """How many stated lengths of time the dates contradict."""
    return len(spans.mismatches(checks))
