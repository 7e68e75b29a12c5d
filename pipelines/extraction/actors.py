"""Actor recognition: find who acts in a sentence and name them the way ACLED does.

Three sources of mentions, all matched with a few precompiled regexes (one trie-shaped
alternation per source, not a loop over aliases):

- the actor dictionary (`data/actors.yaml`): named groups, state-force aliases and the parties
  and unions ACLED records as associated actors;
- a country adjective or name before a force noun ("Russian shelling", "Ukraine's army");
- common nouns (`data/actors_generic.yaml`): "soldiers", "gunmen", "protesters", "villagers".

State forces are named from `data/regimes.tsv` ("Military Forces of Russia (2000-)"). Generic
actors take the event's country ("Protesters (Kenya)"). Nouns for people ("students",
"villagers") become protesters, rioters or civilians depending on what the sentence reports.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
import unicodedata
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import yaml

_DATA = Path(__file__).parent / "data"

_KIND_OF_INTER = {
    1: "military", 2: "rebel", 3: "political_militia", 4: "identity_militia",
    5: "rioters", 6: "protesters", 7: "civilians", 8: "external",
}

# Generic categories: (ACLED name pattern, inter code, mention kind). "{c}" is the country.
_GENERIC = {
    "unidentified_armed": ("Unidentified Armed Group ({c})", 3, "unidentified_armed"),
    "gang": ("Unidentified Gang ({c})", 3, "political_militia"),
    "communal": ("Unidentified Communal Militia ({c})", 4, "identity_militia"),
    "tribal": ("Unidentified Tribal Militia ({c})", 4, "identity_militia"),
    "clan": ("Unidentified Clan Militia ({c})", 4, "identity_militia"),
    "cult": ("Unidentified Cult Militia ({c})", 4, "identity_militia"),
    "unidentified_military": ("Unidentified Military Forces", 8, "external"),
    "protesters": ("Protesters ({c})", 6, "protesters"),
    "rioters": ("Rioters ({c})", 5, "rioters"),
    "civilians": ("Civilians ({c})", 7, "civilians"),
}
_STATE_KINDS = ("military", "police", "state_other")


@dataclass(frozen=True, slots=True)
class ActorMention:
    """An actor named in a text, with its ACLED-style name."""

    start: int  # offsets into the text given
    end: int
    name: str  # e.g. "Military Forces of Russia (2000-)"
    inter: int  # home inter code (1-8) before the abroad rule
    kind: str  # military | police | state_other | rebel | political_militia | identity_militia
    #            | rioters | protesters | civilians | unidentified_armed | external
    country: str | None  # the state/home country of the actor, if any
    generic: bool  # True for common-noun actors ("soldiers"), False for named groups
    assoc: str = ""  # associated actor(s), "; "-separated, e.g. "Students (Kenya)"


# ---------------------------------------------------------------------------------------------
# Names


@dataclass(frozen=True, slots=True)
class _Regime:
    country: str
    state: str  # as written after "Forces of": "the Philippines"
    years: str  # "2016-", or "" when unknown


def _load_yaml(filename: str) -> Any:
    """A YAML data file, with libyaml's fast loader when it is installed."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load((_DATA / filename).read_text(encoding="utf-8"), Loader=loader)


def _table(filename: str) -> list[dict[str, str]]:
    """Rows of a tab-separated data file with a header line; lines starting with # are notes."""
    lines = (line for line in (_DATA / filename).read_text(encoding="utf-8").splitlines()
             if line and not line.startswith("#"))
    return list(csv.DictReader(lines, delimiter="\t"))


@cache
def _regimes() -> dict[str, _Regime]:
    return {r["country"]: _Regime(r["country"], r["state"], r["regime"]) for r in _table("regimes.tsv")}


@cache
def _regime_history() -> dict[str, list[tuple[dt.date, dt.date, str]]]:
    """Earlier eras per country: (from, to, label)."""
    out: dict[str, list[tuple[dt.date, dt.date, str]]] = {}
    for r in _table("regimes_history.tsv"):
        era = (dt.date.fromisoformat(r["from"]), dt.date.fromisoformat(r["to"]), r["regime"])
        out.setdefault(r["country"], []).append(era)
    return out


def _regime_years(country: str, on: dt.date | None) -> str:
    if on is not None:
        for start, end, label in _regime_history().get(country, []):
            if start <= on < end:
                return label
    regime = _regimes().get(country)
    return regime.years if regime else ""


@cache
def _adjectives() -> dict[str, str]:
    """Country adjectives, alternative names and the country names themselves -> country."""
    out: dict[str, str] = {}
    for r in _table("regimes.tsv"):
        for word in [r["country"], *filter(None, (r["adjectives"] or "").split("|"))]:
            out[word] = r["country"]
    return out


def state_forces(country: str, kind: str = "military", unit: str = "", on: dt.date | None = None) -> str:
    """ACLED's name for a state's forces: "Military Forces of Russia (2000-)", "Police Forces of
    the Philippines (2022-)", "Government of Turkey (2016-)"; `unit` is the suffix ACLED adds for
    a branch ("Air Force"). The regime years are those of the era `on` falls in (default: the
    current era), left out where the regime tables have none."""
    regime = _regimes().get(country)
    state = regime.state if regime else country
    label = _regime_years(country, on)
    years = f" ({label})" if label else ""
    if kind == "military":
        base = f"Military Forces of {state}{years}"
    elif kind == "police":
        base = f"Police Forces of {state}{years}"
    elif kind == "state_other":
        base = f"Government of {state}{years}"
    else:
        raise ValueError(f"not a state-force kind: {kind!r}")
    return f"{base} {unit}" if unit else base


def generic_actor(kind: str, country: str, on: dt.date | None = None) -> tuple[str, int]:
    """ACLED's name and inter code for an unnamed actor of `country`: ("Protesters (Kenya)", 6).

    `kind` is a mention kind (military, police, state_other, protesters, rioters, civilians,
    unidentified_armed) or a finer generic category (gang, communal, tribal, clan, cult)."""
    if kind in _STATE_KINDS:
        return state_forces(country, kind, on=on), 1
    if kind not in _GENERIC:
        raise ValueError(f"no generic actor of kind {kind!r}")
    pattern, inter, _ = _GENERIC[kind]
    return _convention(kind, country) or pattern.format(c=country), inter


def _convention(kind: str, country: str) -> str | None:
    """Country-specific names ACLED uses instead of the generic pattern."""
    return _lexicon()["conventions"].get(country, {}).get(kind)


def inter_in(mention: ActorMention, event_country: str) -> int:
    """The mention's inter code in an event in `event_country`: a state's forces acting outside
    their own country are external forces (8)."""
    if mention.inter == 1 and mention.country and event_country and mention.country != event_country:
        return 8
    return mention.inter


# ---------------------------------------------------------------------------------------------
# Dictionary


@dataclass(frozen=True, slots=True)
class _Named:
    """A dictionary actor: a named group or an alias of one state's forces."""

    name: str
    inter: int
    kind: str
    country: str | None
    name_in: Mapping[str, str] = field(default_factory=dict)
    name_template: str = ""
    assoc: Mapping[str, str] = field(default_factory=dict)  # alias key -> associated actor
    state_alias: bool = False  # an alias of a state's forces: named from the regime tables
    unit: str = ""  # for state forces: the branch suffix ("Air Force")

    def name_for(self, event_country: str | None, on: dt.date | None) -> str:
        if self.state_alias and self.country:
            return state_forces(self.country, self.kind, self.unit, on)
        if event_country and event_country in self.name_in:
            return self.name_in[event_country]
        if event_country and self.name_template:
            return self.name_template.format(country=event_country)
        return self.name


@dataclass(frozen=True, slots=True)
class _Organisation:
    """A party, union or movement, recorded as an associated actor of protesters or rioters."""

    name: str
    group: str | None  # social group it also implies: "Labour Group"


@dataclass(frozen=True, slots=True)
class _Generic:
    """A common noun's meaning before its role in the sentence is known."""

    category: str  # a key of the lexicon's "nouns", or "people", or "social"
    group: str | None = None  # social group label for people nouns
    country: str | None = None  # nationality when the noun says it ("Palestinians")


@dataclass(frozen=True, slots=True)
class _Alias:
    payload: Any
    scope: str | None  # the only event country where this alias means this actor
    since: dt.date | None = None  # the alias means this actor for events from this date ...
    until: dt.date | None = None  # ... and before this one

    def applies_on(self, on: dt.date | None) -> bool:
        if on is None:
            return self.until is None
        return (self.since is None or self.since <= on) and (self.until is None or on < self.until)


_SEP_CHARS = r"\s\-'’‘.()/&"
_SEP_RUN = re.compile(f"[{_SEP_CHARS}]+")
_SEP_MARK = "\x00"


def _fold(text: str) -> str:
    """ASCII-fold letter by letter, keeping the length so offsets still index the original."""
    if text.isascii():
        return text
    out = []
    for ch in text:
        if ord(ch) < 128:
            out.append(ch)
            continue
        base = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
        out.append(base if len(base) == 1 else ch)
    return "".join(out).replace("’", "'").replace("‘", "'")


def _is_case_sensitive(alias: str) -> bool:
    """Acronyms (PKK, IS, LeT, FAMa) only match as written, so "IS" is not "is"."""
    return (not _SEP_RUN.search(alias) and sum(c.isupper() for c in alias) >= 2) or alias.isupper()


def _key(text: str, fold_case: bool) -> str:
    key = _SEP_RUN.sub("", _fold(text))
    return key.lower() if fold_case else key


def _trie_regex(aliases: list[str], fold_case: bool) -> str:
    """One alternation shaped as a trie, so the regex engine walks shared prefixes once and
    prefers the longest alias; separators (space, hyphen, apostrophe, dot) are optional."""
    trie: dict[str, dict] = {}
    for alias in aliases:
        node = trie
        for i, token in enumerate(t for t in _SEP_RUN.split(_fold(alias)) if t):
            if i:
                node = node.setdefault(_SEP_MARK, {})
            for ch in token.lower() if fold_case else token:
                node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_node(trie)


def _trie_node(node: dict[str, dict]) -> str:
    branches = [
        (f"[{_SEP_CHARS}]*" if ch == _SEP_MARK else re.escape(ch)) + _trie_node(child)
        for ch, child in node.items() if ch
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


class _AliasIndex:
    """Aliases -> payloads, matched by two compiled regexes (case-folded and case-sensitive)."""

    def __init__(self, aliases: list[tuple[str, _Alias]]):
        self._by_key: dict[tuple[bool, str], list[_Alias]] = {}
        texts: dict[bool, set[str]] = {True: set(), False: set()}
        for alias, target in aliases:
            fold_case = not _is_case_sensitive(alias)
            key = _key(alias, fold_case)
            if not key:
                continue
            self._by_key.setdefault((fold_case, key), []).append(target)
            texts[fold_case].add(alias)
        self._regexes = [
            (fold_case, re.compile(r"(?<![\w])(?:" + _trie_regex(sorted(texts[fold_case]), fold_case) + r")(?![\w])",
                                   re.IGNORECASE if fold_case else 0))
            for fold_case in (True, False) if texts[fold_case]
        ]

    def finditer(self, text: str) -> Iterator[tuple[int, int, str, list[_Alias]]]:
        for fold_case, regex in self._regexes:
            for m in regex.finditer(text):
                if not fold_case and m.end() - m.start() <= 3 and _in_capitals(text, m.start(), m.end()):
                    continue
                key = _key(m.group(), fold_case)
                yield m.start(), m.end(), key, self._by_key.get((fold_case, key), [])


_CAPITAL_WORD_BEFORE = re.compile(r"(?<![\w])[A-Z]{2,} +$")
_CAPITAL_WORD_AFTER = re.compile(r" +[A-Z]{2,}(?![\w])")


def _in_capitals(text: str, start: int, end: int) -> bool:
    """A short acronym inside a run of capitals ("WHAT IS NEXT") is an ordinary word."""
    return bool(_CAPITAL_WORD_BEFORE.search(text, max(0, start - 20), start)
                or _CAPITAL_WORD_AFTER.match(text, end))


def _pick(targets: list[_Alias], event_country: str | None, on: dt.date | None) -> Any | None:
    """The alias's meaning in this event: one scoped to the event's country first, then an
    actor at home there, then the first unscoped one (among those current on the event's date)."""
    targets = [t for t in targets if t.applies_on(on)]
    for t in targets:
        if t.scope is not None and t.scope == event_country:
            return t.payload
    unscoped = [t.payload for t in targets if t.scope is None]
    for p in unscoped:
        if isinstance(p, _Named) and event_country and p.country == event_country:
            return p
    return unscoped[0] if unscoped else None


def _with_scopes(entry: dict, payload: Any, aliases: Sequence[str] = ()) -> list[tuple[str, _Alias]]:
    """The entry's aliases (plus `aliases`), each with its country scope and validity dates."""
    since, until = entry.get("since"), entry.get("until")
    out = [(a, _Alias(payload, None, since, until)) for a in [*aliases, *(entry.get("aliases") or [])]]
    for country, scoped in (entry.get("aliases_in") or {}).items():
        out += [(a, _Alias(payload, country, since, until)) for a in scoped or []]
    return out


def _group_aliases(entry: dict) -> list[str]:
    """Aliases implied by an "ACRONYM: Long Name" name: the long name, and the acronym when it
    is 3+ characters (shorter ones are listed by hand, with a country scope)."""
    name: str = entry["name"]
    implied = [] if "{" in name else [name]
    acronym, sep, long_name = name.partition(": ")
    if sep:
        implied.append(long_name)
        if entry.get("acronym", True) and len(acronym) >= 3:
            implied.append(acronym)
    return implied


@cache
def _dictionary() -> _AliasIndex:
    data = _load_yaml("actors.yaml")
    aliases: list[tuple[str, _Alias]] = []
    for g in data["groups"]:
        inter = int(g["inter"])
        assoc = g.get("assoc") or {}
        if isinstance(assoc, str):  # one associated actor for every alias
            assoc = {a: assoc for a in [*(g.get("aliases") or []), *sum((g.get("aliases_in") or {}).values(), [])]}
        assoc = {_key(a, not _is_case_sensitive(a)): v for a, v in assoc.items()}
        named = _Named(g["name"], inter, g.get("kind") or _KIND_OF_INTER[inter], g.get("country"),
                       g.get("name_in") or {}, g.get("name_template") or "", assoc)
        aliases += _with_scopes(g, named, _group_aliases(g))
    for s in data["state_forces"]:
        unit = s.get("unit") or ""
        named = _Named(state_forces(s["state"], s["kind"], unit), 1, s["kind"], s["state"], state_alias=True, unit=unit)
        aliases += _with_scopes(s, named)
    for o in data["organisations"]:
        org = _Organisation(o["name"], o.get("group"))
        aliases += _with_scopes(o, org, _group_aliases(o))
    return _AliasIndex(aliases)


# ---------------------------------------------------------------------------------------------
# Generic nouns and country adjectives


@cache
def _lexicon() -> dict[str, Any]:
    return _load_yaml("actors_generic.yaml")


@cache
def _generic_index() -> _AliasIndex:
    lex = _lexicon()
    aliases = [(noun, _Alias(_Generic(cat), None)) for cat, nouns in lex["nouns"].items() for noun in nouns]
    aliases += [(noun, _Alias(_Generic("people"), None)) for noun in lex["people"]]
    aliases += [(noun, _Alias(_Generic("social", group), None))
                for group, nouns in lex["social_groups"].items() for noun in nouns]
    aliases += [(f"{adjective}s", _Alias(_Generic("people", None, country), None))
                for adjective, country in _adjectives().items() if adjective[-1] in "ni" and adjective != country]
    return _AliasIndex(aliases)


@cache
def _nationality_before() -> re.Pattern[str]:
    """A country adjective right before a people noun ("Afghan migrants")."""
    return re.compile(rf"(?<![\w-])(?P<adj>{_words(list(_adjectives()), fold_case=False)})\s+$")


def _words(words: list[str], fold_case: bool = True) -> str:
    """A word list as one trie-shaped alternation (lower-case unless `fold_case` is False: then
    the pattern matches the words as written)."""
    return "(?:" + _trie_regex(words, fold_case) + ")"


@cache
def _adjective_regex() -> re.Pattern[str]:
    adjectives = list(_adjectives())
    nouns = "|".join(f"(?P<{kind}>{_words(words)})" for kind, words in _lexicon()["force_nouns"].items())
    filler = r"(?:(?!(?:and|or|by|of|the|in|on|at|to|with|from|for|a|an)\b)[A-Za-z0-9-]+\s+){0,2}?"
    return re.compile(
        rf"(?<![\w-])(?P<adj>{_words(adjectives, fold_case=False)})(?:'s?)?\s+{filler}(?i:{nouns})(?![\w])"
    )


@cache
def _forces_of_regex() -> re.Pattern[str]:
    """ "military forces of Armenia", "the police of Kenya", "Ukraine's army" without an adjective."""
    countries = _words(list(_regimes()), fold_case=False)
    return re.compile(
        rf"(?i:(?P<military>military forces|armed forces|army|troops|soldiers|forces)|(?P<police>police forces|police))"
        rf"\s+of\s+(?:the\s+)?(?P<country>{countries})(?![\w])"
    )


@cache
def _ethnic_regex() -> re.Pattern[str]:
    lex = _lexicon()
    return re.compile(
        rf"(?<![\w-])(?P<group>{_words(lex['ethnic_groups'], fold_case=False)})(?:[\s-]+(?i:ethnic|armed|suspected))?"
        rf"[\s-]+(?i:{_words(lex['ethnic_militia_nouns'])})(?![\w])"
    )


@cache
def _member_noun() -> re.Pattern[str]:
    """Member nouns after a group's name, past a qualifier: "ISWAP (Lake Chad) militants",
    "Boko Haram Bakura faction fighters"."""
    qualifier = r"(?:\s*\([^()]{1,40}\))?(?:\s+(?:[A-Z][\w'-]*|faction|wing|splinter))?(?:\s+(?:faction|wing))?"
    return re.compile(rf"{qualifier}\s+(?i:{_words(_lexicon()['member_nouns'])})(?![\w])")


@cache
def _cue_regex(name: str) -> re.Pattern[str]:
    return re.compile(rf"\b(?:{_words(_lexicon()[name])})", re.IGNORECASE)


# ---------------------------------------------------------------------------------------------
# Recognition


@dataclass(slots=True)
class _Candidate:
    start: int
    end: int
    priority: int  # lower wins among equally long overlapping matches
    mention: ActorMention | None = None
    organisation: _Organisation | None = None
    generic: _Generic | None = None


@dataclass(frozen=True, slots=True)
class _Context:
    text: str
    country: str | None
    on: dt.date | None
    protest: bool
    riot: bool
    scan: _Scan


@dataclass(frozen=True, slots=True)
class _Scan:
    """What the patterns match in a (folded) text, whatever the event's country and date."""

    protest: bool
    riot: bool
    air_strike: bool
    named: tuple[tuple[int, int, str, list[_Alias]], ...]  # actor dictionary aliases
    adjectives: tuple[re.Match[str], ...]  # "Russian troops"
    forces_of: tuple[re.Match[str], ...]  # "the army of Kenya"
    ethnic: tuple[re.Match[str], ...]  # "Fulani militia"
    nouns: tuple[tuple[int, int, str, list[_Alias]], ...]  # generic nouns


@lru_cache(maxsize=256)
def _scan(folded: str) -> _Scan:
    """The coder asks about most sentences more than once (with the event's country, without
    one, for another date), so a sentence's matches are found once."""
    protest = bool(_cue_regex("protest_cues").search(folded))
    riot = bool(_cue_regex("riot_cues").search(folded)) or (
        protest and bool(_cue_regex("violent_protest_cues").search(folded)))
    return _Scan(protest, riot, bool(_cue_regex("air_strike_cues").search(folded)),
                 tuple(_dictionary().finditer(folded)), tuple(_adjective_regex().finditer(folded)),
                 tuple(_forces_of_regex().finditer(folded)), tuple(_ethnic_regex().finditer(folded)),
                 tuple(_generic_index().finditer(folded)))


def find_actors(text: str, country: str | None, on: dt.date | None = None) -> list[ActorMention]:
    """All actor mentions in `text` (a sentence or a few), in text order, one per actor name.

    `country` is the event's country, used for generic nouns ("police" -> Police Forces of
    <country>); a country adjective in the text overrides it for state forces ("Russian
    troops"). Without a country, generic actors other than adjective-marked forces are skipped.
    `on`, the event's date, picks the regime era of state forces and actors that changed
    (the Taliban are Afghanistan's state forces from August 2021); undated means today.
    Parties and unions become associated actors of the protesters, rioters or civilians found.
    """
    folded = _fold(text)
    scan = _scan(folded)
    ctx = _Context(folded, country, on, scan.protest, scan.riot, scan)
    chosen = _non_overlapping(_candidates(ctx))
    mentions: list[ActorMention] = []
    organisations: list[_Candidate] = []
    for c in chosen:
        if c.organisation is not None:
            organisations.append(c)
        elif c.mention is not None:
            mentions.append(c.mention)
        elif c.generic is not None and country:
            mentions.append(_generic_mention(c, ctx))
    mentions = _without_modifiers(folded, mentions)
    if organisations:
        mentions = _attach_organisations(mentions, organisations, ctx)
    if country and (ctx.protest or ctx.riot) and not any(m.kind in ("protesters", "rioters") for m in mentions):
        mentions = _implied_crowd(mentions, ctx)
    if scan.air_strike:
        mentions = [_as_air_force(m, on) for m in mentions]
    return _merge_by_name(mentions)


def _without_modifiers(text: str, mentions: list[ActorMention]) -> list[ActorMention]:
    """A person noun right before a force names a rank or role in it, not a civilian: "a chief
    police officer", "village police", "a commander of the army" is the police or the army."""
    def modifies_next(i: int) -> bool:
        m, nxt = mentions[i], mentions[i + 1] if i + 1 < len(mentions) else None
        return (nxt is not None and m.kind == "civilians" and m.generic and nxt.kind in _STATE_KINDS
                and not text[m.end:nxt.start].strip())

    return [m for i, m in enumerate(mentions) if not modifies_next(i)]


def _as_air_force(mention: ActorMention, on: dt.date | None) -> ActorMention:
    """A state's forces carrying out an air strike are its air force, for the states ACLED
    codes that way."""
    if mention.country in _lexicon()["air_force_states"] and mention.name == state_forces(mention.country, on=on):
        return replace(mention, name=state_forces(mention.country, "military", "Air Force", on))
    return mention


def _implied_crowd(mentions: list[ActorMention], ctx: _Context) -> list[ActorMention]:
    """A protest or riot reported without naming who took part ("a protest was held") still has
    ACLED's generic protesters or rioters as its actor, anchored at the word reporting it."""
    assert ctx.country is not None
    kind = "rioters" if ctx.riot else "protesters"
    cue = _cue_regex("riot_cues" if ctx.riot and not ctx.protest else "protest_cues").search(ctx.text)
    if cue is None:
        return mentions
    name, inter = generic_actor(kind, ctx.country, ctx.on)
    crowd = ActorMention(cue.start(), cue.end(), name, inter, kind, ctx.country, generic=True)
    return sorted([*mentions, crowd], key=lambda m: m.start)


def _candidates(ctx: _Context) -> Iterator[_Candidate]:
    for start, end, key, targets in ctx.scan.named:
        if _cited_as_source(ctx.text, start, end):
            continue
        payload = _pick(targets, ctx.country, ctx.on)
        if payload is not None:
            member = _member_noun().match(ctx.text, end)
            end = member.end() if member else end
        if isinstance(payload, _Named):
            yield _Candidate(start, end, 0, mention=ActorMention(
                start, end, payload.name_for(ctx.country, ctx.on), payload.inter, payload.kind, payload.country,
                generic=False, assoc=payload.assoc.get(key, "")))
        elif isinstance(payload, _Organisation):
            yield _Candidate(start, end, 0, organisation=payload)
    for m in ctx.scan.adjectives:
        state = _adjectives()[m.group("adj")]
        kind = next(k for k in _lexicon()["force_nouns"] if m.group(k))
        kind, unit = ("military", "Air Force") if kind == "air_force" else (kind, "")
        yield _Candidate(m.start(), m.end(), 1, mention=ActorMention(
            m.start(), m.end(), state_forces(state, kind, unit, ctx.on), 1, kind, state, generic=False))
    for m in ctx.scan.forces_of:
        kind = "military" if m.group("military") else "police"
        state = m.group("country")
        yield _Candidate(m.start(), m.end(), 1, mention=ActorMention(
            m.start(), m.end(), state_forces(state, kind, on=ctx.on), 1, kind, state, generic=False))
    if ctx.country:
        herder_group = _lexicon()["herder_militia"].get(ctx.country)
        for m in ctx.scan.ethnic:
            group = _canonical_ethnic(m.group("group"))
            yield _Candidate(m.start(), m.end(), 1, mention=ActorMention(
                m.start(), m.end(), f"{group} Ethnic Militia ({ctx.country})", 4, "identity_militia",
                ctx.country, generic=True))
    else:
        herder_group = None
    for start, end, _, targets in ctx.scan.nouns:
        generic = targets[0].payload
        if herder_group and generic.group == "Pastoralists" and not _is_victim(ctx.text, start):
            yield _Candidate(start, end, 2, mention=ActorMention(
                start, end, f"{herder_group} Ethnic Militia ({ctx.country})", 4, "identity_militia",
                ctx.country, generic=True))
            continue
        if generic.category in ("people", "social", "civilians") and generic.country is None:
            nationality = _nationality_before().search(ctx.text, max(0, start - 40), start)
            if nationality:
                generic = replace(generic, country=_adjectives()[nationality.group("adj")])
                start = nationality.start()
        yield _Candidate(start, end, 2, generic=generic)


# An acronym standing for the news agency that reports ("an AFP journalist said", "told AFP"):
# AFP is also the Armed Forces of the Philippines.
_SOURCE_AFTER = re.compile(r"\)|'s? (?:journalists?|reporters?|photographers?|correspondents?|tally|count)\b"
                           r"| (?:journalists?|reporters?|photographers?|correspondents?|news agency|tally|count"
                           r")\b")
_SOURCE_BEFORE = re.compile(r"(?:\btold|\baccording to|\bquoted by|\bto|\()\s*(?:the\s+)?$")


def _cited_as_source(text: str, start: int, end: int) -> bool:
    if end - start > 5 or not text[start:end].isupper():
        return False
    return bool(_SOURCE_AFTER.match(text, end) or _SOURCE_BEFORE.search(text, max(0, start - 20), start))


def _canonical_ethnic(word: str) -> str:
    return {"Peul": "Fulani", "Peulh": "Fulani"}.get(word, word)


def _non_overlapping(candidates: Iterator[_Candidate]) -> list[_Candidate]:
    """Longest match first; on equal spans the dictionary beats adjectives beats common nouns."""
    ordered = sorted(candidates, key=lambda c: (c.start, -(c.end - c.start), c.priority))
    kept: list[_Candidate] = []
    for c in ordered:
        if kept and c.start < kept[-1].end:
            continue
        kept.append(c)
    return kept


_WINDOW = 40


def _is_victim(text: str, start: int) -> bool:
    """A harm verb shortly before the noun ("killed two villagers"), not one whose agent the
    noun is ("killed by herdsmen")."""
    before = text[max(0, start - _WINDOW):start]
    harms = list(_cue_regex("harm_verbs").finditer(before))
    return bool(harms) and not re.search(r"[.;:]|\bby\b", before[harms[-1].end():])


def _is_passive_agent(text: str, start: int) -> bool:
    """The agent of a harm verb in the passive ("was beaten up by residents", "were fatally
    assaulted by community members")."""
    before = text[max(0, start - _WINDOW):start]
    by = _BY_PEOPLE.search(before)
    return by is not None and any(_cue_regex("harm_verbs").finditer(before, 0, by.start()))


_BY_PEOPLE = re.compile(r"\bby\s+(?:(?:the|a|an|some|angry|irate|local|several|many|group|mob|crowd|of|\d+)\s+)*$",
                        re.IGNORECASE)


def _is_attacker(text: str, end: int) -> bool:
    """A harm verb in the active voice shortly after the noun ("villagers attacked", not
    "villagers were attacked")."""
    m = _attacker_regex().match(text, end)
    return bool(m) and not m.group("passive")


@cache
def _attacker_regex() -> re.Pattern[str]:
    return re.compile(r"\s+(?:(?P<passive>was|were|is|are|been|being|got)\s+|\w+\s+)?(?:"
                      + _words(_lexicon()["harm_verbs"] + _lexicon()["fight_verbs"]) + r")\b", re.IGNORECASE)


def _generic_mention(c: _Candidate, ctx: _Context) -> ActorMention:
    assert c.generic is not None and ctx.country is not None
    category, group = c.generic.category, c.generic.group
    if category in _STATE_KINDS:
        state, kind, unit = _lexicon()["state_conventions"].get(ctx.country, {}).get(
            category, (ctx.country, category, ""))
        return ActorMention(c.start, c.end, state_forces(state, kind, unit, ctx.on), 1, kind, state, generic=True)
    # A nationality names the group: "Ukrainians rallied" abroad are Protesters (Ukraine).
    country = c.generic.country or ctx.country
    if category in ("people", "social"):
        category = _role_of_people(c, ctx, group)
    elif category == "protesters" and ctx.riot:
        category = "rioters"
    # Migrants of unstated nationality: ACLED's "Migrants (International)", victims being
    # "Civilians (International)".
    group_country = "International" if group == "Migrants" and not c.generic.country else country
    if category == "civilians":
        country = group_country
    name, inter = generic_actor(category, country, ctx.on)
    kind = _GENERIC[category][2]
    home = None if kind == "external" else country
    assoc = f"{group} ({group_country})" if group else ""
    return ActorMention(c.start, c.end, name, inter, kind, home, generic=True, assoc=assoc)


def _role_of_people(c: _Candidate, ctx: _Context, group: str | None) -> str:
    """Protesters at a protest (rioters if it turned violent), rioters when they attack, victims
    (civilians) otherwise."""
    victim = _is_victim(ctx.text, c.start)
    if ctx.protest and not (victim and group == "Journalists"):
        return "rioters" if ctx.riot and not victim else "protesters"
    if _is_attacker(ctx.text, c.end) or _is_passive_agent(ctx.text, c.start) or (ctx.riot and not victim):
        return "rioters"
    return "civilians"


def _attach_organisations(mentions: list[ActorMention], organisations: list[_Candidate],
                          ctx: _Context) -> list[ActorMention]:
    """Parties and unions join the protesters/rioters (or, failing those, civilians) as associated
    actors; at a protest with no other participants named, they stand for the protesters."""
    assoc: list[str] = []
    for c in organisations:
        assert c.organisation is not None
        assoc.append(c.organisation.name)
        if c.organisation.group and ctx.country:
            assoc.append(f"{c.organisation.group} ({ctx.country})")
    for kinds in (("protesters", "rioters"), ("civilians",)):
        for i, m in enumerate(mentions):
            if m.kind in kinds:
                mentions[i] = replace(m, assoc=_join(m.assoc, *assoc))
                return mentions
    if ctx.protest and ctx.country:
        first = organisations[0]
        kind = "rioters" if ctx.riot else "protesters"
        name, inter = generic_actor(kind, ctx.country, ctx.on)
        mentions.append(ActorMention(first.start, first.end, name, inter, kind, ctx.country,
                                     generic=True, assoc=_join(*assoc)))
        mentions.sort(key=lambda m: m.start)
    return mentions


def _join(*assoc: str) -> str:
    seen: list[str] = []
    for part in assoc:
        for a in part.split("; "):
            if a and a not in seen:
                seen.append(a)
    return "; ".join(seen)


def _merge_by_name(mentions: list[ActorMention]) -> list[ActorMention]:
    """One mention per actor name, at its first occurrence, carrying every associated actor."""
    first: dict[str, int] = {}
    out: list[ActorMention] = []
    for m in mentions:
        if m.name in first:
            i = first[m.name]
            out[i] = replace(out[i], assoc=_join(out[i].assoc, m.assoc))
        else:
            first[m.name] = len(out)
            out.append(m)
    return out
