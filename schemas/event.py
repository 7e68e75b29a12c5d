"""Event: one ACLED-style event record plus the provenance that ties it to its article.

Field names follow ACLED's export so tools written for ACLED read ours unchanged. Codes that
ACLED derives (disorder type, interaction, civilian targeting, year) are derived here when
missing and rejected when they contradict the codebook.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationInfo,
    field_validator,
    model_validator,
)

from schemas.taxonomy import (
    DISORDER_TYPE_OF,
    EVENT_TYPE_OF,
    DisorderType,
    EventType,
    Inter,
    SubEventType,
    interaction_code,
    is_civilian_targeting,
)


class Span(BaseModel):
    """Character offsets [start, end) into the article text of the sentence(s) an event came from."""

    model_config = ConfigDict(frozen=True)

    start: int = Field(ge=0)
    end: int = Field(ge=0)

    @model_validator(mode="after")
    def _ordered(self) -> Span:
        if self.end < self.start:
            raise ValueError(f"span end {self.end} is before its start {self.start}")
        return self


class Event(BaseModel):
    """An ACLED-style event.

    Validate with ``Event.model_validate(data, context={"published_on": date})`` to also check
    that the event does not happen after the article reporting it was published.
    """

    model_config = ConfigDict(extra="forbid", use_enum_values=True, validate_default=True)

    # identity and provenance
    event_id: str = Field(min_length=1, description="Deterministic: article id + ':' + index in article.")
    article_id: str = Field(min_length=1)
    event_index: int = Field(ge=0, description="0 is the article's main event; then by salience.")
    evidence: list[Span] = Field(min_length=1, description="Sentences the event was coded from.")
    confidence: float = Field(ge=0.0, le=1.0)
    coder: str = Field(min_length=1)
    coder_version: str = Field(min_length=1)

    # when
    event_date: dt.date
    year: int | None = None
    time_precision: int = Field(ge=1, le=3, description="1 day, 2 week, 3 month (ACLED).")

    # what
    disorder_type: DisorderType | None = None
    event_type: EventType
    sub_event_type: SubEventType

    # who
    actor1: str = Field(min_length=1)
    assoc_actor_1: str = ""
    inter1: Inter
    actor2: str = ""
    assoc_actor_2: str = ""
    inter2: Inter = Inter.NONE
    interaction: int | None = None
    civilian_targeting: str = ""

    # where
    iso: int | None = Field(default=None, ge=0, le=999, description="ISO 3166-1 numeric country code.")
    region: str = ""
    country: str = Field(min_length=1)
    admin1: str = ""
    admin2: str = ""
    admin3: str = ""
    location: str = Field(min_length=1)
    latitude: float = Field(ge=-90, le=90)
    longitude: float = Field(ge=-180, le=180)
    geo_precision: int = Field(ge=1, le=3, description="1 the place itself, 2 near it/its district, 3 only a region.")

    # how bad, and how we know
    fatalities: int = Field(ge=0)
    source: str = ""
    source_scale: str = ""
    notes: str = ""
    tags: str = ""

    @field_validator("inter1")
    @classmethod
    def _actor1_has_type(cls, v: int) -> int:
        if int(v) == Inter.NONE:
            raise ValueError("inter1 must be an actor type 1-8")
        return v

    @model_validator(mode="after")
    def _codebook_rules(self, info: ValidationInfo) -> Event:
        sub = SubEventType(self.sub_event_type)
        expected_type = EVENT_TYPE_OF[sub]
        if EventType(self.event_type) is not expected_type:
            raise ValueError(f"sub-event type {sub.value!r} belongs to {expected_type.value!r}, not {self.event_type!r}")
        disorder = DISORDER_TYPE_OF[sub]
        if self.disorder_type is None:
            self.disorder_type = disorder.value
        elif DisorderType(self.disorder_type) is not disorder:
            raise ValueError(f"disorder type of {sub.value!r} is {disorder.value!r}, not {self.disorder_type!r}")
        if bool(self.actor2) != (int(self.inter2) != Inter.NONE):
            raise ValueError("actor2 and inter2 must be given together")
        derived = interaction_code(self.inter1, self.inter2)
        if self.interaction is None:
            self.interaction = derived
        elif self.interaction != derived:
            raise ValueError(f"interaction {self.interaction} contradicts inter1/inter2 (expected {derived})")
        targeting = "Civilian targeting" if is_civilian_targeting(self.event_type, self.inter2) else ""
        if not self.civilian_targeting:
            self.civilian_targeting = targeting
        elif self.civilian_targeting != targeting:
            raise ValueError(f"civilian_targeting must be {targeting!r} for this event type and actor2")
        if self.year is None:
            self.year = self.event_date.year
        elif self.year != self.event_date.year:
            raise ValueError("year differs from event_date")
        published_on = (info.context or {}).get("published_on") if info else None
        if published_on is not None and self.event_date > published_on:
            raise ValueError(f"event_date {self.event_date} is after the article's publication date {published_on}")
        return self

    def acled_row(self) -> dict[str, Any]:
        """The record as ACLED's 31 export columns (event_id_cnty is our event id)."""
        from schemas.taxonomy import ACLED_COLUMNS

        data = self.model_dump(mode="json")
        data["event_id_cnty"] = self.event_id
        data["timestamp"] = None
        return {col: data.get(col) for col in ACLED_COLUMNS}
