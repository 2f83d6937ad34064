"""FRITZ!Box call list (Anrufliste) CSV: encodings, columns by name, line errors."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from advisor_tui.io.fritz_calllist import (
    CallListFormatError,
    CallListLineError,
    CallListType,
    decode,
    parse_calllist,
)

SAMPLE = Path(__file__).parent.parent / "data" / "fritz_anrufliste.csv"
BERLIN_SUMMER = timezone(timedelta(hours=2))


def test_sample_list_iso_8859_1():
    data = SAMPLE.read_bytes()
    assert "Jürgen".encode("iso-8859-1") in data  # the fixture is what the box writes
    calls = parse_calllist(data, BERLIN_SUMMER)
    assert calls.encoding == "iso-8859-1"
    by_line = {r.line: r for r in calls.records}
    assert sorted(by_line) == [3, 4, 5, 6, 7, 9, 10]
    answered = by_line[3]
    assert answered.type is CallListType.INCOMING
    assert answered.name == "Jürgen Weiß" and answered.extension == "Büro"
    assert answered.at == datetime(2025, 5, 3, 14, 5, tzinfo=BERLIN_SUMMER)
    assert answered.number == "0171 1234567"
    assert answered.own_number == "4930123456"  # "SIP: " label dropped
    assert answered.duration_minutes == 3
    assert by_line[4].type is CallListType.MISSED
    assert by_line[6].number is None  # withheld
    assert by_line[7].type is CallListType.BLOCKED  # web CSV: 3 is blocked, not outgoing
    assert by_line[9].type is CallListType.OUTGOING and by_line[9].duration_minutes == 62
    assert by_line[9].name == "Öztürk Gärtnerei"
    assert calls.errors == [
        CallListLineError(8, "fields", "Dies ist keine Zeile der Anrufliste"),
        CallListLineError(11, "type", "7"),
        CallListLineError(12, "date", "31.02.25 10:00"),
    ]


def test_utf8_with_and_without_bom_keep_the_umlauts():
    text = SAMPLE.read_bytes().decode("iso-8859-1")
    for data in (b"\xef\xbb\xbf" + text.encode("utf-8"), text.encode("utf-8")):
        calls = parse_calllist(data, BERLIN_SUMMER)
        assert calls.encoding.startswith("utf-8")
        assert {r.name for r in calls.records} >= {"Jürgen Weiß", "Öztürk Gärtnerei"}
        assert len(calls.records) == 7 and len(calls.errors) == 3


def test_decode_decides_per_file():
    assert decode("Müller".encode("iso-8859-1")) == ("Müller", "iso-8859-1")
    assert decode("Müller".encode()) == ("Müller", "utf-8")
    assert decode(b"\xef\xbb\xbf" + "Müller".encode()) == ("Müller", "utf-8-sig")


def test_columns_by_header_name_in_any_order_without_sep_line():
    data = (
        "Dauer;Rufnummer;Neue Spalte;Typ;Datum\n"
        "0:05;0171 1234567;x;4;01.12.26 09:30\n"
        "0:00;0171 1234567;y;2;01.12.26 09:00\n"
    ).encode("iso-8859-1")
    calls = parse_calllist(data, BERLIN_SUMMER)
    assert [(r.line, r.type, r.duration_minutes) for r in calls.records] == [
        (2, CallListType.OUTGOING, 5),
        (3, CallListType.MISSED, 0),
    ]
    assert calls.records[0].name == "" and calls.records[0].own_number is None


@pytest.mark.parametrize(
    ("data", "missing"),
    [
        ("sep=;\nTyp;Datum;Name;Rufnummer;Nebenstelle\n", ("Dauer",)),
        ("Vorname;Nachname\nAnna;Muster\n", ("Typ", "Datum", "Rufnummer", "Dauer")),
        ("", ("Typ", "Datum", "Rufnummer", "Dauer")),
        ("sep=;\n\n", ("Typ", "Datum", "Rufnummer", "Dauer")),
    ],
)
def test_missing_required_columns(data: str, missing: tuple[str, ...]):
    with pytest.raises(CallListFormatError) as info:
        parse_calllist(data.encode())
    assert info.value.missing == missing


@pytest.mark.parametrize(
    ("row", "reason"),
    [
        ("2;03.05.25 14:02;;0171;;;0:60", "duration"),
        ("2;03.05.25 14:02;;0171;;;1²:00", "duration"),
        ("²;03.05.25 14:02;;0171;;;0:00", "type"),
        ("0;03.05.25 14:02;;0171;;;0:00", "type"),
        ("2;03.05.25 25:02;;0171;;;0:00", "date"),
        ("2;03.05.25 14:02;;0171", "fields"),
    ],
)
def test_broken_rows_are_reported_by_line(row: str, reason: str):
    data = f"sep=;\nTyp;Datum;Name;Rufnummer;Nebenstelle;Eigene Rufnummer;Dauer\n{row}\n"
    calls = parse_calllist(data.encode())
    assert calls.records == []
    assert [(e.line, e.reason) for e in calls.errors] == [(3, reason)]
