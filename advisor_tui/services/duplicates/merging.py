"""Merging two persons into one: the kept person gets everything of the other.

Serves `advisor duplicates` and the TUI's merge screen: the screen shows both
persons side by side, the user picks per field which side wins
(`field_choices`), and `merge_persons` does the rest in one transaction:
addresses move over (one that both have becomes one, its evidence combined),
and so does every record that points at the other person (interactions,
follow-ups, requests, consents and any table added later), then the other
person is deleted and an audit entry names both ids.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import update
from sqlalchemy.orm.exc import StaleDataError
from sqlmodel import Session, SQLModel, col

from advisor_tui.domain.models import Address, Interaction, Person
from advisor_tui.domain.timestamps import utcnow
from advisor_tui.io.contact_record import extra_from_json, extra_to_json
from advisor_tui.services import audit
from advisor_tui.services.duplicates.pairs import address_key
from advisor_tui.services.errors import ServiceError
from advisor_tui.services.persons.editing import PERSON_FIELDS, addresses_of, get_person

SIDES = ("keep", "other")


def merged_value(name: str, mine: Any, theirs: Any) -> Any:
    """Without a choice: keep what the kept person has, fill what it lacks, lose nothing."""
    if name == "notes" and mine and theirs and theirs not in mine:
        return f"{mine}\n\n{theirs}"
    if name == "tags":
        tags = [t.strip() for t in f"{mine},{theirs}".split(",") if t.strip()]
        return ", ".join(dict.fromkeys(tags))
    return mine if mine not in ("", None) else theirs


def _later(a: datetime | None, b: datetime | None) -> datetime | None:
    return max((d for d in (a, b) if d is not None), default=None)


def _combine(kept: Address, dropped: Address) -> None:
    """One address held by both persons: the kept one takes the other's evidence."""
    kept.confirmed_at = _later(kept.confirmed_at, dropped.confirmed_at)
    kept.last_success_at = _later(kept.last_success_at, dropped.last_success_at)
    if dropped.failed_at and (kept.failed_at is None or dropped.failed_at > kept.failed_at):
        kept.failed_at, kept.failure_kind = dropped.failed_at, dropped.failure_kind
    kept.serviceable = kept.serviceable or dropped.serviceable
    kept.serviceable_at = _later(kept.serviceable_at, dropped.serviceable_at)
    kept.is_preferred = kept.is_preferred or dropped.is_preferred
    kept.label = kept.label or dropped.label
    kept.updated_at = utcnow()


def _check_choices(field_choices: Mapping[str, str]) -> None:
    unknown = set(field_choices) - set(PERSON_FIELDS)
    if unknown:
        raise ServiceError("unknown_field", field=", ".join(sorted(unknown)))
    for name, side in field_choices.items():
        if side not in SIDES:
            raise ServiceError("merge.bad_choice", field=name)


def _move_addresses(session: Session, keep: Person, other: Person) -> tuple[int, int]:
    """(moved, combined) addresses of `other` now belonging to `keep`."""
    assert keep.id is not None
    held = {address_key(a.kind, a.normalized, a.raw): a for a in addresses_of(session, keep.id)}
    moved = combined = 0
    for address in addresses_of(session, other.id or 0):
        key = address_key(address.kind, address.normalized, address.raw)
        twin = held.get(key)
        if twin is None:
            address.person_id = keep.id
            address.updated_at = utcnow()
            session.add(address)
            held[key] = address
            moved += 1
            continue
        _combine(twin, address)
        session.add(twin)
        session.flush()
        session.execute(
            update(Interaction)
            .where(col(Interaction.address_id) == address.id)
            .values(address_id=twin.id)
        )
        session.delete(address)
        combined += 1
    session.flush()
    return moved, combined


def _move_references(session: Session, keep_id: int, other_id: int) -> None:
    """Point every other record that names the other person at the kept one."""
    for table in SQLModel.metadata.sorted_tables:
        if table.name in ("person", "address"):
            continue
        for fk in table.foreign_keys:
            if fk.column.table.name == "person":
                session.execute(
                    update(table).where(fk.parent == other_id).values({fk.parent.name: keep_id})
                )


def merge_persons(
    session: Session,
    keep_id: int,
    other_id: int,
    field_choices: Mapping[str, str] | None = None,
    *,
    expected_versions: tuple[int, int] | None = None,
) -> Person:
    """Merge person `other_id` into `keep_id` and delete it; returns the kept person.

    `field_choices` maps person fields to "keep" or "other"; fields not named
    keep the kept person's value, or take the other's where it is empty (flags
    are or-ed, notes and tags joined). `expected_versions` (keep, other) guards
    against a merge screen showing stale data. Flushes; the caller commits.
    """
    if keep_id == other_id:
        raise ServiceError("merge.same_person")
    choices = dict(field_choices or {})
    _check_choices(choices)
    keep = get_person(session, keep_id)
    other = get_person(session, other_id)
    if expected_versions is not None and (keep.version, other.version) != expected_versions:
        raise ServiceError("merge.changed")
    try:
        return _merge(session, keep, other, choices)
    except StaleDataError as exc:
        # Someone else wrote one of the persons or addresses since they were loaded.
        session.rollback()
        raise ServiceError("merge.changed") from exc


def _merge(session: Session, keep: Person, other: Person, choices: dict[str, str]) -> Person:
    keep_id, other_id = keep.id or 0, other.id or 0
    # Rows move first, so the kept person is written once (one version step).
    moved, combined = _move_addresses(session, keep, other)
    _move_references(session, keep_id, other_id)
    session.flush()
    changed = []
    for name in PERSON_FIELDS:
        mine, theirs = getattr(keep, name), getattr(other, name)
        side = choices.get(name)
        if side == "keep":
            value = mine
        elif side == "other":
            value = theirs
        else:
            value = merged_value(name, mine, theirs)
        if value != mine:
            setattr(keep, name, value)
            changed.append(name)
    kept_extra = extra_from_json(keep.extra)
    seen = {json.dumps(p, sort_keys=True) for p in kept_extra}
    more = [p for p in extra_from_json(other.extra) if json.dumps(p, sort_keys=True) not in seen]
    if more:
        keep.extra = extra_to_json(kept_extra + more)
        changed.append("extra")
    session.delete(other)
    keep.updated_at = utcnow()  # `version` moves on in the UPDATE itself
    session.add(keep)
    session.flush()
    details = {"merged_id": other_id, "fields": changed, "choices": choices,
               "addresses_moved": moved, "addresses_combined": combined}  # fmt: skip
    audit.record(session, "person.merge", "person", keep_id, details)
    session.flush()
    return keep
