"""The later record and its scorecard: complete rows, a verdict for every prediction and open
thread, the checks of their cells, and rows that no chapter counts as evidence of the articles.

Each test that changes the data works on a copy of ``data/`` and ``seeds/``.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pandas as pd
import pytest

from helpers import evidence
from helpers.analysis import measures
from helpers.analysis.scope import Scope
from helpers.chapters import energy_deals, registry
from helpers.evidence import schema, vocabularies
from helpers.evidence.later import MAX_EXCERPT, open_threads, uncovered

ROOT = Path(__file__).resolve().parents[2]

OPTIONAL_LATER_COLUMNS = {
    "date_note",
    "relays",
    "title",
    "published",
    "archive_url",
    "translation",
    "note",
}
"""The columns of the later record that may be empty, each only as its rule says."""


@pytest.fixture(scope="module")
def dataset() -> evidence.Dataset:
    return evidence.load(ROOT / "data")


def append_rows(folder: Path, name: str, rows: list[dict[str, str]]) -> None:
    """Append rows (cells by column name, others empty) to a table of a data folder."""
    table = schema.TABLES_BY_NAME[name]
    with (folder / table.file_name).open("a", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        for row in rows:
            writer.writerow([row.get(c, "") for c in table.column_names])


def set_cell(folder: Path, name: str, row_id: str, column: str, value: str) -> int:
    """Set one cell of the row whose id is ``row_id``; returns its line number."""
    path = folder / f"{name}.csv"
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))
    at = rows[0].index(column)
    for index, row in enumerate(rows):
        if row[0] == row_id:
            row[at] = value
            out = io.StringIO()
            csv.writer(out, lineterminator="\n").writerows(rows)
            path.write_text(out.getvalue(), encoding="utf-8")
            return index + 1
    raise KeyError(row_id)


def problems(folder: Path) -> list[str]:
    return [str(p).replace(str(folder.parent) + "/", "") for p in evidence.validate(folder)]


# -- complete rows ---------------------------------------------------------------------------


def test_only_the_declared_columns_of_the_later_record_may_be_empty() -> None:
    table = schema.TABLES_BY_NAME["later_record"]
    assert {c.name for c in table.columns if not c.required} == OPTIONAL_LATER_COLUMNS
    assert table.later_record and schema.TABLES_BY_NAME["outcomes"].later_record
    assert not any(t.later_record for t in schema.ARTICLE_TABLES)


def test_every_later_record_row_is_complete(dataset: evidence.Dataset) -> None:
    later = dataset.later_record
    assert len(later) >= 60
    required = [c.name for c in schema.TABLES_BY_NAME["later_record"].columns if c.required]
    for later_id, row in later.iterrows():
        missing = [c for c in required if not row[c] and row[c] != ()]
        assert not missing and row["subject_ids"], (later_id, missing)
        # the cells a rule makes required
        assert row["title"] or row["title_basis"] == "none", later_id
        assert row["published"] or row["published_precision"] == "undated", later_id
        assert bool(row["translation"]) == (row["language"] != "en"), later_id
        assert row["url"].startswith(("http://", "https://")), later_id
        assert 0 < len(row["excerpt"]) <= MAX_EXCERPT, later_id
        assert row["accessed"] == "2026-12-01", later_id


def test_every_outcome_rests_on_later_rows_unless_too_early(dataset: evidence.Dataset) -> None:
    outcomes = dataset.outcomes
    assert outcomes["subject_id"].is_unique
    for outcome_id, row in outcomes.iterrows():
        assert row["thread"] and row["outcome"] and row["reasoning"], outcome_id
        assert row["later_ids"] or row["verdict"] == "too_early", outcome_id
        assert set(row["later_ids"]) <= set(dataset.later_record.index), outcome_id


# -- the scorecard covers every prediction and open thread -----------------------------------


def test_the_scorecard_covers_every_prediction_and_open_thread(
    dataset: evidence.Dataset,
) -> None:
    predictions = dataset.claims.index[dataset.claims["kind"] == "prediction"]
    assert len(predictions) >= 7
    assert set(predictions) <= set(dataset.outcomes["subject_id"])
    assert uncovered(dataset) == []
    needed = open_threads(dataset)
    assert "ev-2012-putin-visit-planned" in needed and "deal-north-south-pipeline" in needed
    assert "deal-soviet-supplies-1968" not in needed  # delivered: closed


def test_a_prediction_added_without_a_verdict_is_reported(data_copy: Path) -> None:
    append_rows(
        data_copy,
        "claims",
        [
            {
                "claim_id": "claim-sco-exercises-will-come",
                "topic": "prospects",
                "statement": "Pakistan will exercise with Russia in the SCO.",
                "kind": "prediction",
            }
        ],
    )
    append_rows(
        data_copy,
        "evidence",
        [
            {
                "evidence_id": "evi-an-900",
                "source_id": "src-an-2018",
                "subject_id": "claim-sco-exercises-will-come",
                "quote": "Later this year Pakistan will take part in joint military exercises",
                "speaker": "author",
                "voice": "author",
                "stance": "supports",
            }
        ],
    )
    dataset = evidence.load(data_copy)  # the data stays valid: the scorecard is incomplete
    found = [str(p) for p in uncovered(dataset)]
    assert len(found) == 1
    assert found[0].endswith(
        "outcomes.csv: subject_id: 'claim-sco-exercises-will-come' (prediction) has no "
        "outcome: add a row with its verdict"
    )


# -- the checks of the cells -----------------------------------------------------------------


LATER_ID = "later-2025-putin-notes-trade-fell"  # in Russian, with a headline
OTHER_ID = "later-2012-putin-cancels-visit"


@pytest.mark.parametrize(
    ("row_id", "column", "value", "message"),
    [
        (LATER_ID, "translation", "", "translation: is empty but the excerpt is in language 'ru'"),
        (
            OTHER_ID,
            "translation",
            "A translation.",
            "translation: is given but the excerpt is in English",
        ),
        (LATER_ID, "title", "", "title: is empty but title_basis is 'headline' (use 'none')"),
        (
            LATER_ID,
            "title_basis",
            "none",
            "title: is given but title_basis is 'none' (use 'headline' or 'address')",
        ),
        (
            LATER_ID,
            "published_precision",
            "undated",
            "published: '2025-09-02' is given but published_precision is 'undated'",
        ),
        (
            LATER_ID,
            "published_precision",
            "month",
            "published_precision: 'month' does not match the date '2025-09-02', which is given "
            "to the day",
        ),
        (
            LATER_ID,
            "date_precision",
            "month",
            "date_precision: 'month' does not match the date '2025-09-02', which is given to "
            "the day",
        ),
        (
            LATER_ID,
            "url",
            "www.example.org/page",
            "url: 'www.example.org/page' is not a web address (http:// or https://)",
        ),
        (
            LATER_ID,
            "accessed",
            "2025-01-01",
            "accessed: '2025-01-01' is before the page's publication ('2025-09-02')",
        ),
        (
            LATER_ID,
            "excerpt",
            "x" * (MAX_EXCERPT + 1),
            f"excerpt: is {MAX_EXCERPT + 1} characters long; an excerpt is at most {MAX_EXCERPT}",
        ),
        (
            LATER_ID,
            "subject_ids",
            "claim-new-era;fig-trade-2003",
            "subject_ids: 'fig-trade-2003' is an id in figures, expected one in events or deals "
            "or claims",
        ),
        (
            LATER_ID,
            "source_kind",
            "blog",
            "source_kind: 'blog' is not one of: primary, news, analysis",
        ),
    ],
)
def test_a_bad_later_record_cell_is_reported_on_its_line(
    data_copy: Path, row_id: str, column: str, value: str, message: str
) -> None:
    line = set_cell(data_copy, "later_record", row_id, column, value)
    assert problems(data_copy) == [f"data/later_record.csv:{line}: {message}"]


def test_an_outcome_without_later_rows_needs_the_verdict_too_early(data_copy: Path) -> None:
    line = set_cell(data_copy, "outcomes", "out-sco-exercise", "later_ids", "")
    assert problems(data_copy) == [
        f"data/outcomes.csv:{line}: later_ids: is empty but the verdict is 'fulfilled': a "
        "verdict other than 'too_early' rests on later-record rows"
    ]
    set_cell(data_copy, "outcomes", "out-sco-exercise", "verdict", "too_early")
    assert problems(data_copy) == []


def test_two_outcomes_of_one_subject_are_reported(data_copy: Path) -> None:
    first = set_cell(data_copy, "outcomes", "out-lng", "subject_id", "deal-casa-1000")
    line = set_cell(data_copy, "outcomes", "out-casa-1000", "thread", "CASA-1000")
    assert first < line
    assert problems(data_copy) == [
        f"data/outcomes.csv:{line}: subject_id: 'deal-casa-1000' already has an outcome "
        f"(line {first})"
    ]


# -- not evidence of the articles ------------------------------------------------------------

PARAMETERS = [{}, {"sources": ["src-pr-2021"]}, {"start_year": 2015}]


def chapter_measures(dataset: evidence.Dataset, values: dict[str, object]) -> dict[str, object]:
    """Every count and table the chapters compute from a scope: what they would show."""
    scope = Scope.from_params(dataset, registry.validate("energy_deals", values, dataset))
    claims = list(scope.claims.index)
    deals = energy_deals.projects(scope, ("all",))
    return {
        "evidence": list(scope.evidence.index),
        "events": list(scope.events.index),
        "undated": list(scope.undated_events.index),
        "deals": list(scope.deals.index),
        "figures": list(scope.figures.index),
        "claims": claims,
        "labels": scope.source_labels_for(claims + list(scope.events.index)),
        "disagreements": measures.disagreements(scope).drop(columns=["who"]).to_json(),
        "stances": measures.stance_matrix(scope, claims).to_json(),
        "verdicts": measures.claim_verdicts(measures.stance_matrix(scope, claims)).to_json(),
        "statuses": measures.deal_statuses(scope).to_json(),
        "coverage": measures.source_coverage(scope).to_json(),
        "themes": measures.theme_cooccurrence(scope.events, list(vocabularies.THEMES)).to_json(),
        "decades": measures.events_by_decade_and_theme(
            scope.events, list(vocabularies.THEMES)
        ).to_json(),
        "attesting": measures.attesting_sources(scope, claims).to_json(),
        "projects": list(deals.index),
        "latest": energy_deals.latest_status(scope, deals.index).to_json(),
    }


def test_later_record_rows_leave_every_chapter_measure_unchanged(
    data_copy: Path, dataset: evidence.Dataset
) -> None:
    before = {str(v): chapter_measures(dataset, v) for v in PARAMETERS}
    # rows of the later record on an event, a deal, a fact and a prediction of the articles,
    # dated inside and outside the articles' years, and a verdict that rests on them
    added = [
        {
            "later_id": f"later-test-{n}",
            "subject_ids": subjects,
            "what_happened": "Something happened.",
            "date": date,
            "date_precision": "day",
            "outlet": "A test outlet",
            "title": "A headline",
            "title_basis": "headline",
            "published": date,
            "published_precision": "day",
            "url": f"https://example.org/{n}",
            "excerpt": "Something happened.",
            "language": "en",
            "accessed": "2026-12-01",
            "source_kind": "news",
        }
        for n, (subjects, date) in enumerate(
            [
                ("ev-2016-first-joint-exercise", "2016-09-30"),
                ("deal-north-south-pipeline;claim-trade-low", "2019-05-01"),
                ("claim-ties-will-grow;ev-2003-musharraf-moscow", "2024-01-01"),
                ("claim-harms-other-ties", "2026-06-01"),
            ]
        )
    ]
    append_rows(data_copy, "later_record", added)
    append_rows(
        data_copy,
        "outcomes",
        [
            {
                "outcome_id": "out-test-trade-low",
                "subject_id": "claim-trade-low",
                "thread": "Low trade",
                "verdict": "fulfilled",
                "outcome": "Trade stayed low.",
                "reasoning": "A test.",
                "later_ids": "later-test-1",
            }
        ],
    )
    grown = evidence.load(data_copy)
    assert len(grown.later_record) == len(dataset.later_record) + 4
    assert len(grown.outcomes) == len(dataset.outcomes) + 1
    after = {str(v): chapter_measures(grown, v) for v in PARAMETERS}
    assert after == before
    for name in ("events", "deals", "figures", "claims", "evidence"):
        pd.testing.assert_frame_equal(grown.table(name), dataset.table(name))


def test_a_dataset_without_a_later_record_is_valid(data_copy: Path) -> None:
    for name in ("later_record", "outcomes"):
        table = schema.TABLES_BY_NAME[name]
        (data_copy / table.file_name).write_text(",".join(table.column_names) + "\n")
    dataset = evidence.load(data_copy)
    assert dataset.later_record.empty and dataset.outcomes.empty
    assert len(uncovered(dataset)) == len(open_threads(dataset)) > 0
