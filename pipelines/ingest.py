"""Ingest step: read sources into `raw.articles` / `raw.article_rejects`, counting every input.

Shared by the CLI (`conflict-events ingest`) and the Dagster ingest asset so both behave the same.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from schemas import Article, ArticleReject


@dataclass
class IngestStats:
    read: int = 0
    inserted: int = 0
    already_present: int = 0
    duplicates_in_input: int = 0
    rejected: int = 0
    reject_reasons: list[str] = field(default_factory=list)

    @property
    def accounted_for(self) -> bool:
        """Every input is a new article, an already stored one, a repeat within this input, or a reject."""
        return self.read == self.inserted + self.already_present + self.duplicates_in_input + self.rejected


def ingest_paths(con: duckdb.DuckDBPyConnection, paths: Iterable[str | Path], batch_size: int = 500) -> IngestStats:
    """Read every path (file, directory, feed, URL) and store what it yields, in batches."""
    from pipelines.sources import SourceStats, read_sources
    from pipelines.warehouse import write_article_rejects, write_articles

    stats = IngestStats()
    articles: list[Article] = []
    rejects: list[ArticleReject] = []

    def flush() -> None:
        if articles:
            written = write_articles(con, articles)
            stats.inserted += written.inserted
            stats.already_present += written.already_present
            articles.clear()
        if rejects:
            write_article_rejects(con, rejects)
            rejects.clear()

    source_stats = SourceStats()
    for item in read_sources(paths, source_stats):
        stats.read += 1
        if isinstance(item, ArticleReject):
            stats.rejected += 1
            stats.reject_reasons.append(f"{item.source} {item.locator}: {item.reason}".replace("  ", " "))
            rejects.append(item)
        else:
            articles.append(item)
        if len(articles) + len(rejects) >= batch_size:
            flush()
    flush()
    stats.duplicates_in_input = source_stats.duplicates
    stats.read += source_stats.duplicates
    return stats
