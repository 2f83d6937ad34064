"""Texts about an erased person in other rows: found and blanked.

An erasure deletes the person's own rows; but other rows may still name
them: a household member's note ("Ehefrau von Guido Meier"), a request
from their address that was only suggested for them, an audit entry of an
edit to someone else's note. `identity_needles` lists what identifies the
person (full name in its usual orders, e-mail addresses, phone numbers in
the notations people type), and `scrub_other_rows` replaces every
occurrence in every text column of every table by `MARK`, generically
(tables added later are covered without change here).

Rows that still belong to the person (records kept under a retention duty,
the restricted shell) are left as they are: the law keeps them unchanged.
Writes go through the ORM, so version counters and the search index follow.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import Any

from sqlalchemy import String, Table, or_
from sqlalchemy.orm import Mapper
from sqlmodel import Session, SQLModel, select

from advisor_tui.domain.folding import fold
from advisor_tui.domain.models import Address, Person

MARK = "[…]"
_NON_DIGITS = re.compile(r"\D")
# Tables without personal text, or whose text is vocabulary only.
_SKIPPED_TABLES = frozenset({"alembic_version", "erasure"})
_PHONE_KINDS = frozenset({"mobile", "landline", "fax"})


def _name_phrases(person: Person) -> list[str]:
    first, last = person.first_name.strip(), person.last_name.strip()
    if not (first and last):
        return []  # one word alone ("Meier") names half the town
    phrases = [f"{first} {last}", f"{last}, {first}", f"{last} {first}"]
    if person.title:
        phrases.append(f"{person.title} {first} {last}")
    return phrases


def _phone_forms(address: Address) -> list[str]:
    forms = [address.raw.strip()]
    if address.normalized and address.normalized.startswith("+"):
        forms.append(address.normalized)
    if address.rev_digits:
        forms.append("0" + address.rev_digits[::-1])
    digits = _NON_DIGITS.sub("", address.raw)
    if len(digits) >= 6:
        forms.append(digits)
    return forms


def identity_needles(person: Person, addresses: Iterable[Address]) -> list[str]:
    """The strings that identify `person` in free text, longest first (no duplicates)."""
    needles = _name_phrases(person)
    for address in addresses:
        if address.kind in _PHONE_KINDS:
            needles.extend(_phone_forms(address))
        elif address.kind != "postal":
            needles.append(address.raw.strip())
            if address.normalized:
                needles.append(address.normalized)
    variants: list[str] = []
    for needle in needles:
        if len(needle) < 5:
            continue  # too short to be anyone's
        variants.append(needle)
        variants.append(fold(needle))  # the search index's form
        escaped = json.dumps(needle)[1:-1]  # as it stands in JSON written with ensure_ascii
        variants.append(escaped)
    unique = dict.fromkeys(v for v in variants if len(v) >= 5)
    return sorted(unique, key=len, reverse=True)


def _pattern(needles: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(re.escape(n) for n in needles), re.IGNORECASE)


def _like(needle: str) -> str:
    return "%" + needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _mappers() -> dict[str, Mapper[Any]]:
    found: dict[str, Mapper[Any]] = {}
    for mapper in SQLModel._sa_registry.mappers:  # type: ignore[attr-defined]
        table = mapper.local_table
        if isinstance(table, Table):
            found[table.name] = mapper
    return found


def _owned(table: Table, row: Any, person_id: int) -> bool:
    """Rows left as they are: the person's own (the shell, records kept under retention),
    and anyone's record of advice or order under a retention duty (sealed, kept unchanged)."""
    if getattr(row, "is_advice_record", False) or getattr(row, "retain_until", None) is not None:
        return True
    if table.name == "person":
        return bool(row.id == person_id)
    return "person_id" in table.c and getattr(row, "person_id", None) == person_id


def scrub_other_rows(session: Session, person_id: int, needles: list[str]) -> int:
    """Replace the needles in every text column of every row not the person's; returns rows."""
    if not needles:
        return 0
    pattern = _pattern(needles)
    changed = 0
    for name, mapper in sorted(_mappers().items()):
        table = mapper.local_table
        assert isinstance(table, Table)
        if name in _SKIPPED_TABLES:
            continue
        columns = [c for c in table.c if isinstance(c.type, String) and not c.primary_key]
        if not columns:
            continue
        hit = or_(*(c.like(_like(n), escape="\\") for c in columns for n in needles))
        for obj in session.exec(select(mapper.class_).where(hit)).all():  # type: ignore[call-overload]
            if _owned(table, obj, person_id):
                continue
            touched = False
            for column in columns:
                key = mapper.get_property_by_column(column).key
                value = getattr(obj, key)
                if isinstance(value, str) and pattern.search(value):
                    setattr(obj, key, pattern.sub(MARK, value))
                    touched = True
            changed += touched
    session.flush()
    return changed
