"""ACLED's event taxonomy and the rules that tie its codes together.

Facts from ACLED's codebook: 6 event types, 25 sub-event types, the disorder type each
sub-event type implies, the eight actor (inter) codes and how the interaction code is built.
"""

from __future__ import annotations

from enum import IntEnum, StrEnum


class EventType(StrEnum):
    BATTLES = "Battles"
    EXPLOSIONS = "Explosions/Remote violence"
    VIOLENCE_AGAINST_CIVILIANS = "Violence against civilians"
    PROTESTS = "Protests"
    RIOTS = "Riots"
    STRATEGIC_DEVELOPMENTS = "Strategic developments"


class SubEventType(StrEnum):
    ARMED_CLASH = "Armed clash"
    GOVERNMENT_REGAINS_TERRITORY = "Government regains territory"
    NON_STATE_ACTOR_OVERTAKES_TERRITORY = "Non-state actor overtakes territory"
    CHEMICAL_WEAPON = "Chemical weapon"
    AIR_DRONE_STRIKE = "Air/drone strike"
    SUICIDE_BOMB = "Suicide bomb"
    SHELLING = "Shelling/artillery/missile attack"
    REMOTE_EXPLOSIVE = "Remote explosive/landmine/IED"
    GRENADE = "Grenade"
    SEXUAL_VIOLENCE = "Sexual violence"
    ATTACK = "Attack"
    ABDUCTION = "Abduction/forced disappearance"
    PEACEFUL_PROTEST = "Peaceful protest"
    PROTEST_WITH_INTERVENTION = "Protest with intervention"
    EXCESSIVE_FORCE = "Excessive force against protesters"
    VIOLENT_DEMONSTRATION = "Violent demonstration"
    MOB_VIOLENCE = "Mob violence"
    AGREEMENT = "Agreement"
    ARRESTS = "Arrests"
    CHANGE_TO_GROUP = "Change to group/activity"
    DISRUPTED_WEAPONS_USE = "Disrupted weapons use"
    HEADQUARTERS_ESTABLISHED = "Headquarters or base established"
    LOOTING = "Looting/property destruction"
    NON_VIOLENT_TERRITORY_TRANSFER = "Non-violent transfer of territory"
    OTHER = "Other"


class DisorderType(StrEnum):
    POLITICAL_VIOLENCE = "Political violence"
    DEMONSTRATIONS = "Demonstrations"
    POLITICAL_VIOLENCE_DEMONSTRATIONS = "Political violence; Demonstrations"
    STRATEGIC_DEVELOPMENTS = "Strategic developments"


class Inter(IntEnum):
    """ACLED actor type codes (inter1/inter2); 0 means "no second actor"."""

    NONE = 0
    STATE_FORCES = 1
    REBEL_GROUPS = 2
    POLITICAL_MILITIAS = 3
    IDENTITY_MILITIAS = 4
    RIOTERS = 5
    PROTESTERS = 6
    CIVILIANS = 7
    EXTERNAL_OTHER_FORCES = 8


S, E = SubEventType, EventType

EVENT_TYPE_OF: dict[SubEventType, EventType] = {
    S.ARMED_CLASH: E.BATTLES,
    S.GOVERNMENT_REGAINS_TERRITORY: E.BATTLES,
    S.NON_STATE_ACTOR_OVERTAKES_TERRITORY: E.BATTLES,
    S.CHEMICAL_WEAPON: E.EXPLOSIONS,
    S.AIR_DRONE_STRIKE: E.EXPLOSIONS,
    S.SUICIDE_BOMB: E.EXPLOSIONS,
    S.SHELLING: E.EXPLOSIONS,
    S.REMOTE_EXPLOSIVE: E.EXPLOSIONS,
    S.GRENADE: E.EXPLOSIONS,
    S.SEXUAL_VIOLENCE: E.VIOLENCE_AGAINST_CIVILIANS,
    S.ATTACK: E.VIOLENCE_AGAINST_CIVILIANS,
    S.ABDUCTION: E.VIOLENCE_AGAINST_CIVILIANS,
    S.PEACEFUL_PROTEST: E.PROTESTS,
    S.PROTEST_WITH_INTERVENTION: E.PROTESTS,
    S.EXCESSIVE_FORCE: E.PROTESTS,
    S.VIOLENT_DEMONSTRATION: E.RIOTS,
    S.MOB_VIOLENCE: E.RIOTS,
    S.AGREEMENT: E.STRATEGIC_DEVELOPMENTS,
    S.ARRESTS: E.STRATEGIC_DEVELOPMENTS,
    S.CHANGE_TO_GROUP: E.STRATEGIC_DEVELOPMENTS,
    S.DISRUPTED_WEAPONS_USE: E.STRATEGIC_DEVELOPMENTS,
    S.HEADQUARTERS_ESTABLISHED: E.STRATEGIC_DEVELOPMENTS,
    S.LOOTING: E.STRATEGIC_DEVELOPMENTS,
    S.NON_VIOLENT_TERRITORY_TRANSFER: E.STRATEGIC_DEVELOPMENTS,
    S.OTHER: E.STRATEGIC_DEVELOPMENTS,
}

_D = DisorderType
_DISORDER_BY_EVENT_TYPE = {
    E.BATTLES: _D.POLITICAL_VIOLENCE,
    E.EXPLOSIONS: _D.POLITICAL_VIOLENCE,
    E.VIOLENCE_AGAINST_CIVILIANS: _D.POLITICAL_VIOLENCE,
    E.PROTESTS: _D.DEMONSTRATIONS,
    E.RIOTS: _D.DEMONSTRATIONS,
    E.STRATEGIC_DEVELOPMENTS: _D.STRATEGIC_DEVELOPMENTS,
}
DISORDER_TYPE_OF: dict[SubEventType, DisorderType] = {
    sub: _DISORDER_BY_EVENT_TYPE[et] for sub, et in EVENT_TYPE_OF.items()
}
# The codebook's exceptions: mob violence is political violence although coded as a riot, and
# excessive force against protesters is both.
DISORDER_TYPE_OF[S.MOB_VIOLENCE] = _D.POLITICAL_VIOLENCE
DISORDER_TYPE_OF[S.EXCESSIVE_FORCE] = _D.POLITICAL_VIOLENCE_DEMONSTRATIONS

SUB_EVENT_TYPES_OF: dict[EventType, tuple[SubEventType, ...]] = {
    et: tuple(s for s, e in EVENT_TYPE_OF.items() if e is et) for et in EventType
}


def interaction_code(inter1: int, inter2: int | None) -> int:
    """ACLED's interaction: the two inter codes, lower first (17 = state forces vs civilians);
    a one-sided event is the actor's code times ten (60 = protesters alone)."""
    a, b = int(inter1), int(inter2 or 0)
    if b == 0:
        return a * 10
    lo, hi = sorted((a, b))
    return lo * 10 + hi


def is_civilian_targeting(event_type: EventType | str, inter2: int | None) -> bool:
    """ACLED flags events whose main target is civilians: violence against civilians, remote
    violence and mob violence with civilians as the second actor."""
    return int(inter2 or 0) == Inter.CIVILIANS and EventType(event_type) in {
        E.VIOLENCE_AGAINST_CIVILIANS,
        E.EXPLOSIONS,
        E.RIOTS,
    }


# ACLED's 31 export columns, in ACLED's order.
ACLED_COLUMNS: tuple[str, ...] = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities", "tags", "timestamp",
)
