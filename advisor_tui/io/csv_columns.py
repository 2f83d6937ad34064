"""What a CSV column means, from its header: Outlook (de/en), Google (old/new), generic.

Headers are compared case-insensitively with spaces collapsed. The same
table is documented in docs/import-mapping.md; keep them in step.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

PERSON_HEADERS: dict[str, tuple[str, ...]] = {
    "first_name": ("first_name", "first name", "vorname", "given name", "firstname"),
    "middle_name": ("middle name", "weitere vornamen", "additional name", "zweiter vorname"),
    "last_name": ("last_name", "last name", "nachname", "family name", "lastname", "surname"),
    "prefix": ("title", "anrede", "name prefix", "titel", "namenspräfix"),
    "salutation": ("salutation",),
    "title": ("academic_title",),
    "suffix": ("suffix", "name suffix", "namenszusatz"),
    "company": ("company", "firma", "organization 1 - name", "organization name", "unternehmen",
                "organization", "organisation"),
    "department": (
        "department", "abteilung", "organization 1 - department", "organization department",
    ),
    "birthday": ("birthday", "geburtstag", "geburtsdatum", "date of birth"),
    # Thunderbird writes the birthday in three columns (German: the day is "Geburtstag").
    "birth_year": ("birth year", "geburtsjahr"),
    "birth_month": ("birth month", "geburtsmonat"),
    "birth_day": ("birth day",),
    "notes": ("notes", "notizen", "note", "notiz", "bemerkungen"),
    "tags": ("tags", "categories", "kategorien", "group membership", "labels"),
    "kind": ("kind",),
    "display_name": ("name", "display name", "anzeigename", "full name", "file as"),
}  # fmt: skip

# (kind, scope, headers): one address column each. "phone" means: decided by the number.
SINGLE_ADDRESS_HEADERS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("mobile", "private", ("mobile phone", "mobiltelefon", "handy", "mobile", "car phone",
                           "autotelefon", "radio phone", "funktelefon", "mobiltelefon 2",
                           "mobile number", "mobil-tel.-nr.")),
    ("phone", "business", ("business phone", "business phone 2", "telefon geschäftlich",
                           "telefon geschäftlich 2", "assistant's phone", "telefon assistent",
                           "work phone", "tel. dienstlich")),
    ("landline", "business", ("company main phone", "telefon firma", "haupttelefon der firma")),
    ("phone", "private", ("home phone", "home phone 2", "telefon privat", "telefon privat 2",
                          "other phone", "weiteres telefon", "primary phone", "haupttelefon",
                          "callback", "rückmeldung", "telefon", "tel. privat")),
    ("landline", "private", ("isdn", "pager", "pager number", "pager-nummer")),
    ("fax", "business", ("business fax", "fax geschäftlich")),
    ("fax", "private", ("home fax", "fax privat", "other fax", "weiteres fax", "fax",
                        "fax number", "fax-nummer")),
    ("email", "", ("e-mail address", "e-mail-adresse", "e-mail 2 address",
                          "e-mail 2: adresse", "e-mail 3 address", "e-mail 3: adresse", "email",
                          "e-mail", "primary email", "secondary email", "primäre e-mail-adresse",
                          "sekundäre e-mail-adresse")),
    ("website", "private", ("web page", "webseite", "website", "homepage", "web page 1",
                            "web page 2", "webseite 1", "webseite 2")),
)  # fmt: skip

# Outlook's postal columns: scope -> part -> headers.
POSTAL_HEADERS: dict[str, dict[str, tuple[str, ...]]] = {
    "business": {
        "street": ("business street", "straße geschäftlich", "work address", "dienstlich: adresse"),
        "street2": (
            "business street 2",
            "straße geschäftlich 2",
            "work address 2",
            "dienstlich: adresse 2",
        ),
        "street3": ("business street 3", "straße geschäftlich 3"),
        "pobox": ("business po box", "postfach geschäftlich"),
        "city": ("business city", "ort geschäftlich", "work city", "dienstlich: ort"),
        "region": (
            "business state",
            "region geschäftlich",
            "bundesland/kanton geschäftlich",
            "work state",
            "dienstlich: bundesland",
        ),
        "postcode": (
            "business postal code",
            "postleitzahl geschäftlich",
            "work zipcode",
            "dienstlich: plz",
        ),
        "country": (
            "business country/region",
            "business country",
            "land/region geschäftlich",
            "land geschäftlich",
            "work country",
            "dienstlich: land",
        ),
    },
    "private": {
        "street": ("home street", "straße privat", "home address", "privat: adresse"),
        "street2": ("home street 2", "straße privat 2", "home address 2", "privat: adresse 2"),
        "street3": ("home street 3", "straße privat 3"),
        "pobox": ("home po box", "postfach privat"),
        "city": ("home city", "ort privat", "privat: ort"),
        "region": ("home state", "region privat", "bundesland/kanton privat", "privat: bundesland"),
        "postcode": ("home postal code", "postleitzahl privat", "home zipcode", "privat: plz"),
        "country": (
            "home country/region",
            "home country",
            "land/region privat",
            "land privat",
            "privat: land",
        ),
    },
    "other": {
        "street": ("other street", "weitere straße"),
        "street2": ("other street 2", "weitere straße 2"),
        "street3": ("other street 3", "weitere straße 3"),
        "pobox": ("other po box", "weiteres postfach"),
        "city": ("other city", "weiterer ort"),
        "region": ("other state", "weitere region", "weiteres bundesland/kanton"),
        "postcode": ("other postal code", "weitere postleitzahl"),
        "country": (
            "other country/region",
            "other country",
            "weiteres land/region",
            "weiteres land",
        ),
    },
}

# Outlook bookkeeping that holds defaults ("SMTP", "Normal", "Unspecified"), not data.
IGNORED_HEADERS = frozenset(
    {
        "e-mail type", "e-mail-typ", "e-mail 2 type", "e-mail 2: typ", "e-mail 3 type",
        "e-mail 3: typ", "e-mail display name", "e-mail: angezeigter name",
        "e-mail 2 display name", "e-mail 2: angezeigter name", "e-mail 3 display name",
        "e-mail 3: angezeigter name", "priority", "priorität", "sensitivity",
        "vertraulichkeit", "private", "privat", "gender", "geschlecht", "initials", "initialen",
        # The person id of our own CSV export: a row of another database, not data.
        "id",
    }
)  # fmt: skip

_GOOGLE = re.compile(r"^(e-mail|phone|address|im|website|organization) (\d+) - (.+)$")
_GOOGLE_KINDS = {"e-mail": "email", "phone": "phone", "address": "postal", "im": "messenger",
                 "website": "website"}  # fmt: skip
_GOOGLE_PARTS = {
    "type": "type", "label": "type", "value": "value", "formatted": "value", "street": "street",
    "extended address": "street2", "po box": "pobox", "city": "city", "region": "region",
    "postal code": "postcode", "country": "country", "service": "label",
}  # fmt: skip
_GENERIC = re.compile(
    r"^(mobile|landline|phone|fax|email|messenger|social|postal)(?:_(private|business))?"
    r"(?:_(\d+))?(?:_(label|street|postcode|city|country|pref))?$"
)
_ORG_PARTS = {"name": "company", "department": "department"}


def normalize_header(text: str) -> str:
    # lower(), not casefold(): casefold turns "Straße" into "strasse".
    return " ".join(text.replace("\ufeff", "").strip().strip('"').lower().split())


@dataclass
class AddressSlot:
    """Columns that together make one address (a Google `Phone 1 - *` pair, Outlook home postal)."""

    kind: str
    scope: str  # "" when the file does not say (the import decides)
    header: str
    columns: dict[str, int] = field(default_factory=dict)  # part -> column index
    preferred: bool = False


@dataclass
class ColumnMap:
    """The meaning of each column of one file."""

    header: list[str]
    person: dict[str, int] = field(default_factory=dict)
    addresses: list[AddressSlot] = field(default_factory=list)
    ignored: set[int] = field(default_factory=set)

    @property
    def has_identity(self) -> bool:
        """True when the columns can name a person at all."""
        names = {"first_name", "last_name", "company", "display_name"}
        return bool(names & self.person.keys())

    def known_headers(self) -> list[str]:
        """The headers some rule claimed, in file order (for a precise message)."""
        used = set(self.person.values()) | {i for s in self.addresses for i in s.columns.values()}
        return [h for i, h in enumerate(self.header) if i in used]

    def getter(self, cells: list[str]) -> Callable[[str], str]:
        def value(name: str) -> str:
            index = self.person.get(name)
            return cells[index].strip() if index is not None and index < len(cells) else ""

        return value

    def unknown(self, cells: list[str]) -> Iterator[tuple[int, str]]:
        """(index, header) of the columns no rule claimed."""
        used = set(self.person.values()) | self.ignored
        used |= {i for slot in self.addresses for i in slot.columns.values()}
        for index, header in enumerate(self.header):
            if index not in used and index < len(cells):
                yield index, header


def _lookup_tables() -> tuple[
    dict[str, str], dict[str, tuple[str, str]], dict[str, tuple[str, str]]
]:
    person = {h: name for name, headers in PERSON_HEADERS.items() for h in headers}
    single = {h: (kind, scope) for kind, scope, headers in SINGLE_ADDRESS_HEADERS for h in headers}
    postal = {
        h: (scope, part)
        for scope, parts in POSTAL_HEADERS.items()
        for part, headers in parts.items()
        for h in headers
    }
    return person, single, postal


_PERSON, _SINGLE, _POSTAL = _lookup_tables()


def map_columns(header: list[str]) -> ColumnMap:
    """Decide what each column of `header` means."""
    columns = ColumnMap(list(header))
    grouped: dict[str, AddressSlot] = {}

    def slot(key: str, kind: str, scope: str, text: str) -> AddressSlot:
        if key not in grouped:
            grouped[key] = AddressSlot(kind, scope, text)
            columns.addresses.append(grouped[key])
        return grouped[key]

    for index, text in enumerate(header):
        name = normalize_header(text)
        if name in _PERSON and _PERSON[name] not in columns.person:
            columns.person[_PERSON[name]] = index
        elif name in _SINGLE:
            kind, scope = _SINGLE[name]
            slot(f"single:{index}", kind, scope, text).columns["value"] = index
        elif name in _POSTAL:
            scope, part = _POSTAL[name]
            target = slot(
                f"postal:{scope}", "postal", "private" if scope == "other" else scope, text
            )
            target.columns[part] = index
        elif name in IGNORED_HEADERS:
            columns.ignored.add(index)
        elif match := _GOOGLE.match(name):
            group, number, part = match.groups()
            if group == "organization":
                if part in _ORG_PARTS and _ORG_PARTS[part] not in columns.person:
                    columns.person[_ORG_PARTS[part]] = index
                continue
            if part in _GOOGLE_PARTS:
                target = slot(f"google:{group}:{number}", _GOOGLE_KINDS[group], "", text)
                target.columns[_GOOGLE_PARTS[part]] = index
        elif match := _GENERIC.match(name):
            kind, scope, number, part = match.groups()
            target = slot(f"generic:{kind}:{scope}:{number}", kind, scope or "", text)
            target.columns[part or "value"] = index
    return columns
