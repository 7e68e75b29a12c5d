"""Shared fixtures. Warehouse: a fresh DuckDB file with the raw schema, and an Event factory."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import duckdb
import pytest

from schemas import Event


@pytest.fixture
def warehouse_db(tmp_path: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """A connection to an empty warehouse file with the raw tables created."""
    from pipelines.warehouse import connect, ensure_schema

    con = connect(tmp_path / "warehouse.duckdb")
    ensure_schema(con)
    yield con
    con.close()


def build_event(article_id: str, index: int = 0, **fields: Any) -> Event:
    """A valid clash between two state forces; pass fields to change any of it."""
    data: dict[str, Any] = {
        "event_id": f"{article_id}:{index}",
        "article_id": article_id,
        "event_index": index,
        "evidence": [{"start": 0, "end": 40}],
        "confidence": 0.8,
        "coder": "rules",
        "coder_version": "1",
        "event_date": dt.date(2024, 5, 2),
        "time_precision": 1,
        "event_type": "Battles",
        "sub_event_type": "Armed clash",
        "actor1": "Military Forces of Russia (2000-)",
        "inter1": 8,
        "actor2": "Military Forces of Ukraine (2019-)",
        "inter2": 1,
        "iso": 804,
        "region": "Europe",
        "country": "Ukraine",
        "admin1": "Donetsk",
        "admin2": "Bakhmutskyi",
        "location": "Siversk",
        "latitude": 48.87,
        "longitude": 38.1,
        "geo_precision": 1,
        "fatalities": 0,
    }
    data.update(fields)
    return Event.model_validate(data)


@pytest.fixture(scope="session")
def make_event() -> Callable[..., Event]:
    """`make_event(article_id, index=0, **fields)`: see build_event."""
    return build_event
