"""No module of the package or of the benchmarks is longer than a reader can hold: a module over
:data:`MAX_LINES` lines is split into modules with one job each, named for what they hold."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FOLDERS = ("src/helpers", "benchmarks")
MAX_LINES = 400

SCRATCH = "_work"
"""The benchmarks' scratch folder (snapshots of other commits), which is not the project's code."""


def line_count(path: Path) -> int:
    """How many lines ``path`` holds."""
    return len(path.read_text(encoding="utf-8").splitlines())


def modules(root: Path = ROOT) -> list[Path]:
    """Every Python module under :data:`FOLDERS`, relative to ``root``, scratch left out."""
    found = (p.relative_to(root) for f in FOLDERS for p in (root / f).rglob("*.py"))
    return sorted(p for p in found if SCRATCH not in p.parts)


def test_the_modules_are_found() -> None:
    found = {p.as_posix() for p in modules()}
    assert "src/helpers/__init__.py" in found
    assert "benchmarks/run.py" in found
    assert "src/helpers/chapters/chronology/__init__.py" in found


def too_long(root: Path = ROOT) -> dict[str, int]:
    """The modules over :data:`MAX_LINES` lines, with their length."""
    return {
        path.as_posix(): n for path in modules(root) if (n := line_count(root / path)) > MAX_LINES
    }


def test_no_module_is_over_the_limit() -> None:
    found = too_long()
    assert not found, f"modules over {MAX_LINES} lines, to be split: {found}"


def test_a_long_module_is_reported_and_scratch_is_not(tmp_path: Path) -> None:
    (tmp_path / "src" / "helpers").mkdir(parents=True)
    scratch = tmp_path / "benchmarks" / SCRATCH / "snapshot"
    scratch.mkdir(parents=True)
    (tmp_path / "src" / "helpers" / "long.py").write_text("x = 1\n" * (MAX_LINES + 1))
    (tmp_path / "benchmarks" / "short.py").write_text("x = 1\n" * MAX_LINES)
    (scratch / "copied.py").write_text("x = 1\n" * (MAX_LINES + 50))
    assert too_long(tmp_path) == {"src/helpers/long.py": MAX_LINES + 1}
