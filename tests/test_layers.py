"""The package's layers: ``build`` > ``chapters`` > ``render`` > ``analysis`` > ``evidence``, each
importing only the layers below it, as the import-linter contract of ``pyproject.toml`` says."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def lint_imports(package_parent: Path, config: Path) -> subprocess.CompletedProcess[str]:
    """Check the contract of ``config`` on the ``helpers`` package found in ``package_parent``."""
    if not LINT_IMPORTS.is_file():
        pytest.skip("import-linter is not installed (make test installs it)")
    environment = dict(os.environ, PYTHONPATH=str(package_parent))
    return subprocess.run(
        [str(LINT_IMPORTS), "--config", str(config), "--no-cache"],
        cwd=package_parent,
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_each_layer_imports_only_the_layers_below_it() -> None:
    result = lint_imports(ROOT / "src", ROOT / "pyproject.toml")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 kept, 0 broken" in result.stdout


def test_an_upward_import_breaks_the_contract(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "src" / "helpers", tmp_path / "helpers")
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    dates = tmp_path / "helpers" / "evidence" / "dates.py"
    dates.write_text(dates.read_text() + "\nfrom helpers.build import paths  # noqa: E402,F401\n")
    result = lint_imports(tmp_path, tmp_path / "pyproject.toml")
    assert result.returncode != 0
    assert "BROKEN" in result.stdout
    assert "helpers.evidence.dates -> helpers.build.paths" in result.stdout
