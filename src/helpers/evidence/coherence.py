"""The values of a row that must hold together: an undated event without dates, a range whose
bounds are ordered, a span named only by a duration, a horizon only on a prediction, a reported
precision with its date, origins that can credit a text, and source records that can be
followed and dated.

What the schema declares for every column alike (ranges, years, a date's precision, the order
of dates) is checked by :mod:`helpers.evidence.bounds`.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from helpers.evidence.checks import Skip, rows
from helpers.evidence.dates import date_precision_of, period
from helpers.evidence.problems import Problem
from helpers.evidence.reading import RawTable
from helpers.evidence.schema import split_list


def check_dates(raw: RawTable, problems: list[Problem], skip: set) -> None:
    """Events: an undated event has no date, end date or qualifier, and a dated one has a date.

    That a date's form matches its precision and that an end date does not precede its date
    are the checks of :mod:`helpers.evidence.bounds`, for every date column alike.
    """
    frame = raw.frame
    for line, date, precision, end, basis, qualifier in zip(
        frame.index,
        frame["date"],
        frame["date_precision"],
        frame["end_date"],
        frame["date_basis"],
        frame["date_qualifier"],
        strict=True,
    ):
        if (line, "date") in skip or (line, "date_precision") in skip:
            continue
        if qualifier and precision == "undated" and (line, "date_qualifier") not in skip:
            problems.append(
                Problem(
                    raw.display,
                    line,
                    "date_qualifier",
                    f"{qualifier!r} is given but the event is undated",
                )
            )
        if precision == "undated":
            if end and (line, "end_date") not in skip:
                problems.append(
                    Problem(
                        raw.display, line, "end_date", f"{end!r} is given but the event is undated"
                    )
                )
            if date:
                problems.append(
                    Problem(
                        raw.display,
                        line,
                        "date",
                        f"{date!r} is given but date_precision is 'undated'",
                    )
                )
            if basis != "undated" and (line, "date_basis") not in skip:
                problems.append(
                    Problem(
                        raw.display,
                        line,
                        "date_basis",
                        f"{basis!r} must be 'undated' for an undated event",
                    )
                )
            continue
        if not date:
            problems.append(
                Problem(
                    raw.display,
                    line,
                    "date",
                    f"is empty but date_precision is {precision!r} (use 'undated')",
                )
            )


SPAN_METRICS = ("duration", "interval")
"""The figure metrics whose figures may name the events that bound the span they state."""


def check_spans(raw: RawTable, problems: list[Problem], skip: set) -> None:
    """Figures: only a duration or an interval names a span, and span_to needs span_from."""
    for line, row in rows(raw.frame):
        if (line, "metric") in skip:
            continue
        if (row["span_from"] or row["span_to"]) and row["metric"] not in SPAN_METRICS:
            column = "span_from" if row["span_from"] else "span_to"
            problems.append(
                Problem(
                    raw.display,
                    line,
                    column,
                    f"is given but metric {row['metric']!r} is not a duration or an interval",
                )
            )
        elif row["span_to"] and not row["span_from"]:
            problems.append(
                Problem(raw.display, line, "span_from", "is empty but span_to is given")
            )


def check_horizons(raw: RawTable, problems: list[Problem], skip: set) -> None:
    """Claims: only a prediction has a horizon."""
    for line, row in rows(raw.frame):
        if row["horizon"] and row["kind"] != "prediction" and (line, "kind") not in skip:
            problems.append(
                Problem(
                    raw.display,
                    line,
                    "horizon",
                    f"{row['horizon']!r} is given but kind is {row['kind']!r}, not 'prediction'",
                )
            )


def check_reported_dates(raw: RawTable, problems: list[Problem], skip: set) -> None:
    """Evidence: a reported precision needs a reported date (whose form it matches: checked by
    :func:`helpers.evidence.bounds.check_precisions`)."""
    for line, row in rows(raw.frame):
        date, precision = row["reported_date"], row["reported_precision"]
        if not precision or {(line, "reported_date"), (line, "reported_precision")} & skip:
            continue
        if not date:
            problems.append(
                Problem(
                    raw.display, line, "reported_date", "is empty but reported_precision is given"
                )
            )


# Citations that credit a picture or the seed's own first appearance, not a passage's content.
NOT_ORIGINS = ("photo_credit", "original_publication")


def check_origins(raws: dict[str, RawTable], problems: list[Problem], skip: Skip) -> None:
    """Evidence: each origin is a citation by the same article that can credit a text."""
    evidence, citations = raws.get("evidence"), raws.get("citations")
    if evidence is None or citations is None:
        return
    cited = {
        row["citation_id"]: (row["source_id"], row["kind"]) for _, row in rows(citations.frame)
    }
    bad = skip.get("evidence", set())
    for line, row in rows(evidence.frame):
        if not row["origins"] or (line, "origins") in bad:
            continue
        for ref in split_list(row["origins"]):
            if ref not in cited:
                continue  # reported by the reference check
            source, kind = cited[ref]
            if source != row["source_id"]:
                problems.append(
                    Problem(
                        evidence.display,
                        line,
                        "origins",
                        f"{ref!r} is a citation of {source}, not of {row['source_id']}",
                    )
                )
            elif kind in NOT_ORIGINS:
                problems.append(
                    Problem(
                        evidence.display,
                        line,
                        "origins",
                        f"{ref!r} is a citation of kind {kind!r}, which credits no text",
                    )
                )


def check_figures(raw: RawTable, problems: list[Problem], skip: set) -> None:
    check_spans(raw, problems, skip)
    for line, row in rows(raw.frame):
        if {(line, "value"), (line, "value_max"), (line, "qualifier")} & skip:
            continue
        has_max = bool(row["value_max"])
        if row["qualifier"] == "range" and not has_max:
            problems.append(
                Problem(raw.display, line, "value_max", "is empty but qualifier is 'range'")
            )
        elif has_max and row["qualifier"] != "range":
            problems.append(
                Problem(
                    raw.display,
                    line,
                    "qualifier",
                    f"{row['qualifier']!r} must be 'range' when value_max is given",
                )
            )
        elif has_max and float(row["value_max"]) < float(row["value"]):
            problems.append(
                Problem(
                    raw.display,
                    line,
                    "value_max",
                    f"{row['value_max']!r} is less than value {row['value']!r}",
                )
            )


def _url_problem(url: str) -> str | None:
    """Why ``url`` is not an address a reader can follow, or None."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc or any(c.isspace() for c in url):
        return f"{url!r} is not an http or https address"
    return None


def check_records(raw: RawTable, problems: list[Problem], skip: set) -> None:
    """Source records: an address to follow, a day of access, a record date that matches its
    precision and comes before the access."""
    for line, row in rows(raw.frame):
        if (line, "url") not in skip and (message := _url_problem(row["url"])):
            problems.append(Problem(raw.display, line, "url", message))
        accessed, published = row["accessed"], row["record_published"]
        accessed_ok = (line, "accessed") not in skip
        if accessed_ok and date_precision_of(accessed) != "day":
            problems.append(
                Problem(raw.display, line, "accessed", f"{accessed!r} is not a day (YYYY-MM-DD)")
            )
            accessed_ok = False
        if {(line, "record_published"), (line, "record_precision")} & skip:
            continue
        precision = row["record_precision"]
        if precision == "undated":
            if published:
                problems.append(
                    Problem(
                        raw.display,
                        line,
                        "record_published",
                        f"{published!r} is given but record_precision is 'undated'",
                    )
                )
            continue
        if not published:
            problems.append(
                Problem(
                    raw.display,
                    line,
                    "record_published",
                    f"is empty but record_precision is {precision!r} (use 'undated')",
                )
            )
            continue
        form = date_precision_of(published)
        if form != precision:
            problems.append(
                Problem(
                    raw.display,
                    line,
                    "record_precision",
                    f"{precision!r} does not match the date {published!r}, which is given to "
                    f"the {form}",
                )
            )
        elif accessed_ok and period(published)[0] > period(accessed)[0]:
            problems.append(
                Problem(
                    raw.display,
                    line,
                    "record_published",
                    f"{published!r} is after the day of access {accessed!r}",
                )
            )
