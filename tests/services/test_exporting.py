"""Export: vCard 4.0 round trip into an empty database, CSV back in, JSON with everything."""

from __future__ import annotations

import io
import json
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine
from sqlmodel import Session, select

from advisor_tui.domain.models import Address, ConsentEvent, FollowUp, Interaction, Person
from advisor_tui.io.contact_record import extra_from_json
from advisor_tui.services.exporting.contacts import write_export
from advisor_tui.services.importing.run import import_paths
from advisor_tui.services.persons.editing import PersonData, add_address, add_person
from advisor_tui.storage.db import new_session, open_engine
from tests.io import contact_samples as samples

ADDRESS_FIELDS = ("kind", "scope", "label", "raw", "normalized", "valid", "is_preferred",
                  "street", "postcode", "city", "country")  # fmt: skip
PERSON_FIELDS = ("kind", "salutation", "title", "first_name", "last_name", "company",
                 "birthday", "notes", "tags")  # fmt: skip


def _snapshot(session: Session) -> list[tuple[Any, ...]]:
    """Persons with their addresses and kept properties, independent of ids and order."""
    out = []
    for person in session.exec(select(Person)):
        addresses = session.exec(select(Address).where(Address.person_id == person.id))
        out.append((
            tuple(getattr(person, f) for f in PERSON_FIELDS),
            sorted(tuple(getattr(a, f) for f in ADDRESS_FIELDS) for a in addresses),
            sorted(json.dumps(p, sort_keys=True) for p in extra_from_json(person.extra)),
        ))  # fmt: skip
    return sorted(out)


def _fill(session: Session, tmp_path: Path) -> None:
    path = tmp_path / "all.vcf"
    path.write_text(samples.ALL, encoding="utf-8")
    import_paths(session, [path], workers=0)
    data = PersonData(
        first_name="Ida", last_name="Öz", kind="prospect", tags="Empfehlung, Golf", notes="a;b,c\\d"
    )
    prospect = add_person(session, data)
    pid = prospect.id or 0
    add_address(session, pid, "landline", "+49 30 1234-0", scope="business", label="Zentrale")
    add_address(session, pid, "messenger", "+49 171 5550000", label="Signal")
    add_address(session, pid, "postal", "Am Markt 1\n12345 Dorf", street="Am Markt 1",
                postcode="12345", city="Dorf", is_preferred=True)  # fmt: skip
    add_address(session, pid, "email", "kaputt@@example")  # invalid, kept raw
    session.commit()


def _import_text(tmp_path: Path, name: str, text: str) -> tuple[Engine, Session]:
    engine = open_engine(f"sqlite:///{tmp_path / (name + '.sqlite3')}")
    target = new_session(engine)
    path = tmp_path / name
    path.write_text(text, encoding="utf-8", newline="")
    report = import_paths(target, [path], workers=0)
    target.commit()
    assert report.rejected == [] and report.review == []
    return engine, target


def test_vcard_round_trip_gives_the_same_persons_and_addresses(
    session: Session, tmp_path: Path
) -> None:
    _fill(session, tmp_path)
    out = io.StringIO()
    count = write_export(session, "vcf", out)
    assert count == 6
    engine, target = _import_text(tmp_path, "export.vcf", out.getvalue())
    try:
        assert len(_snapshot(session)) == 6
        assert _snapshot(target) == _snapshot(session)
        again = io.StringIO()
        write_export(target, "vcf", again)
        assert again.getvalue() == out.getvalue()  # a second round changes nothing
    finally:
        target.close()
        engine.dispose()


def test_csv_export_reads_back_as_the_same_addresses(session: Session, tmp_path: Path) -> None:
    _fill(session, tmp_path)
    out = io.StringIO()
    write_export(session, "csv", out)
    engine, target = _import_text(tmp_path, "export.csv", out.getvalue())
    try:
        mine, theirs = _snapshot(session), _snapshot(target)
        # CSV has no place for properties we keep from vCards; all else is the same.
        assert [(p, a) for p, a, _ in theirs] == [(p, a) for p, a, _ in mine]
    finally:
        target.close()
        engine.dispose()


def test_json_export_holds_everything_and_one_person_only(session: Session) -> None:
    person = add_person(session, PersonData(first_name="Eva", last_name="Lang",
                                            birthday=date(1975, 1, 31)))  # fmt: skip
    pid = person.id or 0
    address = add_address(session, pid, "mobile", "0171 2020202")
    now = datetime(2026, 1, 2, 3, 4, tzinfo=UTC)
    session.add(Interaction(person_id=pid, address_id=address.id, kind="call", occurred_at=now))
    session.add(FollowUp(person_id=pid, due_at=now, note="Rückruf"))
    session.add(
        ConsentEvent(
            person_id=pid,
            channel="phone",
            occurred_at=now,
            wording="schriftlich",
            kind="granted",
            method="form",
        )
    )
    other = add_person(session, PersonData(last_name="Andere"))
    session.commit()
    out = io.StringIO()
    assert write_export(session, "json", out, person_id=pid) == 1
    data = json.loads(out.getvalue())
    (doc,) = data["persons"]
    assert (doc["id"], doc["last_name"], doc["birthday"]) == (pid, "Lang", "1975-01-31")
    assert doc["addresses"][0]["normalized"] == "+491712020202"
    assert doc["interactions"][0]["occurred_at"].startswith("2026-01-02T03:04")
    assert doc["followups"][0]["note"] == "Rückruf"
    assert doc["consents"][0]["wording"] == "schriftlich"
    everyone = io.StringIO()
    assert write_export(session, "json", everyone) == 2
    assert {p["id"] for p in json.loads(everyone.getvalue())["persons"]} == {pid, other.id}


def test_restricted_persons_are_not_exported(session: Session) -> None:
    add_person(session, PersonData(last_name="Sichtbar"))
    hidden = add_person(session, PersonData(last_name="Gesperrt"))
    hidden.restricted_until = date(2036, 12, 31)
    session.commit()
    out = io.StringIO()
    assert write_export(session, "vcf", out) == 1
    assert "Gesperrt" not in out.getvalue()
