"""The rule-based coder on the bundled samples: does a user running the pipeline out of the box
get the events a careful ACLED coder would record (see tests/sample_expectations.py)?

An event "is" an expected one when event type, country, date and place (within the radius)
agree; sub-event type, fatalities, admin1, actors and time precision are checked separately
so a failure says exactly which part of the coding is off.
"""

from __future__ import annotations

import functools
import math
import re
from pathlib import Path

import pytest
from sample_expectations import SAMPLES, ExpectedEvent, Place, SampleArticle

from pipelines.extraction.coder import get_coder
from pipelines.sources import read_sources
from schemas import Article
from schemas.article import canonical_url
from schemas.event import Event

SAMPLES_DIR = Path(__file__).resolve().parents[1] / "samples"

# Known gaps of the coder, kept visible: these cases must fail until the gap is closed (strict
# xfail), and then the mark must go.
# (Kanyabayonga, once listed here, is found since the gazetteer has GeoNames' alternate names:
# GeoNames calls it Kanyobagonga.)
KNOWN_GAPS: dict[str, str] = {}


def _with_known_gaps(cases: list, ids: list[str], gap_of_article: bool = False) -> list:
    """pytest params, marked strict-xfail where KNOWN_GAPS lists the case (or, for whole-article
    tests, any event of the article)."""
    params = []
    for case, case_id in zip(cases, ids, strict=True):
        reason = next((why for key, why in KNOWN_GAPS.items()
                       if key == case_id or (gap_of_article and key.split("#")[0] == case_id)), None)
        marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
        params.append(pytest.param(case, id=case_id, marks=marks))
    return params


WITH_EVENTS = _with_known_gaps([s for s in SAMPLES if s.expected], [s.key for s in SAMPLES if s.expected], True)
ALL_SAMPLES = _with_known_gaps(list(SAMPLES), [s.key for s in SAMPLES], True)
EXPECTED = _with_known_gaps([(s, e) for s in SAMPLES for e in s.expected],
                            [f"{s.key}#{i}" for s in SAMPLES for i in range(len(s.expected))])


@functools.cache
def _articles_by_url() -> dict[str, Article]:
    items = read_sources([SAMPLES_DIR / "inbox", SAMPLES_DIR / "feeds"])
    return {canonical_url(a.url): a for a in items if isinstance(a, Article) and a.url}


@functools.cache
def _events(key: str) -> tuple[Event, ...]:
    sample = next(s for s in SAMPLES if s.key == key)
    article = _articles_by_url().get(canonical_url(sample.url))
    assert article is not None, f"{sample.file}: no article with url {sample.url} was read"
    return tuple(get_coder("rules").code(article))


def _km(place: Place, event: Event) -> float:
    """Great-circle distance from the place to the event's coordinates."""
    lat1, lon1, lat2, lon2 = map(math.radians, (place.latitude, place.longitude, event.latitude, event.longitude))
    a = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(a))


def _is(event: Event, expected: ExpectedEvent) -> bool:
    return (
        event.event_type == expected.event_type
        and event.country == expected.country
        and expected.first_date <= event.event_date <= expected.last_date
        and _km(expected.place, event) <= expected.place.radius_km
    )


def _detail_mismatches(event: Event, expected: ExpectedEvent) -> list[str]:
    problems = []
    if event.sub_event_type != expected.sub_event_type:
        problems.append(f"sub_event_type {event.sub_event_type!r}, expected {expected.sub_event_type!r}")
    if event.fatalities != expected.fatalities:
        problems.append(f"fatalities {event.fatalities}, expected {expected.fatalities}")
    if not re.search(expected.admin1, event.admin1, re.IGNORECASE):
        problems.append(f"admin1 {event.admin1!r}, expected /{expected.admin1}/")
    actors = [event.actor1, event.assoc_actor_1, event.actor2, event.assoc_actor_2]
    for pattern in expected.actors:
        if not any(re.search(pattern, actor) for actor in actors if actor):
            problems.append(f"no actor matches /{pattern}/ in {[a for a in actors if a]}")
    if expected.time_precision is not None and event.time_precision != expected.time_precision:
        problems.append(f"time_precision {event.time_precision}, expected {expected.time_precision}")
    return problems


def _describe(events: tuple[Event, ...]) -> str:
    if not events:
        return "  (no events)"
    return "\n".join(
        f"  [{e.event_index}] {e.event_date} {e.event_type} / {e.sub_event_type} at {e.location} "
        f"({e.admin1}, {e.country}) {e.latitude:.3f},{e.longitude:.3f} fatalities={e.fatalities} "
        f"{e.actor1} | {e.actor2}"
        for e in events
    )


def _where(expected: ExpectedEvent) -> str:
    dates = str(expected.first_date) if expected.first_date == expected.last_date else (
        f"{expected.first_date}..{expected.last_date}")
    return (f"{expected.label}: {expected.event_type} in {expected.country} on {dates} "
            f"within {expected.place.radius_km:g} km of {expected.place.name}")


@pytest.mark.parametrize("case", EXPECTED)
def test_expected_event_is_found(case: tuple[SampleArticle, ExpectedEvent]) -> None:
    sample, expected = case
    events = _events(sample.key)
    assert any(_is(e, expected) for e in events), (
        f"missing {_where(expected)}\ncoded:\n{_describe(events)}")


@pytest.mark.parametrize("case", EXPECTED)
def test_expected_event_is_coded_as_specified(case: tuple[SampleArticle, ExpectedEvent]) -> None:
    sample, expected = case
    candidates = [e for e in _events(sample.key) if _is(e, expected)]
    if not candidates:
        pytest.skip("event not found (see test_expected_event_is_found)")
    problems = min((_detail_mismatches(e, expected) for e in candidates), key=len)
    assert not problems, f"{expected.label}:\n  " + "\n  ".join(problems)


@pytest.mark.parametrize("sample", WITH_EVENTS)
def test_main_event_comes_first(sample: SampleArticle) -> None:
    events = _events(sample.key)
    assert events, "no events coded"
    assert _is(events[0], sample.expected[0]), (
        f"first event should be {_where(sample.expected[0])}\ncoded:\n{_describe(events)}")


@pytest.mark.parametrize("sample", ALL_SAMPLES)
def test_no_unexpected_event(sample: SampleArticle) -> None:
    """Every event coded is one a careful coder records: nothing from speculation, plans,
    denials, comments, history or a natural disaster."""
    events = _events(sample.key)
    extra = tuple(e for e in events if not any(_is(e, x) for x in sample.expected))
    assert not extra, f"unexpected events:\n{_describe(extra)}"


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda s: s.key)
def test_no_forbidden_event(sample: SampleArticle) -> None:
    forbidden = sample.forbidden
    problems = []
    for e in _events(sample.key):
        problems += [f"event at {p.name} ({e.location})" for p in forbidden.places if _km(p, e) <= p.radius_km]
        if e.country in forbidden.countries:
            problems.append(f"event in {e.country} ({e.location})")
        problems += [f"event in admin1 {e.admin1!r}" for rx in forbidden.admin1 if re.search(rx, e.admin1)]
        if e.sub_event_type in forbidden.sub_event_types:
            problems.append(f"{e.sub_event_type} event at {e.location}")
        if e.event_date < forbidden.before:
            problems.append(f"event dated {e.event_date}: a historical reference became an event")
    assert not problems, "\n".join(problems) + f"\ncoded:\n{_describe(_events(sample.key))}"


@pytest.mark.parametrize("sample", [s for s in SAMPLES if not s.expected], ids=lambda s: s.key)
def test_non_event_article_gives_nothing(sample: SampleArticle) -> None:
    assert _events(sample.key) == (), f"coded:\n{_describe(_events(sample.key))}"
