"""Readers for `.md` and `.txt` articles: one article per file, with optional front matter.

    ---
    title: Clashes reported near the border
    published_at: 2024-03-02
    url: https://example.org/news/clashes
    source: Example News
    language: en
    ---
    Body text...

Front matter is a few `key: value` lines parsed here (not YAML: titles such as
"Attack: five killed" would trip a YAML parser). Recognised keys: `id`, `title`,
`published_at` (also `date`, `published`), `url`, `source`, `language` (also `lang`); other
keys are ignored. For `.md` files Markdown syntax is removed (heading marks, emphasis, code
marks, quotes, list bullets; links become their text, images are dropped), and a leading
`# Heading` becomes the title when the front matter has none (and leaves the body when it
is the title).

Publication date. Every relative date in an article ("yesterday", "on Monday") is resolved
against it, so it must be the article's real date. Taken from the front matter, else from
an ISO date at the start of the file name (`2024-03-02-clashes.md`, the usual blog
convention). Without either the file is REJECTED with a reason saying how to fix it. The
file's modification time is deliberately not used: copying, unzipping or checking out a
file resets it, and a wrong anchor would silently shift every event date in the article.

Files must be UTF-8 (a BOM is allowed); other bytes are rejected with the offending
position rather than decoded into replacement characters inside names and places.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pipelines.sources.records import article_or_reject, reject
from schemas import Article, ArticleReject

_KEY_ALIASES = {
    "id": "id", "title": "title", "published_at": "published_at", "date": "published_at",
    "published": "published_at", "url": "url", "source": "source", "language": "language",
    "lang": "language",
}
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_KEY_VALUE = re.compile(r"^\s*([A-Za-z_][\w-]*)\s*:\s*(.*?)\s*$")
_DATE_IN_NAME = re.compile(r"^(\d{4}-\d{2}-\d{2})(?!\d)")

# Markdown → plain text, applied in this order.
_MARKDOWN_RULES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^[ \t]{0,3}(```|~~~).*$", re.MULTILINE), ""),                         # code fences
    (re.compile(r"!\[[^\]]*\]\([^)]*\)|!\[[^\]]*\]\[[^\]]*\]"), ""),                  # images
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),                                    # inline links
    (re.compile(r"\[([^\]]+)\]\[[^\]]*\]"), r"\1"),                                   # reference links
    (re.compile(r"^[ \t]{0,3}\[[^\]]+\]:\s+\S.*$", re.MULTILINE), ""),                   # link definitions
    (re.compile(r"<((?:https?|mailto):[^>\s]+)>"), r"\1"),                            # autolinks
    (re.compile(r"</?[A-Za-z][^>\n]*>"), ""),                                         # inline HTML tags
    (re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$", re.MULTILINE), r"\1"),  # ATX headings
    (re.compile(r"^[ \t]{0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$", re.MULTILINE), ""),        # rules
    (re.compile(r"^[ \t]{0,3}=+[ \t]*$", re.MULTILINE), ""),                             # setext underline
    (re.compile(r"^(?:[ \t]{0,3}>[ \t]?)+", re.MULTILINE), ""),                          # block quotes
    (re.compile(r"^[ \t]*(?:[-*+]|\d{1,3}[.)])[ \t]+", re.MULTILINE), ""),               # list markers
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),                            # strong
    (re.compile(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])"), r"\1"),                # emphasis *x*
    (re.compile(r"(?<![\w_])_(?=\S)(.+?)(?<=\S)_(?![\w_])"), r"\1"),                  # emphasis _x_
    (re.compile(r"~~(?=\S)(.+?)(?<=\S)~~"), r"\1"),                                   # strikethrough
    (re.compile(r"`([^`\n]+)`"), r"\1"),                                              # inline code
    (re.compile(r"\\([\\`*_{}\[\]()#+\-.!>~|])"), r"\1"),                             # escapes
    (re.compile(r"\n{3,}"), "\n\n"),                                                  # blank runs
]
_LEADING_H1 = re.compile(r"\A\s*#[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*(?:\n|\Z)")


def markdown_to_text(markdown: str) -> str:
    """Plain text of a Markdown body: the words a reader sees, without the markup."""
    text = markdown
    for pattern, replacement in _MARKDOWN_RULES:
        text = pattern.sub(replacement, text)
    return text.strip()


def read_text_article(path: Path) -> Iterator[Article | ArticleReject]:
    """One article from a `.md` or `.txt` file (Markdown is stripped for `.md` only)."""
    source = str(path)
    raw = path.read_bytes().removeprefix(b"\xef\xbb\xbf")
    try:
        content = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        yield reject(source, f"not valid UTF-8 (byte {raw[err.start]:#04x} at offset {err.start}); "
                             "save the file as UTF-8", "", raw)
        return
    content = content.replace("\r\n", "\n").replace("\r", "\n")
    if not content.strip():
        yield reject(source, "empty file: no article text")
        return
    front_matter, body = _split_front_matter(content)
    fields: dict[str, Any] = dict(front_matter)
    if path.suffix.lower() == ".md":
        heading = _LEADING_H1.match(body)
        if heading:
            headline = markdown_to_text(heading.group(1))
            if fields.setdefault("title", headline).casefold() == headline.casefold():
                body = body[heading.end():]  # the headline is the title, not body text
        body = markdown_to_text(body)
    fields["text"] = body.strip()
    date = _publication_date(fields.get("published_at"), path.name)
    if isinstance(date, str):
        yield reject(source, date, "", content)
        return
    fields["published_at"] = date
    yield article_or_reject(fields, source, "", content)


def _split_front_matter(content: str) -> tuple[dict[str, str], str]:
    match = _FRONT_MATTER.match(content)
    if not match:
        return {}, content
    fields: dict[str, str] = {}
    for line in match.group(1).split("\n"):
        pair = _KEY_VALUE.match(line)
        if pair and pair.group(1).lower() in _KEY_ALIASES:
            fields[_KEY_ALIASES[pair.group(1).lower()]] = _unquote(pair.group(2))
    return {k: v for k, v in fields.items() if v}, content[match.end():]


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value


def _publication_date(value: str | None, file_name: str) -> dt.datetime | str:
    """The publication date, or the reason there is none (a string)."""
    if value is None:
        from_name = _DATE_IN_NAME.match(file_name)
        if not from_name:
            return ("no publication date: add 'published_at: YYYY-MM-DD' to the front matter "
                    "or start the file name with the date (2024-03-02-title.md)")
        value = from_name.group(1)
    try:
        return dt.datetime.fromisoformat(value)
    except ValueError:
        return f"published_at {value!r} is not an ISO 8601 date (YYYY-MM-DD or YYYY-MM-DDTHH:MM)"
