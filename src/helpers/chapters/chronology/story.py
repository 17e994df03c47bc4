"""The events the chronology's narrative names: their ids, the names the prose gives their dates
(:data:`STORY`), and the mapping that reads those dates as attributes inline."""

from __future__ import annotations

from helpers.render.words import Words

RELATIONS = "ev-1948-diplomatic-relations"
ALIGNMENTS = "ev-1950s-cold-war-alignments"
AIR_BASES = "ev-1960s-us-air-bases"
BALANCE = "ev-1965-soviet-balanced-approach"
SUPPLIES = "ev-1968-soviet-equipment"
NIXON = "ev-1970s-nixon-china-opening"
AFGHAN_WAR = "ev-1980s-soviet-afghan-war"
ACCUSATIONS = "ev-1980s-mutual-accusations"
WITHDRAWAL = "ev-1989-soviet-withdrawal"
SOVIET_END = "ev-1991-soviet-dissolution"
RESET = "ev-1990s-reset-attempt"
MUSHARRAF = "ev-2003-musharraf-moscow"
TRAJECTORY = "ev-2003-improving-ties"
FRADKOV = "ev-2007-fradkov-visit"
ZARDARI = "ev-2011-zardari-russia-visit"
PUTIN_PLANNED = "ev-2012-putin-visit-planned"
IMPROVEMENT = "ev-2010s-marked-improvement"
EMBARGO = "ev-2014-arms-embargo-lifted"
AGREEMENT = "ev-2014-military-cooperation-agreement"
CRIMEA = "ev-2014-crimea-annexation"
FIRST_EXERCISE = "ev-2016-first-joint-exercise"
SCO_MEMBERSHIP = "ev-2017-pakistan-joins-sco"
ASIF = "ev-2018-asif-moscow-visit"
BAJWA = "ev-2018-bajwa-moscow-visit"
PREVIOUS_FM = "ev-2012-previous-fm-visit"
LAVROV = "ev-2021-lavrov-islamabad-visit"

# The events the chapter's narrative names, by the name it gives their dates.
STORY = {
    "relations": RELATIONS,
    "alignments": ALIGNMENTS,
    "air_bases": AIR_BASES,
    "balance": BALANCE,
    "supplies": SUPPLIES,
    "nixon": NIXON,
    "afghan_war": AFGHAN_WAR,
    "accusations": ACCUSATIONS,
    "withdrawal": WITHDRAWAL,
    "soviet_end": SOVIET_END,
    "reset": RESET,
    "musharraf": MUSHARRAF,
    "trajectory": TRAJECTORY,
    "fradkov": FRADKOV,
    "zardari": ZARDARI,
    "putin_planned": PUTIN_PLANNED,
    "improvement": IMPROVEMENT,
    "embargo": EMBARGO,
    "agreement": AGREEMENT,
    "crimea": CRIMEA,
    "first_exercise": FIRST_EXERCISE,
    "sco": SCO_MEMBERSHIP,
    "asif": ASIF,
    "bajwa": BAJWA,
    "previous_fm": PREVIOUS_FM,
    "lavrov": LAVROV,
}


class Dates(dict[str, Words]):
    """The date labels of the events of :data:`STORY`, read as attributes inline
    (``{eval}`dates.musharraf```); an event missing from the data reads 'undated'."""

    def __getattr__(self, name: str) -> Words:
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None
