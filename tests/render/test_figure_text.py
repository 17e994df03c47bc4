"""Every text of every chart lies within the figure, is drawn over no other text and is never cut
short with an ellipsis: on the book's own labels and on labels far longer than any of them.

Each chart function of :mod:`helpers.render.charts` and the time line is drawn here; a test
checks that none is left out.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd
import pytest
from matplotlib.figure import Figure

from helpers import evidence
from helpers.analysis.scope import Scope
from helpers.render import charts, drawn_text, figure_style, timeline

ROOT = Path(__file__).resolve().parents[2]
LONG = (
    "A deep strategic partnership between Pakistan and Russia is unlikely to emerge while Moscow "
    "keeps its oldest partnership with New Delhi and Washington still funds Islamabad's army, "
    "whatever the two capitals announce at their next meeting"
)
UNBROKEN = "Counterintelligence-cooperation-memorandum-between-the-two-general-staffs-2018"


@pytest.fixture(scope="module")
def scope() -> Scope:
    dataset = evidence.load(ROOT / "data")
    themes = tuple(dict.fromkeys(t for cell in dataset.events["themes"] for t in cell))
    return Scope(dataset, tuple(dataset.sources.index), 1947, 2021, themes)


def _labels(scope: Scope, long: bool) -> dict[str, list[str]]:
    """The labels a chart is drawn with: the book's own, or very long ones."""
    ds = scope.dataset
    if long:
        return {
            "rows": [LONG, UNBROKEN, LONG + " and more"],
            "claims": [LONG, LONG.upper(), UNBROKEN],
            "sources": [f"{LONG[:60]} ({2000 + i})" for i in range(3)],
            "notes": [LONG, UNBROKEN, "$2 billion"],
            "title": LONG,
        }
    rows = list(ds.deals["name"].head(6))
    return {
        "rows": rows,
        "claims": list(ds.claims["statement"].head(8)),
        "sources": list(scope.sources["label"]),
        "notes": [f"{name}, at the stage of negotiation in Qureshi (2018)" for name in rows[:6]],
        "title": "Pakistan–Russia events by theme, 1948–2021",
    }


def _matrix(rows: list[str], columns: list[str]) -> pd.DataFrame:
    return pd.DataFrame(
        [[(i * 3 + j) % 5 for j in range(len(columns))] for i in range(len(rows))],
        index=rows,
        columns=columns,
    )


def _stances(rows: int, columns: list[str]) -> pd.DataFrame:
    cycle = ["supports", "qualifies", "disputes", "", "supports / disputes"]
    return pd.DataFrame(
        [[cycle[(i + j) % len(cycle)] for j in range(len(columns))] for i in range(rows)],
        columns=columns,
    )


def draw_all(scope: Scope, long: bool) -> dict[str, Callable[[], Figure]]:
    """One drawing per chart function (several for those with modes)."""
    words = _labels(scope, long)
    title, rows, claims, sources = words["title"], words["rows"], words["claims"], words["sources"]
    source = sources
    events = scope.events
    keys = list(events.index[:: max(1, len(events) // 8)])
    years = _matrix([1947, 1965, 1968, 2012, 2016, 2021], ["visit", "exercise"])
    return {
        "stacked_bars horizontal": lambda: charts.stacked_bars(
            _matrix(rows, ["supports", "qualifies", "disputes"]),
            title=title,
            xlabel="Voices",
            ylabel="",
            source=source,
            horizontal=True,
            colours=figure_style.STANCE_COLOURS,
        ),
        "stacked_bars vertical": lambda: charts.stacked_bars(
            _matrix(rows * 4, ["a", "b"]), title=title, xlabel="X", ylabel="Y", source=source
        ),
        "stacked_bars years": lambda: charts.stacked_bars(
            years, title=title, xlabel="Year", ylabel="Events", source=source
        ),
        "value_bars": lambda: charts.value_bars(
            rows,
            [2e3 * (i + 1) for i in range(len(rows))],
            title=title,
            xlabel="US$ million",
            ylabel="",
            source=source,
            annotations=words["notes"][: len(rows)],
        ),
        "time_bars years": lambda: charts.time_bars(
            [2003, 2006, 2008],
            [92, 400, 630],
            title=title,
            xlabel="Year",
            ylabel="US$ million",
            source=source,
            annotations=["$92 million", "$400 million", words["notes"][0]],
        ),
        "time_bars dates": lambda: charts.time_bars(
            ["2016-09", "2017-10-12", "2018-11"],
            [1, 2, 3],
            title=title,
            xlabel="Date",
            ylabel="Exercises",
            source=source,
        ),
        "heatmap": lambda: charts.heatmap(
            _matrix(rows, claims[:4]), title=title, xlabel="X", ylabel="Y", source=source
        ),
        "stance_chart": lambda: charts.stance_chart(
            _stances(len(claims), [*sources, "Readers"]), claims, title=title, source=source
        ),
        "spans": lambda: charts.spans(
            sources,
            [1947 + i for i in range(len(sources))],
            [2012 + i for i in range(len(sources))],
            [2012 + i for i in range(len(sources))],
            title=title,
            xlabel="Year",
            ylabel="Source",
            source=source,
            mark_label="publication",
        ),
        "spans with gaps": lambda: charts.spans(
            sources,
            [1947] * len(sources),
            [2021] * len(sources),
            [2012 + i for i in range(len(sources))],
            title=title,
            xlabel="Year",
            ylabel="Source",
            source=source,
            mark_label="publication",
            segments=[[(1947, 1950), (1965, 1971), (2003, 2012)]] * len(sources),
            segment_label="years with a dated event",
        ),
        "status_dots": lambda: charts.status_dots(
            pd.DataFrame(
                [
                    ["agreed", "agreed / stalled"] if i % 2 else ["", "named"]
                    for i in range(len(rows))
                ],
                columns=["a", "b"],
            ),
            [2012.0, 2018.0],
            rows,
            title=title,
            source=source,
        ),
        "timeline": lambda: timeline.timeline(
            events, list(scope.themes), title=title, source=source
        ),
        "timeline with key events": lambda: timeline.timeline(
            events.assign(title=[LONG] * len(events)) if long else events,
            list(scope.themes),
            title=title,
            source=source,
            key_events=keys,
        ),
    }


DRAWINGS = (
    "stacked_bars horizontal",
    "stacked_bars vertical",
    "stacked_bars years",
    "value_bars",
    "time_bars years",
    "time_bars dates",
    "heatmap",
    "stance_chart",
    "spans",
    "spans with gaps",
    "status_dots",
    "timeline",
    "timeline with key events",
)
"""The drawings of :func:`draw_all`, named here so that the tests can be listed without data."""


@pytest.mark.parametrize("long", [False, True], ids=["book labels", "long labels"])
@pytest.mark.parametrize("name", DRAWINGS)
def test_every_text_lies_within_the_figure(scope: Scope, name: str, long: bool) -> None:
    fig = draw_all(scope, long)[name]()
    try:
        outside = drawn_text.text_outside(fig)
        overlapping = drawn_text.text_overlaps(fig, draw=False)
    finally:
        plt.close(fig)
    assert not outside, "\n".join(outside)
    assert not overlapping, "\n".join(overlapping)


def test_every_chart_function_is_drawn(scope: Scope) -> None:
    """A new chart function must be added to :func:`draw_all`."""
    assert tuple(draw_all(scope, long=False)) == DRAWINGS
    public = {
        name
        for name, function in inspect.getmembers(charts, inspect.isfunction)
        if function.__module__.startswith(f"{charts.__name__}.")
        and not name.startswith("_")
        and inspect.signature(function).return_annotation in ("Figure", Figure)
    }
    drawn = {name.split()[0] for name in DRAWINGS}
    assert public <= drawn, f"charts not drawn by the test: {sorted(public - drawn)}"


def test_a_long_empty_stretch_of_years_is_cut_and_marked() -> None:
    table = pd.DataFrame({"visits": [1, 2, 1, 3]}, index=[1947, 1950, 2015, 2020])
    fig = charts.stacked_bars(table, title="T", xlabel="Year", ylabel="Visits", source="S")
    texts = " ".join(t.get_text() for t in fig.findobj(plt.Text))
    assert len(fig.axes) == 2
    assert "axis cut: nothing in 1951–2014" in " ".join(texts.split())
    bars = [p for ax in fig.axes for p in ax.patches if p.get_height() > 0]
    assert len(bars) == 4, "every year of the table is drawn once"
    plt.close(fig)


def test_years_stand_where_they_fall_in_time() -> None:
    fig = charts.time_bars(
        [2003, 2006, 2008], [1, 2, 3], title="T", xlabel="", ylabel="", source="S"
    )
    centres = sorted(p.get_x() + p.get_width() / 2 for p in fig.axes[0].patches)
    assert centres[1] - centres[0] == pytest.approx(1.5 * (centres[2] - centres[1]))
    plt.close(fig)


def test_key_events_are_named(scope: Scope) -> None:
    events = scope.events
    chosen = list(events.index[:3])
    fig = timeline.timeline(
        events, list(scope.themes), title="T", source="S", key_events=[*chosen, "ev-unknown"]
    )
    texts = " ".join(" ".join(t.get_text().split()) for t in fig.findobj(plt.Text))
    for event_id in chosen:
        assert " ".join(events.at[event_id, "title"].split()) in texts
    plt.close(fig)


def test_the_timeline_marks_its_change_of_scale(scope: Scope) -> None:
    fig = timeline.timeline(scope.events, list(scope.themes), title="T", source="S")
    texts = " ".join(" ".join(t.get_text().split()) for t in fig.findobj(plt.Text))
    assert "the scale changes at 2010" in texts
    plt.close(fig)


def test_a_source_line_from_labels(scope: Scope) -> None:
    deal = scope.deals.index[0]
    line = figure_style.source_line_for(scope, [deal])
    expected = scope.source_labels_for([deal])
    assert all(label in line for label in expected)
    others = set(scope.sources["label"]) - set(expected)
    assert not any(label in line for label in others)
    fig = charts.value_bars(
        ["a"], [1.0], title="T", xlabel="", ylabel="", source=expected, annotations=["x"]
    )
    texts = " ".join(" ".join(t.get_text().split()) for t in fig.findobj(plt.Text))
    assert " ".join(line.split()) in texts
    plt.close(fig)
