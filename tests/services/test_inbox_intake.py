"""record_incoming: store, match (exact, shared, suffix, name hint, none), dedupe."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlmodel import Session, select

from advisor_tui.domain.incoming import IncomingMessage
from advisor_tui.domain.models import Message, Request, RequestCandidate
from advisor_tui.services.errors import ServiceError
from advisor_tui.services.inbox.intake import record_incoming
from advisor_tui.services.persons.editing import PersonData, add_address, add_person

AT = datetime(2026, 11, 30, 9, 15, tzinfo=UTC)
GUIDO = "Hallo Herr Balschuweit, bitte verkaufen Sie meine Investments. Gruß Guido"


def _person(session: Session, first: str, last: str, *addresses: tuple[str, str]) -> int:
    person = add_person(session, PersonData(first_name=first, last_name=last))
    assert person.id is not None
    for kind, raw in addresses:
        add_address(session, person.id, kind, raw)
    return person.id


def _sms(text: str, sender: str = "+49 157 74839201", **more: object) -> IncomingMessage:
    return IncomingMessage("sms", sender, text, AT, **more)  # type: ignore[arg-type]


def test_one_guido_is_a_name_hint_suggestion_and_an_order(session: Session) -> None:
    guido = _person(session, "Guido", "Meier", ("email", "guido.meier@web.de"))
    _person(session, "Anna", "Schmidt")
    result = record_incoming(session, _sms(GUIDO))
    session.commit()
    assert result.created and result.kind == "order" and result.status == "new"
    assert result.how == "name_hint"
    assert result.person is not None and result.person.id == guido and not result.assigned
    [candidate] = result.candidates
    assert (candidate.id, candidate.how, candidate.reason) == (guido, "name_hint", "Gruß Guido")
    request = session.get(Request, result.request_id)
    assert request is not None
    # A suggestion, never an assignment.
    assert request.person_id is None and request.suggested_person_id == guido
    assert result.to_json()["match"]["person"] == {"id": guido, "name": "Guido Meier"}


def test_two_guidos_are_both_candidates_and_none_is_chosen(session: Session) -> None:
    first = _person(session, "Guido", "Meier")
    second = _person(session, "Guido", "Brandt")
    result = record_incoming(session, _sms(GUIDO))
    assert result.how == "name_hint" and result.person is None
    assert sorted(c.id for c in result.candidates) == sorted([first, second])
    request = session.get(Request, result.request_id)
    assert request is not None
    assert request.person_id is None and request.suggested_person_id is None
    rows = session.exec(select(RequestCandidate)).all()
    assert {(r.person_id, r.how) for r in rows} == {(first, "name_hint"), (second, "name_hint")}


def test_exact_number_in_another_notation_assigns(session: Session) -> None:
    anna = _person(session, "Anna", "Schmidt", ("mobile", "0171 2345678"))
    result = record_incoming(session, _sms("Bitte um Rückruf", sender="+49 (0)171-2345678"))
    assert result.how == "exact" and result.assigned
    assert result.person is not None and result.person.id == anna
    assert result.candidates[0].reason == "+491712345678"
    assert result.kind == "callback"


def test_email_in_another_case_with_display_name_is_exact(session: Session) -> None:
    anna = _person(session, "Anna", "Schmidt", ("email", "Anna.Schmidt@Example.de"))
    message = IncomingMessage(
        "email", "Anna S. <ANNA.SCHMIDT@example.DE>", "Frage zum Depot?", AT, subject="Depot"
    )
    result = record_incoming(session, message)
    assert (result.how, result.assigned) == ("exact", True)
    assert result.person is not None and result.person.id == anna
    stored = session.exec(select(Message)).one()
    assert stored.sender_name == "Anna S." and stored.sender_normalized == "anna.schmidt@example.de"


def test_shared_landline_gives_both_and_picks_none(session: Session) -> None:
    thomas = _person(session, "Thomas", "Müller", ("landline", "0221 345678"))
    sabine = _person(session, "Sabine", "Müller", ("landline", "0221/345678"))
    result = record_incoming(
        session, IncomingMessage("voicemail", "+49221345678", "Hier Müller, ruf zurück", AT)
    )
    assert result.how == "shared" and result.person is None
    assert sorted(c.id for c in result.candidates) == sorted([thomas, sabine])
    assert {c.how for c in result.candidates} == {"shared"}


def test_last_digits_are_only_a_suggestion(session: Session) -> None:
    anna = _person(session, "Anna", "Schmidt", ("mobile", "0171 2345678"))
    result = record_incoming(session, _sms("Hallo", sender="2345678"))
    assert result.how == "suffix" and not result.assigned
    assert result.person is not None and result.person.id == anna
    request = session.get(Request, result.request_id)
    assert request is not None and request.person_id is None


def test_no_match_at_all(session: Session) -> None:
    _person(session, "Anna", "Schmidt")
    result = record_incoming(session, _sms("Hallo Herr Balschuweit, Rückruf bitte."))
    assert result.to_json()["match"] == {"how": "none", "person": None, "candidates": []}


def test_one_mail_to_three_addresses_is_one_request(session: Session) -> None:
    anna = _person(session, "Anna", "Schmidt", ("email", "anna@example.de"))
    ours = ("info@balschuweit.de", "m.balschuweit@balschuweit.de", "frank@web.de")
    results = [
        record_incoming(
            session,
            IncomingMessage(
                "email",
                "anna@example.de",
                "Bitte verkaufen",
                AT + timedelta(seconds=i),
                recipient=mine,
                recipients=ours,
                external_id="<abc123@example.de>",
            ),
        )
        for i, mine in enumerate(ours)
    ]
    session.commit()
    assert [r.created for r in results] == [True, False, False]
    assert len({r.request_id for r in results}) == 1
    assert len(session.exec(select(Request)).all()) == 1
    message = session.exec(select(Message)).one()
    assert message.recipients.split(", ") == list(ours)
    assert results[0].person is not None and results[0].person.id == anna


def test_a_thread_joins_its_open_request(session: Session) -> None:
    first = record_incoming(session, _sms("Guten Tag", thread="chat-1", external_id="1"))
    second = record_incoming(session, _sms("Frage zum Depot?", thread="chat-1", external_id="2"))
    assert second.created and second.joined and second.request_id == first.request_id
    assert len(session.exec(select(Message)).all()) == 2


def test_an_unknown_channel_is_refused_with_the_valid_ones(session: Session) -> None:
    with pytest.raises(ServiceError) as caught:
        record_incoming(session, IncomingMessage("pigeon", "x", "y", AT))
    assert caught.value.key == "inbox.err.channel"
    assert "in_person" in str(caught.value.params["valid"])
    assert session.exec(select(Request)).all() == []


def test_a_household_signature_names_everyone_of_that_name(session: Session) -> None:
    thomas = _person(session, "Thomas", "Müller")
    sabine = _person(session, "Sabine", "Müller")
    _person(session, "Anna", "Schmidt")
    text = "Wir ziehen um, neue Adresse folgt.\n\nHerzliche Grüße\nFamilie Müller"
    result = record_incoming(session, IncomingMessage("email", "mueller.home@web.de", text, AT))
    assert result.how == "name_hint" and result.person is None
    assert sorted(c.id for c in result.candidates) == sorted([thomas, sabine])
    assert result.kind == "change_of_data"
