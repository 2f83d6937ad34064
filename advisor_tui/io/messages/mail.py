"""E-mail: single `.eml` files, Maildir folders and mbox files (stdlib `email`, `mailbox`).

Headers are decoded (RFC 2047 encoded words, raw 8-bit in UTF-8 or
Windows-1252); bodies in their declared charset, falling back to
Windows-1252 and Latin-1 when the declaration is missing or wrong. The text is
the first text/plain part that is no attachment; an HTML-only mail is reduced
to text. `external_id` is the Message-ID without `<>`, so the same mail sent to
three of the advisor's addresses is one message; a mail without one gets a
hash of sender, date, subject and text (the same in every copy). `thread` is
the root of References (else In-Reply-To, else the mail itself).
"""

from __future__ import annotations

import contextlib
import email
import mailbox
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from email.header import Header, decode_header
from email.message import Message
from email.utils import getaddresses, parsedate_to_datetime
from pathlib import Path

from advisor_tui.domain.incoming import IncomingMessage
from advisor_tui.io.messages.html_text import html_to_text
from advisor_tui.io.messages.items import Found, Item, Skipped, excerpt, stable_id

CHANNEL = "email"
RAW_LIMIT = 16_000  # the header block kept as the raw copy
_RECIPIENT_HEADERS = ("Delivered-To", "X-Original-To", "Envelope-To", "To", "Cc")
_ID = re.compile(r"<([^<>\s]+)>")
# Maildir++ subfolders that hold the advisor's own or unwanted mail, not requests.
_SKIP_FOLDERS = re.compile(
    r"sent|gesendet|draft|entw[uü]rf|trash|papierkorb|gel[oö]scht|deleted|junk|spam|outbox",
    re.IGNORECASE,
)


def _bytes_text(data: bytes, charset: str | None = None) -> str:
    """Bytes in the declared charset, else UTF-8, else Windows-1252, else Latin-1."""
    for candidate in (charset, "utf-8", "cp1252"):
        if not candidate:
            continue
        try:
            return data.decode(candidate)
        except (LookupError, UnicodeDecodeError):
            continue
    return data.decode("latin-1")


def _decoded(chunks: list[tuple[bytes | str, str | None]]) -> str:
    parts: list[str] = []
    for chunk, charset in chunks:
        if isinstance(chunk, str):
            parts.append(chunk)
        elif charset is None:
            parts.append(chunk.decode("raw-unicode-escape", errors="replace"))
        else:  # "unknown-8bit" (raw bytes in a header) falls back like a body
            parts.append(_bytes_text(chunk, charset))
    return "".join(parts)


def _plain(value: object) -> str:
    """A header value with raw 8-bit bytes recovered, encoded words still encoded."""
    if value is None:
        return ""
    if isinstance(value, Header):  # the parser's wrapper around raw 8-bit bytes
        return _decoded(decode_header(value))
    text = str(value)
    if any("\udc80" <= ch <= "\udcff" for ch in text):  # raw bytes kept as surrogates
        text = _bytes_text(text.encode("ascii", "surrogateescape"))
    return text


def header_text(value: object) -> str:
    """A header value as readable text: encoded words decoded, 8-bit bytes recovered."""
    text = _plain(value)
    if "=?" in text:
        with contextlib.suppress(ValueError, LookupError, UnicodeError):
            text = _decoded(decode_header(text))
    return " ".join(text.split())


def _addresses(msg: Message, *names: str) -> list[tuple[str, str]]:
    """(display name, address) of the given headers, in order, without repeats."""
    values = [_plain(v) for name in names for v in (msg.get_all(name) or [])]
    seen: set[str] = set()
    found: list[tuple[str, str]] = []
    for display, address in getaddresses(values):
        address = header_text(address).strip()
        if "@" not in address or address.casefold() in seen:
            continue
        seen.add(address.casefold())
        found.append((header_text(display).strip().strip('"'), address))
    return found


def normalize_id(value: object) -> str:
    """A Message-ID as stored: the text inside `<>`, or the bare token."""
    text = header_text(value).strip()
    found = _ID.search(text)
    return found.group(1) if found else "".join(text.split()).strip("<>")


def _thread(msg: Message, own_id: str) -> str:
    references = _ID.findall(header_text(msg.get("References")))
    if references:
        return references[0]
    reply_to = normalize_id(msg.get("In-Reply-To"))
    return reply_to or own_id


def _date(msg: Message) -> datetime | None:
    candidates = [msg.get("Date")] + [
        str(received).rsplit(";", 1)[-1] for received in (msg.get_all("Received") or [])[:1]
    ]
    for value in candidates:
        if not value:
            continue
        try:
            at = parsedate_to_datetime(header_text(value))
        except (TypeError, ValueError, IndexError):
            continue
        return at if at.tzinfo else at.replace(tzinfo=UTC)
    return None


def automatic(msg: Message) -> str:
    """Why a mail was sent by a machine (auto-reply, bounce, newsletter), or ""."""
    auto = (msg.get("Auto-Submitted") or "").strip().lower()
    if auto and auto != "no":
        return "Auto-Submitted"
    if (msg.get("Precedence") or "").strip().lower() in {"bulk", "list", "junk"}:
        return "Precedence"
    if msg.get("List-Id") or msg.get("List-Unsubscribe"):
        return "List"
    if msg.get_content_type() == "multipart/report":
        return "report"
    local = (_addresses(msg, "From") or [("", "")])[0][1].split("@")[0].lower()
    if local in {"mailer-daemon", "postmaster", "noreply", "no-reply", "donotreply"}:
        return local
    return ""


def _is_attachment(part: Message) -> bool:
    disposition = (part.get("Content-Disposition") or "").split(";")[0].strip().lower()
    return disposition == "attachment"


def _part_text(part: Message) -> str:
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes):
        return ""
    return _bytes_text(payload, part.get_content_charset())


def _body(msg: Message) -> tuple[str, tuple[str, ...]]:
    """(text, attachment names): the first plain part, else the first HTML part as text."""
    plain: str | None = None
    html: str | None = None
    files: list[str] = []
    for part in msg.walk():
        if part.is_multipart():
            continue
        kind = part.get_content_type()
        name = header_text(part.get_filename() or "")
        if _is_attachment(part) or (name and not kind.startswith("text/")):
            files.append(name or kind)
        elif kind == "text/plain" and plain is None:
            plain = _part_text(part)
        elif kind == "text/html" and html is None:
            html = _part_text(part)
    if plain is not None and plain.strip():
        text = plain
    elif html is not None:
        text = html_to_text(html)
    else:
        text = plain or ""
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").split("\n")]
    return "\n".join(lines).strip(), tuple(files)


def _raw_headers(msg: Message) -> str:
    lines = [f"{key}: {header_text(value)}" for key, value in msg.items()]
    return "\n".join(lines)[:RAW_LIMIT]


def read_message(
    msg: Message, source: str, *, fallback_at: datetime | None = None, line: int = 0
) -> Item:
    """One parsed mail as an incoming message, or why it is none."""
    try:
        senders = _addresses(msg, "From") or _addresses(msg, "Sender", "Return-Path")
        text, files = _body(msg)
        subject = header_text(msg.get("Subject"))
        if not senders:
            return Skipped(source, line, "no_sender", excerpt(subject or text))
        sender_name, sender = senders[0]
        machine = automatic(msg)
        if machine:
            return Skipped(source, line, "automatic", excerpt(f"{machine}: {subject}"))
        at = _date(msg) or fallback_at
        if at is None:
            return Skipped(source, line, "bad_date", excerpt(subject))
        message_id = normalize_id(msg.get("Message-ID"))
        external_id = message_id or stable_id(
            "mail", sender.casefold(), header_text(msg.get("Date")), subject, text
        )
        recipients = [address for _, address in _addresses(msg, *_RECIPIENT_HEADERS)]
        message = IncomingMessage(
            channel=CHANNEL,
            sender=sender,
            text=text,
            at=at,
            sender_name=sender_name,
            recipient=recipients[0] if recipients else "",
            recipients=tuple(recipients),
            subject=subject,
            external_id=external_id,
            thread=_thread(msg, message_id or external_id),
            raw=_raw_headers(msg),
            attachments=files,
        )
    except Exception as exc:  # a mail the email package cannot take apart: skip it, go on
        return Skipped(source, line, "mail", excerpt(f"{type(exc).__name__}: {exc}"))
    return Found(message, source, line)


def parse_bytes(data: bytes) -> Message:
    return email.message_from_bytes(data)


def is_maildir(path: Path) -> bool:
    return (path / "cur").is_dir() and (path / "new").is_dir()


def maildir_folders(path: Path) -> tuple[list[Path], list[Path]]:
    """(folders to read, folders skipped): the Maildir and its Maildir++ subfolders.

    Sent, draft, trash and spam folders hold no requests and are skipped.
    """
    read: list[Path] = [path]
    skipped: list[Path] = []
    for child in sorted(path.iterdir()):
        if child.name.startswith(".") and child.is_dir() and is_maildir(child):
            (skipped if _SKIP_FOLDERS.search(child.name) else read).append(child)
    return read, skipped


def maildir_files(folder: Path) -> list[Path]:
    """The mails of one Maildir folder: new and cur, never tmp (mails still being written)."""
    files: list[Path] = []
    for sub in ("new", "cur"):
        names = sorted((folder / sub).iterdir())
        files.extend(p for p in names if not p.name.startswith(".") and p.is_file())
    return files


def maildir_time(path: Path) -> datetime | None:
    """Delivery time from a Maildir file name ("1543571820.M1P2.host:2,S")."""
    head = path.name.split(".", 1)[0]
    try:
        return datetime.fromtimestamp(int(head), UTC)
    except (ValueError, OverflowError, OSError):
        return None


def read_mbox(path: Path) -> Iterator[Item]:
    """The mails of an mbox file, in order; `line` is the mail's number in the file."""
    box = mailbox.mbox(path, create=False)
    try:
        for number, key in enumerate(box.iterkeys(), start=1):
            try:
                msg = box.get_message(key)
            except Exception as exc:  # one unreadable mail must not stop the rest
                yield Skipped(str(path), number, "mail", excerpt(str(exc)))
                continue
            yield read_message(msg, str(path), fallback_at=_from_line_time(msg), line=number)
    finally:
        box.close()


def _from_line_time(msg: mailbox.mboxMessage) -> datetime | None:
    """The date of the mbox `From sender date` line."""
    parts = msg.get_from().split(None, 1)
    if len(parts) < 2:
        return None
    try:
        naive = datetime.strptime(" ".join(parts[1].split()[:5]), "%a %b %d %H:%M:%S %Y")
    except ValueError:
        return None
    return naive.replace(tzinfo=UTC)


_HEADER_LINE = re.compile(rb"^[A-Za-z][A-Za-z0-9-]*:[ \t]", re.MULTILINE)


def looks_like_mail(head: bytes) -> bool:
    """Whether a file starts with a mail header block (From: or Message-ID: among them)."""
    block = head.split(b"\n\n", 1)[0].split(b"\r\n\r\n", 1)[0]
    if not _HEADER_LINE.match(block):
        return False
    return bool(re.search(rb"^(From|Message-ID|Received|Subject):", block, re.M | re.I))


def looks_like_mbox(head: bytes) -> bool:
    return head.lstrip(b"\r\n").startswith(b"From ")
