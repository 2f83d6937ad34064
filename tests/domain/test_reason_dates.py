"""A reason's dates read as every other date: the one formatter in `i18n.dates`."""

from __future__ import annotations

from datetime import UTC, date, datetime

from advisor_tui.domain.reasons import Reason
from advisor_tui.i18n import set_language
from advisor_tui.i18n.dates import format_date


def test_reason_dates_use_the_shared_format() -> None:
    bounced = Reason("stab.failed.bounced", {"date": date(2025, 12, 31)})
    at_night = Reason("stab.failed.bounced", {"date": datetime(2025, 12, 31, 23, 30, tzinfo=UTC)})
    try:
        assert bounced.text() == "unzustellbar am 31.12.2025"
        # Datetimes in local time (the tests run in Europe/Berlin): already the next day.
        assert at_night.text() == f"unzustellbar am {format_date(at_night.params['date'])}"
        assert at_night.text() == "unzustellbar am 01.01.2026"
        set_language("en")
        assert bounced.text() == "bounced 2025-12-31"
    finally:
        set_language("de")
