"""The complaint register (VersVermV §17 for §34d brokers).

One row per complaint, from the inbox (`request_id`) or entered by hand; the
dates the register must show, the answer, and a goodwill decision beyond a
guarantee. `kind` tells a complaint from a plain request for information (which
the BDVM does not count as a complaint); it can be changed. The complainant's
name is kept as text so the register stays readable when the person goes.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Column
from sqlmodel import Field, SQLModel

from advisor_tui.domain.models.columns import (
    Versioned,
    created_column,
    parent_column,
    text_column,
    when_column,
)
from advisor_tui.domain.timestamps import UTCDateTime


class Complaint(Versioned, SQLModel, table=True):
    """One entry of the complaint register."""

    __tablename__ = "complaint"

    id: int | None = Field(default=None, primary_key=True)
    person_id: int | None = parent_column("person", nullable=True, on_delete="SET NULL")
    request_id: int | None = parent_column("request", nullable=True, on_delete="SET NULL")
    kind: str = Field(default="complaint", max_length=20)  # ComplaintKind
    received_at: datetime = Field(sa_column=Column(UTCDateTime, nullable=False))
    channel: str = Field(max_length=20)  # Channel
    complainant: str = Field(default="", max_length=300)
    reason: str = text_column()
    acknowledged_at: datetime | None = when_column()
    forwarded_at: datetime | None = when_column()
    forwarded_to: str = Field(default="", max_length=300)
    interim_reply_at: datetime | None = when_column()
    answered_at: datetime | None = when_column()
    answer: str = text_column()
    status: str = Field(default="open", max_length=20, index=True)  # ComplaintStatus
    # Goodwill beyond the letter of a guarantee: the advisor's choice, with its slack.
    guarantee_end: date | None = None
    tolerance_days: int | None = None
    goodwill_note: str = text_column()
    created_at: datetime = created_column()
    updated_at: datetime | None = when_column()
    version: int = 1
