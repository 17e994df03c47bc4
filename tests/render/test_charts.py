"""The charts stay legible however large the data: rows and columns beyond the limits are left
out of the drawing, the source line says so, and the source line names at most a dozen sources."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
import pytest

from helpers.render import charts, figure_style, limits


def figure_text(fig: plt.Figure) -> str:
    """Every text drawn on the figure, joined."""
    return " ".join(t.get_text() for t in fig.findobj(plt.Text))


def test_limit_table_keeps_small_tables_whole() -> None:
    table = pd.DataFrame({"a": [1, 2], "b": [3, 4]}, index=["x", "y"])
    kept, note = limits.limit_table(table, table.sum(axis=1), table.sum(axis=0))
    assert kept.equals(table)
    assert note == ""


def test_limit_table_keeps_the_largest_rows_in_their_order() -> None:
    rows = limits.MAX_ROWS_DRAWN + 5
    table = pd.DataFrame({"n": list(range(rows))}, index=[f"r{i}" for i in range(rows)])
    kept, note = limits.limit_table(table, table["n"])
    assert list(kept.index) == [f"r{i}" for i in range(5, rows)]
    assert note == (
        f" Drawn: the largest {limits.MAX_ROWS_DRAWN} of {rows} rows; the CSV holds them all."
    )


def test_limit_table_without_weights_keeps_the_first_rows_and_columns() -> None:
    rows, columns = limits.MAX_ROWS_DRAWN + 1, limits.MAX_COLUMNS_DRAWN + 2
    table = pd.DataFrame([[0] * columns] * rows)
    kept, note = limits.limit_table(table)
    assert kept.shape == (limits.MAX_ROWS_DRAWN, limits.MAX_COLUMNS_DRAWN)
    assert list(kept.columns) == list(range(limits.MAX_COLUMNS_DRAWN))
    assert f"the first {limits.MAX_COLUMNS_DRAWN} of {columns} columns" in note


def test_source_line_names_a_dozen_sources_and_counts_the_rest() -> None:
    labels = [f"Author{i} (2018)" for i in range(5000)]
    line = figure_style.source_line(labels)
    assert line.startswith("Sources: Author0 (2018), Author1 (2018)")
    assert f"Author{figure_style.SOURCE_LINE_MAX_NAMES - 1} (2018) and 4,988 more;" in line
    assert f"Author{figure_style.SOURCE_LINE_MAX_NAMES} (2018)" not in line
    assert figure_style.source_line(["A (2012)", "B (2021)"]).startswith(
        "Sources: A (2012) and B (2021);"
    )


@pytest.mark.parametrize("horizontal", [True, False])
def test_stacked_bars_draw_at_most_the_limit(horizontal: bool) -> None:
    rows = 500
    table = pd.DataFrame(
        {"Afghanistan": range(rows), "China": [1] * rows},
        index=[f"Source {i} (2018)" for i in range(rows)],
    )
    fig = charts.stacked_bars(
        table, title="T", xlabel="X", ylabel="Y", source="Source: S.", horizontal=horizontal
    )
    axis = fig.axes[0].yaxis if horizontal else fig.axes[0].xaxis
    labels = [tick.get_text() for tick in axis.get_ticklabels()]
    assert len(labels) == limits.MAX_ROWS_DRAWN
    assert labels[-1] == "Source 499 (2018)"
    assert "Drawn: the largest 40 of 500 rows" in figure_text(fig)
    plt.close(fig)


def test_stance_chart_keeps_the_voices_that_speak_most() -> None:
    claims = limits.MAX_ROWS_DRAWN + 10
    voices = {f"V{j}": [""] * claims for j in range(limits.MAX_COLUMNS_DRAWN + 4)}
    voices["V19"] = ["supports"] * claims
    matrix = pd.DataFrame(voices, index=[f"claim-{i}" for i in range(claims)])
    fig = charts.stance_chart(
        matrix, [f"Claim {i}" for i in range(claims)], title="T", source="Source: S."
    )
    ax = fig.axes[0]
    columns = [tick.get_text() for tick in ax.get_xticklabels()]
    assert len(columns) == limits.MAX_COLUMNS_DRAWN
    assert columns[-1] == "V19"
    assert len(ax.get_yticklabels()) == limits.MAX_ROWS_DRAWN
    assert "the first 40 of 50 rows and the largest 16 of 20 columns" in figure_text(fig)
    plt.close(fig)


def test_status_dots_keep_years_with_their_sources() -> None:
    sources = limits.MAX_COLUMNS_DRAWN + 1
    statuses = pd.DataFrame(
        [["agreed"] * (sources - 1) + ["stalled"], [""] * (sources - 1) + ["stalled"]],
        columns=[f"s{j}" for j in range(sources)],
    )
    years = [2000.0 + j for j in range(sources)]
    fig = charts.status_dots(statuses, years, ["P1", "P2"], title="T", source="Source: S.")
    shown_years = [tick.get_text() for tick in fig.axes[0].get_xticklabels()]
    assert "2016" in shown_years  # the source reporting on both projects is kept
    assert len(shown_years) == limits.MAX_COLUMNS_DRAWN
    plt.close(fig)


def test_stacked_bars_on_an_axis_of_time_draw_every_year() -> None:
    years = limits.MAX_ROWS_DRAWN + 20
    table = pd.DataFrame({"visits": [1] * years}, index=range(1950, 1950 + years))
    fig = charts.stacked_bars(
        table, title="T", xlabel="Year", ylabel="Steps", source="Source: S.", every_row=True
    )
    bars = sorted(p.get_x() + p.get_width() / 2 for p in fig.axes[0].patches)
    assert bars == pytest.approx(list(range(1950, 1950 + years)))
    assert "Drawn:" not in figure_text(fig)
    plt.close(fig)


def test_status_dots_choose_sources_among_the_rows_drawn() -> None:
    rows, sources = limits.MAX_ROWS_DRAWN + 2, limits.MAX_COLUMNS_DRAWN + 1
    cells = [[""] * sources for _ in range(rows)]
    for row in (-1, -2):  # two rows left out of the drawing fill every source but the last
        cells[row] = ["agreed"] * (sources - 1) + [""]
    cells[0][sources - 1] = "stalled"  # the last source reports on a drawn row
    statuses = pd.DataFrame(cells, columns=[f"s{j}" for j in range(sources)])
    years = [2000.0 + j for j in range(sources)]
    fig = charts.status_dots(
        statuses, years, [f"P{i}" for i in range(rows)], title="T", source="Source: S."
    )
    shown_years = [tick.get_text() for tick in fig.axes[0].get_xticklabels()]
    assert str(2000 + sources - 1) in shown_years
    plt.close(fig)
