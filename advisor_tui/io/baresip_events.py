"""baresip's control socket: the incoming calls a running baresip softphone announces.

baresip's `ctrl_tcp` module (`module_app ctrl_tcp.so`, `ctrl_tcp_listen
127.0.0.1:4444` in its config) sends every event to each connected client as a
netstring (`LENGTH:BYTES,`) holding one JSON object, e.g.

    210:{"event":true,"type":"CALL_INCOMING","class":"call",
         "accountaor":"sip:advisor@127.0.0.1","direction":"incoming",
         "peeruri":"sip:01757206717@127.0.0.1","id":"0c4f…","param":"…"},

(baresip 1.0.0 on Debian 12, tried here). `advisor ring --baresip` reads them
and pops up each caller. Pure functions: no socket, no database.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import unquote

MAX_NETSTRING = 64 * 1024  # an event is a few hundred bytes; more is not baresip talking
INCOMING = "CALL_INCOMING"
_LENGTH = re.compile(rb"\d{1,6}")
# What a SIP or tel URI may carry as the caller: digits with + and the usual separators.
_NUMBER = re.compile(r"\+?[0-9][0-9 ()/.-]*")


class ProtocolError(ValueError):
    """The peer does not speak baresip's netstrings."""


class NetstringReader:
    """Cuts a byte stream into netstrings; feed it what the socket returns."""

    def __init__(self) -> None:
        self._buffer = b""

    def feed(self, data: bytes) -> Iterator[bytes]:
        self._buffer += data
        while True:
            colon = self._buffer.find(b":")
            if colon < 0:
                if len(self._buffer) > 6:
                    raise ProtocolError("no netstring length")
                return
            head = self._buffer[:colon]
            if not _LENGTH.fullmatch(head) or int(head) > MAX_NETSTRING:
                raise ProtocolError("bad netstring length")
            end = colon + 1 + int(head)
            if len(self._buffer) <= end:
                return  # the rest is still on its way
            if self._buffer[end : end + 1] != b",":
                raise ProtocolError("netstring without its comma")
            yield self._buffer[colon + 1 : end]
            self._buffer = self._buffer[end + 1 :]


def event_of(payload: bytes) -> dict[str, Any] | None:
    """The JSON object in one netstring; None for anything else (a reply, junk)."""
    try:
        value = json.loads(payload.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return None
    return value if isinstance(value, dict) and value.get("event") is True else None


def caller_number(uri: str) -> str | None:
    """The caller's number in a SIP/tel URI: "sip:+49171…@host;user=phone" -> "+49171…".

    None for a caller without a number (anonymous, a name, an IP address only).
    """
    uri = uri.strip().strip("<>")
    scheme, _, rest = uri.partition(":")
    if scheme.lower() not in ("sip", "sips", "tel") or not rest:
        return None
    if scheme.lower() == "tel":
        user = rest
    elif "@" in rest:
        user = rest.split("@", 1)[0]
    else:
        return None  # a host only: no user, no number
    user = unquote(user.split(";", 1)[0]).strip()
    return user if _NUMBER.fullmatch(user) else None


def incoming_caller(event: dict[str, Any]) -> str | None:
    """For a CALL_INCOMING event, the number calling; None for any other event."""
    if event.get("type") != INCOMING:
        return None
    uri = event.get("peeruri") or event.get("param") or ""
    return caller_number(uri) if isinstance(uri, str) else None
