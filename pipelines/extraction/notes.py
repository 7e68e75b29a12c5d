"""The ACLED-style `notes` line of a coded event, written from its fields.

"On 22 May 2023, Military Forces of Russia clashed with Russian Volunteer Corps in Kozinka
(Grayvoron, Belgorod). 1 fatality." A reader sees at a glance what the coder decided; the
evidence spans point at the article's own words.
"""

from __future__ import annotations

import datetime as dt
import re

from schemas.taxonomy import SubEventType as S

# What actor 1 did, per sub-event type; "{a2}" is filled when there is a second actor and the
# bracketed part is dropped when there is none.
_PHRASES: dict[S, str] = {
    S.ARMED_CLASH: "{a1} clashed[ with {a2}]",
    S.GOVERNMENT_REGAINS_TERRITORY: "{a1} regained territory[ from {a2}]",
    S.NON_STATE_ACTOR_OVERTAKES_TERRITORY: "{a1} took control of territory[ from {a2}]",
    S.CHEMICAL_WEAPON: "{a1} used a chemical weapon[ against {a2}]",
    S.AIR_DRONE_STRIKE: "{a1} carried out an air or drone strike[ on {a2}]",
    S.SUICIDE_BOMB: "{a1} carried out a suicide bombing[ against {a2}]",
    S.SHELLING: "{a1} fired artillery, rockets or missiles[ at {a2}]",
    S.REMOTE_EXPLOSIVE: "an explosive device of {a1} went off[, hitting {a2}]",
    S.GRENADE: "{a1} threw a grenade[ at {a2}]",
    S.SEXUAL_VIOLENCE: "{a1} committed sexual violence[ against {a2}]",
    S.ATTACK: "{a1} attacked[ {a2}]",
    S.ABDUCTION: "{a1} abducted[ {a2}]",
    S.PEACEFUL_PROTEST: "{a1} held a peaceful protest",
    S.PROTEST_WITH_INTERVENTION: "{a1} held a protest[ and {a2} intervened]",
    S.EXCESSIVE_FORCE: "{a1} used excessive force[ against {a2}]",
    S.VIOLENT_DEMONSTRATION: "{a1} held a violent demonstration[ and clashed with {a2}]",
    S.MOB_VIOLENCE: "{a1} engaged in mob violence[ against {a2}]",
    S.AGREEMENT: "{a1} reached an agreement[ with {a2}]",
    S.ARRESTS: "{a1} made arrests[ of {a2}]",
    S.CHANGE_TO_GROUP: "{a1} changed its group or activity",
    S.DISRUPTED_WEAPONS_USE: "{a1} disrupted weapons use[ by {a2}]",
    S.HEADQUARTERS_ESTABLISHED: "{a1} established a headquarters or base",
    S.LOOTING: "{a1} looted or destroyed property[ of {a2}]",
    S.NON_VIOLENT_TERRITORY_TRANSFER: "{a1} took over territory without fighting[ from {a2}]",
    S.OTHER: "{a1} was involved in a strategic development[ with {a2}]",
}
_REGIME_YEARS = re.compile(r"\s*\(\d{4}-\d{0,4}\)")
_OPTIONAL = re.compile(r"\[([^\]]*)\]")


def _when(day: dt.date, precision: int) -> str:
    if precision >= 3:
        return f"In {day:%B %Y}"
    if precision == 2:
        return f"In the week of {day.day} {day:%B %Y}"
    return f"On {day.day} {day:%B %Y}"


def _where(location: str, admin2: str, admin1: str, geo_precision: int) -> str:
    context = [name for name in dict.fromkeys((admin2, admin1)) if name and name != location]
    place = f"{location} ({', '.join(context)})" if context else location
    return ("near " if geo_precision >= 2 else "in ") + place


def _what(sub_event_type: S, actor1: str, actor2: str) -> str:
    phrase = _PHRASES[sub_event_type]
    a1 = _REGIME_YEARS.sub("", actor1)
    a2 = _REGIME_YEARS.sub("", actor2)
    phrase = _OPTIONAL.sub(lambda m: m.group(1) if a2 else "", phrase)
    return phrase.format(a1=a1, a2=a2)


def note_for(
    *,
    event_date: dt.date,
    time_precision: int,
    sub_event_type: S | str,
    actor1: str,
    actor2: str,
    location: str,
    admin2: str,
    admin1: str,
    geo_precision: int,
    fatalities: int,
) -> str:
    """One line in ACLED's style: when, who did what to whom, where, how many were killed."""
    line = (
        f"{_when(event_date, time_precision)}, {_what(S(sub_event_type), actor1, actor2)} "
        f"{_where(location, admin2, admin1, geo_precision)}."
    )
    if fatalities:
        line += f" {fatalities} {'fatality' if fatalities == 1 else 'fatalities'}."
    return line
