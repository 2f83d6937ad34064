"""Reading Outlook (German, `;`, Windows-1252), Google (`,`, UTF-8 BOM) and generic CSV."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest

from advisor_tui.io.contact_record import ContactRecord, RecordError, decode_bytes
from advisor_tui.io.csv_contacts import csv_rows, row_to_record
from advisor_tui.io.vcard_mapping import PHONE_BY_NUMBER
from tests.io import contact_samples as samples


def _csv_bytes(header: list[str], rows: list[list[str]], delimiter: str, encoding: str) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue().encode(encoding)


def _records(data: bytes) -> list[ContactRecord | RecordError]:
    columns, rows = csv_rows(decode_bytes(data), "test.csv")
    out: list[ContactRecord | RecordError] = []
    for row in rows:
        try:
            out.append(row_to_record(columns, row, "test.csv"))
        except RecordError as exc:
            out.append(exc)
    return out


def _addresses(record: ContactRecord) -> set[tuple[str, str, str, str]]:
    return {(a.kind, a.scope, a.label, a.raw) for a in record.addresses}


def test_outlook_german_semicolon_windows_1252() -> None:
    data = _csv_bytes(samples.OUTLOOK_DE_HEADER, samples.OUTLOOK_DE_ROWS, ";", "cp1252")
    sabine, otto = _records(data)
    assert isinstance(sabine, ContactRecord) and isinstance(otto, ContactRecord)
    assert (sabine.salutation, sabine.title, sabine.first_name, sabine.last_name) == (
        "Frau", "Dr.", "Sabine", "Weiß",
    )  # fmt: skip
    assert sabine.company == "Weiß & Söhne KG, Einkauf"
    assert sabine.birthday == date(1972, 5, 3)
    assert sabine.notes == "Möchte Unterlagen per Post.\nZweite Zeile."
    assert sabine.tags == "Kunde, VIP"
    assert _addresses(sabine) >= {
        ("fax", "business", "", "0211 4455-99"),
        (PHONE_BY_NUMBER, "business", "", "0211 4455-10"),
        (PHONE_BY_NUMBER, "private", "", "02131 778899"),
        ("mobile", "private", "", "0172 5566778"),
        ("email", "", "", "sabine.weiss@weiss-soehne.de"),
        ("email", "", "", "s.weiss@gmx.de"),
    }
    postal = {a.scope: a for a in sabine.addresses if a.kind == "postal"}
    assert postal["business"].raw == "Königsallee 5\n40212 Düsseldorf\nDeutschland"
    assert (postal["private"].street, postal["private"].city) == ("Rosenweg 3", "Neuss")
    # Outlook's bookkeeping columns are dropped, real data in unknown columns is kept.
    kept = {p["params"][0][1]: p["value"] for p in sabine.extra}
    assert kept == {"Position": "Leiterin", "Hobby": "Segeln"}
    assert otto.birthday is None and otto.extra == []  # "0.0.00" is Outlook's empty date
    assert _addresses(otto) == {("mobile", "private", "", "0160 1112223")}


def test_outlook_rows_start_lines_count_multiline_cells() -> None:
    data = _csv_bytes(samples.OUTLOOK_DE_HEADER, samples.OUTLOOK_DE_ROWS, ";", "cp1252")
    sabine, otto = _records(data)
    assert (sabine.line, otto.line) == (2, 4)  # Sabine's notes span two lines


def test_google_comma_utf8_bom_multi_values_and_types() -> None:
    data = b"\xef\xbb\xbf" + _csv_bytes(samples.GOOGLE_HEADER, samples.GOOGLE_ROWS, ",", "utf-8")
    lena, tom = _records(data)
    assert isinstance(lena, ContactRecord) and isinstance(tom, ContactRecord)
    assert (lena.first_name, lena.last_name, lena.company) == ("Lena", "Vogel", "Firma X")
    assert lena.birthday == date(1990, 11, 2)
    assert lena.tags == "Freunde"  # Google's system group is not a tag
    assert _addresses(lena) >= {
        ("email", "private", "", "lena.vogel@gmail.com"),
        ("email", "private", "", "lena@vogel.de"),
        ("email", "business", "", "l.vogel@firma-x.de"),
        ("mobile", "", "", "+49 176 12345678"),
        ("fax", "business", "", "040 998877"),
        ("social", "", "Xing", "https://www.xing.com/profile/Lena_Vogel"),
    }
    assert next(a for a in lena.addresses if a.raw == "lena.vogel@gmail.com").is_preferred
    postal = next(a for a in lena.addresses if a.kind == "postal")
    assert (postal.raw, postal.city, postal.scope) == ("Elbchaussee 7\n22763 Hamburg", "Hamburg",
                                                       "private")  # fmt: skip
    assert tom.birthday is None
    assert {p["value"] for p in tom.extra} == {"--08-15", "https://tomberg.example"}
    assert (PHONE_BY_NUMBER, "", "Signal", "0157 33445566") in _addresses(tom)


def test_generic_columns() -> None:
    text = (
        "first_name,last_name,company,birthday,kind,mobile_business,email,"
        "postal_private_street,postal_private_postcode,postal_private_city,phone_private_2_label,"
        "phone_private_2\n"
        "Eva,Lang,,1975-01-31,prospect,0171 2020202,eva@lang.de,Am Bach 2,50667,Köln,"
        "Oma,0221 555666\n"
    )
    (eva,) = _records(text.encode())
    assert isinstance(eva, ContactRecord)
    assert (eva.first_name, eva.kind, eva.birthday) == ("Eva", "prospect", date(1975, 1, 31))
    assert _addresses(eva) >= {
        ("mobile", "business", "", "0171 2020202"),
        ("email", "", "", "eva@lang.de"),
        (PHONE_BY_NUMBER, "private", "Oma", "0221 555666"),
        ("postal", "private", "", "Am Bach 2\n50667 Köln"),
    }


def test_unknown_header_is_refused_as_a_whole() -> None:
    with pytest.raises(RecordError) as error:
        csv_rows("foo;bar\n1;2\n", "x.csv")
    assert error.value.key == "import.err.unknown_columns" and error.value.line == 1


def test_bad_rows_are_rejected_by_line_and_the_rest_read() -> None:
    text = "Vorname;Nachname;Mobiltelefon\nA;B;0171 1\n;;0171 2\nC;D;0171 3;zu;viel\nE;F;\n"
    results = _records(text.encode())
    assert [(r.key, r.line) for r in results if isinstance(r, RecordError)] == [
        ("import.err.no_name", 3),
        ("import.err.csv_columns", 4),
    ]
    assert [r.last_name for r in results if isinstance(r, ContactRecord)] == ["B", "F"]
