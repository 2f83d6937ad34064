"""When things are due: working hours for callbacks, snooze choices, typed dates.

Pure functions of "now" in local time (the machine's zone; Europe/Berlin at
an advisor's desk). Working hours are Monday to Friday, 8 to 18 o'clock.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from advisor_tui.domain.timestamps import as_utc, local

WORK_START = time(8, 0)
WORK_END = time(18, 0)
# Where a callback's due time lands by default: within this many working hours.
DEFAULT_CALLBACK_WITHIN_HOURS = 2.0
SNOOZE_HOUR = time(9, 0)


def _at(day: date, moment: time) -> datetime:
    """`day` at `moment` in local time, as an aware datetime."""
    return datetime.combine(day, moment).astimezone()


def _next_working_start(day: date) -> datetime:
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return _at(day, WORK_START)


def add_working_hours(at: datetime, hours: float) -> datetime:
    """`at` plus `hours` counted only in working time (Mon–Fri 8–18, local); aware UTC.

    A call at 19:00 on a Friday with 2 hours is due on Monday at 10:00.
    """
    moment = local(at)
    remaining = timedelta(hours=max(hours, 0))
    while True:
        day = moment.date()
        start, end = _at(day, WORK_START), _at(day, WORK_END)
        if day.weekday() >= 5 or moment >= end:
            moment = _next_working_start(day + timedelta(days=1))
            continue
        moment = max(moment, start)
        if moment + remaining <= end:
            return as_utc(moment + remaining)
        remaining -= end - moment
        moment = _next_working_start(day + timedelta(days=1))


@dataclass(frozen=True)
class SnoozeChoice:
    """One way to snooze: `key` names its text (`agenda.snooze.<key>`); `until` None = ask."""

    key: str
    until: datetime | None


def snooze_choices(now: datetime) -> list[SnoozeChoice]:
    """1 hour, tomorrow 9:00, next week's Monday 9:00, and a date to type."""
    today = local(now).date()
    monday = today + timedelta(days=7 - today.weekday())
    return [
        SnoozeChoice("hour", as_utc(now) + timedelta(hours=1)),
        SnoozeChoice("tomorrow", as_utc(_at(today + timedelta(days=1), SNOOZE_HOUR))),
        SnoozeChoice("next_week", as_utc(_at(monday, SNOOZE_HOUR))),
        SnoozeChoice("date", None),
    ]


_GERMAN = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})?(?:\s+(\d{1,2})[:.](\d{2}))?$")
_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{1,2}):(\d{2}))?$")


class MomentError(ValueError):
    """Text that is no date (with an optional time)."""


def parse_moment(text: str, now: datetime, *, default_time: time = SNOOZE_HOUR) -> datetime:
    """A typed date, local: `15.03.2027`, `15.3.`, `15.03.27 14:30`, `2027-03-15T14:30`.

    Without a year the next such day from today on; without a time `default_time`.
    Returns aware UTC; raises MomentError.
    """
    value = " ".join(text.split())
    today = local(now).date()
    if match := _GERMAN.match(value):
        d, m, y, hh, mm = match.groups()
        year = today.year if y is None else (int(y) + 2000 if len(y) == 2 else int(y))
    elif match := _ISO.match(value):
        y, m, d, hh, mm = match.groups()
        year = int(y)
    else:
        raise MomentError(value)
    try:
        day = date(year, int(m), int(d))
        if match.re is _GERMAN and match.group(3) is None and day < today:
            day = date(year + 1, int(m), int(d))
        moment = time(int(hh), int(mm)) if hh is not None else default_time
    except ValueError:
        raise MomentError(value) from None
    return as_utc(_at(day, moment))


def end_of_day(day: date) -> datetime:
    """The last moment of a local day, aware UTC (for "until this date")."""
    return as_utc(_at(day + timedelta(days=1), time(0, 0))) - timedelta(microseconds=1)
