"""Place names in text -> ACLED location fields (country, admin1, admin2, location, coordinates,
geo precision), with a gazetteer derived from GeoNames (`data/gazetteer.tsv.xz`, built by
`scripts/build_gazetteer.py`).

Three steps, each usable on its own:
  find_places       candidate names by dict lookup over capitalised word n-grams (exact folded
                    name first, then a spelling-variant key: Graivoron/Grayvoron/Hraivoron), with
                    admin designators ("Donetsk Oblast"), near-cues ("outskirts of X") and ACLED's
                    parenthesised qualifiers ("Rubaya (Masisi, Nord-Kivu)") applied;
  article_context   the countries and admin1 areas the whole article talks about, with weights;
  resolve_place     the most specific mention of an event's sentence(s), its candidate chosen by
                    context, then population.

Geo precision follows ACLED: 1 the place itself, 2 "near X" / a district / a place the gazetteer
lacks but whose district is named, 3 only a province named. ACLED never codes at country level
alone; when only an admin area or a country is named we code its largest populated place (for a
province that is nearly always its capital, which is what ACLED codes) with precision 3 (2 for
a district).
"""

from __future__ import annotations

import bisect
import lzma
import math
import re
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path

from pipelines.extraction.countries import (
    acled_region,
    country_info,
    country_named,
    country_of,
    fold,
    iso_numeric,
    plain_punctuation,
    scan_countries,
)

_DATA = Path(__file__).parent / "data"
_MAX_WORDS = 6

POPULATED_PLACE, ADMIN1, ADMIN2, COUNTRY = "populated_place", "admin1", "admin2", "country"
# A name the gazetteer lacks but which the text places inside a named admin area.
UNLISTED_PLACE = "unlisted_place"


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer entry."""

    name: str
    country: str
    iso: int
    region: str
    admin1: str
    admin2: str
    admin3: str
    latitude: float
    longitude: float
    kind: str  # "populated_place" | "admin1" | "admin2" | "country" | "unlisted_place"
    population: int


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A place name found in text."""

    start: int
    end: int
    surface: str
    candidates: tuple[Place, ...]  # best first
    near: bool


@dataclass(frozen=True, slots=True)
class Location:
    """The ACLED location fields of one event."""

    country: str
    iso: int
    region: str
    admin1: str
    admin2: str
    admin3: str
    location: str
    latitude: float
    longitude: float
    geo_precision: int


@dataclass(frozen=True, slots=True)
class PlaceContext:
    """What a whole article says about where it is: weights of the countries and of the
    (country, admin1) areas it names or implies."""

    countries: dict[str, float] = field(default_factory=dict)
    admin1s: dict[tuple[str, str], float] = field(default_factory=dict)
    # how much each mention (start, end) looks like a place where it stands: 1.0, 0.6 or 0.3
    evidence: dict[tuple[int, int], float] = field(default_factory=dict)


# ---------------------------------------------------------------------------------------------
# the gazetteer


@dataclass(frozen=True, slots=True)
class _Gazetteer:
    lines: list[str]  # the table's rows, most populous first, parsed when a lookup needs one
    # "key<TAB>comma-separated row numbers", sorted by key (see scripts/build_gazetteer.py) and
    # searched by bisection: no dict of half a million keys to build at load (0.3 s, 60 MB)
    index: list[str]
    common_words: frozenset[str]  # places only after a locative cue; includes not_places
    not_places: frozenset[str]  # never a place on their own

    def starts_name(self, word: str) -> bool:
        """Whether some name of more than one word starts with this (folded) word."""
        return self._entry("^" + word) is not None

    def ids(self, key: str) -> list[int]:
        found = self._entry(key)
        return [int(i) for i in found.split(",")] if found else []

    def _entry(self, key: str) -> str | None:
        """The row numbers stored under `key` ("" for a "^" key), None if there is no such key.
        A tab sorts before every character a key has, so "key<TAB>" sorts where the key does."""
        prefix = key + "\t"
        at = bisect.bisect_left(self.index, prefix)
        if at < len(self.index) and self.index[at].startswith(prefix):
            return self.index[at][len(prefix):]
        return None


_VARIANT_STEPS = (
    (re.compile(r"\bhr"), "gr"),  # Ukrainian h for Russian g: Hraivoron / Graivoron
    (re.compile(r"kh|zh|sh|ch|ts|tz|dh|gh|th|ph|ck"), None),
    (re.compile(r"ou|oo"), "u"),
    (re.compile(r"ee"), "i"),
    (re.compile(r"[yj]"), "i"),
    (re.compile(r"w"), "v"),
    (re.compile(r"q"), "k"),
    (re.compile(r"(.)\1+"), r"\1"),
    (re.compile(r"\b(?:al|el|ad|an|ar|as|ash|at|az) "), ""),  # Arabic article: Al Hudaydah / Hudaydah
)
_DIGRAPHS = {"kh": "h", "zh": "z", "sh": "s", "ch": "c", "ts": "c", "tz": "c", "dh": "d", "gh": "g",
             "th": "t", "ph": "f", "ck": "k"}


@lru_cache(maxsize=1 << 16)
def variant_key(key: str) -> str:
    """A coarse key under which transliterations of one name meet: "grayvoron" and
    "hraivoron" -> "graivoron", "kostiantynivka" and "kostyantynivka" -> "kostiantinivka"."""
    for pattern, repl in _VARIANT_STEPS:
        key = pattern.sub(repl if repl is not None else (lambda m: _DIGRAPHS[m.group()]), key)
    return key


@cache
def _gazetteer() -> _Gazetteer:
    """Load the table and its index, both written by scripts/build_gazetteer.py; rows are
    parsed only when a lookup returns them, which keeps the first load under a second."""
    lines = _read_xz_lines(_DATA / "gazetteer.tsv.xz")[1:]
    index = _read_xz_lines(_DATA / "gazetteer_index.tsv.xz")
    not_places = _word_list("gazetteer_not_places.txt")
    return _Gazetteer(lines, index, _word_list("gazetteer_common_words.txt") | not_places, not_places)


def _word_list(name: str) -> frozenset[str]:
    lines = (_DATA / name).read_text(encoding="utf-8").split("\n")
    return frozenset(fold(w) for w in lines if w.strip() and not w.startswith("#"))


def _read_xz_lines(path: Path) -> list[str]:
    return lzma.decompress(path.read_bytes()).decode("utf-8").splitlines()


def _seat(area: Place) -> Place | None:
    """Where ACLED puts an event only an admin area (or country) is known for: the area's town
    of the same name if it has one (district and province seats mostly share their area's
    name), else its most populous place."""
    admin1 = area.name if area.kind == ADMIN1 else area.admin1 if area.kind == ADMIN2 else ""
    admin2 = area.name if area.kind == ADMIN2 else ""
    if area.kind != COUNTRY:
        for row in _gazetteer().ids(fold(area.name)):
            town = _place(row)
            if town.kind == POPULATED_PLACE and town.country == area.country and town.admin1 == admin1 and (
                    not admin2 or town.admin2 == admin2):
                return town
    ids = _gazetteer().ids(f"@{area.country}|{admin1}|{admin2}")
    return _place(ids[0]) if ids else None


@cache
def _place(row_id: int) -> Place:
    kind, name, country, admin1, admin2, lat, lon, pop, _ = _gazetteer().lines[row_id].split("\t")
    return Place(name, country, iso_numeric(country) or 0, acled_region(country), admin1, admin2, "",
                 float(lat), float(lon), kind, int(pop))


@cache
def _country_place(country: str) -> Place:
    info = country_info(country)
    lat, lon = (info.latitude, info.longitude) if info else (0.0, 0.0)
    return Place(country, country, iso_numeric(country) or 0, acled_region(country), "", "", "", lat, lon, COUNTRY, 0)


def lookup(name: str) -> list[Place]:
    """Gazetteer entries called `name` (any spelling the gazetteer knows), most populous first;
    a country name gives the country."""
    return list(_candidates(fold(name)))


@lru_cache(maxsize=1 << 15)
def _candidates(key: str, allow_variants: bool = True) -> tuple[Place, ...]:
    gaz = _gazetteer()
    found = [_place(i) for i in gaz.ids(key)]
    article, _, rest = key.partition(" ")
    if not found and rest and article in _ARTICLES:  # "al-Shadadi" for a place listed as "Shadadi"
        found = [_place(i) for i in gaz.ids(rest)]
    country = country_named(key)
    if country:
        found.insert(0, _country_place(country))
    if allow_variants and len(key) > 3:
        exact = set(found)
        found.extend(p for p in (_place(i) for i in gaz.ids("~" + variant_key(key))) if p not in exact)
    return tuple(found)


# ---------------------------------------------------------------------------------------------
# finding place names in text

_TOKEN = re.compile(r"[^\W\d_][^\W_]*(?:['’][^\W\d_]+)*")
_JOIN = re.compile(r" |\s?-\s?")
_CONNECTORS = frozenset(["de", "del", "da", "do", "dos", "das", "la", "le", "les", "el", "al", "of", "upon", "sur",
                         "en", "y", "i", "di", "du", "des", "ez", "ad", "as", "ar", "an", "az", "ash", "at", "bin",
                         "ibn", "e", "am", "im", "in", "der", "den", "van", "von", "on", "the"])
_ARTICLES = frozenset(["al", "el", "ad", "an", "ar", "as", "ash", "at", "az", "ed", "es", "et"])
_ADMIN1_WORDS = {"oblast", "province", "region", "state", "governorate", "department", "prefecture", "territory",
                 "krai", "kray", "provinces", "regions", "states", "governorates", "oblasts"}
_ADMIN2_WORDS = {"district", "raion", "rayon", "county", "municipality", "lga", "division", "commune", "subdistrict",
                 "sub-district", "districts", "municipio"}
_PLACE_WORDS = {"city", "town", "village", "township", "settlement", "neighbourhood", "neighborhood", "hill",
                "locality", "suburb"}
_NEAR_WORDS = {"area", "areas", "countryside", "outskirts", "vicinity", "environs", "suburbs", "axis", "front",
               # a facility named after the place it serves: "Donetsk Airport", "Mosul University"
               "airport", "airbase", "seaport", "port", "station", "mine", "bridge", "crossing", "checkpoint", "junction",
               "camp", "university", "prison", "stadium", "dam"}
_AFTER = re.compile(r"\s+([A-Za-z-]+)")
_NEAR_BEFORE = re.compile(
    r"(?:\bnear(?:by)?|\boutside(?: of)?|\boutskirts of|\bvicinity of|\bclose to|\baround|\bbetween|\bsuburbs? of"
    r"|\bcountryside of|\benvirons of|\barea of|\b(?:km|kms|kilometers|kilometres|miles)\s+(?:\w+\s+)?(?:of|from)"
    r"|\b(?:northern|southern|eastern|western|north-?eastern|north-?western|south-?eastern|south-?western)"
    r"|\b(?:north|south|east|west|northeast|northwest|southeast|southwest|northern|southern|eastern|western)"
    r"\s+(?:of|outskirts of|countryside of|part of|parts of))\s+(?:the\s+)?"
    r"(?:(?:village|town|city|area|settlement|locality)\s+of\s+)?$", re.I)
# Words one of which any match of _NEAR_BEFORE contains: searching a text for a pattern that
# must end at its end is slow in Python, so the search runs only when one of them is there.
_NEAR_GATE = frozenset(["near", "nearby", "outside", "outskirts", "vicinity", "close", "around", "between", "suburb",
                        "suburbs", "countryside", "environs", "area", "km", "kms", "kilometers", "kilometres", "miles",
                        "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
                        "northern", "southern", "eastern", "western"])


def _near_before(text: str, start: int) -> bool:
    """True when "near X", "on the outskirts of X", "5 km north of X" ends at `start`."""
    before = text[max(0, start - 60):start]
    return not _NEAR_GATE.isdisjoint(_WORDS.findall(before.lower())) and bool(_NEAR_BEFORE.search(before))


def _of_before(before: str) -> bool:
    """Whether `before` ends with "of" or "of the" (the test before the slower patterns)."""
    return before.rstrip().lower().endswith((" of", " of the"))
_CUE_WORDS = frozenset([
    "in", "at", "near", "outside", "from", "to", "into", "toward", "towards", "around", "across", "of", "between",
    "inside", "within", "on", "via", "through", "targeted", "attacked", "shelled", "struck", "hit", "captured",
    "seized", "entered", "liberated", "besieged", "bombed", "stormed", "raided",
])
# the cues that make a common word a place: "in Reading", not "on Monday"
_STRONG_CUES = frozenset(["in", "near", "at", "outside", "inside"])
_CUE_NOUNS = frozenset([
    "village", "town", "city", "area", "district", "province", "region", "locality", "settlement", "commune",
    "municipality", "county", "state", "governorate", "camp", "suburb", "outskirts", "neighbourhood", "neighborhood",
])
_COMPASS = frozenset([
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "northeastern",
    "northwestern", "southeastern", "southwestern", "north-eastern", "north-western", "south-eastern", "south-western",
])
_WORDS = re.compile(r"[A-Za-z0-9]+")
# "Russia's (western) Belgorod region": the possessor stands between a cue and the name.
_POSSESSOR = re.compile(r"(?<![\w'-])[A-Z][\w-]*'s (?:(?:north|south|east|west)(?:ern)? )?$", re.I)


def _cue_before(text: str, start: int, cues: frozenset[str] = _CUE_WORDS) -> bool:
    """True when a locative cue stands right before `start`: "in X", "near the town of X",
    "shelled X", "in Ukraine's X"."""
    if text[max(0, start - 1):start].strip():
        return False
    possessor = "'s " in text[max(0, start - 14):start] and _POSSESSOR.search(text, max(0, start - 40), start)
    if possessor:
        start = possessor.start()
    words = _WORDS.findall(text, max(0, start - 40), start)
    if words and words[-1].lower() in _COMPASS:  # "in northern Syria"
        words.pop()
    if words and words[-1].lower() == "the":
        words.pop()
    if len(words) >= 2 and words[-1].lower() == "of" and words[-2].lower() in _CUE_NOUNS:
        # "in the western province of X", "from the port city of X"
        return any(w.lower() in cues for w in words[-5:-2])
    return bool(words) and words[-1].lower() in cues


_ADMIN_BEFORE = re.compile(r"\b(?:province|governorate|region|state|oblast|department|prefecture)\s+of\s+(?:the\s+)?$",
                           re.I)
_DISTRICT_BEFORE = re.compile(r"\b(?:district|county|municipality|raion|commune)\s+of\s+(?:the\s+)?$", re.I)
_SENTENCE_START = re.compile(r"(?:^|[.!?:;]\s+|\n\s*|[\"“]\s*|--\s?|[—–]\s?)$")  # "--": after a dateline
_QUALIFIER_SEP = re.compile(r"\s*(?:\(|,)\s*(?:the\s+)?(?:City of\s+)?")


@dataclass(slots=True)
class _Raw:
    start: int
    end: int
    candidates: tuple[Place, ...]
    near: bool
    words: int  # words of the name, an Arabic article not counted
    qualified: bool = False  # part of "X (district, province)"
    name_end: int = -1  # end of the name itself, before a designator ("Jurf al Nasr| district")
    key: str = ""  # the folded name as written


def find_places(text: str) -> list[PlaceMention]:
    """Every place, admin area and country name in `text`, longest match first,
    non-overlapping, in text order. Common words that are also place names ("Police",
    "Victoria") only count right after a locative cue ("in", "near") or with a qualifier;
    weekdays, months, compass points and the like never count on their own. Typeset
    apostrophes and hyphens ("Russia’s", "Nord‑Kivu") read as plain ones."""
    original, text = text, plain_punctuation(text)
    raws: list[_Raw] = []
    for run in _CAPITALISED_RUN.finditer(text):
        layout = _run_layout(run.group())
        if layout is None:
            continue
        base = run.start()
        tokens = [(base + start, base + end) for start, end in layout.tokens]
        if layout.one_word and not _may_match(text, tokens[0][0], layout.infos[0], False):
            continue
        i = 0
        while i < len(tokens):
            hit = (_match_at(text, tokens, layout, i)
                   if _may_match(text, tokens[i][0], layout.infos[i], layout.joined[i]) else None)
            if hit is None:
                i += 1
                continue
            raws.append(hit[0])
            i += hit[1]
    raws = _add_unlisted(text, _apply_qualifiers(text, raws))
    scanned = scan_countries(text)
    raws = _add_capitals(text, raws, scanned)
    named_countries = {c for _, _, c, demonym in scanned if not demonym}
    return [PlaceMention(r.start, r.end, original[r.start:r.end], _city_state_first(r.candidates), r.near)
            for r in raws if r.candidates and _accept(text, r, named_countries)]


def _city_state_first(candidates: tuple[Place, ...]) -> tuple[Place, ...]:
    """"In Luxembourg", "in Singapore": a country whose capital has its name is named for the
    city (where ACLED places the event), not for the whole country."""
    if candidates[0].kind != COUNTRY:
        return candidates
    city = _capital_city(candidates[0].country)
    if city is None or fold(city.name) != fold(candidates[0].name):
        return candidates
    return (city, *(c for c in candidates if c != city))


_UPPER = "A-ZÀ-ÖØ-ÞŁŚŻŹĆŃŞŢȘȚĀĒĪŌŪ"
_CONNECTOR_RE = "|".join(sorted(_CONNECTORS, key=len, reverse=True))
# A run of capitalised words, possibly joined by connectors ("Rio de Janeiro") and led by an
# Arabic article ("al-Bab"): the only stretches of text where a name can start.
# Patterns here start with a letter and look behind it only then ("[A-Z](?<![\w-].)", not
# "(?<![\w-])[A-Z]"): a pattern that starts with a character set lets the regex engine skip
# to candidates fast, which halves the time of a scan.
_CAPITALISED_RUN = re.compile(
    rf"(?:[{_UPPER}](?<![\w'’-].)|a(?<![\w'’-]a)(?:l[ -]|(?:sh|[dnrstz])-)[{_UPPER}]"
    rf"|e(?<![\w'’-]e)(?:l[ -]|[dst]-)[{_UPPER}])[\w'’]*"
    rf"(?:(?: |\s?-\s?)(?:(?:{_CONNECTOR_RE})(?: |-))*[{_UPPER}][\w'’]*)*")


def _may_match(text: str, start: int, info: tuple[bool, bool, bool], joined: bool) -> bool:
    """A quick test whether a name can start at this word (most capitalised words in news
    start none): the word starts a longer name and more words follow, or it is a name itself
    and, if a common word, stands after a strong locative cue. `info` is the word's `_word_info`."""
    starts_longer, is_name, needs_cue = info
    return (starts_longer and joined) or (is_name and (not needs_cue or text[start - 1:start] == "("
                                          or _cue_before(text, start, _STRONG_CUES)))


@dataclass(frozen=True, slots=True)
class _RunLayout:
    """The words of a run of capitalised words, as offsets into the run."""

    tokens: tuple[tuple[int, int], ...]  # (start, end) of each word, a possessive "'s" left out
    joined: tuple[bool, ...]  # whether a space or hyphen joins each word to the next
    infos: tuple[tuple[bool, bool, bool], ...]  # each word's `_word_info`
    one_word: bool  # no space or hyphen in the run: only its first word decides


@lru_cache(maxsize=1 << 15)
def _run_layout(run: str) -> _RunLayout | None:
    """How `find_places` reads a run of capitalised words: depends on the run's text alone, so
    it is worked out once per distinct run. None when no name can start in it whatever
    surrounds it (most runs: "The", "Monday", "President")."""
    one_word = " " not in run and "-" not in run
    matches = list(_TOKEN.finditer(run))
    if not matches or (one_word and matches[0].start() > 0):
        return None
    tokens = tuple((m.start(), _token_end(m)) for m in matches)
    joined = tuple(i + 1 < len(tokens) and _JOIN.fullmatch(run, tokens[i][1], tokens[i + 1][0]) is not None
                   for i in range(len(tokens)))
    infos = tuple(_word_info(run[start:end]) for start, end in tokens)
    if one_word and not infos[0][1]:  # the other words of "X_Y" count only after a first that is a name
        return None
    if not any(is_name or (starts_longer and j) for (starts_longer, is_name, _), j in zip(infos, joined, strict=True)):
        return None
    return _RunLayout(tokens, joined, infos, one_word)


@lru_cache(maxsize=1 << 16)
def _word_info(word: str) -> tuple[bool, bool, bool]:
    """(some name of several words starts with it, it names a place, only after a cue)."""
    key = fold(word)
    gaz = _gazetteer()
    starts_longer = key in _ARTICLES or gaz.starts_name(key)
    is_name = key not in gaz.not_places and bool(_candidates(key, allow_variants=len(key) > 4))
    return starts_longer, is_name, len(key) < 3 or key in gaz.common_words


def _token_end(m: re.Match[str]) -> int:
    word = m.group()
    return m.end() - 2 if word.endswith(("'s", "’s")) and len(word) > 3 else m.end()


def _capitalised(text: str, start: int, end: int) -> bool:
    """A name starts with a capital, or with an Arabic article: "al-Bab", "al Qaim" (other
    articles only hyphenated, "as-Suwayda", so that "at Kamianske" is not a name)."""
    article = text[start:end].lower()
    return text[start].isupper() or (article in _ARTICLES and end + 1 < len(text) and text[end + 1].isupper()
                                     and (text[end] == "-" or (text[end] == " " and article in ("al", "el"))))


def _match_at(text: str, tokens: list[tuple[int, int]], layout: _RunLayout, i: int) -> tuple[_Raw, int] | None:
    start = tokens[i][0]
    if not _capitalised(text, *tokens[i]):
        return None
    multiword = layout.infos[i][0]
    span = 1
    while span < _MAX_WORDS and i + span < len(tokens) and layout.joined[i + span - 1]:
        span += 1
    for n in range(span, 0, -1):
        last_start, end = tokens[i + n - 1]
        if not text[last_start].isupper() or (n > 1 and not multiword):
            continue
        if any(not text[s].isupper() and text[s:e].lower() not in _CONNECTORS for s, e in tokens[i + 1:i + n - 1]):
            continue
        reading = _name_reading(text[start:end], n == 1)
        if reading is None:
            continue
        candidates, words, needs_cue = reading
        if needs_cue and not (_cue_before(text, start, _STRONG_CUES) or text[start - 1:start] == "("):
            continue
        if _HYPHENATED_ADJECTIVE.match(text, end):  # "Saudi-led", "Kyiv-based": an adjective
            continue
        if words == 1 and candidates[0].kind != COUNTRY and _inside_longer_name(text, start, end):
            continue
        return _with_designators(text, start, end, candidates, words), n
    return None


@lru_cache(maxsize=1 << 16)
def _name_reading(surface: str, one_word: bool) -> tuple[tuple[Place, ...], int, bool] | None:
    """What a name as written can be before its surroundings are looked at: its candidates, its
    number of words (an Arabic article not counted) and whether it is a place only after a
    strong locative cue (a common word: "Police"); None when it is never a place here."""
    key = fold(surface)
    words = [w for w in key.split() if w not in _ARTICLES]
    if not words:
        return None
    gaz = _gazetteer()
    needs_cue = len(words) == 1 and (len(words[0]) < 3 or words[0] in gaz.common_words)
    if needs_cue and words[0] in gaz.not_places:
        return None
    if one_word and len(surface) <= 5 and surface.isupper() and not country_named(key):  # "NISA", "IS"
        return None
    if one_word and country_of(key) and not country_named(key):  # a demonym: "Kenyan", not a village Kenyan
        return None
    candidates = _candidates(key, allow_variants=len(key) > 4)
    return (candidates, len(words), needs_cue) if candidates else None


_HYPHENATED_ADJECTIVE = re.compile(r"-[a-z]")
_WORD_BEFORE = re.compile(r"(?<![\w'’-])([A-Z][\w'’]*) $")
_WORD_AFTER = re.compile(r" ([A-Z][\w'’]*)")


def _inside_longer_name(text: str, start: int, end: int) -> bool:
    """A one-word match that is only part of a longer capitalised name ("Let Pa Taung",
    "Portal Tunal"): not a mention of the place of that name. A compass adjective before it
    ("Southern Hasaka") or a weekday after it ("Pretoria Tuesday") does not make a longer name."""
    if text[end:end + 1] == "-" and text[end + 1:end + 2].isupper() or (
            start > 1 and text[start - 1] == "-" and text[start - 2].isalpha()):  # "Donga-Mantung"
        return True
    before = _WORD_BEFORE.search(text, max(0, start - 30), start)
    word_before = before.group(1) if before else ""
    if before and word_before.lower() not in _NOT_NAME_STARTS and not word_before.endswith("'s") and not _SENTENCE_START.search(
            text[max(0, before.start() - 3):before.start()]):
        return True
    after = _WORD_AFTER.match(text, end)
    return bool(after) and after.group(1).lower() not in _NOT_NAME_PARTS


# "Southern Hasaka", "Northern Aleppo": a part of the place, not a longer name (those that are
# names, "South Kivu", are found as such first).
_DIRECTIONS = frozenset({"northern", "southern", "eastern", "western", "northeastern", "northwestern", "southeastern",
                         "southwestern", "north-eastern", "north-western", "south-eastern", "south-western"})
_NOT_NAME_STARTS = _CUE_WORDS | _DIRECTIONS


# Capitalised words after a name that do not extend it: designators, and the day or month
# news writes right after a place ("in Pretoria Tuesday").
_NOT_NAME_PARTS = frozenset({
    *_ADMIN1_WORDS, *_ADMIN2_WORDS, *_PLACE_WORDS, *_NEAR_WORDS,
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "january", "february", "march", "april", "june", "july", "august", "september", "october", "november",
    "december",
})


_LOCAL_GOVERNMENT_AREA = re.compile(r"\s+local\s+government(?:\s+area)?\b", re.I)


def _with_designators(text: str, start: int, end: int, candidates: tuple[Place, ...], words: int) -> _Raw:
    """Apply what surrounds a name: "X Oblast"/"province of X" (prefer the admin area),
    "X district" (prefer the district, else near the place), "near X", "X countryside"."""
    before = text[max(0, start - 60):start]
    near = _near_before(text, start)
    prefer: tuple[str, ...] = ()
    name_end = end
    after = _AFTER.match(text, end)
    word = after.group(1).lower() if after else ""
    local_government = _LOCAL_GOVERNMENT_AREA.match(text, end)
    if local_government:  # Nigeria's "Bassa local government area"
        word, after = "lga", local_government
    if word in _ADMIN1_WORDS:
        prefer, end = (ADMIN1, ADMIN2), after.end()
    elif word in _ADMIN2_WORDS:
        prefer, end = (ADMIN2, ADMIN1), after.end()
        near = near or not any(c.kind == ADMIN2 for c in candidates)
    elif word in _PLACE_WORDS:
        prefer, end = (POPULATED_PLACE,), after.end()
    elif word in _NEAR_WORDS:
        near, end = True, after.end()
    elif _of_before(before) and _ADMIN_BEFORE.search(before):
        prefer = (ADMIN1, ADMIN2)
    elif _of_before(before) and _DISTRICT_BEFORE.search(before):
        prefer = (ADMIN2, ADMIN1)
    if prefer:
        preferred = tuple(sorted((c for c in candidates if c.kind in prefer), key=lambda c: prefer.index(c.kind)))
        if preferred:
            candidates = preferred
    elif candidates[0].kind == COUNTRY:  # "Colombia" is the country, not a town or district of that name
        candidates = tuple(c for c in candidates if c.kind in (COUNTRY, ADMIN1))
    return _Raw(start, end, candidates, near, words, name_end=name_end, key=fold(text[start:name_end]))


def _apply_qualifiers(text: str, raws: list[_Raw]) -> list[_Raw]:
    """ACLED notes name a place's district and province after it: "Rubaya (Masisi, Nord-Kivu)",
    "Yanga, Veracruz". Keep the place's candidates that lie in those areas and read the
    qualifiers as those admin areas."""
    out: list[_Raw] = []
    i = 0
    while i < len(raws):
        head = raws[i]
        quals = _qualifiers(text, head.end, raws[i + 1:i + 5])
        areas = _consistent_areas(head, quals)
        if areas and head.candidates and head.candidates[0].kind == COUNTRY:  # "western Yemen (Al Hudaydah)"
            out.extend([head, *(_as_area(q, areas) for q in quals)])
            i += 1 + len(quals)
        elif areas:
            out.append(_restrict(head, areas))
            out.extend(_as_area(q, areas) for q in quals)
            i += 1 + len(quals)
        else:
            out.append(head)
            i += 1
    return out


_OPENING = re.compile(r"(?:\s+(?:corregimiento|township|municipality|rural municipality|commune|sub-district|"
                      r"subdistrict|kebele|woreda|tehsil|ward|sector|village|town|city|area)(?:-\d+)?)?\s*\(", re.I)


def _qualifiers(text: str, end: int, following: list[_Raw]) -> list[_Raw]:
    """The mentions qualifying a name that ends at `end`: those inside a parenthesis right
    after it ("(Saw township, Gangaw district, Magway region)"), or a run of comma-separated
    ones ("Yanga, Veracruz")."""
    opening = _OPENING.match(text, end)
    if opening:
        close = text.find(")", end)
        close = close if close != -1 else len(text)
        return [r for r in following if r.start < close]
    if following and _IN_OF.fullmatch(text[end:following[0].start]) and any(
            c.kind in (ADMIN1, ADMIN2, COUNTRY) for c in following[0].candidates):  # "Maarrata in Aleppo province"
        return [following[0], *_qualifiers(text, following[0].end, following[1:])]
    quals: list[_Raw] = []
    for nxt in following:
        if not (_QUALIFIER_SEP.fullmatch(text[end:nxt.start]) and nxt.start - end <= 12):
            break
        quals.append(nxt)
        end = nxt.end
    return quals


def _consistent_areas(head: _Raw, quals: list[_Raw]) -> list[Place]:
    """The admin areas a run of qualifiers names, in one country (one where the head has a
    candidate if possible), most specific first; [] if they are not admin areas."""
    options = [[c for c in q.candidates if c.kind in (ADMIN1, ADMIN2, COUNTRY)] for q in quals]
    # a qualifier GeoNames knows only as a town ("Boungou (Fada Ngourma, Gourma)") leaves the others
    options = [o for o in options if o]
    if not options:
        return []
    head_countries = {c.country for c in head.candidates}
    last = options[-1][0].country

    def support(country: str) -> tuple[int, bool, bool]:
        named = sum(any(c.country == country for c in opts) for opts in options)
        return named, country in head_countries, country == last

    country = max(dict.fromkeys(c.country for opts in options for c in opts), key=support)  # ties: first named
    # "Bassa (Plateau)": of the districts of that name, the one in the province named with it
    named_admin1 = {c.name for opts in options for c in opts if c.kind == ADMIN1 and c.country == country}
    areas = [next((c for c in opts if c.country == country and (c.kind != ADMIN2 or c.admin1 in named_admin1)),
                  next((c for c in opts if c.country == country), None)) for opts in options]
    found = [a for a in areas if a is not None]
    return sorted(found, key=lambda a: (ADMIN2, ADMIN1, COUNTRY).index(a.kind))


def _in_area(place: Place, area: Place) -> bool:
    if place.country != area.country:
        return False
    if area.kind == ADMIN1:
        return place.admin1 == area.name
    if area.kind == ADMIN2:
        return place.admin2 == area.name
    return True


def _restrict(head: _Raw, areas: list[Place]) -> _Raw:
    """The head of qualifiers keeps its candidates inside the areas, populated places first;
    with none inside it becomes an unlisted place in the most specific area."""
    inside = [c for c in head.candidates if c.kind != COUNTRY and all(_in_area(c, a) for a in areas)]
    if not inside:  # ACLED's and GeoNames' district names differ: the province must do, spelling must not
        inside = [c for c in head.candidates if c.kind != COUNTRY and _in_area(c, areas[-1]) and fold(c.name) == head.key]
    if inside:
        inside.sort(key=lambda c: c.kind not in (POPULATED_PLACE, UNLISTED_PLACE))
        return _Raw(head.start, head.end, tuple(inside), head.near, head.words, True, head.name_end, head.key)
    return _Raw(head.start, head.end, (), head.near, head.words, True, head.name_end, head.key)  # made unlisted later


def _as_area(q: _Raw, areas: list[Place]) -> _Raw:
    admin = tuple(a for a in areas if fold(a.name) in {fold(c.name) for c in q.candidates})
    same = tuple(c for c in q.candidates if c.kind in (ADMIN1, ADMIN2, COUNTRY) and c.country == areas[0].country)
    return _Raw(q.start, q.end, admin or same or q.candidates, q.near, q.words, True, q.name_end, q.key)


# a capitalised name, with an Arabic article ("al-Bab"), not inside a word; it starts with a
# character set, then looks behind (see _CAPITALISED_RUN)
_NAME = r"[A-Zae](?<![\w'’-].)(?:(?<=[A-Z])[\w'’]*|(?<=a)[dlnrs]-[A-Z][\w'’]*|(?<=e)l-[A-Z][\w'’]*)(?:[ -](?:[A-Z][\w'’]*|de|del|da|do|la|al|el|ez|es|ad|as|ar|an)){0,4}"
_UNLISTED = re.compile(
    r"(" + _NAME + r")(\s+(?:village|town|city|hill|locality|camp|neighbourhood|neighborhood|area|"
    r"township|corregimiento|ward|sector|quarter|district|sub-district|subdistrict|tehsil|commune|suburb|front|"
    r"settlement|kebele|woreda|chieftaincy|refugee camp|IDP camp|checkpoint|base|airport|port|prison))?"
    r"(?=\s*\(|\s*,\s*[A-Z]|\s+(?:in|of)\s+(?:the\s+)?[A-Z])")
_UNITS = ("township|district|sub-district|subdistrict|county|commune|municipality|tehsil|woreda|kebele|lga|"
          "chieftaincy|sector|upazila|union|ward|village|town|area")
_IN_OF = re.compile(r"\s+(?:in|of)\s+(?:the\s+)?")
_VIA_UNIT = re.compile(r"\s+(?:in|of)\s+(?:the\s+)?" + _NAME + r"\s+(?:" + _UNITS + r")(\s*(?:\(|,)\s*)", re.I)
_PLACE_OF = re.compile(r"\b(?:village|town|city|locality|settlement|area)\s+of\s+$", re.I)


def _add_unlisted(text: str, raws: list[_Raw]) -> list[_Raw]:
    """Names the gazetteer lacks (or knows only elsewhere) but which the text places inside an
    admin area it names: "Gasiza village (Rutshuru, Nord-Kivu)", "in Sfuhen town in Idleb
    governorate". They become unlisted places at that area's centroid."""
    common = _gazetteer().common_words
    out = [r for r in raws if r.candidates]
    for k, raw in enumerate(raws):
        if not raw.candidates:
            area = _area_after(_qualifiers(text, raw.end, raws[k + 1:k + 5]))
            if area:
                start = _extend_back(text, raw.start)
                name_end = raw.name_end if raw.name_end > 0 else raw.end
                out.append(_unlisted(text, start, name_end, area, raw.near, raw.end))
    out.sort(key=lambda r: r.start)
    starts = [r.start for r in out]
    for m in _UNLISTED.finditer(text):
        start, end = _trim_common(text, *m.span(1), common)
        if start >= end:
            continue
        nxt_at = bisect.bisect_left(starts, m.end())
        if nxt_at == len(out):
            continue
        nxt = out[nxt_at]
        gap = text[m.end():nxt.start]
        place_word = m.group(2) or (_of_before(text[max(0, start - 20):start])
                                    and _PLACE_OF.search(text[max(0, start - 20):start]))
        if _QUALIFIER_SEP.fullmatch(gap) or (re.match(r"\s*\(", gap) and ")" not in gap):
            if "(" not in gap and not place_word and not _cue_before(text, start):
                continue
            quals = _qualifiers(text, m.end(), out[nxt_at:nxt_at + 4])
        elif place_word and _IN_OF.fullmatch(gap):  # "Sfuhen town in Idleb governorate"
            quals = [nxt, *_qualifiers(text, nxt.end, out[nxt_at + 1:nxt_at + 4])]
        elif place_word and (via := _VIA_UNIT.fullmatch(gap)):  # "X village of Y township (Z district, ...)"
            quals = _qualifiers(text, m.end() + via.start(1), out[nxt_at:nxt_at + 4])
        else:
            continue
        inner = [r for r in out if r.start < end and start < r.end]
        if any(r.end - r.start >= end - start or r.qualified for r in inner):
            continue
        area = _area_after(quals)
        if area:
            near = _near_before(text, start)
            out = sorted([*(r for r in out if r not in inner), _unlisted(text, start, end, area, near, m.end())],
                         key=lambda r: r.start)
            starts = [r.start for r in out]
    return _add_appositives(text, out)


# "Kanyabayonga, a trading town on the edge of Lubero territory in": a name the gazetteer
# lacks, described as a place in the admin area named next.
_APPOSITIVE = re.compile(r"(" + _NAME + r"),\s+an?\s+(?:[a-z-]+\s+){0,3}(?:town|village|city|locality|"
                         r"settlement|hamlet)\b[^.;()]{0,60}?\s(?:in|of)\s+(?:the\s+)?$")


_APPOSITIVE_NOUNS = ("town", "village", "city", "locality", "settlement", "hamlet")


def _add_appositives(text: str, raws: list[_Raw]) -> list[_Raw]:
    out = list(raws)
    for raw in raws:
        if raw.candidates[0].kind not in (ADMIN1, ADMIN2):
            continue
        base = max(0, raw.start - 160)
        before = text[base:raw.start]
        if ", a" not in before or not any(word in before for word in _APPOSITIVE_NOUNS):
            continue
        m = _APPOSITIVE.search(text, base, raw.start)
        if m is None:
            continue
        start, end = _trim_common(text, *m.span(1), _gazetteer().common_words)
        if start < end and not any(r.start < end and start < r.end for r in out):
            out.append(_unlisted(text, start, end, _area_after([raw]) or raw.candidates[0], False, end))
    return sorted(out, key=lambda r: r.start)


def _trim_common(text: str, start: int, end: int, common: frozenset[str]) -> tuple[int, int]:
    """Drop leading and trailing common words: "North Zone" -> "", "The Nduta Camp" -> "Nduta"."""
    words = [(m.start() + start, m.end() + start) for m in re.finditer(r"[\w'’]+", text[start:end])]
    while words and (fold(text[words[0][0]:words[0][1]]) in common or text[words[0][0]].islower()):
        words.pop(0)
    while words and fold(text[words[-1][0]:words[-1][1]]) in common:
        words.pop()
    return (words[0][0], words[-1][1]) if words else (start, start)


def _area_after(raws: list[_Raw]) -> Place | None:
    """The most specific admin area among a name's qualifiers."""
    areas = [r.candidates[0] for r in raws if r.candidates and r.candidates[0].kind in (ADMIN1, ADMIN2)]
    return min(areas, key=lambda a: (ADMIN2, ADMIN1).index(a.kind)) if areas else None


# Words that name a unit, not the place, in an unlisted name: "Barangay Lamfugon", "Sreepur Upazila".
_UNIT_AFFIX = re.compile(r"^(?:Barangay|Brgy\.?)\s+|\s+(?:Upazila|Tehsil)$", re.IGNORECASE)


def _unlisted(text: str, start: int, name_end: int, area: Place, near: bool, end: int) -> _Raw:
    name = _UNIT_AFFIX.sub("", text[start:name_end]) or text[start:name_end]
    place = Place(name, area.country, area.iso, area.region, area.admin1 or area.name,
                  area.admin2 if area.kind == ADMIN2 else "", "", area.latitude, area.longitude, UNLISTED_PLACE, 0)
    return _Raw(start, end, (place,), near, 1 + text.count(" ", start, name_end), True, name_end)


def _extend_back(text: str, start: int) -> int:
    """Start of a longer capitalised name a match ends: "Jurf [al Nasr]" -> "Jurf al Nasr"."""
    while True:
        m = re.search(r"(?<![\w'’-])([A-Z][\w'’]*)[ -]$", text[max(0, start - 30):start])
        if not m or m.group(1).lower() in _CUE_WORDS or m.group(1).endswith("'s") or fold(m.group(1)) in _gazetteer().common_words:
            return start
        start -= len(m.group(0))


def _accept(text: str, raw: _Raw, named_countries: set[str]) -> bool:
    """Be conservative with one-word names: they must look like a place in this text."""
    best = raw.candidates[0]
    if raw.qualified or best.kind in (COUNTRY, UNLISTED_PLACE) or raw.words > 1:
        return True
    evidence = _evidence(text, raw.start, raw.end, raw.near)
    if _names_something_else(text, raw.start, raw.end, evidence):
        return False
    if evidence >= 0.6:
        return True
    if _SENTENCE_START.search(text[max(0, raw.start - 3):raw.start]):
        return best.population >= 100_000 or any(c.country in named_countries for c in raw.candidates)
    return best.population >= 20_000 or best.kind != POPULATED_PLACE or any(
        c.country in named_countries for c in raw.candidates)


# What a one-word name is when these follow it: an armed group ("Houthi positions"), an
# organisation ("the Confederation of Indigenous ..."), a party to a court case ("Roe v. Wade").
_GROUP_AFTER = re.compile(r"[ -](?:forces|fighters|militants|rebels|insurgents|militia|militias|militiamen|gunmen|"
                          r"positions|reinforcements|supporters|loyalists|held|controlled|led|affiliated)\b")
_ORGANISATION = re.compile(r" of (?:the )?[A-Z]")
_CASE_AFTER = re.compile(r" [vV]s?\.? [A-Z]")
_CASE_BEFORE = re.compile(r"[A-Z][\w'-]* [vV]s?\.? $")


def _names_something_else(text: str, start: int, end: int, evidence: float) -> bool:
    return bool((evidence < 1.0 and _GROUP_AFTER.match(text, end)) or _ORGANISATION.match(text, end)
                or _CASE_AFTER.match(text, end) or _CASE_BEFORE.search(text, max(0, start - 30), start))


def _evidence(text: str, start: int, end: int, near: bool) -> float:
    """How much a mention looks like a place where it stands: 1.0 after "in", "near", "at", with
    a designator ("X district") or inside an ACLED qualifier "(district, province)"; 0.6 after
    a weaker cue ("of", "from", "shelled"); 0.3 otherwise (names of people, groups and things
    are often also names of some village somewhere)."""
    before = text[max(0, start - 60):start]
    surface = text[start:end].split()
    if near or _cue_before(text, start, _STRONG_CUES) or _inside_qualifier(before):
        return 1.0
    if len(surface) > 1 and surface[-1].lower() in _ADMIN1_WORDS | _ADMIN2_WORDS | _PLACE_WORDS | _NEAR_WORDS:
        return 1.0
    return 0.6 if _cue_before(text, start) else 0.3


def _inside_qualifier(before: str) -> bool:
    """True when `before` ends inside a parenthesis opened right after a name: "Marabo (Irumu, "."""
    paren = before.rfind("(")
    return paren != -1 and ")" not in before[paren:] and bool(re.search(r"\w\s*$", before[:paren]))


# "the Iraqi capital", "Lebanon's capital", "the capital of Mali", "the country's capital": the
# capital city itself (a city, so geo precision 1). Not "the provincial capital", "capital
# punishment" or "the capital of Bay region", which name something else.
_CAPITAL = re.compile(
    r"\b(?:(?:the\s+)?(?P<before>[A-Z][\w'.-]*(?:\s[A-Z][\w'.-]*)?)(?:\s?'s)?\s+capital(?:\s+city)?"
    r"|the\s+capital(?:\s+city)?\s+of\s+(?:the\s+)?(?P<after>[A-Z][\w'.-]*(?:\s[A-Z][\w'.-]*){0,2})"
    r"|(?P<bare>the\s+(?:(?:war-torn\s+|troubled\s+)?(?:country|nation)'s\s+)?capital(?:\s+city)?))"
    r"(?!\s+(?:punishment|gains?|markets?|expenditure|investment|flight|offen[cs]e)\b)(?!')")


def _add_capitals(text: str, raws: list[_Raw], scanned: list[tuple[int, int, str, bool]]) -> list[_Raw]:
    """Mentions of a country's capital by description. A bare "the capital" is the capital of
    the first country the text names (by name or demonym), if it names any."""
    if "capital" not in text:
        return raws
    out = list(raws)
    for m in _CAPITAL.finditer(text):
        if m.group("bare") is not None:
            country = scanned[0][2] if scanned else None
        else:
            name = m.group("before") or m.group("after")
            if name.endswith("'s"):
                name = name[:-2]
            country = country_of(name)
        city = _capital_city(country) if country else None
        if city is None:
            continue
        inside = [r for r in out if m.start() <= r.start and r.end <= m.end()]
        if any(r.candidates and r.candidates[0].kind != COUNTRY for r in inside) or any(
                r.start < m.end() and m.start() < r.end and r not in inside for r in out):
            continue
        start = m.start() + (4 if text.startswith(("the ", "The "), m.start()) else 0)
        out = [r for r in out if r not in inside]
        out.append(_Raw(start, m.end(), (city,), _near_before(text, m.start()), 2, True))
    return sorted(out, key=lambda r: r.start)


@cache
def _capital_city(country: str) -> Place | None:
    info = country_info(country)
    if info is None or not info.capital:
        return None
    return next((p for p in _candidates(fold(info.capital)) if p.kind == POPULATED_PLACE and p.country == info.name),
                None)


# ---------------------------------------------------------------------------------------------
# context and resolution


def article_context(text: str, mentions: list[PlaceMention] | None = None,
                    source_country: str | None = None) -> PlaceContext:
    """Weights of the countries and admin1 areas an article names or implies: country names
    (demonyms count less), places that lie in one country or province only (more when they
    stand after "in", "near" or come with a qualifier), the source's country. Ambiguous places
    then add weight to their best reading."""
    if mentions is None:
        mentions = find_places(text)
    text = plain_punctuation(text)
    countries: dict[str, float] = {}
    admin1s: dict[tuple[str, str], float] = {}
    evidence = {(m.start, m.end): _evidence(text, m.start, m.end, m.near) for m in mentions}
    for m, nxt in zip(mentions, mentions[1:], strict=False):  # "X (district, province)": X and its qualifiers
        if re.fullmatch(r"\s*[(,]\s*", text[m.end:nxt.start]) and {c.kind for c in nxt.candidates} & {ADMIN1, ADMIN2}:
            evidence[(m.start, m.end)] = evidence[(nxt.start, nxt.end)] = 1.0
    for _, _, country, demonym in scan_countries(text):
        countries[country] = countries.get(country, 0.0) + (0.3 if demonym else 1.0)
    if source_country:
        name = country_named(source_country) or source_country
        countries[name] = countries.get(name, 0.0) + 0.5
    ambiguous: list[PlaceMention] = []
    for m in mentions:
        weight = 0.7 * evidence[(m.start, m.end)]
        if {c.kind for c in m.candidates} == {COUNTRY}:
            continue
        in_countries = {c.country for c in m.candidates}
        in_admin1s = {(c.country, _admin1_of(c)) for c in m.candidates}
        if len(in_countries) == 1:
            (country,) = in_countries
            countries[country] = countries.get(country, 0.0) + weight
            if len(in_admin1s) == 1:
                (area,) = in_admin1s
                if area[1]:
                    admin1s[area] = admin1s.get(area, 0.0) + weight
        else:
            ambiguous.append(m)
    first_pass = PlaceContext(dict(countries), dict(admin1s), evidence)
    for m in ambiguous:
        best = _best_candidate(m, first_pass)
        weight = 0.3 * evidence[(m.start, m.end)]
        countries[best.country] = countries.get(best.country, 0.0) + weight
        area = (best.country, _admin1_of(best))
        if area[1]:
            admin1s[area] = admin1s.get(area, 0.0) + weight
    return PlaceContext(countries, admin1s, evidence)


def _admin1_of(place: Place) -> str:
    return place.name if place.kind == ADMIN1 else place.admin1


def _context_score(place: Place, context: PlaceContext) -> float:
    return (2.0 * context.countries.get(place.country, 0.0)
            + 1.5 * context.admin1s.get((place.country, _admin1_of(place)), 0.0))


def _candidate_score(place: Place, rank: int, context: PlaceContext) -> float:
    """Context first; then population, with a populated place preferred to an admin area of
    the same name ("in Tripoli" is the city), and the order find_places gave as a last resort."""
    town = 0.6 if place.kind in (POPULATED_PLACE, UNLISTED_PLACE) else 0.0
    return _context_score(place, context) + 0.25 * math.log10(place.population + 10) + town - 0.05 * rank


def _best_candidate(mention: PlaceMention, context: PlaceContext) -> Place:
    scored = [(_candidate_score(c, rank, context), -rank, c) for rank, c in enumerate(mention.candidates)]
    return max(scored, key=lambda s: (s[0], s[1]))[2]


_SPECIFICITY = {UNLISTED_PLACE: 3, POPULATED_PLACE: 3, ADMIN2: 2, ADMIN1: 1, COUNTRY: 0}


def resolve_place(mentions: list[PlaceMention], context: PlaceContext) -> Location | None:
    """The location of an event from the place mentions of its sentence(s). Each mention is read
    as its best candidate (context, then population). Preferred, in order: a mention that
    stands as a place ("in X", "X (district, province)"); a reading in the article's main
    country; the most specific (a place beats a district, a district a province, a
    province a country); more context; the first. None if no mention has a candidate."""
    top = max(context.countries.values(), default=0.0)
    best: tuple[tuple[bool, bool, int, float, int], Place, bool] | None = None
    for position, m in enumerate(mentions):
        if not m.candidates:
            continue
        place = _best_candidate(m, context)
        main_country = context.countries.get(place.country, 0.0) >= 0.5 * top
        stands_as_place = context.evidence.get((m.start, m.end), 1.0) >= 0.6
        key = (stands_as_place, main_country, _SPECIFICITY[place.kind],
               round(_context_score(place, context), 1), -position)
        if best is None or key > best[0]:
            best = (key, place, m.near)
    if best is None:
        return None
    _, place, near = best
    return _location(place, near)


def _location(place: Place, near: bool) -> Location:
    if place.kind in (POPULATED_PLACE, UNLISTED_PLACE):
        precision = 2 if near or place.kind == UNLISTED_PLACE else 1
        return Location(place.country, place.iso, place.region, place.admin1, place.admin2, place.admin3,
                        place.name, place.latitude, place.longitude, precision)
    town, precision = _seat(place), 2 if place.kind == ADMIN2 else 3
    if town is None:
        return Location(place.country, place.iso, place.region, place.admin1 if place.kind != ADMIN1 else place.name,
                        place.admin2, "", place.name, place.latitude, place.longitude, precision)
    return Location(town.country, town.iso, town.region, town.admin1, town.admin2 if place.kind == ADMIN2 else "",
                    "", town.name, town.latitude, town.longitude, precision)
