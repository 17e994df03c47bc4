"""Properties of the rules on values and inputs, each fuzzed on a small valid dataset:

- ranges: a value the loader accepts lies in the range its column declares;
- seed paths: whatever path a source gives, nothing outside ``seeds/`` is opened, and a seed is
  accepted only from inside it;
- sizes: a table or a seed is refused, with its one line, exactly when it is over its limit;
- encodings: a seed that is not UTF-8 is refused with the offset of its first bad byte.

Whatever happens, only the validator's own error escapes, with located, printable lines.
"""

from __future__ import annotations

import builtins
import csv
import datetime
import hashlib
import io
import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import event, given
from hypothesis import strategies as st
from support.fuzzing import OUT_OF_RANGE, fuzzing
from support.small import Small

from helpers import evidence
from helpers.evidence import inputs, schema
from helpers.evidence.bounds import BookYears
from helpers.evidence.columns import Column

RANGED = [
    (table.name, column)
    for table in schema.TABLES
    for column in table.columns
    if column.range or column.range_by or column.choices_by or column.years
]
OUTSIDE_SENTINEL = "SENTINEL: outside seeds/, never to be read"


def rows_of(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline="")))


def write_rows(path: Path, rows: list[list[str]]) -> None:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")


def outcome(folder: Path) -> list[str] | None:
    """None when the data loads; else its problem lines, each checked to be one located line."""
    try:
        evidence.load(folder)
    except evidence.DataError as error:
        lines = [str(p) for p in error.problems]
        assert lines and all(
            "\n" not in line and line.startswith(p.file)
            for line, p in zip(lines, error.problems, strict=True)
        )
        event("refused")
        return [line.replace(str(folder.parent) + "/", "") for line in lines]
    event("accepted")
    return None


@pytest.fixture
def restore(small: Small) -> Iterator[Callable[[], None]]:
    """Puts the small dataset's tables and seed back as they were."""
    seed = small.folder.parent / small.seed_file
    original = seed.read_bytes()

    def put_back() -> None:
        for name, text in small.texts.items():
            (small.folder / name).write_text(text, encoding="utf-8")
        seed.write_bytes(original)

    yield put_back
    put_back()


# ----------------------------------------------------------------------------------------------
# Ranges
# ----------------------------------------------------------------------------------------------


def in_declared_range(column: Column, value: str, row: dict[str, str], latest: int) -> bool:
    """The oracle: whether ``value`` is within what ``column`` declares (the book's years of
    the small dataset run from 1900 to its one source's year, ``latest``)."""
    if column.range is not None:
        return float(value) in column.range
    if column.range_by and column.ranges is not None:
        return float(value) in column.ranges[row[column.range_by]]
    if column.choices_by and column.choices is not None:
        return value in column.choices[row[column.choices_by]]
    years = BookYears(latest, 0, datetime.datetime.now(datetime.UTC).year)
    first, last, _ = years.bounds(column.years or "book")
    return first <= int(value.split("-")[0]) <= last


@fuzzing(300)
@given(st.data())
def test_an_accepted_value_lies_in_its_declared_range(
    small: Small, restore: Callable[[], None], payload: st.DataObject
) -> None:
    name, column = payload.draw(st.sampled_from(RANGED), label="column")
    rows = rows_of(small.texts[f"{name}.csv"])
    at = rows[0].index(column.name)
    index = payload.draw(st.integers(1, len(rows) - 1), label="row")
    in_range = st.integers(0, 2018).map(str) | st.sampled_from(sorted(column.choices or {"x"}))
    value = payload.draw(OUT_OF_RANGE | in_range, label="value")
    rows[index][at] = value
    try:
        write_rows(small.folder / f"{name}.csv", rows)
        if outcome(small.folder) is None:
            row = dict(zip(rows[0], rows[index], strict=True))
            assert in_declared_range(column, value, row, int(small.source("published")[:4]))
    finally:
        restore()


# ----------------------------------------------------------------------------------------------
# Seed paths
# ----------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def traps(small: Small) -> Path:
    """Beside the small dataset: a folder outside seeds/ with a sentinel, and in seeds/ links
    that lead out, a loop of links, a link inside and a folder. Returns the outside folder."""
    root = small.folder.parent
    outside = root / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text(OUTSIDE_SENTINEL, encoding="utf-8")
    seeds = root / "seeds"
    (seeds / "link-out.txt").symlink_to(outside / "secret.txt")
    (seeds / "dir-out").symlink_to(outside, target_is_directory=True)
    (seeds / "loop-a").symlink_to("loop-b")
    (seeds / "loop-b").symlink_to("loop-a")
    (seeds / "link-in.txt").symlink_to(Path(small.seed_file).name)
    (seeds / "sub").mkdir()
    return outside


PATH_PARTS = st.sampled_from(
    ["seeds", "..", ".", "", "outside", "secret.txt", "link-out.txt", "dir-out", "loop-a",
     "link-in.txt", "sub", "data", "sources.csv", "\x00", "a\\b", "~", "é", "x" * 300]
)  # fmt: skip


def seed_paths(small: Small, outside: Path) -> st.SearchStrategy[str]:
    real = Path(small.seed_file).name
    return st.one_of(
        st.lists(PATH_PARTS | st.just(real), min_size=1, max_size=5).map("/".join),
        st.lists(PATH_PARTS, min_size=1, max_size=4).map(lambda p: "/" + "/".join(p)),
        st.sampled_from(
            [
                small.seed_file,
                f"seeds/./{real}",
                f"seeds//{real}",
                f"./seeds/{real}",
                f"seeds/sub/../{real}",
                str(outside / "secret.txt"),
                "seeds/link-in.txt",
            ]
        ),
    )


class Opened:
    """Records every path opened through ``os.open``, ``open`` and ``io.open`` while active."""

    def __init__(self) -> None:
        self.paths: list[str] = []

    def __enter__(self) -> Opened:
        self.saved = os.open, builtins.open, io.open
        real_os_open, real_open = os.open, builtins.open

        def spy_os_open(path, *args, **kwargs):  # type: ignore[no-untyped-def]
            self.paths.append(os.fsdecode(path))
            return real_os_open(path, *args, **kwargs)

        def spy_open(file, *args, **kwargs):  # type: ignore[no-untyped-def]
            if isinstance(file, str | bytes | os.PathLike):
                self.paths.append(os.fsdecode(file))
            return real_open(file, *args, **kwargs)

        os.open, builtins.open, io.open = spy_os_open, spy_open, spy_open
        return self

    def __exit__(self, *exc: object) -> None:
        os.open, builtins.open, io.open = self.saved

    def inside(self, folder: Path) -> list[str]:
        """The paths opened that lie in ``folder`` (once symbolic links are followed)."""
        return [p for p in self.paths if Path(os.path.realpath(p)).is_relative_to(folder)]


@fuzzing(200)
@given(st.data())
def test_nothing_outside_seeds_is_opened(
    small: Small, traps: Path, restore: Callable[[], None], payload: st.DataObject
) -> None:
    rows = rows_of(small.texts["sources.csv"])
    value = payload.draw(seed_paths(small, traps), label="seed_file")
    rows[1][rows[0].index("seed_file")] = value
    try:
        write_rows(small.folder / "sources.csv", rows)
        with Opened() as opened:
            lines = outcome(small.folder)
        assert opened.inside(traps.resolve()) == []
        if lines is None:
            real = (small.folder.parent / small.seed_file).resolve()
            assert (small.folder.parent / value).resolve() == real
        else:
            assert any(line.startswith("data/sources.csv:2: seed_file: ") for line in lines)
    finally:
        restore()


# ----------------------------------------------------------------------------------------------
# Sizes and encodings
# ----------------------------------------------------------------------------------------------


@fuzzing(100)
@given(st.data())
def test_a_file_is_refused_exactly_when_over_its_limit(
    small: Small, restore: Callable[[], None], payload: st.DataObject
) -> None:
    target = payload.draw(st.sampled_from([*sorted(small.texts), "seed"]), label="file")
    path = small.folder.parent / small.seed_file if target == "seed" else small.folder / target
    size = path.stat().st_size
    limit = payload.draw(st.integers(0, 2 * size), label="limit")
    name = "MAX_SEED_BYTES" if target == "seed" else "MAX_TABLE_BYTES"
    saved = getattr(inputs, name)
    setattr(inputs, name, limit)
    try:
        lines = outcome(small.folder)
    finally:
        setattr(inputs, name, saved)
        restore()
    if target == "seed":
        over = inputs.over_limit(size, limit)
        seed_line = f"data/sources.csv:2: seed_file: '{small.seed_file}' {over} for a seed"
        assert lines == ([seed_line] if size > limit else None)
    else:  # the limit holds for every table
        sizes = {t.file_name: (small.folder / t.file_name).stat().st_size for t in schema.TABLES}
        expected = [
            f"data/{name}: {inputs.over_limit(bytes_, limit)} for a data table"
            for name, bytes_ in sizes.items()
            if bytes_ > limit
        ]
        assert lines == (expected or None)


@fuzzing(200)
@given(st.data())
def test_a_seed_that_is_not_utf8_is_refused_at_its_first_bad_byte(
    small: Small, restore: Callable[[], None], payload: st.DataObject
) -> None:
    seed = small.folder.parent / small.seed_file
    raw = seed.read_bytes()
    at = payload.draw(st.integers(0, len(raw)), label="offset")
    inserted = payload.draw(st.binary(min_size=1, max_size=4), label="bytes")
    changed = raw[:at] + inserted + raw[at:]
    rows = rows_of(small.texts["sources.csv"])
    rows[1][rows[0].index("sha256")] = hashlib.sha256(changed).hexdigest()
    try:
        seed.write_bytes(changed)
        write_rows(small.folder / "sources.csv", rows)
        lines = outcome(small.folder) or []
    finally:
        restore()
    encoding = [line for line in lines if "UTF-8" in line]
    try:
        changed.decode("utf-8")
    except UnicodeDecodeError as error:
        byte = changed[error.start : error.start + 1].hex()
        assert encoding == [
            f"data/sources.csv:2: seed_file: '{small.seed_file}' is not UTF-8 text: byte 0x{byte} "
            f"at offset {error.start} cannot be decoded"
        ]
        assert lines == encoding, "a seed that cannot be read is not matched against its quotes"
    else:
        assert encoding == []
        assert all(": quote: " in line for line in lines)
