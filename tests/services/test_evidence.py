"""Evidence services on a real SQLite file: timestamps, audit entries, versions."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import Engine
from sqlmodel import Session, select

from advisor_tui.domain.models import Address, AuditEntry, Interaction
from advisor_tui.domain.vocabulary import FailureKind, Outcome, Scope
from advisor_tui.services.errors import NotFound, ServiceError, StaleWrite
from advisor_tui.services.persons import evidence
from advisor_tui.services.persons.editing import PersonData, add_address, add_person
from advisor_tui.services.persons.ranking import ranked_addresses
from advisor_tui.storage.db import new_session

WHEN = datetime(2026, 3, 1, 9, 30, tzinfo=UTC)


@pytest.fixture
def anna(session: Session) -> int:
    person = add_person(session, PersonData(first_name="Anna", last_name="Schmidt"))
    session.commit()
    assert person.id is not None
    return person.id


def _address(session: Session, person_id: int, kind: str, raw: str, **kw: object) -> int:
    address = add_address(session, person_id, kind, raw, **kw)
    session.commit()
    assert address.id is not None
    return address.id


def _audit(engine: Engine, action: str) -> list[AuditEntry]:
    with new_session(engine) as fresh:
        return list(fresh.exec(select(AuditEntry).where(AuditEntry.action == action)).all())


def _reload(engine: Engine, address_id: int) -> Address:
    with new_session(engine) as fresh:
        address = fresh.get(Address, address_id)
        assert address is not None
        return address


def test_confirm_writes_timestamp_version_and_audit(
    session: Session, engine: Engine, anna: int
) -> None:
    aid = _address(session, anna, "mobile", "0171 1234567")
    evidence.confirm_address(session, aid, WHEN)
    session.commit()
    stored = _reload(engine, aid)
    assert stored.confirmed_at == WHEN
    assert stored.version == 2 and stored.updated_at is not None
    [entry] = _audit(engine, "address.confirm")
    assert entry.entity == "address" and entry.entity_id == aid
    # An older confirmation arriving late never moves the timestamp back.
    evidence.confirm_address(session, aid, WHEN - timedelta(days=30))
    session.commit()
    assert _reload(engine, aid).confirmed_at == WHEN


def test_mark_failed_drops_the_address_in_the_ranking(
    session: Session, engine: Engine, anna: int
) -> None:
    mobile = _address(session, anna, "mobile", "0171 1234567")
    _address(session, anna, "landline", "030 1234567")
    assert ranked_addresses(session, anna)[0].address.id == mobile
    evidence.mark_failed(session, mobile, FailureKind.WRONG_NUMBER, WHEN)
    session.commit()
    stored = _reload(engine, mobile)
    assert stored.failed_at == WHEN and stored.failure_kind == "wrong_number"
    [entry] = _audit(engine, "address.fail")
    assert json.loads(entry.details)["failure_kind"] == "wrong_number"
    ranked = ranked_addresses(session, anna)
    assert ranked[-1].address.id == mobile and ranked[-1].is_cold


def test_mark_failed_refuses_unknown_kinds_and_keeps_the_worse_failure(
    session: Session, engine: Engine, anna: int
) -> None:
    aid = _address(session, anna, "mobile", "0171 1234567")
    with pytest.raises(ServiceError) as unknown:
        evidence.mark_failed(session, aid, "exploded")
    assert unknown.value.key == "evidence.invalid_failure_kind"
    evidence.mark_failed(session, aid, FailureKind.WRONG_NUMBER, WHEN)
    # A milder failure later must not make a wrong number look better.
    evidence.mark_failed(session, aid, FailureKind.UNREACHABLE, WHEN + timedelta(days=1))
    session.commit()
    stored = _reload(engine, aid)
    assert stored.failure_kind == "wrong_number" and stored.failed_at == WHEN + timedelta(days=1)
    # After a newer confirmation, a new failure stands on its own.
    evidence.confirm_address(session, aid, WHEN + timedelta(days=2))
    evidence.mark_failed(session, aid, FailureKind.UNREACHABLE, WHEN + timedelta(days=3))
    session.commit()
    assert _reload(engine, aid).failure_kind == "unreachable"


def test_serviceable_only_for_postal(session: Session, engine: Engine, anna: int) -> None:
    postal = _address(session, anna, "postal", "Hauptstr. 1, 10115 Berlin")
    evidence.mark_serviceable(session, postal, when=WHEN)
    session.commit()
    stored = _reload(engine, postal)
    assert stored.serviceable and stored.serviceable_at == WHEN
    evidence.mark_serviceable(session, postal, serviceable=False, when=WHEN + timedelta(days=1))
    session.commit()
    assert not _reload(engine, postal).serviceable
    assert len(_audit(engine, "address.serviceable")) == 2
    mobile = _address(session, anna, "mobile", "0171 1234567")
    with pytest.raises(ServiceError) as exc:
        evidence.mark_serviceable(session, mobile)
    assert exc.value.key == "evidence.not_postal"


@pytest.mark.parametrize(
    ("outcome", "field", "value"),
    [
        (Outcome.REACHED, "last_success_at", WHEN),
        (Outcome.WRONG_NUMBER, "failure_kind", "wrong_number"),
        (Outcome.NO_ANSWER, "version", 1),
        (Outcome.VOICEMAIL, "version", 1),
        (Outcome.BUSY, "version", 1),
    ],
)
def test_apply_outcome_of_a_call(
    session: Session, engine: Engine, anna: int, outcome: str, field: str, value: object
) -> None:
    aid = _address(session, anna, "mobile", "0171 1234567")
    evidence.apply_outcome(session, aid, outcome, WHEN)
    session.commit()
    assert getattr(_reload(engine, aid), field) == value


def test_apply_outcome_of_mail_and_letters(session: Session, engine: Engine, anna: int) -> None:
    mail = _address(session, anna, "email", "anna@gmx.de")
    letter = _address(session, anna, "postal", "Hauptstr. 1, 10115 Berlin")
    evidence.apply_outcome(session, mail, Outcome.BOUNCED, WHEN)
    evidence.apply_outcome(session, letter, Outcome.RETURNED, WHEN)
    session.commit()
    assert _reload(engine, mail).failure_kind == "bounced"
    assert _reload(engine, letter).failure_kind == "returned_letter"
    with pytest.raises(ServiceError):
        evidence.apply_outcome(session, mail, "exploded")


def test_record_success_and_stale_version(session: Session, engine: Engine, anna: int) -> None:
    aid = _address(session, anna, "email", "anna.schmidt@firma.de", scope=Scope.BUSINESS)
    evidence.record_success(session, aid, WHEN, expected_version=1)
    session.commit()
    assert _reload(engine, aid).last_success_at == WHEN
    assert len(_audit(engine, "address.success")) == 1
    with pytest.raises(ServiceError) as exc:
        evidence.confirm_address(session, aid, expected_version=1)
    assert exc.value.key == "stale_write"


def test_evidence_from_two_sessions_the_second_is_refused(engine: Engine, anna: int) -> None:
    with new_session(engine) as setup:
        aid = _address(setup, anna, "mobile", "0171 1234567")
    first, second, third = new_session(engine), new_session(engine), new_session(engine)
    try:
        held = [each.get(Address, aid) for each in (first, second, third)]
        assert [a.version for a in held if a is not None] == [1, 1, 1]
        evidence.mark_failed(first, aid, FailureKind.WRONG_NUMBER, WHEN)
        first.commit()
        with pytest.raises(StaleWrite):
            evidence.confirm_address(second, aid, WHEN + timedelta(days=1))
        with pytest.raises(StaleWrite):  # a delete is checked the same way
            evidence.delete_address(third, aid)
    finally:
        for each in (first, second, third):
            each.close()
    stored = _reload(engine, aid)
    assert (stored.failure_kind, stored.confirmed_at, stored.version) == ("wrong_number", None, 2)
    assert len(_audit(engine, "address.confirm")) == 0


def test_delete_keeps_interactions_and_audits(session: Session, engine: Engine, anna: int) -> None:
    aid = _address(session, anna, "mobile", "0171 1234567")
    call = Interaction(person_id=anna, address_id=aid, kind="call", outcome="reached")
    session.add(call)
    session.commit()
    evidence.delete_address(session, aid)
    session.commit()
    with new_session(engine) as fresh:
        assert fresh.get(Address, aid) is None
        [kept] = fresh.exec(select(Interaction)).all()
        assert kept.address_id is None
    [entry] = _audit(engine, "address.delete")
    assert entry.entity_id == aid and json.loads(entry.details)["person_id"] == anna
    with pytest.raises(NotFound):
        evidence.delete_address(session, aid)


def test_mark_failed_refuses_a_failure_that_does_not_fit_the_address(
    session: Session, engine: Engine, anna: int
) -> None:
    phone = _address(session, anna, "mobile", "0171 1234567")
    mail = _address(session, anna, "email", "anna@example.de")
    with pytest.raises(ServiceError) as unfit:
        evidence.mark_failed(session, phone, FailureKind.RETURNED_LETTER, WHEN)
    assert unfit.value.key == "evidence.unfit_failure_kind"
    with pytest.raises(ServiceError):
        evidence.mark_failed(session, mail, FailureKind.WRONG_NUMBER, WHEN)
    evidence.mark_failed(session, mail, FailureKind.BOUNCED, WHEN)
    # An interaction's outcome that cannot concern the address says nothing about it.
    assert evidence.apply_outcome(session, phone, "returned", WHEN) is None
    session.commit()
    assert _reload(engine, phone).failed_at is None
    assert _reload(engine, mail).failure_kind == "bounced"
