"""Bad data: every class of malformed input gives one clear, located line, all at once.

Each test breaks a copy of ``data/`` and ``seeds/`` in a temporary folder and asserts the exact
message; the real data must be untouched.
"""

from __future__ import annotations

import csv
import hashlib
import io
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from helpers import evidence

ROOT = Path(__file__).resolve().parents[2]


def _digest(folder: Path) -> str:
    h = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            h.update(path.relative_to(folder).as_posix().encode())
            h.update(path.read_bytes())
    return h.hexdigest()


@pytest.fixture(autouse=True)
def real_data_untouched() -> Iterator[None]:
    before = _digest(ROOT / "data"), _digest(ROOT / "seeds")
    yield
    assert (_digest(ROOT / "data"), _digest(ROOT / "seeds")) == before


@pytest.fixture
def copy(data_copy: Path) -> Path:
    """The data folder of a copy of data/ and seeds/."""
    return data_copy


def edit(folder: Path, name: str, change: Callable[[str], str]) -> None:
    path = folder / name
    text = path.read_text(encoding="utf-8")
    changed = change(text)
    assert changed != text, "the edit must change the file"
    path.write_text(changed, encoding="utf-8")


def set_cell(folder: Path, name: str, row_id: str, column: str, value: str) -> int:
    """Set one cell of the row whose first column is ``row_id``; returns its line number."""
    path = folder / name
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))
    header = rows[0]
    for index, row in enumerate(rows):
        if row[0] == row_id:
            row[header.index(column)] = value
            out = io.StringIO()
            csv.writer(out, lineterminator="\n").writerows(rows)
            path.write_text(out.getvalue(), encoding="utf-8")
            return index + 1
    raise KeyError(row_id)


def problems(folder: Path) -> list[str]:
    found = [str(p).replace(str(folder.parent) + "/", "") for p in evidence.validate(folder)]
    with pytest.raises(evidence.DataError) as raised:
        evidence.load(folder)
    assert len(raised.value.problems) == len(found)
    return found


def test_missing_column(copy: Path) -> None:
    edit(
        copy,
        "events.csv",
        lambda t: t.replace("event_id,date,date_precision,", "event_id,date_precision,", 1).replace(
            "\n", "\n", 1
        ),
    )
    # the rows still have the old number of fields, but the header problem is reported alone
    assert problems(copy) == ["data/events.csv:1: date: column is missing from the header"]


def test_misspelled_extra_column(copy: Path) -> None:
    edit(copy, "deals.csv", lambda t: t.replace("deal_id,name,", "deal_id,nmae,", 1))
    assert problems(copy) == [
        "data/deals.csv:1: nmae: is not a column of deals.csv; did you mean 'name'?",
        "data/deals.csv:1: name: column is missing from the header",
    ]


def test_bad_date(copy: Path) -> None:
    line = set_cell(copy, "events.csv", "ev-2003-musharraf-moscow", "date", "2018-13")
    assert problems(copy) == [
        f"data/events.csv:{line}: date: '2018-13' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)"
    ]


def test_lines_count_line_breaks_inside_quoted_cells(copy: Path) -> None:
    """A cell that spans two lines moves every later row one line down; messages follow."""
    first = set_cell(copy, "events.csv", "ev-2003-musharraf-moscow", "date", "2018-13")
    rows = list(csv.reader(io.StringIO((copy / "events.csv").read_text(encoding="utf-8"))))
    header = rows[0]
    earlier = rows[first - 2]  # the row above the broken one, with a line break in a cell
    column = header.index("date_note")
    earlier[column] = (earlier[column] or "note") + "\nsecond line"
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    (copy / "events.csv").write_text(out.getvalue(), encoding="utf-8")
    assert problems(copy) == [
        f"data/events.csv:{first + 1}: date: '2018-13' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)"
    ]


def test_impossible_date(copy: Path) -> None:
    line = set_cell(copy, "events.csv", "ev-1989-soviet-withdrawal", "date", "1989-02-30")
    assert problems(copy) == [
        f"data/events.csv:{line}: date: '1989-02-30' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)"
    ]


def test_date_and_precision_disagree(copy: Path) -> None:
    line = set_cell(copy, "events.csv", "ev-2003-musharraf-moscow", "date_precision", "day")
    assert problems(copy) == [
        f"data/events.csv:{line}: date_precision: 'day' does not match the date '2003-02', "
        "which is given to the month"
    ]


def test_value_of_the_wrong_type(copy: Path) -> None:
    line = set_cell(copy, "figures.csv", "fig-trade-2006", "value", "441 million")
    assert problems(copy) == [f"data/figures.csv:{line}: value: '441 million' is not a number"]


def test_unknown_id(copy: Path) -> None:
    line = set_cell(copy, "deals.csv", "deal-su-35", "parties", "act-pakistan;act-nobody")
    assert problems(copy) == [
        f"data/deals.csv:{line}: parties: 'act-nobody' is not an id in actors"
    ]


def test_duplicate_id(copy: Path) -> None:
    original = next(
        i
        for i, r in enumerate(csv.reader((copy / "claims.csv").open(encoding="utf-8")), 1)
        if r[0] == "claim-trade-low"
    )
    renamed = set_cell(copy, "claims.csv", "claim-no-trust", "claim_id", "claim-trade-low")
    first, second = sorted((original, renamed))
    found = problems(copy)
    assert found[0] == (
        f"data/claims.csv:{second}: claim_id: 'claim-trade-low' is a duplicate id "
        f"(first used at line {first})"
    )
    # the evidence of the claim that lost its id now points nowhere: reported too
    assert len(found) == 5
    assert all("'claim-no-trust' is not an id in" in p for p in found[1:])


def test_quote_not_in_its_seed(copy: Path) -> None:
    line = set_cell(
        copy,
        "evidence.csv",
        "evi-pf-001",
        "quote",
        "Lavrov welcomes the Pakistani Foreign Secretary",
    )
    assert problems(copy) == [
        f"data/evidence.csv:{line}: quote: 'Lavrov welcomes the Pakistani Foreign Secretary' "
        "is not found in the seed of src-pf-2018"
    ]


def test_unknown_vocabulary_value(copy: Path) -> None:
    line = set_cell(copy, "events.csv", "ev-2007-fradkov-visit", "themes", "diplomacy;diplomcy")
    message = problems(copy)
    assert message == [
        f"data/events.csv:{line}: themes: 'diplomacy;diplomcy' is not one of: "
        "diplomacy, defence, energy, economy, counterterrorism, afghanistan, china, india, "
        "united_states, middle_east, multilateral, cold_war, sanctions"
    ]


def test_wrong_stance_for_a_fact(copy: Path) -> None:
    line = set_cell(copy, "evidence.csv", "evi-pf-001", "stance", "supports")
    assert problems(copy) == [
        f"data/evidence.csv:{line}: stance: 'supports' is not a stance for events (use reports)"
    ]


def test_fact_without_evidence(copy: Path) -> None:
    path = copy / "evidence.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    kept = [ln for ln in lines if ",ev-2007-fradkov-visit," not in ln]
    assert len(kept) == len(lines) - 1
    path.write_text("".join(kept), encoding="utf-8")
    line = next(
        i
        for i, r in enumerate(csv.reader((copy / "events.csv").open(encoding="utf-8")), 1)
        if r[0] == "ev-2007-fradkov-visit"
    )
    assert problems(copy) == [
        f"data/events.csv:{line}: event_id: 'ev-2007-fradkov-visit' "
        "has no evidence row in evidence.csv"
    ]


def test_empty_table(copy: Path) -> None:
    (copy / "citations.csv").write_bytes(b"")
    assert problems(copy) == ["data/citations.csv: is empty: expected a header row and data rows"]


def test_header_only(copy: Path) -> None:
    path = copy / "citations.csv"
    path.write_text(path.read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")
    assert problems(copy) == ["data/citations.csv: has a header but no rows"]


def test_non_utf8_bytes(copy: Path) -> None:
    path = copy / "actors.csv"
    raw = path.read_bytes()
    path.write_bytes(raw.replace(b"Pakistan", b"Pakist\xe1n", 1))
    assert problems(copy) == ["data/actors.csv:2: is not UTF-8 text: byte 0xe1 cannot be decoded"]


def test_stray_quote_character(copy: Path) -> None:
    edit(
        copy,
        "figures.csv",
        lambda t: t.replace(
            "fig-trade-2006,trade_turnover,441000000", 'fig-trade-2006,trade_turnover,"441000000', 1
        ),
    )
    line = next(
        i
        for i, r in enumerate((copy / "figures.csv").read_text().splitlines(), 1)
        if r.startswith("fig-trade-2006")
    )
    assert problems(copy) == [
        f"data/figures.csv:{line}: is not well-formed CSV (',' expected after '\"'): "
        "check the quoting of the row starting here"
    ]


def test_row_with_too_many_fields(copy: Path) -> None:
    edit(
        copy, "claims.csv", lambda t: t.replace(",interpretation,\n", ",interpretation,,extra\n", 1)
    )
    found = problems(copy)
    assert found[0] == "data/claims.csv:2: has 6 fields but the header has 5"
    assert all("claim-russia-self-serving" in p for p in found[1:])


def test_span_on_a_figure_that_is_not_a_duration(copy: Path) -> None:
    line = set_cell(copy, "figures.csv", "fig-trade-2006", "span_from", "ev-2007-fradkov-visit")
    assert problems(copy) == [
        f"data/figures.csv:{line}: span_from: is given but metric 'trade_turnover' "
        "is not a duration or an interval"
    ]


def test_span_to_without_span_from(copy: Path) -> None:
    line = set_cell(copy, "figures.csv", "fig-us-moratorium", "span_to", "ev-2007-fradkov-visit")
    assert problems(copy) == [f"data/figures.csv:{line}: span_from: is empty but span_to is given"]


def test_horizon_on_a_claim_that_is_not_a_prediction(copy: Path) -> None:
    line = set_cell(copy, "claims.csv", "claim-trade-low", "horizon", "2012-09")
    assert problems(copy) == [
        f"data/claims.csv:{line}: horizon: '2012-09' is given but kind is 'interpretation', "
        "not 'prediction'"
    ]


def test_reported_precision_that_does_not_fit_its_date(copy: Path) -> None:
    line = set_cell(copy, "evidence.csv", "evi-pf-001", "reported_precision", "decade")
    assert problems(copy) == [
        f"data/evidence.csv:{line}: reported_date: '2018-02-20' is not the first year of a "
        "decade (e.g. 1980)"
    ]
    set_cell(copy, "evidence.csv", "evi-pf-001", "reported_precision", "month")
    assert problems(copy) == [
        f"data/evidence.csv:{line}: reported_precision: 'month' does not match the date "
        "'2018-02-20', which is given to the day"
    ]


def test_photo_credit_is_no_origin_of_text(copy: Path) -> None:
    line = set_cell(copy, "evidence.csv", "evi-pf-001", "origins", "cit-pf-afp-photo")
    assert problems(copy) == [
        f"data/evidence.csv:{line}: origins: 'cit-pf-afp-photo' is a citation of kind "
        "'photo_credit', which credits no text"
    ]
    set_cell(copy, "evidence.csv", "evi-pf-001", "origins", "cit-fdi-reuters")
    assert problems(copy) == [
        f"data/evidence.csv:{line}: origins: 'cit-fdi-reuters' is a citation of src-fdi-2012, "
        "not of src-pf-2018"
    ]


def test_date_qualifier_on_an_undated_event(copy: Path) -> None:
    line = set_cell(copy, "events.csv", "ev-russia-syria-assad", "date_qualifier", "by")
    assert problems(copy) == [
        f"data/events.csv:{line}: date_qualifier: 'by' is given but the event is undated"
    ]


def test_missing_table_file(copy: Path) -> None:
    (copy / "figures.csv").unlink()
    assert problems(copy) == ["data/figures.csv: file is missing: the figures table"]


def test_seed_changed_after_curation(copy: Path) -> None:
    seed = copy.parent / "seeds" / "002_9cf258c23406875e.txt"
    seed.write_bytes(seed.read_bytes() + b"\n")
    found = problems(copy)
    assert len(found) == 1
    assert found[0].startswith("data/sources.csv:5: sha256: 583825c60ae5… does not match")
    assert found[0].endswith("the seed has changed")


def test_every_problem_is_reported_at_once(copy: Path) -> None:
    set_cell(copy, "events.csv", "ev-2003-musharraf-moscow", "date", "2018-13")
    set_cell(copy, "deals.csv", "deal-su-35", "parties", "act-nobody")
    set_cell(copy, "figures.csv", "fig-trade-2006", "value", "x")
    (copy / "citations.csv").write_bytes(b"")
    found = problems(copy)
    assert len(found) == 4
    assert [p.split(":")[0] for p in found] == [
        "data/events.csv",
        "data/deals.csv",
        "data/figures.csv",
        "data/citations.csv",
    ]


def test_validate_command_prints_one_line_per_problem_and_exits_1(copy: Path) -> None:
    set_cell(copy, "events.csv", "ev-2003-musharraf-moscow", "date", "2018-13")
    (copy / "citations.csv").write_bytes(b"")
    result = subprocess.run(
        [sys.executable, "-m", "helpers", "validate", "--data-dir", "data"],
        cwd=copy.parent,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    output = result.stdout + result.stderr
    assert "data/events.csv:" in output and "'2018-13' is not a date" in output
    assert "data/citations.csv: is empty" in output
