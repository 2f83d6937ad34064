"""baresip's ctrl_tcp events: netstrings of JSON, the caller's number in a SIP URI."""

from __future__ import annotations

import pytest

from advisor_tui.io.baresip_events import (
    NetstringReader,
    ProtocolError,
    caller_number,
    event_of,
    incoming_caller,
)

# What baresip 1.0.0 (Debian 12) sent here for an incoming call, byte for byte.
REAL = (
    b'210:{"event":true,"type":"CALL_INCOMING","class":"call",'
    b'"accountaor":"sip:advisor@127.0.0.1","direction":"incoming",'
    b'"peeruri":"sip:01757206717@127.0.0.1","id":"0c4fbb138ca021c1",'
    b'"param":"sip:01757206717@127.0.0.1"},'
)


def test_the_real_event_gives_the_number() -> None:
    (payload,) = list(NetstringReader().feed(REAL))
    event = event_of(payload)
    assert event is not None and incoming_caller(event) == "01757206717"


def test_netstrings_cut_anywhere_come_out_whole() -> None:
    reader = NetstringReader()
    stream = REAL + b"5:hello,2:{},"
    out: list[bytes] = []
    for i in range(0, len(stream), 7):
        out += reader.feed(stream[i : i + 7])
    assert out == [REAL[4:-1], b"hello", b"{}"]


@pytest.mark.parametrize("junk", [b"HTTP/1.1 200 OK\r\n", b"99999999:x", b"3:abcX"])
def test_something_else_than_netstrings_is_refused(junk: bytes) -> None:
    with pytest.raises(ProtocolError):
        list(NetstringReader().feed(junk))


def test_replies_and_junk_are_no_events() -> None:
    assert event_of(b'{"response":true,"ok":true,"data":""}') is None
    assert event_of(b"\xff\xfe") is None
    assert event_of(b"[1, 2]") is None
    assert incoming_caller({"event": True, "type": "CALL_CLOSED", "peeruri": "sip:1@h"}) is None


@pytest.mark.parametrize(
    ("uri", "number"),
    [
        ("sip:+491712345678@sipgate.de;user=phone", "+491712345678"),
        ("<sip:%2B491712345678@pbx.local>", "+491712345678"),
        ("sips:0301234567@10.0.0.1:5061", "0301234567"),
        ("tel:+49-30-1234567", "+49-30-1234567"),
        ("sip:anonymous@anonymous.invalid", None),
        ("sip:advisor@127.0.0.1", None),
        ("sip:192.168.1.20", None),
        ("mailto:x@example.org", None),
        ("", None),
    ],
)
def test_the_number_in_sip_and_tel_uris(uri: str, number: str | None) -> None:
    assert caller_number(uri) == number
