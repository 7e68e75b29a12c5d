"""Field-by-field comparison of a coded event with a human-coded (gold) one.

The rules are tolerant where people legitimately differ in spelling and strict where the
codebook leaves no room: types, dates and fatalities must be equal; place names may differ by
a transliteration ("Graivoron"/"Grayvoron") or sit within 10 km; actor names may differ in the
regime years ACLED appends to state forces ("Military Forces of Russia (2000-)").
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from dataclasses import dataclass

from rapidfuzz.fuzz import ratio

from schemas.event import Event

# Similarity (0-100, rapidfuzz's normalised Indel ratio) above which two names are one spelling.
NAME_SIMILARITY = 85.0
LOCATION_SIMILARITY = 90.0
LOCATION_RADIUS_KM = 10.0

_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_REGIME_YEARS = re.compile(r"\(\s*\d{4}\s*-\s*\d{0,4}\s*\)")


def normalise_name(name: str | None) -> str:
    """Accents folded, lower case, punctuation collapsed to single spaces."""
    folded = unicodedata.normalize("NFKD", name or "").encode("ascii", "ignore").decode()
    return " ".join(_NON_ALNUM.sub(" ", folded.lower()).split())


def normalise_actor(name: str | None) -> str:
    """An actor name without ACLED's regime years, so "(2000-)" vs "(2022-)" is no mismatch."""
    return normalise_name(_REGIME_YEARS.sub(" ", name or ""))


def similar_names(a: str | None, b: str | None, threshold: float = NAME_SIMILARITY) -> bool:
    """True when both names are given and equal after normalising, or nearly so."""
    na, nb = normalise_name(a), normalise_name(b)
    return bool(na and nb) and (na == nb or ratio(na, nb) >= threshold)


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle (haversine) distance on a 6,371 km sphere."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, a)))


@dataclass(frozen=True, slots=True)
class GoldEvent:
    """The human-coded fields of one ACLED export row that the report compares."""

    event_id: str
    event_date: dt.date
    event_type: str
    sub_event_type: str
    actor1: str
    actor2: str
    country: str
    admin1: str
    location: str
    latitude: float | None
    longitude: float | None
    fatalities: int | None
    notes: str


def location_matches(gold: GoldEvent, predicted: Event) -> bool:
    """Same place by name (ACLED's "City - District" counts by its city too) or within 10 km."""
    predicted_name = normalise_name(predicted.location)
    if predicted_name and gold.location:
        city = normalise_name(gold.location.split(" - ")[0])
        if predicted_name in (normalise_name(gold.location), city) or similar_names(
            gold.location, predicted.location, LOCATION_SIMILARITY
        ):
            return True
    if gold.latitude is None or gold.longitude is None:
        return False
    return distance_km(gold.latitude, gold.longitude, predicted.latitude, predicted.longitude) <= LOCATION_RADIUS_KM


def _actor_set(actor1: str, actor2: str, normalise) -> frozenset[str]:
    return frozenset(n for n in (normalise(actor1), normalise(actor2)) if n)


# The fields compared for a detected event, in report order ("detected" is counted apart).
COMPARED_FIELDS: tuple[str, ...] = (
    "event_type", "sub_event_type", "event_date", "country", "admin1", "location",
    "actors_loose", "actors_exact", "fatalities",
)


def field_hits(gold: GoldEvent, predicted: Event) -> dict[str, bool]:
    """Which of COMPARED_FIELDS the predicted event gets right."""
    gold_actors = _actor_set(gold.actor1, gold.actor2, normalise_actor)
    return {
        "event_type": normalise_name(gold.event_type) == normalise_name(predicted.event_type),
        "sub_event_type": normalise_name(gold.sub_event_type) == normalise_name(predicted.sub_event_type),
        "event_date": gold.event_date == predicted.event_date,
        "country": similar_names(gold.country, predicted.country),
        "admin1": similar_names(gold.admin1, predicted.admin1),
        "location": location_matches(gold, predicted),
        "actors_loose": bool(gold_actors)
        and gold_actors == _actor_set(predicted.actor1, predicted.actor2, normalise_actor),
        "actors_exact": bool(gold_actors)
        and _actor_set(gold.actor1, gold.actor2, normalise_name)
        == _actor_set(predicted.actor1, predicted.actor2, normalise_name),
        "fatalities": gold.fatalities == predicted.fatalities,
    }


def best_match(gold: GoldEvent, predicted: list[Event]) -> dict[str, bool] | None:
    """The hits of the predicted event that best matches gold: right type first, then right
    sub-event type, then most fields right; the earliest (most salient) wins ties.
    None when nothing was predicted."""
    best: dict[str, bool] | None = None
    best_key: tuple[bool, bool, int] | None = None
    for event in predicted:
        hits = field_hits(gold, event)
        key = (hits["event_type"], hits["sub_event_type"], sum(hits.values()))
        if best_key is None or key > best_key:
            best, best_key = hits, key
    return best
