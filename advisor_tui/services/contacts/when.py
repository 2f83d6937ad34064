"""When a follow-up is due: the quick choices of the log modal and the one WHEN parser.

The log modal offers `followup_choices(now)`; `advisor log-call --follow-up WHEN`
and the modal's own date field read text through `parse_when`. Both work in
the advisor's local time (a callback "tomorrow" is at 9:00 on their clock)
and hand back aware UTC datetimes.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from advisor_tui.domain.timestamps import as_utc, local
from advisor_tui.services.errors import ServiceError

# The hour a day-based choice lands on ("tomorrow" = tomorrow 9:00).
MORNING = time(9, 0)

CHOICE_KEYS = ("none", "in_2h", "tomorrow", "in_3d", "next_week", "in_month")

_RELATIVE = re.compile(r"^(\d{1,3})\s*([hdwm])$")
_DATE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})(?:\s+(\d{1,2})[:.](\d{2}))?$")
_TOMORROW = {"tomorrow", "morgen"}
_NONE = {"", "none", "-", "keine", "nie"}


@dataclass(frozen=True)
class FollowUpChoice:
    """One quick choice: its key (catalog `contact.when.<key>`) and when it is due."""

    key: str
    due: datetime | None  # None for "none"


def _at_morning(day: date) -> datetime:
    return as_utc(datetime.combine(day, MORNING).astimezone())


def _add_months(day: date, months: int) -> date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def followup_choices(now: datetime) -> list[FollowUpChoice]:
    """The quick follow-up choices as facts: none, 2 h, tomorrow 9:00, 3 days, a week, a month."""
    today = local(now).date()
    return [
        FollowUpChoice("none", None),
        FollowUpChoice("in_2h", as_utc(now) + timedelta(hours=2)),
        FollowUpChoice("tomorrow", _at_morning(today + timedelta(days=1))),
        FollowUpChoice("in_3d", _at_morning(today + timedelta(days=3))),
        FollowUpChoice("next_week", _at_morning(today + timedelta(days=7))),
        FollowUpChoice("in_month", _at_morning(_add_months(today, 1))),
    ]


def parse_when(text: str, now: datetime) -> datetime | None:
    """`2h`, `3d`, `1w`, `1m`, `tomorrow`/`morgen` or `TT.MM.JJJJ [HH:MM]`; None for none.

    Raises ServiceError("contact.err.when") for anything else and
    ("contact.err.when_past") for a moment already gone.
    """
    value = " ".join(text.strip().casefold().split())
    if value in _NONE:
        return None
    today = local(now).date()
    if value in _TOMORROW:
        return _at_morning(today + timedelta(days=1))
    if match := _RELATIVE.match(value):
        count, unit = int(match.group(1)), match.group(2)
        if count == 0:
            raise ServiceError("contact.err.when", text=text.strip())
        if unit == "h":
            return as_utc(now) + timedelta(hours=count)
        if unit == "d":
            return _at_morning(today + timedelta(days=count))
        if unit == "w":
            return _at_morning(today + timedelta(weeks=count))
        return _at_morning(_add_months(today, count))
    if match := _DATE.match(value):
        day, month, year = int(match.group(1)), int(match.group(2)), int(match.group(3))
        if year < 100:
            year += 2000
        hour = int(match.group(4)) if match.group(4) else MORNING.hour
        minute = int(match.group(5)) if match.group(5) else MORNING.minute
        try:
            due = as_utc(datetime(year, month, day, hour, minute).astimezone())
        except ValueError:
            raise ServiceError("contact.err.when", text=text.strip()) from None
        if due < as_utc(now) - timedelta(minutes=1):
            raise ServiceError("contact.err.when_past", text=text.strip())
        return due
    raise ServiceError("contact.err.when", text=text.strip())
