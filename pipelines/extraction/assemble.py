"""From an article's sentences to event records: which sentences report events, what type,
when, where, who, how many killed; one event per date × place × type; ordered by salience.

The stages (triggers, modality, dates, places, actors, fatalities) each read the text; this
module decides how their findings combine:

- A sentence founds an event only through a trigger that `modality` calls a fact.
- A sentence that names no place or date of its own continues the event before it: its
  cues refine that event's type ("police dispersed them" turns a protest into a protest with
  intervention) instead of founding a new one. A sentence with its own place or date and a
  trigger founds a new event, unless it is the same date, place and event type.
- A place only counts as an event location in a clause that reports a happening; places in
  speculation ("could advance toward Kramatorsk") and in reporting frames ("said in Kyiv")
  are not event locations.
- Salience: an event reported in the headline or lead, with more fatalities and more
  sentences about it, comes first.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from pipelines.extraction import actors as actor_stage
from pipelines.extraction import places as place_stage
from pipelines.extraction.dates import DateMention, days_of, find_dates
from pipelines.extraction.fatalities import count_fatalities, split_total
from pipelines.extraction.modality import Modality, clause_around, modality_of
from pipelines.extraction.notes import note_for
from pipelines.extraction.text import Sentence, split_sentences
from pipelines.extraction.triggers import (
    ARMED_KINDS,
    STATE_KINDS,
    STRONG,
    Trigger,
    find_triggers,
    is_codable,
    resolve_sub_event,
    strongest,
)
from schemas.taxonomy import EVENT_TYPE_OF
from schemas.taxonomy import SubEventType as S

MAX_CHARS = 100_000
"""Longer texts are cut here: the events of a news article are in its first pages, and the
coder must stay fast on any input."""
MAX_SENTENCES = 400
"""Sentences read per article (a 5 KB news article has about 40)."""
MAX_SENTENCE_CHARS = 1_000
"""A longer "sentence" is a list or markup debris; only its start is read for triggers."""
MAX_DAYS_SPLIT = 7
"""A multi-day range longer than this is coded as one event on its first day."""

# A place where someone spoke ("told reporters in Moscow") or a capital standing for its
# government ("Kyiv denied ...") is not where an event happened.
_SPOKEN_IN = re.compile(
    r"\b(?:said|says|told|tells|stated|announced|declared|claimed|speaking|spoke|briefing|press conference|"
    r"statement|interview|address(?:ed)?|reporters|journalists)\b(?:\s+\S+){0,4}\s+(?:in|from|at)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_SPEAKS = re.compile(
    r"^(?:['’]s\s+\w+(?:\s+\w+)?\s+|\s+)?(?:has\s+|have\s+|had\s+)?(?:said|says|blamed|blames|accused|accuses|"
    r"claimed|claims|denied|denies|announced|warned|warns|condemned|condemns|insisted|asserted|assessed|"
    r"responded|reiterated|stated|confirmed|urged|called)\b",
    re.IGNORECASE,
)


@dataclass
class Candidate:
    """What one sentence reports: its cues and the date, place and actors it names."""

    sentence: Sentence
    triggers: list[Trigger]
    cues: dict[str, int]
    dates: list[DateMention]
    location: Any | None
    own_place: bool
    actors: list[tuple[int, Any]]
    fatalities: int | None


@dataclass
class Draft:
    """An event being built from one or more candidate sentences."""

    sentences: list[Sentence]
    cues: dict[str, int]
    date: DateMention | None
    location: Any
    actors: list[tuple[int, Any]]
    triggers: list[Trigger]
    fatalities: int | None
    first_index: int
    own_place: bool

    def absorb(self, c: Candidate) -> None:
        self.sentences.append(c.sentence)
        for cat, strength in c.cues.items():
            self.cues[cat] = max(self.cues.get(cat, 0), strength)
        self.actors.extend(c.actors)
        self.triggers.extend(c.triggers)
        if c.fatalities is not None:
            self.fatalities = max(self.fatalities or 0, c.fatalities)


def assemble(text: str, published_on: dt.date, title: str | None = None) -> list[dict[str, Any]]:
    """Event records (plain dicts with the Event fields except identity and coder) for one
    article, main event first."""
    text = text[:MAX_CHARS]
    sentences = [
        s if len(s.text) <= MAX_SENTENCE_CHARS else Sentence(s.start, s.start + MAX_SENTENCE_CHARS,
                                                             s.text[:MAX_SENTENCE_CHARS], s.index)
        for s in split_sentences(text)[:MAX_SENTENCES]
    ]
    if not sentences:
        return []
    dates = [d for d in find_dates(text, published_on) if not d.historical]
    mentions = place_stage.find_places(text)
    context = place_stage.article_context(text, mentions)
    candidates = _candidates(text, sentences, dates, mentions, context, published_on)
    drafts = _group(candidates, dates, mentions, context, sentences)
    records = []
    for draft in _by_salience(drafts, title):
        records.extend(_records(draft, published_on))
    return records


def _candidates(text, sentences, dates, mentions, context, published_on) -> list[Candidate]:
    out = []
    for sentence in sentences:
        triggers = [
            t
            for t in find_triggers(sentence.text, sentence.start)
            if not _quoted(sentence.text, t.start - sentence.start)
            and modality_of(sentence.text, t.start - sentence.start, t.end - sentence.start, published_on.year)
            is Modality.FACT
        ]
        cues = strongest(triggers)
        if not is_codable(cues):
            continue
        own_dates = [d for d in dates if sentence.start <= d.start < sentence.end]
        places_here = _event_places(sentence, mentions, triggers)
        if places_here and all(_country_only(m) for m in places_here) and out:
            places_here = []  # a country named in passing: the event continues where it was
        location = place_stage.resolve_place(places_here, context) if places_here else None
        country = location.country if location is not None else None
        found = [(sentence.start + a.start, a) for a in actor_stage.find_actors(sentence.text, country)] if country else []
        if "nonevent" in cues and not any(a.kind in ARMED_KINDS and not a.generic for _, a in found):
            cues = {c: s for c, s in cues.items() if c in {"protest", "violent_demo", "intervention"}}
            if not is_codable(cues):
                continue
        out.append(
            Candidate(sentence, triggers, cues, own_dates, location, location is not None, found,
                      count_fatalities(sentence.text))
        )
    return out


_QUOTES = "\"“”«»"


def _quoted(sentence: str, pos: int) -> bool:
    """Inside quoted speech: what someone says happened is a statement, not a report."""
    if sentence[:1] in _QUOTES or sentence[:1] == "‘":
        return True
    return sum(sentence.count(q, 0, pos) for q in _QUOTES) % 2 == 1


def _event_places(sentence: Sentence, mentions: Sequence[Any], triggers: list[Trigger]) -> list[Any]:
    """Place mentions of the sentence that can be where its factual triggers happened."""
    here = [m for m in mentions if sentence.start <= m.start < sentence.end]
    if not here:
        return []
    clauses = [clause_around(sentence.text, t.start - sentence.start, t.end - sentence.start) for t in triggers]
    kept = []
    for m in here:
        if _spoken_place(sentence.text, m.start - sentence.start, m.end - sentence.start):
            continue
        kept.append(m)
    in_clause = [m for m in kept if any(lo <= m.start - sentence.start < hi for lo, hi in clauses)]
    chosen = in_clause or kept
    # "Russia's Belgorod region": the country only qualifies the place that follows.
    specific = [m for m in chosen if not _country_only(m)]
    return specific or chosen


def _country_only(mention: Any) -> bool:
    return bool(mention.candidates) and mention.candidates[0].kind == "country"


def _spoken_place(sentence: str, start: int, end: int) -> bool:
    return bool(_SPOKEN_IN.search(sentence[max(0, start - 60):start]) or _SPEAKS.match(sentence[end:end + 40]))


def _group(candidates, dates, mentions, context, sentences) -> list[Draft]:
    drafts: list[Draft] = []
    lead_date = dates[0] if dates else None
    for c in candidates:
        own_date = c.dates[0] if c.dates else None
        target = drafts[-1] if drafts else None
        if target is not None and _continues(target, c, own_date):
            target.absorb(c)
            if target.location is None and c.location is not None:
                target.location, target.own_place = c.location, True
            continue
        if c.location is None and target is not None:
            location = target.location
        elif c.location is None:
            location = None
        else:
            location = c.location
        date = own_date or (target.date if target is not None else None) or _date_before(dates, c) or lead_date
        draft = Draft([c.sentence], dict(c.cues), date, location, list(c.actors), list(c.triggers),
                      c.fatalities, c.sentence.index, c.own_place)
        same = next((d for d in drafts if _same_event(d, draft)), None)
        if same is not None:
            same.absorb(c)
            continue
        drafts.append(draft)
    for d in drafts:
        if d.location is None:
            d.location = _fallback_place(mentions, context, sentences)
    return [d for d in drafts if d.location is not None]


def _continues(target: Draft, c: Candidate, own_date: DateMention | None) -> bool:
    """Whether a sentence adds to the event before it rather than founding a new one."""
    if own_date is not None and target.date is not None and _day(own_date) != _day(target.date):
        return False
    if c.location is not None and target.location is not None and not _same_place(c.location, target.location):
        if _refines(c.location, target.location):
            target.location = c.location
        elif not _refines(target.location, c.location):
            return False
    if c.location is None and own_date is None:
        return True
    # Same place and date: one event unless the sentence reports a different kind of event.
    return _family(c.cues) == _family(target.cues) or not _founds(c.cues)


def _founds(cues: dict[str, int]) -> bool:
    return any(s >= STRONG for c, s in cues.items() if c not in {"intervention", "excessive", "nonevent"})


_FAMILIES = {
    "protest": "demo", "violent_demo": "demo", "intervention": "demo", "excessive": "demo", "mob": "demo",
    "air": "remote", "shelling": "remote", "ied": "remote", "grenade": "remote", "suicide": "remote",
    "chemical": "remote", "clash": "ground", "capture": "ground", "transfer": "ground",
    "arrest": "strategic", "looting": "strategic", "disrupted": "strategic", "agreement": "strategic",
    "change": "strategic", "hq": "strategic", "other": "strategic",
}


def _family(cues: dict[str, int]) -> str:
    """The broad kind of event the cues report: demonstrations, remote violence, ground fighting,
    violence against civilians or a strategic development (one event per kind, place and day)."""
    if any(_FAMILIES.get(c) == "demo" and s >= STRONG for c, s in cues.items()):
        return "demo"
    top = max(cues.items(), key=lambda kv: (kv[1], kv[0] != "attack"))[0] if cues else ""
    return _FAMILIES.get(top, "violence")


def _same_event(a: Draft, b: Draft) -> bool:
    return (
        _day(a.date) == _day(b.date)
        and a.location is not None
        and b.location is not None
        and _same_place(a.location, b.location)
        and _family(a.cues) == _family(b.cues)
    )


def _refines(specific: Any, broad: Any) -> bool:
    """A place inside the region an event was so far only known by ("Fighting in the Belgorod
    region ... the Graivoron district") is where it happened."""
    return (
        broad.geo_precision == 3
        and specific.geo_precision < 3
        and (specific.country, specific.admin1) == (broad.country, broad.admin1)
    )


def _same_place(a: Any, b: Any) -> bool:
    return (a.location, a.admin1, a.country) == (b.location, b.admin1, b.country)


def _day(d: DateMention | None) -> dt.date | None:
    return d.first_day if d is not None else None


def _date_before(dates: list[DateMention], c: Candidate) -> DateMention | None:
    earlier = [d for d in dates if d.start < c.sentence.start]
    return earlier[-1] if earlier else None


def _fallback_place(mentions, context, sentences) -> Any | None:
    """Where the article's events happened when the event's own sentences name no place: the
    places of the lead, outside reporting frames."""
    lead = [s for s in sentences[:3]]
    usable = [
        m for m in mentions
        if any(s.start <= m.start < s.end for s in lead)
        and not _spoken_place(_sentence_of(lead, m.start), m.start, m.end)
    ]
    return place_stage.resolve_place(usable, context) if usable else None


def _sentence_of(sentences: list[Sentence], pos: int) -> str:
    # The sentence holding `pos`, padded so that article offsets index it.
    for s in sentences:
        if s.start <= pos < s.end:
            return " " * s.start + s.text
    return ""


def _by_salience(drafts: list[Draft], title: str | None) -> list[Draft]:
    title_l = (title or "").lower()

    def score(d: Draft) -> float:
        s = 0.0
        if d.first_index == 0:
            s += 3
        elif d.first_index <= 2:
            s += 1
        s += min(len(d.sentences), 5) * 0.5
        s += min(d.fatalities or 0, 50) ** 0.5
        if title_l and (d.location.location or "").lower() in title_l:
            s += 2
        if title_l and any(t.text.lower() in title_l for t in d.triggers):
            s += 1
        s += max(d.cues.values(), default=0) * 0.3
        return s

    return sorted(drafts, key=lambda d: (-score(d), d.first_index))


def _records(d: Draft, published_on: dt.date) -> list[dict[str, Any]]:
    loc = d.location
    country = loc.country
    agent, target = _roles(d)
    sub = resolve_sub_event(
        d.cues,
        agent.kind if agent is not None else None,
        target.kind if target is not None else None,
        agent_at_home=agent is None or getattr(agent, "country", None) in (None, country),
    )
    if sub is None:
        return []
    actor1, inter1, assoc1, actor2, inter2, assoc2 = _actors_for(sub, agent, target, d, country)
    if d.date is not None:
        days = days_of(d.date)
        precision = d.date.precision
    else:
        days, precision = [published_on], 2
    if len(days) > MAX_DAYS_SPLIT:
        days = days[:1]
    days = [day for day in days if day <= published_on] or [published_on]
    fatalities = d.fatalities or 0
    per_day = split_total(fatalities, len(days)) if len(days) > 1 else [fatalities]
    confidence = _confidence(d, agent is not None, d.date is not None)
    out = []
    for day, dead in zip(days, per_day, strict=True):
        out.append(
            {
                "event_date": day,
                "time_precision": precision,
                "event_type": EVENT_TYPE_OF[sub].value,
                "sub_event_type": sub.value,
                "actor1": actor1,
                "assoc_actor_1": assoc1,
                "inter1": inter1,
                "actor2": actor2,
                "assoc_actor_2": assoc2,
                "inter2": inter2,
                "iso": loc.iso,
                "region": getattr(loc, "region", "") or "",
                "country": country,
                "admin1": loc.admin1 or "",
                "admin2": loc.admin2 or "",
                "admin3": loc.admin3 or "",
                "location": loc.location,
                "latitude": loc.latitude,
                "longitude": loc.longitude,
                "geo_precision": loc.geo_precision,
                "fatalities": dead,
                "evidence": [{"start": s.start, "end": s.end} for s in d.sentences],
                "confidence": confidence,
                "notes": note_for(
                    event_date=day, time_precision=precision, sub_event_type=sub, actor1=actor1,
                    actor2=actor2, location=loc.location, admin2=loc.admin2 or "", admin1=loc.admin1 or "",
                    geo_precision=loc.geo_precision, fatalities=dead,
                ),
            }
        )
    return out


def _confidence(d: Draft, has_agent: bool, has_date: bool) -> float:
    top = max(d.cues.values(), default=0)
    c = 0.35 + 0.1 * min(top, 4) + (0.1 if has_agent else 0) + (0.1 if d.own_place else 0)
    c += 0.05 if has_date else 0
    return round(min(c, 0.95), 2)


def _roles(d: Draft) -> tuple[Any | None, Any | None]:
    """The agent (actor 1) and target (actor 2) among the actors named in the sentence of the
    event's main trigger: the first actor before the trigger acts, the first after it is acted
    on; "by X" makes X the agent."""
    if not d.actors:
        return None, None
    main = max(d.triggers, key=lambda t: (t.strength, -t.start))
    sentence = next((s for s in d.sentences if s.start <= main.start < s.end), d.sentences[0])
    here = [(pos, a) for pos, a in d.actors if sentence.start <= pos < sentence.end] or d.actors
    agent = target = None
    for pos, a in here:
        before = sentence.text[max(0, pos - sentence.start - 30):max(0, pos - sentence.start)]
        if _BY.search(before) or pos < main.start:
            agent = agent or a
        elif target is None:
            target = a
    if agent is None and target is not None and len(here) == 1 and target.kind in ARMED_KINDS:
        agent, target = target, None
    if agent is not None and target is not None and agent.name == target.name:
        target = None
    return agent, target


_BY = re.compile(r"\bby\s+(?:the\s+|a\s+|an\s+|suspected\s+|presumed\s+|alleged\s+)*$", re.IGNORECASE)


def _actors_for(sub: S, agent, target, d: Draft, country: str) -> tuple[str, int, str, str, int, str]:
    """Actor names and inter codes by ACLED's conventions for the sub-event type."""
    def generic(kind: str) -> tuple[str, int]:
        name, inter = actor_stage.generic_actor(kind, country)
        return name, int(inter)

    def named(a) -> tuple[str, int]:
        return a.name, int(actor_stage.inter_in(a, country))

    def assoc() -> str:
        names = [a.assoc for _, a in d.actors if getattr(a, "assoc", "")]
        return "; ".join(dict.fromkeys(names))

    actors = [a for _, a in d.actors]
    responder = next((a for a in actors if a.kind in STATE_KINDS), None)
    civilians = generic("civilians")

    if sub in (S.PEACEFUL_PROTEST, S.PROTEST_WITH_INTERVENTION):
        a1 = generic("protesters")
        groups = "; ".join(dict.fromkeys(a.name for a in actors if not a.generic and a.kind not in ARMED_KINDS))
        if sub is S.PEACEFUL_PROTEST:
            return (*a1, groups, "", 0, "")
        a2 = named(responder) if responder is not None else generic("police")
        return (*a1, groups, *a2, "")
    if sub is S.EXCESSIVE_FORCE:
        a1 = named(responder) if responder is not None else generic("police")
        return (*a1, "", *generic("protesters"), "")
    if sub in (S.VIOLENT_DEMONSTRATION, S.MOB_VIOLENCE):
        a1 = generic("rioters")
        if responder is not None:
            return (*a1, "", *named(responder), "")
        if sub is S.MOB_VIOLENCE:
            return (*a1, "", *civilians, "")
        return (*a1, "", "", 0, "")
    if EVENT_TYPE_OF[sub].value == "Violence against civilians" or sub is S.LOOTING:
        a1 = named(agent) if agent is not None and agent.kind not in {"civilians"} else generic("unidentified_armed")
        return (*a1, assoc(), *civilians, "")
    if sub is S.ARMED_CLASH or sub in (S.GOVERNMENT_REGAINS_TERRITORY, S.NON_STATE_ACTOR_OVERTAKES_TERRITORY):
        a1 = named(agent) if agent is not None else generic("unidentified_armed")
        if target is not None and target.kind in ARMED_KINDS:
            a2 = named(target)
        else:
            a2 = _opponent(agent, country) if agent is not None else generic("unidentified_armed")
        if a2[0] == a1[0] and sub is not S.ARMED_CLASH:
            return (*a1, "", "", 0, "")
        return (*a1, "", *a2, "")
    if EVENT_TYPE_OF[sub].value == "Explosions/Remote violence":
        a1 = named(agent) if agent is not None else _known_user(actors, country)
        if target is not None:
            a2 = named(target)
        elif _victims_are_civilians(d):
            a2 = civilians
        else:
            a2 = ("", 0)
        return (*a1, "", *a2, "")
    if sub is S.ARRESTS:
        a1 = named(agent) if agent is not None and agent.kind in STATE_KINDS else generic("police")
        a2 = named(target) if target is not None and target.kind not in STATE_KINDS else civilians
        return (*a1, "", *a2, "")
    # Other strategic developments: whoever the text names.
    if agent is not None:
        a1 = named(agent)
    elif target is not None:
        a1, target = named(target), None
    else:
        a1 = generic("unidentified_armed")
    a2 = named(target) if target is not None else ("", 0)
    return (*a1, "", *a2, "")


_KILLED_CIVILIANS = re.compile(
    r"\b(?:killing|killed|wounding|wounded|injuring|injured|hitting|hit|damaging|damaged)\b[^.]{0,40}"
    r"\b(?:civilians?|residents?|people|persons?|m[ae]n|wom[ae]n|child(?:ren)?|houses?|homes?|school|hospital|"
    r"market|residential)\b",
    re.IGNORECASE,
)


def _victims_are_civilians(d: Draft) -> bool:
    return any(_KILLED_CIVILIANS.search(s.text) for s in d.sentences)


def _opponent(agent, country: str) -> tuple[str, int]:
    """The other side of a clash the text names only one side of: the state's forces against a
    non-state group; an unidentified group against state forces."""
    name, inter = actor_stage.generic_actor(
        "unidentified_armed" if agent.kind in STATE_KINDS else "military", country
    )
    return name, int(inter)


def _known_user(actors: list[Any], country: str) -> tuple[str, int]:
    """Remote violence with no named perpetrator: the foreign forces the article names as
    fighting in the country (Russian forces shelling in Ukraine), else an unidentified armed
    group of the country."""
    foreign = next((a for a in actors if a.kind == "military" and a.country and a.country != country), None)
    if foreign is not None:
        return foreign.name, int(actor_stage.inter_in(foreign, country))
    name, inter = actor_stage.generic_actor("unidentified_armed", country)
    return name, int(inter)
