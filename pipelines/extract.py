"""Extract step: code every article not yet extracted by the current coder version.

Shared by the CLI and the Dagster extract asset. Each article is independent: a coder failure
is stored as a failed extraction run with its reason and the step goes on.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import duckdb

from schemas import Event


@dataclass
class ExtractStats:
    coder: str
    coder_version: str
    articles: int = 0
    events: int = 0
    event_rejects: int = 0
    failed: int = 0
    new_events: list[Event] = field(default_factory=list)


def extract_pending(
    con: duckdb.DuckDBPyConnection,
    coder_name: str = "rules",
    on_article: Callable[[], None] | None = None,
    keep_events: int = 20,
    batch_size: int = 200,
) -> ExtractStats:
    """Run the coder on the articles the warehouse says are pending and store the results,
    a batch of articles per transaction (a transaction per article would cost more than coding it)."""
    from pipelines.extraction.coder import get_coder
    from pipelines.warehouse import ExtractionResult, articles_to_extract, write_extractions

    coder = get_coder(coder_name)
    stats = ExtractStats(coder=coder.name, coder_version=coder.version)
    batch: list[ExtractionResult] = []
    for article in articles_to_extract(con, coder.name, coder.version):
        stats.articles += 1
        try:
            events, rejects = coder.code_with_rejects(article)
            error = None
        except Exception as exc:  # the coder must not stop the run; the failure is recorded
            events, rejects, error = [], [], f"{type(exc).__name__}: {exc}"
            stats.failed += 1
        batch.append(ExtractionResult(article.id, coder.name, coder.version, events, rejects, error))
        if len(batch) >= batch_size:
            write_extractions(con, batch)
            batch.clear()
        stats.events += len(events)
        stats.event_rejects += len(rejects)
        if len(stats.new_events) < keep_events:
            stats.new_events.extend(events[: keep_events - len(stats.new_events)])
        if on_article:
            on_article()
    write_extractions(con, batch)
    return stats
