"""The consent ledger (UWG §7, §7a; GDPR Art. 7, 21) and the advice-record seals (FinVermV §18a).

`ConsentEvent` rows are only ever added: the state of a channel is derived
from them (`domain.consent.channel_states`). `ConsentUse` logs each
advertising contact that relied on a consent (§7a: evidence kept 5 years from
the last use). `DoNotContact` keeps keyed hashes of addresses whose owner
objected, with no link to the person, so the objection survives an erasure.
`AdviceSeal` chains a hash over every record of investment advice so a
changed or removed record is detected.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Column, Index, Integer, String
from sqlmodel import Field, SQLModel

from advisor_tui.domain.models.columns import created_column, parent_column, text_column
from advisor_tui.domain.timestamps import UTCDateTime, utcnow


class ConsentEvent(SQLModel, table=True):
    """One entry of the consent ledger: granted, refused, revoked or an objection."""

    __tablename__ = "consent_event"

    id: int | None = Field(default=None, primary_key=True)
    person_id: int = parent_column("person")
    channel: str = Field(max_length=20)  # ConsentChannel
    address: str = Field(default="", max_length=500)  # the address as normalized, if one
    kind: str = Field(max_length=20)  # ConsentEventKind
    purpose: str = Field(default="", max_length=300)  # what the consent covers
    method: str = Field(max_length=30)  # ConsentMethod
    wording: str = text_column()  # the text agreed to (or the §7(3) objection notice)
    evidence: str = Field(default="", max_length=500)  # where the proof is kept
    recorded_by: str = Field(default="", max_length=100)
    occurred_at: datetime = Field(
        default_factory=utcnow, sa_column=Column(UTCDateTime, nullable=False)
    )
    created_at: datetime = created_column()


class ConsentUse(SQLModel, table=True):
    """An advertising contact that relied on a consent (§7a: 5 years from the last use)."""

    __tablename__ = "consent_use"

    id: int | None = Field(default=None, primary_key=True)
    person_id: int = parent_column("person")
    channel: str = Field(max_length=20)  # ConsentChannel
    basis: str = Field(max_length=30)  # PermissionReason the contact relied on
    interaction_id: int | None = parent_column("interaction", nullable=True, on_delete="SET NULL")
    used_at: datetime = Field(default_factory=utcnow, sa_column=Column(UTCDateTime, nullable=False))
    created_at: datetime = created_column()


class DoNotContact(SQLModel, table=True):
    """A keyed hash of an address whose owner objected; survives the owner's erasure."""

    __tablename__ = "do_not_contact"

    id: int | None = Field(default=None, primary_key=True)
    address_hash: str = Field(sa_column=Column(String(64), nullable=False, unique=True, index=True))
    channel: str = Field(max_length=20)  # ConsentChannel of the address
    created_at: datetime = created_column()


class ConsentKey(SQLModel, table=True):
    """The installation's random key for the do-not-contact hashes (one row)."""

    __tablename__ = "consent_key"

    id: int | None = Field(default=None, primary_key=True)
    key_hex: str = Field(max_length=64)
    created_at: datetime = created_column()


class AdviceSeal(SQLModel, table=True):
    """One link of the hash chain over records of investment advice (FinVermV §18a, §23).

    `interaction_id` is a plain number, not a foreign key: a record deleted
    out of turn must leave its seal behind so the gap is seen.
    """

    __tablename__ = "advice_seal"
    __table_args__ = (Index("uq_advice_seal_interaction", "interaction_id", unique=True),)

    id: int | None = Field(default=None, primary_key=True)
    seq: int = Field(sa_column=Column(Integer, nullable=False, unique=True))
    interaction_id: int = Field(sa_column=Column(Integer, nullable=False))
    # The record this one corrects (corrections are new records, never edits).
    corrects_id: int | None = None
    content_hash: str = Field(max_length=64)
    prev_hash: str = Field(max_length=64)
    chain_hash: str = Field(max_length=64)
    retain_until: date  # first day the record may be deleted (FinVermV §23)
    sealed_at: datetime = created_column()
