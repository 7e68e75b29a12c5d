"""The raw warehouse tables, derived from the Pydantic record models.

The models in `schemas/` are the one source of the schema: each table's columns are the model's
fields mapped to DuckDB types here, plus the few bookkeeping columns the warehouse adds
(ingestion time, source path, reject id, extraction time).
"""

from __future__ import annotations

import datetime as dt
import enum
import types
import typing
from dataclasses import dataclass
from typing import Literal

import duckdb
from pydantic import BaseModel, Field

from schemas import Article, ArticleReject, Event, EventReject

RAW_SCHEMA = "raw"


class ExtractionRun(BaseModel):
    """One attempt of one coder version on one article: the account of every extraction."""

    article_id: str
    coder: str
    coder_version: str
    status: Literal["ok", "failed"]
    n_events: int = Field(ge=0)
    n_rejects: int = Field(ge=0)
    error: str | None = None
    started_at: dt.datetime
    finished_at: dt.datetime


@dataclass(frozen=True)
class Column:
    name: str
    type: str
    not_null: bool

    def ddl(self) -> str:
        return f"{quote(self.name)} {self.type}" + (" NOT NULL" if self.not_null else "")


@dataclass(frozen=True)
class Table:
    name: str
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...] = ()

    @property
    def qualified(self) -> str:
        return f"{RAW_SCHEMA}.{self.name}"

    @property
    def column_names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)

    def ddl(self) -> str:
        parts = [c.ddl() for c in self.columns]
        if self.primary_key:
            parts.append(f"PRIMARY KEY ({', '.join(quote(k) for k in self.primary_key)})")
        return f"CREATE TABLE IF NOT EXISTS {self.qualified} (\n  " + ",\n  ".join(parts) + "\n)"


def quote(identifier: str) -> str:
    """Quote an identifier: some field names (`end`, `timestamp`) are SQL keywords."""
    return '"' + identifier.replace('"', '""') + '"'


_SCALAR_TYPES: dict[type, str] = {
    bool: "BOOLEAN",
    int: "INTEGER",
    float: "DOUBLE",
    str: "VARCHAR",
    dt.datetime: "TIMESTAMP",  # naive UTC: the writers convert aware datetimes
    dt.date: "DATE",
}


def duckdb_type(annotation: object) -> tuple[str, bool]:
    """The DuckDB type of a Pydantic field annotation, and whether the column may hold NULL."""
    args = typing.get_args(annotation)
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        inner = [a for a in args if a is not type(None)]
        if len(inner) != 1:
            raise TypeError(f"no DuckDB type for the union {annotation!r}")
        return duckdb_type(inner[0])[0], True
    if typing.get_origin(annotation) is Literal:
        return duckdb_type(type(args[0]))[0], False
    if typing.get_origin(annotation) is list:
        return duckdb_type(args[0])[0] + "[]", False
    if isinstance(annotation, type):
        if issubclass(annotation, BaseModel):
            fields = ", ".join(
                f"{quote(n)} {duckdb_type(f.annotation)[0]}" for n, f in annotation.model_fields.items()
            )
            return f"STRUCT({fields})", False
        if issubclass(annotation, enum.Enum):
            base = int if issubclass(annotation, int) else str
            return _SCALAR_TYPES[base], False
        for python_type, sql_type in _SCALAR_TYPES.items():
            if issubclass(annotation, python_type):  # datetime is checked before its base, date
                return sql_type, False
    raise TypeError(f"no DuckDB type for {annotation!r}")


def columns_of(model: type[BaseModel]) -> tuple[Column, ...]:
    """One column per model field, in the model's field order."""
    columns = []
    for name, field in model.model_fields.items():
        sql_type, nullable = duckdb_type(field.annotation)
        columns.append(Column(name, sql_type, not nullable))
    return tuple(columns)


ARTICLES = Table(
    "articles",
    columns_of(Article) + (Column("ingested_at", "TIMESTAMP", True), Column("source_path", "VARCHAR", False)),
    primary_key=("id",),
)
ARTICLE_REJECTS = Table(
    "article_rejects",
    (Column("reject_id", "VARCHAR", True),)
    + columns_of(ArticleReject)
    + (Column("ingested_at", "TIMESTAMP", True),),
    primary_key=("reject_id",),
)
EVENTS = Table(
    "events",
    columns_of(Event) + (Column("extracted_at", "TIMESTAMP", True),),
    primary_key=("coder", "event_id"),
)
EVENT_REJECTS = Table("event_rejects", columns_of(EventReject) + (Column("extracted_at", "TIMESTAMP", True),))
EXTRACTION_RUNS = Table(
    "extraction_runs", columns_of(ExtractionRun), primary_key=("article_id", "coder", "coder_version")
)

RAW_TABLES: tuple[Table, ...] = (ARTICLES, ARTICLE_REJECTS, EVENTS, EVENT_REJECTS, EXTRACTION_RUNS)


def ensure_schema(con: duckdb.DuckDBPyConnection) -> None:
    """Create the `raw` schema and its tables when missing (safe to call on every run).

    A table created before a model gained a field gets the new column (nullable, since the
    rows already there have no value for it), so adding a field to a record needs no migration."""
    con.execute(f"CREATE SCHEMA IF NOT EXISTS {RAW_SCHEMA}")
    for table in RAW_TABLES:
        con.execute(table.ddl())
        present = {
            row[0]
            for row in con.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_schema = ? AND table_name = ?",
                [RAW_SCHEMA, table.name],
            ).fetchall()
        }
        for column in table.columns:
            if column.name not in present:
                con.execute(f"ALTER TABLE {table.qualified} ADD COLUMN {quote(column.name)} {column.type}")
