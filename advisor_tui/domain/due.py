"""When a follow-up is due in fact: its due time, or the end of its snooze if later."""

from __future__ import annotations

from datetime import datetime
from typing import Protocol

from advisor_tui.domain.timestamps import as_utc


class Dated(Protocol):
    due_at: datetime
    snoozed_until: datetime | None


def effective_at(followup: Dated) -> datetime:
    """max(due_at, snoozed_until), aware UTC."""
    due = as_utc(followup.due_at)
    snoozed = as_utc(followup.snoozed_until) if followup.snoozed_until else None
    return max(due, snoozed) if snoozed else due


def is_snoozed(followup: Dated, now: datetime) -> bool:
    """True while a snooze hides the follow-up."""
    return followup.snoozed_until is not None and as_utc(followup.snoozed_until) > as_utc(now)


def is_overdue(followup: Dated, now: datetime) -> bool:
    """Overdue by its effective time (a snoozed one is not, until the snooze ends)."""
    return effective_at(followup) < as_utc(now)
