"""Words for numbers, dates and lists, so that computed prose reads correctly for any selection."""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Sequence

from helpers.evidence.dates import date_precision_of
from helpers.evidence.vocabularies import THEMES


class Words(str):
    """Text a chapter shows inline (``{eval}`x```): a string whose representation is the text
    itself, so that JupyterLab shows it as it reads (no quotes, no escapes) and the book writes
    it in literally."""

    __slots__ = ()

    def __repr__(self) -> str:
        return str(self)


_SMALL = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]


def number_word(n: int) -> str:
    """``n`` in words up to ten ('no' for zero), digits above."""
    return _SMALL[n] if 0 <= n < len(_SMALL) else f"{n:,}"


def plural(n: int, singular: str, plural_form: str | None = None, *, words: bool = False) -> str:
    """``'1 event'``, ``'3 events'``; with ``words=True``: ``'one event'``, ``'no events'``."""
    noun = singular if n == 1 else (plural_form or singular + "s")
    count = number_word(n) if words else f"{n:,}"
    return f"{count} {noun}"


def join_words(items: Iterable[str], conjunction: str = "and") -> str:
    """``'a'``, ``'a and b'``, ``'a, b and c'``."""
    seq = [str(i) for i in items]
    if not seq:
        return ""
    if len(seq) == 1:
        return seq[0]
    return f"{', '.join(seq[:-1])} {conjunction} {seq[-1]}"


def format_date(date: str, precision: str) -> str:
    """A date prefix in words at its precision: '24 September 2016', 'the 1980s', 'undated'."""
    if not date or precision == "undated":
        return "undated"
    parts = [int(p) for p in date.split("-")]
    if precision == "decade":
        return f"the {parts[0]}s"
    if len(parts) == 1:
        return str(parts[0])
    month = calendar.month_name[parts[1]]
    if len(parts) == 2:
        return f"{month} {parts[0]}"
    return f"{parts[2]} {month} {parts[0]}"


def format_span(date: str, precision: str, end_date: str = "") -> str:
    """A date, or a span when an end date is given, sharing what both ends have in common:
    '7–8 April 2021', '24 September – 10 October 2016', '1968–1969', 'May 2011 – 2012'."""
    start = format_date(date, precision)
    if not end_date:
        return start
    end = format_date(end_date, date_precision_of(end_date))
    first, last = date.split("-"), end_date.split("-")
    same_form = precision != "decade" and len(first) == len(last)
    if not same_form or first[0] != last[0]:
        return f"{start}–{end}" if same_form and len(first) == 1 else f"{start} – {end}"
    if len(first) == 1:  # one and the same year
        return start
    if len(first) == 3 and first[1] == last[1]:  # same month: '7–8 April 2021'
        return f"{int(first[2])}–{end}"
    return f"{start.rsplit(' ', 1)[0]} – {end}"  # same year: '24 September – 10 October 2016'


def format_usd(value: float, qualifier: str = "exact", value_max: float | None = None) -> str:
    """'$2 billion', 'more than $10 billion', '$441 million'."""

    def amount(v: float) -> str:
        for size, word in ((1e9, "billion"), (1e6, "million")):
            if v >= size:
                return f"${v / size:,.{0 if (v / size).is_integer() else 1}f} {word}"
        return f"${v:,.0f}"

    if qualifier == "range" and value_max is not None:
        return f"{amount(value)}–{amount(value_max)}"
    prefix = {"approximate": "about ", "more_than": "more than ", "almost": "almost "}.get(
        qualifier, ""
    )
    return prefix + amount(value)


def format_quantity(value: float, unit: str, qualifier: str, value_max: float | None) -> str:
    """A figure in words: '4–5 projects', 'more than 200 people', '$2 billion'."""
    if unit == "USD":
        return format_usd(value, qualifier, value_max)
    shown = f"{value:,.0f}" if float(value).is_integer() else f"{value:,}"
    if unit == "ordinal":
        return f"no. {shown}"
    if qualifier == "range" and value_max is not None:
        shown = f"{shown}–{value_max:,.0f}"
    prefix = {"approximate": "about ", "more_than": "more than ", "almost": "almost "}.get(
        qualifier, ""
    )
    return f"{prefix}{shown} {unit}"


def year_range(start: int, end: int) -> str:
    """'1947–2021', or a single year."""
    return str(start) if start == end else f"{start}–{end}"


def share(part: int, whole: int) -> str:
    """'12 of 69 (17%)'."""
    if whole == 0:
        return "0 of 0"
    return f"{part:,} of {whole:,} ({round(100 * part / whole)}%)"


def ordered_unique(values: Sequence[str]) -> list[str]:
    """The values in first-seen order without repeats."""
    return list(dict.fromkeys(values))


SOURCES_DIFFER = "sources differ on the date"
"""What an event's date label adds when its attestations give dates that cannot all be true."""


def event_date(
    date: str,
    precision: str,
    end_date: str = "",
    *,
    qualifier: str = "",
    planned: bool = False,
    disputed: bool = False,
) -> Words:
    """The one label of an event's date in the book: the date or span in words at its
    precision, 'by March 2012' or 'after June 2017' for a date that bounds it, '(planned)' for
    an event the sources announce, and :data:`SOURCES_DIFFER` where its attestations conflict."""
    shown = format_span(date, precision, end_date)
    if qualifier == "by" and date:
        shown = f"by {shown}"
    elif qualifier == "after" and date:
        shown = f"after {shown}"
    if planned:
        shown += " (planned)"
    if disputed:
        shown += f"; {SOURCES_DIFFER}"
    return Words(shown)


PROPER_NOUNS = {
    "afghanistan": "Afghanistan",
    "china": "China",
    "india": "India",
    "united_states": "United States",
    "middle_east": "Middle East",
    "cold_war": "Cold War",
}
"""Themes whose words are names, capitalized wherever they stand."""


def theme_label(code: str) -> Words:
    """A theme as a label on its own (a row of a figure, a filter): 'Defence', 'United
    States', 'Cold War'."""
    word = PROPER_NOUNS.get(code) or (
        THEMES.word(code) if code in THEMES else code.replace("_", " ")
    )
    return Words(word[:1].upper() + word[1:])
