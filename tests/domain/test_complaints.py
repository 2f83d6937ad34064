"""Complaint deadlines: working days, weekends and a Bundesland's own holiday."""

from __future__ import annotations

from datetime import date

import pytest

from advisor_tui.domain.complaints import (
    DeadlineRules,
    Step,
    add_working_days,
    deadlines,
    goodwill_end,
    next_open,
)
from advisor_tui.services.complaints.calendar import public_holidays

RULES = DeadlineRules(acknowledge_working_days=2, answer_working_days=10)


@pytest.mark.parametrize(
    ("received", "state", "acknowledge_by", "answer_by"),
    [
        # Monday: plain working days.
        (date(2026, 3, 2), "BE", date(2026, 3, 4), date(2026, 3, 16)),
        # Friday: the weekend does not count.
        (date(2026, 1, 9), "BE", date(2026, 1, 13), date(2026, 1, 23)),
        # Saturday: counting starts Monday.
        (date(2026, 1, 10), "BE", date(2026, 1, 13), date(2026, 1, 23)),
        # Monday 5 Jan: Epiphany (Tue 6 Jan) is a holiday in Bavaria, not in Berlin.
        (date(2026, 1, 5), "BY", date(2026, 1, 8), date(2026, 1, 20)),
        (date(2026, 1, 5), "BE", date(2026, 1, 7), date(2026, 1, 19)),
        # Maundy Thursday: Good Friday and Easter Monday are holidays everywhere.
        (date(2026, 4, 2), "NW", date(2026, 4, 8), date(2026, 4, 20)),
        # Christmas across the year's end.
        (date(2026, 12, 23), "", date(2026, 12, 28), date(2027, 1, 8)),
    ],
)
def test_deadlines_count_working_days(
    received: date, state: str, acknowledge_by: date, answer_by: date
) -> None:
    found = deadlines(received, None, None, RULES, public_holidays(state))
    assert [(d.step, d.due) for d in found] == [
        (Step.ACKNOWLEDGE, acknowledge_by),
        (Step.ANSWER, answer_by),
    ]


def test_days_left_and_overdue_on_a_fixed_day() -> None:
    found = deadlines(date(2026, 1, 5), None, None, RULES, public_holidays("BY"))
    acknowledge = found[0]
    assert acknowledge.days_left(date(2026, 1, 5)) == 3
    assert acknowledge.days_left(date(2026, 1, 8)) == 0
    assert not acknowledge.is_overdue(date(2026, 1, 8))
    assert acknowledge.days_left(date(2026, 1, 12)) == -4
    assert acknowledge.is_overdue(date(2026, 1, 12))


def test_done_steps_are_not_overdue_and_the_next_open_one_counts() -> None:
    found = deadlines(date(2026, 1, 5), date(2026, 1, 9), None, RULES, set())
    assert not found[0].is_overdue(date(2026, 2, 1))
    assert found[0].was_late()
    assert next_open(found) is found[1]
    done = deadlines(date(2026, 1, 5), date(2026, 1, 6), date(2026, 1, 7), RULES, set())
    assert next_open(done) is None


def test_zero_days_is_the_day_itself() -> None:
    assert add_working_days(date(2026, 1, 10), 0, set()) == date(2026, 1, 10)


def test_goodwill_end_adds_the_tolerance() -> None:
    assert goodwill_end(date(2026, 3, 31), 14) == date(2026, 4, 14)
    assert goodwill_end(date(2026, 3, 31), None) == date(2026, 3, 31)
    assert goodwill_end(None, 14) is None
