"""The advisors of an office who share one database (issue 13)."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Field, SQLModel

from advisor_tui.domain.models.columns import created_column

NAME_LENGTH = 100


class AdvisorUser(SQLModel, table=True):
    """One advisor, by the name their `advisor_name` setting gives (default: login name).

    Rows record who created and who is assigned by this name (`created_by`,
    `assigned_to`): names, not ids, so a row stays readable after a colleague
    leaves and a single-user database needs no setup.
    """

    __tablename__ = "advisor_user"

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=NAME_LENGTH, unique=True, index=True)
    created_at: datetime = created_column()
