"""Flags with history, suggestions from the data, and the attention list's order."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlmodel import Session

from advisor_tui.domain.models import FollowUp, Interaction, Request
from advisor_tui.services.attention.suggestions import recommend, suggestions
from advisor_tui.services.attention.view import Section, attention
from advisor_tui.services.complaints.register import add_complaint
from advisor_tui.services.errors import ServiceError
from advisor_tui.services.flags import clear_flag, flags_for, history, set_flag
from advisor_tui.services.persons.editing import PersonData, add_person

NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


def _person(session: Session, first: str) -> int:
    person = add_person(session, PersonData(first, "Test"))
    assert person.id is not None
    return person.id


def test_set_and_clear_keep_who_when_why(session: Session) -> None:
    anna = _person(session, "Anna")
    set_flag(session, anna, "super", "empfiehlt uns ständig", now=NOW)
    assert flags_for(session, anna) == {"super"}
    with pytest.raises(ServiceError):
        set_flag(session, anna, "super", "noch mal", now=NOW)
    with pytest.raises(ServiceError):
        clear_flag(session, anna, "super", " ", now=NOW)  # no reason
    clear_flag(session, anna, "super", "ist umgezogen", now=NOW + timedelta(days=1))
    session.commit()
    assert flags_for(session, anna) == frozenset()
    events = history(session, anna)
    assert [(e.action, e.reason) for e in events] == [
        ("clear", "ist umgezogen"),
        ("set", "empfiehlt uns ständig"),
    ]
    assert all(e.actor for e in events)


def test_payment_trouble_needs_a_plan_and_gets_a_follow_up(session: Session) -> None:
    anna = _person(session, "Anna")
    with pytest.raises(ServiceError):
        set_flag(session, anna, "payment", "Jobverlust", now=NOW)
    event = set_flag(
        session, anna, "payment", "Jobverlust", next_step="Stundung bei der PKV anfragen",
        follow_up_at=NOW + timedelta(days=7), now=NOW,
    )  # fmt: skip
    session.commit()
    followup = session.get(FollowUp, event.followup_id)
    assert followup is not None and followup.note == "Stundung bei der PKV anfragen"
    assert followup.due_at == NOW + timedelta(days=7)


def _calls(session: Session, pid: int, reached: int, missed: int) -> None:
    for i in range(reached + missed):
        session.add(
            Interaction(
                person_id=pid, kind="call", direction="out",
                outcome="reached" if i < reached else "no_answer",
                occurred_at=NOW - timedelta(days=30 + i),
            )
        )  # fmt: skip


def test_the_attention_list_order_and_suggestions(session: Session) -> None:
    calm = _person(session, "Calm")  # dissatisfied, nothing overdue
    loud = _person(session, "Loud")  # dissatisfied with an overdue follow-up
    broke = _person(session, "Broke")
    star = _person(session, "Star")  # super customer, silent for months
    recent_star = _person(session, "Recent")  # super customer, called last week
    fan = _person(session, "Fan")  # orders, recommends, reachable: suggested super
    friend = _person(session, "Friend")
    angry = _person(session, "Angry")  # open complaint, not flagged: suggested dissatisfied
    set_flag(session, calm, "dissatisfied", "Ton im Gespräch", now=NOW - timedelta(days=20))
    set_flag(session, loud, "dissatisfied", "Schaden", now=NOW - timedelta(days=2))
    session.add(FollowUp(person_id=loud, kind="follow_up", due_at=NOW - timedelta(days=1)))
    set_flag(session, broke, "payment", "Kurzarbeit", next_step="Beiträge prüfen",
             follow_up_at=NOW + timedelta(days=3), now=NOW)  # fmt: skip
    set_flag(session, star, "super", "Stammkunde", now=NOW - timedelta(days=400))
    set_flag(session, recent_star, "super", "Stammkunde", now=NOW - timedelta(days=400))
    session.add(Interaction(person_id=star, kind="call", occurred_at=NOW - timedelta(weeks=20)))
    session.add(
        Interaction(person_id=recent_star, kind="call", occurred_at=NOW - timedelta(days=7))
    )
    for _ in range(2):
        session.add(Request(person_id=fan, channel="email", kind="order", status="done"))
    _calls(session, fan, 3, 1)
    recommend(session, friend, fan)
    add_complaint(session, person_id=angry, reason="Antwort fehlt", received_at=NOW)
    session.commit()

    found = {(s.person_id, s.flag.value) for s in suggestions(session, NOW)}
    assert found == {(fan, "super"), (angry, "dissatisfied")}
    result = attention(session, NOW)
    assert [(i.section.value, i.person_id) for i in result.items] == [
        ("dissatisfied", loud),  # overdue first
        ("dissatisfied", calm),
        ("payment", broke),
        ("super", star),  # the recent one is not listed
        ("suggested", angry),
        ("suggested", fan),
    ]
    assert result.section(Section.PAYMENT)[0].next_step == "Beiträge prüfen"
    # A suggestion changes nothing by itself.
    assert flags_for(session, fan) == frozenset()
