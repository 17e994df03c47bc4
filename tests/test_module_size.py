"""No module of the package or of the benchmarks is longer than a reader can hold: a module over
:data:`MAX_LINES` lines is split into modules with one job each, named for what they hold."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FOLDERS = ("src/helpers", "benchmarks")
MAX_LINES = 400

KNOWN_EXCEPTIONS = frozenset(
    {
        # The one schema of the dataset and the vocabularies with their display words: both are
        # still to be split along their banners, as the other modules of the evidence layer were.
        "src/helpers/evidence/schema.py",
        "src/helpers/evidence/vocabularies.py",
    }
)
"""Modules allowed over the limit for now; any other module over it fails the test."""


def line_count(path: Path) -> int:
    """How many lines ``path`` holds."""
    return len(path.read_text(encoding="utf-8").splitlines())


def modules(root: Path = ROOT) -> list[Path]:
    """Every Python module under :data:`FOLDERS`, as a path relative to ``root``."""
    return sorted(p.relative_to(root) for f in FOLDERS for p in (root / f).rglob("*.py"))


def test_the_modules_are_found() -> None:
    found = {p.as_posix() for p in modules()}
    assert "src/helpers/__init__.py" in found
    assert "benchmarks/run.py" in found
    assert "src/helpers/chapters/chronology/__init__.py" in found


def too_long(root: Path = ROOT) -> dict[str, int]:
    """The modules over :data:`MAX_LINES` lines, known exceptions left out, with their length."""
    return {
        path.as_posix(): n
        for path in modules(root)
        if (n := line_count(root / path)) > MAX_LINES and path.as_posix() not in KNOWN_EXCEPTIONS
    }


def test_no_module_is_over_the_limit() -> None:
    found = too_long()
    assert not found, f"modules over {MAX_LINES} lines, to be split: {found}"


def test_a_long_module_is_reported_and_only_a_known_exception_is_let_pass(tmp_path: Path) -> None:
    evidence = tmp_path / "src" / "helpers" / "evidence"
    evidence.mkdir(parents=True)
    (tmp_path / "benchmarks").mkdir()
    (tmp_path / "src" / "helpers" / "long.py").write_text("x = 1\n" * (MAX_LINES + 1))
    (tmp_path / "benchmarks" / "short.py").write_text("x = 1\n" * MAX_LINES)
    (evidence / "schema.py").write_text("x = 1\n" * (MAX_LINES + 50))
    assert too_long(tmp_path) == {"src/helpers/long.py": MAX_LINES + 1}
