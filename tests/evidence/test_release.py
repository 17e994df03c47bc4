"""The release: the version set once in ``pyproject.toml``, and the moment that dates it, which is
``SOURCE_DATE_EPOCH``, else the last commit, else the newest file, never the clock."""

from __future__ import annotations

import csv
import os
import re
import subprocess
from pathlib import Path

import pytest

from helpers.evidence import release, validate

ROOT = Path(__file__).resolve().parents[2]


def test_the_version_is_read_from_pyproject_upwards(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[project]\nversion = "3.1.4"\n', encoding="utf-8")
    below = tmp_path / "chapters" / "deeper"
    below.mkdir(parents=True)
    assert release.version(below) == "3.1.4"
    assert release.version(ROOT / "chapters") == release.version(ROOT)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ('[project]\nname = "x"\n', "has no [project] version"),
        ('[project]\nversion = "2.0"\n', "is not a semantic version"),
        ("[project\n", "has no [project] version"),
    ],
)
def test_a_missing_or_malformed_version_is_refused_in_one_sentence(
    tmp_path: Path, text: str, words: str
) -> None:
    (tmp_path / "pyproject.toml").write_text(text, encoding="utf-8")
    with pytest.raises(release.ReleaseError, match=re.escape(words)) as raised:
        release.version(tmp_path)
    assert "pyproject.toml" in str(raised.value)


def test_the_date_is_source_date_epoch_when_set(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert release.source_date_epoch(tmp_path) == 1700000000
    assert release.released(tmp_path).isoformat() == "2023-11-14T22:13:20+00:00"


def test_else_the_last_commit_else_the_newest_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    data = tmp_path / "a.csv"
    data.write_text("x\n", encoding="utf-8")
    os.utime(data, (1600000000, 1600000000))
    assert release.source_date_epoch(tmp_path, [data]) == 1600000000

    dated = {**os.environ, "GIT_COMMITTER_DATE": "2020-01-02T03:04:05+00:00"}
    dated.pop("SOURCE_DATE_EPOCH", None)
    for command in (
        ["git", "init", "-q"],
        ["git", "add", "a.csv"],
        ["git", "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "data"],
    ):
        subprocess.run(command, cwd=tmp_path, env=dated, check=True, capture_output=True)
    assert release.source_date_epoch(tmp_path, [data]) == 1577934245


def test_the_project_s_version_is_a_semantic_version() -> None:
    assert release.SEMANTIC_VERSION.match(release.version(ROOT))


def test_an_address_that_is_not_a_web_address_is_refused(data_copy: Path) -> None:
    path = data_copy / "sources.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    rows[1][rows[0].index("archive_url")] = "web.archive.org/some page"
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows(rows)
    problems = [str(p) for p in validate(data_copy)]
    assert len(problems) == 1
    assert problems[0].endswith(
        "data/sources.csv:2: archive_url: 'web.archive.org/some page' is not a web address "
        "(http:// or https://, no spaces)"
    )
