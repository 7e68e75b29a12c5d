"""RSS and Atom feeds: one article per entry.

Text comes from the entry's content (else its summary), reduced from HTML to text; the URL
from the entry's link; the date from `published` (else `updated`), keeping the feed's own UTC
offset so that the local publication day, which anchors "yesterday" in the text, is not
shifted by a conversion to UTC. An entry without text or without a date is rejected with its
index ("entry 3", counting from 0); the other entries are still read.
feedparser is only ever given bytes, so it never fetches anything itself.
"""

from __future__ import annotations

import calendar
import datetime as dt
import email.utils
from collections.abc import Iterator
from typing import Any

from pipelines.sources.html import fragment_to_text
from pipelines.sources.records import article_or_reject, primary_language, reject
from schemas import Article, ArticleReject


def read_feed(content: bytes, source: str) -> Iterator[Article | ArticleReject]:
    import feedparser

    parsed = feedparser.parse(content)
    if not parsed.entries:
        problem = parsed.get("bozo_exception")
        reason = f"not a readable RSS/Atom feed: {problem}" if problem else "feed has no entries"
        yield reject(source, reason, "", content)
        return
    feed_title = parsed.feed.get("title") or None
    feed_language = parsed.feed.get("language") or None
    for index, entry in enumerate(parsed.entries):
        yield _entry_article(entry, source, f"entry {index}", feed_title, feed_language)


def _entry_article(entry: Any, source: str, locator: str, feed_title: str | None,
                   feed_language: str | None) -> Article | ArticleReject:
    raw = entry.get("title", "") + "\n" + entry.get("link", "")
    contents = [c.get("value", "") for c in entry.get("content", [])]
    text = next((t for t in map(fragment_to_text, [*contents, entry.get("summary", "")]) if t), "")
    if not text:
        return reject(source, "entry has no text (no content or summary)", locator, raw)
    published_at = _entry_date(entry)
    if published_at is None:
        written = entry.get("published") or entry.get("updated")
        reason = (f"entry date {written!r} could not be parsed" if written
                  else "entry has no publication date (no published or updated)")
        return reject(source, reason, locator, raw)
    fields = {
        "text": text,
        "published_at": published_at,
        "title": fragment_to_text(entry.get("title", "")) or None,
        "url": entry.get("link") or None,
        "source": feed_title,
        "language": primary_language(entry.get("language") or feed_language),
    }
    return article_or_reject(fields, source, locator, raw)


def _entry_date(entry: Any) -> dt.datetime | None:
    """The entry's date as written (RFC 822 in RSS, ISO 8601 in Atom), else feedparser's
    UTC reading of the many other formats it knows."""
    for key in ("published", "updated"):
        written = (entry.get(key) or "").strip()
        if not written:
            continue
        for parse in (email.utils.parsedate_to_datetime, dt.datetime.fromisoformat):
            try:
                return parse(written)
            except (TypeError, ValueError, IndexError):
                continue
        parsed = entry.get(f"{key}_parsed")
        if parsed is not None:
            return dt.datetime.fromtimestamp(calendar.timegm(parsed), tz=dt.UTC)
    return None
