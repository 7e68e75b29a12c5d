"""Event triggers: the words that report a happening, found with a lexicon kept as data.

`find_triggers` marks every lexicon hit in a sentence with its category ("clash", "air",
"protest", ...) and strength. `resolve_sub_event` turns the categories seen for one event,
plus who did it to whom, into one ACLED sub-event type, applying the codebook's hierarchy
when tactics co-occur (an air strike within a ground battle is one Battles event; shelling
plus an air strike is an Air/drone strike; a protest the police disperse is a Protest with
intervention).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources

from schemas.taxonomy import SubEventType as S

LABEL = 4
"""Strength of an ACLED-style label prefix ("Looting: ..."): decides the type on its own."""
STRONG, USUAL, WEAK = 3, 2, 1

ARMED_KINDS = frozenset(
    {"military", "police", "state_other", "rebel", "political_militia", "identity_militia",
     "unidentified_armed", "external"}
)
"""Actor kinds (see actors.py) that can fight: a clash needs two of them."""
STATE_KINDS = frozenset({"military", "police", "state_other"})
CROWD_KINDS = frozenset({"protesters", "rioters"})


@dataclass(frozen=True, slots=True)
class Trigger:
    """A lexicon hit: `category` of happening, `strength` 1-4, offsets into the text searched."""

    category: str
    strength: int
    start: int
    end: int
    text: str


@functools.cache
def _lexicon() -> tuple[tuple[str, int, re.Pattern[str]], ...]:
    source = resources.files("pipelines.extraction").joinpath("data/lexicon.tsv").read_text("utf-8")
    patterns: dict[tuple[str, int], list[str]] = {}
    for line in source.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        category, strength, pattern = line.split("\t")
        patterns.setdefault((category, int(strength)), []).append(pattern)
    compiled = []
    for (category, strength), alternatives in patterns.items():
        body = "|".join(f"(?:{p})" for p in alternatives)
        if strength == LABEL:
            regex = re.compile(body, re.IGNORECASE)
        else:
            regex = re.compile(rf"(?<![\w-])(?:{body})(?![\w])", re.IGNORECASE)
        compiled.append((category, strength, regex))
    return tuple(compiled)


def find_triggers(text: str, offset: int = 0) -> list[Trigger]:
    """All lexicon hits in `text` (usually one sentence), in text order; offsets are shifted by
    `offset` so they index the article. Label prefixes only count at the start of `text`."""
    hits = []
    for category, strength, regex in _lexicon():
        if strength == LABEL:
            m = regex.match(text)
            if m:
                hits.append(Trigger(category, strength, offset + m.start(), offset + m.end(), m.group(0)))
            continue
        for m in regex.finditer(text):
            hits.append(Trigger(category, strength, offset + m.start(), offset + m.end(), m.group(0)))
    hits.sort(key=lambda t: (t.start, -t.strength))
    return hits


def strongest(triggers: list[Trigger]) -> dict[str, int]:
    """Category → the highest strength it was seen with."""
    out: dict[str, int] = {}
    for t in triggers:
        if t.strength > out.get(t.category, 0):
            out[t.category] = t.strength
    return out


_LABELLED = {
    "looting": S.LOOTING,
    "disrupted": S.DISRUPTED_WEAPONS_USE,
    "change": S.CHANGE_TO_GROUP,
    "agreement": S.AGREEMENT,
    "arrest": S.ARRESTS,
    "other": S.OTHER,
    "hq": S.HEADQUARTERS_ESTABLISHED,
}

# Remote violence, highest first: the codebook's order when several weapons are reported.
_REMOTE = (
    ("chemical", S.CHEMICAL_WEAPON, USUAL),
    ("air", S.AIR_DRONE_STRIKE, STRONG),
    ("suicide", S.SUICIDE_BOMB, USUAL),
    ("shelling", S.SHELLING, USUAL),
    ("ied", S.REMOTE_EXPLOSIVE, STRONG),
    ("grenade", S.GRENADE, USUAL),
    ("air", S.AIR_DRONE_STRIKE, USUAL),
    ("ied", S.REMOTE_EXPLOSIVE, USUAL),
)

_STRATEGIC = (
    ("agreement", S.AGREEMENT),
    ("disrupted", S.DISRUPTED_WEAPONS_USE),
    ("hq", S.HEADQUARTERS_ESTABLISHED),
    ("looting", S.LOOTING),
    ("arrest", S.ARRESTS),
    ("change", S.CHANGE_TO_GROUP),
    ("other", S.OTHER),
)


def is_codable(cues: Mapping[str, int]) -> bool:
    """Whether the cues of a sentence can found an event on their own (not only support one)."""
    return any(s >= USUAL for c, s in cues.items() if c != "nonevent")


def resolve_sub_event(
    cues: Mapping[str, int],
    agent_kind: str | None = None,
    target_kind: str | None = None,
    agent_at_home: bool = True,
) -> S | None:
    """The ACLED sub-event type for one event, from its trigger categories (with strengths)
    and the kinds of its actors (actors.py kinds; None when unknown). None: not an event."""
    if not is_codable(cues):
        return None
    for category, sub in _LABELLED.items():
        if cues.get(category) == LABEL:
            return sub

    def has(category: str, at_least: int = USUAL) -> bool:
        return cues.get(category, 0) >= at_least

    agent_armed = agent_kind in ARMED_KINDS
    target_armed = target_kind in ARMED_KINDS

    demo = _demonstration(cues, has, agent_kind, target_kind)
    if demo is not None:
        return demo

    if has("chemical", STRONG):
        return S.CHEMICAL_WEAPON
    territory = _territory(has, agent_kind, agent_at_home)
    if territory is not None:
        return territory
    remote = next((sub for cat, sub, at_least in _REMOTE if has(cat, at_least)), None)
    ground = has("clash", STRONG) or (has("clash") and remote is None)
    # A ground battle absorbs the air strikes and shelling that supported it.
    if ground and (agent_armed or target_armed or agent_kind is None) and (remote is None or has("clash", STRONG)):
        return S.ARMED_CLASH
    if remote is not None and not (has("disrupted", STRONG) and not has("attack", STRONG)):
        return remote
    if has("disrupted", STRONG) and not has("attack", STRONG):
        return S.DISRUPTED_WEAPONS_USE
    if has("sexual", STRONG):
        return S.SEXUAL_VIOLENCE
    if has("abduction", STRONG) and not has("attack", STRONG):
        return S.ABDUCTION
    if has("attack"):
        if target_armed and (agent_armed or agent_kind is None) or agent_armed and target_kind in ARMED_KINDS:
            return S.ARMED_CLASH
        if not has("nonevent", STRONG) or agent_armed:
            return S.ATTACK
    for category, sub in _STRATEGIC:
        if has(category):
            return sub
    if ground:
        return S.ARMED_CLASH
    return None


def _demonstration(cues, has, agent_kind, target_kind) -> S | None:
    """Protests and riots: the crowd's own conduct decides the type, then the response to it."""
    warfare = any(has(c, STRONG) for c in ("air", "shelling", "suicide", "chemical", "sexual", "abduction"))
    protest = has("protest", STRONG) and not warfare
    if has("mob", STRONG) and not protest:
        return S.MOB_VIOLENCE
    if has("violent_demo", STRONG) and not (agent_kind in ARMED_KINDS and target_kind in ARMED_KINDS):
        return S.VIOLENT_DEMONSTRATION
    if not protest:
        return S.VIOLENT_DEMONSTRATION if has("violent_demo") and agent_kind in CROWD_KINDS else None
    if has("violent_demo") or has("clash", STRONG):
        return S.VIOLENT_DEMONSTRATION
    if has("excessive", STRONG):
        return S.EXCESSIVE_FORCE
    if has("intervention", STRONG):
        return S.PROTEST_WITH_INTERVENTION
    return S.PEACEFUL_PROTEST


def _territory(has, agent_kind: str | None, agent_at_home: bool) -> S | None:
    if not has("capture", STRONG):
        return None
    if has("transfer", STRONG) and not has("clash", STRONG):
        return S.NON_VIOLENT_TERRITORY_TRANSFER
    if agent_kind in STATE_KINDS and agent_at_home:
        return S.GOVERNMENT_REGAINS_TERRITORY
    return S.NON_STATE_ACTOR_OVERTAKES_TERRITORY
