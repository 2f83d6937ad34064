"""Reading each vendor sample: the failure classes of issue 11 (items 1-6, 8-10, 14)."""

from __future__ import annotations

from pathlib import Path

from advisor_tui.io.contact_files import collect_units
from advisor_tui.io.contact_record import ContactRecord, RecordError
from tests.io import vendor_samples as vs


def _read(tmp_path: Path, name: str, data: bytes) -> tuple[list[ContactRecord | RecordError], list]:
    path = tmp_path / name
    path.write_bytes(data)
    units, problems = collect_units([path])
    out: list[ContactRecord | RecordError] = []
    for unit in units:
        try:
            out.append(unit.read())
        except RecordError as exc:
            out.append(exc)
    return out, problems


def _records(tmp_path: Path, name: str, data: bytes) -> list[ContactRecord]:
    out, problems = _read(tmp_path, name, data)
    assert problems == []
    assert all(isinstance(r, ContactRecord) for r in out), out
    return [r for r in out if isinstance(r, ContactRecord)]


def _raws(record: ContactRecord, kind: str | None = None) -> list[str]:
    return [a.raw for a in record.addresses if kind is None or a.kind == kind]


def test_item1_encoding_is_decided_per_card_and_after_unfolding(tmp_path: Path) -> None:
    data = vs.DAVX5_OWNCLOUD + vs.OUTLOOK_21_CP1252 + vs.EVOLUTION
    davx, outlook, evolution = _records(tmp_path, "mixed.vcf", data)
    assert (davx.first_name, davx.last_name) == ("Günther", "Müller")
    assert davx.notes == "x" * 69 + "Grüße an die Müllers, über Bäckerei."
    assert (outlook.first_name, outlook.last_name) == ("Jörg", "Bäcker")
    assert outlook.company == "Bäckerei Bäcker GmbH"
    assert (evolution.first_name, evolution.last_name) == ("Hannelore", "Krüger")


def test_item3_cr_cr_lf_line_ends_keep_the_folded_photo(tmp_path: Path) -> None:
    (record,) = _records(tmp_path, "apple.vcf", vs.APPLE_CRCRLF)
    assert (record.first_name, record.last_name) == ("Jürgen", "Bäumer")
    assert _raws(record) == ["+49 171 5550101"]
    photo = next(p for p in record.extra if p["name"] == "PHOTO")
    assert photo["value"] == vs.PHOTO_B64


def test_item4_unreadable_lines_are_skipped_and_reported_the_card_kept(tmp_path: Path) -> None:
    (record,) = _records(tmp_path, "kab.vcf", vs.KADDRESSBOOK)
    assert (record.first_name, record.last_name) == ("Jan", "Weiß")
    assert "0160 5550777" in _raws(record)
    # KAddressBook's messenger line is understood; the comment and the bare FN are reported.
    assert ("messenger", "jan.weiss@jabber.example", "XMPP") in {
        (a.kind, a.raw, a.label) for a in record.addresses
    }
    assert [(s.line, s.key) for s in record.skipped] == [
        (3, "import.skip.comment"),
        (7, "import.skip.bad_line"),
    ]


def test_item4_android_address_continued_after_a_backslash(tmp_path: Path) -> None:
    ayse, nameless = _records(tmp_path, "android.vcf", vs.ANDROID_21)
    assert (ayse.first_name, ayse.last_name) == ("Ayşe", "Özdemir")
    (postal,) = [a for a in ayse.addresses if a.kind == "postal"]
    assert (postal.street, postal.city, postal.postcode) == (
        "Lindenstraße 5\nHinterhaus", "Köln", "50667",
    )  # fmt: skip
    assert "0176 55501234" in _raws(ayse) and "ayse.oezdemir@example.org" in _raws(ayse)
    assert _raws(nameless) == ["k.neumann@example.net"]


def test_item5_po_box_kept_beside_the_street(tmp_path: Path) -> None:
    (record,) = _records(tmp_path, "evo.vcf", vs.EVOLUTION)
    (postal,) = [a for a in record.addresses if a.kind == "postal"]
    assert postal.raw == "Industriestraße 7\nPostfach 12 34\n70565 Stuttgart\nDeutschland"
    assert postal.street == "Industriestraße 7"


def test_item6_annotations_stay_text_beside_the_number(tmp_path: Path) -> None:
    (record,) = _records(tmp_path, "evo.vcf", vs.EVOLUTION)
    phones = {a.raw: a for a in record.addresses if a.kind != "postal"}
    assert set(phones) >= {"030 5550123 (privat)", "089 555012 App. 12", "0172 5550199 (mobil)"}


def test_item8_nameless_cards_are_read_with_their_addresses(tmp_path: Path) -> None:
    (record,) = _records(tmp_path, "sogo.vcf", vs.SOGO_NAMELESS)
    assert not record.has_name
    assert set(_raws(record)) == {"buchhaltung@sogo-kunde.example", "040 5550999"}


def test_item9_same_value_with_two_types_gives_two_addresses(tmp_path: Path) -> None:
    (record,) = _records(tmp_path, "twice.vcf", vs.SAME_VALUE_TWICE)
    kinds = sorted((a.kind, a.scope, a.is_preferred) for a in record.addresses)
    assert kinds == [
        ("fax", "business", False),
        ("landline", "business", False),
        ("postal", "business", True),
        ("postal", "private", False),
    ]


def test_item10_utf16_without_bom_is_read(tmp_path: Path) -> None:
    (record,) = _records(tmp_path, "unicode.vcf", vs.utf16_without_bom(vs.EVOLUTION))
    assert record.last_name == "Krüger"
    (csv_record,) = _records(tmp_path, "tb.csv", vs.utf16_without_bom(vs.thunderbird_csv()))
    assert csv_record.last_name == "Lindner"


def test_item10_thunderbird_columns_and_trailing_field(tmp_path: Path) -> None:
    (greta,) = _records(tmp_path, "tb.csv", vs.thunderbird_csv())
    assert (greta.first_name, greta.last_name) == ("Greta", "Lindner")
    assert greta.company == "Lindner Logistik AG, Einkauf"
    assert str(greta.birthday) == "1979-04-23"
    got = {(a.kind, a.scope, a.raw) for a in greta.addresses}
    assert got >= {
        ("email", "", "greta@lindner.example"),
        ("email", "", "g.lindner@gmx.de"),
        ("phone", "business", "0221 5550100"),
        ("phone", "private", "0221 5550200"),
        ("fax", "private", "0221 5550101"),
        ("mobile", "private", "0171 5550300"),
        ("postal", "private", "Rheinufer 4\n50668 Köln\nNRW\nDeutschland"),
        ("postal", "business", "Domplatz 1, 3. OG\n50667 Köln\nDeutschland"),
    }
    kept = {p["params"][0][1]: p["value"] for p in greta.extra}
    assert kept == {"Nickname": "Gretl", "Job Title": "Prokuristin",
                    "Web Page 1": "https://lindner.example"}  # fmt: skip


def test_item10_german_outlook_country_columns(tmp_path: Path) -> None:
    (till,) = _records(tmp_path, "o.csv", vs.outlook_german_country_csv())
    postal = {a.scope: a.country for a in till.addresses if a.kind == "postal"}
    assert postal == {"business": "Österreich", "private": "Schweiz"}
    assert till.extra == []


def test_item10_missing_name_column_says_so(tmp_path: Path) -> None:
    out, problems = _read(tmp_path, "x.csv", b"Mobiltelefon;E-Mail-Adresse\n0171 5550000;a@b.de\n")
    assert out == []
    assert [(p.key, p.line) for p in problems] == [("import.err.no_name_column", 1)]


def test_item14_a_huge_field_does_not_end_the_file(tmp_path: Path) -> None:
    hugo, ida = _records(tmp_path, "g.csv", vs.gmail_csv_with_huge_note())
    assert len(hugo.notes) == len("Protokoll ") + 200_000
    assert ida.last_name == "Kurz"


def test_item14_a_stray_quote_swallows_nothing(tmp_path: Path) -> None:
    out, problems = _read(tmp_path, "s.csv", vs.stray_quote_csv(1000))
    assert problems == []
    errors = [r for r in out if isinstance(r, RecordError)]
    records = [r for r in out if isinstance(r, ContactRecord)]
    assert [(e.key, e.line) for e in errors] == [("import.err.csv_quote", 2)]
    assert len(records) == 1000
    assert (records[0].first_name, records[0].line) == ("Vorname0", 3)
    assert records[-1].line == 1002
