"""The inbox's tables: each incoming message, and the persons a request may be from.

A `Request` (core) is the case: kind, status, person, deadline. Each message
that arrived for it is a `Message` row of its own (channel, sender, the
advisor's address it arrived on, external id unique per channel, text, raw
payload); the same e-mail sent to three of the advisor's addresses is one
message with three recipients. The persons a request may be from are
`RequestCandidate` rows, each saying how it was found (`MatchKind`) and why
(a fact: the matched address, the name read from the text).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Column, Index
from sqlmodel import Field, SQLModel

from advisor_tui.domain.models.columns import created_column as _created
from advisor_tui.domain.models.columns import parent_column as _parent
from advisor_tui.domain.models.columns import text_column as _text
from advisor_tui.domain.timestamps import UTCDateTime, utcnow


class Message(SQLModel, table=True):
    """One incoming message (or call) as it arrived; never edited."""

    __tablename__ = "message"
    # A message arrives once per channel, however often it is imported or replayed.
    __table_args__ = (
        Index("uq_message_channel_external_id", "channel", "external_id", unique=True),
    )

    id: int | None = Field(default=None, primary_key=True)
    request_id: int = _parent("request")
    channel: str = Field(max_length=20)  # Channel
    sender: str = Field(default="", max_length=500)  # raw, as received
    sender_normalized: str | None = Field(default=None, max_length=500, index=True)
    sender_name: str = Field(default="", max_length=200)  # display / contact name
    recipient: str = Field(default="", max_length=500)  # the advisor's address it arrived on
    recipients: str = _text()  # every one of the advisor's addresses, comma-separated
    external_id: str | None = Field(default=None, max_length=500)  # Message-ID, call key
    thread: str = Field(default="", max_length=500)
    subject: str = Field(default="", max_length=500)
    text: str = _text()
    raw: str = _text()  # the payload as read
    attachments: str = _text()  # names, comma-separated
    received_at: datetime = Field(
        default_factory=utcnow, sa_column=Column(UTCDateTime, nullable=False, index=True)
    )
    created_at: datetime = _created()


class RequestCandidate(SQLModel, table=True):
    """A person a request may be from, how that was found and why."""

    __tablename__ = "request_candidate"

    id: int | None = Field(default=None, primary_key=True)
    request_id: int = _parent("request")
    person_id: int = _parent("person")
    how: str = Field(max_length=20)  # MatchKind: exact, shared, suffix, name_hint
    reason: str = Field(default="", max_length=300)  # the address or name it rests on
    address_id: int | None = _parent("address", nullable=True, on_delete="SET NULL")
    created_at: datetime = _created()
