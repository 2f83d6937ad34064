"""Writing vCard 4.0: one person with their addresses, readable by khard, Apple, Google.

Written so that our own import gives back the same person: kinds and scopes
as TYPE, labels as Apple-style `itemN.` groups with X-ABLabel, the raw text of
every address as written (TEL as text, not a `tel:` URI), postal raw text in
LABEL, and the properties kept from an earlier import verbatim.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from advisor_tui.domain.models import Address, Person
from advisor_tui.io.contact_record import extra_from_json
from advisor_tui.io.vcard import bare_param
from advisor_tui.io.vcard_mapping import SCHEME_LABELS, escape

CRLF = "\r\n"
_TEL_TYPES = {"mobile": "cell", "landline": "voice", "fax": "fax"}
_SCOPE_TYPES = {"private": "home", "business": "work"}
_GENERATED = frozenset(
    {"VERSION", "FN", "N", "ORG", "NOTE", "CATEGORIES", "KIND", "X-ADVISOR-KIND"}
)
_LABEL_SCHEMES = {label.lower(): scheme for scheme, label in SCHEME_LABELS.items()}


def _param_value(value: str) -> str:
    value = value.replace('"', "'").replace("\r\n", "\n").replace("\n", "\\n")
    return f'"{value}"' if any(c in value for c in ":;,") else value


def format_params(params: Sequence[Sequence[str]]) -> str:
    """`;NAME=v1,v2` for each parameter; bare 2.1 parameters get their names."""
    out = []
    for param in params:
        if len(param) == 1:  # stored by older versions: BASE64 -> ENCODING=b, WORK -> TYPE=WORK
            named = bare_param(param[0])
            if named is not None:
                out.append(f";{named[0]}={_param_value(named[1])}")
        elif len(param) > 1:
            out.append(f";{param[0]}=" + ",".join(_param_value(v) for v in param[1:]))
    return "".join(out)


def fold(line: str) -> str:
    """Fold a content line at 75 octets without splitting a UTF-8 character."""
    if len(line.encode("utf-8")) <= 75:
        return line
    parts: list[str] = []
    current: list[str] = []
    size = 0
    limit = 75
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            parts.append("".join(current))
            current, size, limit = [], 0, 74  # continuation lines start with a space
        current.append(char)
        size += width
    parts.append("".join(current))
    return (CRLF + " ").join(parts)


def _line(name: str, value: str, params: Sequence[Sequence[str]] = (), group: str = "") -> str:
    prefix = f"{group}." if group else ""
    return fold(f"{prefix}{name}{format_params(params)}:{value}")


def _types(address: Address) -> list[str]:
    kind_type = _TEL_TYPES.get(address.kind)
    scope_type = _SCOPE_TYPES.get(address.scope, "home")
    return [t for t in (kind_type, scope_type) if t]


def _scheme(label: str) -> str:
    slug = "".join(c for c in label.lower() if c.isalnum())
    return _LABEL_SCHEMES.get(label.lower()) or (slug if slug[:1].isalpha() else "im")


def _address_line(address: Address, group: str) -> str:
    params: list[list[str]] = [["TYPE", *_types(address)]]
    if address.is_preferred:
        params.append(["PREF", "1"])
    kind = address.kind
    if kind in _TEL_TYPES:
        return _line("TEL", escape(address.raw), params, group)
    if kind == "email":
        return _line("EMAIL", escape(address.raw), params, group)
    if kind == "postal":
        # A backslash is an escape in the parameter: written doubled, read back single.
        params.append(["LABEL", address.raw.replace("\\", "\\\\")])
        parts = ("", "", address.street, address.city, "", address.postcode, address.country)
        return _line("ADR", ";".join(escape(p) for p in parts), params, group)
    if kind == "messenger":
        if address.label:
            params.insert(0, ["X-SERVICE-TYPE", address.label])
        return _line("IMPP", f"{_scheme(address.label)}:{escape(address.raw)}", params, group)
    return _line("X-SOCIALPROFILE", escape(address.raw), params, group)


def _group_names(used: set[str]) -> Any:
    number = 0
    while True:
        number += 1
        name = f"item{number}"
        if name not in used:
            yield name


def person_to_vcard(person: Person, addresses: Sequence[Address], *, uid: str | None = None) -> str:
    """The person as one vCard 4.0 (CRLF line ends, folded at 75 octets).

    `uid` adds a UID (khard and vdirsyncer name cards by it) unless the person
    kept one from an imported card.
    """
    extra = extra_from_json(person.extra)
    suffix = next((p["value"] for p in extra if p["name"] == "X-N-SUFFIX"), "")
    prefix = " ".join(p for p in (person.salutation, person.title) if p)
    has_name = bool(person.first_name or person.last_name)
    full_name = " ".join(p for p in (prefix, person.first_name, person.last_name) if p)
    lines = ["BEGIN:VCARD", "VERSION:4.0"]
    if uid and not any(str(p["name"]).upper() == "UID" for p in extra):
        lines.append(_line("UID", escape(uid)))
    if not has_name and person.company:
        lines.append("KIND:org")
    lines.append(_line("FN", escape(full_name if has_name else person.company)))
    name_parts = (person.last_name, person.first_name, "", prefix, suffix)
    lines.append(_line("N", ";".join(escape(p) for p in name_parts)))
    if person.company:
        lines.append(_line("ORG", escape(person.company)))
    if person.birthday:
        lines.append(f"BDAY:{person.birthday:%Y%m%d}")
    if person.notes:
        lines.append(_line("NOTE", escape(person.notes)))
    if person.kind and person.kind != "customer":
        lines.append(_line("X-ADVISOR-KIND", escape(person.kind)))
    tags = [t.strip() for t in person.tags.split(",") if t.strip()]
    if tags:
        lines.append(_line("CATEGORIES", ",".join(escape(t) for t in tags)))
    groups = _group_names({str(p.get("group") or "").lower() for p in extra})
    for address in addresses:
        group = next(groups) if address.label else ""
        lines.append(_address_line(address, group))
        if group:
            lines.append(_line("X-ABLabel", escape(address.label), group=group))
    for prop in extra:
        name = str(prop["name"]).upper()
        if name in _GENERATED or name == "X-N-SUFFIX" or (name == "BDAY" and person.birthday):
            continue
        # Values kept by older versions may hold raw line breaks (decoded quoted-printable).
        value = str(prop.get("value", "")).replace("\r\n", "\n").replace("\r", "\n")
        lines.append(
            _line(
                name, value.replace("\n", "\\n"), prop.get("params") or (), prop.get("group") or ""
            )
        )
    lines.append("END:VCARD")
    return CRLF.join(lines) + CRLF
