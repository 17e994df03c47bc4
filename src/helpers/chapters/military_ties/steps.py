"""The steps of the military ties that the chapter's prose names: their ids, and the names the
prose gives their dates (:data:`STEPS`)."""

from __future__ import annotations

EMBARGO = "ev-2014-arms-embargo-lifted"
AGREEMENT_2014 = "ev-2014-military-cooperation-agreement"
DEAL_2015 = "ev-2015-deal"
SUPPLIES_1968 = "ev-1968-soviet-equipment"
AFGHAN_WAR = "ev-1980s-soviet-afghan-war"
TALKS_2012 = "ev-2012-military-cooperation-talks"
RAHEEL_VISIT = "ev-2016-raheel-sharif-visit"
FIRST_EXERCISE = "ev-2016-first-joint-exercise"
FRIENDSHIP_2017 = "ev-2017-friendship-exercise"
HELICOPTERS = "ev-2017-helicopter-delivery"
MORE_HELICOPTERS = "ev-2018-helicopter-purchase-talks"
SCO_EXERCISE = "ev-2018-sco-exercise-planned"
COMMISSION = "ev-2018-military-commission"
BAJWA_VISIT = "ev-2018-bajwa-moscow-visit"
MIRANSHAH = "ev-2017-miranshah-visit"
DRILLS_2021 = "ev-2021-joint-drills-agreed"
SPECIAL_EQUIPMENT = "ev-2021-special-equipment-offer"
SU_35 = "deal-su-35"
MI_35 = "deal-mi35m-helicopters"
HELICOPTER_FIGURE = "fig-mi35m-helicopters"

# The steps the chapter's prose names, by the name it gives their dates.
STEPS = {
    "embargo": EMBARGO,
    "agreement_2014": AGREEMENT_2014,
    "deal_2015": DEAL_2015,
    "supplies_1968": SUPPLIES_1968,
    "afghan_war": AFGHAN_WAR,
    "talks_2012": TALKS_2012,
    "raheel_visit": RAHEEL_VISIT,
    "first_exercise": FIRST_EXERCISE,
    "friendship_2017": FRIENDSHIP_2017,
    "helicopters_delivered": HELICOPTERS,
    "more_helicopters": MORE_HELICOPTERS,
    "sco_exercise": SCO_EXERCISE,
    "commission": COMMISSION,
    "bajwa_visit": BAJWA_VISIT,
    "miranshah": MIRANSHAH,
    "drills_2021": DRILLS_2021,
    "special_equipment": SPECIAL_EQUIPMENT,
}
