"""The tables of the five articles' evidence: the articles themselves, the actors they name, the
events, deals, figures and claims they attest, the passages that attest them, and the works they
cite."""

from __future__ import annotations

from helpers.evidence.columns import (
    Column,
    Table,
    id_column,
)
from helpers.evidence.ranges import METRIC_UNITS, MONEY, UNIT_RANGES
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
    PUBLISHED_PRECISIONS,
    REPORTED_PRECISIONS,
    SOURCE_KINDS,
    STANCES,
    THEMES,
    UNITS,
    VALUE_QUALIFIERS,
    VOICES,
)


def by_unit(name: str, description: str, required: bool = True) -> Column:
    """A number column whose range depends on the row's unit."""
    return Column(name, "number", description, required, range_by="unit", ranges=UNIT_RANGES)


SOURCES = Table(
    "sources",
    "src",
    "The five articles that are the evidence, one row each.",
    (
        id_column("source_id", "src", "article"),
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
        id_column("actor_id", "act", "actor"),
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
        id_column("event_id", "ev", "event"),
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
        id_column("deal_id", "deal", "deal"),
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
        id_column("figure_id", "fig", "figure"),
        Column("metric", "enum", "What is measured.", vocabulary=FIGURE_METRICS),
        by_unit("value", "The number (lower bound of a range)."),
        by_unit("value_max", "Upper bound of a range.", required=False),
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
        id_column("claim_id", "claim", "claim"),
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
        id_column("evidence_id", "evi", "attestation"),
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
        id_column("citation_id", "cit", "citation"),
        Column("source_id", "ref", "The citing article.", references=("sources",)),
        Column("kind", "enum", "What is cited.", vocabulary=CITATION_KINDS),
        Column("cited_outlet", "text", "Outlet, agency or website cited."),
        Column("cited_author", "text", "Author of the cited work, if named.", required=False),
        Column("cited_title", "text", "Title of the cited work, if given.", required=False),
        Column("cited_date", "date", "Date of the cited work, if given.", required=False),
        Column("quote", "text", "Verbatim passage of the citing seed that names the work."),
    ),
)
