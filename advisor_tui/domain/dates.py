"""One birthday parser for the person form and every import.

Accepted: `15.03.1980`, `1.3.80`, `01.03.44` (German, two-digit years are the
most recent past year: a birthday is never in the future), `1980-03-15`
(ISO, also with a time as some exports write), `19800315`, `3/15/1980`
(Outlook's US CSV). `--0315` (vCard, no year) raises `NoYear`: Person.birthday
cannot hold it, so imports keep the property as they found it.
"""

from __future__ import annotations

import re
from datetime import date

# What the form's error line says, by reason: the catalog key is `birthday.err.<reason>`.
REASONS = ("format", "no_such_day", "in_future", "too_old", "no_year")
MAX_AGE_YEARS = 130
# Empty dates as some exports write them.
EMPTY_FORMS = frozenset({"0.0.00", "00.00.00", "0/0/00", "00/00/00", "00.00.0000"})

_GERMAN = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})$")
_ISO = re.compile(r"^(\d{4})-?(\d{2})-?(\d{2})(?:[T ].*)?$")
_US = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})$")
_NO_YEAR = re.compile(r"^--(\d{2})-?(\d{2})$")
_LEAP_YEAR = 2000


class BirthdayError(ValueError):
    """Text that is no birthday; `reason` is one of REASONS, `key` its catalog key."""

    def __init__(self, reason: str, text: str) -> None:
        super().__init__(f"{reason}: {text}")
        self.reason = reason
        self.text = text

    @property
    def key(self) -> str:
        return f"birthday.err.{self.reason}"


class NoYear(BirthdayError):
    """A valid day and month without a year (`--0315`)."""

    def __init__(self, text: str) -> None:
        super().__init__("no_year", text)


def _day(text: str, year: int, month: int, day: int) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise BirthdayError("no_such_day", text) from None


def _recent_past(text: str, yy: int, month: int, day: int, today: date) -> date:
    """The date with two-digit year `yy` in the century that puts it on or before today."""
    century = today.year // 100 * 100
    try:
        born = date(century + yy, month, day)
    except ValueError:
        # 29.02. in a year of this century that is no leap year: maybe the last one is.
        return _day(text, century - 100 + yy, month, day)
    if born > today:
        return _day(text, century - 100 + yy, month, day)
    return born


def parse_birthday(text: str, today: date, *, omit_year: int | None = None) -> date:
    """The birthday written in `text`, as seen on `today`.

    Raises BirthdayError with reason `format`, `no_such_day` (31.02.1958),
    `in_future` or `too_old`, and NoYear for a date without a year (also
    `omit_year`'s placeholder year, Apple's X-APPLE-OMIT-YEAR).
    """
    value = text.strip()
    if match := _NO_YEAR.match(value):
        month, day = (int(g) for g in match.groups())
        _day(value, _LEAP_YEAR, month, day)
        raise NoYear(value)
    if match := _GERMAN.match(value):
        day, month, year = (int(g) for g in match.groups())
        two_digits = len(match.group(3)) == 2
    elif match := _ISO.match(value):
        year, month, day = (int(g) for g in match.groups())
        two_digits = False
    elif match := _US.match(value):
        month, day, year = (int(g) for g in match.groups())
        two_digits = len(match.group(3)) == 2
    else:
        raise BirthdayError("format", value)
    if omit_year is not None and year == omit_year:
        _day(value, _LEAP_YEAR, month, day)
        raise NoYear(value)
    born = (
        _recent_past(value, year, month, day, today)
        if two_digits
        else _day(value, year, month, day)
    )
    if born > today:
        raise BirthdayError("in_future", value)
    if born.year < today.year - MAX_AGE_YEARS:
        raise BirthdayError("too_old", value)
    return born


def optional_birthday(text: str, today: date, *, omit_year: int | None = None) -> date | None:
    """`parse_birthday`, but None for an empty field (or an export's empty date)."""
    value = text.strip()
    if not value or value in EMPTY_FORMS:
        return None
    return parse_birthday(value, today, omit_year=omit_year)


def format_birthday(born: date) -> str:
    """How a birthday is written back into the form: `15.03.1980`."""
    return f"{born:%d.%m.%Y}"
