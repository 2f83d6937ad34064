"""Upcoming birthdays with the last real contact and what is open."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from sqlmodel import Session

from advisor_tui.domain.models import FollowUp, Interaction, Request
from advisor_tui.services.birthdays import context_text, next_birthday, upcoming_birthdays
from advisor_tui.services.persons.editing import PersonData, add_person

NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


def test_next_birthday_wraps_the_year_and_handles_29_february() -> None:
    assert next_birthday(date(1970, 12, 1), date(2026, 12, 1)) == date(2026, 12, 1)
    assert next_birthday(date(1970, 11, 30), date(2026, 12, 1)) == date(2027, 11, 30)
    assert next_birthday(date(1988, 2, 29), date(2027, 2, 1)) == date(2027, 2, 28)
    assert next_birthday(date(1988, 2, 29), date(2028, 2, 1)) == date(2028, 2, 29)


def _born(session: Session, first: str, born: date) -> int:
    person = add_person(session, PersonData(first, "Test", birthday=born))
    assert person.id is not None
    return person.id


def test_the_next_14_days_with_real_contact_and_open_items(session: Session) -> None:
    soon = _born(session, "Soon", date(1968, 12, 5))
    today = _born(session, "Today", date(1990, 12, 1))
    _born(session, "Later", date(1980, 12, 16))  # 15 days ahead: not yet
    _born(session, "Past", date(1980, 11, 30))
    # A greeting sent is not care; the call that reached her is the last real contact.
    session.add(Interaction(person_id=soon, kind="call", direction="out", outcome="reached",
                            occurred_at=NOW - timedelta(days=200)))  # fmt: skip
    session.add(Interaction(person_id=soon, kind="message", direction="out", outcome="sent",
                            occurred_at=NOW - timedelta(days=2)))  # fmt: skip
    session.add(Request(person_id=soon, channel="email", kind="question", status="open"))
    session.add(FollowUp(person_id=soon, kind="follow_up", due_at=NOW))
    session.commit()
    items = upcoming_birthdays(session, NOW)
    assert [(i.person_id, i.on, i.age) for i in items] == [
        (today, date(2026, 12, 1), 36),
        (soon, date(2026, 12, 5), 58),
    ]
    first, second = items
    assert first.last_real_contact is None and first.open_items == 0
    assert second.last_real_contact == NOW - timedelta(days=200)
    assert (second.open_requests, second.open_followups) == (1, 1)
    assert context_text(second) == "Letzter echter Kontakt 15.05.2026 (Anruf) · 2 offene Punkte"
