"""What the tests of the evidence layer share: the small valid dataset the fuzzing tests break."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from support.small import Small, small_dataset

from helpers import evidence


@pytest.fixture(scope="module")
def small() -> Iterator[Small]:
    """A small valid dataset (one source and what it attests) in a temporary folder."""
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        texts = small_dataset(root)
        assert evidence.validate(root / "data") == []
        yield Small(root / "data", texts)
