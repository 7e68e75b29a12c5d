"""The Coder interface (article → events) and the default, rule-based coder.

Every coder has a `name` and a `version`; the warehouse re-extracts an article when the
version of the coder that coded it changes, so bump `RuleBasedCoder.version` whenever a
change alters its output.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any, Protocol

from pydantic import ValidationError

from pipelines.extraction.assemble import assemble
from schemas.article import Article
from schemas.event import Event
from schemas.reject import EventReject


class Coder(Protocol):
    name: str
    version: str

    def code(self, article: Article) -> list[Event]:
        """The article's events, main event first; never raises on any text."""
        ...

    def code_with_rejects(self, article: Article) -> tuple[list[Event], list[EventReject]]:
        """The events and the candidates that failed validation, each with its reason."""
        ...


class RuleBasedCoder:
    """Offline, deterministic coder: lexicon triggers, modality filters, a gazetteer, an actor
    dictionary and date and fatality rules (see assemble.py for how they combine)."""

    name = "rules"
    version = "0.5.0"

    def code(self, article: Article) -> list[Event]:
        return self.code_with_rejects(article)[0]

    def code_with_rejects(self, article: Article) -> tuple[list[Event], list[EventReject]]:
        """The events, and the candidates that failed validation or could not be built, each
        with its reason. Never raises on any article text."""
        try:
            drafts = assemble(article.text, article.published_on, article.title)
        except Exception as exc:  # noqa: BLE001 - one bad article must not stop a run
            return [], [self._reject(article, f"coder failed: {type(exc).__name__}: {exc}", {})]
        events: list[Event] = []
        rejects: list[EventReject] = []
        for draft in drafts:
            index = len(events)
            data = {
                **draft,
                "event_id": f"{article.id}:{index}",
                "article_id": article.id,
                "event_index": index,
                "coder": self.name,
                "coder_version": self.version,
                "source": article.source or "",
            }
            try:
                events.append(Event.model_validate(data, context={"published_on": article.published_on}))
            except ValidationError as exc:
                rejects.append(self._reject(article, _one_line(exc), data))
        return events, rejects

    def _reject(self, article: Article, reason: str, data: dict[str, Any]) -> EventReject:
        return EventReject(
            article_id=article.id,
            coder=self.name,
            coder_version=self.version,
            reason=reason[:500],
            payload=json.dumps(data, default=str, ensure_ascii=False)[:5000],
        )


def _one_line(exc: ValidationError) -> str:
    return "; ".join(f"{'.'.join(map(str, e['loc'])) or 'event'}: {e['msg']}" for e in exc.errors())


CODERS: dict[str, Callable[[], Coder]] = {RuleBasedCoder.name: RuleBasedCoder}


def get_coder(name: str = "rules") -> Coder:
    """The coder registered under `name`; ValueError naming the known coders otherwise."""
    try:
        factory = CODERS[name]
    except KeyError:
        raise ValueError(f"unknown coder {name!r}; known coders: {', '.join(sorted(CODERS))}") from None
    return factory()
