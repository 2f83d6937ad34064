"""Issue 11 import fidelity through the database: round trips, annotations, caller ID, nameless.

Each test names the item of issue 11 it proves; the vendor samples are in
tests/io/vendor_samples.py (written by us).
"""

from __future__ import annotations

import io
import sqlite3
from contextlib import closing
from pathlib import Path

from sqlmodel import Session, col, func, select

from advisor_tui.domain.models import Address, Person
from advisor_tui.io.vcard import split_cards
from advisor_tui.io.vcard_mapping import parse_card
from advisor_tui.services.exporting.contacts import write_export
from advisor_tui.services.importing.run import import_paths
from advisor_tui.services.persons.lookup import lookup_with, reverse_lookup
from advisor_tui.storage.lookup_fast import executor
from tests.io import contact_samples as samples
from tests.io import vendor_samples as vs


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _count(session: Session, model: type) -> int:
    return session.exec(select(func.count()).select_from(model)).one()


def _addresses(session: Session, person: Person) -> list[Address]:
    query = select(Address).where(Address.person_id == person.id).order_by(col(Address.id))
    return list(session.exec(query))


def _export(session: Session, fmt: str) -> bytes:
    out = io.StringIO()
    write_export(session, fmt, out)
    return out.getvalue().encode("utf-8")


def test_item2_two_one_cards_survive_our_export_and_reimport_unchanged(
    session: Session, tmp_path: Path
) -> None:
    cards = vs.OUTLOOK_21_CP1252 + vs.ANDROID_21 + samples.OUTLOOK.encode("cp1252")
    first = import_paths(session, [_write(tmp_path, "o.vcf", cards)], workers=0)
    session.commit()
    assert (first.created, first.rejected) == (4, [])
    exported = _export(session, "vcf")
    text = exported.decode()
    assert "\nPHOTO;ENCODING=b:" in text and "TYPE=BASE64" not in text
    assert "LABEL;TYPE=HOME:Gebäude B\\\\Eingang 3\\n40213 Düsseldorf" in text
    # Read back: the same persons, every line readable.
    records = [parse_card(c) for c in split_cards(exported, "export.vcf")]
    assert [(r.first_name, r.last_name) for r in records] == [
        ("Jörg", "Bäcker"), ("Ayşe", "Özdemir"), ("K.", "Neumann"), ("Jürgen", "Größer"),
    ]  # fmt: skip
    assert [r.skipped for r in records] == [[], [], [], []]
    # Into the same database: nothing new, no kept property twice.
    extra_before = [p.extra for p in session.exec(select(Person).order_by(col(Person.id)))]
    back = import_paths(session, [_write(tmp_path, "export.vcf", exported)], workers=0)
    session.commit()
    assert (back.created, back.merged, back.unchanged) == (0, 0, 4)
    assert [p.extra for p in session.exec(select(Person).order_by(col(Person.id)))] == extra_before


def test_item4_skipped_lines_are_in_the_report(session: Session, tmp_path: Path) -> None:
    report = import_paths(session, [_write(tmp_path, "k.vcf", vs.KADDRESSBOOK)], workers=0)
    assert (report.created, report.rejected) == (1, [])
    assert [(s.line, s.key) for s in report.skipped] == [
        (3, "import.skip.comment"),
        (7, "import.skip.bad_line"),
    ]
    assert report.exit_code == 1  # something of the file was left out: say so
    jan = session.exec(select(Person).where(Person.last_name == "Weiß")).one()
    kinds = {(a.kind, a.normalized) for a in _addresses(session, jan)}
    assert kinds == {("mobile", "+491605550777"), ("messenger", "jan.weiss@jabber.example")}


def test_item6_annotations_become_labels_extensions_direct_dial(
    session: Session, tmp_path: Path
) -> None:
    import_paths(session, [_write(tmp_path, "e.vcf", vs.EVOLUTION)], workers=0)
    hanne = session.exec(select(Person).where(Person.last_name == "Krüger")).one()
    got = {
        a.raw: (a.kind, a.scope, a.label, a.normalized, a.valid, a.is_direct_dial)
        for a in _addresses(session, hanne)
        if a.kind != "postal"
    }
    assert got == {
        "030 5550123 (privat)": ("landline", "private", "privat", "+49305550123", True, False),
        "089 555012 App. 12": ("landline", "business", "", "+498955501212", True, True),
        "0172 5550199 (mobil)": ("mobile", "private", "mobil", "+491725550199", True, False),
        "0711 5550444 (Büro)": ("landline", "business", "Büro", "+497115550444", True, False),
        "Zentrale 0711 5550400": (
            "landline", "business", "Zentrale", "+497115550400", True, False,
        ),
    }  # fmt: skip


def test_item7_an_invalid_stored_number_is_found_by_equal_digits(
    session: Session, tmp_path: Path, db_kind: str, db_path: Path
) -> None:
    card = (
        b"BEGIN:VCARD\r\nVERSION:3.0\r\nN:Alt;Otto;;;\r\nTEL;TYPE=CELL:0171 12345\r\nEND:VCARD\r\n"
    )
    import_paths(session, [_write(tmp_path, "o.vcf", card)], workers=0)
    session.commit()
    (stored,) = session.exec(select(Address))
    assert (stored.valid, stored.normalized) == (False, None)  # kept raw, marked invalid
    otto = session.exec(select(Person).where(Person.last_name == "Alt")).one()
    for caller in ("017112345", "0171 12345", "+49 171 12345"):
        result = reverse_lookup(session, caller)
        assert [(h.person_id, h.match) for h in result.hits] == [(otto.id, "exact")], caller
    assert reverse_lookup(session, "0171123456").hits == []  # equal digits only, no suffix guess
    if db_kind == "sqlite":  # `advisor who`'s path without the ORM runs the same lookup
        with closing(sqlite3.connect(db_path)) as connection:
            fast = lookup_with(executor(connection), "0171 12345")
        assert [(h.person_id, h.match) for h in fast.hits] == [(otto.id, "exact")]


def test_item8_nameless_cards_get_a_name_from_the_address_and_a_review_tag(
    session: Session, tmp_path: Path
) -> None:
    data = vs.ANDROID_21 + vs.SOGO_NAMELESS
    report = import_paths(session, [_write(tmp_path, "n.vcf", data)], workers=0)
    session.commit()
    assert (report.created, report.rejected) == (3, [])
    assert [(n.line, n.key, n.params["name"]) for n in report.notices] == [
        (10, "import.note.name_from_address", "K. Neumann"),
        (15, "import.note.name_from_address", "buchhaltung@sogo-kunde.example"),
    ]
    neumann = session.exec(select(Person).where(Person.last_name == "Neumann")).one()
    assert (neumann.first_name, neumann.tags) == ("K.", "Name prüfen")
    firm = session.exec(select(Person).where(Person.last_name.startswith("buchhaltung"))).one()  # type: ignore[attr-defined]
    assert firm.tags == "Name prüfen"
    assert {a.raw for a in _addresses(session, firm)} == {
        "buchhaltung@sogo-kunde.example", "040 5550999",
    }  # fmt: skip
    again = import_paths(session, [_write(tmp_path, "n.vcf", data)], workers=0)
    assert (again.created, again.merged, again.unchanged, again.notices) == (0, 0, 3, [])


def test_item9_one_value_with_two_types_keeps_both(session: Session, tmp_path: Path) -> None:
    import_paths(session, [_write(tmp_path, "t.vcf", vs.SAME_VALUE_TWICE)], workers=0)
    session.commit()
    paula = session.exec(select(Person).where(Person.last_name == "Zweifach")).one()
    got = sorted((a.kind, a.scope, a.is_preferred) for a in _addresses(session, paula))
    assert got == [
        ("fax", "business", False),
        ("landline", "business", False),
        ("postal", "business", True),
        ("postal", "private", False),
    ]
    again = import_paths(session, [_write(tmp_path, "t.vcf", vs.SAME_VALUE_TWICE)], workers=0)
    assert (again.unchanged, again.addresses_added) == (1, 0)


def test_item10_our_csv_export_reimports_as_identical(session: Session, tmp_path: Path) -> None:
    cards = samples.ALL.encode() + vs.EVOLUTION + vs.SAME_VALUE_TWICE
    first = import_paths(session, [_write(tmp_path, "a.vcf", cards)], workers=0)
    session.commit()
    persons, addresses = _count(session, Person), _count(session, Address)
    exported = _export(session, "csv")
    again = import_paths(session, [_write(tmp_path, "export.csv", exported)], workers=0)
    session.commit()
    assert (again.created, again.merged, again.rejected) == (0, 0, [])
    assert again.unchanged == first.created
    assert (_count(session, Person), _count(session, Address)) == (persons, addresses)


def test_item14_every_csv_row_is_imported_or_reported(session: Session, tmp_path: Path) -> None:
    report = import_paths(session, [_write(tmp_path, "s.csv", vs.stray_quote_csv(1000))])
    assert report.created == 1000
    assert [(r.line, r.key) for r in report.rejected] == [(2, "import.err.csv_quote")]
    huge = import_paths(session, [_write(tmp_path, "g.csv", vs.gmail_csv_with_huge_note())])
    assert (huge.created, huge.rejected) == (2, [])
