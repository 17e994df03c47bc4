"""The checks of the later record and of the scorecard, and the threads a scorecard must cover.

The later record (``later_record.csv``) holds what publications after the five articles report;
the scorecard (``outcomes.csv``) gives each prediction and each open thread of the articles its
verdict, with the later-record rows behind it. Neither is evidence of the articles: no chapter's
scope or measure reads them (see :mod:`helpers.analysis.scope`).

:func:`check_later_record` and :func:`check_outcomes` run with every load; :func:`uncovered`
names the predictions and open threads that have no verdict yet (its test fails when one is
added to the data without one).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from helpers.evidence.checks import Skip, rows
from helpers.evidence.dates import date_precision_of, period
from helpers.evidence.location import shown
from helpers.evidence.problems import Problem
from helpers.evidence.reading import RawTable
from helpers.evidence.schema import split_list

if TYPE_CHECKING:
    from helpers.evidence.dataset import Dataset

MAX_EXCERPT = 400
"""Longest excerpt of a later-record row, in characters: a short quotation, not the page."""

WEB_SCHEMES = ("http://", "https://")

OPEN_EVENT_STATUSES = ("planned",)
"""An event the articles report with one of these statuses is an open thread."""

CLOSED_DEAL_STATUSES = ("delivered",)
"""A deal whose status is one of these is closed; every other deal is an open thread."""

NO_LATER_ROWS = "too_early"
"""The one verdict that may rest on no later-record row: the record is silent."""


def _check_date(
    raw: RawTable, line: int, date: str, precision: str, column: str, skip: set
) -> Problem | None:
    """A date whose form does not match its stated precision, as a problem (or None)."""
    if not date or {(line, column), (line, f"{column}_precision")} & skip:
        return None
    form = date_precision_of(date)
    if form != precision:
        return Problem(
            raw.display,
            line,
            f"{column}_precision",
            f"{precision!r} does not match the date {date!r}, which is given to the {form}",
        )
    return None


def check_later_record(raw: RawTable, problems: list[Problem], skip: set) -> None:
    """Later record: dates that match their precision, a publication date unless the page is
    undated, a page read on or after it appeared, web addresses, a title unless there is none,
    a translation of every excerpt not in English (and only of those), short excerpts."""
    for line, row in rows(raw.frame):
        found = _check_date(raw, line, row["date"], row["date_precision"], "date", skip)
        if found:
            problems.append(found)
        published, precision = row["published"], row["published_precision"]
        if (line, "published_precision") not in skip and (line, "published") not in skip:
            if precision == "undated" and published:
                problems.append(
                    Problem(
                        raw.display,
                        line,
                        "published",
                        f"{published!r} is given but published_precision is 'undated'",
                    )
                )
            elif precision != "undated" and not published:
                problems.append(
                    Problem(
                        raw.display,
                        line,
                        "published",
                        f"is empty but published_precision is {precision!r} (use 'undated')",
                    )
                )
            elif published:
                found = _check_date(raw, line, published, precision, "published", skip)
                if found:
                    problems.append(found)
                elif (
                    row["accessed"]
                    and (line, "accessed") not in skip
                    and period(row["accessed"])[1] < period(published)[0]
                ):
                    problems.append(
                        Problem(
                            raw.display,
                            line,
                            "accessed",
                            f"{row['accessed']!r} is before the page's publication ({published!r})",
                        )
                    )
        for column in ("url", "archive_url"):
            value = row[column]
            if value and not value.startswith(WEB_SCHEMES):
                problems.append(
                    Problem(
                        raw.display,
                        line,
                        column,
                        f"{value[:60]!r} is not a web address (http:// or https://)",
                    )
                )
        if (line, "title_basis") not in skip:
            if row["title_basis"] == "none" and row["title"]:
                problems.append(
                    Problem(
                        raw.display,
                        line,
                        "title",
                        "is given but title_basis is 'none' (use 'headline' or 'address')",
                    )
                )
            elif row["title_basis"] != "none" and not row["title"]:
                problems.append(
                    Problem(
                        raw.display,
                        line,
                        "title",
                        f"is empty but title_basis is {row['title_basis']!r} (use 'none')",
                    )
                )
        if (line, "language") not in skip:
            if row["language"] != "en" and not row["translation"]:
                problems.append(
                    Problem(
                        raw.display,
                        line,
                        "translation",
                        f"is empty but the excerpt is in language {row['language']!r}",
                    )
                )
            elif row["language"] == "en" and row["translation"]:
                problems.append(
                    Problem(
                        raw.display,
                        line,
                        "translation",
                        "is given but the excerpt is in English",
                    )
                )
        if len(row["excerpt"]) > MAX_EXCERPT:
            problems.append(
                Problem(
                    raw.display,
                    line,
                    "excerpt",
                    f"is {len(row['excerpt'])} characters long; an excerpt is at most "
                    f"{MAX_EXCERPT}",
                )
            )


def check_outcomes(raws: dict[str, RawTable], problems: list[Problem], skip: Skip) -> None:
    """Scorecard: one outcome per subject, and later-record rows behind every verdict but
    'too early or unclear'."""
    raw = raws.get("outcomes")
    if raw is None:
        return
    bad = skip.get("outcomes", set())
    first: dict[str, int] = {}
    for line, row in rows(raw.frame):
        subject = row["subject_id"]
        if subject and (line, "subject_id") not in bad:
            if subject in first:
                problems.append(
                    Problem(
                        raw.display,
                        line,
                        "subject_id",
                        f"{subject!r} already has an outcome (line {first[subject]})",
                    )
                )
            else:
                first[subject] = line
        if (line, "verdict") in bad or (line, "later_ids") in bad:
            continue
        if not split_list(row["later_ids"]) and row["verdict"] != NO_LATER_ROWS:
            problems.append(
                Problem(
                    raw.display,
                    line,
                    "later_ids",
                    f"is empty but the verdict is {row['verdict']!r}: a verdict other than "
                    f"{NO_LATER_ROWS!r} rests on later-record rows",
                )
            )


def open_threads(dataset: Dataset) -> list[str]:
    """The ids the scorecard must cover, in table order: every claim of kind ``prediction``,
    every planned event and every deal that is not closed (delivered)."""
    claims = dataset.claims
    events = dataset.events
    deals = dataset.deals
    return [
        *claims.index[claims["kind"] == "prediction"],
        *events.index[events["status"].isin(OPEN_EVENT_STATUSES)],
        *deals.index[~deals["status"].isin(CLOSED_DEAL_STATUSES)],
    ]


def uncovered(dataset: Dataset) -> list[Problem]:
    """One problem for each prediction and open thread that has no outcome in the scorecard."""
    covered = set(dataset.outcomes["subject_id"])
    where = shown(dataset.data_dir / "outcomes.csv")
    kinds = {"claims": "prediction", "events": "planned event", "deals": "open deal"}
    found = []
    for subject in open_threads(dataset):
        if subject in covered:
            continue
        table = next(name for name in kinds if subject in dataset.table(name).index)
        found.append(
            Problem(
                where,
                None,
                "subject_id",
                f"{subject!r} ({kinds[table]}) has no outcome: add a row with its verdict",
            )
        )
    return found
