"""What a ring pop-up knows: the caller's callback, requests, last contact, earlier texts."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlmodel import Session, select

from advisor_tui.domain.incoming import IncomingMessage
from advisor_tui.domain.models import FollowUp, Interaction, Request
from advisor_tui.services.calls.context import attach_requests_from, caller_context
from advisor_tui.services.calls.recording import identify_caller
from advisor_tui.services.flags import set_flag
from advisor_tui.services.inbox.intake import record_incoming
from advisor_tui.services.persons.editing import PersonData, add_address, add_person

NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


def _anna(session: Session) -> int:
    anna = add_person(session, PersonData("Anna", "Schmidt", company="Hansen Logistik GmbH"))
    add_address(session, anna.id, "mobile", "0171 2345678")
    set_flag(session, anna.id, "super", "recommends us")
    session.commit()
    return anna.id


def test_known_caller_has_company_flags_callback_requests_and_last_contact(
    session: Session,
) -> None:
    anna = _anna(session)
    session.add(
        FollowUp(person_id=anna, kind="callback", due_at=NOW + timedelta(hours=5), attempts=2)
    )
    session.add(FollowUp(person_id=anna, kind="callback", due_at=NOW, done_at=NOW))
    session.add(Request(person_id=anna, channel="sms", body="a", status="new"))
    session.add(Request(person_id=anna, channel="sms", body="b", status="done"))
    session.add(Interaction(person_id=anna, kind="call", occurred_at=NOW - timedelta(days=1)))
    session.add(Interaction(person_id=anna, kind="email", occurred_at=NOW - timedelta(days=3)))
    session.add(Interaction(person_id=anna, kind="meeting", occurred_at=NOW + timedelta(days=3)))
    session.commit()
    caller = identify_caller(session, "01712345678")
    context = caller_context(session, caller, NOW)
    (person,) = context.persons
    assert person.person_id == anna and person.company == "Hansen Logistik GmbH"
    assert person.flags == "★" and person.open_requests == 1
    assert person.callback is not None and person.callback.attempts == 2
    assert person.callback.due_at.replace(tzinfo=UTC) == NOW + timedelta(hours=5)
    assert person.last_contact is not None and person.last_contact.kind == "call"
    assert context.earlier == []


def test_shared_number_gives_every_candidate(session: Session) -> None:
    karl = add_person(session, PersonData("Karl", "Schäfer"))
    erika = add_person(session, PersonData("Erika", "Schäfer"))
    add_address(session, karl.id, "landline", "030 1234567")
    add_address(session, erika.id, "landline", "+49 30 1234567")
    session.commit()
    context = caller_context(session, identify_caller(session, "0301234567"), NOW)
    assert sorted(p.person_id for p in context.persons) == sorted([karl.id, erika.id])
    assert all(p.callback is None and p.last_contact is None for p in context.persons)


def test_unknown_number_shows_the_newest_three_earlier_contacts(session: Session) -> None:
    _anna(session)
    number = "+4915199998888"
    for day, body in enumerate(["eins", "zwei", "bitte verkaufen " + "x" * 80]):
        at = NOW - timedelta(days=10 - day)
        record_incoming(session, IncomingMessage("sms", "015199998888", body, at))
    record_incoming(session, IncomingMessage("sms", "+4915100000000", "other", NOW))
    assert number == "+4915199998888"
    session.commit()
    context = caller_context(session, identify_caller(session, "015199998888"), NOW)
    assert context.persons == []
    assert [e.text[:15] for e in context.earlier] == ["bitte verkaufen", "zwei", "eins"]
    assert len(context.earlier[0].text) == 60 and context.earlier[0].text.endswith("…")
    assert context.earlier[0].channel == "sms"


def test_withheld_number_has_no_context(session: Session) -> None:
    assert caller_context(session, identify_caller(session, None), NOW).persons == []


def test_attach_requests_from_gives_unassigned_requests_to_the_person(session: Session) -> None:
    anna = _anna(session)
    number = "+4915199998888"
    session.add(Request(channel="sms", sender_normalized=number, body="a"))
    session.add(Request(channel="phone", sender_normalized=number, body=""))
    session.add(Request(channel="sms", sender_normalized="+4915100000000", body="b"))
    session.commit()
    assert attach_requests_from(session, anna, number) == 2
    session.commit()
    rows = session.exec(select(Request).where(Request.person_id == anna)).all()
    assert len(rows) == 2 and {r.match for r in rows} == {"manual"}
    assert attach_requests_from(session, anna, number) == 0
