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
    # Revoked or objected to, the evidence stays as long.
    consent.record_event(session, anna, kind="objection", channel="phone")
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


def test_log_contact_refuses_advertising_without_consent_and_records_purpose(
    session: Session, anna: int
) -> None:
    from advisor_tui.domain.models import Interaction
    from advisor_tui.services.contacts.logging import log_contact

    with pytest.raises(ServiceError) as err:
        log_contact(session, anna, outcome="reached", purpose="advertising", now=T0)
    assert err.value.key == "consent.warn.no_phone_consent"
    session.rollback()
    assert session.exec(select(Interaction)).all() == []
    # Service is fine, and says so.
    log_contact(session, anna, outcome="reached", purpose="service", now=T0)
    consent.record_event(session, anna, kind="granted", channel="phone", occurred_at=T0)
    logged = log_contact(session, anna, outcome="reached", purpose="advertising", now=T0)
    session.commit()
    purposes = [i.purpose for i in session.exec(select(Interaction).order_by(Interaction.id))]
    assert purposes == ["service", "advertising"]
    (use,) = session.exec(select(ConsentUse)).all()
    assert (use.interaction_id, use.channel, use.basis) == (
        logged.interaction_id,
        "phone",
        "consent",
    )


def test_gdpr_export_holds_the_ledger_and_the_uses(session: Session, anna: int) -> None:
    from advisor_tui.services.gdpr.export import person_data

    consent.record_event(
        session, anna, kind="granted", channel="email", method="double_opt_in",
        wording="Newsletter ja", evidence="DOI-Mail 4711", occurred_at=T0,
    )  # fmt: skip
    verdict = consent.check_contact(session, anna, "email", "advertising")
    consent.log_use(session, anna, verdict, at=T0)
    session.commit()
    data = person_data(session, anna)
    (event,) = data["consents"]
    assert (event["kind"], event["method"], event["wording"], event["evidence"]) == (
        "granted", "double_opt_in", "Newsletter ja", "DOI-Mail 4711",
    )  # fmt: skip
    assert [u["channel"] for u in data["consent_uses"]] == ["email"]


def test_the_do_not_contact_list_survives_erasure(session: Session, anna: int) -> None:
    from advisor_tui.domain.models import DoNotContact
    from advisor_tui.services.gdpr.erase import erase_person

    consent.record_event(session, anna, kind="objection", channel="phone")
    session.commit()
    listed = session.exec(select(DoNotContact)).all()
    assert {d.channel for d in listed} == {"phone", "email"}
    assert all("2345678" not in d.address_hash and "example" not in d.address_hash for d in listed)
    erase_person(session, anna)
    session.commit()
    assert session.exec(select(ConsentEvent)).all() == []  # the person's ledger is gone ...
    assert len(session.exec(select(DoNotContact)).all()) == 2  # ... the list is not

    # The same number comes back with a new contact: the objection applies again at once.
    again = add_person(session, PersonData("Anna", "Neu"))
    assert again.id is not None
    add_address(session, again.id, "mobile", "+49 171 2345678")
    session.commit()
    verdict = consent.check_contact(session, again.id, "phone", "advertising")
    assert (verdict.allowed, verdict.reason) == (False, "objection")
    (event,) = consent.ledger(session, again.id)
    assert (event.kind, event.method) == ("objection", "do_not_contact")
    # Asking again finds the listed number but records nothing new.
    (found,) = consent.reapply_objections(session, [again.id])
    assert (found.addresses, found.new_event_id) == (("+49 171 2345678",), None)
    assert len(consent.ledger(session, again.id)) == 1


def test_a_reimported_contact_keeps_the_objection_and_the_import_says_so(
    session: Session, anna: int, tmp_path
) -> None:  # noqa: ANN001
    from advisor_tui.services.gdpr.erase import erase_person
    from advisor_tui.services.importing.run import import_paths

    consent.record_event(session, anna, kind="objection", channel="email")
    erase_person(session, anna)
    session.commit()
    card = tmp_path / "anna.vcf"
    card.write_text(
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Anna Müller\r\nN:Müller;Anna;;;\r\n"
        "EMAIL:anna@example.de\r\nEND:VCARD\r\n",
        encoding="utf-8",
    )
    report = import_paths(session, [card], workers=0)
    session.commit()
    (notice,) = [n for n in report.notices if n.key == "consent.reapplied"]
    assert notice.params["addresses"] == "anna@example.de"
    (person_id,) = report.person_ids
    verdict = consent.check_contact(session, person_id, "email", "advertising")
    assert (verdict.allowed, verdict.reason) == (False, "objection")
