"""What the render layer's tests share: the book's own dataset, loaded once."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import evidence

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def dataset() -> evidence.Dataset:
    """The book's dataset, as ``data/`` holds it."""
    return evidence.load(ROOT / "data")
