"""HTML → article text and metadata.

The main text comes from trafilatura (boilerplate, navigation, scripts, styles, embeds, share
buttons, figures and their captions removed); it runs offline on the markup it is given and
never fetches anything. Metadata is read from the markup itself, most explicit first:

- title: `og:title`, else `<title>`, else trafilatura's guess;
- date: `article:published_time`, else JSON-LD `datePublished`, else `<time datetime>`
  (inside `<article>` first), else trafilatura's (htmldate, original date, no deep search);
- url: `<link rel=canonical>`, else `og:url`;
- source: `og:site_name`, else trafilatura's site name; language: `<html lang>`.

A page becomes an article only with main text (at least MIN_WORDS words) and a publication
date: without one, every relative date in it ("on Monday") would be resolved against a
guess, so such pages are rejected with the reason.

Feed entries carry HTML fragments too short for trafilatura's heuristics; `fragment_to_text`
reduces those to text directly.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import lxml.html
from lxml import etree

from pipelines.sources.records import article_or_reject, primary_language, reject
from schemas import Article, ArticleReject

# Elements whose content is never article text.
_PRUNE_XPATH = ["//figure", "//figcaption", "//aside", "//nav", "//footer", "//iframe", "//noscript",
                "//form", "//button"]
_NOT_TEXT = ("script", "style", "figure", "figcaption", "iframe", "noscript", "img", "video", "audio",
             "object", "embed", "form", "button", "svg", "picture")
_BLOCKS = ("p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr",
           "table", "section", "article", "pre", "dd", "dt")
_SPACES = re.compile(r"[ \t\u00a0]+")
_BLANK_RUNS = re.compile(r"\n\s*\n\s*")
# Fewer words than this is a cookie banner or a teaser, not an article.
MIN_WORDS = 15
_NO_DATE = ("no publication date found (looked for article:published_time, JSON-LD datePublished, "
            "<time datetime> and dates in the page)")


def html_to_text(html: str) -> tuple[str, dict[str, Any]]:
    """Main text of a page and its metadata: `title`, `date` (datetime or None), `url`,
    `source` and `language` (each None when the page does not say). Text is "" when the page
    has no main text (only navigation, boilerplate or an empty body). The headline is not
    repeated at the start of the text: it is the title."""
    import trafilatura

    document = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_tables=False, include_images=False,
        include_links=False, prune_xpath=_PRUNE_XPATH,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    found = _markup_metadata(html)
    text = _tidy(document.text or "") if document is not None else ""
    text = _without_headline(text, [found["title"], found["page_title"]])
    if len(text.split()) < MIN_WORDS:
        text = ""
    extracted_date = _parse_datetime(document.date) if document is not None and document.date else None
    metadata = {
        "title": found["title"] or (document.title if document is not None else None),
        "date": found["date"] or extracted_date,
        "url": found["url"],
        "source": found["source"] or (document.sitename if document is not None else None),
        "language": found["language"],
    }
    return text, metadata


def fragment_to_text(fragment: str) -> str:
    """Text of an HTML fragment (a feed entry's content), paragraphs kept as blank lines."""
    if not fragment.strip():
        return ""
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError):
        return _tidy(fragment)
    for element in root.xpath("|".join(f"//{tag}" for tag in _NOT_TEXT)):
        element.drop_tree()
    for element in root.iter("br"):
        element.tail = "\n" + (element.tail or "")
    for element in root.iter(*_BLOCKS):
        element.text = "\n\n" + (element.text or "")
        element.tail = "\n\n" + (element.tail or "")
    return _tidy(root.text_content())


def article_from_html(html: str, source: str, url: str | None = None) -> Article | ArticleReject:
    """An article from a page; `url` (where it was fetched from) is used when the page names
    no canonical URL."""
    text, metadata = html_to_text(html)
    if not text:
        return reject(source, "no main text found in the page (only navigation or boilerplate)", "", html)
    if metadata["date"] is None:
        return reject(source, _NO_DATE, "", html)
    canonical = urljoin(url, metadata["url"]) if url and metadata["url"] else metadata["url"]
    if canonical and urlsplit(canonical).scheme not in ("http", "https"):
        canonical = None  # a relative link in a saved page: nothing to resolve it against
    fields = {
        "text": text, "published_at": metadata["date"], "title": metadata["title"],
        "url": canonical or url, "source": metadata["source"],
        "language": primary_language(metadata["language"]),
    }
    return article_or_reject(fields, source, "", html)


def read_html(path: Path) -> Iterator[Article | ArticleReject]:
    from trafilatura.utils import decode_file

    raw = path.read_bytes()
    if not raw.strip():
        yield reject(str(path), "empty file: no page")
        return
    yield article_from_html(decode_file(raw), str(path))


def _markup_metadata(html: str) -> dict[str, Any]:
    found: dict[str, Any] = dict.fromkeys(("title", "page_title", "date", "url", "source", "language"))
    try:
        tree = lxml.html.document_fromstring(html.encode("utf-8"), parser=_utf8_parser())
    except (etree.ParserError, ValueError):
        return found

    def first(xpath: str) -> str | None:
        for value in tree.xpath(xpath):
            if isinstance(value, str) and value.strip():
                return value.strip()
        return None

    found["page_title"] = first("//title/text()")
    found["title"] = first("//meta[@property='og:title']/@content") or found["page_title"]
    found["url"] = first("//link[@rel='canonical']/@href") or first("//meta[@property='og:url']/@content")
    found["source"] = first("//meta[@property='og:site_name']/@content")
    found["language"] = first("/html/@lang")
    candidates = [
        first("//meta[@property='article:published_time' or @name='article:published_time']/@content"),
        _json_ld_date(tree.xpath("//script[@type='application/ld+json']/text()")),
        first("//article//time/@datetime"),
        first("//time/@datetime"),
    ]
    found["date"] = next((d for d in map(_parse_datetime, candidates) if d is not None), None)
    return found


def _json_ld_date(scripts: list[str]) -> str | None:
    for script in scripts:
        try:
            data = json.loads(script)
        except json.JSONDecodeError:
            continue
        stack = [data]
        while stack:
            node = stack.pop(0)
            if isinstance(node, list):
                stack.extend(node)
            elif isinstance(node, dict):
                if isinstance(node.get("datePublished"), str):
                    return node["datePublished"]
                stack.extend(v for v in node.values() if isinstance(v, dict | list))
    return None


def _parse_datetime(value: str | None) -> dt.datetime | None:
    if not value:
        return None
    try:
        return dt.datetime.fromisoformat(value.strip())
    except ValueError:
        return None


def _without_headline(text: str, titles: list[str | None]) -> str:
    """Drop the first line when it is the page's headline (the <title> may add a site suffix)."""
    first_line, _, rest = text.partition("\n")
    headline = first_line.strip().casefold()
    for title in titles:
        if title and len(headline) >= 10 and title.strip().casefold().startswith(headline):
            return rest.strip()
    return text


def _utf8_parser() -> lxml.html.HTMLParser:
    return lxml.html.HTMLParser(encoding="utf-8", remove_comments=True)


def _tidy(text: str) -> str:
    lines = (_SPACES.sub(" ", line).strip() for line in text.replace("\r", "\n").split("\n"))
    return _BLANK_RUNS.sub("\n\n", "\n".join(lines)).strip()
