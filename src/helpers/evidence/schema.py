"""The one schema of the dataset: tables, their columns, the vocabulary each column takes, the
tables each reference points to, the values each column may hold (:mod:`~helpers.evidence.ranges`).

Everything else derives from the declarations here: the pandera schemas that check each table
(:mod:`helpers.evidence.cells`), the cross-table checks (:mod:`helpers.evidence.checks`), the
typed columns that :func:`helpers.evidence.load` returns, and the data dictionary of the book's
appendix.
"""

from __future__ import annotations

from helpers.evidence.columns import (
    COLUMN_KIND_WORDS,
    ID_PATTERN,
    LIST_SEPARATOR,
    SHA256_RE,
    URL_PATTERN,
    Column,
    ColumnKind,
    Table,
    split_list,
)
from helpers.evidence.ranges import METRIC_UNITS, MONEY, STANCES_FOR_SUBJECT, UNIT_RANGES
from helpers.evidence.vocabularies import (
    ACTOR_KINDS,
    CITATION_KINDS,
    CLAIM_KINDS,
    CLAIM_TOPICS,
    DATE_BASES,
    DATE_PRECISIONS,
    DATE_QUALIFIERS,
    DEAL_SECTORS,
    DEAL_STATUSES,
    EVENT_CATEGORIES,
    EVENT_STATUSES,
    FIGURE_METRICS,
    LANGUAGES,
    LATER_DATE_PRECISIONS,
    LATER_PUBLISHED_PRECISIONS,
    LATER_SOURCE_KINDS,
    PUBLISHED_PRECISIONS,
    RECORD_ASPECTS,
    RECORD_BASES,
    RECORD_PRECISIONS,
    REPORTED_PRECISIONS,
    SOURCE_KINDS,
    STANCES,
    THEMES,
    TITLE_BASES,
    UNITS,
    VALUE_QUALIFIERS,
    VERDICTS,
    VOICES,
)

__all__ = [
    "ARTICLE_TABLES",
    "COLUMN_KIND_WORDS",
    "ID_PATTERN",
    "LATER_TABLES",
    "LIST_SEPARATOR",
    "SHA256_RE",
    "STANCES_FOR_SUBJECT",
    "TABLES",
    "URL_PATTERN",
    "Column",
    "ColumnKind",
    "Table",
    "split_list",
    "table_of_id",
]


def _id(name: str, prefix: str, what: str) -> Column:
    return Column(name, "id", f"Stable id of the {what}: '{prefix}-' and lower-case words.")


def _by_unit(name: str, description: str, required: bool = True) -> Column:
    return Column(name, "number", description, required, range_by="unit", ranges=UNIT_RANGES)


SOURCES = Table(
    "sources",
    "src",
    "The five articles that are the evidence, one row each.",
    (
        _id("source_id", "src", "article"),
        Column("seed_file", "text", "File of the article's text under seeds/.", inside="seeds"),
        Column("sha256", "sha256", "SHA-256 of the seed file; checked on every load."),
        Column("title", "text", "Headline as printed."),
        Column("outlet", "text", "Publication that carried the article as archived in the seed."),
        Column("author", "text", "Author as printed, or the outlet for an unsigned report."),
        Column(
            "published",
            "date",
            "Publication date (ISO-8601 prefix).",
            years="published",
            precision="published_precision",
            not_before=("published_after", "original_published"),
        ),
        Column(
            "published_precision",
            "enum",
            "How exactly the publication date is known.",
            vocabulary=PUBLISHED_PRECISIONS,
        ),
        Column(
            "date_basis",
            "text",
            "How the publication date was established: a date line, or the internal evidence.",
        ),
        Column("kind", "enum", "Genre of the article.", vocabulary=SOURCE_KINDS),
        Column(
            "published_after",
            "date",
            "Earliest date the text can have been written, from the latest event it reports.",
            required=False,
        ),
        Column(
            "original_outlet",
            "text",
            "Where the text first appeared, when the seed is a reprint.",
            required=False,
        ),
        Column("original_published", "date", "Date of first appearance.", required=False),
        Column(
            "original_url",
            "url",
            "Where the article can be read at its outlet, when that address is known and public.",
            required=False,
        ),
        Column(
            "archive_url",
            "url",
            "An archived copy of the article (a web archive's address), when one is known.",
            required=False,
        ),
        Column("perspective", "text", "The article's standpoint and whom it quotes."),
    ),
)

ACTORS = Table(
    "actors",
    "act",
    "People, organisations, states and groups named by the articles.",
    (
        _id("actor_id", "act", "actor"),
        Column("name", "text", "Name in its most common spelling."),
        Column(
            "aliases",
            "text",
            "Other spellings and names used by the articles, ';'-separated.",
            required=False,
        ),
        Column("country", "text", "Country the actor belongs to or acts for.", required=False),
        Column("kind", "enum", "What kind of actor.", vocabulary=ACTOR_KINDS),
        Column("role", "text", "Office or role as the articles give it, with its time."),
    ),
)

EVENTS = Table(
    "events",
    "ev",
    "Dated or datable happenings: visits, meetings, exercises, agreements, historical periods.",
    (
        _id("event_id", "ev", "event"),
        Column(
            "date",
            "date",
            "Start date (ISO-8601 prefix); empty only when undated.",
            required=False,
            precision="date_precision",
        ),
        Column(
            "date_precision", "enum", "How exactly the date is known.", vocabulary=DATE_PRECISIONS
        ),
        Column(
            "end_date",
            "date",
            "End date for spans, same format.",
            required=False,
            not_before=("date",),
        ),
        Column("date_basis", "enum", "Where the date comes from.", vocabulary=DATE_BASES),
        Column(
            "date_note",
            "text",
            "How a relative or inferred date was resolved.",
            required=False,
        ),
        Column(
            "date_qualifier",
            "enum",
            "How the event stands to its date; empty when it falls within the date.",
            required=False,
            vocabulary=DATE_QUALIFIERS,
        ),
        Column("category", "enum", "Kind of event.", vocabulary=EVENT_CATEGORIES),
        Column("themes", "enum_list", "Themes, ';'-separated.", vocabulary=THEMES),
        Column("title", "text", "Short title."),
        Column("summary", "text", "One or two sentences on what happened, as the sources tell it."),
        Column("location", "text", "Place, as precise as the sources allow.", required=False),
        Column(
            "actors",
            "ref_list",
            "Actors involved, ';'-separated actor ids.",
            required=False,
            references=("actors",),
        ),
        Column("status", "enum", "Whether it happened or was planned.", vocabulary=EVENT_STATUSES),
        Column(
            "deal_id",
            "ref",
            "The deal this event is a step of, if any.",
            required=False,
            references=("deals",),
        ),
        Column(
            "note",
            "text",
            "Curator's note: where a location, an actor or a reading comes from when the "
            "passages do not name it plainly.",
            required=False,
        ),
    ),
    needs_evidence=True,
)

DEALS = Table(
    "deals",
    "deal",
    "Energy, defence and industrial projects between Pakistan and Russia (and related ones).",
    (
        _id("deal_id", "deal", "deal"),
        Column("name", "text", "Name of the project."),
        Column(
            "aliases", "text", "Other names used by the sources, ';'-separated.", required=False
        ),
        Column("sector", "enum", "Sector.", vocabulary=DEAL_SECTORS),
        Column(
            "parties",
            "ref_list",
            "Parties, ';'-separated actor ids.",
            references=("actors",),
        ),
        Column(
            "value_usd",
            "number",
            "Value in US dollars where a source gives one.",
            required=False,
            range=MONEY,
        ),
        Column(
            "value_qualifier",
            "enum",
            "How the value is qualified.",
            required=False,
            vocabulary=VALUE_QUALIFIERS,
        ),
        Column(
            "status",
            "enum",
            "Status in the latest source that reports the deal.",
            vocabulary=DEAL_STATUSES,
        ),
        Column("summary", "text", "What the project is."),
        Column("obstacles", "text", "Obstacles the sources name.", required=False),
    ),
    needs_evidence=True,
)

FIGURES = Table(
    "figures",
    "fig",
    "Every quantity with a unit that the articles give.",
    (
        _id("figure_id", "fig", "figure"),
        Column("metric", "enum", "What is measured.", vocabulary=FIGURE_METRICS),
        _by_unit("value", "The number (lower bound of a range)."),
        _by_unit("value_max", "Upper bound of a range.", required=False),
        Column("qualifier", "enum", "How the value is qualified.", vocabulary=VALUE_QUALIFIERS),
        Column(
            "unit",
            "enum",
            "Unit of the value.",
            vocabulary=UNITS,
            choices_by="metric",
            choices=METRIC_UNITS,
        ),
        Column("year", "integer", "Year the quantity refers to.", required=False, years="book"),
        Column(
            "subject_id",
            "ref",
            "The event, deal or actor the figure belongs to.",
            required=False,
            references=("events", "deals", "actors"),
        ),
        Column("label", "text", "What the number counts, in words."),
        Column(
            "span_from",
            "ref",
            "For a duration or interval: the event whose start begins the span it states.",
            required=False,
            references=("events",),
        ),
        Column(
            "span_to",
            "ref",
            "The event whose start ends the span; empty: up to the stating source's publication.",
            required=False,
            references=("events",),
            not_before=("span_from",),
        ),
    ),
    needs_evidence=True,
)

CLAIMS = Table(
    "claims",
    "claim",
    "Interpretive assertions about the relationship, by the authors and the people they quote.",
    (
        _id("claim_id", "claim", "claim"),
        Column("topic", "enum", "What the claim is about.", vocabulary=CLAIM_TOPICS),
        Column("statement", "text", "The claim, stated neutrally."),
        Column("kind", "enum", "Kind of claim.", vocabulary=CLAIM_KINDS),
        Column(
            "horizon",
            "date",
            "For a prediction: the date by which it speaks, when the passage gives one.",
            required=False,
            years="horizon",
        ),
    ),
    needs_evidence=True,
)

EVIDENCE = Table(
    "evidence",
    "evi",
    "The provenance table: one row per attestation of an event, deal, figure or claim by a source.",
    (
        _id("evidence_id", "evi", "attestation"),
        Column("source_id", "ref", "The article.", references=("sources",)),
        Column(
            "subject_id",
            "ref",
            "The event, deal, figure or claim attested.",
            references=("events", "deals", "figures", "claims"),
        ),
        Column("quote", "text", "Verbatim passage of the seed (see the normalization)."),
        Column("speaker", "text", "Who asserts it: 'author', a named person, 'reader comment 3'."),
        Column(
            "speaker_id",
            "ref",
            "The speaker's actor id when the speaker is an actor.",
            required=False,
            references=("actors",),
        ),
        Column("voice", "enum", "The kind of voice.", vocabulary=VOICES),
        Column("stance", "enum", "'reports' for facts; a stance for claims.", vocabulary=STANCES),
        Column(
            "reported_date",
            "date",
            "The date this source gives, where the sources differ.",
            required=False,
            precision="reported_precision",
        ),
        Column(
            "reported_precision",
            "enum",
            "How exactly reported_date is known, where its form does not say (a decade).",
            required=False,
            vocabulary=REPORTED_PRECISIONS,
        ),
        Column(
            "reported_value",
            "text",
            "The value or wording this source gives, where the sources differ.",
            required=False,
        ),
        Column(
            "reported_status",
            "enum",
            "For a deal: its status as this source reports it at its date.",
            required=False,
            vocabulary=DEAL_STATUSES,
        ),
        Column("note", "text", "Curator's note: resolution of dates, context.", required=False),
        Column(
            "origins",
            "ref_list",
            "The citations (publications) the article credits this passage to, ';'-separated.",
            required=False,
            references=("citations",),
        ),
    ),
)

CITATIONS = Table(
    "citations",
    "cit",
    "Works, outlets and websites that the articles cite, linked to the citing article.",
    (
        _id("citation_id", "cit", "citation"),
        Column("source_id", "ref", "The citing article.", references=("sources",)),
        Column("kind", "enum", "What is cited.", vocabulary=CITATION_KINDS),
        Column("cited_outlet", "text", "Outlet, agency or website cited."),
        Column("cited_author", "text", "Author of the cited work, if named.", required=False),
        Column("cited_title", "text", "Title of the cited work, if given.", required=False),
        Column("cited_date", "date", "Date of the cited work, if given.", required=False),
        Column("quote", "text", "Verbatim passage of the citing seed that names the work."),
    ),
)

SOURCE_RECORD = Table(
    "source_record",
    "rec",
    "Facts about the five sources that the articles do not state, each from a public record "
    "outside them (the outlet's publisher and funding, the author's position, where the text "
    "first appeared), cited with its address and date of access and quoted.",
    (
        _id("record_id", "rec", "fact about a source"),
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
        _id("later_id", "later", "attestation of the later record"),
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
        _id("outcome_id", "out", "outcome"),
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

ARTICLE_TABLES: tuple[Table, ...] = (
    SOURCES,
    ACTORS,
    EVENTS,
    DEALS,
    FIGURES,
    CLAIMS,
    EVIDENCE,
    CITATIONS,
    SOURCE_RECORD,
)
"""The tables of the five articles' evidence: everything the chapters count."""

LATER_TABLES: tuple[Table, ...] = (LATER_RECORD, OUTCOMES)
"""The tables of the later record, kept apart from the articles' evidence."""

TABLES: tuple[Table, ...] = ARTICLE_TABLES + LATER_TABLES
TABLES_BY_NAME: dict[str, Table] = {t.name: t for t in TABLES}
ID_PREFIXES: dict[str, str] = {t.id_prefix: t.name for t in TABLES}


def table_of_id(identifier: str) -> str | None:
    """The table an id belongs to, from its prefix (``ev-…`` → ``events``), or None."""
    prefix = identifier.split("-", 1)[0]
    return ID_PREFIXES.get(prefix)
