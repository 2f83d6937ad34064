"""Dates and times as the current language writes them.

German: 01.03.2026, 14:05, 01.03.2026 14:05 (short: 01.03. 14:05).
English: 2026-03-01, 14:05, 2026-03-01 14:05 (short: 1 Mar 14:05).
Datetimes are shown in the machine's local time; naive ones are taken as
UTC (how the database keeps them). No locale settings are used, so the
output is the same on every machine.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time

from advisor_tui.i18n import language

_MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _local(value: datetime) -> datetime:
    return (value.replace(tzinfo=UTC) if value.tzinfo is None else value).astimezone()


def _day(value: date | datetime) -> date:
    return _local(value).date() if isinstance(value, datetime) else value


def format_date(value: date | datetime, *, short: bool = False) -> str:
    """A day: 01.03.2026 / 2026-03-01; `short` drops the year (01.03. / 1 Mar)."""
    day = _day(value)
    if language() == "de":
        return f"{day:%d.%m.}" if short else f"{day:%d.%m.%Y}"
    return f"{day.day} {_MONTHS_EN[day.month - 1]}" if short else day.isoformat()


def format_time(value: datetime | time, *, seconds: bool = False) -> str:
    """A time of day, 24-hour in both languages: 14:05 (14:05:09 with `seconds`)."""
    moment = _local(value).timetz() if isinstance(value, datetime) else value
    return f"{moment:%H:%M:%S}" if seconds else f"{moment:%H:%M}"


def format_datetime(value: datetime, *, short: bool = False) -> str:
    """Day and time: 01.03.2026 14:05 / 2026-03-01 14:05 (`short`: without the year)."""
    return f"{format_date(value, short=short)} {format_time(value)}"
