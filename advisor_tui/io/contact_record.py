"""What every contact reader produces: one neutral record per card or row.

vCard and CSV readers map their format to `ContactRecord`; the import service
stores records without knowing where they came from. The small helpers here
(decoding files, name prefixes; birthdays: `domain.dates`) are shared by both readers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any


@dataclass(frozen=True)
class Skipped:
    """A line left out of a record that was read: where, and why (i18n key + parameters)."""

    line: int
    key: str
    params: dict[str, object] = field(default_factory=dict)


@dataclass
class AddressRecord:
    """One address as read: kind and scope are `domain.vocabulary` values."""

    kind: str
    raw: str
    scope: str = ""  # "private", "business", or "" when the source does not say
    label: str = ""
    is_preferred: bool = False
    street: str = ""
    postcode: str = ""
    city: str = ""
    country: str = ""


@dataclass
class ContactRecord:
    """A person as read from one card or row, with where it came from."""

    source: str
    line: int
    first_name: str = ""
    last_name: str = ""
    salutation: str = ""
    title: str = ""
    company: str = ""
    birthday: date | None = None
    notes: str = ""
    tags: str = ""
    kind: str = ""  # PersonKind value, "" for the import's default
    addresses: list[AddressRecord] = field(default_factory=list)
    # Properties we do not interpret, kept for export: {"group", "name", "params", "value"}.
    extra: list[dict[str, Any]] = field(default_factory=list)
    # Lines of the card left out because they could not be read (reported, card kept).
    skipped: list[Skipped] = field(default_factory=list)
    # No name in the source: the import derives one from an address and marks it for review.
    name_from_address: bool = False

    @property
    def has_name(self) -> bool:
        return bool(self.first_name or self.last_name or self.company)


class RecordError(Exception):
    """A card or row that cannot be read; `key` is an i18n key, `params` fill it in."""

    def __init__(self, key: str, line: int | None = None, **params: object) -> None:
        self.key = key
        self.line = line
        self.params = params
        super().__init__(key)


def utf16_encoding(data: bytes) -> str | None:
    """ "utf-16-le"/"utf-16-be" when `data` is UTF-16: a BOM, or a NUL in most byte pairs."""
    if data.startswith(b"\xff\xfe"):
        return "utf-16-le"
    if data.startswith(b"\xfe\xff"):
        return "utf-16-be"
    head = data[:4096]
    pairs = len(head) // 2
    if pairs < 4:
        return None
    # Latin-script text as UTF-16 has a NUL in nearly every pair; UTF-8 and cp1252 have none.
    if head[1::2].count(0) > pairs * 0.6:
        return "utf-16-le"
    if head[0::2].count(0) > pairs * 0.6:
        return "utf-16-be"
    return None


def decode_bytes(data: bytes) -> str:
    """Text of a file: UTF-16 (BOM or not), UTF-8 (BOM or not), else Windows-1252."""
    encoding = utf16_encoding(data)
    if encoding:
        return data.decode(encoding, errors="replace").lstrip("\ufeff")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        # cp1252 leaves five bytes undefined; Latin-1 maps every byte.
        return data.decode("latin-1")


_SALUTATIONS = frozenset({"herr", "frau", "mr", "mrs", "ms", "miss", "hr", "fr"})


def split_prefix(prefix: str) -> tuple[str, str]:
    """(salutation, title) of a name prefix such as `Herr Dr.` or `Prof. Dr.`."""
    salutation: list[str] = []
    title: list[str] = []
    for word in prefix.split():
        if word.rstrip(".").casefold() in _SALUTATIONS and not title:
            salutation.append(word)
        else:
            title.append(word)
    return " ".join(salutation), " ".join(title)


def split_full_name(name: str) -> tuple[str, str]:
    """(first, last) of a display name: `Müller, Anna` or `Anna Maria Müller`."""
    text = " ".join(name.split())
    if "," in text:
        last, _, first = text.partition(",")
        return first.strip(), last.strip()
    first, _, last = text.rpartition(" ")
    return first, last


def extra_to_json(props: list[dict[str, Any]]) -> str:
    """Person.extra text for kept properties ("" when there are none)."""
    import json

    return json.dumps({"vcard": props}, ensure_ascii=False) if props else ""


def extra_from_json(text: str) -> list[dict[str, Any]]:
    """The kept properties of Person.extra (tolerates empty or foreign content)."""
    import json

    if not text:
        return []
    try:
        data = json.loads(text)
    except ValueError:
        return []
    props = data.get("vcard") if isinstance(data, dict) else None
    return (
        [p for p in props if isinstance(p, dict) and "name" in p] if isinstance(props, list) else []
    )
