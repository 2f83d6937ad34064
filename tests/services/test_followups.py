"""The agenda service: sections across midnight, snooze, done; callbacks close themselves."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlmodel import Session, select

from advisor_tui.domain.models import FollowUp, Interaction, Request
from advisor_tui.services.calls.recording import log_answered_call, record_missed_call
from advisor_tui.services.errors import ServiceError, StaleWrite
from advisor_tui.services.followups.actions import mark_done, snooze
from advisor_tui.services.followups.agenda import agenda, counts
from advisor_tui.services.followups.timing import (
    MomentError,
    add_working_hours,
    parse_moment,
    snooze_choices,
)
from advisor_tui.services.persons.editing import PersonData, add_address, add_person

BERLIN = ZoneInfo("Europe/Berlin")


def berlin(*args: int) -> datetime:
    """A wall-clock time in Berlin (the tests' local zone: TZ=Europe/Berlin)."""
    return datetime(*args, tzinfo=BERLIN)


# Tuesday 1 December 2026, 23:30 in Berlin.
NOW = berlin(2026, 12, 1, 23, 30)


@pytest.fixture
def anna(session: Session) -> int:
    person = add_person(session, PersonData("Anna", "Müller"))
    add_address(session, person.id, "email", "anna@example.org")
    add_address(session, person.id, "mobile", "0171 2345678")
    session.commit()
    return person.id


def _followup(session: Session, person_id: int, due: datetime, note: str = "x", **kw) -> int:
    f = FollowUp(person_id=person_id, kind="follow_up", due_at=due, note=note, **kw)
    session.add(f)
    session.commit()
    assert f.id is not None
    return f.id


def test_sections_across_midnight(session: Session, anna: int) -> None:
    _followup(session, anna, berlin(2026, 12, 1, 23, 0), "before")  # overdue
    _followup(session, anna, berlin(2026, 12, 1, 23, 59), "tonight")  # today
    _followup(session, anna, berlin(2026, 12, 2, 0, 1), "after midnight")  # upcoming
    _followup(session, anna, berlin(2026, 12, 9, 9, 0), "next week")
    done = _followup(session, anna, berlin(2026, 11, 1, 9, 0), "done")
    mark_done(session, done, "", None, NOW)
    session.commit()
    result = agenda(session, NOW)
    assert [i.reason for i in result.overdue] == ["before"]
    assert [i.reason for i in result.today] == ["tonight"]
    assert [i.reason for i in result.upcoming] == ["after midnight", "next week"]
    item = result.overdue[0]
    assert item.person_name == "Anna Müller" and item.number == "0171 2345678"
    assert item.overdue and item.attempts == 1
    assert counts(session, NOW) == (1, 1)
    # At midnight it is Wednesday: what was upcoming is today, tonight's is overdue.
    later = agenda(session, berlin(2026, 12, 2, 0, 0))
    assert [i.reason for i in later.overdue] == ["before", "tonight"]
    assert [i.reason for i in later.today] == ["after midnight"]
    # until: the horizon; overdue ones always included.
    short = agenda(session, NOW, until=berlin(2026, 12, 2, 23, 59))
    assert [i.reason for i in short.items] == ["before", "tonight", "after midnight"]


def test_snooze_hides_until_then_and_keeps_the_due_date(session: Session, anna: int) -> None:
    due = berlin(2026, 12, 1, 9, 0)
    fid = _followup(session, anna, due, "call back")
    [item] = agenda(session, NOW).overdue
    until = berlin(2026, 12, 2, 9, 0)
    snooze(session, fid, until, item.version, NOW)
    session.commit()
    assert agenda(session, NOW).items == []
    assert counts(session, NOW) == (0, 0)
    back = agenda(session, berlin(2026, 12, 2, 9, 30))
    [item] = back.overdue
    assert item.due_at == due.astimezone(UTC) and item.snoozed_until == until.astimezone(UTC)
    # Counted by the end of its snooze: hidden before, overdue after.
    assert counts(session, berlin(2026, 12, 2, 8, 0)) == (0, 0)
    assert counts(session, berlin(2026, 12, 2, 9, 30)) == (1, 0)
    with pytest.raises(ServiceError):
        snooze(session, fid, NOW - timedelta(hours=1), None, NOW)


def test_done_with_a_note_and_a_stale_version(session: Session, anna: int) -> None:
    fid = _followup(session, anna, berlin(2026, 12, 1, 9, 0))
    [item] = agenda(session, NOW).items
    snooze(session, fid, NOW + timedelta(hours=1), item.version, NOW)
    session.commit()
    with pytest.raises(StaleWrite):
        mark_done(session, fid, "too late", item.version, NOW)
    session.rollback()
    f = session.get(FollowUp, fid)
    assert f is not None
    mark_done(session, fid, " zurückgerufen ", f.version, NOW)
    session.commit()
    session.refresh(f)
    assert f.done_at is not None and f.resolution == "done"
    assert f.resolution_note == "zurückgerufen"
    with pytest.raises(ServiceError):
        mark_done(session, fid, "", None, NOW)


def test_snooze_choices_and_typed_dates() -> None:
    friday = berlin(2026, 12, 4, 16, 0)
    hour, tomorrow, week, typed = snooze_choices(friday)
    assert hour.until == friday.astimezone(UTC) + timedelta(hours=1)
    assert tomorrow.until == berlin(2026, 12, 5, 9, 0).astimezone(UTC)
    assert week.until == berlin(2026, 12, 7, 9, 0).astimezone(UTC)
    assert typed.until is None and typed.key == "date"
    assert parse_moment("15.03.2027", friday) == berlin(2027, 3, 15, 9, 0).astimezone(UTC)
    assert parse_moment("15.3.27 14:30", friday) == berlin(2027, 3, 15, 14, 30).astimezone(UTC)
    assert parse_moment("1.2.", friday) == berlin(2027, 2, 1, 9, 0).astimezone(UTC)
    assert parse_moment("2027-03-15T08:05", friday) == berlin(2027, 3, 15, 8, 5).astimezone(UTC)
    for bad in ("morgen", "31.02.2027", "15.03.2027 25:00", ""):
        with pytest.raises(MomentError):
            parse_moment(bad, friday)


@pytest.mark.parametrize(
    ("at", "due"),
    [
        (berlin(2026, 12, 4, 19, 0), berlin(2026, 12, 7, 10, 0)),  # Friday evening -> Monday
        (berlin(2026, 12, 1, 9, 0), berlin(2026, 12, 1, 11, 0)),  # in working hours
        (berlin(2026, 12, 1, 17, 0), berlin(2026, 12, 2, 9, 0)),  # across the evening
        (berlin(2026, 12, 2, 6, 0), berlin(2026, 12, 2, 10, 0)),  # before eight
        (berlin(2026, 12, 5, 11, 0), berlin(2026, 12, 7, 10, 0)),  # Saturday
    ],
)
def test_callbacks_are_due_within_two_working_hours(at: datetime, due: datetime) -> None:
    assert add_working_hours(at, 2) == due.astimezone(UTC)


# -- callbacks close themselves ------------------------------------------------------------


def test_a_second_missed_call_adds_to_the_callback(session: Session, anna: int) -> None:
    first_at = berlin(2026, 12, 4, 19, 0)
    first = record_missed_call(session, "0171 2345678", first_at, conn_id=1)
    second = record_missed_call(session, "+491712345678", first_at + timedelta(hours=1), conn_id=2)
    session.commit()
    [f] = session.exec(select(FollowUp)).all()
    assert first.followup_ids == second.followup_ids == (f.id,) and second.created
    assert f.attempts == 2
    assert f.due_at == berlin(2026, 12, 7, 10, 0).astimezone(UTC)  # the first due time stays
    # A replay of either call adds nothing.
    assert not record_missed_call(session, "0171 2345678", first_at, conn_id=1).created
    again = record_missed_call(session, "0171 2345678", first_at + timedelta(hours=1), conn_id=2)
    session.commit()
    assert not again.created
    session.refresh(f)
    assert f.attempts == 2
    [item] = agenda(session, berlin(2026, 12, 7, 11, 0)).overdue
    assert item.attempts == 2 and item.kind == "callback"
    assert item.reason == "Verpasster Anruf von 0171 2345678 um 19:00"


def test_configurable_callback_due_time(session: Session, anna: int) -> None:
    at = berlin(2026, 12, 1, 9, 0)
    record_missed_call(session, "0171 2345678", at, callback_within_hours=4)
    session.commit()
    [f] = session.exec(select(FollowUp)).all()
    assert f.due_at == berlin(2026, 12, 1, 13, 0).astimezone(UTC)


def test_an_answered_call_from_the_person_closes_the_callback(session: Session, anna: int) -> None:
    at = berlin(2026, 12, 1, 9, 0)
    record_missed_call(session, "0171 2345678", at)
    session.commit()
    logged = log_answered_call(session, "01712345678", at + timedelta(minutes=30), 95)
    session.commit()
    [f] = session.exec(select(FollowUp)).all()
    [call] = session.exec(select(Interaction)).all()
    assert f.done_at is not None and f.resolution == "called_in"
    assert f.closed_by_interaction_id == call.id == logged.interaction_id
    assert f.resolution_note == ""
    assert agenda(session, at + timedelta(hours=1)).items == []
    # A new missed call after that is a new callback.
    record_missed_call(session, "0171 2345678", at + timedelta(hours=2))
    session.commit()
    assert len(agenda(session, at + timedelta(hours=2)).items) == 1


def test_an_answered_call_also_closes_a_callback_for_a_missed_call_from_the_inbox(
    session: Session, anna: int
) -> None:
    # A missed call that reached the advisor as a request (an import, the inbox), not
    # through the call monitor: its callback hangs on a phone request, not on a call key.
    at = berlin(2026, 12, 1, 9, 0)
    request = Request(person_id=anna, channel="phone", sender="01712345678", received_at=at)
    session.add(request)
    session.flush()
    callbacks = [
        FollowUp(person_id=anna, kind="callback", due_at=at, request_id=request.id, created_at=at),
        FollowUp(person_id=anna, kind="callback", due_at=at + timedelta(days=3), note="Angebot"),
    ]
    session.add_all(callbacks)
    session.commit()
    from_request, promised = (f.id for f in callbacks)
    log_answered_call(session, "01712345678", at + timedelta(minutes=30), 95)
    session.commit()
    assert session.get_one(FollowUp, from_request).resolution == "called_in"
    # A callback the advisor promised for later is not a missed call: it stays open.
    assert session.get_one(FollowUp, promised).done_at is None


# -- the card: every open follow-up, overdue first ---------------------------------------------


def test_the_card_lists_every_open_followup_overdue_first(session: Session, anna: int) -> None:
    from advisor_tui.services.persons.card import load_card

    far = _followup(session, anna, NOW + timedelta(days=30), "complaint deadline")
    soon = _followup(session, anna, NOW + timedelta(hours=1), "soon")
    late = _followup(session, anna, NOW - timedelta(days=2), "late")
    hidden = _followup(session, anna, NOW - timedelta(days=3), "snoozed")
    snooze(session, hidden, NOW + timedelta(days=1), None, NOW)
    session.commit()
    card = load_card(session, anna, NOW)
    assert [f.id for f in card.followups] == [late, soon, hidden, far]
    assert [card.is_overdue(f) for f in card.followups] == [True, False, False, False]
    assert [card.is_snoozed(f) for f in card.followups] == [False, False, True, False]
