"""Cache keys, cache entries, stamps, atomic writes and the build lock."""

from __future__ import annotations

import os
import shutil
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from helpers.build.cache import ChapterCache, Stamp, chapter_key, input_digest
from helpers.build.files import write_atomic, write_if_changed
from helpers.build.lock import exclusive

PARAMETERS = {"start_year": 1947, "end_year": 2021, "themes": ["all"]}


def make_inputs(root: Path) -> Path:
    """A miniature project: a notebook, data, seeds, helpers source and pins."""
    (root / "chapters").mkdir(parents=True)
    (root / "chapters" / "one.ipynb").write_text('{"cells": []}')
    (root / "data").mkdir()
    (root / "data" / "events.csv").write_text("event_id,date\nev-a,2015\n")
    (root / "seeds").mkdir()
    (root / "seeds" / "000.txt").write_text("An article.\n")
    (root / "helpers").mkdir()
    (root / "helpers" / "data.py").write_text("VALUE = 1\n")
    (root / "requirements.txt").write_text("pandas==3.1.1\n")
    return root


def key_of(root: Path, parameters: dict[str, object] = PARAMETERS) -> str:
    shared = input_digest(
        root / "data", root / "seeds", root / "helpers", root / "requirements.txt"
    )
    return chapter_key(root / "chapters" / "one.ipynb", parameters, shared)


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    return make_inputs(tmp_path / "project")


def test_key_is_stable_and_independent_of_location(inputs: Path, tmp_path: Path) -> None:
    moved = tmp_path / "elsewhere"
    shutil.copytree(inputs, moved)
    assert key_of(inputs) == key_of(inputs) == key_of(moved)


def test_key_ignores_parameter_order(inputs: Path) -> None:
    assert key_of(inputs, dict(reversed(PARAMETERS.items()))) == key_of(inputs)


@pytest.mark.parametrize(
    "change",
    [
        lambda root: (root / "chapters" / "one.ipynb").write_text('{"cells": [1]}'),
        lambda root: (root / "data" / "events.csv").write_text("event_id,date\nev-a,2016\n"),
        lambda root: (root / "data" / "events.csv").write_text("event_id,date\nev-a,2015\n\n"),
        lambda root: (root / "data" / "actors.csv").write_text("actor_id\n"),
        lambda root: (root / "data" / "events.csv").rename(root / "data" / "other.csv"),
        lambda root: (root / "seeds" / "000.txt").write_text("An article, edited.\n"),
        lambda root: (root / "helpers" / "data.py").write_text("VALUE = 2\n"),
        lambda root: (root / "helpers" / "new.py").write_text(""),
        lambda root: (root / "requirements.txt").write_text("pandas==3.1.2\n"),
    ],
    ids=[
        "notebook",
        "data-cell",
        "data-bytes",
        "data-new-file",
        "data-renamed",
        "seed",
        "helpers",
        "helpers-new-module",
        "requirements",
    ],
)
def test_key_changes_with_each_input(inputs: Path, change: Callable[[Path], object]) -> None:
    before = key_of(inputs)
    change(inputs)
    assert key_of(inputs) != before


def test_key_changes_with_parameters(inputs: Path) -> None:
    assert key_of(inputs, {**PARAMETERS, "start_year": 2015}) != key_of(inputs)
    assert key_of(inputs, {**PARAMETERS, "themes": ["energy"]}) != key_of(inputs)


def test_key_ignores_tool_caches(inputs: Path) -> None:
    before = key_of(inputs)
    (inputs / "helpers" / "__pycache__").mkdir()
    (inputs / "helpers" / "__pycache__" / "data.cpython-311.pyc").write_bytes(b"\0")
    (inputs / "data" / ".ipynb_checkpoints").mkdir()
    (inputs / "data" / ".ipynb_checkpoints" / "x.csv").write_text("x")
    assert key_of(inputs) == before


def test_key_ignores_modification_times(inputs: Path) -> None:
    before = key_of(inputs)
    os.utime(inputs / "data" / "events.csv", (0, 0))
    assert key_of(inputs) == before


# ----------------------------------------------------------------------------------------------
# Entries
# ----------------------------------------------------------------------------------------------


@pytest.fixture
def recorded(tmp_path: Path) -> tuple[ChapterCache, Path]:
    root = tmp_path / "_build"
    notebook = root / "executed" / "chapters" / "one.ipynb"
    write_atomic(notebook, b"{}")
    write_atomic(root / "tables" / "one" / "t.csv", b"a\n1\n")
    cache = ChapterCache(root)
    cache.record("one", "k1", 1.5, files=[notebook], folders=[root / "tables" / "one"])
    return cache, root


def test_entry_is_valid_for_its_key(recorded: tuple[ChapterCache, Path]) -> None:
    cache, _ = recorded
    entry = cache.valid_entry("one", "k1")
    assert entry is not None
    assert set(entry.outputs) == {"executed/chapters/one.ipynb", "tables/one/t.csv"}
    assert cache.valid_entry("one", "k2") is None


@pytest.mark.parametrize(
    "damage",
    [
        lambda root: (root / "tables" / "one" / "t.csv").write_text("a\n2\n"),
        lambda root: (root / "tables" / "one" / "t.csv").unlink(),
        lambda root: (root / "executed" / "chapters" / "one.ipynb").unlink(),
        lambda root: (root / "tables" / "one" / "extra.csv").write_text("x\n"),
        lambda root: (root / "cache" / "one.json").write_text('{"chapter": "one", "ke'),
        lambda root: (root / "cache" / "one.json").unlink(),
    ],
    ids=[
        "changed-output",
        "missing-output",
        "missing-notebook",
        "extra-output",
        "torn-entry",
        "no-entry",
    ],
)
def test_entry_is_not_trusted_when_damaged(
    recorded: tuple[ChapterCache, Path], damage: Callable[[Path], object]
) -> None:
    cache, root = recorded
    damage(root)
    assert cache.valid_entry("one", "k1") is None


def test_forget_drops_the_entry(recorded: tuple[ChapterCache, Path]) -> None:
    cache, _ = recorded
    cache.forget("one")
    assert cache.read("one") is None


def test_entries_use_paths_relative_to_the_root(
    recorded: tuple[ChapterCache, Path], tmp_path: Path
) -> None:
    _, root = recorded
    moved = tmp_path / "moved"
    shutil.copytree(root, moved)
    assert ChapterCache(moved).valid_entry("one", "k1") is not None


def test_stamp(tmp_path: Path) -> None:
    stamp = Stamp(tmp_path / "cache" / "html.json")
    assert not stamp.matches("abc")
    stamp.write("abc")
    assert stamp.matches("abc") and not stamp.matches("abd")
    stamp.clear()
    assert not stamp.matches("abc")


# ----------------------------------------------------------------------------------------------
# Files and the lock
# ----------------------------------------------------------------------------------------------


def test_write_atomic_leaves_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "a" / "b.txt"
    write_atomic(target, b"one")
    write_atomic(target, b"two")
    assert target.read_bytes() == b"two"
    assert [p.name for p in target.parent.iterdir()] == ["b.txt"]
    assert target.stat().st_mode & 0o777 == 0o644


def test_write_if_changed_keeps_an_unchanged_file(tmp_path: Path) -> None:
    target = tmp_path / "page.md"
    assert write_if_changed(target, b"# Page\n")
    os.utime(target, (1, 1))
    assert not write_if_changed(target, b"# Page\n")
    assert target.stat().st_mtime == 1
    assert write_if_changed(target, b"# Page, edited\n")


def test_lock_makes_a_second_holder_wait(tmp_path: Path) -> None:
    path = tmp_path / "_build" / ".lock"
    waited = threading.Event()
    acquired = threading.Event()

    def second() -> None:
        with exclusive(path, waited.set):
            acquired.set()

    with exclusive(path, lambda: pytest.fail("the first holder must not wait")):
        thread = threading.Thread(target=second)
        thread.start()
        assert waited.wait(10)
        time.sleep(0.2)
        assert not acquired.is_set()
    thread.join(10)
    assert acquired.is_set()
