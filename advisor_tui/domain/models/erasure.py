"""The ledger of GDPR erasures (Art. 17): which person ids were erased, and when.

No personal data: the id and the person's creation time (to tell that a row
in a restored backup is the same person, not another one that got the id in
a different database). The ledger outlives the rows it names, so restoring an
older backup can erase those persons again (`services.gdpr.ledger`).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Column, Index
from sqlmodel import Field, SQLModel

from advisor_tui.domain.models.columns import created_column
from advisor_tui.domain.timestamps import UTCDateTime


class Erasure(SQLModel, table=True):
    """One erasure of one person; the person row itself is gone or a restricted shell."""

    __tablename__ = "erasure"
    __table_args__ = (Index("ix_erasure_person_id", "person_id"),)

    id: int | None = Field(default=None, primary_key=True)
    person_id: int  # no foreign key: the person is deleted
    person_created_at: datetime | None = Field(
        default=None, sa_column=Column(UTCDateTime, nullable=True)
    )
    erased_at: datetime = created_column()
