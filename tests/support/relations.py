"""A small hand-made record of Pakistan–Russia relations for the unit tests of the chronology
and the military ties: four articles (with the real articles' ids, since the chapters name them),
a Cold War, a thaw, a turn to defence, exercises, helicopters, a visit whose sources disagree on
the date and on whom the visitor met, and an undated event; and, when asked, three rows of a later
record.

Rows name only the columns that matter; :func:`support.handmade.dataset` fills the rest.
"""

from __future__ import annotations

from helpers.evidence import Dataset
from support.handmade import dataset

DESILVA, RIZVI, FORWARD, FERNANDEZ = "src-fdi-2012", "src-an-2018", "src-pf-2018", "src-pr-2021"

SOURCES = [
    {
        "source_id": DESILVA,
        "author": "Ann Alpha",
        "outlet": "Blog",
        "published": "2012-03-24",
        "published_precision": "day",
        "kind": "analysis",
    },
    {
        "source_id": RIZVI,
        "author": "Bo Beta",
        "outlet": "Daily",
        "published": "2018",
        "published_precision": "year",
        "kind": "opinion",
    },
    {
        "source_id": FORWARD,
        "author": "Forward",
        "outlet": "Forward",
        "published": "2018",
        "published_precision": "year",
        "kind": "news",
    },
    {
        "source_id": FERNANDEZ,
        "author": "Di Delta",
        "outlet": "Brief",
        "published": "2021-04-21",
        "published_precision": "day",
        "kind": "analysis",
    },
]

ACTORS = [
    {"actor_id": "act-pk", "name": "Pakistan", "country": "Pakistan", "kind": "state"},
    {"actor_id": "act-ru", "name": "Russia", "country": "Russia", "kind": "state"},
    {"actor_id": "act-su", "name": "Soviet Union", "country": "Soviet Union", "kind": "state"},
    {"actor_id": "act-us", "name": "United States", "country": "United States", "kind": "state"},
    {
        "actor_id": "act-pres",
        "name": "Pervez Prez",
        "country": "Pakistan",
        "kind": "person",
        "role": "Former President of Pakistan; visited Moscow in 2003.",
    },
    {
        "actor_id": "act-primo",
        "name": "Mikhail Primo",
        "country": "Russia",
        "kind": "person",
        "role": "Prime Minister of Russia (2007).",
    },
    {
        "actor_id": "act-imran",
        "name": "Imran Prime",
        "country": "Pakistan",
        "kind": "person",
        "role": "Prime Minister of Pakistan (2021).",
    },
    {
        "actor_id": "act-lav",
        "name": "Sergey Lav",
        "country": "Russia",
        "kind": "person",
        "role": "Foreign Minister of Russia (2021).",
    },
    {
        "actor_id": "act-chief",
        "name": "Qamar Chief",
        "country": "Pakistan",
        "kind": "person",
        "role": "Chief of Army Staff of Pakistan (2018).",
    },
    {
        "actor_id": "act-staff",
        "name": "Valery Staff",
        "country": "Russia",
        "kind": "person",
        "role": "Chief of the General Staff (2018).",
    },
    {
        "actor_id": "act-ground",
        "name": "Oleg Ground",
        "aliases": "Gen Oleg Ground",
        "country": "Russia",
        "kind": "person",
        "role": "Commander of the ground forces (2018).",
    },
    {
        "actor_id": "act-visitor",
        "name": "Sergei Visitor",
        "country": "Russia",
        "kind": "person",
        "role": "Deputy Chief of the General Staff (2017).",
    },
    {
        "actor_id": "act-nixon",
        "name": "Richard Nixon",
        "country": "United States",
        "kind": "person",
        "role": "President of the United States (1970s).",
    },
    {
        "actor_id": "act-army-ru",
        "name": "Russian ground forces",
        "country": "Russia",
        "kind": "organisation",
    },
    {
        "actor_id": "act-army-pk",
        "name": "Pakistan Army",
        "country": "Pakistan",
        "kind": "organisation",
    },
]


def _event(
    event_id: str, date: str, precision: str, category: str, themes: str, actors: str, **more: str
) -> dict[str, str]:
    row = {
        "event_id": event_id,
        "date": date,
        "date_precision": precision,
        "category": category,
        "themes": themes,
        "actors": actors,
        "title": more.pop("title", event_id.removeprefix("ev-").replace("-", " ").capitalize()),
        "summary": more.pop("summary", "What happened."),
        "status": more.pop("status", "occurred"),
        "date_basis": more.pop("date_basis", "stated"),
    }
    row.update(more)
    return row


EVENTS = [
    _event(
        "ev-1948-diplomatic-relations",
        "1948",
        "year",
        "agreement",
        "diplomacy",
        "act-pk;act-ru",
        date_basis="inferred",
    ),
    _event(
        "ev-1950s-cold-war-alignments",
        "1950",
        "decade",
        "period",
        "cold_war;india",
        "act-pk;act-su",
    ),
    _event(
        "ev-1965-soviet-balanced-approach",
        "1965",
        "year",
        "period",
        "cold_war",
        "act-su;act-pk",
        end_date="1970",
    ),
    _event(
        "ev-1968-soviet-equipment",
        "1968",
        "year",
        "delivery",
        "defence;cold_war",
        "act-su;act-pk",
        end_date="1969",
        deal_id="deal-soviet",
        title="Soviet arms for Pakistan",
    ),
    _event(
        "ev-1970s-nixon", "1970", "decade", "meeting", "cold_war;united_states", "act-nixon;act-pk"
    ),
    _event(
        "ev-1980s-soviet-afghan-war",
        "1980",
        "decade",
        "conflict",
        "afghanistan;cold_war",
        "act-su;act-pk",
        end_date="1989-02-15",
        title="Soviet war in Afghanistan",
    ),
    _event(
        "ev-1980s-mutual-accusations",
        "1980",
        "decade",
        "period",
        "cold_war",
        "act-pk;act-ru",
        end_date="1999",
    ),
    _event(
        "ev-2003-musharraf-moscow",
        "2003-02",
        "month",
        "visit",
        "diplomacy",
        "act-pres;act-ru",
        title="President visits Moscow",
    ),
    _event(
        "ev-2007-fradkov-visit",
        "2007",
        "year",
        "visit",
        "diplomacy",
        "act-primo;act-pk",
        title="Prime Minister visits Pakistan",
    ),
    _event(
        "ev-2012-military-cooperation-talks",
        "2012-03",
        "month",
        "negotiation",
        "defence",
        "act-pk;act-ru",
        date_qualifier="by",
        title="Talks on arms",
        summary="There have been talks on arms.",
    ),
    _event(
        "ev-2012-putin-visit-planned",
        "2012-09",
        "month",
        "visit",
        "diplomacy",
        "act-primo;act-pk",
        status="planned",
        title="Planned visit",
    ),
    _event(
        "ev-2014-arms-embargo-lifted",
        "2014",
        "year",
        "policy",
        "defence;sanctions",
        "act-ru;act-pk",
        title="Embargo lifted",
    ),
    _event(
        "ev-2014-military-cooperation-agreement",
        "2014",
        "year",
        "agreement",
        "defence",
        "act-ru;act-pk",
        title="Military agreement",
        date_note="Dated 2014; the 2015 deal is read as another.",
    ),
    _event(
        "ev-2015-deal",
        "2015",
        "year",
        "agreement",
        "defence",
        "act-ru;act-pk",
        title="A deal of 2015",
        note="Reading: a deal of its own.",
    ),
    _event(
        "ev-2016-first-joint-exercise",
        "2016-09-24",
        "day",
        "exercise",
        "defence;counterterrorism",
        "act-army-ru;act-army-pk",
        end_date="2016-10-10",
        location="Rattu",
        title="First joint exercise",
    ),
    _event(
        "ev-2017-miranshah-visit",
        "2017-03-30",
        "day",
        "visit",
        "defence",
        "act-visitor",
        location="Miranshah",
        title="Delegation in Miranshah",
    ),
    _event(
        "ev-2017-helicopter-delivery",
        "2017",
        "year",
        "delivery",
        "defence",
        "act-ru;act-pk",
        deal_id="deal-mi35m-helicopters",
        title="Helicopters handed over",
    ),
    _event(
        "ev-2018-military-commission",
        "2018-02",
        "month",
        "institution",
        "defence",
        "act-pk;act-ru",
        title="Commission",
    ),
    _event(
        "ev-2018-bajwa-moscow-visit",
        "2018-04-24",
        "day",
        "visit",
        "defence;diplomacy",
        "act-chief;act-staff;act-ground;act-pk;act-ru",
        location="Moscow",
        title="Army chief in Moscow",
    ),
    _event(
        "ev-2018-sco-exercise-planned",
        "2018",
        "year",
        "exercise",
        "defence;multilateral",
        "act-pk;act-ru",
        status="planned",
        title="Planned exercise",
    ),
    _event(
        "ev-2018-india-objects",
        "2018",
        "year",
        "statement",
        "india;defence",
        "act-ru",
        title="India objects",
    ),
    _event(
        "ev-2021-lavrov-imran-khan-meeting",
        "2021-04-07",
        "day",
        "meeting",
        "diplomacy",
        "act-lav;act-imran",
        end_date="2021-04-08",
        title="Minister meets Prime Minister",
    ),
    _event(
        "ev-2021-special-equipment-offer",
        "2021-04-07",
        "day",
        "offer",
        "defence",
        "act-ru;act-pk",
        end_date="2021-04-08",
        deal_id="deal-special",
        title="Offer of equipment",
    ),
    _event(
        "ev-unsc-vote",
        "",
        "undated",
        "vote",
        "multilateral",
        "act-pk",
        date_basis="undated",
        title="A vote",
    ),
]

DEALS = [
    {
        "deal_id": "deal-soviet",
        "name": "Soviet supplies",
        "sector": "defence",
        "parties": "act-su;act-pk",
        "status": "delivered",
        "summary": "Arms.",
    },
    {
        "deal_id": "deal-mi35m-helicopters",
        "name": "Helicopters",
        "sector": "defence",
        "parties": "act-ru;act-pk",
        "status": "delivered",
        "summary": "Mi-35M.",
    },
    {
        "deal_id": "deal-su-35",
        "name": "Jets",
        "sector": "defence",
        "parties": "act-pk;act-ru",
        "status": "interest",
        "summary": "Su-35.",
    },
    {
        "deal_id": "deal-special",
        "name": "Special equipment",
        "sector": "defence",
        "parties": "act-ru;act-pk",
        "status": "offered",
        "summary": "Equipment.",
    },
    {
        "deal_id": "deal-pipe",
        "name": "Pipeline",
        "sector": "energy",
        "parties": "act-ru;act-pk",
        "status": "named",
        "summary": "Gas.",
    },
]

FIGURES = [
    {
        "figure_id": "fig-putin-first",
        "metric": "ordinal",
        "value": "1",
        "qualifier": "exact",
        "unit": "ordinal",
        "subject_id": "ev-2012-putin-visit-planned",
        "label": "First visit",
    },
    {
        "figure_id": "fig-exercise-length",
        "metric": "duration",
        "value": "2",
        "qualifier": "exact",
        "unit": "weeks",
        "subject_id": "ev-2016-first-joint-exercise",
        "label": "Length of the exercise",
        "span_from": "ev-2016-first-joint-exercise",
        "span_to": "ev-2016-first-joint-exercise",
    },
    {
        "figure_id": "fig-exercise-troops",
        "metric": "personnel",
        "value": "200",
        "qualifier": "approximate",
        "unit": "people",
        "subject_id": "ev-2016-first-joint-exercise",
        "label": "Personnel of both countries",
    },
    {
        "figure_id": "fig-joint-exercises",
        "metric": "count",
        "value": "2",
        "qualifier": "exact",
        "unit": "exercises",
        "year": "2018",
        "label": "Joint exercises by 2018",
    },
    {
        "figure_id": "fig-mi35m-helicopters",
        "metric": "equipment",
        "value": "4",
        "qualifier": "exact",
        "unit": "helicopters",
        "subject_id": "deal-mi35m-helicopters",
        "label": "Helicopters handed over",
    },
]

CITATIONS = [
    {
        "citation_id": "cit-dawn",
        "source_id": FERNANDEZ,
        "kind": "article",
        "cited_outlet": "Dawn",
        "cited_date": "2021-04-08",
    },
    {
        "citation_id": "cit-reuters",
        "source_id": DESILVA,
        "kind": "media_report",
        "cited_outlet": "Reuters",
    },
]


def _evidence(number: int, source: str, subject: str, quote: str, **more: str) -> dict[str, str]:
    prefix = {DESILVA: "fdi", RIZVI: "an", FORWARD: "pf", FERNANDEZ: "pr"}[source]
    row = {
        "evidence_id": f"evi-{prefix}-{number:03d}",
        "source_id": source,
        "subject_id": subject,
        "quote": quote,
        "speaker": more.pop("speaker", "author"),
        "voice": more.pop("voice", "author"),
        "stance": "reports",
    }
    row.update(more)
    return row


EVIDENCE = [
    _evidence(1, RIZVI, "ev-1948-diplomatic-relations", "relations since 1948"),
    _evidence(2, RIZVI, "ev-1950s-cold-war-alignments", "in the 1950s"),
    _evidence(3, RIZVI, "ev-1965-soviet-balanced-approach", "from 1965 to 1970"),
    _evidence(
        4, RIZVI, "ev-1968-soviet-equipment", "In 1968-69 the Soviet Union gave Pakistan arms"
    ),
    _evidence(5, RIZVI, "deal-soviet", "gave Pakistan arms", reported_status="delivered"),
    _evidence(1, FERNANDEZ, "ev-1970s-nixon", "in the 1970s"),
    _evidence(2, FERNANDEZ, "ev-1980s-soviet-afghan-war", "After ten years", reported_date="1979"),
    _evidence(
        1,
        DESILVA,
        "ev-1980s-soviet-afghan-war",
        "the acrimonious 1980s",
        reported_date="1980",
        reported_precision="decade",
    ),
    _evidence(2, DESILVA, "ev-1980s-mutual-accusations", "the acrimonious 1980s and 1990s"),
    _evidence(3, DESILVA, "ev-2003-musharraf-moscow", "a landmark event in itself"),
    _evidence(4, DESILVA, "ev-2007-fradkov-visit", "In 2007 the Prime Minister visited Pakistan"),
    _evidence(
        5,
        DESILVA,
        "ev-2012-military-cooperation-talks",
        "According to Reuters, there have been talks",
        voice="reported",
        speaker="Reuters",
        origins="cit-reuters",
    ),
    _evidence(6, DESILVA, "ev-2012-putin-visit-planned", "the first head of state to visit"),
    _evidence(7, DESILVA, "fig-putin-first", "the first head of state to visit"),
    _evidence(
        6,
        RIZVI,
        "ev-2014-arms-embargo-lifted",
        "in 2014 the embargo was lifted",
        reported_date="2014",
    ),
    _evidence(
        7,
        RIZVI,
        "ev-2014-military-cooperation-agreement",
        "a landmark military agreement",
        reported_date="2014",
    ),
    _evidence(8, RIZVI, "ev-2015-deal", "signed a deal in 2015", reported_date="2015"),
    _evidence(
        9,
        RIZVI,
        "ev-2016-first-joint-exercise",
        "from 24 Sep to 10 Oct 2016",
        reported_date="2016-09-24",
    ),
    _evidence(
        10, RIZVI, "fig-exercise-length", "the two-week exercises", reported_value="two-week"
    ),
    _evidence(
        11, RIZVI, "fig-exercise-troops", "Around 200 personnel", reported_value="Around 200"
    ),
    _evidence(12, RIZVI, "fig-joint-exercises", "two joint exercises", reported_value="two"),
    _evidence(
        1,
        FORWARD,
        "ev-2016-first-joint-exercise",
        "first joint exercise in September 2016",
        voice="caption",
        speaker="photo caption",
        reported_date="2016-09",
    ),
    _evidence(
        2,
        FORWARD,
        "ev-2017-miranshah-visit",
        "visited Miranshah, March 30, 2017",
        voice="caption",
        speaker="photo caption",
    ),
    _evidence(
        13,
        RIZVI,
        "ev-2017-helicopter-delivery",
        "handing over of four Mi-35M",
        reported_value="four Mi-35M",
    ),
    _evidence(
        3,
        FORWARD,
        "ev-2017-helicopter-delivery",
        "In 2017 Pakistan got some helicopters",
        reported_date="2017",
        reported_value="some helicopters",
    ),
    _evidence(
        14, RIZVI, "deal-mi35m-helicopters", "four Mi-35M helicopters", reported_status="delivered"
    ),
    _evidence(15, RIZVI, "fig-mi35m-helicopters", "four Mi-35M", reported_value="four"),
    _evidence(
        4, FORWARD, "deal-mi35m-helicopters", "discussed buying more", reported_status="negotiation"
    ),
    _evidence(16, RIZVI, "deal-su-35", "reports have suggested Su-35", reported_status="interest"),
    _evidence(
        5,
        FORWARD,
        "ev-2018-military-commission",
        "the establishment of a commission",
        reported_value="established",
    ),
    _evidence(
        17,
        RIZVI,
        "ev-2018-military-commission",
        "had decided to form a commission",
        reported_value="decided to form",
    ),
    _evidence(
        6,
        FORWARD,
        "ev-2018-bajwa-moscow-visit",
        "discuss security in Moscow on March 25",
        voice="caption",
        speaker="photo caption",
        reported_date="2018-03-25",
        reported_value="interlocutor: Valery Staff",
    ),
    _evidence(
        7,
        FORWARD,
        "ev-2018-bajwa-moscow-visit",
        "On April 24, the army chief visited Moscow",
        reported_date="2018-04-24",
    ),
    _evidence(
        18,
        RIZVI,
        "ev-2018-bajwa-moscow-visit",
        "Last month Gen Oleg Ground in talks",
        reported_value="interlocutor: Gen Oleg Ground",
    ),
    _evidence(19, RIZVI, "ev-2018-bajwa-moscow-visit", "He met his counterpart"),
    _evidence(20, RIZVI, "ev-2018-sco-exercise-planned", "Later this year an exercise"),
    _evidence(8, FORWARD, "ev-2018-india-objects", "India objected"),
    _evidence(3, FERNANDEZ, "ev-2021-lavrov-imran-khan-meeting", "met the Prime Minister"),
    _evidence(
        4,
        FERNANDEZ,
        "ev-2021-special-equipment-offer",
        "ready to supply equipment",
        voice="quoted",
        speaker="Sergey Lav",
        origins="cit-dawn",
    ),
    _evidence(
        5,
        FERNANDEZ,
        "deal-special",
        "special military equipment",
        reported_status="offered",
        origins="cit-dawn",
    ),
    _evidence(6, FERNANDEZ, "ev-unsc-vote", "abstained from a vote"),
    _evidence(7, FERNANDEZ, "deal-pipe", "the pipeline", reported_status="named"),
]


def _later(later_id: str, subjects: str, what: str, date: str, precision: str) -> dict[str, str]:
    return {
        "later_id": later_id,
        "subject_ids": subjects,
        "what_happened": what,
        "date": date,
        "date_precision": precision,
        "outlet": "Dawn",
        "title": what,
        "title_basis": "headline",
        "published": date,
        "published_precision": precision,
        "url": f"https://example.org/{later_id}",
        "excerpt": what,
        "language": "en",
        "accessed": "2026-12-01",
        "source_kind": "news",
    }


LATER_RECORD = [
    _later(
        "later-lavrov-again", "ev-2021-lavrov-imran-khan-meeting", "Lavrov returns.", "2023-05-04",
        "day",
    ),
    _later("later-pipe-stalled", "deal-pipe", "The pipeline stalls.", "2024-02", "month"),
    _later("later-ties-judged", "claim-ties-deepen", "Ties are judged shallow.", "2025", "year"),
]  # fmt: skip
"""Three rows of a later record, after the articles: a visit (diplomacy), a deal (energy) and a
claim (no theme), dated to a day, a month and a year."""


def relations(*, later: bool = False) -> Dataset:
    """The small record; with ``later``, with its later record (:data:`LATER_RECORD`)."""
    return dataset(
        sources=SOURCES,
        actors=ACTORS,
        events=EVENTS,
        deals=DEALS,
        figures=FIGURES,
        evidence=EVIDENCE,
        citations=CITATIONS,
        later_record=LATER_RECORD if later else [],
    )
