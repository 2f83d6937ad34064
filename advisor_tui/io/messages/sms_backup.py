"""Android "SMS Backup & Restore" XML: received SMS and MMS.

    <smses count="2">
      <sms address="+4917112345678" date="1543571820000" type="1" body="Hallo"
           contact_name="Guido Meier" readable_date="…"/>
      <mms date="1543571900000" msg_box="1" address="+4917112345678" contact_name="…">
        <parts><part ct="text/plain" text="Hallo"/>
               <part ct="image/jpeg" name="a.jpg" data="…"/></parts>
        <addrs><addr address="+4917112345678" type="137"/>
               <addr address="+4930…" type="151"/></addrs>
      </mms>
    </smses>

`date` is milliseconds since the epoch (UTC). SMS `type` 1 and MMS `msg_box`
1 are received; the others (sent, draft, outbox, failed, queued) are the
phone owner's own and skipped as outgoing: the inbox holds requests only.
MMS address type 137 is the sender, 151/130/129 the recipients.

Backups hold images as base64 and grow large, so the file is streamed
through expat in chunks; a document type declaration (the door to entity
expansion attacks) is refused, as no backup has one.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import BinaryIO
from xml.parsers import expat

from advisor_tui.domain.incoming import IncomingMessage
from advisor_tui.io.messages.items import Found, Item, Skipped, excerpt, stable_id

RECEIVED = "1"
MMS_FROM = "137"
MMS_TO = ("151", "130", "129")  # to, cc, bcc
CHUNK = 1 << 20
# Attributes too big or too dull to keep in the raw copy of a message.
_RAW_SKIP = {"data", "readable_date", "toa", "sc_toa", "service_center", "locked"}


class _DoctypeRefused(Exception):
    pass


def _null(value: str | None) -> str:
    """The app writes the word "null" for a missing value."""
    return "" if value is None or value == "null" else value


def _contact(value: str | None) -> str:
    """The phone's contact name; "(Unknown)" and the like mean there is none."""
    name = _null(value).strip()
    return "" if name.strip("()").casefold() in {"unknown", "unbekannt", ""} else name


def _at(value: str | None) -> datetime | None:
    try:
        millis = int(_null(value))
        return datetime.fromtimestamp(millis / 1000, UTC)
    except (ValueError, OverflowError, OSError):
        return None


def _raw(tag: str, attrs: dict[str, str]) -> str:
    kept = {k: v for k, v in attrs.items() if k not in _RAW_SKIP}
    return json.dumps({"tag": tag, **kept}, ensure_ascii=False)


def _sms(attrs: dict[str, str], source: str, line: int) -> Item:
    address = _null(attrs.get("address")).strip()
    body = _null(attrs.get("body"))
    if attrs.get("type") != RECEIVED:
        return Skipped(source, line, "outgoing", excerpt(body))
    at = _at(attrs.get("date"))
    if at is None:
        return Skipped(source, line, "bad_date", _null(attrs.get("date"))[:40])
    if not address:
        return Skipped(source, line, "no_sender", excerpt(body))
    message = IncomingMessage(
        channel="sms",
        sender=address,
        text=body,
        at=at,
        sender_name=_contact(attrs.get("contact_name")),
        subject=_null(attrs.get("subject")),
        external_id=stable_id("sms", address, attrs.get("date", ""), body),
        thread=address,
        raw=_raw("sms", attrs),
    )
    return Found(message, source, line)


class _Mms:
    def __init__(self, attrs: dict[str, str], line: int) -> None:
        self.attrs = attrs
        self.line = line
        self.texts: list[str] = []
        self.files: list[str] = []
        self.senders: list[str] = []
        self.recipients: list[str] = []

    def part(self, attrs: dict[str, str]) -> None:
        kind = _null(attrs.get("ct")).lower()
        if kind == "text/plain":
            self.texts.append(_null(attrs.get("text")))
        elif kind and kind != "application/smil":
            self.files.append(_null(attrs.get("name")) or _null(attrs.get("cl")) or kind)

    def addr(self, attrs: dict[str, str]) -> None:
        address = _null(attrs.get("address")).strip()
        if not address or address == "insert-address-token":
            return
        if attrs.get("type") == MMS_FROM:
            self.senders.append(address)
        elif attrs.get("type") in MMS_TO:
            self.recipients.append(address)

    def item(self, source: str) -> Item:
        text = "\n".join(t for t in self.texts if t).strip()
        if _null(self.attrs.get("msg_box")) != RECEIVED:
            return Skipped(source, self.line, "outgoing", excerpt(text))
        at = _at(self.attrs.get("date"))
        if at is None:
            return Skipped(source, self.line, "bad_date", _null(self.attrs.get("date"))[:40])
        # `address` on <mms> lists every party joined by "~"; the 137 address is the sender.
        sender = self.senders[0] if self.senders else ""
        if not sender:
            parties = [a for a in _null(self.attrs.get("address")).split("~") if a.strip()]
            sender = parties[0].strip() if len(parties) == 1 else ""
        if not sender:
            return Skipped(source, self.line, "no_sender", excerpt(text))
        message = IncomingMessage(
            channel="mms",
            sender=sender,
            text=text,
            at=at,
            sender_name=_contact(self.attrs.get("contact_name")),
            recipients=tuple(dict.fromkeys(self.recipients)),
            recipient=self.recipients[0] if len(self.recipients) == 1 else "",
            subject=_null(self.attrs.get("sub")),
            external_id=stable_id("mms", sender, self.attrs.get("date", ""), text),
            thread=_null(self.attrs.get("address")) or sender,
            raw=_raw("mms", self.attrs),
            attachments=tuple(self.files),
        )
        return Found(message, source, self.line)


def read_backup(stream: BinaryIO, source: str) -> Iterator[Item]:
    """The messages of a backup, in file order; a broken file ends with one `Skipped("xml")`."""
    parser = expat.ParserCreate()
    parser.buffer_text = True
    ready: list[Item] = []
    state: dict[str, object] = {"root": None, "mms": None}

    def doctype(*_: object) -> None:
        raise _DoctypeRefused

    def start(tag: str, attrs: dict[str, str]) -> None:
        line = parser.CurrentLineNumber
        if state["root"] is None:
            state["root"] = tag
            if tag != "smses":
                ready.append(Skipped(source, line, "not_sms_backup", tag))
            return
        mms = state["mms"]
        if tag == "sms" and mms is None:
            ready.append(_sms(attrs, source, line))
        elif tag == "mms":
            state["mms"] = _Mms(attrs, line)
        elif isinstance(mms, _Mms) and tag == "part":
            mms.part(attrs)
        elif isinstance(mms, _Mms) and tag == "addr":
            mms.addr(attrs)

    def end(tag: str) -> None:
        mms = state["mms"]
        if tag == "mms" and isinstance(mms, _Mms):
            ready.append(mms.item(source))
            state["mms"] = None

    parser.StartDoctypeDeclHandler = doctype
    parser.EntityDeclHandler = doctype
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    while True:
        chunk = stream.read(CHUNK)
        try:
            parser.Parse(chunk, not chunk)
        except _DoctypeRefused:
            yield from ready
            yield Skipped(source, parser.CurrentLineNumber, "doctype")
            return
        except expat.ExpatError as exc:
            yield from ready
            yield Skipped(source, exc.lineno, "xml", expat.errors.messages[exc.code][:60])
            return
        yield from ready
        ready.clear()
        if state["root"] not in (None, "smses"):
            return
        if not chunk:
            return


def looks_like_backup(head: str) -> bool:
    """Whether the start of a file is an SMS backup (its root element is <smses>)."""
    return "<smses" in head[:4096]
