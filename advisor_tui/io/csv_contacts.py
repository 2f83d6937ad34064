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
from collections.abc import Callable
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


# Python's csv stops a file at a cell over 131,072 characters; a note pasted from a
# mail can be longer. Input lines are capped at 16 MiB before they get here.
FIELD_LIMIT = 16 * 1024 * 1024
if csv.field_size_limit() < FIELD_LIMIT:
    csv.field_size_limit(FIELD_LIMIT)


def _delimiter(header_line: str) -> str:
    counts = {d: header_line.count(d) for d in (";", ",", "\t")}
    return max(counts, key=lambda d: counts[d])


def _swallowed(cells: list[str], width: int, delimiter: str) -> bool:
    """True when a record spanning lines holds whole rows: a quote opened and never closed.

    A quoted note may span lines; a line inside a cell with as many
    delimiters as a row has is a row the stray quote swallowed.
    """
    need = max(1, width - 1)
    for cell in cells:
        lines = cell.splitlines()[1:]
        if any(line.count(delimiter) >= need for line in lines):
            return True
    return False


def csv_rows(text: str, source: str) -> tuple[ColumnMap, list[CsvRow]]:
    """The column meanings and the non-empty rows of a CSV text.

    Every row comes back, readable or not: a row whose quote is never closed is
    returned as broken (and the rows after it are read on their own), a row the
    csv module refuses is returned with its error.
    """
    lines = list(io.StringIO(text, newline=""))  # physical lines, ends kept
    if not lines:
        return ColumnMap([]), []
    delimiter = _delimiter(lines[0])
    header = next(csv.reader(lines[:1], delimiter=delimiter), [])
    columns = map_columns(header)
    if not columns.has_identity:
        known = columns.known_headers()
        if known:
            raise RecordError("import.err.no_name_column", line=1, columns=", ".join(known[:8]))
        raise RecordError("import.err.unknown_columns", line=1, columns=", ".join(header[:8]))
    rows: list[CsvRow] = []
    index = 1  # 0-based index of the line the next record starts on
    while index < len(lines):
        reader = csv.reader(iter(lines[index:]), delimiter=delimiter)
        consumed = 0
        restart: int | None = None
        try:
            for cells in reader:
                start = index + consumed + 1  # 1-based line of this record
                if reader.line_num - consumed > 1 and _swallowed(cells, len(header), delimiter):
                    rows.append(CsvRow(start, ["\0csv-quote"]))
                    restart = start  # read again from the line after its first one
                    break
                consumed = reader.line_num
                if any(c.strip() for c in cells):
                    rows.append(CsvRow(start, cells))
        except csv.Error as exc:
            start = index + consumed + 1
            rows.append(CsvRow(start, ["\0csv-error", str(exc)]))
            restart = start
        if restart is None:
            break
        index = restart
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
    if cells[:1] == ["\0csv-quote"]:
        raise RecordError("import.err.csv_quote", line=row.line)
    while len(cells) > len(columns.header) and not cells[-1].strip():
        cells = cells[:-1]  # Thunderbird ends every row with one more, empty, field
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
    birthday = _birthday_text(value)
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


def _birthday_text(value: Callable[[str], str]) -> str:
    """The birthday cell, or Thunderbird's year, month and day columns as one date."""
    year, month = value("birth_year"), value("birth_month")
    if not (year or month):
        return value("birthday")
    # German Thunderbird calls the day of the month "Geburtstag".
    day = value("birth_day") or value("birthday")
    if year and month and day:
        return f"{year}-{int(month):02d}-{int(day):02d}" if (month + day).isdigit() else ""
    return f"--{int(month):02d}-{int(day):02d}" if (month + day).isdigit() and day else ""


def _kept(header: str, value: str) -> dict[str, object]:
    """A column we do not interpret, in the shape of a kept vCard property."""
    return {
        "group": None,
        "name": "X-CSV",
        "params": [["X-COLUMN", header]],
        "value": escape(value),
    }
