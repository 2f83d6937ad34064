"""The consent ledger service (services.consent): real databases."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlmodel import Session, select

from advisor_tui.domain.models import ConsentEvent, ConsentUse
from advisor_tui.services import consent
from advisor_tui.services.errors import ServiceError
from advisor_tui.services.persons.editing import PersonData, add_address, add_person

T0 = datetime(2026, 3, 1, 10, tzinfo=UTC)


@pytest.fixture
def anna(session: Session) -> int:
    person = add_person(session, PersonData("Anna", "Müller"))
    assert person.id is not None
    add_address(session, person.id, "mobile", "0171 2345678")
    add_address(session, person.id, "email", "Anna@Example.de")
    session.commit()
    return person.id


def test_consumer_without_phone_consent_gets_a_warning(session: Session, anna: int) -> None:
    verdict = consent.check_contact(session, anna, "phone", "advertising")
    assert not verdict.allowed
    assert verdict.reason == "no_phone_consent"
    assert verdict.warning_key == "consent.warn.no_phone_consent"
    assert consent.check_contact(session, anna, "phone", "service").allowed


def test_grant_then_objection_blocks_advertising_at_once(session: Session, anna: int) -> None:
    consent.record_event(
        session, anna, kind="granted", channel="phone", method="form", wording="Ja, anrufen",
        evidence="Ordner 3", occurred_at=T0,
    )  # fmt: skip
    session.commit()
    assert consent.check_contact(session, anna, "phone", "advertising").allowed
    consent.record_event(session, anna, kind="objection", channel="email")
    session.commit()
    for channel in ("phone", "email", "letter"):
        verdict = consent.check_contact(session, anna, channel, "advertising")
        assert (verdict.allowed, verdict.reason) == (False, "objection")


def test_business_phone_presumed_and_use_logged(session: Session, anna: int) -> None:
    consent.set_party(session, anna, "business")
    verdict = consent.check_contact(session, anna, "phone", "advertising")
    assert verdict.allowed and verdict.reason == "presumed_b2b"
    use = consent.log_use(session, anna, verdict, at=T0)
    session.commit()
    assert use is not None and use.channel == "phone"
    view = {v.state.channel: v for v in consent.overview(session, anna).channels}
    assert view["phone"].uses == 1 and view["phone"].last_use == T0
    # No use is logged for a contact that is not advertising.
    service = consent.check_contact(session, anna, "phone", "service")
    assert consent.log_use(session, anna, service) is None


def test_overview_shows_the_evidence_date_after_the_last_use(session: Session, anna: int) -> None:
    consent.record_event(session, anna, kind="granted", channel="phone", occurred_at=T0)
    verdict = consent.check_contact(session, anna, "phone", "advertising")
    consent.log_use(session, anna, verdict, at=datetime(2027, 6, 2, tzinfo=UTC))
    session.commit()
    phone = next(v for v in consent.overview(session, anna).channels if v.state.channel == "phone")
    assert phone.keep_until is not None and phone.keep_until.isoformat() == "2032-06-02"


def test_bad_events_are_refused_and_nothing_written(session: Session, anna: int) -> None:
    with pytest.raises(ServiceError) as err:
        consent.record_event(session, anna, kind="granted", channel="pigeon")
    assert err.value.key == "consent.err.channel"
    with pytest.raises(ServiceError) as err:
        consent.record_event(
            session, anna, kind="granted", channel="email", method="existing_customer"
        )
    assert err.value.key == "consent.err.notice_required"
    with pytest.raises(ServiceError):
        consent.check_contact(session, anna, "phone", "gossip")
    assert session.exec(select(ConsentEvent)).all() == []
    assert session.exec(select(ConsentUse)).all() == []
