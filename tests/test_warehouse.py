"""The raw warehouse: schema derived from the records, idempotent and incremental writes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import duckdb
import pytest

from pipelines.warehouse import (
    ExtractionResult,
    articles_to_extract,
    connect,
    ensure_schema,
    table_counts,
    write_article_rejects,
    write_articles,
    write_extraction,
    write_extractions,
)
from schemas import Article, ArticleReject, Event, EventReject

MakeEvent = Callable[..., Event]


def article(article_id: str, day: int = 2, **fields: object) -> Article:
    data = {
        "id": article_id,
        "text": f"Report {article_id}: troops clashed near a village.",
        "published_at": dt.datetime(2024, 5, day, 9, 0),
        "source": "Test Wire",
    }
    data.update(fields)
    return Article.model_validate(data)


def columns(con: duckdb.DuckDBPyConnection, table: str) -> dict[str, str]:
    rows = con.execute(
        "SELECT column_name, data_type FROM information_schema.columns "
        "WHERE table_schema = 'raw' AND table_name = ? ORDER BY ordinal_position",
        [table],
    ).fetchall()
    return dict(rows)


def runs(con: duckdb.DuckDBPyConnection) -> list[tuple]:
    return con.execute(
        "SELECT article_id, coder, coder_version, status, n_events, n_rejects, error "
        "FROM raw.extraction_runs ORDER BY ALL"
    ).fetchall()


def test_raw_tables_have_a_column_for_every_model_field(warehouse_db: duckdb.DuckDBPyConnection) -> None:
    ensure_schema(warehouse_db)  # a second call changes nothing
    for table, model, extra in [
        ("articles", Article, ["ingested_at", "source_path"]),
        ("article_rejects", ArticleReject, ["reject_id", "ingested_at"]),
        ("events", Event, ["extracted_at"]),
        ("event_rejects", EventReject, ["extracted_at"]),
    ]:
        assert set(columns(warehouse_db, table)) == set(model.model_fields) | set(extra), table
    events = columns(warehouse_db, "events")
    assert events["event_date"] == "DATE"
    assert events["fatalities"] == "INTEGER"
    assert events["latitude"] == "DOUBLE"
    assert events["evidence"] == 'STRUCT("start" INTEGER, "end" INTEGER)[]'
    assert columns(warehouse_db, "articles")["published_at"] == "TIMESTAMP"
    assert list(columns(warehouse_db, "extraction_runs")) == [
        "article_id", "coder", "coder_version", "status", "n_events", "n_rejects", "error", "started_at",
        "finished_at",
    ]  # fmt: skip


def test_a_field_added_to_a_record_becomes_a_column_of_an_existing_table(tmp_path: Path) -> None:
    con = connect(tmp_path / "old.duckdb")
    con.execute("CREATE SCHEMA raw")
    con.execute("CREATE TABLE raw.event_rejects (article_id VARCHAR, coder VARCHAR, coder_version VARCHAR)")
    con.execute("INSERT INTO raw.event_rejects VALUES ('a1', 'rules', '0')")
    ensure_schema(con)
    assert set(columns(con, "event_rejects")) == set(EventReject.model_fields) | {"extracted_at"}
    assert con.execute("SELECT article_id, reason FROM raw.event_rejects").fetchall() == [("a1", None)]


def test_writing_articles_twice_stores_them_once(warehouse_db: duckdb.DuckDBPyConnection) -> None:
    first = write_articles(
        warehouse_db, [article("a1"), article("a2"), article("a1")], source_path="inbox/x.jsonl"
    )
    assert (first.inserted, first.already_present) == (2, 1)
    again = write_articles(warehouse_db, [article("a1", text="A later, different text."), article("a3")])
    assert (again.inserted, again.already_present) == (1, 1)
    rows = warehouse_db.execute("SELECT id, text, source_path FROM raw.articles ORDER BY id").fetchall()
    assert [r[0] for r in rows] == ["a1", "a2", "a3"]
    assert rows[0][1].startswith("Report a1"), "an id already present keeps its first version"
    assert rows[0][2] == "inbox/x.jsonl" and rows[2][2] is None


def test_aware_publication_times_are_stored_as_utc(warehouse_db: duckdb.DuckDBPyConnection) -> None:
    kyiv_morning = dt.datetime(2024, 5, 2, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=3)))
    write_articles(warehouse_db, [article("a1", published_at=kyiv_morning)])
    (stored,) = warehouse_db.execute("SELECT published_at FROM raw.articles").fetchone()
    assert stored == dt.datetime(2024, 5, 2, 6, 0)
    assert articles_to_extract(warehouse_db, "rules", "1")[0].published_at == dt.datetime(2024, 5, 2, 6, 0)


def test_values_with_quotes_travel_as_parameters(warehouse_db: duckdb.DuckDBPyConnection) -> None:
    text = "O'Neil said: \"it's over\"'); DROP TABLE raw.articles; --"
    write_articles(warehouse_db, [article("a'1", text=text, title="Don't")])
    write_article_rejects(warehouse_db, [ArticleReject(source="it's.jsonl", reason="bad 'date'")])
    assert articles_to_extract(warehouse_db, "rules", "1") == [article("a'1", text=text, title="Don't")]
    assert warehouse_db.execute("SELECT reason FROM raw.article_rejects").fetchone() == ("bad 'date'",)


def test_the_same_reject_is_stored_once(warehouse_db: duckdb.DuckDBPyConnection) -> None:
    line7 = ArticleReject(source="inbox/a.jsonl", locator="line 7", reason="no published_at", raw_excerpt="{")
    line8 = ArticleReject(source="inbox/a.jsonl", locator="line 8", reason="no published_at")
    assert write_article_rejects(warehouse_db, [line7, line8, line7]) == 2
    assert write_article_rejects(warehouse_db, [line7]) == 0
    ids = [r[0] for r in warehouse_db.execute("SELECT reject_id FROM raw.article_rejects").fetchall()]
    assert len(set(ids)) == 2


def test_only_articles_not_yet_extracted_by_this_coder_version_are_pending(
    warehouse_db: duckdb.DuckDBPyConnection, make_event: MakeEvent
) -> None:
    write_articles(warehouse_db, [article("a1", day=1), article("a2", day=2), article("a3", day=3)])
    assert [a.id for a in articles_to_extract(warehouse_db, "rules", "1")] == ["a1", "a2", "a3"]
    assert [a.id for a in articles_to_extract(warehouse_db, "rules", "1", limit=2)] == ["a1", "a2"]

    write_extraction(warehouse_db, "a1", "rules", "1", [make_event("a1")], [])
    write_extraction(warehouse_db, "a2", "rules", "1", [], [], error="TimeoutError: coder hung")
    assert [a.id for a in articles_to_extract(warehouse_db, "rules", "1")] == ["a2", "a3"], (
        "failures are retried"
    )
    assert [a.id for a in articles_to_extract(warehouse_db, "llm", "1")] == ["a1", "a2", "a3"]
    assert [a.id for a in articles_to_extract(warehouse_db, "rules", "2")] == ["a1", "a2", "a3"], (
        "version bump"
    )


def test_re_extraction_replaces_the_articles_events(
    warehouse_db: duckdb.DuckDBPyConnection, make_event: MakeEvent
) -> None:
    write_articles(warehouse_db, [article("a1"), article("a2")])
    reject = EventReject(article_id="a1", coder="rules", coder_version="1", reason="no actor")
    write_extraction(warehouse_db, "a1", "rules", "1", [make_event("a1", 0), make_event("a1", 1)], [reject])
    write_extraction(warehouse_db, "a2", "rules", "1", [make_event("a2", 0)], [])
    write_extraction(
        warehouse_db, "a1", "llm", "7", [make_event("a1", 0, coder="llm", coder_version="7")], []
    )

    write_extraction(warehouse_db, "a1", "rules", "1", [make_event("a1", 0, fatalities=3)], [])
    events = warehouse_db.execute(
        "SELECT event_id, coder, coder_version, fatalities FROM raw.events ORDER BY ALL"
    ).fetchall()
    assert events == [("a1:0", "llm", "7", 0), ("a1:0", "rules", "1", 3), ("a2:0", "rules", "1", 0)]
    assert table_counts(warehouse_db)["raw.event_rejects"] == 0

    bumped = make_event("a1", 0, coder_version="2", evidence=[{"start": 5, "end": 9}])
    write_extraction(warehouse_db, "a1", "rules", "2", [bumped], [])
    rules_a1 = warehouse_db.execute(
        "SELECT coder_version, evidence FROM raw.events WHERE article_id = 'a1' AND coder = 'rules'"
    ).fetchall()
    assert rules_a1 == [("2", [{"start": 5, "end": 9}])], "a version bump replaces the older version's events"
    assert [r[:4] for r in runs(warehouse_db)] == [
        ("a1", "llm", "7", "ok"), ("a1", "rules", "1", "ok"), ("a1", "rules", "2", "ok"), ("a2", "rules", "1", "ok"),
    ]  # fmt: skip


def test_a_failed_extraction_is_recorded_with_its_error(
    warehouse_db: duckdb.DuckDBPyConnection, make_event: MakeEvent
) -> None:
    write_articles(warehouse_db, [article("a1")])
    started = dt.datetime(2024, 5, 2, 10, 0, tzinfo=dt.UTC)
    write_extraction(
        warehouse_db, "a1", "rules", "1", [], [], error="ValueError: bad date", started_at=started
    )
    assert runs(warehouse_db) == [("a1", "rules", "1", "failed", 0, 0, "ValueError: bad date")]
    (started_at,) = warehouse_db.execute("SELECT started_at FROM raw.extraction_runs").fetchone()
    assert started_at == dt.datetime(2024, 5, 2, 10, 0)

    write_extraction(warehouse_db, "a1", "rules", "1", [make_event("a1")], [])
    assert runs(warehouse_db) == [("a1", "rules", "1", "ok", 1, 0, None)], "the retry replaces the failed row"


def test_records_that_do_not_belong_to_the_extraction_are_refused(
    warehouse_db: duckdb.DuckDBPyConnection, make_event: MakeEvent
) -> None:
    with pytest.raises(ValueError, match="carries events"):
        write_extraction(warehouse_db, "a1", "rules", "1", [make_event("a1")], [], error="boom")
    with pytest.raises(ValueError, match="passed for a1"):
        write_extraction(warehouse_db, "a1", "rules", "1", [make_event("a2")], [])
    assert table_counts(warehouse_db)["raw.extraction_runs"] == 0


def test_a_failing_write_leaves_the_previous_extraction_in_place(
    warehouse_db: duckdb.DuckDBPyConnection, make_event: MakeEvent
) -> None:
    write_extraction(warehouse_db, "a1", "rules", "1", [make_event("a1", 0)], [])
    duplicate_ids = [make_event("a1", 0), make_event("a1", 1, event_id="a1:0")]
    with pytest.raises(duckdb.ConstraintException):
        write_extraction(warehouse_db, "a1", "rules", "1", duplicate_ids, [])
    assert warehouse_db.execute("SELECT event_id FROM raw.events").fetchall() == [("a1:0",)]
    assert table_counts(warehouse_db)["raw.extraction_runs"] == 1


def test_a_batch_of_extractions_is_written_at_once(
    warehouse_db: duckdb.DuckDBPyConnection, make_event: MakeEvent
) -> None:
    articles = [article(f"a{i}") for i in range(300)]
    write_articles(warehouse_db, articles)
    results = [
        ExtractionResult(a.id, "rules", "1", [make_event(a.id, 0), make_event(a.id, 1)]) for a in articles
    ]
    results.append(ExtractionResult("a0", "rules", "1", [], [], error="later attempt failed"))
    assert write_extractions(warehouse_db, results) == 300
    assert table_counts(warehouse_db) == {
        "raw.articles": 300,
        "raw.article_rejects": 0,
        "raw.events": 598,
        "raw.event_rejects": 0,
        "raw.extraction_runs": 300,
    }
    assert ("a0", "rules", "1", "failed", 0, 0, "later attempt failed") in runs(warehouse_db), "last one wins"
    assert [a.id for a in articles_to_extract(warehouse_db, "rules", "1")] == ["a0"]
