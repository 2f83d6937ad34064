"""The one birthday parser: forms, two-digit years, impossible and implausible days."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from advisor_tui.domain.dates import (
    MAX_AGE_YEARS,
    REASONS,
    BirthdayError,
    NoYear,
    format_birthday,
    optional_birthday,
    parse_birthday,
)
from advisor_tui.i18n import CATALOG

TODAY = date(2026, 12, 1)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("15.03.1980", date(1980, 3, 15)),
        ("1.3.1980", date(1980, 3, 15).replace(day=1)),
        ("01.03.44", date(1944, 3, 1)),  # two digits: the most recent past year
        ("1.3.44", date(1944, 3, 1)),
        ("01.03.26", date(2026, 3, 1)),
        ("30.11.26", date(2026, 11, 30)),
        ("02.12.26", date(1926, 12, 2)),  # tomorrow in 2026: so 1926
        ("01.12.26", date(2026, 12, 1)),  # today
        ("29.02.24", date(2024, 2, 29)),
        ("29.02.00", date(2000, 2, 29)),
        ("29.02.25", None),  # neither 2025 nor 1925 is a leap year
        ("1980-03-15", date(1980, 3, 15)),
        ("1980-03-15T00:00:00Z", date(1980, 3, 15)),
        ("19800315", date(1980, 3, 15)),
        ("3/15/1980", date(1980, 3, 15)),
        ("  15.03.1980 ", date(1980, 3, 15)),
    ],
)
def test_forms(text: str, expected: date | None) -> None:
    if expected is None:
        with pytest.raises(BirthdayError) as caught:
            parse_birthday(text, TODAY)
        assert caught.value.reason == "no_such_day"
    else:
        assert parse_birthday(text, TODAY) == expected


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("31.02.1958", "no_such_day"),
        ("32.01.1980", "no_such_day"),
        ("15.13.1980", "no_such_day"),
        ("1980-02-30", "no_such_day"),
        ("--0231", "no_such_day"),
        ("15.03.2030", "in_future"),
        ("02.12.2026", "in_future"),
        ("01.01.1850", "too_old"),
        ("", "format"),
        ("morgen", "format"),
        ("15.03.198", "format"),
        ("15-03-1980", "format"),
        ("1980/03/15", "format"),
        ("--0315", "no_year"),
        ("--03-15", "no_year"),
    ],
)
def test_reasons(text: str, reason: str) -> None:
    with pytest.raises(BirthdayError) as caught:
        parse_birthday(text, TODAY)
    assert caught.value.reason == reason
    assert isinstance(caught.value, ValueError)
    assert isinstance(caught.value, NoYear) == (reason == "no_year")


def test_every_reason_has_a_sentence_in_both_languages() -> None:
    for reason in REASONS:
        texts = CATALOG[f"birthday.err.{reason}"]
        assert texts["de"] and texts["en"]
    error = BirthdayError("no_such_day", "31.02.1958")
    assert CATALOG[error.key]["de"].format(text=error.text) == "Den 31.02.1958 gibt es nicht."


def test_apple_placeholder_year_means_no_year() -> None:
    with pytest.raises(NoYear):
        parse_birthday("1604-03-15", TODAY, omit_year=1604)
    assert parse_birthday("1980-03-15", TODAY, omit_year=1604) == date(1980, 3, 15)


def test_optional_birthday_allows_empty_fields() -> None:
    for text in ("", "  ", "0.0.00", "00.00.00", "0/0/00"):
        assert optional_birthday(text, TODAY) is None
    assert optional_birthday("15.03.1980", TODAY) == date(1980, 3, 15)


birthdays = st.dates(min_value=TODAY.replace(year=TODAY.year - MAX_AGE_YEARS), max_value=TODAY)


@given(birthdays)
def test_every_plausible_birthday_reads_back_in_every_form(born: date) -> None:
    for text in (
        format_birthday(born),
        f"{born.day}.{born.month}.{born.year}",
        born.isoformat(),
        f"{born:%Y%m%d}",
        f"{born.month}/{born.day}/{born.year}",
    ):
        assert parse_birthday(text, TODAY) == born, text


@given(birthdays)
def test_two_digit_years_are_the_most_recent_past(born: date) -> None:
    parsed = parse_birthday(f"{born:%d.%m.%y}", TODAY)
    assert parsed <= TODAY
    assert (parsed.month, parsed.day, parsed.year % 100) == (born.month, born.day, born.year % 100)
    assert TODAY - parsed < timedelta(days=366 * 100)


@given(st.text(max_size=12), st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 1, 1)))
def test_never_in_the_future_and_errors_are_value_errors(text: str, today: date) -> None:
    try:
        parsed = parse_birthday(text, today)
    except BirthdayError as exc:
        assert exc.reason in REASONS
    else:
        assert today.year - MAX_AGE_YEARS <= parsed.year and parsed <= today
