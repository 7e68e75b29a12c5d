"""Whether a trigger reports something that happened.

A trigger word inside speculation ("could advance toward ..."), plans and threats ("plans to
attack", "threatened to kill"), negation ("no clashes were reported"), a denial ("denied
carrying out the strike"), history ("liberated Berlin in 1945") or a reference to another
event ("blamed Kyiv for the attack", "claimed responsibility for the bombing") must not found
an event. The test looks at the clause around the trigger, not the whole sentence, so "Russia
denied the claim, but its troops shelled the town" still codes the shelling.
"""

from __future__ import annotations

import functools
import re
from enum import StrEnum


class Modality(StrEnum):
    FACT = "fact"
    SPECULATIVE = "speculative"
    NEGATED = "negated"
    DENIED = "denied"
    HISTORICAL = "historical"
    REFERENCE = "reference"


# A clause ends at these; the modal or negation that governs a trigger sits in its own clause.
_CLAUSE_BREAK = re.compile(
    r"[;:()\[\]\"“”]|,|\s[-–—]\s|\b(?:but|while|whereas|although|though|however|meanwhile|and then|after which|"
    r"before|after|when|as|which|who|where|saying|said|adding|according to)\b",
    re.IGNORECASE,
)
_SPECULATIVE = re.compile(
    r"\b(?:could|would|might|should|must|will|shall|can|wo|ca)\b|(?<!\d )\b(?-i:may)\b(?! \d)|'ll\b|"
    r"\b(?:intention|expected|likely|unlikely|possible|possibly|potential(?:ly)?|risk|fears?|feared|readiness|"
    r"if|unless|whether|ahead of|in case|hypothetical|scenario|announced plans|upcoming|next week|next month|"
    r"tomorrow|would-be|rumou?rs?|rumou?red|unconfirmed|unverified)\b",
    re.IGNORECASE,
)
# Verbs of intent govern the verb they introduce ("threatened to attack", "plans to hold a
# protest"), not every later word of the clause ("migrants who attempted to cross the border
# were captured").
_INTENT_NEAR = re.compile(
    r"\b(?:plans?|planned|planning|intends?|intended|intending|aims?|aimed|aiming|seeks?|sought|"
    r"threat(?:en|ens|ened|ening)?|vow(?:s|ed)?|pledg(?:e|es|ed)|warn(?:s|ed|ing)?|ready|"
    r"prepar(?:e|es|ed|ing|ations?)|call(?:s|ed|ing)? (?:for|on)|urg(?:e|es|ed|ing)|appeal(?:s|ed)? (?:for|to)|"
    r"want(?:s|ed)? to|tr(?:y|ies|ied) to|attempt(?:s|ed)? to|announced (?:a|an)|plot(?:s|ted|ting)?)\b"
    r"(?:\s+\S+){0,4}\s*$",
    re.IGNORECASE,
)
# "its capture would allow ...": a nominal trigger that is the subject of a modal verb.
_MODAL_AFTER = re.compile(r"\s+(?:\S+\s+){0,3}(?:would|could|might|will|(?-i:may)|(?:is|are|was|were) expected)\b")
# A modal verb governs the rest of its sentence across commas ("its capture would allow them to
# advance toward X, and bring Y within range of artillery") up to a contrast or a new statement.
_MODAL = re.compile(r"\b(?:would|could|might|will|(?-i:may)|wo|ca)\b(?! \d)|'ll\b", re.IGNORECASE)
_STRONG_BREAK = re.compile(
    r"[;:\"“”]|\s[-–—]\s|\b(?:but|while|whereas|although|though|however|meanwhile|said|says|according to)\b",
    re.IGNORECASE,
)
# The happening was only being prepared for: "gathered ahead of a planned march".
_BEFORE_PLANNED = re.compile(r"\b(?:ahead of|before|in preparation for) (?:an?|the|their|its) (?:planned|scheduled|proposed)\b",
                             re.IGNORECASE)
_NEGATION_BEFORE = re.compile(
    r"\b(?:no|not|never|without|nor|neither|none|nothing|nobody|no one|n't|didn't|wasn't|weren't|hasn't|haven't|"
    r"rul(?:ed|ing) out|false(?:ly)?|fake|rumou?rs? (?:of|about))\b(?:\s+\S+){0,3}\s*$|n't\s+(?:\S+\s+){0,2}$",
    re.IGNORECASE,
)
_NEGATION_AFTER = re.compile(
    r"^\S*\s+(?:\S+\s+){0,2}(?:(?:was|were|has been|have been|had been) (?:not|never)|did not|didn't|"
    r"never) (?:reported|recorded|observed|confirmed|happen\w*|take place|took place|occur\w*)",
    re.IGNORECASE,
)
_DENIAL = re.compile(
    r"\b(?:den(?:y|ies|ied|ying)|dismiss(?:ed|es)?|reject(?:ed|s)? (?:claims?|reports?|allegations?|accusations?)|"
    r"refuted|disowned)\b",
    re.IGNORECASE,
)
_REFERENCE = re.compile(
    r"\b(?:blam(?:e|es|ed|ing)|accus(?:e|es|ed|ing)|condemn(?:s|ed|ing)?|claim(?:s|ed|ing)? responsibility|"
    r"t(?:ake|akes|ook|aken) credit|responsib(?:le|ility) for|attribut(?:e|ed|es)|in (?:retaliation|response|revenge) "
    r"(?:for|to)|retaliat\w+ for|avenge|investigat(?:e|es|ed|ing|ion) (?:into )?|probe into|inquiry into|"
    r"mourn(?:s|ed|ing)?|funeral|commemorat\w+|anniversary|memorial|remember\w*|recall(?:s|ed|ing)?|"
    r"sanctions? (?:for|over)|compensation for|sentenced|convicted|trial|court|verdict|acquitted)\b",
    re.IGNORECASE,
)
# What a protest is about is not an event of its own ("protested against the abduction of a
# teacher"); the topic word stands right before the trigger, so "protesters demonstrating
# against prices blocked the highway" still reports the blockade.
_TOPIC_BEFORE = re.compile(
    r"\b(?:against|over(?! \d)|denounc\w+|demand\w*|justice for|solidarity with|in support of|victims? of|"
    r"release of|end to|stop|halt|action against)\s+"
    r"(?:(?:the|a|an|its|their|his|her|this|that|these|those|recent|alleged)\s+(?:\S+\s+){0,2})?$",
    re.IGNORECASE,
)
_YEAR = re.compile(r"\b(1[5-9]\d\d|20\d\d)(?:s\b)?")
_HISTORY_WORDS = re.compile(
    r"\b(?:world war|civil war of|in the (?:18|19)\d\ds|decades ago|centur(?:y|ies) ago|years ago|"
    r"back in|historic(?:al)?ly|once again recalled)\b",
    re.IGNORECASE,
)
# What a group has done for a long time, or did before, is background, not this event:
# "have for years raided villages", "over the past decade".
_HABITUAL = re.compile(
    r"\b(?:for (?:years|decades|generations|(?:several |many )?months)|in recent (?:years|decades)|"
    r"(?:over|in|during) the (?:past|last) (?:few |two |three |several )?(?:years|decades?)|"
    r"has been (?:the )?(?:centre|center|scene|site|hotspot) of|have been (?:the )?(?:centre|center|scene|site) of|"
    # "the capital has seen heavy fighting since April": a background, not a day's event
    r"(?:has|have|had) (?:\w+ )?(?:seen|witnessed|experienced|endured)|(?:plagued|wracked|ravaged) by)\b",
    re.IGNORECASE,
)
# ... and words that mark only the happening right after them: "previous clashes", "regularly
# carries out bombings" (not "killed the previous year, relatives staged a protest").
_HABITUAL_NEAR = re.compile(
    r"\b(?:previous(?!\s+(?:year|month|week|day|night))|previously|earlier (?:waves?|rounds?|spates?) of|"
    r"regularly|routinely|frequently|repeatedly)\s+(?:\S+\s+){0,2}$",
    re.IGNORECASE,
)
# "since early 2022, when fighting broke out": a clause opened by "when" right after a year.
_WHEN_AFTER_YEAR = re.compile(r"\b(1[5-9]\d\d|20\d\d)\b[^.;]{0,12}?,?\s*(?:when|in which|during which)\s*$",
                              re.IGNORECASE)


# "The war, which began in 2023, has killed tens of thousands": a cumulative toll, no event.
_PERFECT_BEFORE = re.compile(r"\b(?:has|have)\s+(?:been\s+)?(?:\w+\s+)?$", re.IGNORECASE)
_LONG_RUNNING = re.compile(
    r"\b(?:war|conflict|insurgency|(?:tens of )?thousands|hundreds of thousands|millions)\b",
    re.IGNORECASE,
)
# "residents get a minute of warning when missiles are launched": what happens whenever.
_WHENEVER = re.compile(r"\b(?:when|whenever|every time)\s*$", re.IGNORECASE)
_PRESENT = re.compile(r"\b(?:is|are|do|does|gets?)\b", re.IGNORECASE)
_COMPARED_SINCE = re.compile(
    r"\b(?:first|largest|biggest|worst|deadliest|heaviest|most \w+)\b[^.;]{0,40}\bsince\s+(?:\w+\s+)?$",
    re.IGNORECASE,
)
_PARTICIPLE = re.compile(r"\s*(?:and\s+)?[a-z]+ing\b")


@functools.lru_cache(maxsize=4096)
def clause_around(sentence: str, start: int, end: int) -> tuple[int, int]:
    """Bounds of the clause of `sentence` that holds [start, end). The coder asks this of the
    same trigger of the same sentence many times (modality, places, dates), so answers are kept."""
    left = 0
    for m in _CLAUSE_BREAK.finditer(sentence, 0, start):
        left = m.end()
    m = _CLAUSE_BREAK.search(sentence, end)
    right = m.start() if m else len(sentence)
    return left, right


@functools.lru_cache(maxsize=4096)
def modality_of(sentence: str, start: int, end: int, published_year: int | None = None) -> Modality:
    """How the trigger at [start, end) of `sentence` is reported (offsets into `sentence`);
    answers are kept, as for clause_around."""
    left, right = clause_around(sentence, start, end)
    if left > 0 and sentence[left - 1] == "," and _PARTICIPLE.match(sentence, left, end):
        # "have for years raided villages, kidnapping residents": a participle clause carries
        # on the clause before it, and shares its modality.
        left = clause_around(sentence, left - 1, left - 1)[0]
    before = sentence[left:start]
    after = sentence[end:right]
    if _DENIAL.search(sentence, 0, start):
        return Modality.DENIED
    if _NEGATION_BEFORE.search(before) or _NEGATION_AFTER.search(sentence[end:]):
        return Modality.NEGATED
    if (_SPECULATIVE.search(before) or _INTENT_NEAR.search(before) or _MODAL_AFTER.match(after)
            or _BEFORE_PLANNED.search(after)):
        return Modality.SPECULATIVE
    if _modal_in_scope(sentence, left):
        return Modality.SPECULATIVE
    # A year in a relative clause after the trigger dates the background ("protested against
    # abuses that have grown since he came to power in 2017"), not the event.
    # So is one in a relative clause on the subject of a verb ("parents of soldiers who died in
    # the 2020 war protested"), but not one on a noun the trigger belongs to ("a town that was
    # the scene of a 2017 chemical attack").
    after_main = _RELATIVE_AFTER.split(after, 1)[0]
    verbal = sentence[start:end].split(" ", 1)[0].lower().endswith("ed")
    if verbal and _OPENED_BY_RELATIVE.search(sentence, max(0, left - 8), left):
        before_main = ""  # "soldiers who [died in the 2020 war] protested": the clause began at "who"
    else:
        before_main = RELATIVE_CLAUSE_BEFORE.sub(" ", before) if verbal else before
    if _is_historical(before_main + " " + after_main, published_year) or _HISTORY_WORDS.search(
            before_main + sentence[start:end] + after_main):
        return Modality.HISTORICAL
    if (_HABITUAL.search(sentence[left:right]) or _HABITUAL_NEAR.search(before)
            or _after_past_year(sentence[:left], published_year)
            or _WHENEVER.search(sentence, max(0, left - 10), left) and _PRESENT.search(sentence, left, right)
            or _PERFECT_BEFORE.search(before) and _LONG_RUNNING.search(sentence)):
        return Modality.HISTORICAL
    if _REFERENCE.search(before) or _TOPIC_BEFORE.search(before):
        return Modality.REFERENCE
    return Modality.FACT


_RELATIVE_AFTER = re.compile(r"\b(?:that|which|who|whose|since)\b")
# A relative clause on a noun, up to the trigger; not "said that ...", which reports the event.
RELATIVE_CLAUSE_BEFORE = re.compile(
    r"(?<![Ss]aid )(?<!says )(?<!reported )(?<!claimed )(?<!stated )(?<!announced )(?<!added )(?<!noted )"
    r"(?<!confirmed )\b(?:who|whose|that|which)\b.*$")
_OPENED_BY_RELATIVE = re.compile(r"\b(?:who|which)\s*$", re.IGNORECASE)


def _modal_in_scope(sentence: str, left: int) -> bool:
    """A modal verb in an earlier clause of the same statement (no contrast or new speaker
    between) makes this clause part of the speculation too."""
    scope_start = 0
    for m in _STRONG_BREAK.finditer(sentence, 0, left):
        scope_start = m.end()
    return bool(_MODAL.search(sentence, scope_start, left))


def _after_past_year(before_clause: str, published_year: int | None) -> bool:
    m = _WHEN_AFTER_YEAR.search(before_clause[-60:])
    return bool(m and published_year is not None and int(m.group(1)) < published_year)


def _is_historical(window: str, published_year: int | None) -> bool:
    if published_year is None:
        return False
    for m in _YEAR.finditer(window):
        year = int(m.group(1))
        if _COMPARED_SINCE.search(window, 0, m.start()):
            continue  # "for the first time since 2012": the event is measured against the past
        if year < published_year - 1 or m.group(0).endswith("s"):
            return True
    return False
