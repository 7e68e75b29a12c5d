"""From an article's sentences to event records: which sentences report events, what type,
when, where, who, how many killed; one event per date × place × type; ordered by salience.

The stages (triggers, modality, dates, places, actors, fatalities) each read the text; this
module decides how their findings combine:

- A sentence founds an event only through a trigger that `modality` calls a fact, and not
  through a definite noun that names an event already reported ("the attack", "the
  fighting"): such a sentence can only tell more about the event before it.
- A sentence that names no place or date of its own continues the event before it: its
  strong cues refine that event's type ("police dispersed them" turns a protest into a
  protest with intervention) instead of founding a new one; its weak ones ("firing",
  "gunmen") do not change it. A sentence with its own place or date and a trigger founds a
  new event, unless it is the same date, place and kind of event (violence within a battle
  or strike is the same event). The day a source spoke ("police said on Sunday") is not a
  date of the event; "a day after X attacked" dates X the day before.
- A place only counts as an event location in a clause that reports a happening; places in
  speculation ("could advance toward Kramatorsk"), in reporting frames ("said in Kyiv") and
  parts of the place already reported ("the city's Kyivskyi district") are not event
  locations. A place at the head of the sentence ("On 3 May, in X (Y), ...") is. ACLED codes
  no country-level events: an event whose place is only a country, or no place the gazetteer
  knows, is not recorded (a capital standing in for "somewhere in Yemen" would mislead maps
  and admin1 counts).
- Who did it: the actors of the main trigger's sentence, a passive's "by" agent, a named
  group of another sentence of the event for an unidentified one, or the group that claimed
  the article's attacks; never a speaker or the civilians hit.
- Deaths are read from all the event's sentences and the ones after it that report no event
  ("The victim died. 1 fatality."); a protest has none.
- Articles about a natural disaster give only what armed groups or crowds do in them.
- Salience: an event reported in the headline or lead, with more fatalities, more sentences
  and named actors, comes first.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from pipelines.extraction import actors as actor_stage
from pipelines.extraction import places as place_stage
from pipelines.extraction.dates import DateMention, days_of, find_dates
from pipelines.extraction.fatalities import count_fatalities, split_total
from pipelines.extraction.modality import RELATIVE_CLAUSE_BEFORE, Modality, clause_around, modality_of
from pipelines.extraction.notes import note_for
from pipelines.extraction.text import Sentence, split_sentences
from pipelines.extraction.triggers import (
    ARMED_KINDS,
    LABEL,
    STATE_KINDS,
    STRONG,
    USUAL,
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


# A date that starts a name is no date: "the March 23 Movement".
_NAME_AFTER_DATE = re.compile(
    r"\s+(?:Movement|Brigade|Battalion|Regiment|Division|Group|Party|Front|Alliance|Revolution|Uprising|"
    r"Street|Square|Avenue|Road|Bridge|Stadium|University|Hospital|Camp|Agreement|Accords?)\b"
)
# The day a speaker said something is not the day of the event: "police said on Sunday".
_REPORTED_ON = re.compile(
    r"\b(?:said|says|told\s+(?:\w+\s+){0,2}|announced|reported|confirmed|added|stated|tweeted|wrote|"
    r"statement|briefing)\s*$",
    re.IGNORECASE,
)
# "The attack", "the fighting", "this clash": a definite noun names an event already reported.
_DEFINITE_BEFORE = re.compile(r"\b(?:the|this|that|these|those|whose)\s+(?:(?:latest|deadly|recent|same|overnight|"
                              r"reported|alleged|suspected|two|three|twin)\s+)?$", re.IGNORECASE)
_NOMINAL_TRIGGER = re.compile(
    r"^(?:attacks?|assaults?|clash(?:es)?|fighting|battle|raids?|killings?|deaths?|blast|explosion|bombing|"
    r"violence|incident|unrest|shelling|strikes?|air ?strikes?|offensive|operation|ambush|abductions?|kidnappings?|"
    r"incursion|invasion|siege|massacre|bombardment|protests?|demonstrations?|riots?)$",
    re.IGNORECASE,
)
# "The blast came a day after insurgents attacked a base": the event of the clause after
# "a day after" happened that many days before the event just reported.
_DAYS_APART = re.compile(
    r"\b(?:(a|one|two|three|four|five|six|\d)\s+days?|(hours|minutes|shortly|just|moments))\s+(after|before)\s*$",
    re.IGNORECASE,
)
_NUMBER_WORDS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
# Articles about natural disasters and accidents: their deaths and damage are not political
# violence; only what an armed group or a crowd does in them can be an event.
_DISASTER = re.compile(
    r"\b(?:earthquake|quake|tremor|flood(?:s|ing)?|landslides?|mudslides?|cyclone|hurricane|typhoon|tornado|"
    r"storm|wildfires?|bushfires?|drought|tsunami|volcan\w+|eruption|avalanche|heatwave|epidemic|outbreak|"
    r"(?:road|traffic|bus|train|plane|boat|ferry|mining|mine) (?:accident|crash|collision|disaster)|"
    r"building collapse|stampede|"
    # industrial accidents: "a chemical plant exploded", "gas containers exploded during a fire"
    r"(?:chemical|industrial|power|gas|oil|fuel|fireworks?|ammunition) (?:plant|factory|depot|facility|tanks?|"
    r"warehouse|pipeline|containers?|cylinders?)s? (?:\w+ ){0,3}?(?:explo\w+|caught fire|burn\w*|blaze)|"
    r"(?:explosions?|blasts?) (?:\w+ ){0,3}?(?:through|at|in) an? (?:\w+ )?(?:industrial|chemical) (?:area|zone|park|site|complex)|"
    r"(?:exploded|explosions?|blasts?) during a fire|fire ?fighters)\b",
    re.IGNORECASE,
)


# "in the city's Kyivskyi district": a part of the place already reported, not a new place.
_INSIDE_THE_PLACE_BEFORE = re.compile(r"\bthe (?:city|town|village|capital|region|province)['’]s\s+$", re.IGNORECASE)


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
    days_before: int | None = None
    """Days before the event reported just before ("a day after ..."), when the sentence says."""
    country: str | None = None
    """The country of the sentence's place, else of the sentence before it."""
    refers_back: bool = False
    """Only names an event already reported ("The clash pitted X against Y"): it can tell who
    took part, not found an event."""


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
    tail: list[Sentence] = dataclasses.field(default_factory=list)
    """Sentences that report no event of their own after the event's ("The victim died. 1
    fatality."): read for its fatalities."""

    def absorb(self, c: Candidate) -> None:
        """Add a sentence that reports more of this event. Its weaker cues ("firing", "gunmen")
        describe how the event unfolded and do not change what kind of event it is."""
        self.sentences.append(c.sentence)
        violent = _family(self.cues) != "demo" or self.cues.get("mob", 0) >= STRONG
        for cat, strength in c.cues.items():
            if cat == "protest" and violent:
                continue  # "people gathered" before a mob attack does not make it a protest
            if strength >= STRONG or cat in _REFINING or cat in self.cues:
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
    dates = [d for d in find_dates(text, published_on) if not d.historical and not _part_of_name(text, d)]
    mentions = place_stage.find_places(text)
    context = place_stage.article_context(text, mentions)
    coded = _coded_location(text, mentions, context)
    candidates = _candidates(text, sentences, dates, mentions, context, published_on, coded)
    claimants = _claimants(sentences, candidates, published_on)
    if _about_a_disaster(title, sentences):
        candidates = [c for c in candidates if _names_armed_group(c) or _is_crowd_event(c)]
    drafts = _group(candidates, dates, mentions, context, sentences, coded)
    _attach_tails(drafts, sentences, candidates)
    records = []
    for draft in _by_salience(drafts, title):
        records.extend(_records(draft, published_on, claimants))
    return records


_REFINING = frozenset({"intervention", "excessive", "violent_demo", "protest", "capture", "transfer"})


def _part_of_name(text: str, d: DateMention) -> bool:
    return bool(_NAME_AFTER_DATE.match(text, d.end))


def _reported_on(sentence: Sentence, d: DateMention) -> bool:
    return bool(_REPORTED_ON.search(sentence.text[max(0, d.start - sentence.start - 40):d.start - sentence.start]))


def _anaphoric(sentence: Sentence, t: Trigger) -> bool:
    """A definite noun ("the attack", "the fighting") that refers back to a reported event."""
    pos = t.start - sentence.start
    return bool(_NOMINAL_TRIGGER.match(t.text) and _DEFINITE_BEFORE.search(sentence.text[max(0, pos - 30):pos]))


def _days_apart(sentence: Sentence, triggers: list[Trigger]) -> int | None:
    """How many days before the previous event this sentence's event happened, when its trigger
    sits in a clause like "a day after insurgents attacked" (negative: after it)."""
    for t in triggers:
        left, _ = clause_around(sentence.text, t.start - sentence.start, t.end - sentence.start)
        m = _DAYS_APART.search(sentence.text[max(0, left - 30):left + 1].rstrip() + " ")
        if m is None:
            continue
        days = 0 if m.group(2) else _NUMBER_WORDS.get(m.group(1).lower()) or int(m.group(1))
        return days if m.group(3).lower() == "after" else -days
    return None


def _about_a_disaster(title: str | None, sentences: list[Sentence]) -> bool:
    lead = " ".join([title or "", *(s.text for s in sentences[:2])])
    return bool(_DISASTER.search(lead))


def _names_armed_group(c: Candidate) -> bool:
    return any(a.kind in ARMED_KINDS and not a.generic for _, a in c.actors)


def _is_crowd_event(c: Candidate) -> bool:
    return any(c.cues.get(cat, 0) >= STRONG for cat in ("protest", "violent_demo", "mob"))


def _candidates(text, sentences, dates, mentions, context, published_on, coded=None) -> list[Candidate]:
    out = []
    article_country: list[str | None] | None = None  # found when first needed
    for sentence in sentences:
        raw = find_triggers(sentence.text, sentence.start)
        triggers = [
            t
            for t in raw
            if not _quoted(sentence.text, t.start - sentence.start)
            and not (out and _anaphoric(sentence, t))
            and modality_of(sentence.text, t.start - sentence.start, t.end - sentence.start, published_on.year)
            is Modality.FACT
        ]
        triggers = _without_protest_topics(sentence, triggers)
        cues = strongest(triggers)
        refers_back = not is_codable(cues) and bool(out) and _names_the_event(sentence, raw, published_on)
        if not is_codable(cues) and not refers_back:
            continue
        own_dates = [d for d in dates if sentence.start <= d.start < sentence.end and not _reported_on(sentence, d)]
        places_here = _event_places(sentence, mentions, triggers)
        if places_here and all(_country_only(m) for m in places_here) and out:
            places_here = []  # a country named in passing: the event continues where it was
        located = [m for m in places_here if not _country_only(m)]
        location = coded or (place_stage.resolve_place(located, context) if located else None)
        if refers_back and location is not None:
            continue  # "the attack in X": another place is another story
        country = location.country if location is not None else (out[-1].country if out else None)
        if country is None:
            if article_country is None:
                article_country = [_article_country(context, sentences)]
            country = article_country[0]
        found = [(sentence.start + a.start, a) for a in actor_stage.find_actors(sentence.text, country, published_on)] if country else []
        if "nonevent" in cues and not any(a.kind in ARMED_KINDS and not a.generic for _, a in found):
            cues = _crowd_cues_before_nonevent(sentence, triggers)
            if not is_codable(cues):
                continue
        if _police_work(cues, sentence.text, [a for _, a in found]):
            continue
        if refers_back:
            out.append(Candidate(sentence, [], {}, [], None, False, found, None, country=country, refers_back=True))
            continue
        if cues.get("capture") == USUAL and _captures_a_place(sentence, triggers, places_here, found):
            cues["capture"] = STRONG
        out.append(
            Candidate(sentence, triggers, cues, own_dates, location, location is not None, found,
                      count_fatalities(sentence.text), None if own_dates else _days_apart(sentence, triggers),
                      country)
        )
    return out


# "seized Beledweyne", "captured the town of X": the place right after the verb.
_TAKEN_PLACE_GAP = re.compile(r"\s+(?:the\s+)?(?:(?:\w+\s+)?(?:town|village|city|district|area|region|province)"
                              r"\s+of\s+)?")


def _captures_a_place(sentence: Sentence, triggers: list[Trigger], places: Sequence[Any],
                      actors: list[tuple[int, Any]]) -> bool:
    """Whether an armed group "seized", "occupied" or "captured" a place the sentence names: a
    territory change, however plainly worded."""
    if not any(a.kind in ARMED_KINDS for _, a in actors):
        return False
    text = sentence.text
    return any(
        t.category == "capture" and _TAKEN_PLACE_GAP.fullmatch(text, t.end - sentence.start, m.start - sentence.start)
        for t in triggers
        for m in places
    )


def _names_the_event(sentence: Sentence, triggers: list[Trigger], published_on: dt.date) -> bool:
    """Whether the sentence refers back to a reported event with a definite noun, as a fact
    (`triggers`: all the sentence's lexicon hits, before any filtering)."""
    return any(
        _anaphoric(sentence, t)
        and modality_of(sentence.text, t.start - sentence.start, t.end - sentence.start, published_on.year)
        is Modality.FACT
        for t in triggers
    )


# What a protest is about: "protested against the increase in armed clashes", "over the murder of
# a tailor", "demanding the arrest of those who torched their wheat".
# ("after" and "during" are not: "protests after demonstrators clashed with police" is one event.)
_PROTEST_TOPIC = re.compile(r"\b(?:against|over|about|for|demanding|denouncing|condemning|"
                            r"in (?:protest|response) (?:at|to|against))\b")
_VIOLENT_CATEGORIES = frozenset({"violent_demo", "clash", "attack", "looting", "mob", "shelling", "air", "ied"})


def _without_protest_topics(sentence: Sentence, triggers: list[Trigger]) -> list[Trigger]:
    """Drop the violence a protest in the sentence is about: it is the protest's topic, not
    something the protesters did. Violence the crowd commits comes before such a word ("protesters
    torched tyres against ...") or without one ("marched and stormed the building")."""
    protests = [t for t in triggers if t.category == "protest" and t.strength >= STRONG]
    if not protests:
        return triggers
    first = min(t.end for t in protests)

    def topic(t: Trigger) -> bool:
        if t.category not in _VIOLENT_CATEGORIES or t.start < first:
            return False
        between = sentence.text[first - sentence.start:t.start - sentence.start]
        return _PROTEST_TOPIC.search(between) is not None and not re.search(r"[;.]| and (?:then )?(?!the\b)", between)

    return [t for t in triggers if not topic(t)]


# Ordinary crime: what police arrests, seizures and thefts are about when they are not political.
_CRIME = re.compile(r"\b(?:drugs?|narcotics?|cocaine|heroin|marijuana|cannabis|methamphetamine|counterfeit\w*|"
                    r"robber(?:y|ies)|burglar\w*|break and enter|theft|thie(?:f|ves)|stolen|fraud\w*|smuggl\w+|"
                    r"traffick\w+|contraband|poach\w+|bribe\w*|embezzl\w+)\b", re.IGNORECASE)
_POLICE_WORK = frozenset({"arrest", "looting", "disrupted", "nonevent"})


def _police_work(cues: dict[str, int], sentence: str, actors: list[Any]) -> bool:
    """An arrest, seizure or theft over ordinary crime and nothing more ("police recovered
    stolen property", "a man was taken into custody after drugs were found"): ACLED records
    political violence and its arrests, not police blotters. A named group (a cartel, an
    insurgency, a party), the military (ACLED codes its destruction of drug airstrips and
    boats) or a note's label makes it an event."""
    if not cues or not set(cues) <= _POLICE_WORK | {"attack"} or max(cues.values()) >= LABEL:
        return False
    if cues.get("attack", 0) >= STRONG or any(a.kind == "military" or not (a.generic or a.kind in STATE_KINDS)
                                              for a in actors):
        return False
    return bool(_CRIME.search(sentence))


def _crowd_cues_before_nonevent(sentence: Sentence, triggers: list[Trigger]) -> dict[str, int]:
    """In a sentence about a disaster, only a protest named before it is an event ("residents
    protested over the flood response"), not "landslides blocked roads". A disaster in a
    relative clause on the crowd ("relatives of a man who died in a road accident staged a
    protest") is what the protest is about: the protest still counts."""
    def described_crowd(t: Trigger) -> bool:
        before = sentence.text[:t.start - sentence.start]
        return RELATIVE_CLAUSE_BEFORE.search(before[-80:]) is not None

    first_nonevent = min((t.start for t in triggers if t.category == "nonevent" and not described_crowd(t)),
                         default=sentence.end)
    return strongest([t for t in triggers if t.category in {"protest", "violent_demo", "intervention"}
                      and t.start < first_nonevent])


_QUOTES = "\"“”«»"


def _quoted(sentence: str, pos: int) -> bool:
    """Inside quoted speech: what someone says happened is a statement, not a report."""
    if sentence[:1] in _QUOTES or sentence[:1] == "‘":
        return True
    if sum(sentence.count(q, 0, pos) for q in _QUOTES) % 2 == 1:
        return True
    # A quote opened in an earlier sentence: the first curly quote after `pos` closes it.
    closing, opening = sentence.find("”", pos), sentence.find("“", pos)
    return closing != -1 and (opening == -1 or closing < opening) and "“" not in sentence[:pos]


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
        if _INSIDE_THE_PLACE_BEFORE.search(sentence.text, 0, m.start - sentence.start):
            continue
        kept.append(m)
    framed = _framed(sentence, kept)
    in_clause = [m for m in kept if any(lo <= m.start - sentence.start < hi for lo, hi in clauses)]
    if framed and framed[0].candidates[0].kind in ("admin1", "admin2"):
        # "In Sagaing Region, aircraft bombed a village outside Kanbalu": a place in the region wins.
        area = framed[0].candidates[0]
        framed += [m for m in in_clause if m not in framed and m.candidates
                   and area.name in (m.candidates[0].admin1, m.candidates[0].admin2)]
    chosen = framed or in_clause or kept
    # "Russia's Belgorod region": the country only qualifies the place that follows.
    specific = [m for m in chosen if not _country_only(m)]
    return _without_enclosing(specific) or chosen


# "On 3 May 2022, in Barquisimeto (Lara), residents of three parishes protested ...": a place
# set at the head of the sentence is where everything the sentence reports happened.
_LEADING_FRAME = re.compile(
    r"^(?:[A-Z][\w ]{0,30}:\s*)?(?:(?:on|around|as reported on|between|in the (?:night|morning|evening) of)\b"
    r"[^,.;]{0,50},\s*)?(?:in|near|at|outside|around|close to)\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def _framed(sentence: Sentence, mentions: list[Any]) -> list[Any]:
    """The place at the head of the sentence, with the areas qualifying it right after it."""
    for i, m in enumerate(mentions):
        if _LEADING_FRAME.match(sentence.text[:m.start - sentence.start]):
            out, end = [m], m.end
            for q in mentions[i + 1:]:
                if not re.fullmatch(r"\s*[(,]\s*", sentence.text[end - sentence.start:q.start - sentence.start]):
                    break
                out.append(q)
                end = q.end
            return out
    return []


def _without_enclosing(mentions: list[Any]) -> list[Any]:
    """Drop the areas that only locate another mention ("the town of X in the Y region")."""
    def encloses(area: Any, m: Any) -> bool:
        a, p = area.candidates[0], m.candidates[0]
        return (m is not area and a.kind in ("admin1", "admin2") and p.kind not in ("admin1", "country")
                and p.country == a.country and a.name in (p.admin1, p.admin2) and a.name != p.name)
    return [a for a in mentions if not (a.candidates and any(m.candidates and encloses(a, m) for m in mentions))]


def _country_only(mention: Any) -> bool:
    return bool(mention.candidates) and mention.candidates[0].kind == "country"


def _spoken_place(sentence: str, start: int, end: int) -> bool:
    return bool(_SPOKEN_IN.search(sentence[max(0, start - 60):start]) or _SPEAKS.match(sentence[end:end + 40]))


def _group(candidates, dates, mentions, context, sentences, coded=None) -> list[Draft]:
    drafts: list[Draft] = []
    lead_date = dates[0] if dates else None
    for c in candidates:
        target = drafts[-1] if drafts else None
        if c.refers_back:
            if target is not None:
                target.sentences.append(c.sentence)
                target.actors.extend(c.actors)
            continue
        own_date = c.dates[0] if c.dates else _shifted(target.date if target else None, c.days_before)
        if target is not None and all(cat in ("attack", "nonevent") and n < STRONG for cat, n in c.cues.items()):
            own_date = None  # "the wounded remained in hospital on Tuesday": more of the same event
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
            d.location = coded or _fallback_place(mentions, context, sentences)
    return [d for d in drafts if d.location is not None]


def _attach_tails(drafts: list[Draft], sentences: list[Sentence], candidates: list[Candidate]) -> None:
    """Give each sentence that founds no event to the event whose sentence is the last one before it."""
    in_candidates = {c.sentence.index for c in candidates}
    owner = {s.index: d for d in drafts for s in d.sentences}
    current: Draft | None = None
    for s in sentences:
        if s.index in owner:
            current = owner[s.index]
        elif s.index in in_candidates:
            current = None
        elif current is not None:
            current.tail.append(s)


def _shifted(date: DateMention | None, days_before: int | None) -> DateMention | None:
    if date is None or days_before is None:
        return None
    day = date.first_day - dt.timedelta(days=days_before)
    return DateMention(date.start, date.end, day, day, date.precision, False)


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
    return _compatible(c.cues, target.cues) or not _founds(c.cues)


def _founds(cues: dict[str, int]) -> bool:
    return any(s >= STRONG for c, s in cues.items() if c not in {"intervention", "excessive", "nonevent"})


_FAMILIES = {
    "protest": "demo", "violent_demo": "demo", "intervention": "demo", "excessive": "demo", "mob": "demo",
    "air": "remote", "shelling": "remote", "ied": "remote", "grenade": "remote", "suicide": "remote",
    "chemical": "remote", "clash": "ground", "ambush": "ground", "capture": "ground", "transfer": "ground",
    "arrest": "strategic", "looting": "strategic", "disrupted": "remote", "agreement": "strategic",
    "change": "strategic", "hq": "strategic", "other": "strategic",
}


def _compatible(a: dict[str, int], b: dict[str, int]) -> bool:
    """Whether two sets of cues can report one event: the same kind, or violence ("attacked",
    "killed") within a battle or a strike at the same place and day."""
    fa, fb = _family(a), _family(b)
    return fa == fb or "violence" in (fa, fb) and {fa, fb} <= {"violence", "ground", "remote"}


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
        and _compatible(a.cues, b.cues)
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


# ACLED notes say where the coder placed an event: "[coded to Przemysl]", "(coded as Ghalanai)",
# "(coded to capital Ciudad Sabinas Hidalgo)". That place is the event's location.
_CODED_TO = re.compile(r"\bcoded (?:to|as|at) (?:the )?(?:(?:regional |provincial |district |state )?capitals? |"
                       r"(?:town|village|city|district) of )?(?=[A-Z])")


def _coded_location(text: str, mentions: Sequence[Any], context: Any) -> Any | None:
    if "coded " not in text:
        return None
    for m in _CODED_TO.finditer(text):
        named = next((p for p in mentions if p.start == m.end()), None)
        if named is not None and not _country_only(named):
            location = place_stage.resolve_place([named], context)
            # a namesake abroad ("coded as Maze" in a note about Ituri) is not where it was coded
            if location is not None and (not context.countries
                                         or location.country == max(context.countries, key=context.countries.get)):
                return location
    return None


def _fallback_place(mentions, context, sentences) -> Any | None:
    """Where the article's events happened when the event's own sentences name no place: the
    places of the lead, outside reporting frames."""
    lead = [s for s in sentences[:3]]
    usable = [
        m for m in mentions
        if any(s.start <= m.start < s.end for s in lead)
        and not _country_only(m)
        and not _spoken_place(_sentence_of(lead, m.start), m.start, m.end)
    ]
    return place_stage.resolve_place(usable, context) if usable else None


def _article_country(context, sentences: list[Sentence]) -> str | None:
    """The country an article is about when a sentence names no place: the country it names
    most, else the home country of the first named group in its lead ("Houthi forces shelled
    ..." is in Yemen)."""
    if context.countries:
        return max(context.countries, key=context.countries.get)
    lead = " ".join(s.text for s in sentences[:3])
    return next((a.country for a in actor_stage.find_actors(lead, None) if a.country and not a.generic), None)


def _sentence_of(sentences: list[Sentence], pos: int) -> str:
    # The sentence holding `pos`, padded so that article offsets index it.
    for s in sentences:
        if s.start <= pos < s.end:
            return " " * s.start + s.text
    return ""


def _by_salience(drafts: list[Draft], title: str | None) -> list[Draft]:
    title_l = (title or "").lower()
    # the places the title names, under whatever name: "Kanyabayonga" in a title is the place
    # the gazetteer calls Kanyobagonga
    title_places = {(c.name, c.country) for m in place_stage.find_places(title) for c in m.candidates} if title else set()

    def named_in_title(d: Draft) -> bool:
        name = d.location.location or ""
        return bool(title_l) and (name.lower() in title_l or (name, d.location.country) in title_places)

    def score(d: Draft) -> float:
        s = 0.0
        if d.first_index == 0:
            s += 3
        elif d.first_index <= 2:
            s += 1
        s += min(len(d.sentences), 5) * 0.5
        s += min(d.fatalities or 0, 50) ** 0.5
        if named_in_title(d):
            s += 2
        if title_l and any(t.text.lower() in title_l for t in d.triggers):
            s += 1
        s += max(d.cues.values(), default=0) * 0.3
        # An event whose actors the article names is better reported than one it only alludes to.
        s += 1.0 if any(not a.generic for _, a in d.actors) else 0
        return s

    return sorted(drafts, key=lambda d: (-score(d), d.first_index))


def _records(d: Draft, published_on: dt.date, claimants: Sequence[Any] = ()) -> list[dict[str, Any]]:
    loc = d.location
    country = loc.country
    agent, target = _roles(d)
    _mark_excessive_force(d, agent)
    sub = _sub_event(d, agent, target, country)
    # A claim of responsibility names who fought or attacked, not who fired from afar.
    claimed = [a for a in claimants if a.country in (None, country)]
    if claimed and sub is not None and EVENT_TYPE_OF[sub].value in ("Battles", "Violence against civilians"):
        agent, target = _roles(d, claimed)
        sub = _sub_event(d, agent, target, country)
    if sub is None:
        return []
    if d.date is not None:
        days = days_of(d.date)
        precision = d.date.precision
    else:
        days, precision = [published_on], 2
    actor1, inter1, assoc1, actor2, inter2, assoc2 = _actors_for(sub, agent, target, d, country, days[0])
    if len(days) > MAX_DAYS_SPLIT:
        days = days[:1]
    days = [day for day in days if day <= published_on] or [published_on]
    fatalities = _fatalities(d, sub)
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


def _mark_excessive_force(d: Draft, agent: Any | None) -> None:
    """Police or troops who kill, shoot or beat the protesters of a peaceful protest use
    excessive force (ACLED's sub-event), whatever words the article uses for it."""
    if (agent is not None and agent.kind in STATE_KINDS and d.cues.get("protest", 0) >= STRONG
            and d.cues.get("attack", 0) >= STRONG and "violent_demo" not in d.cues):
        d.cues["excessive"] = STRONG


def _fatalities(d: Draft, sub: S) -> int:
    """Deaths of the event, read from all its sentences together (so that ACLED's coded figure,
    a later toll or a split across events is applied once). A peaceful protest, or one the
    police only dispersed, has none by definition: deaths there are the background it is about."""
    if sub in (S.PEACEFUL_PROTEST, S.PROTEST_WITH_INTERVENTION):
        return 0
    return count_fatalities(" ".join(s.text for s in sorted(d.sentences + d.tail, key=lambda s: s.start))) or 0


def _sub_event(d: Draft, agent: Any | None, target: Any | None, country: str) -> S | None:
    return resolve_sub_event(
        d.cues,
        agent.kind if agent is not None else None,
        target.kind if target is not None else None,
        agent_at_home=agent is None or getattr(agent, "country", None) in (None, country),
    )


def _confidence(d: Draft, has_agent: bool, has_date: bool) -> float:
    top = max(d.cues.values(), default=0)
    c = 0.35 + 0.1 * min(top, 4) + (0.1 if has_agent else 0) + (0.1 if d.own_place else 0)
    c += 0.05 if has_date else 0
    return round(min(c, 0.95), 2)


def _roles(d: Draft, claimants: Sequence[Any] = ()) -> tuple[Any | None, Any | None]:
    """The agent (actor 1) and target (actor 2) among the actors named in the sentence of the
    event's main trigger: the first actor before the trigger acts, the first after it is acted
    on; "by X" makes X the agent. When that sentence names no group but another sentence of
    the event does ("The clash pitted X against Y"), that sentence decides. Civilians are
    never the agent of violence: "workers were killed when drones struck" has them as target."""
    if not d.actors:
        return (claimants[0] if claimants else None), None
    main = max(d.triggers, key=lambda t: (t.strength, t.category != "attack", -t.start))
    sentence = next((s for s in d.sentences if s.start <= main.start < s.end), d.sentences[0])
    pivot: int | None = main.start
    here = _actors_in(d, sentence)
    if all(a.generic for _, a in here):
        naming = next((s for s in d.sentences if any(not a.generic and a.kind in ARMED_KINDS - {"state_other"}
                                                     for _, a in _actors_in(d, s))), None)
        if naming is not None and naming is not sentence:
            sentence, here = naming, _actors_in(d, naming)
            in_it = [t for t in d.triggers if naming.start <= t.start < naming.end]
            pivot = max(in_it, key=lambda t: (t.strength, -t.start)).start if in_it else None
    # "Afghan officials say Taliban fighters attacked ...": who speaks takes no part, unless
    # nobody else is named before the trigger ("the military said its forces shot down ...").
    others = [(pos, a) for pos, a in here if not _speaker(sentence, pos, a)]
    if pivot is not None and any(pos < pivot for pos, _ in others):
        here = others
    acting, acted_on = [], []
    # "soldiers were killed by militants": the agent of the trigger's passive, right after it
    # (not "in an attack later claimed by the group").
    by = [a for pos, a in here
          if pivot is not None and 0 < pos - pivot < 150
          and _BY.search(sentence.text[max(0, pos - sentence.start - 30):pos - sentence.start])]
    for pos, a in here:
        # "soldiers were killed by militants": the subject of a passive is acted on.
        acts = (a in by) if by else (pos < pivot if pivot is not None else not acting)
        (acting if acts and a.kind != "civilians" else acted_on).append(a)
    # An armed group named before the trigger acts, rather than the people it hit.
    agent = next((a for a in acting if a.kind in ARMED_KINDS), acting[0] if acting else None)
    target = acted_on[0] if acted_on else None
    if main.category == "clash" and d.cues.get("capture", 0) < STRONG:  # who took ground is its own question
        agent, target = _two_sides(acting, acted_on, agent, target)
    if target is not None and target.kind in STATE_KINDS and _OFF_DUTY.search(
            sentence.text, max(0, _pos_of(here, target) - sentence.start - 40), _pos_of(here, target) - sentence.start):
        # ACLED codes off-duty or former soldiers and police as civilians.
        name, inter = actor_stage.generic_actor("civilians", d.location.country if d.location else "")
        target = dataclasses.replace(target, name=name, inter=inter, kind="civilians", generic=True)
    if target is None and agent is not None:
        target = _opposing(sentence, [(pos, a) for pos, a in here if a in acting and a is not agent], agent, here)
    if agent is None and target is not None and len(here) == 1 and target.kind in ARMED_KINDS:
        agent, target = target, None
    if agent is not None and target is not None and agent.name == target.name:
        target = None
    if agent is None and claimants:
        agent = claimants[0]
    agent, target = (_named_for_unidentified(d, agent, claimants, other=target),
                     _named_for_unidentified(d, target, claimants, other=agent))
    return agent, (None if target is not None and agent is not None and target.name == agent.name else target)


def _two_sides(acting: list[Any], acted_on: list[Any], agent: Any | None, target: Any | None) -> tuple[Any, Any]:
    """A fight has two sides wherever the sentence names them: "fighting between A and B"
    (both after the trigger), "A and B exchanged fire" (both before it)."""
    if agent is None:
        sides = [a for a in acted_on if a.kind in ARMED_KINDS]
        other = next((a for a in sides if a.name != sides[0].name), None)
        if other is not None:
            return sides[0], other
    elif target is None:
        target = next((a for a in acting if a is not agent and a.kind in ARMED_KINDS and a.name != agent.name), None)
    return agent, target


def _named_for_unidentified(d: Draft, actor: Any | None, claimants: Sequence[Any], other: Any | None = None) -> Any | None:
    """"Troops fought armed groups ... fighters of the Russian Volunteer Corps attacked border
    posts": an unidentified group stands for the named non-state group the event's other
    sentences name, else for the group that claimed the article's attacks (ACLED names the
    claimed perpetrator). Never for the event's other side: "gunmen shot a QSD fighter" was not
    done by the QSD."""
    if actor is None or not (actor.generic and actor.kind == "unidentified_armed"):
        return actor
    named = (a for _, a in d.actors if not a.generic and a.kind in ARMED_KINDS and a.kind not in STATE_KINDS
             and (other is None or a.name != other.name))
    return next(named, claimants[0] if claimants else actor)


_CLAIM = re.compile(r"\bclaim(?:s|ed|ing)? (?:responsibility|credit)\b|\bt(?:ake|akes|ook) (?:responsibility|credit)\b",
                    re.IGNORECASE)


def _claimants(sentences: list[Sentence], candidates: list[Candidate], published_on: dt.date) -> list[Any]:
    """The named armed groups that claim responsibility in the article ("the Freedom of Russia
    Legion claimed responsibility for the raid")."""
    out: dict[str, Any] = {}
    country = next((c.country for c in candidates if c.country), None)
    for s in sentences:
        if _CLAIM.search(s.text) and country:
            for a in actor_stage.find_actors(s.text, country, published_on):
                if not a.generic and a.kind in ARMED_KINDS and a.kind not in STATE_KINDS:
                    out.setdefault(a.name, a)
    return list(out.values())


_OPPOSED_BY = re.compile(r"\b(?:against|versus|vs\.?)\b", re.IGNORECASE)


def _opposing(sentence: Sentence, others: list[tuple[int, Any]], agent: Any, here: list[tuple[int, Any]]) -> Any | None:
    """"The clash pitted X against Y": a named armed group set against the agent is the other side."""
    agent_pos = next((pos for pos, a in here if a is agent), None)
    if agent_pos is None:
        return None
    for pos, a in others:
        between = sentence.text[agent_pos - sentence.start:pos - sentence.start]
        if a.kind in ARMED_KINDS and not a.generic and pos > agent_pos and _OPPOSED_BY.search(between):
            return a
    return None


# ("X claimed to have killed ..." keeps X: the claimant of an act is its agent.)
_SAYS_AFTER = re.compile(r"\s*(?:,[^,]{0,40},\s*)?(?:say|says|said|told|tell|announced|stated|added)\b(?! to\b)",
                         re.IGNORECASE)


def _speaker(sentence: Sentence, pos: int, actor: Any) -> bool:
    end = pos - sentence.start + (actor.end - actor.start)
    return bool(_SAYS_AFTER.match(sentence.text, end))


_OFF_DUTY = re.compile(r"\b(?:off[- ]duty|retired|former|ex-)\b[^,.;]*$", re.IGNORECASE)


def _pos_of(here: list[tuple[int, Any]], actor: Any) -> int:
    return next(pos for pos, a in here if a is actor)


def _actors_in(d: Draft, sentence: Sentence) -> list[tuple[int, Any]]:
    return [(pos, a) for pos, a in d.actors if sentence.start <= pos < sentence.end]


# "killed by (the) (suspected) militants" names the agent; "backed by clan militias" names an ally.
_BY = re.compile(r"(?<!backed )(?<!supported )(?<!assisted )(?<!accompanied )(?<!aided )(?<!joined )"
                 r"\bby\s+(?:the\s+|a\s+|an\s+)?(?:[a-z][\w-]*\s+){0,2}$")


def _actors_for(sub: S, agent, target, d: Draft, country: str,
                on: dt.date) -> tuple[str, int, str, str, int, str]:
    """Actor names and inter codes by ACLED's conventions for the sub-event type; state forces
    take the regime years of the event's date."""
    def generic(kind: str) -> tuple[str, int]:
        name, inter = actor_stage.generic_actor(kind, country, on)
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
        # Police who only report ("police said") are not a side; police who intervened are.
        if responder is not None and (d.cues.get("intervention", 0) >= STRONG or responder.kind == "military"
                                      or sub is S.VIOLENT_DEMONSTRATION and not _victims_are_civilians(d)):
            return (*a1, "", *named(responder), "")
        if sub is S.MOB_VIOLENCE:
            return (*a1, "", *civilians, "")
        return (*a1, "", "", 0, "")
    if EVENT_TYPE_OF[sub].value == "Violence against civilians" or sub is S.LOOTING:
        a1 = named(agent) if agent is not None and agent.kind not in {"civilians"} else generic("unidentified_armed")
        return (*a1, assoc(), *civilians, "")
    if sub is S.ARMED_CLASH or sub in (S.GOVERNMENT_REGAINS_TERRITORY, S.NON_STATE_ACTOR_OVERTAKES_TERRITORY):
        a1 = named(agent) if agent is not None else generic("unidentified_armed")
        # "the Arakan Army seized the town, the armed group said": a generic group after a named
        # one re-mentions it; the side that lost the ground is then the state's forces.
        if target is not None and target.kind in ARMED_KINDS and not (
                target.generic and target.kind == "unidentified_armed" and agent is not None and not agent.generic):
            a2 = named(target)
        else:
            a2 = _opponent(agent, country, on, actors) if agent is not None else generic("unidentified_armed")
        if a2[0] == a1[0] and sub is not S.ARMED_CLASH:
            return (*a1, "", "", 0, "")
        return (*a1, "", *a2, "")
    if EVENT_TYPE_OF[sub].value == "Explosions/Remote violence":
        a1 = named(agent) if agent is not None else _known_user(actors, country, on)
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


def _opponent(agent, country: str, on: dt.date, actors: Sequence[Any] = ()) -> tuple[str, int]:
    """The other side of a clash the text names only one side of: the state's forces against a
    non-state group; against state forces, a named non-state group of the event's sentences,
    else an unidentified one."""
    if agent.kind in STATE_KINDS:
        named = next((a for a in actors if not a.generic and a.kind in ARMED_KINDS - STATE_KINDS), None)
        if named is not None:
            return named.name, int(actor_stage.inter_in(named, country))
    name, inter = actor_stage.generic_actor(
        "unidentified_armed" if agent.kind in STATE_KINDS else "military", country, on
    )
    return name, int(inter)


def _known_user(actors: list[Any], country: str, on: dt.date) -> tuple[str, int]:
    """Remote violence with no named perpetrator: the foreign forces the article names as
    fighting in the country (Russian forces shelling in Ukraine), else an unidentified armed
    group of the country."""
    foreign = next((a for a in actors if a.kind == "military" and a.country and a.country != country), None)
    if foreign is not None:
        return foreign.name, int(actor_stage.inter_in(foreign, country))
    name, inter = actor_stage.generic_actor("unidentified_armed", country, on)
    return name, int(inter)
