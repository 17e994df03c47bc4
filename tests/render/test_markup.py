"""MyST markup: data text renders literally; tables, links and citations are well formed."""

from __future__ import annotations

import pandas as pd
import pytest

from helpers.render import markup, tables
from helpers.render import words as text


@pytest.mark.parametrize(
    "hostile",
    [
        "<script>alert(1)</script>",
        '<img src=x onerror="alert(1)">',
        "**bold** _it_ [link](http://x) `code` {cite}`x`",
        "# heading\n- list\n1. item",
        "$2 billion | a | b",
    ],
)
def test_escape_leaves_no_markup_active(hostile: str) -> None:
    escaped = markup.escape(hostile)
    assert "\n" not in escaped
    for char in "<>*_[]`{}#|$":
        assert all(escaped[i - 1] == "\\" for i, c in enumerate(escaped) if c == char)


def test_markup_is_not_escaped_twice() -> None:
    link = markup.passage("evi-pf-001")
    assert markup.escape(link) == link == "{passage}`evi-pf-001`"


def test_citations_and_passage_links() -> None:
    assert markup.cite(["src-a", "src-b", "src-a"]) == "{cite:p}`src-a,src-b`"
    assert markup.cite([]) == ""
    assert markup.passage("evi-x-001", "a <b> `c`") == "{ref}`a b c <evi-x-001>`"
    evidence = pd.DataFrame(
        {"source_id": ["src-a", "src-a", "src-b"]}, index=["evi-a-001", "evi-a-002", "evi-b-001"]
    )
    assert markup.attribution(evidence) == (
        "{cite:t}`src-a`: {passage}`evi-a-001`, {passage}`evi-a-002`; "
        "{cite:t}`src-b`: {passage}`evi-b-001`"
    )


@pytest.mark.parametrize("title", [None, "x-001", "evi-x-001"])
def test_a_passage_link_never_shows_an_id(title: str | None) -> None:
    """Given no title, or the evidence id as its title (as chapters did), a passage link is
    named by the book ('passage 12'), never by the id."""
    assert markup.passage("evi-x-001", title) == "{passage}`evi-x-001`"


def test_list_table_escapes_cells_and_keeps_markup() -> None:
    frame = pd.DataFrame(
        {"A": ["<b>x</b>", None], "B": [markup.Markup("{ref}`t <l>`"), ("a", "b")]}
    )
    block = tables.list_table(frame, widths=[50, 50], caption="C: d", name="tbl-x")
    lines = block.splitlines()
    assert lines[0] == "::::{list-table} C\\: d"
    assert ":widths: 50 50" in lines and ":name: tbl-x" in lines
    assert "* - \\<b\\>x\\<\\/b\\>" in lines
    assert "  - {ref}`t <l>`" in lines
    assert "* -" in lines and "  - a\\; b" in lines
    with pytest.raises(ValueError, match="2 widths given for 1 columns"):
        tables.list_table(frame[["A"]], widths=[50, 50])


def test_words_for_numbers_dates_and_money() -> None:
    assert text.plural(1, "event") == "1 event"
    assert text.plural(0, "event", words=True) == "no events"
    assert text.plural(3, "analysis", "analyses", words=True) == "three analyses"
    assert text.join_words(["a", "b", "c"]) == "a, b and c"
    assert text.format_date("1980", "decade") == "the 1980s"
    assert text.format_date("2018-04", "month") == "April 2018"
    assert text.format_date("2016-09-24", "day") == "24 September 2016"
    assert text.format_date("", "undated") == "undated"
    assert text.format_span("2016-09-24", "day", "2016-10-10") == "24 September – 10 October 2016"
    assert text.format_span("2021-04-07", "day", "2021-04-08") == "7–8 April 2021"
    assert text.format_span("1968", "year", "1969") == "1968–1969"
    assert text.format_span("2011-05", "month", "2012") == "May 2011 – 2012"
    assert text.format_span("1980", "decade", "1991") == "the 1980s – 1991"
    assert (
        text.format_span("2017-12-30", "day", "2018-01-02") == "30 December 2017 – 2 January 2018"
    )
    assert text.format_usd(2e9) == "$2 billion"
    assert text.format_usd(1e10, "more_than") == "more than $10 billion"
    assert text.format_usd(441e6) == "$441 million"
    assert text.format_quantity(4, "projects", "range", 5) == "4–5 projects"
    assert text.format_quantity(200, "people", "approximate", None) == "about 200 people"
    assert text.share(12, 69) == "12 of 69 (17%)"


def test_tables_name_sources_by_their_labels() -> None:
    frame = pd.DataFrame({"src-a": ["supports"], "Source": ["src-a"], "n": [3]})
    named = tables.named_sources(frame, {"src-a": "Author (2018)"})
    assert list(named.columns) == ["Author (2018)", "Source", "n"]
    assert named.iloc[0].tolist() == ["supports", "Author (2018)", 3]
