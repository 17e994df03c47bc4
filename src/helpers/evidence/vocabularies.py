"""The controlled vocabularies of the dataset: each value with its meaning and its display words.

A vocabulary maps each value (the code stored in the data, such as ``united_states``) to its
meaning (printed by the data dictionary); :meth:`Vocabulary.word` gives the words a reader sees
in its place ("the United States"). The schema (:mod:`helpers.evidence.schema`) names which
column takes which vocabulary.
"""

from __future__ import annotations

from helpers.evidence.terms import Term, Vocabulary

DATE_PRECISIONS = Vocabulary(
    {
        "day": "the date is known to the day (YYYY-MM-DD)",
        "month": "the date is known to the month (YYYY-MM)",
        "year": "the date is known to the year (YYYY)",
        "decade": "a historical period; the decade is stored as its first year (1980 = the 1980s)",
        "undated": "the sources give no date and none can be inferred; the date column is empty",
    }
)

DATE_BASES = Vocabulary(
    {
        "stated": "the date is written in the quoted passage",
        "relative": "a relative expression ('last month', 'this April') resolved against the "
        "publication date of the source; date_note gives the resolution",
        "inferred": "inferred from internal evidence in the sources; date_note gives the reasoning",
        "undated": "no date can be established from the sources",
    }
)

DATE_QUALIFIERS = Vocabulary(
    {
        "by": "happened at or before the date: background told in the present perfect",
        "after": "at or after the date",
    }
)

REPORTED_PRECISIONS = DATE_PRECISIONS.subset("day", "month", "year", "decade")

EVENT_STATUSES = Vocabulary(
    {
        "occurred": "the sources report the event as having happened",
        "planned": "announced or expected at the time of the source; the sources do not report "
        "whether it happened",
    }
)

EVENT_CATEGORIES = Vocabulary(
    {
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
)

THEMES = Vocabulary(
    {
        "diplomacy": "visits, talks, statements and institutions of bilateral diplomacy",
        "defence": "military cooperation: exercises, arms transfers, defence agreements",
        "energy": "gas, oil, power and pipeline projects",
        "economy": Term("trade, investment and industry other than energy", "trade and industry"),
        "counterterrorism": "terrorism and militancy, including Daesh and cooperation against it",
        "afghanistan": Term(
            "Afghanistan: the Soviet war, the Taliban, the peace process, Daesh there",
            "Afghanistan",
            "Afghanistan",
        ),
        "china": Term(
            "China and the China-led Shanghai Cooperation Organisation", "China", "China"
        ),
        "india": Term("India and India–Pakistan or India–Russia relations", "India", "India"),
        "united_states": Term(
            "the United States and its relations with Pakistan, India or Russia",
            "United States",
            "United States",
            "the United States",
        ),
        "middle_east": Term(
            "Iran, Syria, Saudi Arabia and the Gulf",
            "Middle East",
            "Middle East",
            "the Middle East",
        ),
        "multilateral": Term(
            "the UN, the SCO and other multilateral forums",
            "multilateral forums",
            "multilateral forums",
        ),
        "cold_war": Term(
            "Cold War alignments and the Soviet era", "Cold War", "Cold War", "the Cold War"
        ),
        "sanctions": "embargoes, sanctions and Russia's international isolation",
    }
)

ACTOR_KINDS = Vocabulary(
    {
        "person": "a named individual",
        "organisation": "a government body, company, armed force, university or other institution",
        "state": "a country",
        "group": "an armed or political movement, or an alliance",
    }
)

SOURCE_KINDS = Vocabulary(
    {
        "news": Term("a news report with quoted interviews", "news report", "news reports"),
        "opinion": Term("an opinion piece or column", "opinion piece", "opinion pieces"),
        "analysis": Term("a research or policy analysis", "analysis", "analyses"),
    }
)

PUBLISHED_PRECISIONS = DATE_PRECISIONS.subset("day", "month", "year")

DEAL_SECTORS = Vocabulary(
    {
        "energy": "gas, oil, LNG, power and electricity",
        "defence": "weapons, helicopters, aircraft and military equipment",
        "industry": "industrial plants such as steel mills",
    }
)

DEAL_STATUSES = Vocabulary(
    {
        "named": Term(
            "the source names the project but does not say where it stands",
            "named, no stage given",
        ),
        "interest": Term("a party has shown interest; nothing is agreed", "interest shown"),
        "offered": Term("one party has offered; no agreement is reported", "offered"),
        "negotiation": Term("the parties are negotiating", "under negotiation"),
        "agreed": Term("an agreement has been signed or announced", "agreed"),
        "stalled": Term("agreed but held up", "agreed, then held up"),
        "delivered": Term("equipment handed over or the project completed", "delivered"),
    }
)

VALUE_QUALIFIERS = Vocabulary(
    {
        "exact": "the value as stated",
        "approximate": "'around', 'some': an approximate value",
        "more_than": "'more than', 'in excess of': a lower bound",
        "almost": "'almost', 'nearly': just under the value",
        "range": "a range from value to value_max",
    }
)

UNITS = Vocabulary(
    {
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
)

FIGURE_METRICS = Vocabulary(
    {
        "trade_turnover": "two-way trade between Pakistan and Russia in a year",
        "deal_value": "the value of a deal or of deals under negotiation",
        "personnel": "the number of people taking part or deployed",
        "equipment": "a number of items of equipment",
        "duration": "how long something lasted",
        "interval": "the time between two events",
        "count": "a number of meetings, exercises, projects or comments",
        "ordinal": "the number of a meeting or anniversary in its series",
    }
)

CLAIM_KINDS = Vocabulary(
    {
        "interpretation": "an explanation or judgement about the relationship",
        "prediction": "an expectation about the future",
        "fact": "an assertion of fact that other voices contest or qualify",
    }
)

CLAIM_TOPICS = Vocabulary(
    {
        "russia_motives": Term("why Russia courts Pakistan", "Russia's motives"),
        "pakistan_motives": Term("why Pakistan courts Russia", "Pakistan's motives"),
        "afghanistan": Term(
            "Afghanistan as a driver or a stake of the relationship", "Afghanistan"
        ),
        "china": Term("China's role and effects on Pakistan–China ties", "China"),
        "united_states": Term(
            "the United States and effects on Pakistan–US ties", "the United States"
        ),
        "india": Term("India and the India–Russia relationship", "India"),
        "middle_east": Term("Iran, Syria, Saudi Arabia and the Gulf", "Iran, Syria and the Gulf"),
        "trust": Term(
            "trust and the legacy of history between the two states", "trust and history"
        ),
        "public_opinion": Term("what Pakistanis think of Russia", "Pakistani opinion"),
        "russia_capacity": Term(
            "Russia's economic capacity and international standing",
            "Russia's economy and standing",
        ),
        "prospects": Term("where the relationship is heading", "prospects"),
        "economy": Term("trade and economic gains", "trade and economic gains"),
        "other_ties": Term(
            "effects on Pakistan's ties with other partners, and balancing between them",
            "Pakistan's other partners",
        ),
        "reception": Term("how readers received an article", "readers' reception"),
    }
)

STANCES = Vocabulary(
    {
        "reports": "the source reports the event, deal or figure",
        "supports": "the voice asserts or agrees with the claim",
        "disputes": "the voice contradicts the claim",
        "qualifies": "the voice accepts the claim in part or with conditions",
    }
)

VOICES = Vocabulary(
    {
        "author": Term(
            "the article's author, in the article's own voice",
            phrase="in the author's own words",
        ),
        "quoted": Term(
            "a person or institution quoted or paraphrased by the article, by name or as a "
            "group ('analysts', 'observers')",
            phrase="quoting or paraphrasing someone",
        ),
        "caption": Term("a photo caption of the article", phrase="from photo captions"),
        "reported": Term(
            "another publication or website the article relies on",
            phrase="from other publications the article relies on",
        ),
        "reader": Term(
            "a reader comment published under the article", phrase="from reader comments"
        ),
    }
)

CITATION_KINDS = Vocabulary(
    {
        "article": "a dated article with a title",
        "media_report": "an outlet or 'media' named as reporting, without a title",
        "website": "a website or official statement cited as a source of figures or quotes",
        "photo_credit": "the credit line of a photograph",
        "original_publication": "the place where the seed text first appeared",
    }
)

RECORD_ASPECTS = Vocabulary(
    {
        "original_url": Term(
            "where the article stands on its outlet's own site", "address of the original"
        ),
        "genre": Term("how the outlet files or describes the piece or itself", "genre"),
        "publisher": Term("who publishes the outlet", "publisher"),
        "owner_or_funder": Term("who owns or funds the outlet or its institution", "ownership"),
        "author": Term("the author's position and record", "author"),
        "original_publication": Term(
            "where the text appeared before the archived copy, or who hosts the copy",
            "first publication",
        ),
        "cited_source": Term(
            "a work or website the article cites or draws on, as a public record shows it",
            "cited source",
        ),
    }
)

RECORD_BASES = Vocabulary(
    {
        "external": Term(
            "a public record outside the five articles: evidence about a source, not from it, "
            "and never an attestation of an event, deal, figure or claim",
            "external public record",
        ),
    }
)

RECORD_PRECISIONS = DATE_PRECISIONS.subset("day", "month", "year", "undated")
# -- The later record: publications after the five articles, never evidence of them -------------

LATER_DATE_PRECISIONS = DATE_PRECISIONS.subset("day", "month", "year")

LATER_PUBLISHED_PRECISIONS = DATE_PRECISIONS.subset("day", "month", "year", "undated")

LATER_SOURCE_KINDS = Vocabulary(
    {
        "primary": Term(
            "an official text (a statement, press release or document of a government, ministry "
            "or company), as published or reproduced word for word",
            "primary source",
            "primary sources",
        ),
        "news": Term(
            "a news report, including an agency's report carried by another outlet",
            "news report",
            "news reports",
        ),
        "analysis": Term("an analysis, research brief or commentary", "analysis", "analyses"),
    }
)

TITLE_BASES = Vocabulary(
    {
        "headline": "the title is the headline as the stored copy of the page shows it",
        "address": "the stored copy shows no headline; the title is the last part of the page's "
        "address, as it stands",
        "none": "the stored copy shows no headline and its address holds no words; no title is "
        "given",
    }
)

LANGUAGES = Vocabulary(
    {
        "en": Term("English", "English"),
        "ru": Term("Russian", "Russian"),
        "pt": Term("Portuguese", "Portuguese"),
    }
)

VERDICTS = Vocabulary(
    {
        "fulfilled": Term("the later record shows that it came about", "fulfilled"),
        "partly_fulfilled": Term(
            "the later record shows that part of it came about, or that it came about in "
            "another form",
            "partly fulfilled",
        ),
        "not_fulfilled": Term(
            "a publication of the later record reports that it did not come about, was "
            "called off or came to a stop",
            "not fulfilled",
        ),
        "too_early": Term(
            "too early to tell, or the later record is silent or unclear (an absence from the "
            "stored pages is not proof that it did not happen)",
            "too early or unclear",
        ),
    }
)
