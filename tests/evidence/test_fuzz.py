"""Property: whatever malformed tables the loader is given, it either loads valid data or raises
the project's own validation error (with located, printable problems), never anything else."""

from __future__ import annotations

import csv
import io

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from support.fuzzing import OUT_OF_RANGE
from support.small import Small

from helpers import evidence

FUZZ_EXAMPLES = 1000


CELL_TEXT = st.one_of(
    st.text(alphabet=st.sampled_from(list('abc019-;,"\n\r\t é’“”<>{}')), max_size=30),
    st.sampled_from(
        ["ev-x", "act-nobody", "2018-13", "day", "decade", "supports", "", "1e9", "NaN"]
    ),
    OUT_OF_RANGE,
)
KINDS = [
    "cell",
    "drop_column",
    "rename_column",
    "duplicate_row",
    "drop_rows",
    "swap",
    "bytes",
    "truncate",
]


def corrupt(text: str, draw: st.DrawFn) -> bytes:
    """``text`` (a CSV table) with one to three random corruptions."""
    rows = list(csv.reader(io.StringIO(text, newline="")))
    raw: bytes | None = None
    for _ in range(draw(st.integers(1, 3))):
        kind = draw(st.sampled_from(KINDS))
        if kind == "cell" and len(rows) > 1:
            r = draw(st.integers(1, len(rows) - 1))
            c = draw(st.integers(0, len(rows[r]) - 1))
            rows[r][c] = draw(CELL_TEXT)
        elif kind == "drop_column" and rows and rows[0]:
            c = draw(st.integers(0, len(rows[0]) - 1))
            rows = [row[:c] + row[c + 1 :] for row in rows]
        elif kind == "rename_column" and rows and rows[0]:
            c = draw(st.integers(0, len(rows[0]) - 1))
            rows[0][c] = draw(CELL_TEXT)
        elif kind == "duplicate_row" and len(rows) > 1:
            rows.append(list(rows[draw(st.integers(1, len(rows) - 1))]))
        elif kind == "drop_rows":
            rows = rows[: draw(st.integers(0, len(rows)))]
        elif kind == "swap" and len(rows) > 2:
            a, b = draw(st.integers(1, len(rows) - 1)), draw(st.integers(1, len(rows) - 1))
            c = draw(st.integers(0, len(rows[0]) - 1))
            if c < len(rows[a]) and c < len(rows[b]):
                rows[a][c], rows[b][c] = rows[b][c], rows[a][c]
        elif kind in ("bytes", "truncate"):
            out = io.StringIO()
            csv.writer(out, lineterminator="\n").writerows(rows)
            encoded = out.getvalue().encode("utf-8")
            at = draw(st.integers(0, len(encoded)))
            if kind == "bytes":
                raw = encoded[:at] + draw(st.binary(min_size=1, max_size=4)) + encoded[at:]
            else:
                raw = encoded[:at]
    if raw is None:
        out = io.StringIO()
        csv.writer(out, lineterminator="\n").writerows(rows)
        raw = out.getvalue().encode("utf-8")
    return raw


@settings(
    max_examples=FUZZ_EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    database=None,
)
@given(st.data())
def test_loader_returns_valid_data_or_raises_its_own_error(
    small: Small, payload: st.DataObject
) -> None:
    folder, texts = small.folder, small.texts
    name = payload.draw(st.sampled_from(sorted(texts)), label="table")
    raw = corrupt(texts[name], payload.draw)
    path = folder / name
    try:
        path.write_bytes(raw)
        try:
            loaded = evidence.load(folder)
        except evidence.DataError as error:
            event("refused")
            assert error.problems
            for problem in error.problems:
                line = str(problem)
                assert line.startswith(str(problem.file)) and "\n" not in line.rstrip("\n")
        else:
            event("accepted")
            assert isinstance(loaded, evidence.Dataset)
            assert evidence.validate(folder) == []
    finally:
        path.write_text(texts[name], encoding="utf-8")
