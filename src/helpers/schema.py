"""The one schema of the dataset: tables, columns, vocabularies and references.

Everything else derives from the declarations here: the pandera schemas that check each table
(:func:`pandera_schema`), the cross-table checks in :mod:`helpers.data`, the typed columns that
:func:`helpers.data.load` returns, and the data dictionary printed in the book's appendix.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:  # pandera is imported lazily: it is only needed to validate
    from collections.abc import Callable

    import pandas as pd
    import pandera.pandas as pa

# ----------------------------------------------------------------------------------------------
# Controlled vocabularies (each value with the meaning the data dictionary prints)
# ----------------------------------------------------------------------------------------------

DATE_PRECISIONS: dict[str, str] = {
    "day": "the date is known to the day (YYYY-MM-DD)",
    "month": "the date is known to the month (YYYY-MM)",
    "year": "the date is known to the year (YYYY)",
    "decade": "a historical period; the decade is stored as its first year (1980 = the 1980s)",
    "undated": "the sources give no date and none can be inferred; the date column is empty",
}

DATE_BASES: dict[str, str] = {
    "stated": "the date is written in the quoted passage",
    "relative": "a relative expression ('last month', 'this April') resolved against the "
    "publication date of the source; date_note gives the resolution",
    "inferred": "inferred from internal evidence in the sources; date_note gives the reasoning",
    "undated": "no date can be established from the sources",
}

EVENT_STATUSES: dict[str, str] = {
    "occurred": "the sources report the event as having happened",
    "planned": "announced or expected at the time of the source; the sources do not report "
    "whether it happened",
}

EVENT_CATEGORIES: dict[str, str] = {
    "visit": "an official visit by a leader, minister, commander or delegation",
    "meeting": "talks or a meeting between officials, including meetings on the sidelines",
    "conference": "a multilateral conference or summit",
    "exercise": "a joint military exercise or drill",
    "agreement": "an agreement, accord or decision signed or announced",
    "negotiation": "talks on a deal that the sources report as under way",
    "delivery": "a transfer of military or other equipment",
    "offer": "an offer of equipment, cooperation or hosting",
    "statement": "a public statement by an official or institution",
    "policy": "a change of policy, such as an embargo lifted or sanctions imposed",
    "membership": "a state joining an organisation",
    "institution": "a commission, working group, consulate or other body set up",
    "vote": "a vote or abstention in an international body",
    "conflict": "a war, invasion, withdrawal, attack or annexation",
    "period": "a historical period or alignment rather than a single event",
    "transition": "the end of a state or an era, such as the dissolution of the Soviet Union",
}

THEMES: dict[str, str] = {
    "diplomacy": "visits, talks, statements and institutions of bilateral diplomacy",
    "defence": "military cooperation: exercises, arms transfers, defence agreements",
    "energy": "gas, oil, power and pipeline projects",
    "economy": "trade, investment and industry other than energy",
    "counterterrorism": "terrorism and militancy, including Daesh and cooperation against it",
    "afghanistan": "Afghanistan: the Soviet war, the Taliban, the peace process, Daesh there",
    "china": "China and the China-led Shanghai Cooperation Organisation",
    "india": "India and India–Pakistan or India–Russia relations",
    "united_states": "the United States and its relations with Pakistan, India or Russia",
    "middle_east": "Iran, Syria, Saudi Arabia and the Gulf",
    "multilateral": "the UN, the SCO and other multilateral forums",
    "cold_war": "Cold War alignments and the Soviet era",
    "sanctions": "embargoes, sanctions and Russia's international isolation",
}

ACTOR_KINDS: dict[str, str] = {
    "person": "a named individual",
    "organisation": "a government body, company, armed force, university or other institution",
    "state": "a country",
    "group": "an armed or political movement, or an alliance",
}

SOURCE_KINDS: dict[str, str] = {
    "news": "a news report with quoted interviews",
    "opinion": "an opinion piece or column",
    "analysis": "a research or policy analysis",
}

PUBLISHED_PRECISIONS: dict[str, str] = {k: DATE_PRECISIONS[k] for k in ("day", "month", "year")}

DEAL_SECTORS: dict[str, str] = {
    "energy": "gas, oil, LNG, power and electricity",
    "defence": "weapons, helicopters, aircraft and military equipment",
    "industry": "industrial plants such as steel mills",
}

DEAL_STATUSES: dict[str, str] = {
    "named": "the source names the project but does not say where it stands",
    "interest": "a party has shown interest; nothing is agreed",
    "offered": "one party has offered; no agreement is reported",
    "negotiation": "the parties are negotiating",
    "agreed": "an agreement has been signed or announced",
    "stalled": "agreed but held up",
    "delivered": "equipment handed over or the project completed",
}

VALUE_QUALIFIERS: dict[str, str] = {
    "exact": "the value as stated",
    "approximate": "'around', 'some': an approximate value",
    "more_than": "'more than', 'in excess of': a lower bound",
    "almost": "'almost', 'nearly': just under the value",
    "range": "a range from value to value_max",
}

UNITS: dict[str, str] = {
    "USD": "United States dollars",
    "people": "persons (military personnel, troops, soldiers, students)",
    "years": "years",
    "days": "days",
    "weeks": "weeks",
    "meetings": "meetings",
    "exercises": "joint exercises",
    "helicopters": "helicopters",
    "projects": "projects",
    "comments": "reader comments",
    "ordinal": "the number in a series (the 12th meeting = 12)",
    "provinces": "provinces of Pakistan",
}

FIGURE_METRICS: dict[str, str] = {
    "trade_turnover": "two-way trade between Pakistan and Russia in a year",
    "deal_value": "the value of a deal or of deals under negotiation",
    "personnel": "the number of people taking part or deployed",
    "equipment": "a number of items of equipment",
    "duration": "how long something lasted",
    "interval": "the time between two events",
    "count": "a number of meetings, exercises, projects or comments",
    "ordinal": "the number of a meeting or anniversary in its series",
}

CLAIM_KINDS: dict[str, str] = {
    "interpretation": "an explanation or judgement about the relationship",
    "prediction": "an expectation about the future",
    "fact": "an assertion of fact that other voices contest or qualify",
}

CLAIM_TOPICS: dict[str, str] = {
    "russia_motives": "why Russia courts Pakistan",
    "pakistan_motives": "why Pakistan courts Russia",
    "afghanistan": "Afghanistan as a driver or a stake of the relationship",
    "china": "China's role and effects on Pakistan–China ties",
    "united_states": "the United States and effects on Pakistan–US ties",
    "india": "India and the India–Russia relationship",
    "middle_east": "Iran, Syria, Saudi Arabia and the Gulf",
    "trust": "trust and the legacy of history between the two states",
    "public_opinion": "what Pakistanis think of Russia",
    "russia_capacity": "Russia's economic capacity and international standing",
    "prospects": "where the relationship is heading",
    "economy": "trade and economic gains",
    "other_ties": "effects on Pakistan's ties with other partners, and balancing between them",
    "reception": "how readers received an article",
}

STANCES: dict[str, str] = {
    "reports": "the source reports the event, deal or figure",
    "supports": "the voice asserts or agrees with the claim",
    "disputes": "the voice contradicts the claim",
    "qualifies": "the voice accepts the claim in part or with conditions",
}

VOICES: dict[str, str] = {
    "author": "the article's author, in the article's own voice",
    "quoted": "a person or institution quoted or paraphrased by the article, by name or as a "
    "group ('analysts', 'observers')",
    "caption": "a photo caption of the article",
    "reported": "another publication or website the article relies on",
    "reader": "a reader comment published under the article",
}

CITATION_KINDS: dict[str, str] = {
    "article": "a dated article with a title",
    "media_report": "an outlet or 'media' named as reporting, without a title",
    "website": "a website or official statement cited as a source of figures or quotes",
    "photo_credit": "the credit line of a photograph",
    "original_publication": "the place where the seed text first appeared",
}

# ----------------------------------------------------------------------------------------------
# Column and table declarations
# ----------------------------------------------------------------------------------------------

ColumnKind = Literal[
    "id", "ref", "ref_list", "text", "date", "enum", "enum_list", "number", "integer", "sha256"
]

ID_PATTERN = r"[a-z0-9]+(?:-[a-z0-9]+)*"
DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
SHA256_RE = re.compile(r"^[0-9a-f]{64}$")
LIST_SEPARATOR = ";"


@dataclass(frozen=True)
class Column:
    """One column of a table: its kind, whether a value is required, and what it may hold."""

    name: str
    kind: ColumnKind
    description: str
    required: bool = True
    vocabulary: dict[str, str] | None = None
    references: tuple[str, ...] = ()

    @property
    def is_list(self) -> bool:
        """Whether a cell holds several ``;``-separated values."""
        return self.kind in ("ref_list", "enum_list")


@dataclass(frozen=True)
class Table:
    """One CSV table of ``data/``: its file, id column, id prefix and columns."""

    name: str
    id_prefix: str
    description: str
    columns: tuple[Column, ...]
    needs_evidence: bool = False
    optional_columns: tuple[str, ...] = field(default=())

    @property
    def file_name(self) -> str:
        """The CSV file name in the data folder."""
        return f"{self.name}.csv"

    @property
    def id_column(self) -> str:
        """The name of the id column (always the first column)."""
        return self.columns[0].name

    @property
    def column_names(self) -> tuple[str, ...]:
        """Every declared column name, in order."""
        return tuple(c.name for c in self.columns)

    def column(self, name: str) -> Column:
        """The declared column called ``name``."""
        for col in self.columns:
            if col.name == name:
                return col
        raise KeyError(name)


def _id(name: str, prefix: str, what: str) -> Column:
    return Column(name, "id", f"Stable id of the {what}: '{prefix}-' and lower-case words.")


SOURCES = Table(
    "sources",
    "src",
    "The five articles that are the evidence, one row each.",
    (
        _id("source_id", "src", "article"),
        Column("seed_file", "text", "File of the article's text under seeds/."),
        Column("sha256", "sha256", "SHA-256 of the seed file; checked on every load."),
        Column("title", "text", "Headline as printed."),
        Column("outlet", "text", "Publication that carried the article as archived in the seed."),
        Column("author", "text", "Author as printed, or the outlet for an unsigned report."),
        Column("published", "date", "Publication date (ISO-8601 prefix)."),
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
        ),
        Column(
            "date_precision", "enum", "How exactly the date is known.", vocabulary=DATE_PRECISIONS
        ),
        Column("end_date", "date", "End date for spans, same format.", required=False),
        Column("date_basis", "enum", "Where the date comes from.", vocabulary=DATE_BASES),
        Column(
            "date_note",
            "text",
            "How a relative or inferred date was resolved.",
            required=False,
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
            "value_usd", "number", "Value in US dollars where a source gives one.", required=False
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
        Column("value", "number", "The number (lower bound of a range)."),
        Column("value_max", "number", "Upper bound of a range.", required=False),
        Column("qualifier", "enum", "How the value is qualified.", vocabulary=VALUE_QUALIFIERS),
        Column("unit", "enum", "Unit of the value.", vocabulary=UNITS),
        Column("year", "integer", "Year the quantity refers to.", required=False),
        Column(
            "subject_id",
            "ref",
            "The event, deal or actor the figure belongs to.",
            required=False,
            references=("events", "deals", "actors"),
        ),
        Column("label", "text", "What the number counts, in words."),
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

TABLES: tuple[Table, ...] = (SOURCES, ACTORS, EVENTS, DEALS, FIGURES, CLAIMS, EVIDENCE, CITATIONS)
TABLES_BY_NAME: dict[str, Table] = {t.name: t for t in TABLES}
ID_PREFIXES: dict[str, str] = {t.id_prefix: t.name for t in TABLES}

# Stances allowed per kind of subject: facts are reported, claims are argued.
STANCES_FOR_SUBJECT: dict[str, tuple[str, ...]] = {
    "events": ("reports",),
    "deals": ("reports",),
    "figures": ("reports",),
    "claims": ("supports", "disputes", "qualifies"),
}


def table_of_id(identifier: str) -> str | None:
    """The table an id belongs to, from its prefix (``ev-…`` → ``events``), or None."""
    prefix = identifier.split("-", 1)[0]
    return ID_PREFIXES.get(prefix)


def split_list(cell: str) -> list[str]:
    """Split a ``;``-separated cell into its stripped, non-empty items."""
    return [item.strip() for item in cell.split(LIST_SEPARATOR) if item.strip()]


def date_problem(value: str) -> str | None:
    """Why ``value`` is not an ISO-8601 date prefix, or None when it is one."""
    match = DATE_RE.match(value)
    if not match:
        return "is not a date (YYYY, YYYY-MM or YYYY-MM-DD)"
    year, month, day = match.groups()
    if month is not None and not 1 <= int(month) <= 12:
        return "is not a date (YYYY, YYYY-MM or YYYY-MM-DD)"
    if day is not None:
        import datetime

        try:
            datetime.date(int(year), int(month), int(day))
        except ValueError:
            return "is not a calendar date"
    return None


def date_precision_of(value: str) -> str:
    """The precision a well-formed date prefix carries by its form: day, month or year."""
    return {1: "year", 2: "month", 3: "day"}[len(value.split("-"))]


# ----------------------------------------------------------------------------------------------
# pandera: per-table checks built from the declarations above
# ----------------------------------------------------------------------------------------------


def _cell_problem(column: Column, prefix: str | None) -> tuple[str, object]:
    """A (message, element-wise predicate) pair that checks one non-empty cell of ``column``."""
    if column.kind == "id":
        pattern = re.compile(rf"^{prefix}-{ID_PATTERN}$")
        return (
            f"is not an id of the form '{prefix}-words' (lower-case letters, digits, hyphens)",
            lambda v: bool(pattern.match(v)),
        )
    if column.kind in ("ref", "ref_list"):
        pattern = re.compile(rf"^[a-z]+-{ID_PATTERN}$")
        return (
            "is not an id (or a ';'-separated list of ids)",
            lambda v: all(pattern.match(x) for x in split_list(v)) and bool(split_list(v)),
        )
    if column.kind == "date":
        return (
            "is not a date (YYYY, YYYY-MM or YYYY-MM-DD)",
            lambda v: date_problem(v) is None,
        )
    if column.kind in ("enum", "enum_list"):
        allowed = set(column.vocabulary or ())
        choices = ", ".join(column.vocabulary or ())
        return (
            f"is not one of: {choices}",
            lambda v: bool(split_list(v)) and all(x in allowed for x in split_list(v)),
        )
    if column.kind == "number":
        return ("is not a number", _is_number)
    if column.kind == "integer":
        return ("is not a whole number", lambda v: re.fullmatch(r"-?\d+", v) is not None)
    if column.kind == "sha256":
        return ("is not a SHA-256 hex digest (64 hex digits)", lambda v: bool(SHA256_RE.match(v)))
    return ("is not text", lambda v: isinstance(v, str))


def _is_number(value: str) -> bool:
    try:
        float(value)
    except ValueError:
        return False
    return value.strip().lower() not in ("nan", "inf", "-inf", "infinity", "-infinity")


_PANDERA_SCHEMAS: dict[str, pa.DataFrameSchema] = {}


def pandera_schema(table: Table) -> pa.DataFrameSchema:
    """The pandera schema of ``table``, built once per process."""
    if table.name not in _PANDERA_SCHEMAS:
        _PANDERA_SCHEMAS[table.name] = build_pandera_schema(table)
    return _PANDERA_SCHEMAS[table.name]


def _each_distinct(predicate: Callable[[str], bool]) -> Callable[[pd.Series], pd.Series]:
    """A vectorized check: ``predicate`` (empty cells pass) run once per distinct value.

    Gives pandera the same failure cases as an element-wise check, without one Python call
    per cell through pandera's machinery: columns such as vocabularies repeat their values.
    """

    import numpy as np
    import pandas as pd

    def check(values: pd.Series) -> pd.Series:
        codes, distinct = values.factorize(use_na_sentinel=False)
        verdicts = np.fromiter(
            (value == "" or bool(predicate(value)) for value in distinct), bool, len(distinct)
        )
        return pd.Series(verdicts[codes], index=values.index)

    return check


def build_pandera_schema(table: Table) -> pa.DataFrameSchema:
    """The pandera schema that checks every cell of ``table`` (read as strings).

    Each check's ``error`` is the phrase printed after the offending value, so a failure reads
    ``data/events.csv:12: date: '2018-13' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)``.
    """
    import pandera.pandas as pa

    # The loader hands pandera strings only (an empty cell is ''), never a missing value; so
    # pandera is told not to look for missing values (``nullable=True``, ``ignore_na=False``),
    # which would scan every column once more per check.
    columns = {}
    for column in table.columns:
        message, predicate = _cell_problem(column, table.id_prefix)
        checks = [pa.Check(_each_distinct(predicate), error=message, name=message, ignore_na=False)]
        if column.required:
            checks.append(
                pa.Check(lambda s: s != "", error="is empty", name="is empty", ignore_na=False)
            )
        columns[column.name] = pa.Column(None, checks=checks, nullable=True, required=True)
    return pa.DataFrameSchema(columns, strict=False, coerce=False, name=table.name)
