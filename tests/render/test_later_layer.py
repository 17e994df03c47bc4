"""The later record in the charts: the time line draws it, when asked, as a layer of its own
(a last row, hollow marks, an axis that reaches its years) and is unchanged otherwise; the
threads chart draws one lane per thread with its verdict."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.collections import PathCollection

from helpers.render import threads, timeline


def events_frame(rows: list[tuple[str, str, str, tuple[str, ...]]]) -> pd.DataFrame:
    """Events as the time line takes them: date, precision, themes (start/end/years added)."""
    frame = pd.DataFrame(rows, columns=["date", "date_precision", "title", "themes"])
    frame["start"] = pd.to_datetime(frame["date"], format="ISO8601")
    ends = [
        s + (pd.offsets.YearEnd(0) if p == "year" else pd.offsets.Day(0))
        for s, p in zip(frame["start"], frame["date_precision"], strict=True)
    ]
    frame["end"] = pd.to_datetime(ends)
    frame["year"] = frame["start"].dt.year
    frame["end_year"] = frame["end"].dt.year
    return frame


EVENTS = events_frame(
    [
        ("2003-02-01", "day", "Musharraf in Moscow", ("diplomacy",)),
        ("2016-09-24", "day", "Exercise", ("defence",)),
        ("2018-04-24", "day", "Visit", ("diplomacy",)),
        ("2021-04-07", "day", "Lavrov", ("diplomacy",)),
    ]
)
LATER = events_frame(
    [
        ("2022-02-24", "day", "Khan in Moscow", ()),
        ("2023", "year", "Crude oil", ("energy",)),
        ("2025-07-11", "day", "Steel mills", ()),
    ]
)


def ytick_labels(fig: plt.Figure) -> list[str]:
    return [t.get_text() for t in fig.axes[0].get_yticklabels()]


def test_the_time_line_without_a_later_layer_is_unchanged() -> None:
    fig = timeline.timeline(EVENTS, ["defence", "diplomacy"], title="T", source="S")
    assert ytick_labels(fig) == ["defence", "diplomacy"]
    assert fig.axes[-1].get_xlim()[1] < 2022.6
    legend = [t.get_text() for t in fig.legends[0].get_texts()]
    assert "later record" not in legend
    same = timeline.timeline(EVENTS, ["defence", "diplomacy"], title="T", source="S", later=None)
    assert ytick_labels(same) == ytick_labels(fig)
    plt.close("all")


def test_the_later_layer_is_a_last_row_in_hollow_marks_reaching_its_years() -> None:
    fig = timeline.timeline(EVENTS, ["defence", "diplomacy"], title="T", source="S", later=LATER)
    assert ytick_labels(fig) == ["defence", "diplomacy", timeline.LATER_LABEL]
    assert fig.axes[-1].get_xlim()[1] >= 2025.5
    hollow = [
        c
        for ax in fig.axes
        for c in ax.collections
        if isinstance(c, PathCollection) and (c.get_facecolor()[:, :3] == 1).all()
    ]
    assert sum(len(c.get_offsets()) for c in hollow) == len(LATER)
    assert all(c.get_offsets()[0][1] == 2 for c in hollow)  # on the last row
    legend = [t.get_text() for t in fig.legends[0].get_texts()]
    assert legend[-1] == "later record"
    plt.close("all")


def test_an_empty_later_layer_draws_nothing_more() -> None:
    fig = timeline.timeline(
        EVENTS, ["defence", "diplomacy"], title="T", source="S", later=LATER.iloc[0:0]
    )
    assert ytick_labels(fig) == ["defence", "diplomacy"]
    plt.close("all")


def test_the_threads_chart_draws_a_lane_per_thread_and_its_verdicts() -> None:
    fig = threads.thread_lanes(
        ["Putin's visit", "The pipeline"],
        [[2012.2], [2018.5, 2021.3]],
        [[2012.7, 2021.5], []],
        ["not_fulfilled", "too_early"],
        verdict_colours={"not_fulfilled": "#e76f51", "too_early": "#9e9e9e"},
        verdict_words={"fulfilled": "fulfilled", "not_fulfilled": "not fulfilled",
                       "too_early": "too early or unclear"},
        title="Threads",
        xlabel="Year",
        ylabel="Thread",
        source="Source: a test.",
    )  # fmt: skip
    assert ytick_labels(fig) == ["Putin's visit", "The pipeline"]
    legend = [t.get_text() for t in fig.legends[0].get_texts()]
    # only the verdicts drawn are named, in the vocabulary's order
    assert legend == ["an article", "later record", "not fulfilled", "too early or unclear"]
    assert fig.axes[0].get_xlim()[0] < 2012.2
    plt.close("all")


def test_the_threads_chart_with_no_dates_still_draws() -> None:
    fig = threads.thread_lanes(
        ["Unchecked"],
        [[]],
        [[]],
        [""],
        verdict_colours={},
        verdict_words={"fulfilled": "fulfilled"},
        title="Threads",
        xlabel="Year",
        ylabel="Thread",
        source="Source: a test.",
    )
    assert ytick_labels(fig) == ["Unchecked"]
    plt.close("all")
