"""Quote matching under the one normalization, with offsets into the raw text."""

from __future__ import annotations

import pytest

from helpers.evidence.quotes import Seed, normalize


def test_normalization_folds_unicode_quotes_dashes_and_whitespace() -> None:
    assert normalize("  “Russia’s”\u00a0 pivot –\n\tnow…  ") == '"Russia\'s" pivot - now...'


@pytest.mark.parametrize(
    ("raw", "quote", "expected"),
    [
        ("Pakistan’s  energy\nsector.", "Pakistan's energy sector", "Pakistan’s  energy\nsector"),
        ("a “special” deal", 'a "special" deal', "a “special” deal"),
        ("1968–69 supplies", "1968-69", "1968–69"),
        ("Prime Ministers\u00a0Shahid", "Ministers Shahid", "Ministers\u00a0Shahid"),
    ],
)
def test_find_returns_raw_offsets_that_round_trip(raw: str, quote: str, expected: str) -> None:
    seed = Seed(raw)
    span = seed.find(quote)
    assert span is not None
    assert seed.excerpt(span) == expected
    assert normalize(seed.excerpt(span)) == normalize(quote)


def test_absent_or_empty_quotes_are_not_found() -> None:
    seed = Seed("Russia and Pakistan")
    assert seed.find("Pakistan and Russia") is None
    assert seed.find("   ") is None
    assert not seed.contains("")


def test_find_all_returns_every_occurrence() -> None:
    seed = Seed("No disputes.\n\nAgain: no  disputes.")
    assert [seed.excerpt(s) for s in seed.find_all("no disputes")] == ["no  disputes"]
    assert len(Seed("x y x y").find_all("x y")) == 2
