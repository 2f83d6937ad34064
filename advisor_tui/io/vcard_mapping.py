"""What a card's properties mean: names, birthday, addresses with kind, scope and label.

vobject hands out properties as written (TYPE="cell,voice" as one string,
parameter case as written, 2.1 bare types, Apple's `item1.` groups with
X-ABLabel), so this layer reads them the way the exporting programs meant
them. Properties we do not interpret are kept verbatim in `record.extra`
so an export can give them back. The full table is in docs/import-mapping.md.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any
from urllib.parse import unquote, urlparse

from advisor_tui.domain.dates import optional_birthday
from advisor_tui.io.contact_record import (
    AddressRecord,
    ContactRecord,
    RecordError,
    split_full_name,
    split_prefix,
)
from advisor_tui.io.vcard import Prop, RawCard, parse_properties

# The kind of a phone number whose card says neither cell nor voice nor fax: the
# import service decides by the number itself (mobile prefix -> mobile).
PHONE_BY_NUMBER = "phone"

_DROPPED = frozenset({"VERSION", "PRODID", "REV"})  # rewritten by every export
_MOBILE = frozenset({"cell", "mobile", "iphone", "cellular", "car"})
_LANDLINE = frozenset({"voice", "main", "pager", "isdn", "bbs", "modem", "msg", "textphone"})
_APPLE_LABEL = re.compile(r"^_\$!<(.+)>!\$_$")
# Apple's built-in labels are type information, not names the user gave.
_APPLE_TYPES = {
    "mobile": {"cell"},
    "iphone": {"cell"},
    "main": {"voice"},
    "homefax": {"home", "fax"},
    "workfax": {"work", "fax"},
    "otherfax": {"fax"},
    "pager": {"pager"},
    "home": {"home"},
    "work": {"work"},
    "other": set(),
}
_NON_LABEL_TYPES = frozenset({"home", "work", "pref", "internet", "x400", "other", "voice"})
_SCHEME = re.compile(r"^([a-z][a-z0-9+.\-]*):", re.IGNORECASE)
SCHEME_LABELS = {
    "whatsapp": "WhatsApp",
    "signal": "Signal",
    "threema": "Threema",
    "telegram": "Telegram",
    "skype": "Skype",
    "xmpp": "XMPP",
    "sip": "SIP",
    "msnim": "MSN",
    "aim": "AIM",
    "ymsgr": "Yahoo",
    "icq": "ICQ",
    "facetime": "FaceTime",
}
# Messenger and social properties older exports write instead of IMPP / X-SOCIALPROFILE.
_LEGACY_IM = {
    "X-SKYPE": "Skype",
    "X-SKYPE-USERNAME": "Skype",
    "X-JABBER": "XMPP",
    "X-ICQ": "ICQ",
    "X-AIM": "AIM",
    "X-MSN": "MSN",
    "X-YAHOO": "Yahoo",
    "X-GTALK": "Google Talk",
    "X-GOOGLE-TALK": "Google Talk",
    "X-WHATSAPP": "WhatsApp",
}
_LEGACY_SOCIAL = {"X-TWITTER": "Twitter"}
SOCIAL_HOSTS = {
    "linkedin.com": "LinkedIn",
    "xing.com": "Xing",
    "facebook.com": "Facebook",
    "twitter.com": "Twitter",
    "x.com": "X",
    "instagram.com": "Instagram",
    "mastodon.social": "Mastodon",
}
_ESCAPED = re.compile(r"\\(.)", re.DOTALL)
_DIGITS_ONLY = re.compile(r"^[\d ]+$")


def unescape(value: str) -> str:
    """Undo vCard text escaping: `\\n`, `\\,`, `\\;`, `\\\\`."""
    return _ESCAPED.sub(lambda m: "\n" if m.group(1) in "nN" else m.group(1), value)


def escape(text: str) -> str:
    """vCard text escaping of a value (or of one component of a structured value)."""
    return (
        text.replace("\\", "\\\\")
        .replace("\r\n", "\n")
        .replace("\n", "\\n")
        .replace(",", "\\,")
        .replace(";", "\\;")
    )


def split_escaped(value: str, sep: str) -> list[str]:
    """Split at `sep` where it is not escaped; the parts stay escaped."""
    parts: list[str] = []
    current: list[str] = []
    chars = iter(value)
    for char in chars:
        if char == "\\":
            current.append(char)
            current.append(next(chars, ""))
        elif char == sep:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    parts.append("".join(current))
    return parts


def _components(value: str, count: int) -> list[str]:
    parts = [unescape(p).strip() for p in split_escaped(value, ";")]
    return (parts + [""] * count)[:count]


def _pref(prop: Prop, types: frozenset[str] | set[str]) -> bool:
    """Preferred: 3.0 `type=pref`, 2.1 `;PREF`, 4.0 `PREF=1`."""
    return "pref" in types or bool(prop.param("PREF"))


def _scope(types: frozenset[str] | set[str]) -> str:
    """business for WORK, private for HOME, "" when the card does not say (the import decides)."""
    if "work" in types and "home" not in types:
        return "business"
    return "private" if "home" in types else ""


def _label_and_types(prop: Prop, labels: dict[str, str]) -> tuple[str, set[str]]:
    """The user's label of a grouped property and the types Apple hides in its labels."""
    types = set(prop.types)
    label = labels.get(prop.group.lower(), "") if prop.group else ""
    if match := _APPLE_LABEL.match(label):
        inner = match.group(1)
        if inner.lower() in _APPLE_TYPES:
            types |= _APPLE_TYPES[inner.lower()]
            label = ""
        else:
            label = inner
    return label, types


def _phone(prop: Prop, label: str, types: set[str]) -> AddressRecord:
    raw = unescape(prop.value).strip()
    if raw.lower().startswith("tel:"):
        raw = raw[4:]
    if "fax" in types:
        kind = "fax"
    elif types & _MOBILE:
        kind = "mobile"
    elif types & _LANDLINE:
        kind = "landline"
    else:
        kind = PHONE_BY_NUMBER
    return AddressRecord(kind, raw, _scope(types), label, _pref(prop, types))


def po_box_line(pobox: str) -> str:
    """A PO box as printed on a letter: a bare number gets its word ("Postfach 1234")."""
    pobox = pobox.strip()
    return f"Postfach {pobox}" if pobox and _DIGITS_ONLY.match(pobox) else pobox


def _postal(prop: Prop, label: str, types: set[str]) -> AddressRecord | None:
    pobox, ext, street, city, region, code, country = _components(prop.value, 7)
    box = po_box_line(pobox)
    street_line = ", ".join(p for p in (street, ext) if p) or box
    formatted = "\n".join(unescape(v) for v in prop.param("LABEL")).strip()
    # The PO box is a line of its own beside the street (letters go to the box).
    lines = [street_line, box if box != street_line else "", f"{code} {city}".strip(), region,
             country]  # fmt: skip
    raw = formatted or "\n".join(line for line in lines if line)
    if not raw:
        return None  # Outlook writes empty ADR;WORK:;;;;;; lines
    return AddressRecord(
        "postal", raw, _scope(types), label, _pref(prop, types), street_line, code, city, country
    )


def _messenger(prop: Prop, label: str, types: set[str]) -> AddressRecord:
    value = unescape(prop.value).strip()
    scheme = ""
    if match := _SCHEME.match(value):
        scheme = match.group(1).lower()
        value = unquote(value[match.end() :])
    service = prop.param("X-SERVICE-TYPE")
    label = label or (service[0] if service else SCHEME_LABELS.get(scheme, ""))
    return AddressRecord("messenger", value, _scope(types), label, _pref(prop, types))


def _social(prop: Prop, label: str, types: set[str]) -> AddressRecord:
    raw = unescape(prop.value).strip() or " ".join(prop.param("X-USER"))
    if not label:
        written = [t for p in prop.params if p[0].upper() == "TYPE" for t in p[1:]]
        label = next((t for t in written if t.lower() not in _NON_LABEL_TYPES), "")
    return AddressRecord("social", raw, _scope(types), label, _pref(prop, types))


def social_site(url: str) -> str | None:
    """The network's name when `url` points at a known social site."""
    host = (urlparse(url if "//" in url else f"//{url}").hostname or "").lower()
    for domain, name in SOCIAL_HOSTS.items():
        if host == domain or host.endswith(f".{domain}"):
            return name
    return None


def _keep(prop: Prop) -> dict[str, Any]:
    return {"group": prop.group, "name": prop.name, "params": prop.params, "value": prop.value}


def props_to_record(props: list[Prop], source: str, line: int) -> ContactRecord:
    """Interpret the properties of one card; RecordError when it has neither name nor address."""
    record = ContactRecord(source, line)
    labels = {
        p.group.lower(): unescape(p.value) for p in props if p.name == "X-ABLABEL" and p.group
    }
    labelled: set[str] = set()
    full_name = ""
    has_n = is_org = False
    notes: list[str] = []
    tags: list[str] = []
    for prop in props:
        name = prop.name
        if name in _DROPPED or (name == "X-ABLABEL" and prop.group):
            continue
        label, types = _label_and_types(prop, labels)
        address: AddressRecord | None = None
        if name == "TEL":
            address = _phone(prop, label, types)
        elif name == "EMAIL":
            raw = unescape(prop.value).strip()
            raw = raw[7:] if raw.lower().startswith("mailto:") else raw
            address = AddressRecord("email", raw, _scope(types), label, _pref(prop, types))
        elif name == "ADR":
            address = _postal(prop, label, types)
            if address is None:
                continue
        elif name == "IMPP":
            address = _messenger(prop, label, types)
        elif name in _LEGACY_IM:
            address = _messenger(prop, label or _LEGACY_IM[name], types)
        elif name == "X-SOCIALPROFILE":
            address = _social(prop, label, types)
        elif name in _LEGACY_SOCIAL:
            address = _social(prop, label or _LEGACY_SOCIAL[name], types)
        elif name == "URL" and (site := social_site(unescape(prop.value).strip())):
            address = _social(prop, label or site, types)
        elif name == "N":
            last, given, more, prefix, suffix = _components(prop.value, 5)
            record.last_name = last
            record.first_name = " ".join(w for w in (given, more.replace(",", " ")) if w)
            record.salutation, record.title = split_prefix(prefix)
            has_n = bool(last or given or more)
            if suffix:
                record.extra.append(
                    {"group": None, "name": "X-N-SUFFIX", "params": [], "value": suffix}
                )
        elif name == "FN":
            full_name = unescape(prop.value).strip()
        elif name == "ORG":
            record.company = ", ".join(p for p in _components(prop.value, 10) if p)
        elif name == "NOTE":
            notes.append(unescape(prop.value).strip())
        elif name == "CATEGORIES":
            tags.extend(unescape(t).strip() for t in split_escaped(prop.value, ","))
        elif name == "KIND" and prop.value.strip().lower() in ("org", "individual"):
            is_org = prop.value.strip().lower() == "org"
        elif name == "X-ADVISOR-KIND":  # our own export: customer, prospect, former
            record.kind = unescape(prop.value).strip()
        elif name == "BDAY" and _birthday(record, prop):
            pass
        else:
            record.extra.append(_keep(prop))
        if address is not None:
            record.addresses.append(address)
            if prop.group:
                labelled.add(prop.group.lower())
    # Labels of groups whose property we kept raw stay with it.
    record.extra.extend(
        _keep(p)
        for p in props
        if p.name == "X-ABLABEL" and p.group and p.group.lower() not in labelled
    )
    if not has_n and full_name and not is_org and full_name != record.company:
        record.first_name, record.last_name = split_full_name(full_name)
    if not record.has_name and full_name:
        record.company = full_name
    record.notes = "\n".join(n for n in notes if n).replace("\r\n", "\n").replace("\r", "\n")
    record.tags = ", ".join(t for t in tags if t)
    if not record.has_name and not record.addresses:
        raise RecordError("import.err.no_name", line=line)
    # A card with addresses but no name (Android e-mail-only contacts, SOGo) is kept;
    # the import names it after an address and marks it for review.
    return record


def _birthday(record: ContactRecord, prop: Prop) -> bool:
    """Set the birthday; False (keep the property raw) when it has no year or is no date."""
    omit = prop.param("X-APPLE-OMIT-YEAR")
    try:
        omit_year = int(omit[0]) if omit else None
        record.birthday = optional_birthday(unescape(prop.value), date.today(), omit_year=omit_year)
    except ValueError:  # no date, or no year (domain.dates.NoYear): kept as written
        return False
    return True


def parse_card(card: RawCard) -> ContactRecord:
    """One card as a record; raises RecordError (with the line) when it is broken."""
    try:
        props, skipped = parse_properties(card)
        record = props_to_record(props, card.source, card.line)
        record.skipped = skipped
        return record
    except RecordError as exc:
        if exc.line is None:
            exc.line = card.line
        raise
