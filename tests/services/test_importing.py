"""Importing into a real SQLite file: dialects, broken cards, duplicates, vdir, search."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

from sqlmodel import Session, col, func, select

from advisor_tui.domain.models import Address, AuditEntry, Person
from advisor_tui.services.importing.run import import_paths
from advisor_tui.services.persons.editing import PersonData, add_address, add_person
from advisor_tui.services.persons.search import search_persons
from tests.io import contact_samples as samples


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_bytes(samples.crlf(text).encode("utf-8"))
    return path


def _count(session: Session, model: type) -> int:
    return session.exec(select(func.count()).select_from(model)).one()


def _person(session: Session, last_name: str) -> Person:
    return session.exec(select(Person).where(Person.last_name == last_name)).one()


def _addresses(session: Session, person: Person) -> set[tuple[str, str, str, str | None]]:
    rows = session.exec(select(Address).where(Address.person_id == person.id)).all()
    return {(a.kind, a.scope, a.label, a.normalized) for a in rows}


def test_dialects_import_with_kinds_scopes_and_the_broken_card_reported(
    session: Session, tmp_path: Path
) -> None:
    path = _write(tmp_path, "all.vcf", samples.ALL)
    report = import_paths(session, [path], workers=0)
    session.commit()
    assert (report.created, report.merged, len(report.rejected)) == (5, 0, 1)
    (rejected,) = report.rejected
    assert (rejected.source, rejected.line, rejected.key) == (
        str(path), samples.broken_begin_line(samples.ALL), "import.err.no_end",
    )  # fmt: skip
    assert report.exit_code == 1
    anna = _person(session, "Müller")
    assert (anna.first_name, anna.title, anna.birthday) == ("Anna Maria", "Dr.", date(1980, 3, 15))
    assert _addresses(session, anna) >= {
        ("mobile", "private", "", "+491711234567"),
        ("mobile", "private", "WhatsApp", "+491707654321"),  # untyped, a mobile number
        ("landline", "business", "", "+493012345 67".replace(" ", "")),
        ("fax", "private", "", "+49307654321"),
        ("email", "business", "", "anna.mueller@mueller-partner.de"),
        ("email", "private", "", "anna.m@web.de"),
        ("messenger", "private", "Skype", "anna.mueller"),
    }
    assert '"name": "PHOTO"' in anna.extra and '"name": "URL"' in anna.extra
    peter = _person(session, "Schulz")
    assert ("landline", "business", "", "+49891234567") in _addresses(session, peter)
    assert peter.birthday is None and "--0704" in peter.extra
    juergen = _person(session, "Größer")
    assert ("mobile", "private", "", "+4915122334455") in _addresses(session, juergen)
    # The firm's e-mail without a type counts as business (not a freemail domain).
    assert ("email", "business", "", "j.groesser@groesser-makler.de") in _addresses(
        session, juergen
    )
    firm = session.exec(select(Person).where(Person.company.startswith("Hausverwaltung"))).one()  # type: ignore[attr-defined]
    invalid = session.exec(select(Address).where(Address.person_id == firm.id, ~col(Address.valid)))
    assert [(a.raw, a.normalized) for a in invalid] == [("12", None)]  # kept raw, marked
    assert _person(session, "Nachher").first_name == "Nora"  # after the broken card
    # Imported persons are searchable (the search index was kept in step).
    assert [h.person.id for h in search_persons(session, "Größer")] == [juergen.id]
    assert [h.person.id for h in search_persons(session, "0151 22334455")] == [juergen.id]
    audit_actions = {e.action for e in session.exec(select(AuditEntry))}
    assert {"person.create", "import.run"} <= audit_actions


def test_importing_the_same_file_twice_creates_no_new_persons(
    session: Session, tmp_path: Path
) -> None:
    path = _write(tmp_path, "all.vcf", samples.ALL)
    import_paths(session, [path], workers=0)
    session.commit()
    persons, addresses = _count(session, Person), _count(session, Address)
    again = import_paths(session, [path], workers=0)
    session.commit()
    assert (again.created, again.merged, again.unchanged, len(again.review)) == (0, 0, 5, 0)
    assert (_count(session, Person), _count(session, Address)) == (persons, addresses)


def test_a_card_matching_a_stored_person_is_merged_nothing_overwritten(
    session: Session, tmp_path: Path
) -> None:
    stored = add_person(session, PersonData(first_name="Anna", last_name="Mueller",
                                            company="Alt GmbH", notes="Alte Notiz"))  # fmt: skip
    add_address(session, stored.id or 0, "mobile", "0171 1234567")
    session.commit()
    report = import_paths(session, [_write(tmp_path, "anna.vcf", samples.APPLE)], workers=0)
    session.commit()
    assert (report.created, report.merged) == (0, 1)
    session.refresh(stored)
    assert (stored.company, stored.last_name) == ("Alt GmbH", "Mueller")  # not overwritten
    assert stored.birthday == date(1980, 3, 15)  # empty field filled
    assert stored.notes.startswith("Alte Notiz\n\nKundin seit 2010")
    kinds = [a.kind for a in session.exec(select(Address).where(Address.person_id == stored.id))]
    assert kinds.count("mobile") == 2 and "email" in kinds  # the new ones added, no double
    assert stored.version == 2


def test_a_conflicting_card_is_created_and_listed_for_review(
    session: Session, tmp_path: Path
) -> None:
    hans = add_person(session, PersonData(first_name="Hans", last_name="Meier"))
    add_address(session, hans.id or 0, "mobile", "+49 151 22334455")  # Jürgen's number
    session.commit()
    report = import_paths(session, [_write(tmp_path, "j.vcf", samples.OUTLOOK)], workers=0)
    session.commit()
    assert report.created == 1
    (review,) = report.review
    juergen = _person(session, "Größer")
    assert (review.person_id, review.existing_ids, review.conflicts) == (
        juergen.id, [hans.id], ["name"],
    )  # fmt: skip
    assert report.exit_code == 0


def test_a_household_landline_or_office_mailbox_is_no_reason_for_review(
    session: Session, tmp_path: Path
) -> None:
    hans = add_person(session, PersonData(first_name="Hans", last_name="Meier"))
    add_address(session, hans.id or 0, "landline", "089 7654321")  # Jürgen's home line
    add_address(session, hans.id or 0, "email", "info@groesser-makler.de")
    session.commit()
    card = samples.OUTLOOK.replace("j.groesser@", "info@")
    report = import_paths(session, [_write(tmp_path, "j.vcf", card)], workers=0)
    assert (report.created, report.merged, report.review) == (1, 0, [])


def test_same_person_twice_in_one_file_becomes_one(session: Session, tmp_path: Path) -> None:
    second = samples.GOOGLE.replace("EMAIL;TYPE=home:peter.schulz@gmail.com", "EMAIL:p@schulz.de")
    report = import_paths(session, [_write(tmp_path, "p.vcf", samples.GOOGLE + second)], workers=0)
    session.commit()
    assert (report.created, report.merged) == (1, 1)
    peter = _person(session, "Schulz")
    emails = {a for k, _, _, a in _addresses(session, peter) if k == "email"}
    assert emails == {"peter.schulz@gmail.com", "p@schulz.de"}


def test_vdir_folder_and_files_that_give_nothing(session: Session, tmp_path: Path) -> None:
    vdir = tmp_path / "contacts" / "default"
    vdir.mkdir(parents=True)
    for number, card in enumerate((samples.APPLE, samples.GOOGLE, samples.AFTER)):
        (vdir / f"{number:04d}.vcf").write_text(card, encoding="utf-8")
    (vdir / "displayname").write_text("Kontakte")  # vdirsyncer metadata, not a card
    empty = tmp_path / "empty"
    empty.mkdir()
    report = import_paths(session, [tmp_path / "contacts", empty, tmp_path / "nope.vcf"])
    assert report.created == 3
    assert sorted(r.key for r in report.rejected) == ["import.err.empty_folder",
                                                      "import.err.not_found"]  # fmt: skip


def test_csv_files_import(session: Session, tmp_path: Path) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(samples.OUTLOOK_DE_HEADER)
    writer.writerows(samples.OUTLOOK_DE_ROWS)
    path = tmp_path / "outlook.csv"
    path.write_bytes(buffer.getvalue().encode("cp1252"))
    report = import_paths(session, [path], workers=0)
    session.commit()
    assert (report.created, report.rejected) == (2, [])
    sabine = _person(session, "Weiß")
    assert ("email", "business", "", "sabine.weiss@weiss-soehne.de") in _addresses(session, sabine)
    assert ("email", "private", "", "s.weiss@gmx.de") in _addresses(session, sabine)  # freemail


def test_large_import_in_worker_processes_matches_the_inline_one(
    session: Session, tmp_path: Path
) -> None:
    cards = "".join(
        f"BEGIN:VCARD\nVERSION:3.0\nN:Nachname{i};Vorname;;;\nTEL;type=CELL:0171 {1000000 + i}\n"
        f"EMAIL:v{i}@example.de\nEND:VCARD\n"
        for i in range(1500)
    )
    path = _write(tmp_path, "many.vcf", cards + samples.BROKEN)
    steps: list[tuple[int, int]] = []
    report = import_paths(session, [path], workers=2, progress=lambda d, t: steps.append((d, t)))
    session.commit()
    assert (report.created, len(report.rejected)) == (1500, 1)
    assert steps[-1] == (1501, 1501) and len(steps) == 4
    assert _count(session, Address) == 3000
