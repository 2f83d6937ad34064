"""The FRITZ!Box call list (Anrufliste) as exported from the box's web interface.

    sep=;
    Typ;Datum;Name;Rufnummer;Nebenstelle;Eigene Rufnummer;Dauer
    2;03.05.25 14:02;Anna Müller;01711234567;;SIP: 4930123456;0:00

ISO-8859-1 (a file saved again by a spreadsheet may be UTF-8, with or without
BOM: decided per file, so umlauts survive either way); dates `%d.%m.%y %H:%M`
(minute precision, the box's local time); duration `H:MM` in whole minutes,
rounded up. Web CSV types: 1 incoming (answered), 2 missed, 3 blocked,
4 outgoing. The box's TR-064 API numbers them differently (3 = outgoing): this
module reads the web CSV only.

Columns are found by header name (newer firmware adds columns; unknown ones
are ignored). `parse_calllist` is pure: bytes in, typed records and line
errors out; a missing required column raises `CallListFormatError`.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from datetime import datetime, tzinfo
from enum import IntEnum

from advisor_tui.io.callmonitor_events import clean_number


class CallListType(IntEnum):
    """The `Typ` column of the web CSV (not the TR-064 API's numbering)."""

    INCOMING = 1  # answered
    MISSED = 2
    BLOCKED = 3
    OUTGOING = 4


class Column(IntEnum):
    TYPE = 0
    DATE = 1
    NAME = 2
    NUMBER = 3
    EXTENSION = 4
    OWN_NUMBER = 5
    DURATION = 6


# Header names as German and English firmware write them (compared case-insensitively).
_HEADERS: dict[str, Column] = {
    "typ": Column.TYPE,
    "type": Column.TYPE,
    "datum": Column.DATE,
    "date": Column.DATE,
    "name": Column.NAME,
    "rufnummer": Column.NUMBER,
    "number": Column.NUMBER,
    "telephone number": Column.NUMBER,
    "nebenstelle": Column.EXTENSION,
    "extension": Column.EXTENSION,
    "eigene rufnummer": Column.OWN_NUMBER,
    "own number": Column.OWN_NUMBER,
    "dauer": Column.DURATION,
    "duration": Column.DURATION,
}
# Without these a row says nothing usable; the others may be missing.
REQUIRED = {
    Column.TYPE: "Typ",
    Column.DATE: "Datum",
    Column.NUMBER: "Rufnummer",
    Column.DURATION: "Dauer",
}
_DURATION = re.compile(r"([0-9]{1,4}):([0-5][0-9])")
_TYPE = re.compile(r"[0-9]{1,2}")
_TYPES = frozenset(kind.value for kind in CallListType)
_DATE_FORMATS = ("%d.%m.%y %H:%M", "%d.%m.%Y %H:%M")
# "SIP: 4930123456", "Festnetz: 123", "POTS": the own number follows a label.
_OWN_LABEL = re.compile(r"^[^:0-9+]*:\s*")


class CallListFormatError(ValueError):
    """The file is no call list: `missing` names the required columns not found."""

    def __init__(self, missing: tuple[str, ...]) -> None:
        super().__init__(f"missing columns: {', '.join(missing)}")
        self.missing = missing


@dataclass(frozen=True)
class CallListRecord:
    """One call of the list; `number` None when withheld, `at` aware (minute precision)."""

    line: int
    type: CallListType
    at: datetime
    number: str | None
    name: str = ""
    extension: str = ""
    own_number: str | None = None
    duration_minutes: int = 0


@dataclass(frozen=True)
class CallListLineError:
    """A line that is no call: `reason` is one of fields, type, date, duration; `value` as read."""

    line: int
    reason: str
    value: str = ""


@dataclass
class CallList:
    records: list[CallListRecord] = field(default_factory=list)
    errors: list[CallListLineError] = field(default_factory=list)
    encoding: str = "iso-8859-1"


def decode(data: bytes) -> tuple[str, str]:
    """(text, encoding): UTF-8 with BOM, else UTF-8 if it is valid, else ISO-8859-1.

    Latin-1 umlauts are almost never valid UTF-8, so a file that decodes as
    UTF-8 is UTF-8; everything else is what the box writes.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return data.decode("iso-8859-1"), "iso-8859-1"


def _columns(header: list[str]) -> dict[Column, int]:
    found: dict[Column, int] = {}
    for index, name in enumerate(header):
        column = _HEADERS.get(name.strip().strip('"').casefold())
        if column is not None and column not in found:
            found[column] = index
    missing = tuple(label for column, label in REQUIRED.items() if column not in found)
    if missing:
        raise CallListFormatError(missing)
    return found


def _at(text: str, tz: tzinfo | None) -> datetime | None:
    for fmt in _DATE_FORMATS:
        try:
            naive = datetime.strptime(text, fmt)
        except ValueError:
            continue
        # The box's local time, normally the machine's zone too (as the call monitor).
        return naive.astimezone() if tz is None else naive.replace(tzinfo=tz)
    return None


def _own_number(text: str) -> str | None:
    return clean_number(_OWN_LABEL.sub("", text.strip()))


def _record(
    row: list[str], line: int, cols: dict[Column, int], tz: tzinfo | None
) -> CallListRecord | CallListLineError:
    def cell(column: Column) -> str:
        index = cols.get(column)
        return row[index].strip() if index is not None and index < len(row) else ""

    if any(cols[column] >= len(row) for column in REQUIRED):
        return CallListLineError(line, "fields", ";".join(row)[:80])
    kind = cell(Column.TYPE)
    if not _TYPE.fullmatch(kind) or int(kind) not in _TYPES:
        return CallListLineError(line, "type", kind[:40])
    at = _at(cell(Column.DATE), tz)
    if at is None:
        return CallListLineError(line, "date", cell(Column.DATE)[:40])
    duration = cell(Column.DURATION)
    match = _DURATION.fullmatch(duration)
    if duration and match is None:
        return CallListLineError(line, "duration", duration[:40])
    minutes = int(match.group(1)) * 60 + int(match.group(2)) if match else 0
    return CallListRecord(
        line=line,
        type=CallListType(int(kind)),
        at=at,
        number=clean_number(cell(Column.NUMBER)),
        name=cell(Column.NAME),
        extension=cell(Column.EXTENSION),
        own_number=_own_number(cell(Column.OWN_NUMBER)),
        duration_minutes=minutes,
    )


def parse_calllist(data: bytes | str, tz: tzinfo | None = None) -> CallList:
    """Read an exported call list: its calls, and the lines that are none (by line number).

    `tz` is the box's zone (None: the machine's). Raises CallListFormatError
    when no header with the required columns is found.
    """
    text, encoding = decode(data) if isinstance(data, bytes) else (data.lstrip("\ufeff"), "str")
    lines = text.splitlines()
    delimiter = ";"
    first = 0
    # Skip blank lines before the `sep=` line or the header.
    while first < len(lines) and not lines[first].strip():
        first += 1
    if first < len(lines) and lines[first].strip().lower().startswith("sep="):
        delimiter = lines[first].strip()[4:5] or ";"
        first += 1
    while first < len(lines) and not lines[first].strip():
        first += 1
    if first >= len(lines):
        raise CallListFormatError(tuple(REQUIRED.values()))
    header = next(csv.reader([lines[first]], delimiter=delimiter))
    cols = _columns(header)
    result = CallList(encoding=encoding)
    body = io.StringIO("\n".join(lines[first + 1 :]))
    reader = csv.reader(body, delimiter=delimiter)
    offset = first + 1  # lines before the body (1-based numbers: header is line first+1)
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error:
            result.errors.append(CallListLineError(offset + reader.line_num, "fields"))
            continue
        line = offset + reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        item = _record(row, line, cols, tz)
        if isinstance(item, CallListLineError):
            result.errors.append(item)
        else:
            result.records.append(item)
    return result
