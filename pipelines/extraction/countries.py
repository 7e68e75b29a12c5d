"""Country names as ACLED writes them: lookup by name, abbreviation or demonym, ISO numeric codes,
ACLED regions, and a scan of text for country mentions.

The table is `data/countries.tsv`, derived from GeoNames by `scripts/build_gazetteer.py`.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import islice
from pathlib import Path

_DATA = Path(__file__).parent / "data" / "countries.tsv"
_WORD = re.compile(r"[A-Za-zÀ-ÿ][\w'.-]*")
_POSSESSIVE = re.compile(r"'s$")
_CAPITALISED = re.compile(r"[A-ZÀ-Þ](?<![\w'.-].)[\w'.-]*")  # a set first, then the lookbehind: a faster scan


@dataclass(frozen=True, slots=True)
class Country:
    name: str  # ACLED's spelling
    alpha2: str
    iso: int
    region: str
    latitude: float
    longitude: float
    capital: str = ""  # GeoNames' name of the capital city ("" when it has none or it is unknown)


# Apostrophes and hyphens as typeset text writes them: "Russia’s", "Sanaʼa", "Nord‑Kivu".
APOSTROPHES = "’‘‛ʼʻ´`′"
HYPHENS = "‐‑‒−"  # hyphen, non-breaking hyphen, figure dash, minus sign
DASHES = "–—―"  # en and em dash: separators, never part of a name
_PLAIN = str.maketrans({**dict.fromkeys(APOSTROPHES, "'"), **dict.fromkeys(HYPHENS, "-")})
_TYPOGRAPHIC = re.compile(f"[{APOSTROPHES}{HYPHENS}]")
# Letters that Unicode decomposition does not reduce to ASCII: "Aydın", "Łódź", "Tromsø".
_UNDECOMPOSED = {"ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ð": "d", "Ð": "D",
                 "ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "þ": "th", "Þ": "Th", "ħ": "h", "Ħ": "H"}
_FOLD_PUNCT = str.maketrans({**dict.fromkeys(APOSTROPHES + "'.", ""), **dict.fromkeys(HYPHENS + DASHES, " "),
                             **_UNDECOMPOSED})


_TO_ASCII = str.maketrans(_UNDECOMPOSED)


def ascii_letters(text: str) -> str:
    """`text` with accents dropped and letters Unicode does not decompose transliterated,
    case and punctuation kept: "Łódź" -> "Lodz", "Aydın" -> "Aydin"."""
    return unicodedata.normalize("NFKD", text.translate(_TO_ASCII)).encode("ascii", "ignore").decode()


def plain_punctuation(text: str) -> str:
    """`text` with every apostrophe written as ' and every hyphen as -, character for
    character (offsets stay valid), so that the patterns need to know only those two."""
    return text.translate(_PLAIN) if _TYPOGRAPHIC.search(text) else text


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Lowercase ASCII with punctuation dropped: the key every name lookup goes through
    ("Côte d’Ivoire" -> "cote divoire", "U.S." -> "us", "Nord‑Kivu" -> "nord kivu")."""
    text = unicodedata.normalize("NFKD", text.translate(_FOLD_PUNCT)).encode("ascii", "ignore").decode().lower()
    return " ".join(_NOT_ALNUM.sub(" ", text).split())


_NOT_ALNUM = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True, slots=True)
class _Tables:
    by_name: dict[str, Country]  # ACLED name -> Country
    names: dict[str, str]  # folded name or alias -> ACLED name
    demonyms: dict[str, str]  # folded demonym -> ACLED name
    case_sensitive: frozenset[str]  # aliases that are ordinary words in lower case ("us")
    first_words: dict[str, int]  # first word of names and demonyms -> most words such a name has


@cache
def _tables() -> _Tables:
    by_name: dict[str, Country] = {}
    names: dict[str, str] = {}
    demonyms: dict[str, str] = {}
    with open(_DATA, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            country = Country(row["name"], row["alpha2"], int(row["iso"]), row["region"],
                              float(row["latitude"] or 0), float(row["longitude"] or 0), row.get("capital") or "")
            by_name.setdefault(country.name, country)
            names.setdefault(fold(country.name), country.name)
            for alias in filter(None, row["aliases"].split("|")):
                key = fold(alias)
                if len(key) > 1:
                    names.setdefault(key, country.name)
            for demonym in filter(None, row["demonyms"].split("|")):
                demonyms.setdefault(fold(demonym), country.name)
    first_words: dict[str, int] = {}
    for key in (*names, *demonyms):
        words = key.split()
        first_words[words[0]] = max(first_words.get(words[0], 0), len(words))
    return _Tables(by_name, names, demonyms, frozenset({"us", "uk"}), first_words)


def country_of(name_or_demonym: str) -> str | None:
    """ACLED's name of the country a name, abbreviation or demonym refers to:
    "Ukrainian" -> "Ukraine", "U.S." -> "United States", "DRC" -> "Democratic Republic of Congo"."""
    tables = _tables()
    key = fold(name_or_demonym)
    return tables.names.get(key) or tables.demonyms.get(key)


def country_named(name: str) -> str | None:
    """ACLED's name of the country a name or abbreviation (not a demonym) refers to."""
    return _tables().names.get(fold(name))


def country_info(country: str) -> Country | None:
    """The table row of a country given by its ACLED name (or any name `country_of` knows)."""
    tables = _tables()
    name = country if country in tables.by_name else country_of(country)
    return tables.by_name.get(name) if name else None


def iso_numeric(country: str) -> int | None:
    """ISO 3166-1 numeric code of a country: "Ukraine" -> 804."""
    info = country_info(country)
    return info.iso if info else None


def acled_region(country: str) -> str:
    """ACLED's region of a country ("Syria" -> "Middle East"); "" if the country is unknown."""
    info = country_info(country)
    return info.region if info else ""


def find_countries(text: str) -> list[tuple[int, int, str]]:
    """(start, end, ACLED country) for every country name, abbreviation or demonym in `text`,
    longest match first, non-overlapping, in text order. Only capitalised words count, so
    "us" the pronoun is not the United States."""
    return [(start, end, country) for start, end, country, _ in scan_countries(text)]


def scan_countries(text: str) -> list[tuple[int, int, str, bool]]:
    """Like `find_countries`, with a fourth field: True when the match is a demonym."""
    return list(_scan(text))


@lru_cache(maxsize=16)
def _scan(text: str) -> tuple[tuple[int, int, str, bool], ...]:
    tables = _tables()
    text = plain_punctuation(text)
    found: list[tuple[int, int, str, bool]] = []
    resume = 0
    for cap in _CAPITALISED.finditer(text):
        if cap.start() < resume:
            continue
        most_words = _most_words(cap.group())
        if not most_words:
            continue
        words = [(m.start(), m.end(), _bare(m.group()))
                 for m in islice(_WORD.finditer(text, cap.start(), cap.start() + 160), most_words)]
        for n in range(len(words), 0, -1):
            last = words[n - 1]
            if not _capitalised(last[2]) or (n > 1 and _gap(text, words[n - 2][1], last[0])):
                continue
            surface = text[cap.start():cap.start() + _surface_len(text, cap.start(), last)]
            key = fold(surface)
            if key in tables.case_sensitive and not surface.replace(".", "").isupper():
                continue
            country = tables.names.get(key)
            demonym = country is None and n <= 2
            if demonym:
                country = tables.demonyms.get(key)
            if country:
                found.append((cap.start(), cap.start() + len(surface), country, demonym))
                resume = cap.start() + len(surface)
                break
    return tuple(found)


@lru_cache(maxsize=1 << 14)
def _most_words(word: str) -> int:
    """How many words a country name or demonym starting with this word can have (0: none
    starts with it)."""
    return _tables().first_words.get(fold(_bare(word)).split(" ")[0], 0)


def _bare(word: str) -> str:
    """A word without trailing punctuation or possessive: "Lebanon's" -> "Lebanon"."""
    if "'" in word:
        word = _POSSESSIVE.sub("", word)
    return word.rstrip(".,'")


@lru_cache(maxsize=1 << 14)
def _capitalised(word: str) -> bool:
    """"Kivu", "d'Ivoire", "al-Bab": an upper-case letter within the first three characters."""
    return any(ch.isupper() for ch in word[:3])


def _gap(text: str, end: int, start: int) -> bool:
    """True when what separates two words is more than a space or hyphen (a comma, a bracket...)."""
    return bool(text[end:start].strip(" -'"))


def _surface_len(text: str, start: int, last: tuple[int, int, str]) -> int:
    end = last[0] + len(last[2])
    if text[end:end + 1] == "." and len(last[2]) <= 3 and "." in last[2]:  # "U.S." keeps its final dot
        end += 1
    return end - start
