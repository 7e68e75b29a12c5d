"""The DuckDB warehouse: raw tables derived from `schemas/`, idempotent writers, and the dbt build."""

from pipelines.warehouse.schema import RAW_SCHEMA, RAW_TABLES, ExtractionRun, ensure_schema
from pipelines.warehouse.writers import (
    ExtractionResult,
    WriteStats,
    articles_to_extract,
    connect,
    table_counts,
    write_article_rejects,
    write_articles,
    write_extraction,
    write_extractions,
)

__all__ = [
    "RAW_SCHEMA",
    "RAW_TABLES",
    "ExtractionResult",
    "ExtractionRun",
    "WriteStats",
    "articles_to_extract",
    "connect",
    "ensure_schema",
    "table_counts",
    "write_article_rejects",
    "write_articles",
    "write_extraction",
    "write_extractions",
]
