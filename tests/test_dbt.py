"""The dbt project: a real `dbt build` on a small warehouse, and YAML that cannot drift from the taxonomy."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import duckdb
import pytest
import yaml

from pipelines.warehouse import connect, ensure_schema, write_articles, write_extraction
from pipelines.warehouse.dbt import DbtBuildError, dbt_project_dir, run_dbt_build
from schemas import ACLED_COLUMNS, Article, DisorderType, Event, EventType, Inter, SubEventType

RUSSIA = "Military Forces of Russia (2000-)"
UKRAINE = "Military Forces of Ukraine (2019-)"
CIVILIANS = "Civilians (Ukraine)"


def yaml_tests(column: str) -> list[list[Any]]:
    """The accepted_values lists given to `column` anywhere in the project's YAML."""
    found = []
    for path in dbt_project_dir().joinpath("models").rglob("*.yml"):
        doc = yaml.safe_load(path.read_text())
        tables = [t for source in doc.get("sources", []) for t in source.get("tables", [])]
        for node in tables + doc.get("models", []):
            for col in node.get("columns", []):
                for test in col.get("data_tests", []) if col["name"] == column else []:
                    if isinstance(test, dict) and "accepted_values" in test:
                        found.append(test["accepted_values"]["arguments"]["values"])
    return found


@pytest.mark.parametrize(
    ("column", "expected"),
    [
        ("event_type", [e.value for e in EventType]),
        ("sub_event_type", [s.value for s in SubEventType]),
        ("disorder_type", [d.value for d in DisorderType]),
        ("inter1", [int(i) for i in Inter if i != Inter.NONE]),
        ("inter2", [int(i) for i in Inter]),
    ],
)
def test_yaml_accepted_values_equal_the_taxonomy(column: str, expected: list[Any]) -> None:
    lists = yaml_tests(column)
    assert len(lists) >= 2, f"{column} is tested on the source and on fct_events"
    for values in lists:
        assert values == expected


def test_acled_export_column_test_lists_acled_columns_in_order() -> None:
    doc = yaml.safe_load((dbt_project_dir() / "models" / "marts" / "_marts.yml").read_text())
    (export,) = [m for m in doc["models"] if m["name"] == "acled_export"]
    (test,) = [t["columns_in_order"] for t in export["data_tests"] if "columns_in_order" in t]
    assert tuple(test["arguments"]["column_names"]) == ACLED_COLUMNS
    assert tuple(c["name"] for c in export["columns"]) == ACLED_COLUMNS


@pytest.fixture(scope="module")
def built_warehouse(tmp_path_factory: pytest.TempPathFactory, make_event: Callable[..., Event]) -> Path:
    """A warehouse with four articles: two report one clash, one was re-coded by a second coder,
    one failed extraction. Built with `dbt build` (models, data tests and unit tests)."""
    tmp = tmp_path_factory.mktemp("dbt")
    path = tmp / "warehouse.duckdb"

    def day(d: int) -> dt.datetime:
        return dt.datetime(2024, 5, d, 8, 0)

    with connect(path) as con:
        ensure_schema(con)
        write_articles(
            con,
            [
                Article(id="a1", text="First wire story.", published_at=day(7), source="Wire B"),
                Article(id="a2", text="Second wire story.", published_at=day(3), source="Wire A"),
                Article(id="a3", text="Third story.", published_at=day(11), source="Wire A"),
                Article(id="a4", text="Unreadable story.", published_at=day(11)),
            ],
        )
        clash = {"event_date": dt.date(2024, 5, 2), "location": "Siversk", "admin1": "Donetsk"}
        strike = make_event(
            "a1", 1, event_type="Explosions/Remote violence", sub_event_type="Shelling/artillery/missile attack",
            actor2=CIVILIANS, inter2=7, event_date=dt.date(2024, 5, 6), admin1="Kharkiv", admin2="Kharkivskyi",
            location="Kharkiv", latitude=49.99, longitude=36.23, fatalities=2, confidence=0.7,
        )  # fmt: skip
        write_extraction(
            con, "a1", "rules", "1",
            [make_event("a1", 0, **clash, confidence=0.6, fatalities=5, notes="low confidence"), strike], [],
        )  # fmt: skip
        swapped = {"actor1": UKRAINE, "inter1": 1, "actor2": RUSSIA, "inter2": 8}
        write_extraction(
            con, "a2", "rules", "1",
            [make_event("a2", 0, **clash, **swapped, confidence=0.9, fatalities=3, notes="high confidence")], [],
        )  # fmt: skip
        protest = {
            "event_type": "Protests", "sub_event_type": "Peaceful protest", "actor1": "Protesters (Ukraine)",
            "inter1": 6, "actor2": "", "inter2": 0, "event_date": dt.date(2024, 5, 10), "admin1": "Lviv",
            "admin2": "Lvivskyi", "location": "Lviv", "latitude": 49.84, "longitude": 24.03,
        }  # fmt: skip
        write_extraction(con, "a3", "rules", "1", [make_event("a3", 0, **protest)], [])
        write_extraction(
            con, "a3", "llm", "0.3",
            [make_event("a3", 0, **protest, coder="llm", coder_version="0.3", notes="llm coding")], [],
        )  # fmt: skip
        write_extraction(con, "a4", "rules", "1", [], [], error="RuntimeError: coder crashed")

    run_dbt_build(path, artifacts_dir=tmp / "dbt-artifacts")
    return path


def query(warehouse: Path, sql: str, params: list[Any] | None = None) -> list[tuple]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return con.execute(sql, params or []).fetchall()


@pytest.mark.slow
def test_two_articles_reporting_one_clash_become_one_event(built_warehouse: Path) -> None:
    rows = query(
        built_warehouse,
        "SELECT location, n_articles, article_ids, fatalities, sources, notes, representative_event_id "
        "FROM marts.fct_events ORDER BY event_date",
    )
    assert rows == [
        ("Siversk", 2, ["a1", "a2"], 3, "Wire A; Wire B", "high confidence", "a2:0"),
        ("Kharkiv", 1, ["a1"], 2, "Wire B", "", "a1:1"),
        ("Lviv", 1, ["a3"], 0, "Wire A", "llm coding", "a3:0"),
    ]


@pytest.mark.slow
def test_event_ids_derive_from_the_fusion_key_so_rebuilds_keep_them(built_warehouse: Path) -> None:
    key = "|".join(["2024-05-02", "Ukraine", "Donetsk", "Siversk", "Armed clash", RUSSIA, UKRAINE])
    expected = "ev_" + hashlib.md5(key.encode()).hexdigest()[:20]
    assert query(built_warehouse, "SELECT event_id FROM marts.fct_events WHERE location = 'Siversk'") == [
        (expected,)
    ]


@pytest.mark.slow
def test_only_the_latest_coding_of_an_article_counts(built_warehouse: Path) -> None:
    assert query(
        built_warehouse, "SELECT coder, count(*) FROM staging.stg_events GROUP BY ALL ORDER BY ALL"
    ) == [
        ("llm", 1),
        ("rules", 3),
    ]
    assert query(built_warehouse, "SELECT coder FROM marts.fct_events WHERE location = 'Lviv'") == [("llm",)]


@pytest.mark.slow
def test_acled_export_has_acleds_columns_in_order(built_warehouse: Path) -> None:
    with duckdb.connect(str(built_warehouse), read_only=True) as con:
        cursor = con.execute("SELECT * FROM marts.acled_export ORDER BY event_date")
        assert tuple(d[0] for d in cursor.description) == ACLED_COLUMNS
        rows = [dict(zip(ACLED_COLUMNS, row, strict=True)) for row in cursor.fetchall()]
    clash, strike, _ = rows
    assert clash["source"] == "Wire A; Wire B"
    assert clash["actor1"] == UKRAINE and clash["interaction"] == 18
    assert strike["civilian_targeting"] == "Civilian targeting"
    assert strike["event_id_cnty"].startswith("ev_")
    extracted = dt.datetime.fromtimestamp(strike["timestamp"], dt.UTC)
    assert abs(dt.datetime.now(dt.UTC) - extracted) < dt.timedelta(hours=1)


@pytest.mark.slow
def test_dimensions_list_actors_and_places(built_warehouse: Path) -> None:
    actors = query(
        built_warehouse,
        "SELECT actor, inter, inter_codes, events, first_seen, last_seen FROM marts.dim_actors",
    )
    by_name = {a[0]: a[1:] for a in actors}
    assert by_name[RUSSIA] == (8, [8], 2, dt.date(2024, 5, 2), dt.date(2024, 5, 6))
    assert by_name[CIVILIANS][:3] == (7, [7], 1)
    assert set(by_name) == {RUSSIA, UKRAINE, CIVILIANS, "Protesters (Ukraine)"}
    places = query(
        built_warehouse, "SELECT location, admin1, events, fatalities FROM marts.dim_locations ORDER BY 1"
    )
    assert places == [("Kharkiv", "Kharkiv", 1, 2), ("Lviv", "Lviv", 1, 0), ("Siversk", "Donetsk", 1, 3)]


@pytest.mark.slow
def test_aggregates_count_events_per_period(built_warehouse: Path) -> None:
    weekly = query(
        built_warehouse,
        "SELECT period_start, admin1, event_type, events, fatalities, civilian_targeting_events "
        "FROM marts.agg_events_weekly ORDER BY ALL",
    )
    assert weekly == [
        (dt.date(2024, 4, 29), "Donetsk", "Battles", 1, 3, 0),
        (dt.date(2024, 5, 6), "Kharkiv", "Explosions/Remote violence", 1, 2, 1),
        (dt.date(2024, 5, 6), "Lviv", "Protests", 1, 0, 0),
    ]
    monthly = query(
        built_warehouse, "SELECT period_start, sum(events) FROM marts.agg_events_monthly GROUP BY 1"
    )
    assert monthly == [(dt.date(2024, 5, 1), 3)]


@pytest.mark.slow
def test_a_failed_build_raises_with_dbts_own_words(tmp_path: Path) -> None:
    empty = tmp_path / "empty.duckdb"
    duckdb.connect(str(empty)).close()
    with pytest.raises(DbtBuildError) as failure:
        run_dbt_build(empty, artifacts_dir=tmp_path / "dbt-artifacts")
    message = str(failure.value)
    assert "Completed with" in message and 'schema "raw" does not exist' in message
    assert "Done. PASS=0" in message


def test_building_a_missing_warehouse_is_refused_before_dbt_creates_one(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="no warehouse"):
        run_dbt_build(tmp_path / "typo.duckdb")
    assert not (tmp_path / "typo.duckdb").exists()


@pytest.mark.slow
def test_every_model_and_column_is_described(built_warehouse: Path) -> None:
    for schema in ("staging", "intermediate", "marts"):  # each folder builds into the schema of its name
        for path in (dbt_project_dir() / "models" / schema).glob("*.yml"):
            for model in yaml.safe_load(path.read_text()).get("models", []):
                assert model.get("description"), model["name"]
                documented = [c["name"] for c in model["columns"] if c.get("description")]
                actual = [
                    r[0]
                    for r in query(
                        built_warehouse,
                        "SELECT column_name FROM information_schema.columns "
                        "WHERE table_schema = ? AND table_name = ? ORDER BY ordinal_position",
                        [schema, model["name"]],
                    )
                ]
                assert documented == actual, model["name"]
