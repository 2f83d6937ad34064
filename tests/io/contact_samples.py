# ruff: noqa: E501 (Outlook writes long unfolded lines; the samples keep them)
"""Contact exports as real programs write them, made by the tests (no downloaded data).

Each card reproduces the quirks of one exporter:
- APPLE (iOS/macOS Contacts, vCard 3.0): `itemN.` groups with X-ABLabel (custom
  and `_$!<HomePage>!$_` built-in labels), repeated `type=` parameters in upper
  case, `type=pref`, escaped commas and `\\n` in NOTE/ORG, a folded base64 PHOTO,
  X-SOCIALPROFILE, IMPP with X-SERVICE-TYPE, BDAY in extended form.
- GOOGLE (Google Contacts, vCard 4.0): `TYPE="cell,voice"` as one quoted value,
  `VALUE=uri` numbers `tel:+49-…`, `PREF=1`, ADR with a LABEL parameter, a BDAY
  without year (`--0704`), a long NOTE folded over several lines.
- OUTLOOK (vCard 2.1): bare types (`TEL;WORK;VOICE`), `CHARSET=Windows-1252` with
  `ENCODING=QUOTED-PRINTABLE`, a quoted-printable soft line break, BDAY in basic
  form (`19650722`), X-MS-OL-* properties, empty `ADR;HOME:;;;;;;`.
- COMPANY (vCard 3.0): a firm's card (empty N, X-ABShowAs:COMPANY) with an
  invalid number that must be kept raw.
- BROKEN: a card without END:VCARD, followed by AFTER, which must still import.
"""

from __future__ import annotations

APPLE = r"""BEGIN:VCARD
VERSION:3.0
PRODID:-//Apple Inc.//iPhone OS 17.4//EN
N:Müller;Anna;Maria;Dr.;
FN:Dr. Anna Maria Müller
ORG:Müller\, Schmidt & Partner;Vertrieb
item1.TEL;type=CELL;type=VOICE;type=pref:+49 171 1234567
item2.TEL:0170 7654321
item2.X-ABLabel:WhatsApp
TEL;type=WORK;type=VOICE:030 12345-67
TEL;type=HOME;type=FAX:030 7654321
item3.EMAIL;type=INTERNET;type=WORK;type=pref:anna.mueller@mueller-partner.de
EMAIL;type=INTERNET;type=HOME:anna.m@web.de
item4.ADR;type=HOME;type=pref:;;Hauptstraße 1;Berlin;;10115;Deutschland
item4.X-ABADR:de
item5.URL;type=pref:https://www.mueller-partner.de
item5.X-ABLabel:_$!<HomePage>!$_
X-SOCIALPROFILE;type=linkedin;x-user=annamueller:http://www.linkedin.com/in/annamueller
IMPP;X-SERVICE-TYPE=Skype;type=HOME;type=pref:skype:anna.mueller
BDAY;value=date:1980-03-15
NOTE:Kundin seit 2010\, Depot bei der Bank.\nRuft gern abends an.
X-ABShowAs:PERSON
PHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8UHSEaHx4d
 Gh0cICQuJyAiLCMcHCg3KSwwMTQ0NB8nOT04MjwuMzQy
END:VCARD
"""

GOOGLE = """BEGIN:VCARD
VERSION:4.0
PRODID:-//Google Inc.//Google Contacts//EN
FN:Peter Schulz
N:Schulz;Peter;;;
TEL;TYPE="cell,voice";VALUE=uri;PREF=1:tel:+49-160-2223334
TEL;TYPE=work;VALUE=uri:tel:+49-89-1234567
EMAIL;TYPE=home:peter.schulz@gmail.com
ADR;TYPE=work;LABEL="Leopoldstr. 10\\n80802 München\\nDeutschland":;;Leopoldstr. 10;Mün
 chen;;80802;Deutschland
BDAY:--0704
CATEGORIES:Golf,Tennis
NOTE:Hat 2019 eine Berufsunfähigkeitsversicherung abgeschlossen und möchte im
  Herbst über die Altersvorsorge sprechen.
END:VCARD
"""

OUTLOOK = """BEGIN:VCARD
VERSION:2.1
N;LANGUAGE=de;CHARSET=Windows-1252;ENCODING=QUOTED-PRINTABLE:Gr=F6=DFer;J=FCrgen;;Herr
FN;CHARSET=Windows-1252;ENCODING=QUOTED-PRINTABLE:J=FCrgen Gr=F6=DFer
ORG:Groesser Versicherungsmakler GmbH
TITLE;CHARSET=Windows-1252;ENCODING=QUOTED-PRINTABLE:Gesch=E4ftsf=FChrer
TEL;WORK;VOICE:+49 (0)89 1234-56
TEL;HOME;VOICE:089 7654321
TEL;CELL;VOICE:0151 22334455
TEL;WORK;FAX:089 1234-99
ADR;HOME:;;;;;;
ADR;WORK;PREF;CHARSET=Windows-1252;ENCODING=QUOTED-PRINTABLE:;;Marienplatz 1;M=FCnchen;Bayern;80331;Deutschland
EMAIL;PREF;INTERNET:j.groesser@groesser-makler.de
NOTE;ENCODING=QUOTED-PRINTABLE;CHARSET=Windows-1252:Bevorzugt R=FCckruf vormittags.=0D=0ABitte nicht vor 9 Uhr anrufen, er ist dann noch im Termin =
und nicht erreichbar.
BDAY:19650722
X-MS-OL-DEFAULT-POSTAL-ADDRESS:2
REV:20240101T120000Z
END:VCARD
"""

COMPANY = """BEGIN:VCARD
VERSION:3.0
N:;;;;
FN:Hausverwaltung Sonnenschein GmbH
ORG:Hausverwaltung Sonnenschein GmbH;
TEL;type=WORK:12
EMAIL;type=INTERNET;type=WORK:info@sonnenschein-hv.de
X-ABShowAs:COMPANY
END:VCARD
"""

BROKEN = """BEGIN:VCARD
VERSION:3.0
N:Kaputt;Karl;;;
FN:Karl Kaputt
TEL:0171 9999999
"""

AFTER = """BEGIN:VCARD
VERSION:3.0
N:Nachher;Nora;;;
FN:Nora Nachher
EMAIL:nora@example.org
END:VCARD
"""

ALL = APPLE + GOOGLE + OUTLOOK + COMPANY + BROKEN + AFTER


def crlf(text: str) -> str:
    """Exports use CRLF line ends."""
    return text.replace("\n", "\r\n")


def line_of(text: str, needle: str) -> int:
    """1-based line of the first line of `text` that starts with `needle`."""
    for number, line in enumerate(text.splitlines(), start=1):
        if line.startswith(needle):
            return number
    raise AssertionError(needle)


def broken_begin_line(text: str) -> int:
    """The BEGIN:VCARD line of the broken card (two lines above its N)."""
    return line_of(text, "N:Kaputt") - 2


# Outlook (German UI) CSV export: `;`, Windows-1252, every column quoted, "0.0.00" for no date.
OUTLOOK_DE_HEADER = [
    "Anrede", "Vorname", "Weitere Vornamen", "Nachname", "Suffix", "Firma", "Abteilung",
    "Position", "Straße geschäftlich", "Ort geschäftlich", "Region geschäftlich",
    "Postleitzahl geschäftlich", "Land/Region geschäftlich", "Straße privat", "Ort privat",
    "Region privat", "Postleitzahl privat", "Land/Region privat", "Fax geschäftlich",
    "Telefon geschäftlich", "Telefon privat", "Mobiltelefon", "E-Mail-Adresse", "E-Mail-Typ",
    "E-Mail: Angezeigter Name", "E-Mail 2: Adresse", "Geburtstag", "Notizen", "Kategorien",
    "Priorität", "Privat", "Vertraulichkeit", "Hobby",
]  # fmt: skip
OUTLOOK_DE_ROWS = [
    ["Frau Dr.", "Sabine", "", "Weiß", "", "Weiß & Söhne KG", "Einkauf", "Leiterin",
     "Königsallee 5", "Düsseldorf", "", "40212", "Deutschland", "Rosenweg 3", "Neuss", "",
     "41460", "Deutschland", "0211 4455-99", "0211 4455-10", "02131 778899", "0172 5566778",
     "sabine.weiss@weiss-soehne.de", "SMTP", "Sabine Weiß (sabine.weiss@weiss-soehne.de)",
     "s.weiss@gmx.de", "3.5.1972", "Möchte Unterlagen per Post.\r\nZweite Zeile.",
     "Kunde;VIP", "Normal", "Aus", "Normal", "Segeln"],
    ["", "Otto", "", "Normalverbraucher", "", "", "", "", "", "", "", "", "", "", "", "", "",
     "", "", "", "", "0160 1112223", "", "", "", "", "0.0.00", "", "", "Normal", "Aus",
     "Normal", ""],
]  # fmt: skip

# Google Contacts CSV export ("Google CSV"): `,`, UTF-8 with BOM, ` ::: ` between values.
GOOGLE_HEADER = [
    "Name", "Given Name", "Additional Name", "Family Name", "Name Prefix", "Birthday",
    "Notes", "Group Membership", "E-mail 1 - Type", "E-mail 1 - Value", "E-mail 2 - Type",
    "E-mail 2 - Value", "Phone 1 - Type", "Phone 1 - Value", "Phone 2 - Type",
    "Phone 2 - Value", "Address 1 - Type", "Address 1 - Formatted", "Address 1 - Street",
    "Address 1 - City", "Address 1 - Postal Code", "Address 1 - Country",
    "Organization 1 - Name", "Website 1 - Type", "Website 1 - Value",
]  # fmt: skip
GOOGLE_ROWS = [
    ["Lena Vogel", "Lena", "", "Vogel", "", "1990-11-02", "Empfehlung von Frau Weiß",
     "Freunde ::: * myContacts", "* Home", "lena.vogel@gmail.com ::: lena@vogel.de", "Work",
     "l.vogel@firma-x.de", "Mobile", "+49 176 12345678", "Work Fax", "040 998877",
     "Home", "Elbchaussee 7\n22763 Hamburg", "Elbchaussee 7", "Hamburg", "22763",
     "Deutschland", "Firma X", "Profile", "https://www.xing.com/profile/Lena_Vogel"],
    ["Tom Berg", "Tom", "", "Berg", "", "--08-15", "", "* myContacts", "", "", "", "",
     "Signal", "0157 33445566", "", "", "", "", "", "", "", "", "", "Homepage",
     "https://tomberg.example"],
]  # fmt: skip
