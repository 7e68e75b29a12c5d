"""Turning raw fields into an Article or an ArticleReject, shared by every reader.

Readers collect what they found (a JSON object, front matter, feed entry, HTML metadata) and
hand it to `article_or_reject`, so validation and reject wording are the same for all formats.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from pydantic import ValidationError

from schemas import Article, ArticleReject, article_id_for

EXCERPT_CHARS = 300
_LANGUAGE_TAG = re.compile(r"^([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]{1,8})*$")
ARTICLE_FIELDS = ("id", "text", "published_at", "title", "url", "source", "language")


def excerpt(raw: str | bytes) -> str:
    """The first few hundred characters of an input, for a reject a person can look at."""
    if isinstance(raw, bytes):
        raw = raw[: EXCERPT_CHARS * 4].decode("utf-8", errors="replace")
    return raw[:EXCERPT_CHARS]


def reject(source: str, reason: str, locator: str = "", raw: str | bytes = "") -> ArticleReject:
    return ArticleReject(source=source, locator=locator, reason=reason, raw_excerpt=excerpt(raw))


def describe_validation_error(err: ValidationError, skip: frozenset[str] = frozenset()) -> str:
    """One clause per problem, e.g. "published_at: Input should be a valid datetime"."""
    parts = []
    for problem in err.errors():
        where = ".".join(str(p) for p in problem["loc"]) or "article"
        if where not in skip:
            parts.append(f"{where}: {problem['msg']}")
    return "; ".join(parts) or str(err)


def article_or_reject(
    fields: Mapping[str, Any], source: str, locator: str = "", raw: str | bytes = ""
) -> Article | ArticleReject:
    """Validate `fields` as an Article. A missing `id` is derived from the URL (else the text)
    with `article_id_for`, so the same story gets the same id whichever file it came from."""
    data = {k: fields[k] for k in ARTICLE_FIELDS if fields.get(k) is not None}
    id_derived = "id" not in data
    if id_derived and isinstance(data.get("text"), str):
        url = data.get("url") if isinstance(data.get("url"), str) else None
        data["id"] = article_id_for(url or None, data["text"])
    try:
        return Article.model_validate(data)
    except ValidationError as err:
        # Without usable text there is no id to derive; saying so twice would only confuse.
        skip = frozenset({"id"}) if id_derived else frozenset()
        return reject(source, describe_validation_error(err, skip), locator, raw)


def primary_language(tag: str | None) -> str | None:
    """"en" for "en-GB" or "EN_us": pages and feeds tag language loosely; the coder needs the
    language, not the region. Anything that is not a language tag becomes None."""
    match = _LANGUAGE_TAG.match(tag.strip()) if tag else None
    return match.group(1).lower() if match else None


def guarded(source: str, items: Iterable[Article | ArticleReject]) -> Iterator[Article | ArticleReject]:
    """Pass items through; if reading fails unexpectedly (a parser bug, a vanished file), end
    with a reject for `source` instead of an exception, so the next input is still read."""
    try:
        yield from items
    except OSError as err:
        yield reject(source, f"cannot read: {err.strerror or err}")
    except Exception as err:  # one unreadable input must not stop the others
        yield reject(source, f"failed to read: {type(err).__name__}: {err}")
