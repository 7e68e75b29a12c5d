"""Whether a trigger reports something that happened.

A trigger word inside speculation ("could advance toward ..."), plans and threats ("plans to
attack", "threatened to kill"), negation ("no clashes were reported"), a denial ("denied
carrying out the strike"), history ("liberated Berlin in 1945") or a reference to another
event ("blamed Kyiv for the attack", "claimed responsibility for the bombing") must not found
an event. The test looks at the clause around the trigger, not the whole sentence, so "Russia
denied the claim, but its troops shelled the town" still codes the shelling.
"""

from __future__ import annotations

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
    r"\b(?:could|would|might|should|must|will|shall|can|wo|ca)\b|(?<!\d )\bmay\b(?! \d)|'ll\b|"
    r"\b(?:plans?|planned|planning|intends?|intended|intending|intention|aims?|aimed|aiming|seeks?|sought|"
    r"threat(?:en|ens|ened|ening)?|vow(?:s|ed)?|pledg(?:e|es|ed)|warn(?:s|ed|ing)?|expected|likely|unlikely|"
    r"possible|possibly|potential(?:ly)?|risk|fears?|feared|ready|readiness|prepar(?:e|es|ed|ing|ations?)|"
    r"preparing|if|unless|whether|call(?:s|ed|ing)? (?:for|on)|urg(?:e|es|ed|ing)|appeal(?:s|ed)? (?:for|to)|"
    r"ahead of|in case|hypothetical|scenario|want(?:s|ed)? to|tr(?:y|ies|ied) to|attempt(?:s|ed)? to|"
    r"announced (?:a|an|plans)|upcoming|next week|next month|tomorrow|would-be)\b",
    re.IGNORECASE,
)
# "its capture would allow ...": a nominal trigger that is the subject of a modal verb.
_MODAL_AFTER = re.compile(r"\s+(?:\S+\s+){0,2}(?:would|could|might|will|may)\b")
_NEGATION_BEFORE = re.compile(
    r"\b(?:no|not|never|without|nor|neither|none|nothing|n't|didn't|wasn't|weren't|hasn't|haven't|"
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
    r"sanctions? (?:for|over)|compensation for|sentenced|convicted|trial|court|verdict|acquitted|"
    # what a protest is about is not an event of its own: "protested against the abduction of"
    r"against|over|denounc\w+|demand\w*|justice for|solidarity with|in support of|victims? of|release of|"
    r"end to|stop|halt|action against)\b",
    re.IGNORECASE,
)
_YEAR = re.compile(r"\b(1[5-9]\d\d|20\d\d)(?:s\b)?")
_HISTORY_WORDS = re.compile(
    r"\b(?:world war|civil war of|in the (?:18|19)\d\ds|decades ago|centur(?:y|ies) ago|years ago|"
    r"back in|historic(?:al)?ly|once again recalled)\b",
    re.IGNORECASE,
)


def clause_around(sentence: str, start: int, end: int) -> tuple[int, int]:
    """Bounds of the clause of `sentence` that holds [start, end)."""
    left = 0
    for m in _CLAUSE_BREAK.finditer(sentence, 0, start):
        left = m.end()
    m = _CLAUSE_BREAK.search(sentence, end)
    right = m.start() if m else len(sentence)
    return left, right


def modality_of(sentence: str, start: int, end: int, published_year: int | None = None) -> Modality:
    """How the trigger at [start, end) of `sentence` is reported (offsets into `sentence`)."""
    left, right = clause_around(sentence, start, end)
    before = sentence[left:start]
    after = sentence[end:right]
    if _DENIAL.search(sentence, 0, start):
        return Modality.DENIED
    if _NEGATION_BEFORE.search(before) or _NEGATION_AFTER.search(sentence[end:]):
        return Modality.NEGATED
    if _SPECULATIVE.search(before) or _MODAL_AFTER.match(after):
        return Modality.SPECULATIVE
    if _is_historical(before + " " + after, published_year) or _HISTORY_WORDS.search(sentence[left:right]):
        return Modality.HISTORICAL
    if _REFERENCE.search(before):
        return Modality.REFERENCE
    return Modality.FACT


def _is_historical(window: str, published_year: int | None) -> bool:
    if published_year is None:
        return False
    for m in _YEAR.finditer(window):
        year = int(m.group(1))
        if year < published_year - 1 or m.group(0).endswith("s"):
            return True
    return False
