"""Reading articles over HTTP: single page or feed URLs, and `.urls` files listing them.

`fetch` is the only function here that touches the network. It sends a clear user agent,
gives up after `timeout` seconds in total (not per read) and refuses bodies larger than
`max_bytes`; every failure is a `SourceError` whose message becomes the reject reason.
Whether a URL is a feed or a page is decided by its content, not its address.
"""

from __future__ import annotations

import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

from pipelines.sources.feeds import read_feed
from pipelines.sources.html import article_from_html
from pipelines.sources.records import guarded, reject
from schemas import Article, ArticleReject

USER_AGENT = "conflict-events/0.1 (news-to-event research pipeline; +https://github.com/conflict-events)"
_CHUNK = 64 * 1024
_FEED_MARKERS = (b"<rss", b"<feed", b"<rdf:rdf")


class SourceError(Exception):
    """An input could not be read (network failure, oversized body, unsupported URL)."""


def is_url(value: str) -> bool:
    return urlsplit(value.strip()).scheme.lower() in ("http", "https")


def fetch(url: str, timeout: float = 10.0, max_bytes: int = 5_000_000) -> bytes:
    """The body of `url` (http/https only). Raises SourceError on any failure."""
    if not is_url(url):
        raise SourceError(f"not an http(s) URL: {url!r}")
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "*/*"})
    deadline = time.monotonic() + timeout
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            declared = response.headers.get("Content-Length")
            if declared and declared.isdigit() and int(declared) > max_bytes:
                raise SourceError(f"response too large: {int(declared)} bytes (limit {max_bytes})")
            body = bytearray()
            while chunk := response.read(_CHUNK):
                body.extend(chunk)
                if len(body) > max_bytes:
                    raise SourceError(f"response too large: over {max_bytes} bytes")
                if time.monotonic() > deadline:
                    raise SourceError(f"timed out after {timeout:g} s")
            return bytes(body)
    except urllib.error.HTTPError as err:
        raise SourceError(f"HTTP {err.code} {err.reason}") from err
    except urllib.error.URLError as err:
        raise SourceError(f"cannot reach {urlsplit(url).netloc}: {err.reason}") from err
    except TimeoutError as err:
        raise SourceError(f"timed out after {timeout:g} s") from err
    except OSError as err:  # connection reset, TLS failure, ...
        raise SourceError(f"network error: {err}") from err


def looks_like_feed(content: bytes) -> bool:
    head = content[:2048].lower()
    return any(marker in head for marker in _FEED_MARKERS) and b"<html" not in head


def read_url(url: str, locator: str = "") -> Iterator[Article | ArticleReject]:
    """Articles from a feed URL (one per entry) or a page URL (one)."""
    yield from guarded(url, _read_url(url, locator))


def _read_url(url: str, locator: str) -> Iterator[Article | ArticleReject]:
    try:
        content = fetch(url)
    except SourceError as err:
        yield reject(url, str(err), locator)
        return
    if looks_like_feed(content):
        yield from read_feed(content, url)
        return
    from trafilatura.utils import decode_file

    yield article_from_html(decode_file(content), url, url)


def read_url_list(path: Path) -> Iterator[Article | ArticleReject]:
    """A `.urls` file: one URL a line (anything after whitespace is ignored); blank lines and
    lines starting with `#` are skipped."""
    source = str(path)
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except UnicodeDecodeError as err:
        yield reject(source, f"not valid UTF-8 ({err.reason} at offset {err.start})")
        return
    listed = False
    for number, line in enumerate(lines, start=1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        listed = True
        url = stripped.split()[0]
        if not is_url(url):
            yield reject(source, f"not an http(s) URL: {url!r}", f"line {number}", line)
            continue
        yield from read_url(url, f"listed in {source} line {number}")
    if not listed:
        yield reject(source, "no URLs listed")
