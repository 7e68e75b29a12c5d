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
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources

from pipelines.extraction.regex_heads import alternatives, match_beginnings
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


@dataclass(frozen=True, slots=True)
class Lexicon:
    """The trigger lexicon compiled for one pass over a sentence.

    Each (category, strength) group of lexicon lines acts as one matcher: its hits never
    overlap each other, hits of different groups may. Word patterns are tried only where a
    word starts, and there only the alternatives that can begin with the next _PREFIX
    characters: `by_prefix` maps a lower-case beginning to one pattern of optional
    lookaheads whose capture k holds the hit of `word_groups[indexes[k - 1]]`. Only the word
    starts `candidates` finds are looked up: a superset of those with an entry, found by one
    regex scan instead of a Python loop over every word."""

    label_groups: tuple[tuple[str, int], ...]
    labels: re.Pattern[str]
    word_groups: tuple[tuple[str, int], ...]
    by_prefix: dict[str, tuple[re.Pattern[str], tuple[int, ...]]]
    candidates: re.Pattern[str]


_WORD_START = re.compile(r"(?<![\w-])\w")


@functools.cache
def _lexicon() -> Lexicon:
    return compile_lexicon(resources.files("pipelines.extraction").joinpath("data/lexicon.tsv").read_text("utf-8"))


def compile_lexicon(source: str) -> Lexicon:
    """Compile lexicon lines (category, strength, pattern; see data/lexicon.tsv). Raises
    ValueError for a pattern with a capturing group, or a word pattern that can begin with a
    character that is not a word character (it would never be tried)."""
    groups: dict[tuple[str, int], list[str]] = {}
    for line in source.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        category, strength, pattern = line.split("\t")
        if re.compile(pattern).groups:
            raise ValueError(f"lexicon patterns group with (?:...), never capture: {pattern!r}")
        groups.setdefault((category, int(strength)), []).extend(alternatives(pattern))
    label_groups = tuple(key for key in groups if key[1] == LABEL)
    labels = re.compile("".join(f"(?=({'|'.join(groups[key])}))?" for key in label_groups), re.IGNORECASE)
    word_groups = tuple(key for key in groups if key[1] != LABEL)
    indexed = [
        (index, alternative, _prefixes(alternative))
        for index, key in enumerate(word_groups)
        for alternative in groups[key]
    ]
    by_prefix = {}
    for prefix in set().union(*(heads for _, _, heads in indexed)):
        # every alternative that can begin a word starting with `prefix`, in lexicon order
        per_group: dict[int, list[str]] = {}
        for index, alternative, heads in indexed:
            if any(prefix.startswith(head) for head in heads):
                per_group.setdefault(index, []).append(alternative)
        body = "".join(rf"(?=({'|'.join(alts)})(?!\w))?" for alts in per_group.values())
        by_prefix[prefix] = (re.compile(body, re.IGNORECASE), tuple(per_group))
    return Lexicon(label_groups, labels, word_groups, by_prefix, _candidates(by_prefix))


def _candidates(by_prefix: Mapping[str, object]) -> re.Pattern[str]:
    """Word starts whose lower-cased beginning may have an entry in `by_prefix`.

    Built from exact `str.lower` mappings, not re.IGNORECASE (which also folds "ſ" into "s"
    and so disagrees with `.lower()`): a character lowering to several characters ("İ") in
    the first _PREFIX places lets any word through, so no word with an entry is ever missed."""
    if "" in by_prefix:
        return _WORD_START
    trie: dict = {}
    for key in by_prefix:
        node = trie
        for ch in key:
            node = node.setdefault(ch, {})
        node[""] = {}  # a key ends here: nothing more needs to follow
    expanding = re.escape(_lower_table()[1])
    return re.compile(rf"(?<![\w-])(?=\w)(?:{_trie_pattern(trie)}|.{{0,{_PREFIX - 1}}}[{expanding}])", re.DOTALL)


def _trie_pattern(trie: dict) -> str:
    """A regex for the keys of a character trie: each branch is the class of characters that
    `.lower()` to the branch's character, so the regex engine never tries the same beginning
    twice."""
    if "" in trie:
        return ""
    lowers_to = _lower_table()[0]
    branches = []
    for ch, below in sorted(trie.items()):
        chars = "".join(re.escape(c) for c in sorted({ch, *lowers_to.get(ch, ())}))
        branches.append(f"[{chars}]{_trie_pattern(below)}")
    return "(?:" + "|".join(branches) + ")"


@functools.cache
def _lower_table() -> tuple[dict[str, tuple[str, ...]], str]:
    """Every character whose `.lower()` is another single character, by that character; and
    the characters whose `.lower()` is longer than one character ("İ")."""
    lowers_to: dict[str, list[str]] = {}
    expanding = []
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        lowered = char.lower()
        if len(lowered) > 1:
            expanding.append(char)
        elif lowered != char:
            lowers_to.setdefault(lowered, []).append(char)
    return {k: tuple(v) for k, v in lowers_to.items()}, "".join(expanding)


_PREFIX = 3
"""Characters of a word's beginning the lexicon is indexed by (find_triggers looks up its
3-, 2- and 1-character beginnings)."""


def _prefixes(alternative: str) -> set[str]:
    """What a match of `alternative` can begin with: lower-case strings of up to _PREFIX
    characters, so that the index can never hide a match. "" when the beginning cannot be
    listed (say, `\\d+`)."""
    heads = match_beginnings(alternative, _PREFIX)
    if any(head[:1] and not (head[0].isalnum() or head[0] == "_") for head in heads):
        raise ValueError(f"lexicon word patterns must begin with a word character: {alternative!r}")
    return heads


def find_triggers(text: str, offset: int = 0) -> list[Trigger]:
    """All lexicon hits in `text` (usually one sentence), in text order; offsets are shifted by
    `offset` so they index the article. Label prefixes only count at the start of `text`.
    The assembler asks about the same sentence more than once, so recent answers are kept."""
    return list(_find_triggers(text, offset))


@functools.lru_cache(maxsize=1024)
def _find_triggers(text: str, offset: int) -> tuple[Trigger, ...]:
    lexicon = _lexicon()
    hits = []
    m = lexicon.labels.match(text) if ":" in text else None  # a label prefix ends with a colon
    for k, (category, strength) in enumerate(lexicon.label_groups, 1):
        if m is not None and m.start(k) >= 0:
            hits.append(Trigger(category, strength, offset + m.start(k), offset + m.end(k), m.group(k)))
    groups, by_prefix = lexicon.word_groups, lexicon.by_prefix
    anywhere = by_prefix.get("")
    free_from = [0] * len(groups)  # where each group's next hit may start: after its last one
    for word in lexicon.candidates.finditer(text):
        at = word.start()
        # the longest listed beginning of this word: its entry holds the shorter ones' alternatives
        head = text[at:at + _PREFIX].lower()
        entry = by_prefix.get(head) or by_prefix.get(head[:2]) or by_prefix.get(head[:1]) or anywhere
        if entry is None:
            continue
        pattern, indexes = entry
        m = pattern.match(text, at)
        if m.lastindex is None:
            continue
        for k, index in enumerate(indexes, 1):
            start = m.start(k)
            if start >= free_from[index]:
                free_from[index] = m.end(k)
                category, strength = groups[index]
                hits.append(Trigger(category, strength, offset + start, offset + m.end(k), m.group(k)))
    hits.sort(key=lambda t: (t.start, -t.strength))
    return tuple(hits)


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
    # forces withdrawing, no other actor said to take the place over (the codebook's transfer
    # is "to another actor")
    ("transfer", S.CHANGE_TO_GROUP),
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
    cues = _ambush_resolved(cues, target_kind)
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
    # A raid that seizes weapons, arrests people or kills civilians, or a withdrawal, with no
    # fighting reported, is the seizure, the arrests, the attack or the withdrawal.
    ground = has("clash", STRONG) or (
        has("clash") and remote is None and not any(has(c, STRONG) for c in ("disrupted", "arrest", "transfer", "hq"))
        and not (has("attack", STRONG) and target_kind == "civilians"))
    # "fighting", "hostilities" in a sentence about a truce, or "assault" in a report of rape,
    # do not make a battle of it.
    if not has("clash", STRONG) and remote is None and not has("attack", STRONG) and has("agreement", STRONG):
        return S.AGREEMENT
    if not has("clash", STRONG) and remote is None and has("sexual", STRONG):
        return S.SEXUAL_VIOLENCE
    # "gunmen raided the village and kidnapped ten people": the abduction, not a battle.
    if not has("clash", STRONG) and remote is None and has("abduction", STRONG) and not has("attack", STRONG):
        return S.ABDUCTION
    # Crowds fighting (rival party supporters, villagers, groups of labourers) are mob violence,
    # not a battle: ACLED's battles are between armed organised groups.
    if ground and remote is None and agent_kind == "rioters" and target_kind in ("rioters", "civilians"):
        return S.MOB_VIOLENCE
    # A ground battle absorbs the air strikes and shelling that supported it.
    if ground and (agent_armed or target_armed or agent_kind is None) and (remote is None or has("clash", STRONG)):
        return S.ARMED_CLASH
    # A weapon found or defused is the seizure, unless someone was hurt by it: "a grenade
    # exploded, wounding seven; fragments of it were recovered" is the grenade attack.
    if remote is not None and not (has("disrupted", STRONG) and not has("attack")):
        return remote
    if has("disrupted", STRONG) and not has("attack", STRONG):
        return S.DISRUPTED_WEAPONS_USE
    if has("sexual", STRONG):
        return S.SEXUAL_VIOLENCE
    if has("abduction", STRONG) and not has("attack", STRONG):
        return S.ABDUCTION
    if has("attack"):
        if agent_kind == "rioters":  # a crowd's violence, not an armed group's
            return S.MOB_VIOLENCE
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


def _ambush_resolved(cues: Mapping[str, int], target_kind: str | None) -> Mapping[str, int]:
    """An ambush is a battle (a strong "clash"), unless those ambushed are civilians: then it
    is an attack on them."""
    strength = cues.get("ambush", 0)
    if not strength:
        return cues
    out = {c: s for c, s in cues.items() if c != "ambush"}
    category = "attack" if target_kind == "civilians" else "clash"
    out[category] = max(out.get(category, 0), strength)
    return out


def _demonstration(cues, has, agent_kind, target_kind) -> S | None:
    """Protests and riots: the crowd's own conduct decides the type, then the response to it."""
    # a crowd protesting a rape or a kidnapping is still a protest; one under bombs is not
    warfare = any(has(c, STRONG) for c in ("air", "shelling", "suicide", "chemical"))
    protest = has("protest", STRONG) and not warfare
    # Crowd violence (a riot, stones, fire) is a violent demonstration when the crowd demonstrates
    # (a protest, a demand), else mob violence: ACLED's rioters "not part of a demonstration".
    demonstrating = protest or has("protest", WEAK)
    # "Gulf Clan members clashed with police" is a battle: a mob is a crowd, not an armed group
    armed_side = agent_kind in ARMED_KINDS or target_kind in ARMED_KINDS
    if has("mob", STRONG) and not protest and not (armed_side and has("clash", STRONG)):
        return S.MOB_VIOLENCE
    if has("violent_demo", STRONG) and not (agent_kind in ARMED_KINDS and target_kind in ARMED_KINDS):
        return S.VIOLENT_DEMONSTRATION if demonstrating else S.MOB_VIOLENCE
    if not protest:
        if has("violent_demo") and agent_kind in CROWD_KINDS:
            return S.VIOLENT_DEMONSTRATION if demonstrating else S.MOB_VIOLENCE
        return None
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
    if has("transfer", WEAK) and not has("clash", STRONG):  # "peacefully took control", "handed over"
        return S.NON_VIOLENT_TERRITORY_TRANSFER
    if agent_kind in STATE_KINDS and agent_at_home:
        return S.GOVERNMENT_REGAINS_TERRITORY
    return S.NON_STATE_ACTOR_OVERTAKES_TERRITORY
