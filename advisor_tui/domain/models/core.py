"""The tables: every concept of DESIGN.md "Concepts" as a SQLModel class.

Enumerated fields hold the string values of `domain.vocabulary`; timestamps are
aware datetimes stored as UTC (`UTCDateTime`). Every table carries `created_at`
and, where records are edited, `updated_at` and `version` (a counter bumped on
each update so concurrent edits can be detected).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import Boolean, Column, Index, Integer, String, event
from sqlalchemy import false as sa_false
from sqlmodel import Field, SQLModel

from advisor_tui.domain.collation import sort_key
from advisor_tui.domain.models.columns import Versioned as _Versioned
from advisor_tui.domain.models.columns import created_column as _created
from advisor_tui.domain.models.columns import parent_column as _parent
from advisor_tui.domain.models.columns import text_column as _text
from advisor_tui.domain.models.columns import when_column as _when
from advisor_tui.domain.timestamps import UTCDateTime, utcnow


class Person(_Versioned, SQLModel, table=True):
    """A customer, prospect (Interessent) or former customer."""

    __tablename__ = "person"
    # The customer list pages through visible persons in phone-book order; with
    # restricted_until first, OFFSET paging never touches the table rows.
    __table_args__ = (Index("ix_person_list_order", "restricted_until", "sort_key", "id"),)

    id: int | None = Field(default=None, primary_key=True)
    kind: str = Field(default="customer", max_length=20, index=True)
    salutation: str = Field(default="", max_length=40)  # Herr, Frau, ...
    title: str = Field(default="", max_length=40)  # Dr., Prof. ...
    first_name: str = Field(default="", max_length=100)
    last_name: str = Field(default="", max_length=100)
    company: str = Field(default="", max_length=200)
    birthday: date | None = None
    notes: str = _text()
    tags: str = Field(default="", max_length=500)  # comma-separated
    # Flags (super customer, dissatisfied, payment trouble) are history: models.attention.
    # Properties of imported cards we do not interpret, kept for a faithful export (JSON).
    extra: str = _text()
    # GDPR Art. 17 with a retention duty: hidden from lists and search until this date.
    restricted_until: date | None = Field(default=None, index=True)
    created_at: datetime = _created()
    updated_at: datetime | None = _when()
    version: int = 1
    # German phone-book order (domain.collation), set from the names on every write
    # (last, so bulk loaders append it to their column tuples).
    sort_key: str = Field(
        default="", sa_column=Column(String(300), nullable=False, server_default="")
    )
    # Consumer or business (domain.consent.Party): UWG §7 treats phone advertising differently.
    party: str = Field(
        default="consumer",
        sa_column=Column(String(10), nullable=False, server_default="consumer"),
    )

    @property
    def display_name(self) -> str:
        name = " ".join(p for p in (self.title, self.first_name, self.last_name) if p)
        return name or self.company or f"#{self.id}"


@event.listens_for(Person, "before_insert")
@event.listens_for(Person, "before_update")
def _set_sort_key(_mapper: Any, _connection: Any, person: Person) -> None:
    # Core inserts (imports, demo data) compute it themselves with `sort_key`.
    person.sort_key = sort_key(person.first_name, person.last_name, person.company)


class Address(_Versioned, SQLModel, table=True):
    """One way to reach a person, with the evidence of whether it works."""

    __tablename__ = "address"
    # The reverse lookup's filters with its order (storage.lookup_sql, migration 0015).
    __table_args__ = (
        Index("ix_address_normalized_person", "normalized", "person_id", "id"),
        Index("ix_address_rev_digits_person", "rev_digits", "person_id", "id"),
    )

    id: int | None = Field(default=None, primary_key=True)
    person_id: int = _parent("person")
    kind: str = Field(max_length=20)  # AddressKind
    scope: str = Field(default="private", max_length=20)  # Scope
    label: str = Field(default="", max_length=100)  # "WhatsApp", "Büro", vCard X-ABLabel
    raw: str = Field(max_length=1000)  # exactly as entered or imported
    # E.164 phone, normalized e-mail, folded handle or one-line postal; None if invalid.
    normalized: str | None = Field(default=None, max_length=500)
    # Reversed national significant digits of a phone number, for suffix lookup.
    rev_digits: str | None = Field(default=None, max_length=30)
    phone_type: str | None = Field(default=None, max_length=30)  # phonenumbers type
    valid: bool = True
    invalid_reason: str | None = Field(default=None, max_length=300)
    is_direct_dial: bool = False  # business extension (Durchwahl)
    # Postal parts (raw keeps the whole text).
    street: str = Field(default="", max_length=200)
    postcode: str = Field(default="", max_length=20)
    city: str = Field(default="", max_length=100)
    country: str = Field(default="", max_length=60)
    serviceable: bool = False  # ladungsfähig: fit for legal mail
    serviceable_at: datetime | None = _when()
    # Evidence the stability score reads.
    confirmed_at: datetime | None = _when()
    last_success_at: datetime | None = _when()
    failed_at: datetime | None = _when()
    failure_kind: str | None = Field(default=None, max_length=30)  # FailureKind
    is_preferred: bool = False  # vCard pref / chosen by the advisor
    # Where the address came from when not typed or imported ("request": learned from the inbox).
    source: str = Field(default="", sa_column=Column(String(30), nullable=False, server_default=""))
    created_at: datetime = _created()
    updated_at: datetime | None = _when()
    version: int = 1


class Request(_Versioned, SQLModel, table=True):
    """Something a person asked for (Eingang): the case its messages belong to.

    The messages themselves (text, subject, recipients, external ids) are
    `inbox.Message` rows; the persons it may be from are `inbox.RequestCandidate`
    rows. `channel` and `sender` are where it came in: where the answer goes.
    """

    __tablename__ = "request"

    id: int | None = Field(default=None, primary_key=True)
    person_id: int | None = _parent("person", nullable=True, on_delete="SET NULL")
    match: str = Field(default="unknown", max_length=20)  # MatchKind
    # The one suggestion a single key confirms (a unique suffix or name hint).
    suggested_person_id: int | None = _parent("person", nullable=True, on_delete="SET NULL")
    channel: str = Field(max_length=20)  # Channel
    sender: str = Field(default="", max_length=500)  # raw sender as received
    sender_normalized: str | None = Field(default=None, max_length=500, index=True)
    kind: str = Field(default="other", max_length=20)  # RequestKind
    status: str = Field(default="new", max_length=20, index=True)  # RequestStatus
    deadline_at: datetime | None = _when()  # a complaint's answer is due by then
    done_at: datetime | None = _when()
    # This request set the person's dissatisfied mark: resolving it clears the mark.
    marked_dissatisfied: bool = Field(
        default=False, sa_column=Column(Boolean, nullable=False, server_default=sa_false())
    )
    received_at: datetime = _created()
    retain_until: date | None = None  # FinVermV §23 retention lock after erasure
    created_at: datetime = _created()
    # Who recorded it (`advisor_name`) and the colleague it is handed to (None: anyone).
    created_by: str | None = Field(default=None, max_length=100)
    assigned_to: str | None = Field(default=None, max_length=100, index=True)
    updated_at: datetime | None = _when()
    version: int = 1


class Interaction(_Versioned, SQLModel, table=True):
    """A logged contact: call, message, meeting or letter; its note can be corrected."""

    __tablename__ = "interaction"
    # One row per outside event (a call monitor call) and channel, however often it arrives.
    __table_args__ = (
        Index("uq_interaction_channel_external_id", "channel", "external_id", unique=True),
    )

    id: int | None = Field(default=None, primary_key=True)
    person_id: int = _parent("person")
    address_id: int | None = _parent("address", nullable=True, on_delete="SET NULL")
    request_id: int | None = _parent("request", nullable=True, on_delete="SET NULL")
    kind: str = Field(max_length=20)  # InteractionKind
    direction: str = Field(default="out", max_length=5)  # Direction
    channel: str | None = Field(default=None, max_length=20)  # Channel
    occurred_at: datetime = Field(
        default_factory=utcnow, sa_column=Column(UTCDateTime, nullable=False, index=True)
    )
    duration_seconds: int | None = None
    outcome: str | None = Field(default=None, max_length=20)  # Outcome
    summary: str = _text()
    # A record of advice or of an order (FinVermV §23): kept 10 years.
    is_advice_record: bool = False
    retain_until: date | None = None
    # Key of the outside event this was recorded from (services.calls); None when typed in.
    external_id: str | None = Field(default=None, max_length=200, index=True)
    # The number or address as dialled or written to: kept when the address goes.
    number: str = Field(
        default="", sa_column=Column(String(500), nullable=False, server_default="", index=True)
    )
    result: str | None = Field(default=None, max_length=20)  # ContactResult (business result)
    # What the contact was for (domain.consent.ContactPurpose); UWG §7 binds advertising only.
    purpose: str | None = Field(default=None, max_length=20)
    created_at: datetime = _created()
    created_by: str | None = Field(default=None, max_length=100)  # who logged it
    updated_at: datetime | None = _when()
    # Bulk loads leave these to the database's defaults (no Python-side default).
    version: int = Field(default=1, sa_column=Column(Integer, nullable=False, server_default="1"))


class FollowUp(_Versioned, SQLModel, table=True):
    """A dated promise (Wiedervorlage): open until done, possibly snoozed."""

    __tablename__ = "followup"
    # One promise per person and outside event (a missed call), however often it arrives.
    __table_args__ = (
        Index("uq_followup_person_external_id", "person_id", "external_id", unique=True),
    )

    id: int | None = Field(default=None, primary_key=True)
    person_id: int = _parent("person")
    request_id: int | None = _parent("request", nullable=True, on_delete="SET NULL")
    kind: str = Field(default="follow_up", max_length=30)  # FollowUpKind
    due_at: datetime = Field(sa_column=Column(UTCDateTime, nullable=False, index=True))
    done_at: datetime | None = _when(index=True)
    snoozed_until: datetime | None = _when()
    note: str = _text()
    # Key of the outside event this was recorded from (services.calls); None when typed in.
    external_id: str | None = Field(default=None, max_length=200)
    # Calls this callback stands for: a second missed call adds to it.
    attempts: int = Field(default=1, sa_column=Column(Integer, nullable=False, server_default="1"))
    resolution: str | None = Field(default=None, max_length=30)  # FollowUpResolution
    resolution_note: str = _text()
    closed_by_interaction_id: int | None = _parent(
        "interaction", nullable=True, on_delete="SET NULL"
    )
    created_at: datetime = _created()
    # Who recorded it (`advisor_name`) and the colleague it is handed to (None: anyone).
    created_by: str | None = Field(default=None, max_length=100)
    assigned_to: str | None = Field(default=None, max_length=100, index=True)
    updated_at: datetime | None = _when()
    version: int = 1


class AuditEntry(SQLModel, table=True):
    """Who changed what and when. Never holds the data of an erased person."""

    __tablename__ = "audit_entry"

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(
        default_factory=utcnow, sa_column=Column(UTCDateTime, nullable=False, index=True)
    )
    actor: str = Field(default="", max_length=100)
    action: str = Field(max_length=50)  # "person.create", "address.fail", "gdpr.erase"
    entity: str = Field(max_length=30)  # table name
    entity_id: int | None = Field(default=None, index=True)
    details: str = _text()  # JSON: changed field names and, except for erasures, values
