"""Reported deaths in text, counted by ACLED's conservative rules.

Rules (ACLED's codebook where it has one, otherwise documented choices):

- Only deaths count: the wounded, injured, missing, abducted and arrested do not ("5 killed and
  12 wounded" → 5). A perpetrator who dies counts ("the attacker was killed", "a suicide
  bomber blew himself up" → 1).
- The lowest figure: "at least 7" → 7, "between 10 and 15" → 10, "more than 20" → 20, and
  when other sources give another count of the same deaths ("other reports say 8"), the
  smaller.
- Vague words take the lowest number they can mean, after ACLED's "dozens" → 12: the unit of
  a plural ("scores" → 20, "hundreds" → 100), and 3 for an unspecified plural ("several",
  "a few", "many"). See `VAGUE_QUANTITIES`.
- A text often reports the same deaths twice ("a man was killed ... 1 fatality"), so reports
  in separate sentences do not add up unless the later one says it is more ("also", "another",
  "a third"); reports in one sentence are of different victims and do ("1 soldier died and 5
  militants were killed" → 6). A perpetrator's claim or a contested figure only ever lowers
  the count.
- Deaths recalled as background are not counted: the reason for a protest ("justice for a
  student killed by police"), a long war's toll ("has killed thousands since 2014"), the past
  ("killed ten years ago"), attempts ("almost killed").
- A death toll ("the toll rose to 9", "a total of 12 killed") replaces the reports before
  it: ACLED revises an event's fatalities as tolls mount, so the latest total is coded.
- ACLED's own note conventions win: "Fatalities coded as 7", "20 fatalities split across 6
  events coded as 3", "split between 2 events" (the share of one event, remainder first),
  "no fatalities" (0), "Unknown casualties" (no figure: None).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from pipelines.extraction.numbers import NUMBER_PATTERN, parse_number
from pipelines.extraction.numbers import lazy_pattern as _lazy


@dataclass(frozen=True, slots=True)
class FatalityMention:
    """A count of people killed reported at `text[start:end]`.

    `kind` says how it combines with the others of a text: "report" (one report of deaths),
    "total" (a toll that replaces the reports before it), "coded" (ACLED's coded figure, final)
    or "none" (explicitly nobody killed; count 0)."""

    start: int
    end: int
    count: int
    exact: bool
    kind: str = "report"


VAGUE_QUANTITIES: dict[str, int] = {
    "a couple of": 2,
    "a few": 3,
    "several": 3,
    "many": 3,
    "numerous": 3,
    "a number of": 3,
    "multiple": 3,
    "tens of thousands of": 10_000,
    "tens of thousands": 10_000,
    "hundreds of thousands of": 100_000,
    "hundreds of thousands": 100_000,
    "tens of": 10,
    "dozens of": 12,
    "dozens": 12,
    "scores of": 20,
    "scores": 20,
    "hundreds of": 100,
    "hundreds": 100,
    "thousands of": 1000,
    "thousands": 1000,
}
"""Vague quantity → the lowest count it can mean (ACLED codes "dozens" as 12)."""

_VAGUE = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(VAGUE_QUANTITIES, key=len, reverse=True))
_HEDGE = (
    r"(?:(?P<hedge>at\s+least|more\s+than|over|nearly|almost|about|around|approximately|roughly|up\s+to"
    r"|an\s+estimated|estimated|as\s+many\s+as|no\s+fewer\s+than|no\s+less\s+than|a\s+minimum\s+of"
    r"|a\s+total\s+of|total\s+of|a\s+further|another|some)\s+)?"
)
_QUANTITY = (
    rf"{_HEDGE}(?:(?:between\s+)?(?P<low>{NUMBER_PATTERN})\s+(?:to|or)\s+(?P<high>{NUMBER_PATTERN})"
    r"|(?P<low3>\d+)\s*[-–]\s*(?P<high3>\d+)"
    rf"|between\s+(?P<low2>{NUMBER_PATTERN})\s+and\s+(?P<high2>{NUMBER_PATTERN})"
    rf"|(?P<number>{NUMBER_PATTERN})|(?P<vague>{_VAGUE}))(?![\w-])"
)
# Every pattern runs on the lower-cased text (see `_lower`): case-insensitive matching is
# several times slower.
_MONTH_NAMES = (
    r"\b(?:january|february|march|april|may|june|july|august|september|october|november|december"
    r"|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)"
)

# The start of one conjunct of a victim phrase: a count, a determiner or a pronoun.
_CONJUNCT_START = _lazy(
    rf"(?:(?:(?:his|her|their|its)\s+)?(?P<q>{_QUANTITY})|(?P<det>a|an|another|the|this|that|his|her|their|its)\s"
    rf"|(?P<pron>him|her|he|she|another)\b|(?P<both>both)\s+(?:of\s+)?)",
)
_CONNECTOR = _lazy(r"\s*(?:,\s*(?:and\s+)?|\s+(?:and|&)\s+|\s+as\s+well\s+as\s+)")
_WORD = _lazy(r"\s*(\([^()]{0,60}\)|[\w'’.\"“”‘/-]+)")
_NP_STOP = {
    "was", "were", "is", "are", "has", "have", "had", "been", "be", "who", "whom", "which", "that",
    "in", "on", "at", "near", "during", "by", "from", "with", "while", "after", "before", "when", "as",
    "into", "to", "for", "and", "or", "but", "reportedly", "allegedly", "also", "later", "all", "both",
    "including", "among", "died", "killed", "dead", "injured", "wounded", "hurt", "missing", "arrested",
    "abducted", "kidnapped", "detained", "captured", "rescued", "displaced", "hospitalized",
    "hospitalised", "hit", "shot", "stabbed", "beaten", "burned", "burnt", "fatally", "lost", "perished",
    "succumbed", "found", "slain", "murdered", "executed", "beheaded", "lynched", "drowned", "assassinated",
    "massacred", "being", "got", "there", "then", "this", "these", "those", "inside", "outside", "across",
    "broke", "began", "took", "came", "went", "fled", "ran", "fought", "led", "made", "gave", "held", "struck",
    "said", "say", "says", "claim", "claims", "told", "left", "buried", "under", "whose",
}
_PLURAL_HEADS = {
    "people", "men", "women", "children", "police", "personnel", "staff", "youth", "militia", "troops",
    "forces", "others", "victims", "persons", "civilians", "soldiers", "members", "relatives",
}
_DIED = _lazy(
    r"(?:\s+(?:were|was|have|has|had|are|is|got|been|being|reportedly|also|allegedly|later|all|both|"
    r"subsequently|confirmed|reported|then|eventually|immediately|instantly"
    r"|(?:[a-z]+ed|shot|beaten|hit|taken|stabbed|found)(?:\s*,|\s+and)))*\s+"
    r"(?P<verb>killed|dead|died|slain|murdered|executed|assassinated|massacred|beheaded|decapitated|lynched|"
    r"found\s+dead|shot\s+dead|shot\s+and\s+killed|(?:shot|stabbed|beaten|hacked|burned|burnt|stoned|"
    r"bludgeoned|tortured|crushed|hanged)\s+to\s+death|(?:burned|burnt|buried)\s+alive|fatally\s+\w+|"
    r"(?:shot|stabbed|wounded|injured|attacked)\s+and\s+died|"
    r"perished|lost\s+(?:their|his|her)\s+lives?|succumbed|drowned)\b",
)
_UNCERTAIN_AFTER = _lazy(r"\s*(?:,\s*(?:injured|wounded|captured|arrested)|or\s+(?:injured|wounded|captured|arrested))")
_KILLING = _lazy(
    r"\b(?P<verb>kill(?:ed|ing|s)?|shot\s+dead|shooting\s+dead|shot\s+and\s+killed|shooting\s+and\s+killing|"
    r"massacr(?:ed|ing|es)|execut(?:ed|ing|es)|behead(?:ed|ing|s)|decapitat(?:ed|ing)|murder(?:ed|ing|s)?|"
    r"assassinat(?:ed|ing|es)|lynch(?:ed|ing)|(?:buried|burned|burnt|burying|burning)\s+alive|"
    r"(?:shot|stabbed|beat|beaten|hacked|stoned|tortured)\s+to\s+death|fatally\s+\w+|claim(?:ed|ing)\s+the\s+lives\s+of|"
    r"(?:to|in)\s+the\s+deaths?\s+of|(?:dead\s+|lifeless\s+|\w+ed\s+)?bod(?:y|ies)\s+of|left|leaving)\s+",
)
# Stems of every word a death report needs; patterns run only in windows around them.
_DEATH_STEMS = (
    "kill", "dead", "died", "death", "fatal", "slain", "murder", "execut", "assassin", "massacr", "behead",
    "decapitat", "lynch", "perish", "succumb", "drown", "alive", "casualt", "toll", "bodies", "body",
    "blew", "lives", "loss of life", "hurt", "harm",
)
_BEFORE_STEM = 60  # the furthest a pattern starts before its death word ("left at least 12 people dead")
_AFTER_STEM = 150
_SUBJECT_REACH = 160  # how far before "were killed" its subject may start
_DEATH_NOUN = _lazy(r"\b(?:fatalit(?:y|ies)|deaths|dead\b|bodies|corpses)")
_NOUN_COUNT = _lazy(
    rf"(?<![\w-])(?P<q>{_QUANTITY})\s+(?:(?:reported|confirmed|civilian|military|more|other|further|additional|"
    rf"total|\w+\s+)\s*)?(?:fatalit(?:y|ies)|deaths|dead\b|bodies|corpses)",
)
_TOLL = _lazy(
    rf"\b(?:death\s+toll|toll|number\s+of\s+(?:dead|deaths|fatalities|those\s+killed))\s+(?:[\w'’-]+\s+){{0,4}}?"
    rf"(?:rose|risen|rising|climbed|reached|stands|stood|increased|jumped|is|was|of|to|at)\s+(?:to\s+|at\s+)?"
    rf"(?P<q>{_QUANTITY})",
)
_SPREAD = (
    r"(?:split|spread|divided|distributed|coded)\s+(?:evenly\s+)?(?:up\s+)?(?:across|between|among|over)\s+"
    r"(?:the\s+)?"
)
_CODED = _lazy(
    rf"\b(?:fatalit(?:y|ies)|fatalites|deaths|casualties)\b[^.\[\]]{{0,60}}?\b(?:coded|estimated|recorded)\s+"
    rf"(?:as|to|at)\s+(?P<n>{NUMBER_PATTERN})(?:\s*(?:fatalit(?:y|ies))?\s*(?:\([^()]*\)\s*)?(?:and\s+)?(?:were\s+)?"
    rf"{_SPREAD}(?P<k>{NUMBER_PATTERN})\s+\w+)?",
)
_SPLIT = _lazy(
    rf"\b{_SPREAD}(?P<k>{NUMBER_PATTERN})\s+(?:events|locations|days|villages|areas|places)\b",
)
_NONE = _lazy(
    r"\b(?:no(?:\s+(?:reported|known|immediate))?\s+(?:(?:injuries|injured)\s+(?:or|and|nor)\s+)?"
    r"(?:fatalities|deaths|casualties|loss\s+of\s+life|one\s+(?:was\s+)?(?:killed|died|dead)|deaths\s+or\s+injuries)"
    r"|no\s+one\s+(?:was|were|has\s+been)\s+(?:killed|hurt|harmed)|nobody\s+(?:was|has\s+been)\s+(?:killed|hurt)"
    r"|without\s+(?:any\s+)?(?:casualties|fatalities|deaths|loss\s+of\s+life)"
    r"|neither\s+(?:injuries|injured)\s+nor\s+(?:fatalities|deaths|dead)"
    r"|neither\s+(?:fatalities|deaths)\s+nor\s+(?:injuries|injured)"
    r"|(?:fatalities|casualties|deaths)\s+(?:were|was)\s+not\s+reported)\b",
)
_SELF_KILLED = _lazy(
    r"\b(?:blew|blowing|blows|blown)\s+(?:him|her)self\s+up\b|\b(?:killed|killing|shot|shooting)\s+(?:him|her)self\b",
)
_INCLUDING = _lazy(r",?\s+(?:including|among\s+them|among\s+whom|of\s+whom)\b[^.;:]*?(?=,?\s+(?:were|was|had|have)\b)")
_ADDITIVE_BEFORE = _lazy(
    r"\ba\s+(?:second|third|fourth|fifth|sixth)\b|\b(?:also|another|additional|further|as\s+well|separately)\b|(?<!the\s)\bother\b|\bmore\b(?!\s+than)"
)
_CONFLICT_BEFORE = _lazy(
    r"\b(?:other|another|some|different|separate|conflicting|local|second|third)\s+(?:reports?|sources?|accounts?|media)\b"
    r"|\breports?\s+(?:vary|differ)|\bwhile\s+\w+\s+(?:said|claimed|reported|put)"
    r"|\bclaim(?:ed|s|ing)?\b|\bcontest(?:ed|s)?\b|\bdisput(?:ed|es?)\b|\bden(?:y|ied|ies)\b",
)
_SENTENCE_START = _lazy(r"[.!?;]\s")
_WORD_START = _lazy(r"\b\w")
_ACRONYM = _lazy(r"\b[A-Z]{2,}\b")
_AUXILIARIES = {"were", "was", "have", "has", "had", "are", "is", "got", "been", "being"}
_INTRANSITIVE = {"dead", "died", "perished", "lost", "succumbed", "drowned", "found"}
_NOT_DONE_BEFORE = _lazy(
    r"\b(?:almost|nearly|narrowly|attempt\w*\s+to|tr(?:y|ied|ying)\s+to|threat\w*\s+to|plan\w*\s+to|plot\w*\s+to"
    r"|vow\w*\s+to|would|could|might|may)\s+(?:have\s+)?(?:be\s+|been\s+)?$"
)
_BACKGROUND_BEFORE = _lazy(
    r"\b(?:justice\s+for|accused\s+of|suspected\s+of|charged\s+with|convicted\s+of|responsible\s+for|in\s+memory\s+of"
    r"|commemorat\w*|anniversary\s+of|vigil\s+for|mourn\w*|death\s+penalty|in\s+(?:19|20)\d\d)\b"
)
# A toll over a long period ("since May 2023", "over the past decade") is history, not an event.
_LONG_PERIOD = _lazy(
    r"\bsince\s+(?:(?:early|late|mid)[\s-]+)?(?:[a-z]+\s+)?(?:19|20)\d\d\b"
    r"|\b(?:over|in|during|for)\s+the\s+(?:past|last)\s+(?:decade|(?:\w+\s+)?(?:years|decades))\b"
    r"|\bin\s+the\s+(?:19|20)\d0s\b|\bsince\s+the\s+(?:start|beginning)\s+of\b"
    r"|\b(?:war|conflict|insurgency|uprising|crackdown)\b[^.]*\bha(?:s|ve)\s+(?:so\s+far\s+|now\s+)?(?:killed|claimed)"
)
_BACKGROUND_AFTER = _lazy(
    r"\b(?:years?\s+ago|months\s+ago|the\s+previous\s+year|last\s+year|in\s+(?:19|20)\d\d\b)"
)
_DATE_BEFORE = _lazy(_MONTH_NAMES + r"\.?\s+(?:\d{1,2}(?:st|nd|rd|th)?,?\s+)?\d{4}$")
# ACLED notes: deaths reported here but counted in another event.
_CODED_ELSEWHERE = _lazy(
    r"\(coded\s+separately\)|\bfatalities\s+(?:are\s+|were\s+)?coded\s+(?:to|in|with)\s+(?:the\s+)?[\w -]{1,40}\bevent",
)
_SINGLE_BODY = _lazy(r"\b(?:a|an)\s+(?:[\w-]+\s+){0,2}?[\w-]+(?:'s|’s)\s+(?:[\w-]+\s+)?body\b")


def _quantity(match: re.Match[str]) -> tuple[int, bool] | None:
    """The value of a `_QUANTITY` match and whether it is exact."""
    hedge = " ".join((match.group("hedge") or "").lower().split())
    exact = hedge in ("", "a total of", "total of", "a further", "another")
    low = match.group("low") or match.group("low2") or match.group("low3")
    if low:
        first = parse_number(low)
        second = parse_number(match.group("high") or match.group("high2") or match.group("high3"))
        if first is None or second is None or second <= first:
            return None
        return first, False
    if match.group("vague"):
        return VAGUE_QUANTITIES[" ".join(match.group("vague").lower().split())], False
    value = parse_number(match.group("number"))
    return None if value is None else (value, exact)


def _victims(text: str, pos: int) -> tuple[int, bool, int] | None:
    """Read a victim phrase at `pos` ("two civilians and a policeman", "him and 2 of his
    relatives", "the leader of the unit"): (count, exact, end), or None when it is not one or
    its size is unknown ("the soldiers")."""
    total, exact, first = 0, True, True
    before_comma: tuple[int, bool, int] | None = None  # the list before a comma no "and" has confirmed
    while True:
        start = _CONJUNCT_START().match(text, pos)
        if start is None:
            break
        end = start.end()
        if start.group("q"):
            if _DATE_BEFORE().search(text[max(0, start.end() - 24):start.end()]):
                break  # "On 24 June 2022, a man ...": a year, not a count
            value = _quantity(start)
            if value is None:
                break
            count, count_exact = value
        else:
            count, count_exact = (2 if start.group("both") else 1), True
        if not start.group("pron"):
            end, head = _noun_phrase(text, end)
            if head is None and not start.group("q"):
                break
            if start.group("det") and head is not None and _is_plural(head) and not start.group("both"):
                break  # "the soldiers": a group of unknown size
            if start.group("q") and head is None and text.startswith(",", end):
                break  # a bare number in a list ("In 2022, a man") is not a count of victims
        total += count
        exact = exact and count_exact
        pos = end
        if first:
            including = _INCLUDING().match(text, pos)
            if including:
                pos = including.end()
        first = False
        connector = _CONNECTOR().match(text, pos)
        following = _CONJUNCT_START().match(text, connector.end()) if connector else None
        if following is None:
            break
        if "and" in connector.group(0):
            before_comma = None
        elif before_comma is None:
            before_comma = (total, exact, pos)
        pos = connector.end()
    if first:
        return None
    # A list closes with "and": in "killing 11 soldiers, the army said" the army is not a victim.
    return before_comma or (total, exact, pos)


def _noun_phrase(text: str, pos: int) -> tuple[int, str | None]:
    """Consume up to eight words of a noun phrase; return its end and its head word (the last
    word before any "of")."""
    head = None
    after_of = False
    for _ in range(8):
        word = _WORD().match(text, pos)
        if word is None:
            break
        token = word.group(1).rstrip(".").strip("'\"“”‘’")
        if token == "and" and _continues_noun_phrase(text, word.end()):
            pos = word.end()
            continue
        if token in _NP_STOP or token.isdigit() and not after_of:
            break
        if token.endswith("ed") and head is not None and not after_of:
            break  # "a shoot-out erupted": past verbs follow the head; "armed men" precede it
        if token == "of":
            after_of = True
        elif not after_of and token and not token.startswith("("):
            head = token
        pos = word.end()
        if word.group(1).endswith("."):
            break
    return pos, head


def _continues_noun_phrase(text: str, pos: int) -> bool:
    """True for "troops and PNO members", false for "troops and a policeman" (a new conjunct)."""
    word = _WORD().match(text, pos)
    if word is None or _CONJUNCT_START().match(text, pos + len(word.group(0)) - len(word.group(0).lstrip())):
        return False
    token = word.group(1)
    return token not in _NP_STOP and not token.endswith(("ing", "ed"))


def _is_plural(head: str) -> bool:
    return head in _PLURAL_HEADS or (head.endswith("s") and not head.endswith(("ss", "us", "is")))


def find_fatalities(text: str) -> list[FatalityMention]:
    """Every report of deaths in `text`, in order; where two readings overlap, the one found
    first in this order wins: ACLED's coded figure, "no fatalities", a toll, "N fatalities",
    "N were killed", "killed N", a suicide."""
    return _find(_lower(text))


def _find(lowered: str) -> list[FatalityMention]:
    found: list[FatalityMention] = []

    def add(start: int, end: int, count: int, exact: bool, kind: str = "report") -> bool:
        if any(start < m.end and m.start < end for m in found):
            return False
        found.append(FatalityMention(start, end, count, exact, kind))
        return True

    for window in _windows(lowered):
        for m in _CODED().finditer(lowered, *window):
            total = parse_number(m.group("n"))
            parts = parse_number(m.group("k")) if m.group("k") else None
            if total is not None:
                add(m.start(), m.end(), split_total(total, parts)[0] if parts else total, True, "coded")
        for m in _NONE().finditer(lowered, *window):
            add(m.start(), m.end(), 0, True, "none")
        for m in _TOLL().finditer(lowered, *window):
            value = _quantity(m)
            if value is not None:
                add(m.start(), m.end(), value[0], value[1], "total")
        for noun in _DEATH_NOUN().finditer(lowered, *window):
            m = _noun_count(lowered, noun)
            value = _quantity(m) if m else None
            if value is not None:
                hedge = " ".join((m.group("hedge") or "").split())
                add(m.start(), m.end(), value[0], value[1], "total" if hedge.endswith("total of") else "report")
        _find_subject_reports(lowered, window, add)
        _find_object_reports(lowered, window, add)
        for pattern in (_SELF_KILLED(), _SINGLE_BODY()):
            for m in pattern.finditer(lowered, *window):
                add(m.start(), m.end(), 1, True)
    found = [m for m in found if m.kind == "coded" or not _coded_elsewhere(lowered, m.start, m.end)]
    found.sort(key=lambda f: f.start)
    return found


def _lower(text: str) -> str:
    """`text` lower-cased with its offsets kept (a few characters grow when lower-cased), but
    for acronyms."""
    lowered = text.lower()
    if len(lowered) != len(text):
        lowered = "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in text)
    # Acronyms keep their case, so that "IS fighters" is not read as the verb "is".
    for acronym in _ACRONYM().finditer(text):
        lowered = lowered[:acronym.start()] + acronym.group(0) + lowered[acronym.end():]
    return lowered


def _windows(lowered: str) -> list[tuple[int, int]]:
    """Merged stretches of text around the death words; nothing else can hold a report."""
    positions: list[int] = []
    for stem in _DEATH_STEMS:
        at = lowered.find(stem)
        while at != -1:
            positions.append(at)
            at = lowered.find(stem, at + 1)
    windows: list[tuple[int, int]] = []
    for at in sorted(positions):
        start, end = max(0, at - _BEFORE_STEM), min(len(lowered), at + _AFTER_STEM)
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], end)
        else:
            windows.append((start, end))
    return windows


def _coded_elsewhere(text: str, start: int, end: int) -> bool:
    """ACLED notes mark deaths counted in another event: "(coded separately)"."""
    rest_of_sentence = text[start:end + 120].split(". ", 1)[0]
    return _CODED_ELSEWHERE().search(rest_of_sentence) is not None


def _noun_count(text: str, noun: re.Match[str]) -> re.Match[str] | None:
    """The count before a death noun ("at least 12 bodies", "3 civilian deaths"), tried from a
    few words back rather than scanned for."""
    for word in _WORD_START().finditer(text, max(0, noun.start() - 50), noun.start()):
        match = _NOUN_COUNT().match(text, word.start())
        if match is not None and match.end() == noun.end():
            return match
    return None


def _find_subject_reports(text: str, window: tuple[int, int], add) -> None:
    """"15 militants were killed", "a civilian died", "the attacker was killed"."""
    for verb in _DIED().finditer(text, *window):
        window_start = max(0, verb.start() - _SUBJECT_REACH)
        window_start = max(window_start, text.rfind(". ", window_start, verb.start()) + 1,
                           text.rfind("; ", window_start, verb.start()) + 1)
        for begin in _WORD_START().finditer(text, window_start, verb.start()):
            start = begin.start()
            if start > 0 and text[start - 1] == "-":
                continue
            read = _victims(text, start)
            if read is None or read[2] != verb.start():
                continue
            if _UNCERTAIN_AFTER().match(text, verb.end()):
                break
            word = verb.group("verb")
            is_bare_active = not _AUXILIARIES.intersection(verb.group(0).split())
            if is_bare_active and word == "dead":
                break  # "four of the dead": a noun, not a report (headlines' "5 dead" is a noun count)
            if is_bare_active and word.split()[0] not in _INTRANSITIVE and _CONJUNCT_START().match(text, verb.end() + 1):
                break  # "150 troops killed two civilians": the count is of the killers
            if _not_done(text, verb.start()) or _background(text, start, verb.end()):
                break
            if add(start, verb.end(), read[0], read[1]):
                break


def _find_object_reports(text: str, window: tuple[int, int], add) -> None:
    """"killing three civilians", "shot and killed a man", "left 12 dead"."""
    for verb in _KILLING().finditer(text, *window):
        read = _victims(text, verb.end())
        if read is None:
            continue
        count, exact, end = read
        if verb.group("verb") in ("left", "leaving"):
            dead = re.match(r"\s+dead\b", text[end:end + 10])
            if dead is None:
                continue
            end += dead.end()
        if not _not_done(text, verb.start()) and not _background(text, verb.start(), end):
            add(verb.start(), end, count, exact)


def _not_done(text: str, verb_start: int) -> bool:
    """"almost killed", "tried to kill", "threatened to kill": no one died."""
    return _NOT_DONE_BEFORE().search(text[max(0, verb_start - 30):verb_start]) is not None


def _background(text: str, start: int, end: int) -> bool:
    """Deaths recalled as the reason for something else, or long past: "demanding justice for a
    man killed by police", "accused of killing a tailor", "reporters killed ten years ago"."""
    sentence_start = _sentence_start(text, start)
    sentence_end = text.find(". ", end)
    sentence = text[sentence_start:sentence_end if sentence_end != -1 else len(text)]
    return (
        _BACKGROUND_BEFORE().search(text, max(sentence_start, start - 60), start) is not None
        or _BACKGROUND_AFTER().search(text[start:end + 50].split(". ", 1)[0]) is not None
        or _LONG_PERIOD().search(sentence) is not None
    )


@lru_cache(maxsize=256)  # the coder counts a sentence again when it groups sentences into events
def count_fatalities(text: str) -> int | None:
    """The number of people killed reported in `text` (a sentence or an event's sentences):
    ACLED's coded figure if the text states one; else the latest toll, or the reports combined
    (the largest, plus reports of further deaths, less where other sources give fewer); then
    divided when the text says it is split across events. 0 when the text says nobody died;
    None when it does not speak of deaths."""
    plain = text.lower()
    if not any(stem in plain for stem in _DEATH_STEMS):
        return None  # the common case, found without `_lower`: its stems are in `text.lower()` too
    lowered = _lower(text)
    mentions = _find(lowered)
    if not mentions:
        return None
    coded = [m for m in mentions if m.kind == "coded"]
    if coded:
        return coded[-1].count
    # Reports in one sentence are of different victims ("1 soldier died and 5 militants were
    # killed"): they add up into one group per sentence.
    groups: list[list[int]] = []  # [sentence start, end, count, is a total]
    for mention in mentions:
        if mention.kind == "none":
            continue
        sentence = _sentence_start(lowered, mention.start)
        is_total = mention.kind == "total"
        # "..., though the group claimed to have killed 30": a contested figure, not more victims
        contested = bool(groups) and _CONFLICT_BEFORE().search(lowered, groups[-1][1], mention.start) is not None
        if groups and groups[-1][0] == sentence and not is_total and not groups[-1][3] and not contested:
            groups[-1][1:3] = [mention.end, groups[-1][2] + mention.count]
        else:
            groups.append([sentence, mention.end, mention.count, is_total])
    value: int | None = None
    for sentence, end, count, is_total in groups:
        before = lowered[sentence:end]
        if is_total or value is None:
            value = count
        elif _CONFLICT_BEFORE().search(before):
            value = min(value, count)
        elif _ADDITIVE_BEFORE().search(before):
            value += count
        else:
            value = max(value, count)
    if value is None:
        return 0
    split = _SPLIT().search(lowered)
    parts = parse_number(split.group("k")) if split else None
    return split_total(value, parts)[0] if parts else value


def _sentence_start(text: str, pos: int) -> int:
    start = 0
    for m in _SENTENCE_START().finditer(text, max(0, pos - 300), pos):
        start = m.end()
    return start


def split_total(total: int, days: int) -> list[int]:
    """Divide a multi-day (or multi-place) total evenly, remainder to the first ones, as ACLED
    does: split_total(10, 3) → [4, 3, 3]."""
    if days < 1:
        raise ValueError(f"cannot split over {days} days")
    share, remainder = divmod(total, days)
    return [share + (1 if i < remainder else 0) for i in range(days)]
