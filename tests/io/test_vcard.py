"""Reading vCards as Apple, Google and Outlook write them; writing vCard 4.0."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from advisor_tui.domain.dates import NoYear, optional_birthday
from advisor_tui.domain.models import Address, Person
from advisor_tui.io.contact_record import (
    ContactRecord,
    RecordError,
    decode_bytes,
    extra_to_json,
)
from advisor_tui.io.vcard import split_cards
from advisor_tui.io.vcard_export import fold, person_to_vcard
from advisor_tui.io.vcard_mapping import PHONE_BY_NUMBER, parse_card, split_escaped, unescape
from tests.io import contact_samples as samples

TODAY = date(2026, 12, 1)


def _one(text: str) -> ContactRecord:
    cards = split_cards(samples.crlf(text), "test.vcf")
    assert len(cards) == 1
    return parse_card(cards[0])


def _addresses(record: ContactRecord) -> set[tuple[str, str, str, str, bool]]:
    return {(a.kind, a.scope, a.label, a.raw, a.is_preferred) for a in record.addresses}


def test_apple_groups_labels_types_and_escapes() -> None:
    record = _one(samples.APPLE)
    assert (record.first_name, record.last_name, record.title) == ("Anna Maria", "Müller", "Dr.")
    assert record.company == "Müller, Schmidt & Partner, Vertrieb"
    assert record.birthday == date(1980, 3, 15)
    assert record.notes == "Kundin seit 2010, Depot bei der Bank.\nRuft gern abends an."
    assert _addresses(record) >= {
        ("mobile", "", "", "+49 171 1234567", True),
        (PHONE_BY_NUMBER, "", "WhatsApp", "0170 7654321", False),
        ("landline", "business", "", "030 12345-67", False),
        ("fax", "private", "", "030 7654321", False),
        ("email", "business", "", "anna.mueller@mueller-partner.de", True),
        ("email", "private", "", "anna.m@web.de", False),
        ("social", "", "linkedin", "http://www.linkedin.com/in/annamueller", False),
        ("messenger", "private", "Skype", "anna.mueller", True),
    }
    postal = next(a for a in record.addresses if a.kind == "postal")
    assert (postal.street, postal.postcode, postal.city, postal.country) == (
        "Hauptstraße 1", "10115", "Berlin", "Deutschland",
    )  # fmt: skip
    assert postal.scope == "private" and postal.is_preferred
    kept = {(p["group"], p["name"]) for p in record.extra}
    # The homepage (no social site) and what we do not interpret stay with the person.
    assert {("item5", "URL"), ("item5", "X-ABLABEL"), ("item4", "X-ABADR")} <= kept
    assert {(None, "PHOTO"), (None, "X-ABSHOWAS")} <= kept
    photo = next(p for p in record.extra if p["name"] == "PHOTO")
    assert photo["value"].endswith("Gh0cICQuJyAiLCMcHCg3KSwwMTQ0NB8nOT04MjwuMzQy")  # unfolded
    assert not any(p["name"] in ("VERSION", "PRODID", "N", "TEL") for p in record.extra)


def test_google_four_zero_uri_numbers_quoted_types_and_no_year_birthday() -> None:
    record = _one(samples.GOOGLE)
    assert (record.first_name, record.last_name) == ("Peter", "Schulz")
    assert _addresses(record) >= {
        ("mobile", "", "", "+49-160-2223334", True),
        (PHONE_BY_NUMBER, "business", "", "+49-89-1234567", False),
        ("email", "private", "", "peter.schulz@gmail.com", False),
    }
    postal = next(a for a in record.addresses if a.kind == "postal")
    assert postal.raw == "Leopoldstr. 10\n80802 München\nDeutschland"  # from LABEL
    assert (postal.city, postal.scope) == ("München", "business")  # folded inside a word
    assert record.birthday is None
    assert {"group": None, "name": "BDAY", "params": [], "value": "--0704"} in record.extra
    assert record.tags == "Golf, Tennis"
    assert record.notes.startswith("Hat 2019 eine") and "im Herbst über" in record.notes


def test_outlook_two_one_quoted_printable_charset_and_bare_types() -> None:
    record = _one(samples.OUTLOOK)
    assert (record.salutation, record.first_name, record.last_name) == ("Herr", "Jürgen", "Größer")
    assert record.birthday == date(1965, 7, 22)
    assert record.notes == (
        "Bevorzugt Rückruf vormittags.\nBitte nicht vor 9 Uhr anrufen, er ist dann noch "
        "im Termin und nicht erreichbar."
    )
    assert _addresses(record) >= {
        ("landline", "business", "", "+49 (0)89 1234-56", False),
        ("landline", "private", "", "089 7654321", False),
        ("mobile", "", "", "0151 22334455", False),
        ("fax", "business", "", "089 1234-99", False),
        ("email", "", "", "j.groesser@groesser-makler.de", True),
    }
    postals = [a for a in record.addresses if a.kind == "postal"]
    assert len(postals) == 1  # the empty ADR;HOME:;;;;;; is no address
    assert postals[0].raw == "Marienplatz 1\n80331 München\nBayern\nDeutschland"
    title = next(p for p in record.extra if p["name"] == "TITLE")
    assert title["value"] == "Geschäftsführer" and title["params"] == []  # decoded, no CHARSET


def test_company_card_keeps_invalid_number_raw() -> None:
    record = _one(samples.COMPANY)
    assert (record.first_name, record.last_name) == ("", "")
    assert record.company == "Hausverwaltung Sonnenschein GmbH"
    assert (PHONE_BY_NUMBER, "business", "", "12", False) in _addresses(record)


def test_broken_card_is_reported_by_line_and_the_next_card_still_reads() -> None:
    text = samples.crlf(samples.ALL)
    cards = split_cards(text, "all.vcf")
    results = []
    for card in cards:
        try:
            results.append(parse_card(card))
        except RecordError as exc:
            results.append(exc)
    errors = [r for r in results if isinstance(r, RecordError)]
    assert [(e.key, e.line) for e in errors] == [
        ("import.err.no_end", samples.broken_begin_line(samples.ALL))
    ]
    names = [r.last_name or r.company for r in results if isinstance(r, ContactRecord)]
    assert names == ["Müller", "Schulz", "Größer", "Hausverwaltung Sonnenschein GmbH", "Nachher"]
    assert results[-1].line == samples.line_of(samples.ALL, "N:Nachher") - 2


def test_unparsable_line_is_skipped_and_reported_card_without_name_or_address_is_an_error() -> None:
    text = "BEGIN:VCARD\nVERSION:3.0\nFN:Ok Fine\nthis line has no colon\nEND:VCARD\n"
    record = parse_card(split_cards(text, "x.vcf")[0])
    assert (record.first_name, record.last_name) == ("Ok", "Fine")
    assert [(s.line, s.key) for s in record.skipped] == [(4, "import.skip.bad_line")]
    nameless = "BEGIN:VCARD\nVERSION:3.0\nEMAIL:a@b.de\nEND:VCARD\n"
    assert [a.raw for a in parse_card(split_cards(nameless, "x.vcf")[0]).addresses] == ["a@b.de"]
    empty = "BEGIN:VCARD\nVERSION:3.0\nNOTE:nur eine Notiz\nEND:VCARD\n"
    with pytest.raises(RecordError) as none:
        parse_card(split_cards(empty, "x.vcf")[0])
    assert none.value.key == "import.err.no_name"


def test_text_outside_cards_is_reported() -> None:
    cards = split_cards("garbage\nBEGIN:VCARD\nFN:A B\nEND:VCARD\n", "x.vcf")
    assert [(c.error, c.line) for c in cards] == [("import.err.outside_card", 1), (None, 2)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("19800315", date(1980, 3, 15)),
        ("1980-03-15", date(1980, 3, 15)),
        ("1980-03-15T00:00:00Z", date(1980, 3, 15)),
        ("15.3.1980", date(1980, 3, 15)),
        ("3/15/1980", date(1980, 3, 15)),
        ("0.0.00", None),
        ("", None),
    ],
)
def test_birthday_forms(text: str, expected: date | None) -> None:
    assert optional_birthday(text, TODAY) == expected


def test_birthday_without_year() -> None:
    for text in ("--0315", "--03-15"):
        with pytest.raises(NoYear):
            optional_birthday(text, TODAY)
    with pytest.raises(NoYear):
        optional_birthday("1604-03-15", TODAY, omit_year=1604)  # Apple's X-APPLE-OMIT-YEAR


def test_decode_utf8_bom_and_windows_1252() -> None:
    assert decode_bytes("\ufeffMüller".encode()) == "Müller"
    assert decode_bytes("Müller".encode("cp1252")) == "Müller"
    assert decode_bytes("Müller".encode("utf-16")) == "Müller"


def test_split_escaped_keeps_escaped_separators() -> None:
    parts = split_escaped(r"Müller\, Schmidt;Vertrieb\;Nord", ";")
    assert [unescape(p) for p in parts] == ["Müller, Schmidt", "Vertrieb;Nord"]


def test_fold_never_splits_a_character_and_stays_within_75_octets() -> None:
    line = "NOTE:" + "äöü€" * 40
    folded = fold(line)
    parts = folded.split("\r\n")
    assert all(len(p.encode()) <= 75 for p in parts)
    assert parts[0] + "".join(p[1:] for p in parts[1:]) == line


def _person(**fields: object) -> Person:
    return Person(id=1, **fields)  # type: ignore[arg-type]


def test_export_writes_types_labels_and_kept_properties() -> None:
    kept = [{"group": None, "name": "X-FOO", "params": [["BAR", "baz"]], "value": "a\\,b"}]
    person = _person(first_name="Anna", last_name="Müller", title="Dr.", company="A, B & C",
                     birthday=date(1980, 3, 15), notes="Zeile 1\nZeile 2; mit Semikolon",
                     extra=extra_to_json(kept))  # fmt: skip
    addresses = [
        Address(person_id=1, kind="mobile", scope="private", raw="0171 1234567", is_preferred=True),
        Address(person_id=1, kind="landline", scope="business", raw="030 123", label="Zentrale"),
    ]
    card = person_to_vcard(person, addresses)
    assert card.startswith("BEGIN:VCARD\r\nVERSION:4.0\r\n") and card.endswith("END:VCARD\r\n")
    assert "N:Müller;Anna;;Dr.;\r\n" in card
    assert "ORG:A\\, B & C\r\n" in card and "BDAY:19800315\r\n" in card
    assert "NOTE:Zeile 1\\nZeile 2\\; mit Semikolon\r\n" in card
    assert "TEL;TYPE=cell,home;PREF=1:0171 1234567\r\n" in card
    assert "item1.TEL;TYPE=voice,work:030 123\r\nitem1.X-ABLabel:Zentrale\r\n" in card
    assert "X-FOO;BAR=baz:a\\,b\r\n" in card
    assert "UID:" not in card
    assert "\r\nUID:urn:uuid:1234\r\n" in person_to_vcard(person, addresses, uid="urn:uuid:1234")


names = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=30
).filter(lambda s: s.strip() == s and s.strip())


@settings(max_examples=60, deadline=None)
@given(first=names, last=names, notes=st.text(max_size=200), company=st.text(max_size=40))
def test_exported_card_reads_back_the_same(first: str, last: str, notes: str, company: str) -> None:
    notes = notes.replace("\r", "").strip()
    company = company.replace("\r", "").replace("\n", " ").strip()
    person = _person(first_name=first, last_name=last, notes=notes, company=company)
    card = person_to_vcard(person, [])
    record = parse_card(split_cards(card, "rt.vcf")[0])
    assert (record.first_name, record.last_name) == (first, last)
    assert record.notes == notes
    assert record.company == company


def test_item2_export_writes_kept_two_one_properties_validly_and_keeps_backslashes() -> None:
    # As older versions stored them: bare 2.1 parameters, a decoded value with raw line breaks.
    kept = [
        {"group": None, "name": "PHOTO", "params": [["BASE64"]], "value": "AAAA"},
        {"group": None, "name": "LABEL", "params": [["WORK"]], "value": "Kö 12\r\n40212 Ort"},
    ]
    person = _person(first_name="Jörg", last_name="Bäcker", extra=extra_to_json(kept))
    raw = "c/o Müller\\Hinterhaus\n40212 Düsseldorf"
    postal = Address(person_id=1, kind="postal", scope="business", raw=raw, city="Düsseldorf")
    card = person_to_vcard(person, [postal])
    assert "\r\nPHOTO;ENCODING=b:AAAA\r\n" in card and "TYPE=BASE64" not in card
    assert "\r\nLABEL;TYPE=WORK:Kö 12\\n40212 Ort\r\n" in card
    assert all(line.startswith(" ") or ":" in line for line in card.split("\r\n")[:-1] if line)
    record = parse_card(split_cards(card, "rt.vcf")[0])
    assert [a.raw for a in record.addresses] == [raw]
    assert record.skipped == []
