"""Logging a contact by hand (services.contacts): real SQLite files."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest
from sqlmodel import Session, select

from advisor_tui.domain.models import Address, AuditEntry, FollowUp, Interaction
from advisor_tui.domain.timestamps import local
from advisor_tui.services.call_texts import followup_text
from advisor_tui.services.contacts.logging import (
    correct_note,
    followup_choices,
    log_contact,
    open_followups,
    outcomes_for,
    recorded_call,
)
from advisor_tui.services.contacts.when import parse_when
from advisor_tui.services.errors import ServiceError, StaleWrite
from advisor_tui.services.persons.editing import PersonData, add_address, add_person
from advisor_tui.services.persons.evidence import record_success
from tests.conftest import monitored_call

NOW = datetime(2026, 3, 10, 14, 30, tzinfo=UTC)


@pytest.fixture
def anna(session: Session) -> tuple[int, int, int]:
    person = add_person(session, PersonData("Anna", "Müller"))
    assert person.id is not None
    mobile = add_address(session, person.id, "mobile", "0171 2345678")
    mail = add_address(session, person.id, "email", "anna@example.de")
    session.commit()
    assert person.id is not None and mobile.id is not None and mail.id is not None
    return person.id, mobile.id, mail.id


def test_no_answer_with_followup_makes_a_callback_and_no_failure(
    session: Session, anna: tuple[int, int, int]
) -> None:
    person_id, mobile_id, _ = anna
    tomorrow = next(c.due for c in followup_choices(NOW) if c.key == "tomorrow")
    logged = log_contact(
        session,
        person_id,
        channel="phone",
        direction="out",
        address_id=mobile_id,
        number_text="",
        started_at=NOW,
        duration_seconds=12,
        outcome="no_answer",
        note="",
        follow_up_due=tomorrow,
        now=NOW,
    )
    session.commit()
    interaction = session.get(Interaction, logged.interaction_id)
    assert interaction is not None
    assert (interaction.kind, interaction.outcome, interaction.number) == (
        "call",
        "no_answer",
        "0171 2345678",
    )
    followup = session.get(FollowUp, logged.followup_id)
    assert followup is not None and followup.kind == "callback"
    assert local(followup.due_at).hour == 9
    assert local(followup.due_at).date() == local(NOW).date() + timedelta(days=1)
    address = session.get(Address, mobile_id)
    assert address is not None and address.failed_at is None and address.last_success_at is None
    # No note typed: the agenda and the card still say why the callback is there.
    assert followup_text(followup) == "Nach Anruf am 10.03.2026 15:30 (nicht erreicht)"


def test_reached_records_success_and_closes_ticked_callbacks(
    session: Session, anna: tuple[int, int, int]
) -> None:
    person_id, mobile_id, _ = anna
    callback = FollowUp(person_id=person_id, kind="callback", due_at=NOW - timedelta(hours=3))
    session.add(callback)
    session.commit()
    assert callback.id is not None
    logged = log_contact(
        session,
        person_id,
        address_id=mobile_id,
        outcome="reached",
        result="appointment",
        note="Termin Do 10 Uhr",
        close_followup_ids=[callback.id],
        now=NOW,
    )
    session.commit()
    session.refresh(callback)
    assert callback.done_at is not None
    assert callback.resolution == "closed_with_contact"
    assert callback.closed_by_interaction_id == logged.interaction_id
    assert open_followups(session, person_id) == []
    address = session.get(Address, mobile_id)
    assert address is not None and address.last_success_at is not None
    actions = [e.action for e in session.exec(select(AuditEntry)).all()]
    assert {"interaction.create", "followup.close", "address.success"} <= set(actions)


def test_wrong_number_marks_the_address_failed(
    session: Session, anna: tuple[int, int, int]
) -> None:
    person_id, mobile_id, _ = anna
    log_contact(session, person_id, address_id=mobile_id, outcome="wrong_number", now=NOW)
    session.commit()
    address = session.get(Address, mobile_id)
    assert address is not None and address.failure_kind == "wrong_number"


@pytest.mark.parametrize(
    ("channel", "kind", "outcome"),
    [
        ("email", "email", "sent"),
        ("sms", "message", "sent"),
        ("whatsapp", "message", "reached"),
        ("in_person", "meeting", "reached"),
        ("letter", "letter", "sent"),
    ],
)
def test_other_channels_map_to_their_kind(
    session: Session, anna: tuple[int, int, int], channel: str, kind: str, outcome: str
) -> None:
    person_id, _, _ = anna
    logged = log_contact(session, person_id, channel=channel, outcome=outcome, now=NOW)
    interaction = session.get(Interaction, logged.interaction_id)
    assert interaction is not None and interaction.kind == kind
    assert interaction.channel == channel


def test_followup_after_reached_contact_is_a_follow_up_unless_callback_wanted(
    session: Session, anna: tuple[int, int, int]
) -> None:
    person_id, _, _ = anna
    due = NOW + timedelta(days=3)
    plain = log_contact(session, person_id, outcome="reached", follow_up_due=due, now=NOW)
    wanted = log_contact(
        session,
        person_id,
        outcome="reached",
        result="callback_wanted",
        follow_up_due=due,
        now=NOW,
    )
    assert (plain.followup_kind, wanted.followup_kind) == ("follow_up", "callback")


@pytest.mark.parametrize(
    ("changes", "key"),
    [
        ({"channel": "pigeon"}, "contact.err.channel"),
        ({"direction": "sideways"}, "contact.err.direction"),
        ({"outcome": "sent"}, "contact.err.outcome"),
        ({"result": "maybe"}, "contact.err.result"),
        ({"duration_seconds": -5}, "contact.err.duration"),
        ({"address_id": 9999}, "contact.err.address"),
        ({"close_followup_ids": [9999]}, "contact.err.followup"),
        ({"follow_up_due": NOW - timedelta(days=1)}, "contact.err.when_past"),
    ],
)
def test_bad_input_is_refused_and_nothing_written(
    session: Session, anna: tuple[int, int, int], changes: dict[str, object], key: str
) -> None:
    person_id, _, _ = anna
    arguments: dict[str, object] = {"outcome": "reached", "now": NOW, **changes}
    with pytest.raises(ServiceError) as raised:
        log_contact(session, person_id, **arguments)  # type: ignore[arg-type]
    assert raised.value.key == key
    assert session.exec(select(Interaction)).all() == []


def test_number_text_is_kept_when_the_address_goes(
    session: Session, anna: tuple[int, int, int]
) -> None:
    from advisor_tui.services.persons.evidence import delete_address

    person_id, mobile_id, _ = anna
    logged = log_contact(session, person_id, address_id=mobile_id, outcome="reached", now=NOW)
    session.commit()
    delete_address(session, mobile_id)
    session.commit()
    interaction = session.get(Interaction, logged.interaction_id)
    assert interaction is not None
    assert interaction.address_id is None and interaction.number == "0171 2345678"


def test_correct_note_is_versioned_and_audited(
    session: Session, anna: tuple[int, int, int]
) -> None:
    person_id, _, _ = anna
    logged = log_contact(session, person_id, outcome="reached", note="Termin Mo", now=NOW)
    session.commit()
    interaction = correct_note(session, logged.interaction_id, "Termin Di", expected_version=1)
    session.commit()
    assert interaction.summary == "Termin Di" and interaction.version == 2
    entry = session.exec(select(AuditEntry).where(AuditEntry.action == "interaction.note")).one()
    assert json.loads(entry.details)["old"] == "Termin Mo"
    with pytest.raises(StaleWrite):
        correct_note(session, logged.interaction_id, "Termin Mi", expected_version=1)


def test_outcomes_fit_the_channel() -> None:
    assert outcomes_for("phone")[:2] == ["reached", "no_answer"]
    assert "no_answer" not in outcomes_for("email")
    assert outcomes_for("in_person") == ["reached"]


def test_followup_choices_are_facts() -> None:
    choices = {c.key: c.due for c in followup_choices(NOW)}
    assert choices["none"] is None
    assert choices["in_2h"] == NOW + timedelta(hours=2)
    in_month = choices["in_month"]
    assert in_month is not None and local(in_month).date().month == 4


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2h", NOW + timedelta(hours=2)),
        ("", None),
        ("morgen", None),  # checked below: tomorrow 9:00
    ],
)
def test_parse_when(text: str, expected: datetime | None) -> None:
    due = parse_when(text, NOW)
    if text == "morgen":
        assert due is not None and local(due).hour == 9
    else:
        assert due == expected


def test_parse_when_dates_and_errors() -> None:
    due = parse_when("12.03.2026 15:45", NOW)
    assert due is not None and (local(due).day, local(due).hour, local(due).minute) == (12, 15, 45)
    assert parse_when("1w", NOW) == parse_when("7d", NOW)
    for bad in ("soon", "31.02.2026", "0d", "12.3."):
        with pytest.raises(ServiceError) as raised:
            parse_when(bad, NOW)
        assert raised.value.key == "contact.err.when"
    with pytest.raises(ServiceError) as raised:
        parse_when("01.01.2026", NOW)
    assert raised.value.key == "contact.err.when_past"


def test_f2_after_a_monitored_call_completes_it_instead_of_logging_it_twice(
    session: Session, anna: tuple[int, int, int]
) -> None:
    person_id, mobile_id, _ = anna
    call_id = monitored_call(session, person_id, mobile_id, NOW - timedelta(minutes=3))
    found = recorded_call(session, person_id, NOW)
    assert found is not None and found.id == call_id
    logged = log_contact(
        session,
        person_id,
        direction="in",
        address_id=mobile_id,
        outcome="reached",
        result="appointment",
        note="Termin Di 10 Uhr",
        follow_up_due=NOW + timedelta(days=7),
        recorded_call_id=call_id,
        now=NOW,
    )
    session.commit()
    assert logged.interaction_id == call_id
    calls = session.exec(select(Interaction).where(Interaction.person_id == person_id)).all()
    assert len(calls) == 1
    assert (calls[0].summary, calls[0].result, calls[0].duration_seconds) == (
        "Termin Di 10 Uhr",
        "appointment",
        95,
    )
    assert logged.followup_id is not None
    # Completed: the next F2 logs a new contact.
    assert recorded_call(session, person_id, NOW) is None


def test_a_recorded_call_is_offered_only_for_a_while_and_only_to_its_person(
    session: Session, anna: tuple[int, int, int]
) -> None:
    person_id, mobile_id, _ = anna
    call_id = monitored_call(session, person_id, mobile_id, NOW - timedelta(minutes=40))
    assert recorded_call(session, person_id, NOW) is None
    other = add_person(session, PersonData("Max", "Muster"))
    session.commit()
    assert other.id is not None
    with pytest.raises(ServiceError):
        log_contact(session, other.id, outcome="reached", recorded_call_id=call_id, now=NOW)
    session.rollback()
    assert session.exec(select(Interaction)).all()[0].summary == ""


def test_completing_a_picked_up_call_as_wrong_number_withdraws_its_success(
    session: Session, anna: tuple[int, int, int]
) -> None:
    """The box saw a pick-up (so: reached); the advisor says it was a stranger's phone."""
    person_id, mobile_id, _ = anna
    earlier = NOW - timedelta(days=30)
    log_contact(session, person_id, address_id=mobile_id, outcome="reached", started_at=earlier)
    session.commit()
    at = NOW - timedelta(minutes=2)
    call_id = monitored_call(session, person_id, mobile_id, at)
    record_success(session, mobile_id, at)  # what the monitor did on the pick-up
    session.commit()
    log_contact(
        session,
        person_id,
        address_id=mobile_id,
        outcome="wrong_number",
        recorded_call_id=call_id,
        now=NOW,
    )
    session.commit()
    address = session.get_one(Address, mobile_id)
    assert address.failed_at is not None
    assert address.last_success_at == earlier  # the stranger's pick-up is no success
