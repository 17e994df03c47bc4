"""The tables of records from outside the five articles: what public records say about the
sources, and the later record (what publications after the articles report, and the verdicts on
the articles' predictions and open threads). Never evidence of the articles."""

from __future__ import annotations

from helpers.evidence.columns import (
    Column,
    Table,
    id_column,
)
from helpers.evidence.vocabularies import (
    LANGUAGES,
    LATER_DATE_PRECISIONS,
    LATER_PUBLISHED_PRECISIONS,
    LATER_SOURCE_KINDS,
    RECORD_ASPECTS,
    RECORD_BASES,
    RECORD_PRECISIONS,
    TITLE_BASES,
    VERDICTS,
)

SOURCE_RECORD = Table(
    "source_record",
    "rec",
    "Facts about the five sources that the articles do not state, each from a public record "
    "outside them (the outlet's publisher and funding, the author's position, where the text "
    "first appeared), cited with its address and date of access and quoted.",
    (
        id_column("record_id", "rec", "fact about a source"),
        Column("source_id", "ref", "The article the fact is about.", references=("sources",)),
        Column("aspect", "enum", "What the fact is about.", vocabulary=RECORD_ASPECTS),
        Column(
            "statement",
            "text",
            "The fact, in a sentence that says only what the record shows (and, where part of "
            "it could not be found, says so).",
        ),
        Column(
            "basis",
            "enum",
            "Where the fact comes from: always outside the five articles.",
            vocabulary=RECORD_BASES,
        ),
        Column("record_publisher", "text", "Who publishes the public record."),
        Column(
            "record_title",
            "text",
            "Title of the record as shown; empty when the stored copy shows none.",
            required=False,
        ),
        Column(
            "record_published",
            "date",
            "Date of the record as it gives it; empty when it gives none.",
            required=False,
        ),
        Column(
            "record_precision",
            "enum",
            "How exactly the record's date is known ('undated' when it gives none).",
            vocabulary=RECORD_PRECISIONS,
        ),
        Column("url", "text", "Address of the record (http or https)."),
        Column("accessed", "date", "Day the record was read (YYYY-MM-DD)."),
        Column("excerpt", "text", "Verbatim excerpt of the record that shows the fact."),
    ),
    may_be_empty=True,
    years="published",
)

LATER_RECORD = Table(
    "later_record",
    "later",
    "The later record: what publications after the five articles report about the events, "
    "deals and claims the articles leave open, one row per attestation. Not evidence of the "
    "articles: no chapter counts these rows.",
    (
        id_column("later_id", "later", "attestation of the later record"),
        Column(
            "subject_ids",
            "ref_list",
            "The events, deals and claims of the articles this attestation bears on, "
            "';'-separated: a prediction, a planned visit, a deal left open.",
            references=("events", "deals", "claims"),
        ),
        Column("what_happened", "text", "What happened, in the book's words, as the excerpt says."),
        Column("date", "date", "When it happened (ISO-8601 prefix)."),
        Column(
            "date_precision",
            "enum",
            "How exactly that date is known.",
            vocabulary=LATER_DATE_PRECISIONS,
        ),
        Column(
            "date_note",
            "text",
            "How the date was established when the excerpt does not state it.",
            required=False,
        ),
        Column("outlet", "text", "The publication whose page was read."),
        Column(
            "relays",
            "text",
            "The agency, outlet or office whose text or report that page reproduces or sums up.",
            required=False,
        ),
        Column(
            "title",
            "text",
            "The page's title, as title_basis says; empty only when title_basis is 'none'.",
            required=False,
        ),
        Column("title_basis", "enum", "Where the title comes from.", vocabulary=TITLE_BASES),
        Column(
            "published",
            "date",
            "Publication date of the page; empty when the stored copy shows none.",
            required=False,
        ),
        Column(
            "published_precision",
            "enum",
            "How exactly the publication date is known ('undated' when the page shows none).",
            vocabulary=LATER_PUBLISHED_PRECISIONS,
        ),
        Column("url", "text", "Address of the page (http or https)."),
        Column(
            "archive_url",
            "text",
            "Address of an archived copy of the page, where there is one.",
            required=False,
        ),
        Column("excerpt", "text", "A short verbatim excerpt of the page, as accessed."),
        Column("language", "enum", "Language of the excerpt.", vocabulary=LANGUAGES),
        Column(
            "translation",
            "text",
            "The book's English translation of an excerpt in another language.",
            required=False,
        ),
        Column("accessed", "date", "Date on which the page was read."),
        Column("source_kind", "enum", "What kind of publication.", vocabulary=LATER_SOURCE_KINDS),
        Column("note", "text", "Curator's note: how far the page can be trusted.", required=False),
    ),
    later_record=True,
    may_be_empty=True,
    years="published",
)

OUTCOMES = Table(
    "outcomes",
    "out",
    "The scorecard: for each prediction of the articles and each thread they leave open (a "
    "planned visit or exercise, a deal), what became of it in the later record and the verdict. "
    "Not evidence of the articles.",
    (
        id_column("outcome_id", "out", "outcome"),
        Column(
            "subject_id",
            "ref",
            "The prediction (a claim), the planned event or the deal; one outcome each.",
            references=("events", "deals", "claims"),
        ),
        Column("thread", "text", "A short name of the thread, for readers."),
        Column("verdict", "enum", "What the later record makes of it.", vocabulary=VERDICTS),
        Column("outcome", "text", "What became of it, as far as the later record goes."),
        Column("reasoning", "text", "Why this verdict: what the later-record rows show."),
        Column(
            "later_ids",
            "ref_list",
            "The later-record rows behind the verdict, ';'-separated; empty only for 'too_early'.",
            required=False,
            references=("later_record",),
        ),
        Column(
            "not_found",
            "text",
            "What the later record does not show: looked for and not found in the stored pages.",
            required=False,
        ),
    ),
    later_record=True,
    may_be_empty=True,
    years="published",
)
