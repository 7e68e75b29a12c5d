"""Reject records: every input that could not become an article or an event, with its reason."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class ArticleReject(BaseModel):
    """An input (a file, a JSONL line, a feed entry) that did not become an Article."""

    model_config = ConfigDict(frozen=True)

    source: str = Field(description="File path or URL the input came from.")
    locator: str = Field(default="", description="Where inside the source: 'line 7', 'entry 3', ''.")
    reason: str = Field(min_length=1, description="One line a person can act on.")
    raw_excerpt: str = Field(default="", description="The first few hundred characters of the input.")


class EventReject(BaseModel):
    """A candidate event the coder produced that failed validation against the Event schema."""

    model_config = ConfigDict(frozen=True)

    article_id: str
    coder: str
    coder_version: str
    reason: str = Field(min_length=1)
    payload: str = Field(default="", description="The candidate record as JSON.")
