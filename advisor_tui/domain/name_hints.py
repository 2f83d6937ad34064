"""Who signed a message: sender names read from its text and display name.

DESIGN.md "Matching an incoming sender", step 4: when no address matches,
the names in a message ("Gruß Guido", "LG Guido", "Viele Grüße, Anna Meier",
"VG Tom", "Guido hier") and the e-mail display name suggest who sent it. A
greeting to the advisor ("Hallo Herr Balschuweit") names the addressee, not
the sender, and is never taken. Pure functions: the inbox service looks the
names up among the customers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# A name word: capitalised, letters (umlauts, accents), inner hyphens or apostrophes.
_WORD = r"[A-ZÄÖÜÀ-Þ][a-zäöüßà-ÿ]+(?:[-'][A-ZÄÖÜÀ-Þa-zäöüßà-ÿ][a-zäöüßà-ÿ]+)*"
_NAME = rf"(?P<name>{_WORD}(?:[ \t]+(?:von|van|de|zu|vom|von der)?[ \t]*{_WORD}){{0,2}})"
# Closing formulas a signature starts with, longest first.
_CLOSINGS = (
    r"mit freundlichen gr(?:ü|ue|u)(?:ß|ss)en",
    r"freundliche gr(?:ü|ue|u)(?:ß|ss)e",
    r"(?:viele|liebe|beste|herzliche|schöne|sonnige|freundliche|gute|lieben|besten)"
    r" gr(?:ü|ue|u)(?:ß|ss)e?",
    r"gr(?:ü|ue|u)(?:ß|ss)e?(?: und danke| aus \w+)?",
    r"danke(?: und| &)? gr(?:ü|ue|u)(?:ß|ss)e?",
    r"vielen dank",
    r"danke(?: schön| dir| ihnen)?",
    r"mfg",
    r"lg",
    r"vg",
    r"bg",
    r"hg",
    r"ciao",
    r"tschüss",
    r"servus",
    r"bis bald",
    r"bis dann",
    r"cheers",
    r"best regards",
    r"kind regards",
    r"regards",
    r"best",
)
_CLOSING = "|".join(_CLOSINGS)
# "Gruß Guido", "LG, Guido Meier", "Viele Grüße\nAnna Meier", "Gruß, Ihr Guido".
_SIGNED = re.compile(
    rf"(?:^|[\s.,!;:)])(?:{_CLOSING})[ \t]*[,.!:;-]*[ \t]*(?:\r?\n[ \t]*)*"
    rf"(?:(?:ihr|ihre|dein|deine|euer|eure)[ \t]+)?(?-i:{_NAME})",
    re.IGNORECASE,
)
# "Guido hier", "hier ist Guido", "hier spricht Anna Meier", "ich bin's, Tom", "mein Name ist ...".
_SELF = (
    re.compile(rf"(?:^|[\s.,!;:])(?P<name>{_WORD}(?:[ \t]+{_WORD})?)[ \t]+hier\b"),
    re.compile(
        rf"\b(?:[Hh]ier (?:ist|spricht)|[Ii]ch bin(?:'s| es)?,?|[Mm]ein [Nn]ame ist)[ \t]+{_NAME}"
    ),
)
# Words a name pattern can pick up that are no names.
_NOT_NAMES = frozenset(
    """
    herr herrn frau dr prof ihr ihre ihnen sie du dich dir euch euer eure dein deine wir
    ich und oder aus von vom der die das den dem ein eine team familie bitte danke gruß
    grüße gruss grüsse hallo hi hey liebe lieber moin guten tag morgen abend sehr geehrte
    geehrter mfg lg vg bg hg ciao servus cheers best regards kind herzliche viele beste
    schöne freundliche mit nochmal noch schönes wochenende schönen gesendet von meinem
    iphone android sent from my mobile handy telefon tel fax mobil email mail e-mail
    montag dienstag mittwoch donnerstag freitag samstag sonntag heute morgen gestern
    ja nein ok okay super gerne gern alles gute bis bald dann tschüss
    """.split()  # noqa: SIM905
)
_TITLE_BEFORE = re.compile(r"\b(?:herr|herrn|frau|dr\.?|prof\.?)[ \t]*$", re.IGNORECASE)
_TITLED = re.compile(r"(?:herr|herrn|frau)\b", re.IGNORECASE)
# A greeting to the advisor: the name after it is the addressee's.
_GREETING = re.compile(
    r"\b(?:hallo|hi|hey|moin|servus|guten (?:tag|morgen|abend)|liebe[r]?|sehr geehrte[r]?|"
    r"dear|danke(?: schön)?|vielen dank)\b[ \t,!]*(?:herr|frau|herrn)?[ \t]*"
    r"(?:dr\.?|prof\.?)?[ \t]*" + _WORD,
    re.IGNORECASE,
)


@dataclass(frozen=True)
class NameHint:
    """A name the sender may have: first and last name (either may be empty), and where from."""

    first: str
    last: str
    source: str  # "display" (e-mail display or contact name), "signature", "self"
    text: str  # the words it was read from, for the reason shown to the advisor

    @property
    def full(self) -> str:
        """ "Anna Meier"; a household hint is its last name alone."""
        return " ".join(p for p in (self.first, self.last) if p)


def _split(name: str) -> tuple[str, str] | None:
    """(first, last) of a signed name; ("", last) for a household ("Familie Müller")."""
    raw = name.split()
    if len(raw) == 2 and raw[0].casefold() == "familie" and raw[1].casefold() not in _NOT_NAMES:
        return "", raw[1]
    words = [w for w in raw if w.casefold() not in _NOT_NAMES]
    # Particles ("von", "de") belong to the last name.
    while words and words[0].islower():
        words.pop(0)
    if not words or len(words) > 3:
        return None
    first = words[0]
    if first.casefold() in _NOT_NAMES or len(first) < 2:
        return None
    return first, " ".join(words[1:])


def _greeting_spans(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _GREETING.finditer(text)]


def _inside(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(start <= span[0] < end for start, end in spans)


def display_name_hint(display_name: str) -> NameHint | None:
    """The hint an e-mail display name or a phone's contact name gives ("Anna Meier")."""
    text = display_name.strip().strip("\"'").strip()
    if not text or "@" in text or any(ch.isdigit() for ch in text):
        return None
    if "," in text:  # "Meier, Anna"
        last, _, first = text.partition(",")
        text = f"{first.strip()} {last.strip()}"
    words = text.split()
    if not 1 <= len(words) <= 4 or not all(re.fullmatch(_WORD, w) or w.islower() for w in words):
        return None
    parts = _split(text)
    if parts is None:
        return None
    return NameHint(parts[0], parts[1], "display", display_name.strip())


def _overlapping(pattern: re.Pattern[str], text: str) -> list[re.Match[str]]:
    """Every match, also those starting inside an earlier one ("Danke! LG, Guido")."""
    found = []
    pos = 0
    while (m := pattern.search(text, pos)) is not None:
        found.append(m)
        pos = m.start() + 1
    return found


def _signature_hints(text: str) -> list[NameHint]:
    greetings = _greeting_spans(text)
    found: list[tuple[int, NameHint]] = []
    for pattern, source in [(_SIGNED, "signature"), *((p, "self") for p in _SELF)]:
        for m in _overlapping(pattern, text):
            span = m.span("name")
            # "Hallo, Guido hier" is the sender introducing himself, not a greeting;
            # "Hallo Frau Meier hier ist Tom" greets Meier.
            titled = _TITLE_BEFORE.search(text[: span[0]]) or _TITLED.match(m.group("name"))
            if _inside(span, greetings) and (pattern is not _SELF[0] or titled):
                continue
            # The name ends its line or its clause: "Gruß Guido" but not "Gruß an alle".
            name = m.group("name")
            parts = _split(name)
            if parts is None:
                continue
            found.append((span[0], NameHint(parts[0], parts[1], source, m.group(0).strip())))
    # The last signature in a message is the sender's (a quoted reply's come earlier).
    found.sort(key=lambda item: -item[0])
    return [hint for _, hint in found]


def sender_name_hints(text: str, display_name: str = "") -> list[NameHint]:
    """Names the sender may have, the most telling first, each name once.

    The display name comes first, then the signature ("Gruß Guido") and self
    introductions ("Guido hier"), the last one in the text first.
    """
    hints: list[NameHint] = []
    display = display_name_hint(display_name)
    if display is not None:
        hints.append(display)
    hints.extend(_signature_hints(text))
    unique: dict[str, NameHint] = {}
    for hint in hints:
        key = hint.full.casefold()
        if key not in unique:
            unique[key] = hint
    return list(unique.values())
