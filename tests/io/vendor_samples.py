"""Contact files as real exporters write them, byte for byte: one per import failure class.

Written by us from the exporters' documented and observed habits (no file is
copied from another project). Each constant is `bytes`, because most of the
failures live below the text level: line ends, folding inside a UTF-8
character, one Windows-1252 card in a UTF-8 file, UTF-16 without a BOM.

- APPLE_CRCRLF: iOS/macOS Contacts (3.0) saved through a tool that doubled the
  CR: `CR CR LF` line ends and a folded PHOTO (issue 11 item 3).
- ANDROID_21: Android 2.1 export: UTF-8 quoted-printable names, an ADR whose
  street goes on after a trailing backslash, and an e-mail-only contact
  without any name (items 4, 8).
- OUTLOOK_21_CP1252: an Outlook 2.1 card in raw Windows-1252 (no QP) in the
  middle of a UTF-8 file, quoted-printable LABEL properties (one with a
  backslash), bare `PHOTO;BASE64`, one number typed both voice and fax
  (items 1, 2, 9).
- EVOLUTION: Evolution 3.0: an ADR with PO box and street, numbers written
  with annotations and an extension (items 5, 6).
- KADDRESSBOOK: KAddressBook 3.0 with `X-messaging/xmpp-All:`, a `#` comment
  and a bare `FN` line (item 4).
- DAVX5_OWNCLOUD: ownCloud/DAVx5 4.0 folded at 75 octets inside a UTF-8
  character (item 1).
- SOGO_NAMELESS: SOGo 3.0 card with an e-mail and a phone but no name (item 8).
- SAME_VALUE_TWICE: one postal address typed home and work, PREF on work (item 9).
- utf16_without_bom(): any card as UTF-16-LE without a byte order mark (item 10).
- Thunderbird, Gmail and Outlook-German CSV files and a CSV with a stray quote
  and a huge field (items 10, 14): built by the functions at the end.
"""

from __future__ import annotations

import base64
import csv
import io

# A small deterministic "JPEG": the bytes only have to survive the round trip.
PHOTO_B64 = base64.b64encode(b"\xff\xd8\xff\xe0" + bytes(range(256)) * 2).decode("ascii")


def fold_bytes(line: bytes, width: int = 75, eol: bytes = b"\r\n") -> bytes:
    """Fold at exactly `width` octets, as DAVx5 and ownCloud do: even inside a UTF-8 character."""
    parts = [line[:width]]
    rest = line[width:]
    while rest:
        parts.append(b" " + rest[: width - 1])
        rest = rest[width - 1 :]
    return eol.join(parts)


def _lines(lines: list[bytes], eol: bytes = b"\r\n") -> bytes:
    return eol.join(lines) + eol


APPLE_CRCRLF = _lines(
    [
        b"BEGIN:VCARD",
        b"VERSION:3.0",
        b"PRODID:-//Apple Inc.//Mac OS X 10.15.7//EN",
        "N:Bäumer;Jürgen;;;".encode(),
        "FN:Jürgen Bäumer".encode(),
        b"item1.TEL;type=CELL;type=VOICE;type=pref:+49 171 5550101",
        fold_bytes(b"PHOTO;ENCODING=b;TYPE=JPEG:" + PHOTO_B64.encode(), eol=b"\r\r\n"),
        b"END:VCARD",
    ],
    eol=b"\r\r\n",
)

ANDROID_21 = _lines(
    [
        b"BEGIN:VCARD",
        b"VERSION:2.1",
        b"N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=C3=96zdemir;Ay=C5=9Fe;;;",
        b"FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Ay=C5=9Fe =C3=96zdemir",
        b"TEL;CELL:0176 55501234",
        "ADR;HOME:;;Lindenstraße 5\\".encode(),
        "Hinterhaus;Köln;;50667;Deutschland".encode(),
        b"EMAIL;HOME:ayse.oezdemir@example.org",
        b"END:VCARD",
        b"BEGIN:VCARD",
        b"VERSION:2.1",
        b"N:;;;;",
        b"EMAIL;HOME:k.neumann@example.net",
        b"END:VCARD",
    ]
)

OUTLOOK_21_CP1252 = _lines(
    [
        b"BEGIN:VCARD",
        b"VERSION:2.1",
        "N;LANGUAGE=de;CHARSET=Windows-1252:Bäcker;Jörg;;Herr".encode("cp1252"),
        "FN;CHARSET=Windows-1252:Jörg Bäcker".encode("cp1252"),
        "ORG:Bäckerei Bäcker GmbH".encode("cp1252"),
        b"TEL;WORK;VOICE:0211 5550877",
        b"TEL;WORK;FAX:0211 5550877",
        b"EMAIL;PREF;INTERNET:joerg@baeckerei-baecker.example",
        "ADR;WORK;PREF:;;Kö 12;Düsseldorf;;40212;Deutschland".encode("cp1252"),
        b"LABEL;WORK;PREF;ENCODING=QUOTED-PRINTABLE:K=F6 12=0D=0A40212 D=FCsseldorf=0D=0ADeu=",
        b"tschland",
        b"LABEL;HOME;ENCODING=QUOTED-PRINTABLE:Geb=E4ude B\\Eingang 3=0D=0A40213 D=FCsseldorf",
        b"PHOTO;BASE64:",
        *(b"  " + PHOTO_B64[i : i + 72].encode() for i in range(0, len(PHOTO_B64), 72)),
        b"",
        b"X-MS-OL-DESIGN;CHARSET=utf-8:<card/>",
        b"END:VCARD",
    ]
)

EVOLUTION = _lines(
    [
        b"BEGIN:VCARD",
        b"VERSION:3.0",
        b"UID:pas-id-5F3A0C1B00000001",
        "N:Krüger;Hannelore;;Frau;".encode(),
        "FN:Hannelore Krüger".encode(),
        b"TEL;TYPE=HOME,VOICE:030 5550123 (privat)",
        b"TEL;TYPE=WORK,VOICE:089 555012 App. 12",
        b"TEL;TYPE=CELL:0172 5550199 (mobil)",
        "TEL;TYPE=WORK:0711 5550444 (Büro)".encode(),
        b"TEL;TYPE=WORK:Zentrale 0711 5550400",
        "ADR;TYPE=WORK:Postfach 12 34;;Industriestraße 7;Stuttgart;;70565;Deutschland".encode(),
        b"X-EVOLUTION-FILE-AS:Kr\xc3\xbcger\\, Hannelore",
        b"END:VCARD",
    ]
)

KADDRESSBOOK = _lines(
    [
        b"BEGIN:VCARD",
        b"VERSION:3.0",
        b"# exported by KAddressBook",
        "N:Weiß;Jan;;;".encode(),
        "FN:Jan Weiß".encode(),
        b"X-messaging/xmpp-All:jan.weiss@jabber.example",
        b"FN",
        b"TEL;TYPE=CELL:0160 5550777",
        b"X-KADDRESSBOOK-X-IMAddress:jan.weiss",
        b"END:VCARD",
    ],
    eol=b"\n",
)

DAVX5_OWNCLOUD = _lines(
    [
        b"BEGIN:VCARD",
        b"VERSION:4.0",
        b"PRODID:-//Sabre//Sabre VObject 4.5.0//EN",
        "FN:Günther Müller".encode(),
        "N:Müller;Günther;;;".encode(),
        b"TEL;TYPE=cell:+49 151 5550345",
        # The 75th octet is the first half of "ü": folded in the middle of the character.
        fold_bytes(("NOTE:" + "x" * 69 + "Grüße an die Müllers, über Bäckerei.").encode()),
        b"END:VCARD",
    ]
)

SOGO_NAMELESS = _lines(
    [
        b"BEGIN:VCARD",
        b"VERSION:3.0",
        b"PRODID:-//Inverse inc.//SOGo Connector 1.0//EN",
        b"UID:2B4C-5F3A0C1B-1-6A2E9880.vcf",
        b"FN:",
        b"EMAIL;TYPE=work:buchhaltung@sogo-kunde.example",
        b"TEL;TYPE=work:040 5550999",
        b"END:VCARD",
    ]
)

SAME_VALUE_TWICE = _lines(
    [
        b"BEGIN:VCARD",
        b"VERSION:3.0",
        b"N:Zweifach;Paula;;;",
        b"FN:Paula Zweifach",
        b"TEL;TYPE=WORK;TYPE=VOICE:040 5550600",
        b"TEL;TYPE=WORK;TYPE=FAX:040 5550600",
        b"ADR;TYPE=HOME:;;Am Deich 3;Hamburg;;20095;Deutschland",
        b"ADR;TYPE=WORK;TYPE=PREF:;;Am Deich 3;Hamburg;;20095;Deutschland",
        b"END:VCARD",
    ]
)


def utf16_without_bom(card: bytes) -> bytes:
    """A card as a Windows tool writes it "as Unicode" without the byte order mark."""
    return card.decode("utf-8").encode("utf-16-le")


# -- CSV ----------------------------------------------------------------------------------


def _csv(header: list[str], rows: list[list[str]], delimiter: str = ",") -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue()


THUNDERBIRD_HEADER = [
    "First Name", "Last Name", "Display Name", "Nickname", "Primary Email", "Secondary Email",
    "Screen Name", "Work Phone", "Home Phone", "Fax Number", "Pager Number", "Mobile Number",
    "Home Address", "Home Address 2", "Home City", "Home State", "Home ZipCode", "Home Country",
    "Work Address", "Work Address 2", "Work City", "Work State", "Work ZipCode", "Work Country",
    "Job Title", "Department", "Organization", "Web Page 1", "Web Page 2", "Birth Year",
    "Birth Month", "Birth Day", "Custom 1", "Custom 2", "Custom 3", "Custom 4", "Notes",
]  # fmt: skip
THUNDERBIRD_ROW = [
    "Greta", "Lindner", "Greta Lindner", "Gretl", "greta@lindner.example", "g.lindner@gmx.de",
    "", "0221 5550100", "0221 5550200", "0221 5550101", "", "0171 5550300", "Rheinufer 4",
    "", "Köln", "NRW", "50668", "Deutschland", "Domplatz 1", "3. OG", "Köln", "", "50667",
    "Deutschland", "Prokuristin", "Einkauf", "Lindner Logistik AG", "https://lindner.example",
    "", "1979", "4", "23", "", "", "", "", "Mag Tee",
]  # fmt: skip


def thunderbird_csv() -> bytes:
    """Thunderbird's address book export: every row ends with one more (empty) field."""
    text = _csv(THUNDERBIRD_HEADER, [THUNDERBIRD_ROW])
    head, _, rows = text.partition("\r\n")
    rows = "".join(line + ",\r\n" for line in rows.split("\r\n") if line)
    return (head + "\r\n" + rows).encode("utf-8")


OUTLOOK_DE_COUNTRY_HEADER = [
    "Vorname", "Nachname", "Firma", "Straße geschäftlich", "Postleitzahl geschäftlich",
    "Ort geschäftlich", "Land geschäftlich", "Straße privat", "Postleitzahl privat", "Ort privat",
    "Land privat", "Mobiltelefon",
]  # fmt: skip
OUTLOOK_DE_COUNTRY_ROW = [
    "Till", "Sommer", "Sommer KG", "Marktplatz 2", "6020", "Innsbruck", "Österreich",
    "Seeweg 9", "8280", "Kreuzlingen", "Schweiz", "0171 5550901",
]  # fmt: skip


def outlook_german_country_csv() -> bytes:
    """A German Outlook export that calls the country `Land geschäftlich` / `Land privat`."""
    return _csv(OUTLOOK_DE_COUNTRY_HEADER, [OUTLOOK_DE_COUNTRY_ROW], ";").encode("cp1252")


GMAIL_HEADER = ["Name", "Given Name", "Family Name", "Notes", "E-mail 1 - Type", "E-mail 1 - Value"]


def gmail_csv_with_huge_note(size: int = 200_000) -> bytes:
    """Gmail (Google CSV) with one note far over Python's default 131,072-character field limit."""
    rows = [
        ["Hugo Lang", "Hugo", "Lang", "Protokoll " + "x" * size, "* Home", "hugo@lang.example"],
        ["Ida Kurz", "Ida", "Kurz", "", "* Home", "ida@kurz.example"],
    ]
    return b"\xef\xbb\xbf" + _csv(GMAIL_HEADER, rows).encode("utf-8")


def stray_quote_csv(rows: int = 1000) -> bytes:
    """A semicolon CSV where one first name starts with a quote that is never closed."""
    lines = ["Vorname;Nachname;Mobiltelefon"]
    lines.append('"Anna;Alt;0171 5550000')
    lines.extend(f"Vorname{i};Nachname{i};0171 {5551000 + i}" for i in range(rows))
    return ("\r\n".join(lines) + "\r\n").encode("utf-8")
