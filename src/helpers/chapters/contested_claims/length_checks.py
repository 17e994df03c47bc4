"""The stated lengths of time that the dates contradict, as a reader can follow them: the spans
the dates give, the passages that date them, the list of mismatches and the table of checks."""

from __future__ import annotations

import pandas as pd

from helpers.analysis import spans
from helpers.analysis.scope import Scope
from helpers.chapters.contested_claims.lengths import implied_words, range_words, stated_words
from helpers.evidence import Dataset
from helpers.evidence.dates import date_precision_of
from helpers.render import markup, words


def _dates_of(event: pd.Series, *, whole: bool) -> str:
    return str(
        words.event_date(
            event["date"],
            event["date_precision"],
            event["end_date"] if whole else "",
            qualifier=event["date_qualifier"],
        )
    )


def span_dates(check: pd.Series, dataset: Dataset, sources: pd.DataFrame) -> str:
    """The span the events' dates give, in words: '24 September – 10 October 2016', '2008 to
    21 April 2021 (the article's date)', '18 July 2005 to 2014'."""
    events = dataset.events
    first = events.loc[check["span_from"]]
    if check["span_to"] == check["span_from"]:
        return _dates_of(first, whole=True)
    if check["to_publication"]:
        source = sources.loc[check["source_id"]]
        published = words.format_date(source["published"], source["published_precision"])
        return f"{_dates_of(first, whole=False)} to {published} (the article's date)"
    return (
        f"{_dates_of(first, whole=False)} to {_dates_of(events.loc[check['span_to']], whole=False)}"
    )


def dating_passage(scope: Scope, event_id: str, check: pd.Series, year: int) -> markup.Markup:
    """A link to the passage that dates a spanning event, quoted: nothing when the passage that
    states the span names the ``year`` itself; else an in-scope attestation of the event that
    names it, the stating source's first; else the stating source's own attestation."""
    if any(str(year) in quote for quote in check["quotes"]):
        return markup.Markup("")
    evidence = scope.evidence_for([event_id])
    evidence = evidence[~evidence["quote"].isin(check["quotes"])]
    own = evidence["source_id"] == check["source_id"]
    naming = evidence["quote"].str.contains(str(year), regex=False)
    for chosen in (evidence[own & naming], evidence[naming], evidence[own]):
        if len(chosen):
            row = chosen.iloc[0]
            own_passage = row["source_id"] == check["source_id"]
            by = "" if own_passage else f"{markup.escape(row['source_label'] + ':')} "
            quoted = "“" + row["quote"] + "”"
            return markup.Markup(f" ({by}{markup.passage(chosen.index[0], quoted)})")
    return markup.Markup("")


def _year(date: str) -> int:
    return int(date[:4])


def _dated(scope: Scope, event_id: str, check: pd.Series, *, whole: bool) -> str:
    """An event's date (or dates) in words, each with the passage that gives it."""
    event = scope.dataset.events.loc[event_id]
    start = dating_passage(scope, event_id, check, _year(event["date"]))
    if whole and event["end_date"]:
        end = dating_passage(scope, event_id, check, _year(event["end_date"]))
        if end in ("", start):
            return f"{markup.escape(_dates_of(event, whole=True))}{start}"
        first = words.event_date(
            event["date"], event["date_precision"], qualifier=event["date_qualifier"]
        )
        last = words.format_date(event["end_date"], date_precision_of(event["end_date"]))
        return f"{markup.escape(first)}{start} to {markup.escape(last)}{end}"
    return f"{markup.escape(_dates_of(event, whole=whole))}{start}"


def mismatch_item(check: pd.Series, scope: Scope) -> markup.Markup:
    """One mismatch as a sentence a reader can follow: the stated length and its passage, the
    span its events' dates give (with the passages that date them), the length that span is,
    and the range the wording allows."""
    sources = scope.sources
    stated = stated_words(check)
    link = markup.passage(check["evidence_ids"][0], f"“{check['quotes'][0]}”")
    if check["span_to"] == check["span_from"]:
        span = _dated(scope, check["span_from"], check, whole=True)
    else:
        start = _dated(scope, check["span_from"], check, whole=False)
        if check["to_publication"]:
            source = sources.loc[check["source_id"]]
            end = markup.escape(
                f"{words.format_date(source['published'], source['published_precision'])}, "
                "the article's date,"
            )
        else:
            end = _dated(scope, check["span_to"], check, whole=False)
        span = f"from {start} to {end}"
    direction = "more" if check["implied_low"] > check["allowed_high"] else "less"
    return markup.Markup(
        f"**{markup.escape(stated[0].upper() + stated[1:])}** in "
        f"{markup.escape(check['source'])} ({link}); but {span} "
        f"{markup.escape(implied_words(check['implied_low'], check['implied_high']))}: "
        f"{direction} than the "
        f"{markup.escape(range_words(check['allowed_low'], check['allowed_high']))} that "
        f"“{markup.escape(stated)}” allows."
    )


def mismatch_items(checks: pd.DataFrame, scope: Scope) -> markup.Markup:
    """Every mismatch as an item of a list, the largest first; the sentence for none when
    there is none."""
    found = spans.mismatches(checks)
    if found.empty:
        return markup.escape(
            "No stated length of time in this selection is contradicted by its dates."
        )
    return markup.Markup("".join(f"- {mismatch_item(c, scope)}\n" for _, c in found.iterrows()))


VERDICT_OF_CHECK = {
    "mismatch": "the dates contradict it",
    "consistent": "within what the wording allows",
    "circular": "not testable: the date comes from this statement",
    "undated": "not testable: an event has no date",
}


def checks_table(checks: pd.DataFrame, scope: Scope) -> pd.DataFrame:
    """Every stated length of time checked: the statement (linked), the span its events' dates
    give, the length that span implies, what the wording allows, and the verdict."""
    rows = []
    for _, check in checks.iterrows():
        stated = stated_words(check)
        rows.append(
            {
                "Stated": markup.Markup(
                    f"{markup.escape(stated)}: "
                    + ", ".join(
                        markup.passage(e, f"“{q}”")
                        for e, q in zip(check["evidence_ids"], check["quotes"], strict=True)
                    )
                ),
                "Source": check["source"],
                "Span by the dates": span_dates(check, scope.dataset, scope.sources),
                "Implied": ""
                if check["verdict"] == "undated"
                else implied_words(check["implied_low"], check["implied_high"]).removeprefix("is "),
                "The wording allows": range_words(check["allowed_low"], check["allowed_high"]),
                "Verdict": VERDICT_OF_CHECK[check["verdict"]],
            }
        )
    columns = ["Stated", "Source", "Span by the dates", "Implied", "The wording allows", "Verdict"]
    return pd.DataFrame(rows, columns=columns)


def checks_data(checks: pd.DataFrame) -> pd.DataFrame:
    """The CSV beside the table of checks: lengths in days, one row per figure and source."""
    data = checks.copy()
    data["evidence_ids"] = [";".join(e) for e in data["evidence_ids"]]
    return data.drop(columns=["quotes"])
