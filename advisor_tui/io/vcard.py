"""Reading vCard files (2.1, 3.0, 4.0): split into cards, parse each card's lines.

Everything below the property level happens on bytes, because that is where
real files go wrong: a UTF-8 character split by line folding (RFC 6350
folds at 75 octets, ownCloud and DAVx5 do it inside characters), one
Windows-1252 card in a UTF-8 file, iOS files with `CR CR LF` line ends. So a
file is split into cards on bytes (`split_cards`), each card's lines are
unfolded on bytes (continuation lines, quoted-printable soft breaks, an
Android 2.1 value continued after a trailing backslash), and only then is
each logical line decoded: UTF-8 when it is, else its CHARSET, else
Windows-1252 (`decode_line`). A file as a whole is only decoded when it is
UTF-16 (`vcard_bytes`).

Each logical line is parsed with vobject's line parser (`parseLine`). A line
that cannot be parsed (a `#` comment, a bare `FN`, a name with a slash) is
skipped and reported as `Skipped`; the card keeps everything else. We skip
vobject's component layer: it costs ~0.6 ms per card (the 10,000-card budget
is 10 s for everything) and does not interpret 4.0 anyway; `vcard_mapping`
interprets the properties instead (and `parse_card` there turns a card into a
record).

Values come out in one form whatever the version: quoted-printable decoded,
vCard 3.0/4.0 text escaping (`\\n`, `\\,`, `\\;`, `\\\\`), so a kept property is
written back validly: a 2.1 backslash is literal and becomes `\\\\`, a decoded
line break becomes `\\n`, bare 2.1 parameters get their names (`BASE64` ->
`ENCODING=b`, `WORK` -> `TYPE=WORK`), base64 loses its folding blanks.
"""

from __future__ import annotations

import json
import quopri
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from vobject.base import ParseError, parseLine

from advisor_tui.io.contact_record import RecordError, Skipped, utf16_encoding

VCARD_SUFFIXES = (".vcf", ".vcard")
# CR CR LF (iOS/macOS files passed through a tool that added a CR) is one line end.
_LINE_BREAK = re.compile(rb"\r*\n|\r+")
_BEGIN = b"BEGIN:VCARD"
_END = b"END:VCARD"
_VERSION_21 = re.compile(rb"^VERSION:[ \t]*2\.1[ \t]*$", re.IGNORECASE | re.MULTILINE)
# What a property line starts with: optional group, name, parameters, then a colon.
_PROPERTY = re.compile(rb"^(?:[A-Za-z0-9_-]+\.)?[A-Za-z0-9_-]+(?:;[^:]*)?:")
_QP = re.compile(rb"QUOTED-PRINTABLE", re.IGNORECASE)
_CHARSET = re.compile(rb";CHARSET=([A-Za-z0-9_.:-]+)", re.IGNORECASE)
# KAddressBook writes messenger handles as `X-messaging/xmpp-All:handle`.
_KDE_MESSAGING = re.compile(r"^X-messaging/([A-Za-z0-9_.+-]+?)(?:-All)?:(.*)$", re.IGNORECASE)
_LONE_BACKSLASH = re.compile(r"\\(?!;)")
_BLANKS = re.compile(r"\s+")
_BARE_ENCODINGS = {"BASE64": "b", "B": "b"}
_DROPPED_BARE = frozenset({"7BIT", "8BIT"})


@dataclass(frozen=True)
class RawCard:
    """The bytes of one card (lines joined by LF) and where it starts in its file (1-based)."""

    source: str
    line: int
    data: bytes
    error: str | None = None  # an i18n key when the card is broken as a whole


@dataclass
class Prop:
    """One property of a card: value decoded from quoted-printable, still vCard-escaped."""

    name: str  # upper case
    value: str
    params: list[list[str]] = field(default_factory=list)  # [[NAME, value, ...], ...]
    group: str | None = None
    line: int = 0

    def param(self, name: str) -> list[str]:
        """All values of the parameter `name` (case-insensitive)."""
        wanted = name.upper()
        return [v for p in self.params if p[0].upper() == wanted for v in p[1:]]

    @property
    def types(self) -> frozenset[str]:
        """TYPE tokens in lower case: `TYPE="cell,voice"`, `type=CELL;type=pref`, 2.1 `;WORK`."""
        tokens: set[str] = set()
        for p in self.params:
            if len(p) == 1:  # vCard 2.1 writes bare types: TEL;WORK;VOICE
                tokens.add(p[0].lower())
            elif p[0].upper() == "TYPE":
                for value in p[1:]:
                    tokens.update(t.strip().lower() for t in value.split(",") if t.strip())
        return frozenset(tokens)


def vcard_bytes(data: bytes) -> bytes:
    """The bytes to split into cards: UTF-16 (with or without BOM) as UTF-8, BOM removed."""
    encoding = utf16_encoding(data)
    if encoding:
        return data.decode(encoding, errors="replace").lstrip("\ufeff").encode("utf-8")
    return data[3:] if data.startswith(b"\xef\xbb\xbf") else data


def split_cards(data: bytes | str, source: str) -> list[RawCard]:
    """The cards of a file; a card without END:VCARD comes back with an error."""
    if isinstance(data, str):
        data = data.encode("utf-8", errors="surrogateescape")
    cards: list[RawCard] = []
    lines = _LINE_BREAK.split(data)
    start: int | None = None
    stray: int | None = None
    for number, line in enumerate(lines, start=1):
        word = line.strip().upper()
        if word == _BEGIN:
            if start is not None:
                cards.append(RawCard(source, start, b"", "import.err.no_end"))
            if stray is not None:
                cards.append(RawCard(source, stray, b"", "import.err.outside_card"))
                stray = None
            start = number
        elif word == _END and start is not None:
            cards.append(RawCard(source, start, b"\n".join(lines[start - 1 : number]) + b"\n"))
            start = None
        elif start is None and word and stray is None:
            stray = number
    if start is not None:
        cards.append(RawCard(source, start, b"", "import.err.no_end"))
    if stray is not None:
        cards.append(RawCard(source, stray, b"", "import.err.outside_card"))
    return cards


def _ends_escaping(line: bytes) -> bool:
    """True when the line ends in an odd number of backslashes (one escapes the line end)."""
    stripped = line.rstrip(b"\\")
    return (len(line) - len(stripped)) % 2 == 1


def logical_lines(data: bytes, first: int = 1) -> list[tuple[bytes, int]]:
    """Unfolded lines of a card's bytes with their first physical line number.

    Continuation lines (a leading blank) join without that blank; a
    quoted-printable value ending in `=` goes on on the next line; an
    Android 2.1 value ending in a backslash goes on with a line that is no
    property. Blank lines end a value (2.1 base64) and are dropped.
    """
    out: list[tuple[bytes, int]] = []
    current: bytes | None = None
    start = first
    for offset, line in enumerate(data.split(b"\n")):
        number = first + offset
        if current is not None:
            if current.endswith(b"=") and _QP.search(current.split(b":", 1)[0]):
                current = current[:-1] + line
                continue
            if line[:1] in (b" ", b"\t"):
                current += line[1:]
                continue
            if line.strip() and _ends_escaping(current) and not _PROPERTY.match(line):
                current = current[:-1] + b"\n" + line
                continue
            out.append((current, start))
            current = None
        if line.strip():
            current, start = line, number
    if current is not None:
        out.append((current, start))
    return out


def decode_line(line: bytes) -> str:
    """One logical line as text: UTF-8 if it is, else its CHARSET, else Windows-1252."""
    try:
        return line.decode("utf-8")
    except UnicodeDecodeError:
        pass
    head = line.split(b":", 1)[0]
    match = _CHARSET.search(head)
    for encoding in ((match.group(1).decode("ascii"),) if match else ()) + ("cp1252",):
        try:
            return line.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
    return line.decode("latin-1")  # cp1252 leaves five bytes undefined; Latin-1 maps every byte


def bare_param(value: str) -> list[str] | None:
    """The named form of a bare 2.1 parameter: BASE64 -> ENCODING=b, WORK -> TYPE=WORK."""
    upper = value.upper()
    if upper in _BARE_ENCODINGS:
        return ["ENCODING", _BARE_ENCODINGS[upper]]
    if upper in _DROPPED_BARE:
        return None
    return ["TYPE", value]


def kept_key(prop: dict[str, Any]) -> str:
    """What makes two kept properties one: name and group in any case, bare 2.1 params named.

    So a property kept from a 2.1 card and read back from our own 4.0 export
    is the same property, not a second one.
    """
    params: list[list[str]] = []
    for p in prop.get("params") or ():
        named = bare_param(p[0]) if len(p) == 1 else [p[0].upper(), *p[1:]]
        if named is not None:
            params.append([named[0].upper(), *named[1:]])
    value = str(prop.get("value", "")).replace("\r\n", "\n").replace("\r", "\n")
    group = str(prop.get("group") or "").lower()
    return json.dumps([group, str(prop.get("name", "")).upper(), sorted(params),
                       value.replace("\n", "\\n")])  # fmt: skip


def _decode_qp(value: str, params: list[list[str]]) -> tuple[str, list[list[str]], bool]:
    """Undo ENCODING=QUOTED-PRINTABLE (vCard 2.1) using the CHARSET parameter."""
    charset = "utf-8"
    encoded = False
    kept: list[list[str]] = []
    for p in params:
        name = p[0].upper()
        values = [v.upper() for v in p[1:]] if len(p) > 1 else [name]
        if name in ("QUOTED-PRINTABLE", "ENCODING") and "QUOTED-PRINTABLE" in values:
            encoded = True
        elif name == "CHARSET":
            charset = p[1] if len(p) > 1 else charset  # the line was decoded with it already
        else:
            kept.append(p)
    if not encoded:
        return value, kept, False
    data = quopri.decodestring(value.encode("utf-8", errors="surrogateescape"))
    for candidate in (charset, "utf-8", "cp1252"):
        try:
            return data.decode(candidate), kept, True
        except (UnicodeDecodeError, LookupError):
            continue
    return data.decode("latin-1"), kept, True


def _named_params(params: list[list[str]]) -> list[list[str]]:
    out: list[list[str]] = []
    for p in params:
        if len(p) == 1:
            named = bare_param(p[0])
            if named is not None:
                out.append(named)
        elif p[0].upper() == "ENCODING" and len(p) == 2 and p[1].upper() in _BARE_ENCODINGS:
            out.append(["ENCODING", "b"])
        else:
            out.append(p)
    return out


def _is_base64(params: list[list[str]]) -> bool:
    return any(p[0].upper() == "ENCODING" and p[1:] == ["b"] for p in params)


def parse_line(text: str, line: int, is_21: bool) -> Prop:
    """One decoded logical line as a property in 3.0/4.0 form; raises ParseError."""
    if match := _KDE_MESSAGING.match(text):
        service, handle = match.groups()
        return Prop("IMPP", f"{service.lower()}:{handle.strip()}", [], None, line)
    name, params, value, group = parseLine(text, line)
    value, params, decoded = _decode_qp(value, params)
    if is_21:
        params = _named_params(params)
        value = _LONE_BACKSLASH.sub(r"\\\\", value)
    if decoded or "\n" in value or "\r" in value:
        value = value.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n")
    if _is_base64(params):
        value = _BLANKS.sub("", value)
    return Prop(name.upper(), value, params, group, line)


def parse_properties(card: RawCard) -> tuple[list[Prop], list[Skipped]]:
    """The properties of one card, in order (BEGIN/END left out), and the lines skipped."""
    if card.error:
        raise RecordError(card.error, line=card.line)
    props: list[Prop] = []
    skipped: list[Skipped] = []
    is_21 = _VERSION_21.search(card.data) is not None
    for raw, number in logical_lines(card.data, card.line):
        if raw.lstrip().startswith(b"#"):
            skipped.append(Skipped(number, "import.skip.comment"))
            continue
        text = decode_line(raw)
        try:
            prop = parse_line(text, number, is_21)
        except ParseError:
            skipped.append(Skipped(number, "import.skip.bad_line", {"text": text[:60]}))
            continue
        if prop.name not in ("BEGIN", "END"):
            props.append(prop)
    return props, skipped


def read_vcard_file(path: Path, source: str | None = None) -> list[RawCard]:
    """The cards of a .vcf file (split, not yet parsed)."""
    return split_cards(vcard_bytes(path.read_bytes()), source or str(path))


def vcard_files(folder: Path) -> list[Path]:
    """The .vcf files of a vdir (khard/vdirsyncer keep one card per file), sorted."""
    return sorted(p for p in folder.rglob("*") if p.suffix.lower() in VCARD_SUFFIXES)


def looks_like_vcard(data: bytes) -> bool:
    """True when the bytes hold a vCard (for files without a telling name)."""
    return _BEGIN in data[:4096].upper()
