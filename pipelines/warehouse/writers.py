"""Idempotent writes to the raw tables: re-running any step replaces rows, never duplicates them.

Every write is one transaction and every value travels as a query parameter. Batches go in as
one `INSERT ... SELECT unnest(?), unnest(?), ...` with a Python list per column, which DuckDB
loads in one call (executemany costs a round trip per row: ~40x slower).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb

from pipelines.warehouse.schema import (
    ARTICLE_REJECTS,
    ARTICLES,
    EVENT_REJECTS,
    EVENTS,
    EXTRACTION_RUNS,
    RAW_TABLES,
    ExtractionRun,
    Table,
    quote,
)
from schemas import Article, ArticleReject, Event, EventReject


@dataclass(frozen=True)
class WriteStats:
    inserted: int
    already_present: int


def connect(path: str | Path, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """Open the warehouse file (creating its directory when writing)."""
    path = Path(path)
    if not read_only:
        path.parent.mkdir(parents=True, exist_ok=True)
    return duckdb.connect(str(path), read_only=read_only)


def write_articles(
    con: duckdb.DuckDBPyConnection, articles: Iterable[Article], source_path: str | None = None
) -> WriteStats:
    """Store articles whose id is not stored yet; an id already present (in the table or earlier in
    the batch) keeps its first version and counts as already present."""
    batch: dict[str, Article] = {}
    seen = 0
    for article in articles:
        batch.setdefault(article.id, article)
        seen += 1
    now = _utc_now()
    with _transaction(con):
        present = _stored_keys(con, ARTICLES, "id", list(batch))
        new = [
            {**a.model_dump(), "ingested_at": now, "source_path": source_path}
            for article_id, a in batch.items()
            if article_id not in present
        ]
        _insert(con, ARTICLES, new)
    return WriteStats(inserted=len(new), already_present=seen - len(new))


def write_article_rejects(con: duckdb.DuckDBPyConnection, rejects: Iterable[ArticleReject]) -> int:
    """Store rejects not stored yet (same source, locator and reason = same reject); returns how many were new."""
    batch = {reject_id_for(r): r for r in rejects}
    now = _utc_now()
    with _transaction(con):
        present = _stored_keys(con, ARTICLE_REJECTS, "reject_id", list(batch))
        new = [
            {"reject_id": rid, **r.model_dump(), "ingested_at": now}
            for rid, r in batch.items()
            if rid not in present
        ]
        _insert(con, ARTICLE_REJECTS, new)
    return len(new)


def reject_id_for(reject: ArticleReject) -> str:
    """Deterministic id: the same input rejected for the same reason is the same reject."""
    basis = "\x1f".join((reject.source, reject.locator, reject.reason))
    return "r_" + hashlib.sha256(basis.encode("utf-8")).hexdigest()[:20]


def articles_to_extract(
    con: duckdb.DuckDBPyConnection, coder: str, coder_version: str, limit: int | None = None
) -> list[Article]:
    """Articles this coder version has not extracted successfully yet, oldest first.

    A failed run does not count, so failures are retried; a new coder version has no runs, so
    bumping the version re-extracts everything."""
    fields = ", ".join(f"a.{quote(name)}" for name in Article.model_fields)
    sql = (
        f"SELECT {fields} FROM {ARTICLES.qualified} AS a WHERE NOT EXISTS ("
        f" SELECT 1 FROM {EXTRACTION_RUNS.qualified} AS r"
        "  WHERE r.article_id = a.id AND r.coder = ? AND r.coder_version = ? AND r.status = 'ok')"
        " ORDER BY a.published_at, a.id"
    )
    params: list[Any] = [coder, coder_version]
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    cursor = con.execute(sql, params)
    names = [d[0] for d in cursor.description]
    return [Article.model_validate(dict(zip(names, row, strict=True))) for row in cursor.fetchall()]


@dataclass(frozen=True)
class ExtractionResult:
    """What one coder version made of one article: its events and rejects, or the error it hit."""

    article_id: str
    coder: str
    coder_version: str
    events: Sequence[Event] = ()
    rejects: Sequence[EventReject] = ()
    error: str | None = None
    started_at: dt.datetime | None = None

    def check(self) -> None:
        if self.error is not None and self.events:
            raise ValueError(f"failed extraction of {self.article_id} carries events")
        for record in [*self.events, *self.rejects]:
            if (record.article_id, record.coder, record.coder_version) != (
                self.article_id,
                self.coder,
                self.coder_version,
            ):
                raise ValueError(
                    f"record of {record.article_id}/{record.coder} {record.coder_version} "
                    f"passed for {self.article_id}/{self.coder} {self.coder_version}"
                )


def write_extraction(
    con: duckdb.DuckDBPyConnection,
    article_id: str,
    coder: str,
    coder_version: str,
    events: list[Event],
    rejects: list[EventReject],
    error: str | None = None,
    *,
    started_at: dt.datetime | None = None,
) -> None:
    """Replace what this coder knows about one article, in one transaction (see `write_extractions`).

    With `error` the run is recorded as failed; a failed run carries no events."""
    write_extractions(
        con, [ExtractionResult(article_id, coder, coder_version, events, rejects, error, started_at)]
    )


def write_extractions(con: duckdb.DuckDBPyConnection, results: Iterable[ExtractionResult]) -> int:
    """Replace what each coder knows about each article, all in one transaction; returns the runs written.

    For each result: delete the article's events and event rejects from this coder (every
    version, so a version bump replaces them) and the run row of this version, then insert the
    new ones. A batch costs about as much as one article, so callers should batch (a transaction
    per article costs ~10 ms). Two results for the same article and coder: the last one wins."""
    latest: dict[tuple[str, str], ExtractionResult] = {}
    for result in results:
        result.check()
        latest.pop((result.article_id, result.coder), None)
        latest[(result.article_id, result.coder)] = result
    if not latest:
        return 0
    finished_at = _utc_now()
    runs = [
        ExtractionRun(
            article_id=r.article_id,
            coder=r.coder,
            coder_version=r.coder_version,
            status="failed" if r.error is not None else "ok",
            n_events=len(r.events),
            n_rejects=len(r.rejects),
            error=r.error,
            started_at=r.started_at or finished_at,
            finished_at=finished_at,
        ).model_dump()
        for r in latest.values()
    ]
    keys = {
        "article_id": [r.article_id for r in latest.values()],
        "coder": [r.coder for r in latest.values()],
        "coder_version": [r.coder_version for r in latest.values()],
    }
    with _transaction(con):
        _delete_matching(con, EVENTS, keys, ("article_id", "coder"))
        _delete_matching(con, EVENT_REJECTS, keys, ("article_id", "coder"))
        _delete_matching(con, EXTRACTION_RUNS, keys, ("article_id", "coder", "coder_version"))
        _insert(
            con,
            EVENTS,
            [{**e.model_dump(), "extracted_at": finished_at} for r in latest.values() for e in r.events],
        )
        _insert(
            con,
            EVENT_REJECTS,
            [{**x.model_dump(), "extracted_at": finished_at} for r in latest.values() for x in r.rejects],
        )
        _insert(con, EXTRACTION_RUNS, runs)
    return len(runs)


def table_counts(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """Row count of each raw table, keyed by qualified name (`raw.articles`, ...)."""
    counts = {}
    for table in RAW_TABLES:
        row = con.execute(f"SELECT count(*) FROM {table.qualified}").fetchone()
        counts[table.qualified] = row[0] if row else 0
    return counts


def _stored_keys(con: duckdb.DuckDBPyConnection, table: Table, column: str, keys: list[str]) -> set[str]:
    """Which of `keys` the table already holds in `column` (one query for the whole batch)."""
    rows = con.execute(
        f'SELECT "{column}" FROM {table.qualified} WHERE "{column}" IN (SELECT unnest(?::VARCHAR[]))', [keys]
    ).fetchall()
    return {row[0] for row in rows}


def _insert(con: duckdb.DuckDBPyConnection, table: Table, rows: Sequence[Mapping[str, Any]]) -> None:
    """Insert rows (dicts keyed by column name) in one statement, one list parameter per column."""
    if not rows:
        return
    selects = ", ".join(f"unnest(?::{c.type}[])" for c in table.columns)
    names = ", ".join(quote(c.name) for c in table.columns)
    values = [[_utc_naive(row[c.name]) for row in rows] for c in table.columns]
    con.execute(f"INSERT INTO {table.qualified} ({names}) SELECT {selects}", values)


def _delete_matching(
    con: duckdb.DuckDBPyConnection, table: Table, keys: Mapping[str, list[str]], on: tuple[str, ...]
) -> None:
    """Delete the rows of `table` whose `on` columns equal one of the key tuples (given column-wise)."""
    selects = ", ".join(f"unnest(?::VARCHAR[]) AS {quote(c)}" for c in on)
    match = " AND ".join(f"t.{quote(c)} = k.{quote(c)}" for c in on)
    con.execute(
        f"DELETE FROM {table.qualified} AS t USING (SELECT {selects}) AS k WHERE {match}",
        [keys[c] for c in on],
    )


@contextmanager
def _transaction(con: duckdb.DuckDBPyConnection) -> Iterator[None]:
    con.begin()
    try:
        yield
    except BaseException:
        con.rollback()
        raise
    con.commit()


def _utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def _utc_naive(value: Any) -> Any:
    """Timestamps are stored as naive UTC, so the warehouse never depends on a session time zone."""
    if isinstance(value, dt.datetime) and value.tzinfo is not None:
        return value.astimezone(dt.UTC).replace(tzinfo=None)
    return value
