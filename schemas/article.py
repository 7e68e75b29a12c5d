"""Article: one news item as it enters the pipeline (the articles JSONL contract)."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from pydantic import BaseModel, ConfigDict, Field, field_validator

_TRACKING_PARAMS = re.compile(r"^(utm_|fbclid$|gclid$|mc_|ref$|ref_src$)")


def canonical_url(url: str) -> str:
    """Lower-case scheme and host, drop fragments, tracking parameters and trailing slashes,
    so the same story reached by two links gets one id."""
    parts = urlsplit(url.strip())
    query = urlencode(sorted((k, v) for k, v in parse_qsl(parts.query) if not _TRACKING_PARAMS.match(k)))
    path = parts.path.rstrip("/") or "/"
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), path, query, ""))


def normalise_text(text: str) -> str:
    """Unicode NFC, unified newlines, no trailing spaces: the form article ids are hashed from."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    return "\n".join(line.rstrip() for line in text.split("\n")).strip()


def article_id_for(url: str | None, text: str) -> str:
    """Stable id: a hash of the canonical URL when there is one, else of the normalised text."""
    basis = "url:" + canonical_url(url) if url else "text:" + normalise_text(text)
    return "a_" + hashlib.sha256(basis.encode("utf-8")).hexdigest()[:20]


class Article(BaseModel):
    """A news article. `published_at` anchors relative dates ("yesterday") in the text."""

    model_config = ConfigDict(extra="ignore", str_strip_whitespace=True)

    id: str = Field(min_length=1, max_length=200)
    text: str = Field(min_length=1)
    published_at: dt.datetime
    title: str | None = None
    url: str | None = None
    source: str | None = None
    language: str | None = Field(default=None, max_length=16)

    @field_validator("published_at", mode="before")
    @classmethod
    def _date_or_datetime(cls, v: object) -> object:
        if isinstance(v, dt.datetime):
            return v
        if isinstance(v, dt.date):
            return dt.datetime(v.year, v.month, v.day)
        if isinstance(v, str) and len(v.strip()) == 10:
            return dt.datetime.fromisoformat(v.strip())
        return v

    @field_validator("text")
    @classmethod
    def _text_has_words(cls, v: str) -> str:
        if not any(ch.isalnum() for ch in v):
            raise ValueError("text has no words")
        return v

    @property
    def published_on(self) -> dt.date:
        return self.published_at.date()
