"""Learning from requests, kinds and their follow-ups, status, the answer on the channel."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlmodel import Session, select

from advisor_tui.domain.flags import FlagKey
from advisor_tui.domain.incoming import IncomingMessage
from advisor_tui.domain.models import Address, FollowUp, Interaction, Person, Request
from advisor_tui.services.errors import ServiceError
from advisor_tui.services.flags import flags_for
from advisor_tui.services.inbox.handling import answer, set_kind, set_status
from advisor_tui.services.inbox.intake import record_incoming
from advisor_tui.services.inbox.learning import (
    accept_offer,
    confirm_suggestion,
    new_customer,
    offered_addresses,
    pick_candidate,
)
from advisor_tui.services.persons.editing import PersonData, add_address, add_person

AT = datetime(2026, 11, 30, 9, 15, tzinfo=UTC)
GUIDO = "Hallo Herr Balschuweit, bitte verkaufen Sie meine Investments. Gruß Guido"
NUMBER = "+4915774839201"


def _person(session: Session, first: str, last: str, *addresses: tuple[str, str]) -> int:
    person = add_person(session, PersonData(first_name=first, last_name=last))
    assert person.id is not None
    for kind, raw in addresses:
        add_address(session, person.id, kind, raw)
    return person.id


def _addresses(session: Session, person_id: int) -> list[Address]:
    return list(session.exec(select(Address).where(Address.person_id == person_id)).all())


def test_confirming_learns_the_address_once_and_the_next_sms_matches_exactly(
    session: Session,
) -> None:
    guido = _person(session, "Guido", "Meier", ("email", "guido.meier@web.de"))
    first = record_incoming(session, IncomingMessage("sms", "01577 4839201", GUIDO, AT))
    done = confirm_suggestion(session, first.request_id, now=AT)
    session.commit()
    assert done.person_id == guido and done.address_id is not None
    learned = session.get(Address, done.address_id)
    assert learned is not None
    assert (learned.kind, learned.normalized, learned.source) == ("mobile", NUMBER, "request")
    request = session.get(Request, first.request_id)
    assert request is not None and request.person_id == guido and request.match == "name_hint"
    # The order got its follow-up the same day.
    [followup] = session.exec(select(FollowUp).where(FollowUp.request_id == request.id)).all()
    assert followup.person_id == guido and followup.due_at.date() == AT.date()
    again = record_incoming(session, IncomingMessage("sms", NUMBER, "Noch da?", AT))
    assert again.how == "exact" and again.assigned
    # Picking the same person for a later request adds no second address.
    with pytest.raises(ServiceError):
        confirm_suggestion(session, again.request_id)
    assert len([a for a in _addresses(session, guido) if a.normalized == NUMBER]) == 1


def test_picking_one_of_two_guidos(session: Session) -> None:
    _person(session, "Guido", "Meier")
    second = _person(session, "Guido", "Brandt")
    result = record_incoming(session, IncomingMessage("sms", NUMBER, GUIDO, AT))
    with pytest.raises(ServiceError):
        confirm_suggestion(session, result.request_id)  # two: nothing to confirm
    nobody = _person(session, "Karl", "Kurz")
    with pytest.raises(ServiceError):
        pick_candidate(session, result.request_id, nobody)
    pick_candidate(session, result.request_id, second, now=AT)
    assert [a.normalized for a in _addresses(session, second)] == [NUMBER]


def test_new_customer_gets_every_request_from_that_sender(session: Session) -> None:
    one = record_incoming(session, IncomingMessage("sms", "0160 1112223", "Hallo", AT))
    two = record_incoming(
        session, IncomingMessage("sms", "+49 160 1112223", "Rückruf bitte", AT + timedelta(1))
    )
    other = record_incoming(session, IncomingMessage("sms", "0160 9998887", "Hallo", AT))
    done = new_customer(session, one.request_id, "Lena", "Vogel", now=AT)
    session.commit()
    person = session.get(Person, done.person_id)
    assert person is not None and person.kind == "prospect" and person.display_name == "Lena Vogel"
    assert done.attached == 1
    for request_id, owner in ((one.request_id, done.person_id), (two.request_id, done.person_id)):
        request = session.get(Request, request_id)
        assert request is not None and request.person_id == owner
    untouched = session.get(Request, other.request_id)
    assert untouched is not None and untouched.person_id is None
    [address] = _addresses(session, done.person_id)
    assert address.source == "request" and address.normalized == "+491601112223"


def test_a_complaint_gets_a_deadline_and_the_dissatisfied_mark_until_done(
    session: Session,
) -> None:
    anna = _person(session, "Anna", "Schmidt", ("email", "anna@example.de"))
    text = "Ich möchte mich über die Abrechnung beschweren."
    result = record_incoming(session, IncomingMessage("email", "anna@example.de", text, AT))
    assert result.kind == "complaint"
    request = session.get(Request, result.request_id)
    assert request is not None and request.deadline_at == AT + timedelta(days=14)
    [deadline] = session.exec(select(FollowUp).where(FollowUp.request_id == request.id)).all()
    assert deadline.kind == "complaint_deadline" and deadline.due_at == request.deadline_at
    assert FlagKey.DISSATISFIED in flags_for(session, anna)
    set_status(session, result.request_id, "done", now=AT + timedelta(days=2))
    session.commit()
    assert FlagKey.DISSATISFIED not in flags_for(session, anna)
    session.refresh(deadline)
    assert deadline.done_at is not None


def test_kind_and_status_are_checked(session: Session) -> None:
    result = record_incoming(session, IncomingMessage("sms", NUMBER, "Hallo", AT))
    with pytest.raises(ServiceError):
        set_kind(session, result.request_id, "wish")
    with pytest.raises(ServiceError):
        set_status(session, result.request_id, "later")
    set_kind(session, result.request_id, "question")
    set_status(session, result.request_id, "open")
    request = session.get(Request, result.request_id)
    assert request is not None and (request.kind, request.status) == ("question", "open")


def test_answer_on_the_same_channel_and_another_one_asks_first(session: Session) -> None:
    anna = _person(session, "Anna", "Schmidt", ("mobile", "0171 2345678"))
    result = record_incoming(session, IncomingMessage("sms", "0171 2345678", "Frage?", AT))
    asked = answer(session, result.request_id, channel="email", now=AT)
    assert asked.ask_other_channel and asked.interaction_id is None
    assert session.exec(select(Interaction)).all() == []
    done = answer(session, result.request_id, note="Antwort geschickt", now=AT)
    session.commit()
    interaction = session.get(Interaction, done.interaction_id)
    assert interaction is not None
    assert (interaction.channel, interaction.direction, interaction.person_id) == (
        "sms",
        "out",
        anna,
    )
    assert interaction.request_id == result.request_id and interaction.number == "0171 2345678"
    assert done.status == "waiting"
    other = answer(session, result.request_id, channel="email", confirmed=True, now=AT)
    assert other.interaction_id is not None and not other.ask_other_channel


def test_signature_addresses_are_offered_and_added_on_confirmation(session: Session) -> None:
    anna = _person(session, "Anna", "Meier", ("email", "anna.meier@web.de"))
    text = "Bitte kündigen.\n\nViele Grüße\nAnna Meier\nMobil 0171 2345678\nanna.meier@web.de"
    result = record_incoming(session, IncomingMessage("email", "anna.meier@web.de", text, AT))
    offers = offered_addresses(session, result.request_id)
    assert [o.raw for o in offers] == ["0171 2345678"]  # the sender address is known already
    accept_offer(session, result.request_id, offers[0])
    assert offered_addresses(session, result.request_id) == []
    mobile = [a for a in _addresses(session, anna) if a.kind == "mobile"]
    assert len(mobile) == 1 and mobile[0].source == "request"
