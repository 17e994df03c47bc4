"""The appendix on rerunning: the ids the ``sources`` parameter takes, shown as code with the
article each stands for."""

from __future__ import annotations

from pathlib import Path

from helpers import evidence
from helpers.chapters import rerunning

ROOT = Path(__file__).resolve().parents[2]


def test_the_source_choices_name_every_source_oldest_first_as_code() -> None:
    dataset = evidence.load(ROOT / "data")
    text = rerunning.source_choices(dataset)
    in_text = sorted(dataset.sources.index, key=lambda source_id: text.index(f"`{source_id}` "))
    published = list(dataset.sources.loc[in_text, "published"])
    assert published == sorted(published)
    assert text.startswith("`src-fdi-2012` for DeSilva\\-Ranasinghe \\(2012\\)")
