"""Complaint deadlines (VersVermV §17): pure rules over dates and a holiday calendar.

A complaint is confirmed promptly and answered "unverzüglich"; the defaults
(2 working days to acknowledge, 10 to answer, both configurable) count working
days: Monday to Friday without the public holidays of the advisor's Bundesland,
which the caller passes in (`services.complaints.calendar`). When the answer
cannot be given in time an interim reply explaining the delay is due by the
same date. Days left are calendar days, as the advisor reads a wall calendar.
"""

from __future__ import annotations

from collections.abc import Container
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum


class ComplaintKind(StrEnum):
    COMPLAINT = "complaint"
    # A plain request for information or performance is not a complaint (BDVM).
    INFORMATION = "information"


class ComplaintStatus(StrEnum):
    OPEN = "open"
    ANSWERED = "answered"
    WITHDRAWN = "withdrawn"


class Step(StrEnum):
    ACKNOWLEDGE = "acknowledge"
    ANSWER = "answer"


@dataclass(frozen=True)
class DeadlineRules:
    acknowledge_working_days: int = 2
    answer_working_days: int = 10


def is_working_day(day: date, holidays: Container[date]) -> bool:
    return day.weekday() < 5 and day not in holidays


def add_working_days(start: date, days: int, holidays: Container[date]) -> date:
    """The `days`-th working day after `start` (`start` itself when days is 0)."""
    day = start
    left = days
    while left > 0:
        day += timedelta(days=1)
        if is_working_day(day, holidays):
            left -= 1
    return day


@dataclass(frozen=True)
class Deadline:
    step: Step
    due: date
    done: date | None  # when it was done, if it was

    def days_left(self, today: date) -> int:
        """Calendar days until the deadline: 0 today, negative when overdue."""
        return (self.due - today).days

    def is_overdue(self, today: date) -> bool:
        return self.done is None and today > self.due

    def was_late(self) -> bool:
        return self.done is not None and self.done > self.due


def deadlines(
    received: date,
    acknowledged: date | None,
    answered: date | None,
    rules: DeadlineRules,
    holidays: Container[date],
) -> list[Deadline]:
    """The acknowledgement and answer deadlines of a complaint received on `received`."""
    return [
        Deadline(
            Step.ACKNOWLEDGE,
            add_working_days(received, rules.acknowledge_working_days, holidays),
            acknowledged,
        ),
        Deadline(
            Step.ANSWER, add_working_days(received, rules.answer_working_days, holidays), answered
        ),
    ]


def next_open(found: list[Deadline]) -> Deadline | None:
    """The first deadline not yet met, or None when everything is done."""
    return next((d for d in found if d.done is None), None)


def goodwill_end(guarantee_end: date | None, tolerance_days: int | None) -> date | None:
    """The last day the advisor's goodwill covers: the guarantee's end plus the tolerance."""
    if guarantee_end is None:
        return None
    return guarantee_end + timedelta(days=tolerance_days or 0)
