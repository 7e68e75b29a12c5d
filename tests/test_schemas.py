"""The record contract: what the Event and Article models accept, derive and refuse."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import ValidationError

from schemas import (
    ACLED_COLUMNS,
    DISORDER_TYPE_OF,
    EVENT_TYPE_OF,
    Article,
    Event,
    EventType,
    SubEventType,
    article_id_for,
    canonical_url,
    interaction_code,
)


def event_data(**overrides: object) -> dict:
    data = dict(
        event_id="a1:0", article_id="a1", event_index=0, evidence=[{"start": 0, "end": 40}],
        confidence=0.8, coder="rules", coder_version="1.0.0",
        event_date="2024-03-04", time_precision=1,
        event_type="Violence against civilians", sub_event_type="Attack",
        actor1="Unidentified Armed Group (Nigeria)", inter1=2,
        actor2="Civilians (Nigeria)", inter2=7,
        country="Nigeria", iso=566, admin1="Zamfara", location="Gusau",
        latitude=12.17, longitude=6.66, geo_precision=1, fatalities=3,
    )
    data.update(overrides)
    return data


def test_taxonomy_has_acleds_six_types_and_25_sub_types() -> None:
    assert len(EventType) == 6
    assert len(SubEventType) == 25
    assert set(EVENT_TYPE_OF) == set(SubEventType)
    assert DISORDER_TYPE_OF[SubEventType.MOB_VIOLENCE] == "Political violence"
    assert DISORDER_TYPE_OF[SubEventType.EXCESSIVE_FORCE] == "Political violence; Demonstrations"
    assert DISORDER_TYPE_OF[SubEventType.PEACEFUL_PROTEST] == "Demonstrations"
    assert len(ACLED_COLUMNS) == 31 and ACLED_COLUMNS[0] == "event_id_cnty" and ACLED_COLUMNS[-1] == "timestamp"


def test_valid_event_derives_codes() -> None:
    event = Event.model_validate(event_data())
    assert event.disorder_type == "Political violence"
    assert event.interaction == 27
    assert event.civilian_targeting == "Civilian targeting"
    assert event.year == 2024


def test_one_sided_event_interaction_is_actor_code_times_ten() -> None:
    event = Event.model_validate(event_data(
        event_type="Protests", sub_event_type="Peaceful protest", actor1="Protesters (Kenya)", inter1=6,
        actor2="", inter2=0, fatalities=0))
    assert event.interaction == 60
    assert event.civilian_targeting == ""
    assert interaction_code(7, 1) == 17


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"event_type": "Battles"}, "belongs to"),
        ({"disorder_type": "Demonstrations"}, "disorder type"),
        ({"interaction": 12}, "interaction"),
        ({"time_precision": 4}, "less than or equal to 3"),
        ({"geo_precision": 0}, "greater than or equal to 1"),
        ({"fatalities": -1}, "greater than or equal to 0"),
        ({"latitude": 95.0}, "less than or equal to 90"),
        ({"longitude": -181.0}, "greater than or equal to -180"),
        ({"confidence": 1.5}, "less than or equal to 1"),
        ({"inter1": 0}, "inter1"),
        ({"actor2": "", "inter2": 7}, "together"),
        ({"evidence": []}, "at least 1"),
        ({"evidence": [{"start": 9, "end": 3}]}, "before its start"),
        ({"sub_event_type": "Bombing"}, "Input should be"),
    ],
)
def test_invalid_events_are_refused(overrides: dict, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        Event.model_validate(event_data(**overrides))


def test_event_after_publication_is_refused() -> None:
    with pytest.raises(ValidationError, match="after the article's publication date"):
        Event.model_validate(event_data(event_date="2024-03-06"), context={"published_on": dt.date(2024, 3, 5)})
    ok = Event.model_validate(event_data(event_date="2024-03-05"), context={"published_on": dt.date(2024, 3, 5)})
    assert ok.event_date == dt.date(2024, 3, 5)


def test_acled_row_has_the_31_columns_in_order() -> None:
    row = Event.model_validate(event_data()).acled_row()
    assert tuple(row) == ACLED_COLUMNS
    assert row["event_id_cnty"] == "a1:0" and row["interaction"] == 27


def test_article_accepts_date_or_datetime_and_refuses_empty_text() -> None:
    a = Article(id="x", text="Protesters marched.", published_at="2024-03-05")
    b = Article(id="y", text="Protesters marched.", published_at="2024-03-05T17:30:00+00:00")
    assert a.published_on == b.published_on == dt.date(2024, 3, 5)
    with pytest.raises(ValidationError):
        Article(id="z", text="  ... ", published_at="2024-03-05")
    with pytest.raises(ValidationError):
        Article(id="z", text="words", published_at="next week")


def test_article_ids_are_stable_and_ignore_tracking_parameters() -> None:
    u1 = "https://Example.org/news/clash/?utm_source=feed&b=2&a=1#top"
    u2 = "https://example.org/news/clash?a=1&b=2"
    assert canonical_url(u1) == canonical_url(u2)
    assert article_id_for(u1, "one text") == article_id_for(u2, "another text")
    assert article_id_for(None, "Same text.\r\n") == article_id_for(None, "Same text.")
    assert article_id_for(None, "Same text.") != article_id_for(None, "Other text.")
