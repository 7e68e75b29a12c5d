"""The record contract: Pydantic models and ACLED's taxonomy. No Dagster, no DuckDB."""

from schemas.article import Article, article_id_for, canonical_url
from schemas.event import Event, Span
from schemas.reject import ArticleReject, EventReject
from schemas.taxonomy import (
    ACLED_COLUMNS,
    DISORDER_TYPE_OF,
    EVENT_TYPE_OF,
    DisorderType,
    EventType,
    Inter,
    SubEventType,
    interaction_code,
)

__all__ = [
    "ACLED_COLUMNS",
    "DISORDER_TYPE_OF",
    "EVENT_TYPE_OF",
    "Article",
    "ArticleReject",
    "DisorderType",
    "Event",
    "EventReject",
    "EventType",
    "Inter",
    "Span",
    "SubEventType",
    "article_id_for",
    "canonical_url",
    "interaction_code",
]
