"""Hostile inputs: seed paths that lead out of ``seeds/``, files over their size limit, seeds
that are not UTF-8. Each is refused with one exact line, and nothing outside ``data/`` and
``seeds/`` is ever opened; the real data is untouched."""

from __future__ import annotations

import builtins
import hashlib
import io
import os
import tracemalloc
from collections.abc import Iterator
from pathlib import Path

import pytest
from support.data_edits import problems, real_data_digest, set_cell

from helpers.evidence import inputs

SOURCE = "src-aq-2018"
SEED = "seeds/001_60b3c2f42f5da098.txt"
VALID = "valid: a path inside seeds/, such as 'seeds/<file>'"
SENTINEL = "SENTINEL: this file lies outside seeds/ and must never be read"


@pytest.fixture(autouse=True)
def real_data_untouched() -> Iterator[None]:
    before = real_data_digest()
    yield
    assert real_data_digest() == before


@pytest.fixture
def outside(data_copy: Path) -> Path:
    """A folder beside the copy's project (outside its seeds/) with a sentinel file."""
    folder = data_copy.parent / "outside"
    folder.mkdir()
    (folder / "secret.txt").write_text(SENTINEL, encoding="utf-8")
    return folder


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Every path opened while the test runs (through ``os.open``, ``open`` or ``io.open``)."""
    seen: list[Path] = []
    real_os_open, real_open = os.open, builtins.open

    def spy_os_open(path, *args, **kwargs):  # type: ignore[no-untyped-def]
        seen.append(Path(os.fsdecode(path)).resolve())
        return real_os_open(path, *args, **kwargs)

    def spy_open(file, *args, **kwargs):  # type: ignore[no-untyped-def]
        if isinstance(file, str | bytes | os.PathLike):
            seen.append(Path(os.fsdecode(file)).resolve())
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(os, "open", spy_os_open)
    monkeypatch.setattr(builtins, "open", spy_open)
    monkeypatch.setattr(io, "open", spy_open)
    return seen


def never_read(opened: list[Path], outside: Path) -> bool:
    return opened and not any(p.is_relative_to(outside.resolve()) for p in opened)


# ----------------------------------------------------------------------------------------------
# Seed paths
# ----------------------------------------------------------------------------------------------


def test_a_seed_path_that_climbs_out_is_refused(
    data_copy: Path, outside: Path, opened: list[Path]
) -> None:
    line = set_cell(data_copy, "sources.csv", SOURCE, "seed_file", "seeds/../../outside/secret.txt")
    assert problems(data_copy) == [
        f"data/sources.csv:{line}: seed_file: 'seeds/../../outside/secret.txt' climbs out of "
        f"its folder with '..'; {VALID}"
    ]
    assert never_read(opened, outside)


def test_an_absolute_seed_path_is_refused(
    data_copy: Path, outside: Path, opened: list[Path]
) -> None:
    target = str(outside / "secret.txt")
    line = set_cell(data_copy, "sources.csv", SOURCE, "seed_file", target)
    shown = target.replace(str(data_copy.parent) + "/", "")  # as problems() shows paths
    assert problems(data_copy) == [
        f"data/sources.csv:{line}: seed_file: '{shown}' is an absolute path; {VALID}"
    ]
    assert never_read(opened, outside)


def test_a_seed_path_outside_seeds_is_refused(data_copy: Path, opened: list[Path]) -> None:
    line = set_cell(data_copy, "sources.csv", SOURCE, "seed_file", "data/actors.csv")
    assert problems(data_copy) == [
        f"data/sources.csv:{line}: seed_file: 'data/actors.csv' is not inside seeds/; {VALID}"
    ]


def test_a_symbolic_link_that_leads_out_of_seeds_is_refused(
    data_copy: Path, outside: Path, opened: list[Path]
) -> None:
    seeds = data_copy.parent / "seeds"
    (seeds / "link.txt").symlink_to(outside / "secret.txt")
    (seeds / "folder").symlink_to(outside, target_is_directory=True)
    line = set_cell(data_copy, "sources.csv", SOURCE, "seed_file", "seeds/link.txt")
    assert problems(data_copy) == [
        f"data/sources.csv:{line}: seed_file: 'seeds/link.txt' is a symbolic link that leads "
        f"outside seeds/; {VALID}"
    ]
    set_cell(data_copy, "sources.csv", SOURCE, "seed_file", "seeds/folder/secret.txt")
    assert problems(data_copy) == [
        f"data/sources.csv:{line}: seed_file: 'seeds/folder/secret.txt' is a symbolic link that "
        f"leads outside seeds/; {VALID}"
    ]
    assert never_read(opened, outside)


def test_a_symbolic_link_inside_seeds_is_followed(data_copy: Path) -> None:
    seeds = data_copy.parent / "seeds"
    (seeds / "same.txt").symlink_to(Path(SEED).name)
    set_cell(data_copy, "sources.csv", SOURCE, "seed_file", "seeds/same.txt")
    from helpers import evidence

    assert evidence.validate(data_copy) == []


def test_a_seed_path_that_is_not_a_file_is_refused(data_copy: Path) -> None:
    (data_copy.parent / "seeds" / "a-folder").mkdir()
    line = set_cell(data_copy, "sources.csv", SOURCE, "seed_file", "seeds/a-folder")
    assert problems(data_copy) == [
        f"data/sources.csv:{line}: seed_file: 'seeds/a-folder' is not a regular file"
    ]
    set_cell(data_copy, "sources.csv", SOURCE, "seed_file", "seeds/\x00x.txt")
    assert problems(data_copy) == [
        f"data/sources.csv:{line}: seed_file: 'seeds/\\x00x.txt' is not a plain path; {VALID}"
    ]


# ----------------------------------------------------------------------------------------------
# Sizes and encodings
# ----------------------------------------------------------------------------------------------


def sparse(path: Path, size: int) -> None:
    """Make ``path`` a file of ``size`` bytes that takes no room on disk."""
    with path.open("r+b" if path.exists() else "wb") as handle:
        handle.truncate(size)


def test_a_data_table_over_its_limit_is_refused_unread(data_copy: Path) -> None:
    assert inputs.MAX_TABLE_BYTES == 256 * 2**20
    sparse(data_copy / "events.csv", inputs.MAX_TABLE_BYTES + 2**20)
    tracemalloc.start()
    try:
        found = problems(data_copy)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert found == ["data/events.csv: is 257 MiB, over the limit of 256 MiB for a data table"]
    assert peak < 64 * 2**20, "the table was read"


def test_a_seed_over_its_limit_is_refused_unread(data_copy: Path) -> None:
    assert inputs.MAX_SEED_BYTES == 2**20
    sparse(data_copy.parent / SEED, 64 * 2**20)
    tracemalloc.start()
    try:
        found = problems(data_copy)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    line = 4
    assert found == [
        f"data/sources.csv:{line}: seed_file: '{SEED}' is 64 MiB, over the limit of 1 MiB "
        "for a seed"
    ]
    assert peak < 32 * 2**20, "the seed was read"


def test_a_seed_that_is_not_utf8_is_refused_with_its_byte_offset(data_copy: Path) -> None:
    seed = data_copy.parent / SEED
    raw = seed.read_bytes()
    at = raw.index(b"Russia")
    broken = raw[:at] + b"\xff" + raw[at + 1 :]
    seed.write_bytes(broken)
    line = set_cell(data_copy, "sources.csv", SOURCE, "sha256", hashlib.sha256(broken).hexdigest())
    assert problems(data_copy) == [
        f"data/sources.csv:{line}: seed_file: '{SEED}' is not UTF-8 text: byte 0xff at offset "
        f"{at} cannot be decoded"
    ]


def test_a_data_table_that_is_not_a_file_is_refused(data_copy: Path) -> None:
    (data_copy / "claims.csv").unlink()
    (data_copy / "claims.csv").mkdir()
    found = problems(data_copy)
    assert found[0] == "data/claims.csv: is not a regular file"


def test_sizes_read_as_people_read_them() -> None:
    assert inputs.size_words(12) == "12 bytes"
    assert inputs.size_words(1536) == "1.5 KiB"
    assert inputs.size_words(257 * 2**20) == "257 MiB"
    assert inputs.size_words(3 * 2**30) == "3 GiB"
