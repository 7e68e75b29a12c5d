"""Sources: read news articles from files, directories, feeds and URLs.

Every input ends as an `Article` or an `ArticleReject` saying why not; one bad file, line or
entry never stops the others. `read_sources` is the entry point:

    for item in read_sources(["inbox/", "https://example.org/feed.xml", "links.urls"]):
        ...

Readable files: `.jsonl`, `.json` (the articles JSON contract), `.md`, `.txt` (one article with
front matter), `.html`/`.htm` (a page), `.xml`/`.rss`/`.atom` (feeds), `.urls` (one URL a line).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from pipelines.sources.files import read_file, walk_directory
from pipelines.sources.html import html_to_text
from pipelines.sources.records import reject
from pipelines.sources.web import SourceError, fetch, is_url, read_url
from schemas import Article, ArticleReject
from schemas.article import normalise_text

__all__ = ["SourceError", "SourceStats", "fetch", "html_to_text", "read_file", "read_sources"]


@dataclass
class SourceStats:
    """What one `read_sources` call produced. Duplicates are not errors: they are counted
    here, not rejected."""

    articles: int = 0
    rejects: int = 0
    duplicates: int = 0


def read_sources(paths: Iterable[str | Path], stats: SourceStats | None = None) -> Iterator[Article | ArticleReject]:
    """Articles and rejects from files, directories, feed files, URLs and `.urls` files, in the
    given order. An article already yielded in this call (same id, or same text under another
    URL) is yielded once and counted in `stats.duplicates`."""
    stats = stats if stats is not None else SourceStats()
    seen_ids: set[str] = set()
    seen_texts: set[str] = set()
    for item in _read_all(paths):
        if isinstance(item, ArticleReject):
            stats.rejects += 1
            yield item
            continue
        text_key = hashlib.sha256(normalise_text(item.text).encode("utf-8")).hexdigest()
        if item.id in seen_ids or text_key in seen_texts:
            stats.duplicates += 1
            continue
        seen_ids.add(item.id)
        seen_texts.add(text_key)
        stats.articles += 1
        yield item


def _read_all(paths: Iterable[str | Path]) -> Iterator[Article | ArticleReject]:
    for given in paths:
        if isinstance(given, str) and is_url(given):
            yield from read_url(given.strip())
            continue
        path = Path(given).expanduser()
        if path.is_dir():
            for entry in walk_directory(path):
                yield from (read_file(entry) if isinstance(entry, Path) else [entry])
        elif path.is_file():
            yield from read_file(path)
        elif path.exists():
            yield reject(str(path), "not a regular file or directory")
        else:
            yield reject(str(path), "no such file or directory")
