"""Phone campaigns (Telefonaktion): a call list built from a filter, stepped through.

`Campaign.criteria` is the filter as JSON (services.campaigns.criteria), kept so
the list can be explained and rebuilt. Each `CampaignEntry` is one person with
their place, state and attempts; outcomes move it (services.campaigns.stepping).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Column, Integer, String, Text
from sqlmodel import Field, SQLModel

from advisor_tui.domain.models.columns import Versioned, created_column, parent_column, when_column


class Campaign(Versioned, SQLModel, table=True):
    __tablename__ = "campaign"

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=200)
    criteria: str = Field(default="{}", sa_column=Column(Text, nullable=False, server_default="{}"))
    status: str = Field(default="active", max_length=20)  # CampaignStatus
    created_by: str = Field(
        default="", sa_column=Column(String(100), nullable=False, server_default="")
    )
    created_at: datetime = created_column()
    updated_at: datetime | None = when_column()
    version: int = Field(default=1, sa_column=Column(Integer, nullable=False, server_default="1"))


class CampaignEntry(Versioned, SQLModel, table=True):
    __tablename__ = "campaign_entry"

    id: int | None = Field(default=None, primary_key=True)
    campaign_id: int = parent_column("campaign")
    person_id: int = parent_column("person")
    position: int  # the order of the list; "back later" moves an entry to the end
    state: str = Field(default="open", max_length=20)  # EntryState
    attempts: int = Field(default=0, sa_column=Column(Integer, nullable=False, server_default="0"))
    last_outcome: str | None = Field(default=None, max_length=20)  # Outcome, or "skipped"
    retry_at: datetime | None = when_column()  # busy: not before then
    interaction_id: int | None = parent_column("interaction", nullable=True, on_delete="SET NULL")
    # Phone advertising allowed when the list was built (re-checked before each call).
    consent_ok: bool = False
    consent_reason: str = Field(
        default="", sa_column=Column(String(40), nullable=False, server_default="")
    )
    created_at: datetime = created_column()
    updated_at: datetime | None = when_column()
    version: int = Field(default=1, sa_column=Column(Integer, nullable=False, server_default="1"))
