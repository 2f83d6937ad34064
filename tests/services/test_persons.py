"""Person and address services: audit entries, normalization, version checks."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import Engine
from sqlmodel import Session, select

from advisor_tui.domain.models import AuditEntry
from advisor_tui.i18n import t
from advisor_tui.services.audit import current_actor
from advisor_tui.services.errors import ServiceError, StaleWrite
from advisor_tui.services.persons.editing import (
    PersonData,
    add_address,
    add_person,
    find_persons,
    get_address,
    get_person,
    update_address,
    update_person,
)
from advisor_tui.storage.db import new_session


def _person(session: Session) -> int:
    person = add_person(session, PersonData(first_name="Anna", last_name="Schmidt"))
    session.commit()
    return person.id


def test_add_person_needs_a_name_or_company(session: Session) -> None:
    with pytest.raises(ServiceError) as err:
        add_person(session, PersonData())
    assert err.value.key == "name_required"
    firm = add_person(session, PersonData(company="Hansen Logistik GmbH"))
    assert firm.display_name == "Hansen Logistik GmbH"


def test_every_change_is_audited_with_field_names(session: Session) -> None:
    person_id = _person(session)
    update_person(session, person_id, notes="ruft abends zurück", tags="Depot")
    session.commit()
    entries = session.exec(select(AuditEntry).order_by(AuditEntry.id)).all()
    assert [e.action for e in entries] == ["person.create", "person.update"]
    assert json.loads(entries[-1].details) == {"fields": ["notes", "tags"]}


def test_unchanged_values_write_no_audit_entry(session: Session) -> None:
    person_id = _person(session)
    update_person(session, person_id, first_name="Anna")
    session.commit()
    assert len(session.exec(select(AuditEntry)).all()) == 1


def test_new_raw_text_is_normalized_again_and_evidence_reset(session: Session) -> None:
    person_id = _person(session)
    address = add_address(session, person_id, "mobile", "0171 1234567")
    address.confirmed_at = address.created_at
    session.commit()
    changed = update_address(session, address.id, raw="0049 160 7654321")
    assert changed.normalized == "+491607654321"
    assert changed.confirmed_at is None
    assert changed.version == 3  # the committed confirmed_at was a change too


def test_invalid_address_is_kept_raw(session: Session) -> None:
    person_id = _person(session)
    address = add_address(session, person_id, "email", "anna@@firma")
    assert address.raw == "anna@@firma"
    assert not address.valid
    assert address.invalid_reason


def test_stale_version_is_refused(session: Session) -> None:
    person_id = _person(session)
    address = add_address(session, person_id, "mobile", "0171 1234567")
    session.commit()
    seen = address.version
    update_address(session, address.id, label="privat")
    session.commit()
    with pytest.raises(ServiceError) as err:
        update_address(session, address.id, expected_version=seen, label="Büro")
    assert err.value.key == "stale_write"
    assert err.value.params["actor"] == current_actor()
    assert err.value.params["time"]
    with pytest.raises(ServiceError):
        update_person(session, person_id, expected_version=99, notes="x")


def test_two_sessions_the_second_write_is_refused_by_the_database(engine: Engine) -> None:
    with new_session(engine) as setup:
        person_id = _person(setup)
    first, second = new_session(engine), new_session(engine)
    try:
        # Both load version 1 (and hold it); neither passes expected_version, so only
        # the database can tell.
        held = get_person(first, person_id), get_person(second, person_id)
        assert [p.version for p in held] == [1, 1]
        update_person(first, person_id, notes="from the first")
        first.commit()
        with pytest.raises(StaleWrite) as err:
            update_person(second, person_id, notes="from the second")
        assert err.value.key == "stale_write"
        assert err.value.params["actor"] == current_actor()
        assert "Geändert von" in t(err.value.key, **err.value.params)
    finally:
        first.close()
        second.close()
    with new_session(engine) as fresh:
        person = get_person(fresh, person_id)
        assert (person.notes, person.version) == ("from the first", 2)
        actions = fresh.exec(select(AuditEntry.action)).all()
        assert actions == ["person.create", "person.update"]


def test_two_sessions_on_one_address_the_second_is_refused(engine: Engine) -> None:
    with new_session(engine) as setup:
        person_id = _person(setup)
        address_id = add_address(setup, person_id, "mobile", "0171 1234567").id
        setup.commit()
    first, second = new_session(engine), new_session(engine)
    try:
        held = get_address(first, address_id), get_address(second, address_id)
        assert [a.version for a in held] == [1, 1]
        update_address(first, address_id, label="privat")
        first.commit()
        with pytest.raises(StaleWrite):
            update_address(second, address_id, raw="0160 7654321")
    finally:
        first.close()
        second.close()
    with new_session(engine) as fresh:
        address = get_address(fresh, address_id)
        assert (address.label, address.normalized) == ("privat", "+491711234567")


def test_every_update_moves_the_version_once(session: Session) -> None:
    person_id = _person(session)
    person = update_person(session, person_id, notes="eins")
    assert person.version == 2
    session.commit()
    assert update_person(session, person_id, notes="zwei").version == 3
    assert update_person(session, person_id, notes="zwei").version == 3  # no change, no step


def test_find_persons_by_name_part(session: Session) -> None:
    _person(session)
    add_person(session, PersonData(first_name="Bernd", last_name="Schmitz"))
    session.commit()
    assert [p.last_name for p in find_persons(session, "schmi")] == ["Schmidt", "Schmitz"]
    assert [p.last_name for p in find_persons(session, "Anna")] == ["Schmidt"]
