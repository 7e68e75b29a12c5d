"""Readers for the articles JSON contract: `.jsonl` (one article a line) and `.json` (one
article object, or a list of them).

Each line / list item is judged on its own: a broken line becomes a reject naming its line
number and the lines around it are still read. JSON is UTF-8 by definition, so a line that is
not valid UTF-8 is rejected rather than guessed at.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pipelines.sources.records import article_or_reject, reject
from schemas import Article, ArticleReject

_JSON_TYPE_NAMES = {list: "an array", str: "a string", int: "a number", float: "a number",
                    bool: "a boolean", type(None): "null"}


def read_jsonl(path: Path) -> Iterator[Article | ArticleReject]:
    source = str(path)
    seen_content = False
    with path.open("rb") as lines:
        for number, raw in enumerate(lines, start=1):
            if number == 1:
                raw = raw.removeprefix(b"\xef\xbb\xbf")
            if not raw.strip():
                continue
            seen_content = True
            locator = f"line {number}"
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as err:
                yield reject(source, f"not valid UTF-8 (byte {raw[err.start]:#04x} at column {err.start + 1})",
                             locator, raw)
                continue
            yield _from_json_text(line, source, locator)
    if not seen_content:
        yield reject(source, "empty file: no articles")


def read_json(path: Path) -> Iterator[Article | ArticleReject]:
    source = str(path)
    raw = path.read_bytes().removeprefix(b"\xef\xbb\xbf")
    if not raw.strip():
        yield reject(source, "empty file: no articles")
        return
    try:
        document = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as err:
        yield reject(source, f"not valid UTF-8 (byte {raw[err.start]:#04x} at offset {err.start})", "", raw)
        return
    except json.JSONDecodeError as err:
        yield reject(source, f"invalid JSON: {err.msg}", f"line {err.lineno} column {err.colno}", raw)
        return
    if isinstance(document, list):
        if not document:
            yield reject(source, "empty list: no articles", "", raw)
        for index, item in enumerate(document):
            yield _from_object(item, source, f"item {index}", json.dumps(item, ensure_ascii=False))
    else:
        yield _from_object(document, source, "", raw)


def _from_json_text(text: str, source: str, locator: str) -> Article | ArticleReject:
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as err:
        return reject(source, f"invalid JSON: {err.msg} (column {err.colno})", locator, text)
    return _from_object(obj, source, locator, text)


def _from_object(obj: Any, source: str, locator: str, raw: str | bytes) -> Article | ArticleReject:
    if not isinstance(obj, dict):
        return reject(source, f"expected a JSON object, got {_JSON_TYPE_NAMES.get(type(obj), 'a value')}",
                      locator, raw)
    return article_or_reject(obj, source, locator, raw)
