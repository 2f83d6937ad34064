"""Column helpers shared by every table module of `domain.models`."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Column, ForeignKey, Integer, Text
from sqlalchemy.orm import declared_attr
from sqlmodel import Field

from advisor_tui.domain.timestamps import UTCDateTime, utcnow


def when_column(*, nullable: bool = True, index: bool = False) -> Any:
    """A timezone-aware timestamp column (None by default)."""
    return Field(default=None, sa_column=Column(UTCDateTime, nullable=nullable, index=index))


def created_column() -> Any:
    return Field(default_factory=utcnow, sa_column=Column(UTCDateTime, nullable=False))


def parent_column(table: str, *, nullable: bool = False, on_delete: str = "CASCADE") -> Any:
    """A foreign key to `table.id`, indexed."""
    return Field(
        default=None,
        sa_column=Column(
            Integer, ForeignKey(f"{table}.id", ondelete=on_delete), nullable=nullable, index=True
        ),
    )


def text_column() -> Any:
    return Field(default="", sa_column=Column(Text, nullable=False, server_default=""))


class Versioned:
    """Optimistic locking by the database: `version` is SQLAlchemy's version counter.

    Every ORM UPDATE and DELETE carries `WHERE version = <the version loaded>`
    and sets `version + 1`; a row changed by someone else meanwhile matches
    nothing and the flush raises `StaleDataError` (services turn it into
    `ServiceError("stale_write")`). Core statements bypass this on purpose
    (bulk loads and imports write `version` themselves).
    """

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:  # noqa: N805
        return {"version_id_col": cls.__table__.c.version}  # type: ignore[attr-defined]
