"""Timezone-aware timestamps: stored as UTC, handed out as aware datetimes."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import DateTime
from sqlalchemy.types import TypeDecorator


def utcnow() -> datetime:
    """The current time as an aware UTC datetime."""
    return datetime.now(UTC)


def as_utc(value: datetime) -> datetime:
    """Treat naive datetimes as UTC (SQLite forgets the zone); convert aware ones."""
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value.astimezone(UTC)


def local(value: datetime) -> datetime:
    """The same instant in the machine's local time zone, for display."""
    return as_utc(value).astimezone()


class UTCDateTime(TypeDecorator[datetime]):
    """A DateTime column that always stores UTC and always returns aware datetimes.

    SQLite has no time zone type, so values are stored naive in UTC and given
    their zone back on the way out; PostgreSQL gets `timestamptz`.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: object) -> datetime | None:
        if value is None:
            return None
        if not isinstance(value, datetime):
            raise TypeError(f"expected datetime, got {type(value).__name__}")
        aware = as_utc(value)
        if getattr(dialect, "name", "") == "sqlite":
            return aware.replace(tzinfo=None)
        return aware

    def process_result_value(self, value: datetime | None, dialect: object) -> datetime | None:
        if value is None:
            return None
        return as_utc(value)
