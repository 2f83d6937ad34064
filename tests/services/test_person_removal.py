"""Deleting a person: counts first, everything goes, or a retention lock (FinVermV §23)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlmodel import Session, select

from advisor_tui.domain.models import (
    Address,
    AuditEntry,
    ConsentEvent,
    FollowUp,
    Interaction,
    Person,
    Request,
)
from advisor_tui.services.errors import NotFound, ServiceError
from advisor_tui.services.persons.editing import (
    PersonData,
    add_address,
    add_person,
    find_persons,
    update_person,
)
from advisor_tui.services.persons.removal import delete_person, deletion_plan

TODAY = date(2026, 1, 10)


def at(y: int, m: int, d: int) -> datetime:
    return datetime(y, m, d, 10, 0, tzinfo=UTC)


def _person(session: Session, *, advice: bool) -> int:
    """A person with two addresses, a consent, two requests, two contacts and a follow-up."""
    other = add_person(session, PersonData(first_name="Anna", last_name="Andere"))
    add_address(session, other.id, "mobile", "0172 9990001")
    person = add_person(session, PersonData(first_name="Guido", last_name="Weg", tags="vip"))
    mobile = add_address(session, person.id, "mobile", "0171 5550123")
    add_address(session, person.id, "email", "guido@example.org")
    session.add(
        ConsentEvent(
            person_id=person.id,
            channel="phone",
            occurred_at=at(2020, 1, 2),
            kind="granted",
            method="form",
        )
    )
    order = Request(
        person_id=person.id, match="exact", channel="email", body="Bitte verkaufen",
        kind="order" if advice else "question", received_at=at(2024, 6, 15),
    )  # fmt: skip
    callback = Request(
        person_id=person.id, match="exact", channel="sms", body="Rückruf bitte",
        kind="callback", received_at=at(2025, 3, 1),
    )  # fmt: skip
    session.add_all([order, callback])
    session.flush()
    session.add_all(
        [
            Interaction(
                person_id=person.id, address_id=mobile.id, kind="call", outcome="reached",
                occurred_at=at(2025, 3, 2),
            ),
            Interaction(
                person_id=person.id, kind="meeting", is_advice_record=advice,
                occurred_at=at(2023, 2, 1),
            ),
        ]
    )  # fmt: skip
    session.add(FollowUp(person_id=person.id, due_at=at(2026, 2, 1)))
    session.commit()
    return person.id  # type: ignore[return-value]


def _count(session: Session, model: type, person_id: int) -> int:
    return len(session.exec(select(model).where(model.person_id == person_id)).all())


def test_plan_counts_what_goes_with_the_person(session: Session) -> None:
    person_id = _person(session, advice=False)
    plan = deletion_plan(session, person_id, today=TODAY)
    assert plan.display_name == "Guido Weg"
    assert plan.counts == {
        "addresses": 2,
        "interactions": 2,
        "requests": 2,
        "followups": 1,
        "consents": 1,
    }
    assert not plan.locked and plan.retained == {}
    # Planning changes nothing.
    assert session.get(Person, person_id) is not None
    assert _count(session, Address, person_id) == 2


def test_delete_removes_the_person_and_everything_theirs(session: Session) -> None:
    person_id = _person(session, advice=False)
    plan = delete_person(session, person_id, today=TODAY)
    session.commit()
    assert not plan.locked
    assert session.get(Person, person_id) is None
    for model in (Address, ConsentEvent, Request, Interaction, FollowUp):
        assert _count(session, model, person_id) == 0, model
    # The other person is untouched.
    assert [p.last_name for p in find_persons(session)] == ["Andere"]
    entry = session.exec(select(AuditEntry).where(AuditEntry.action == "person.delete")).one()
    assert entry.entity_id == person_id
    assert "Guido" not in entry.details


def test_records_under_retention_are_locked_not_deleted(session: Session) -> None:
    person_id = _person(session, advice=True)
    plan = deletion_plan(session, person_id, today=TODAY)
    assert plan.locked
    assert plan.retain_until == date(2035, 1, 1)
    assert plan.retained == {"requests": 1, "interactions": 1}
    delete_person(session, person_id, today=TODAY)
    session.commit()
    shell = session.get(Person, person_id)
    assert shell is not None and shell.restricted_until == date(2035, 1, 1)
    assert shell.tags == ""
    kept = session.exec(select(Request).where(Request.person_id == person_id)).all()
    assert [r.kind for r in kept] == ["order"] and kept[0].retain_until == date(2035, 1, 1)
    assert _count(session, Address, person_id) == 0
    assert _count(session, ConsentEvent, person_id) == 0
    assert _count(session, FollowUp, person_id) == 0
    # Hidden from the lists; a second delete finds nobody.
    assert [p.last_name for p in find_persons(session)] == ["Andere"]
    with pytest.raises(NotFound):
        deletion_plan(session, person_id, today=TODAY)


def test_a_person_changed_meanwhile_is_not_deleted(session: Session) -> None:
    person_id = _person(session, advice=False)
    plan = deletion_plan(session, person_id, today=TODAY)
    update_person(session, person_id, notes="neu")
    session.commit()
    with pytest.raises(ServiceError) as caught:
        delete_person(session, person_id, expected_version=plan.version, today=TODAY)
    assert caught.value.key == "record_changed"
    session.rollback()
    assert session.get(Person, person_id) is not None


def test_unknown_person(session: Session) -> None:
    with pytest.raises(NotFound):
        deletion_plan(session, 4711)
