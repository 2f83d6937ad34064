"""Reading vCard files (2.1, 3.0, 4.0): split into cards, parse each card's lines.

The file is decoded here (UTF-8, else Windows-1252) and split into cards by
their BEGIN/END lines, so a broken card (no END:VCARD, an unparsable line) is
reported with its line and the cards after it are still read. Each card's
lines are parsed with vobject's own line parser (`getLogicalLines`, which
unfolds continuation lines and quoted-printable soft breaks, and `parseLine`).
We deliberately skip vobject's component layer: it costs ~0.6 ms per card
(the 10,000-card budget is 10 s for everything) and does not interpret 4.0
anyway; `vcard_mapping` interprets the properties instead (and `parse_card`
there turns a card into a record).
"""

from __future__ import annotations

import io
import quopri
import re
from dataclasses import dataclass, field
from pathlib import Path

from vobject.base import ParseError, getLogicalLines, parseLine

from advisor_tui.io.contact_record import RecordError, decode_bytes

VCARD_SUFFIXES = (".vcf", ".vcard")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_BEGIN = "BEGIN:VCARD"
_END = "END:VCARD"


@dataclass(frozen=True)
class RawCard:
    """The text of one card and where it starts in its file (1-based line)."""

    source: str
    line: int
    text: str
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


def split_cards(text: str, source: str) -> list[RawCard]:
    """The cards of a file; a card without END:VCARD comes back with an error."""
    cards: list[RawCard] = []
    lines = _LINE_BREAK.split(text)
    start: int | None = None
    stray: int | None = None
    for number, line in enumerate(lines, start=1):
        word = line.strip().upper()
        if word == _BEGIN:
            if start is not None:
                cards.append(RawCard(source, start, "", "import.err.no_end"))
            if stray is not None:
                cards.append(RawCard(source, stray, "", "import.err.outside_card"))
                stray = None
            start = number
        elif word == _END and start is not None:
            cards.append(RawCard(source, start, "\n".join(lines[start - 1 : number]) + "\n"))
            start = None
        elif start is None and word and stray is None:
            stray = number
    if start is not None:
        cards.append(RawCard(source, start, "", "import.err.no_end"))
    if stray is not None:
        cards.append(RawCard(source, stray, "", "import.err.outside_card"))
    return cards


def _decode_qp(value: str, params: list[list[str]]) -> tuple[str, list[list[str]]]:
    """Undo ENCODING=QUOTED-PRINTABLE (vCard 2.1) using the CHARSET parameter."""
    charset = "utf-8"
    encoded = False
    kept: list[list[str]] = []
    for p in params:
        name = p[0].upper()
        values = [v.upper() for v in p[1:]] if len(p) > 1 else [name]
        if name in ("QUOTED-PRINTABLE", "ENCODING") and "QUOTED-PRINTABLE" in values:
            encoded = True
        elif name == "CHARSET" and len(p) > 1:
            charset = p[1]
        else:
            kept.append(p)
    if not encoded:
        # A CHARSET without encoding says nothing we did not know after decoding the file.
        return value, kept
    data = quopri.decodestring(value.encode("utf-8"))
    for candidate in (charset, "utf-8", "cp1252"):
        try:
            return data.decode(candidate), kept
        except (UnicodeDecodeError, LookupError):
            continue
    return data.decode("latin-1"), kept


def parse_properties(card: RawCard) -> list[Prop]:
    """The properties of one card, in order (BEGIN/END left out)."""
    if card.error:
        raise RecordError(card.error, line=card.line)
    props: list[Prop] = []
    try:
        for logical, number in getLogicalLines(io.StringIO(card.text)):
            line_no = card.line + max(number, 1) - 1
            name, params, value, group = parseLine(logical, line_no)
            name = name.upper()
            if name in ("BEGIN", "END"):
                continue
            value, params = _decode_qp(value, params)
            props.append(Prop(name, value, params, group, line_no))
    except ParseError as exc:
        line = getattr(exc, "lineNumber", None) or card.line
        detail = str(getattr(exc, "msg", exc)).strip()
        raise RecordError("import.err.bad_line", line=line, detail=detail) from exc
    return props


def read_vcard_file(path: Path, source: str | None = None) -> list[RawCard]:
    """The cards of a .vcf file (decoded, split, not yet parsed)."""
    text = decode_bytes(path.read_bytes())
    return split_cards(text, source or str(path))


def vcard_files(folder: Path) -> list[Path]:
    """The .vcf files of a vdir (khard/vdirsyncer keep one card per file), sorted."""
    return sorted(p for p in folder.rglob("*") if p.suffix.lower() in VCARD_SUFFIXES)


def looks_like_vcard(text: str) -> bool:
    """True when the text holds a vCard (for files without a telling name)."""
    return _BEGIN in text[:4096].upper()
