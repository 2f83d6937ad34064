"""Dates in the chosen language's format, in local time."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime

import pytest

from advisor_tui.i18n import language, set_language
from advisor_tui.i18n.dates import format_date, format_datetime, format_time

# 13:05 UTC is 14:05 in Berlin in March (the test environment's TZ).
MOMENT = datetime(2026, 3, 1, 13, 5, 9, tzinfo=UTC)


@pytest.fixture(autouse=True)
def _restore_language() -> Iterator[None]:
    before = language()
    yield
    set_language(before)


def test_german() -> None:
    set_language("de")
    assert format_date(date(2026, 3, 1)) == "01.03.2026"
    assert format_date(MOMENT, short=True) == "01.03."
    assert format_time(MOMENT) == "14:05"
    assert format_time(MOMENT, seconds=True) == "14:05:09"
    assert format_datetime(MOMENT) == "01.03.2026 14:05"
    assert format_datetime(MOMENT, short=True) == "01.03. 14:05"


def test_english() -> None:
    set_language("en")
    assert format_date(date(2026, 3, 1)) == "2026-03-01"
    assert format_date(MOMENT, short=True) == "1 Mar"
    assert format_datetime(MOMENT) == "2026-03-01 14:05"
    assert format_datetime(MOMENT, short=True) == "1 Mar 14:05"


def test_naive_datetimes_are_utc() -> None:
    set_language("de")
    assert format_time(MOMENT.replace(tzinfo=None)) == "14:05"
