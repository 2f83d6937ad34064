"""GDPR export (Art. 15), erasure with FinVermV §23 retention (Art. 17) and purge."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import text
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
from advisor_tui.services import audit
from advisor_tui.services.errors import NotFound
from advisor_tui.services.gdpr.erase import (
    SHELL_CLEARED,
    SHELL_FIELDS,
    erase_person,
    plan_erasure,
    plan_purge,
    purge_expired,
    scrub_details,
)
from advisor_tui.services.gdpr.export import export_person, person_data
from advisor_tui.services.gdpr.records import retention_end
from advisor_tui.services.persons.editing import (
    PersonData,
    add_address,
    add_person,
    find_persons,
    get_person,
)
from advisor_tui.services.persons.lookup import reverse_lookup
from advisor_tui.services.persons.search import search_persons

TODAY = date(2026, 1, 10)
NAME, LAST = "Guido", "Balschuweit"
EMAIL, PHONE = "guido.b@example.org", "0171 5550123"
SECRETS = (NAME, LAST, EMAIL, "5550123", "Segelt gern", "Gruß Guido")


def at(y: int, m: int, d: int) -> datetime:
    return datetime(y, m, d, 10, 0, tzinfo=UTC)


@dataclass
class Ids:
    person: int
    control: int
    mobile: int
    callback: int  # an ordinary request
    order: int  # an order: retained
    suggested: int  # an unmatched request only suggested for the person
    call: int  # an ordinary call
    advice: int  # a record of advice: retained
    confirmation: int  # communication about the order: retained


def _make(session: Session, *, retained: bool) -> Ids:
    control = add_person(session, PersonData(first_name="Anna", last_name="Kontrolle"))
    add_address(session, control.id, "mobile", "0172 9990001")
    person = add_person(
        session,
        PersonData(
            first_name=NAME,
            last_name=LAST,
            birthday=date(1970, 5, 6),
            notes="Segelt gern",
            tags="vip",
        ),
    )
    mobile = add_address(session, person.id, "mobile", PHONE)
    add_address(session, person.id, "email", EMAIL)
    session.add(
        ConsentEvent(
            person_id=person.id,
            channel="phone",
            occurred_at=at(2020, 1, 2),
            wording="Brief",
            kind="granted",
            method="form",
        )
    )
    callback = Request(
        person_id=person.id, match="exact", channel="sms", sender="+491715550123",
        body="Bitte um Rückruf", kind="callback", received_at=at(2025, 3, 1),
    )  # fmt: skip
    order = Request(
        person_id=person.id, match="exact", channel="email", sender=EMAIL,
        body="Bitte verkaufen Sie meine Investments. Gruß Guido",
        kind="order" if retained else "question", received_at=at(2024, 6, 15),
    )  # fmt: skip
    suggested = Request(
        suggested_person_id=person.id, match="name_hint", channel="sms",
        sender="+4915199999999", body="Hallo, hier Guido", received_at=at(2025, 4, 1),
    )  # fmt: skip
    session.add_all([callback, order, suggested])
    session.flush()
    call = Interaction(
        person_id=person.id, address_id=mobile.id, kind="call", outcome="reached",
        summary="Smalltalk", occurred_at=at(2025, 3, 2),
    )  # fmt: skip
    advice = Interaction(
        person_id=person.id, kind="meeting", summary="Beratung Altersvorsorge",
        is_advice_record=retained, occurred_at=at(2023, 2, 1),
    )  # fmt: skip
    confirmation = Interaction(
        person_id=person.id, address_id=mobile.id, request_id=order.id, kind="email",
        summary="Auftrag bestätigt", occurred_at=at(2024, 6, 16),
    )  # fmt: skip
    session.add_all([call, advice, confirmation])
    session.add(FollowUp(person_id=person.id, request_id=order.id, due_at=at(2026, 2, 1)))
    session.flush()
    # Older audit entries that (wrongly, or by another service) carry personal data.
    audit.record(session, "person.update", "person", person.id, {"fields": ["notes"], "old": NAME})
    audit.record(session, "address.note", "address", mobile.id, {"raw": PHONE, "kind": "mobile"})
    audit.record(session, "request.match", "request", None, {"person_id": person.id, "who": EMAIL})
    session.commit()
    ids = [i.id for i in (person, control, mobile, callback, order, suggested, call, advice)]
    return Ids(*ids, confirmation.id)  # type: ignore[arg-type]


def _audit_text(session: Session) -> str:
    rows = session.exec(select(AuditEntry)).all()
    return "\n".join(f"{r.actor} {r.action} {r.entity} {r.entity_id} {r.details}" for r in rows)


def _assert_not_findable(session: Session, person_id: int) -> None:
    with pytest.raises(NotFound):
        get_person(session, person_id)
    assert all(p.id != person_id for p in find_persons(session, NAME))
    for query in (NAME, LAST, f"{NAME} {LAST}", "5550123", EMAIL, "Segelt"):
        assert [h.person.id for h in search_persons(session, query)] == [], query
    for sender in (PHONE, "+49 171 5550123", "5550123", EMAIL):
        assert not reverse_lookup(session, sender).found, sender
    in_index = session.connection().execute(
        text("SELECT count(*) FROM person_search_doc WHERE person_id = :p"), {"p": person_id}
    )
    assert in_index.scalar_one() == 0


def test_retention_end_is_ten_years_after_the_end_of_the_year() -> None:
    assert retention_end(at(2024, 6, 15)) == date(2035, 1, 1)
    assert retention_end(at(2024, 1, 1)) == date(2035, 1, 1)
    assert retention_end(at(2016, 12, 1)) == date(2027, 1, 1)


def test_shell_fields_cover_every_person_column() -> None:
    meta = {"id", "restricted_until", "created_at", "updated_at", "version", "sort_key"}
    assert set(Person.model_fields) == set(SHELL_FIELDS) | set(SHELL_CLEARED) | meta


def test_export_holds_everything_about_the_person(session: Session, tmp_path: Path) -> None:
    ids = _make(session, retained=True)
    data = person_data(session, ids.person)
    assert data["person"]["last_name"] == LAST and data["person"]["birthday"] == "1970-05-06"
    assert [a["raw"] for a in data["addresses"]] == [PHONE, EMAIL]
    assert data["addresses"][0]["normalized"] == "+491715550123"
    assert [c["wording"] for c in data["consents"]] == ["Brief"]
    assert {r["id"] for r in data["requests"]} == {ids.callback, ids.order}
    assert [r["id"] for r in data["suggested_requests"]] == [ids.suggested]
    assert {i["id"] for i in data["interactions"]} == {ids.call, ids.advice, ids.confirmation}
    assert len(data["followups"]) == 1
    actions = [e["action"] for e in data["audit_entries"]]
    assert actions.count("address.create") == 2 and "person.create" in actions
    assert "request.match" in actions  # found through the person id in its details
    assert all(
        e["entity_id"] != ids.control for e in data["audit_entries"] if e["entity"] == "person"
    )

    files = export_person(session, ids.person, tmp_path / "out")
    session.commit()
    assert json.loads(files.json_path.read_text())["person"]["first_name"] == NAME
    readable = files.text_path.read_text()
    for needle in (NAME, EMAIL, "Einwilligungen (1)", "Kontakte (3)", "06.05.1970"):
        assert needle in readable
    for path in (files.json_path, files.text_path):
        assert path.stat().st_mode & 0o777 == 0o600
    entry = session.exec(select(AuditEntry).where(AuditEntry.action == "gdpr.export")).one()
    assert NAME not in entry.details and json.loads(entry.details)["counts"]["addresses"] == 2


def test_erase_without_retained_records(session: Session) -> None:
    ids = _make(session, retained=False)
    plan = plan_erasure(session, ids.person, today=TODAY)
    assert not plan.restricted and plan.erased["persons"] == 1
    erase_person(session, ids.person, today=TODAY)
    session.commit()
    session.expire_all()
    assert session.get(Person, ids.person) is None
    for model in (Address, ConsentEvent, Request, Interaction, FollowUp):
        rows = session.exec(select(model).where(model.person_id == ids.person)).all()
        assert rows == [], model
    suggested = session.get(Request, ids.suggested)
    assert suggested is not None and suggested.suggested_person_id is None
    assert suggested.match == "unknown"
    _assert_not_findable(session, ids.person)
    audit_text = _audit_text(session)
    for secret in SECRETS:
        assert secret not in audit_text, secret
    entry = session.exec(select(AuditEntry).where(AuditEntry.action == "gdpr.erase")).one()
    assert entry.entity_id == ids.person and json.loads(entry.details)["erased"]["addresses"] == 2
    # The other customer is untouched.
    assert [h.person.id for h in search_persons(session, "Kontrolle")] == [ids.control]
    assert reverse_lookup(session, "0172 9990001").found


def test_erase_locks_retained_records_and_hides_the_person(session: Session) -> None:
    ids = _make(session, retained=True)
    plan = erase_person(session, ids.person, today=TODAY)
    session.commit()
    session.expire_all()
    assert plan.retain_until == date(2035, 1, 1)
    assert plan.retained == {"requests": 1, "interactions": 2}
    shell = session.get(Person, ids.person)
    assert shell is not None and shell.restricted_until == date(2035, 1, 1)
    assert (shell.first_name, shell.last_name) == (NAME, LAST)  # whose records these are
    assert shell.birthday is None and shell.notes == "" and shell.tags == ""
    _assert_not_findable(session, ids.person)
    # Kept, locked, with the date.
    order = session.get(Request, ids.order)
    assert order is not None and order.retain_until == date(2035, 1, 1)
    kept = session.exec(select(Interaction).where(Interaction.person_id == ids.person)).all()
    assert {i.id for i in kept} == {ids.advice, ids.confirmation}
    assert all(i.retain_until == date(2035, 1, 1) and i.address_id is None for i in kept)
    # Everything else is gone.
    assert session.get(Request, ids.callback) is None
    assert session.get(Interaction, ids.call) is None
    for model in (Address, ConsentEvent, FollowUp):
        assert session.exec(select(model).where(model.person_id == ids.person)).all() == []
    audit_text = _audit_text(session)
    for secret in SECRETS:
        assert secret not in audit_text, secret
    entry = session.exec(select(AuditEntry).where(AuditEntry.action == "gdpr.erase")).one()
    assert json.loads(entry.details)["retain_until"] == "2035-01-01"


def test_purge_after_the_date(session: Session) -> None:
    ids = _make(session, retained=True)
    erase_person(session, ids.person, today=TODAY)
    session.commit()
    assert plan_purge(session, today=date(2034, 12, 31)).empty
    assert purge_expired(session, today=date(2034, 12, 31)).empty
    session.commit()
    assert session.get(Person, ids.person) is not None

    plan = plan_purge(session, today=date(2035, 1, 1))
    assert plan.person_ids == [ids.person] and (plan.requests, plan.interactions) == (1, 2)
    done = purge_expired(session, today=date(2035, 1, 1))
    session.commit()
    session.expire_all()
    assert done.person_ids == [ids.person]
    assert session.get(Person, ids.person) is None
    assert session.get(Request, ids.order) is None
    assert session.exec(select(Interaction).where(Interaction.person_id == ids.person)).all() == []
    assert session.get(Person, ids.control) is not None
    assert session.exec(select(AuditEntry).where(AuditEntry.action == "gdpr.purge")).all()
    audit_text = _audit_text(session)
    for secret in SECRETS:
        assert secret not in audit_text, secret


def test_old_records_past_their_retention_are_erased_at_once(session: Session) -> None:
    ids = _make(session, retained=True)
    plan = erase_person(session, ids.person, today=date(2035, 1, 1))
    session.commit()
    assert not plan.restricted
    assert session.get(Person, ids.person) is None and session.get(Request, ids.order) is None


def test_scrub_details_keeps_only_ids_counts_and_vocabulary() -> None:
    raw = json.dumps(
        {
            "person_id": 7,
            "fields": ["last_name", "notes"],
            "kind": "mobile",
            "raw": "0171 5550123",
            "old": "Guido",
            "counts": {"addresses": 2},
            "names": ["Guido"],
        }
    )
    clean = json.loads(scrub_details(raw))
    assert clean["person_id"] == 7 and clean["fields"] == ["last_name", "notes"]
    assert clean["kind"] == "mobile" and clean["counts"] == {"addresses": 2}
    assert sorted(clean["scrubbed"]) == ["names", "old", "raw"]
    assert "Guido" not in scrub_details(json.dumps({"kind": "Guido Meier"}))
    assert json.loads(scrub_details("not json")) == {"scrubbed": True}
