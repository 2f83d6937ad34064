"""Attention flags as history, and who recommended whom.

A flag (super customer, dissatisfied, payment trouble; `domain.flags`) is never
a boolean: each time the advisor sets or clears one, a `FlagEvent` row keeps
when, by whom and why (and for payment trouble the coaching plan). The current
state of a flag is the latest event for that person and flag
(`services.flags`), the one source of truth.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Column, Index
from sqlmodel import Field, SQLModel

from advisor_tui.domain.models.columns import created_column, parent_column, text_column
from advisor_tui.domain.timestamps import UTCDateTime, utcnow


class FlagEvent(SQLModel, table=True):
    """A flag set or cleared for a person: append-only."""

    __tablename__ = "flag_event"
    # The latest event per flag and person: MAX(id) grouped, read by index only.
    __table_args__ = (Index("ix_flag_event_current", "flag", "person_id", "id"),)

    id: int | None = Field(default=None, primary_key=True)
    person_id: int = parent_column("person")
    flag: str = Field(max_length=20)  # domain.flags.FlagKey
    action: str = Field(max_length=10)  # "set" | "clear"
    # When it applies (the advisor may give a date); created_at is when it was recorded.
    at: datetime = Field(default_factory=utcnow, sa_column=Column(UTCDateTime, nullable=False))
    reason: str = text_column()
    actor: str = Field(max_length=100)
    source: str = Field(max_length=20)  # "manual" | "suggestion" | "migration"
    # Payment trouble: the coaching plan's next step; its follow-up and note (reason).
    next_step: str = text_column()
    followup_id: int | None = parent_column("followup", nullable=True, on_delete="SET NULL")
    created_at: datetime = created_column()


class Recommendation(SQLModel, table=True):
    """`person_id` came recommended by `recommended_by_id`."""

    __tablename__ = "recommendation"

    id: int | None = Field(default=None, primary_key=True)
    person_id: int = parent_column("person")
    recommended_by_id: int = parent_column("person")
    note: str = text_column()
    created_at: datetime = created_column()


__all__ = ["FlagEvent", "Recommendation"]
