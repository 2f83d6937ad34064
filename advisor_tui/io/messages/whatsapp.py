"""WhatsApp chat exports ("Chat exportieren", without media or with it) in the German formats.

    Android: 30.11.18, 10:57 - Guido Meier: Hallo Herr Balschuweit
    iOS:     [18.05.19, 11:50:00] Guido Meier: Hallo Herr Balschuweit

Four-digit years and seconds are read in both; iOS marks system lines and
media with U+200E. Lines without a timestamp continue the message before.
System lines (encryption notice, group changes) and deleted messages are
skipped; media markers (`<Medien ausgeschlossen>`, `Bild weggelassen`,
`IMG-….jpg (Datei angehängt)`, `<Anhang: …>`) are kept as attachments. The
author is the exporting phone's contact name or a number. Times are the
phone's local time (Europe/Berlin unless told otherwise).

The advisor's own messages (author in `me`) are outgoing, not requests. In a
one-to-one chat named after the contact ("WhatsApp Chat mit Guido Meier.txt")
the other author is the advisor, so `me` is known without being told.

`external_id` hashes chat, time, author, text and an occurrence counter, so
two identical messages in one minute stay two, and a later export of the same
chat adds nothing twice.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, tzinfo
from pathlib import PurePath

from advisor_tui.domain.incoming import IncomingMessage
from advisor_tui.io.messages.items import Found, Item, Skipped, excerpt, is_own, stable_id

CHANNEL = "whatsapp"
DEFAULT_ZONE = "Europe/Berlin"

# Direction and BOM marks the exports put around numbers, system texts and media.
_MARKS = "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff"
_STAMP = re.compile(
    rf"[{_MARKS}]*(?P<open>\[)?"
    r"(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{4}|\d{2}),?\s+"
    r"(?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2}))?"
    r"(?(open)\]\s?|\s[-\u2013]\s)"
    r"(?P<rest>.*)"
)
# Words that show a "Name: …" split is a system line about someone, not their message.
_SYSTEM_HEAD = re.compile(
    r"\s(hat|hast|haben|ist|bist|sind|wurde|wurdest)\s|verschlüsselt|Sicherheitsnummer",
    re.IGNORECASE,
)
# iOS system texts after the chat name and a U+200E mark.
_SYSTEM_TEXT = re.compile(
    r"Ende-zu-Ende|verschlüsselt|hinzugefügt|entfernt|verlassen|beigetreten|erstellt|"
    r"Sicherheitsnummer|geändert|gewechselt|selbstlöschend|Betreff|Gruppe",
    re.IGNORECASE,
)
_DELETED = re.compile(r"(Diese Nachricht wurde|Du hast diese Nachricht) gelöscht\.?", re.I)
_MEDIA = re.compile(
    r"<Medien (ausgeschlossen|weggelassen)>|"
    r"(Bild|Video|Audio|Sticker|GIF|Dokument|Kontaktkarte) (weggelassen|ausgeschlossen)",
    re.IGNORECASE,
)
_ANHANG = re.compile(r"<Anhang: (?P<name>[^>]+)>")
_ATTACHED = re.compile(r"(?P<name>\S.*?) \(Datei angehängt\)")
# Newer exports append this to a message edited after sending.
_EDITED = re.compile(r"\s*<(Diese Nachricht wurde bearbeitet|This message was edited)>$")
_NUMBER = re.compile(r"\+?[\d\s()/-]{6,}")
_CHAT_NAME = re.compile(r"^WhatsApp[ -]Chat(?: mit| with| -)?\s+", re.IGNORECASE)
_COPY = re.compile(r"\s*(\(\d+\)|-\s*Kopie|copy)$", re.IGNORECASE)


def zone(name: str = DEFAULT_ZONE) -> tzinfo:
    """The phone's zone; the machine's own when the zone database lacks it."""
    try:
        from zoneinfo import ZoneInfo

        return ZoneInfo(name)
    except (ImportError, KeyError, ValueError):  # ZoneInfoNotFoundError is a KeyError
        local = datetime.now().astimezone().tzinfo
        assert local is not None
        return local


def chat_name(path: PurePath) -> str:
    """The chat a file holds, from its name: "WhatsApp Chat mit Guido Meier (1).txt" -> Guido Meier.

    iOS names the text `_chat.txt` inside a zip or folder named after the chat.
    """
    stem = path.stem
    if stem.lower() in {"_chat", "chat"} and path.parent.name:
        stem = PurePath(path.parent.name).stem
    name = _COPY.sub("", _CHAT_NAME.sub("", stem.strip())).strip()
    return name or stem


def _clean(text: str) -> str:
    return _EDITED.sub("", text.strip(_MARKS + " \t")).strip(_MARKS + " \t")


@dataclass
class _Draft:
    line: int
    at: datetime
    author: str
    lines: list[str] = field(default_factory=list)
    marked: bool = False  # iOS: the text began with U+200E


def _stamp(match: re.Match[str], tz: tzinfo) -> datetime | None:
    year = int(match["y"])
    if year < 100:
        year += 2000
    try:
        naive = datetime(
            year, int(match["m"]), int(match["d"]), int(match["H"]), int(match["M"]),
            int(match["S"] or 0),
        )  # fmt: skip
    except ValueError:
        return None
    return naive.replace(tzinfo=tz)


def _drafts(text: str, source: str, tz: tzinfo) -> list[_Draft | Skipped]:
    out: list[_Draft | Skipped] = []
    current: _Draft | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        match = _STAMP.match(line)
        at = _stamp(match, tz) if match else None
        if match is None or at is None:
            if current is not None:
                current.lines.append(line)
            elif line.strip(_MARKS + " \t"):
                out.append(Skipped(source, number, "no_timestamp", excerpt(line)))
            continue
        rest = match["rest"]
        head, sep, body = rest.partition(": ")
        if not sep and rest.endswith(":"):  # "Name:" with an empty first line
            head, sep, body = rest[:-1], ":", ""
        if not sep or _SYSTEM_HEAD.search(head):
            current = None
            out.append(Skipped(source, number, "system", excerpt(_clean(rest))))
            continue
        current = _Draft(number, at, _clean(head), [body], body.startswith("\u200e"))
        out.append(current)
    return out


def _attachments(first_line: str) -> tuple[str, ...]:
    line = _clean(first_line)
    if _MEDIA.fullmatch(line):
        return (line,)
    for pattern in (_ANHANG, _ATTACHED):
        found = pattern.fullmatch(line)
        if found:
            return (found["name"].strip(),)
    return ()


def _sender(author: str) -> tuple[str, str]:
    """(sender, sender_name): a number is the address, a contact name is only a name."""
    if _NUMBER.fullmatch(author) and sum(ch.isdigit() for ch in author) >= 6:
        return author, ""
    return author, author


def _inferred_me(thread: str, authors: set[str]) -> tuple[str, ...]:
    """In a one-to-one chat named after the contact, the other author is the advisor."""
    if len(authors) == 2 and thread in authors:
        return tuple(authors - {thread})
    return ()


def _classify(draft: _Draft, source: str) -> Skipped | None:
    """Why a timestamped message is no message of its author (deleted, a system text), or None."""
    clean = _clean("\n".join(draft.lines))
    if _DELETED.fullmatch(clean):
        return Skipped(source, draft.line, "deleted", draft.author)
    if draft.marked and not _attachments(draft.lines[0]) and _SYSTEM_TEXT.search(clean):
        return Skipped(source, draft.line, "system", excerpt(clean))
    if not clean:
        return Skipped(source, draft.line, "empty", draft.author)
    return None


def read_chat(
    text: str,
    *,
    source: str,
    thread: str,
    me: tuple[str, ...] = (),
    tz: tzinfo | None = None,
) -> list[Item]:
    """The messages of one exported chat, in file order, and the lines skipped."""
    tz = tz or zone()
    entries: list[_Draft | Skipped] = [
        (_classify(d, source) or d) if isinstance(d, _Draft) else d
        for d in _drafts(text.lstrip("\ufeff"), source, tz)
    ]
    own = me or _inferred_me(thread, {d.author for d in entries if isinstance(d, _Draft)})
    seen: Counter[tuple[str, str, str]] = Counter()
    items: list[Item] = []
    for draft in entries:
        if isinstance(draft, Skipped):
            items.append(draft)
            continue
        body = "\n".join(draft.lines).strip()
        clean = _clean(body)
        if is_own(own, draft.author):
            items.append(Skipped(source, draft.line, "outgoing", excerpt(clean)))
            continue
        key = (draft.at.isoformat(), draft.author, clean)
        occurrence = seen[key]
        seen[key] += 1
        sender, sender_name = _sender(draft.author)
        message = IncomingMessage(
            channel=CHANNEL,
            sender=sender,
            text=clean,
            at=draft.at,
            sender_name=sender_name,
            external_id=stable_id("wa", thread.casefold(), *key, occurrence),
            thread=thread,
            raw=body,
            attachments=_attachments(draft.lines[0]),
        )
        items.append(Found(message, source, draft.line))
    return items


def looks_like_chat(text: str) -> bool:
    """Whether one of the first lines starts like a WhatsApp export line."""
    return any(_STAMP.match(line) for line in text.lstrip("\ufeff").splitlines()[:20])
