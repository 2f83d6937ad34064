"""Reading contact CSV files: Outlook (German and English), Google (old and new), generic.

The header row decides what each column means (`csv_columns`); the
delimiter (`;` from German Excel/Outlook, `,`, tab) is taken from the header
line. Columns we do not know are kept with the person (like unknown vCard
properties) so nothing the file held is lost. docs/import-mapping.md lists
every recognised header.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from datetime import date

from advisor_tui.domain.dates import optional_birthday
from advisor_tui.io.contact_record import (
    AddressRecord,
    ContactRecord,
    RecordError,
    split_full_name,
    split_prefix,
)
from advisor_tui.io.csv_columns import AddressSlot, ColumnMap, map_columns
from advisor_tui.io.vcard_mapping import PHONE_BY_NUMBER, escape, social_site

GOOGLE_SEPARATOR = " ::: "  # Google puts several values of one kind in one cell
_MOBILE_WORDS = frozenset({"mobile", "mobil", "cell", "handy", "iphone", "mobiltelefon"})
_BUSINESS_WORDS = frozenset({"work", "business", "arbeit", "geschäftlich", "büro", "firma"})
_PRIVATE_WORDS = frozenset({"home", "privat", "private", "zuhause"})
_PLAIN_TYPES = _MOBILE_WORDS | _BUSINESS_WORDS | _PRIVATE_WORDS | {"fax", "other", "main", "pref"}
_WORD = re.compile(r"[\w-]+")


@dataclass(frozen=True)
class CsvRow:
    line: int  # physical line where the record starts (a quoted cell may span lines)
    cells: list[str]


def _delimiter(header_line: str) -> str:
    counts = {d: header_line.count(d) for d in (";", ",", "\t")}
    return max(counts, key=lambda d: counts[d])


def csv_rows(text: str, source: str) -> tuple[ColumnMap, list[CsvRow]]:
    """The column meanings and the non-empty rows of a CSV text."""
    first_line = text.split("\n", 1)[0]
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(first_line))
    try:
        header = next(reader)
    except StopIteration:
        return ColumnMap([]), []
    columns = map_columns(header)
    if not columns.has_identity:
        raise RecordError("import.err.unknown_columns", line=1, columns=", ".join(header[:8]))
    rows: list[CsvRow] = []
    start = reader.line_num + 1
    try:
        for cells in reader:
            if any(c.strip() for c in cells):
                rows.append(CsvRow(start, cells))
            start = reader.line_num + 1
    except csv.Error as exc:
        rows.append(CsvRow(start, ["\0csv-error", str(exc)]))
    return columns, rows


def _tokens(text: str) -> set[str]:
    return {w.casefold() for w in _WORD.findall(text)}


def _typed_address(slot: AddressSlot, value: str, parts: dict[str, str]) -> AddressRecord:
    """An address whose kind/scope may be given by a type cell (Google: `* Mobile`, `Work Fax`)."""
    type_text = parts.get("type", "")
    pref = parts.get("pref", "").casefold() in ("1", "x", "true", "yes", "ja", "wahr")
    preferred = type_text.lstrip().startswith("*") or pref
    words = _tokens(type_text)
    kind, scope = slot.kind, slot.scope
    if kind in ("mobile", "landline", "fax", PHONE_BY_NUMBER) and words:
        kind = "fax" if "fax" in words else "mobile" if words & _MOBILE_WORDS else PHONE_BY_NUMBER
    if words & _BUSINESS_WORDS:
        scope = "business"
    elif words & _PRIVATE_WORDS:
        scope = "private"
    label = parts.get("label", "")
    if not label and words and not words <= _PLAIN_TYPES:
        label = type_text.strip().lstrip("* ").strip()
    return AddressRecord(kind, value, scope, label, preferred)


def _addresses(columns: ColumnMap, cells: list[str], record: ContactRecord) -> None:
    out = record.addresses
    for slot in columns.addresses:
        parts = {part: cells[i].strip() for part, i in slot.columns.items() if i < len(cells)}
        if slot.kind == "postal":
            street = ", ".join(p for p in (parts.get("street", ""), parts.get("street2", "")) if p)
            street = ", ".join(p for p in (street, parts.get("street3", "")) if p) or parts.get(
                "pobox", ""
            )
            code, city, country = (
                parts.get("postcode", ""),
                parts.get("city", ""),
                parts.get("country", ""),
            )
            lines = [street, f"{code} {city}".strip(), parts.get("region", ""), country]
            raw = parts.get("value") or "\n".join(p for p in lines if p)
            if raw:
                address = _typed_address(slot, raw, parts)
                address.street, address.postcode, address.city, address.country = (
                    street, code, city, country,
                )  # fmt: skip
                out.append(address)
            continue
        values = [v.strip() for v in parts.get("value", "").split(GOOGLE_SEPARATOR) if v.strip()]
        for value in values:
            address = _typed_address(slot, value, parts)
            if slot.kind == "website":
                site = social_site(value)
                if site is None:  # a homepage is no way to reach someone: keep it as read
                    record.extra.append(_kept(slot.header, value))
                    continue
                address.kind, address.label = "social", site
            out.append(address)


def _tags(text: str) -> str:
    parts = re.split(r"\s*(?::::|;|,)\s*", text)
    tags = [p.lstrip("* ").strip() for p in parts if p.strip()]
    return ", ".join(t for t in tags if t.casefold() not in ("mycontacts", "starred"))


def row_to_record(columns: ColumnMap, row: CsvRow, source: str) -> ContactRecord:
    """One row as a record; raises RecordError for a row that cannot be a person."""
    cells = row.cells
    if cells[:1] == ["\0csv-error"]:
        raise RecordError("import.err.csv_broken", line=row.line, detail=cells[1])
    if len(cells) > len(columns.header):
        raise RecordError(
            "import.err.csv_columns", line=row.line, found=len(cells), expected=len(columns.header)
        )
    value = columns.getter(cells)
    record = ContactRecord(source, row.line)
    record.first_name = " ".join(p for p in (value("first_name"), value("middle_name")) if p)
    record.last_name = value("last_name")
    for prefix in (value("prefix"), value("salutation"), value("title")):
        salutation, title = split_prefix(prefix)
        record.salutation = record.salutation or salutation
        record.title = " ".join(p for p in (record.title, title) if p)
    record.company = ", ".join(p for p in (value("company"), value("department")) if p)
    record.notes = value("notes").replace("\r\n", "\n")
    record.tags = _tags(value("tags"))
    record.kind = value("kind")
    display = value("display_name")
    if not (record.first_name or record.last_name) and display and display != record.company:
        record.first_name, record.last_name = split_full_name(value("display_name"))
    birthday = value("birthday")
    try:
        record.birthday = optional_birthday(birthday, date.today())
    except ValueError:  # no date, or no year (domain.dates.NoYear): kept as written
        record.extra.append(_kept("Birthday", birthday))
    _addresses(columns, cells, record)
    kept = {a.raw for a in record.addresses}
    for index, header in columns.unknown(cells):
        if cells[index].strip() and cells[index].strip() not in kept:
            record.extra.append(_kept(header, cells[index].strip()))
    if not record.has_name:
        raise RecordError("import.err.no_name", line=row.line)
    return record


def _kept(header: str, value: str) -> dict[str, object]:
    """A column we do not interpret, in the shape of a kept vCard property."""
    return {
        "group": None,
        "name": "X-CSV",
        "params": [["X-COLUMN", header]],
        "value": escape(value),
    }
