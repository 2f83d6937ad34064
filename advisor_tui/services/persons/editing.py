"""Use cases on persons and their addresses: add, update, find.

Each writing function adds its audit entry and flushes; the caller commits
(so several steps can form one transaction).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, fields
from datetime import date
from typing import Any

from sqlmodel import Session, col, select

from advisor_tui.domain.models import Address, Person
from advisor_tui.domain.normalize import normalize_address
from advisor_tui.domain.phones import DEFAULT_REGION
from advisor_tui.domain.timestamps import utcnow
from advisor_tui.domain.vocabulary import AddressKind, PersonKind, Scope
from advisor_tui.services import audit
from advisor_tui.services.consent.ledger import reapply_objections
from advisor_tui.services.errors import NotFound, ServiceError
from advisor_tui.services.stale import check_version, refusing_stale

PERSON_FIELDS = (
    "kind",
    "salutation",
    "title",
    "first_name",
    "last_name",
    "company",
    "birthday",
    "notes",
    "tags",
)
ADDRESS_FIELDS = (
    "kind",
    "scope",
    "label",
    "raw",
    "is_direct_dial",
    "street",
    "postcode",
    "city",
    "country",
    "is_preferred",
)


@dataclass
class PersonData:
    """What a user or an import gives for a person."""

    first_name: str = ""
    last_name: str = ""
    kind: str = PersonKind.CUSTOMER
    salutation: str = ""
    title: str = ""
    company: str = ""
    birthday: date | None = None
    notes: str = ""
    tags: str = ""


def _check_person(values: dict[str, Any]) -> None:
    if "kind" in values:
        try:
            PersonKind(values["kind"])
        except ValueError as exc:
            raise ServiceError("invalid_person_kind", kind=values["kind"]) from exc


def add_person(session: Session, data: PersonData, *, extra: str = "") -> Person:
    """Create a person; a name or a company is required."""
    values = {f.name: getattr(data, f.name) for f in fields(data)}
    values = {k: (v.strip() if isinstance(v, str) else v) for k, v in values.items()}
    if not (values["first_name"] or values["last_name"] or values["company"]):
        raise ServiceError("name_required")
    _check_person(values)
    person = Person(**values, extra=extra)
    session.add(person)
    session.flush()
    audit.record(session, "person.create", "person", person.id)
    return person


def get_person(session: Session, person_id: int, *, include_restricted: bool = False) -> Person:
    person = session.get(Person, person_id)
    if person is None or (person.restricted_until is not None and not include_restricted):
        raise NotFound("person_not_found", id=person_id)
    return person


def update_person(
    session: Session, person_id: int, *, expected_version: int | None = None, **changes: Any
) -> Person:
    """Change the given fields of a person; records which fields changed.

    With `expected_version`, a record changed by someone else meanwhile is refused
    (`StaleWrite`); so is one changed between loading and writing here (the
    database checks `version` on every UPDATE).
    """
    unknown = set(changes) - set(PERSON_FIELDS)
    if unknown:
        raise ServiceError("unknown_field", field=", ".join(sorted(unknown)))
    _check_person(changes)
    person = get_person(session, person_id)
    check_version(session, person, expected_version)
    changed = {}
    for name, value in changes.items():
        if isinstance(value, str):
            value = value.strip()
        if getattr(person, name) != value:
            changed[name] = value
            setattr(person, name, value)
    if not (person.first_name or person.last_name or person.company):
        raise ServiceError("name_required")
    if changed:
        person.updated_at = utcnow()  # `version` moves on in the UPDATE itself
        session.add(person)
        with refusing_stale(session, Person, person_id):
            session.flush()
        audit.record(session, "person.update", "person", person.id, {"fields": sorted(changed)})
    return person


def find_persons(session: Session, text: str = "", *, limit: int = 50) -> Sequence[Person]:
    """Persons whose name or company contains `text` (no index; see storage.search)."""
    query = select(Person).where(col(Person.restricted_until).is_(None))
    needle = text.strip()
    if needle:
        pattern = f"%{needle}%"
        query = query.where(
            col(Person.last_name).ilike(pattern)
            | col(Person.first_name).ilike(pattern)
            | col(Person.company).ilike(pattern)
        )
    query = query.order_by(col(Person.sort_key), col(Person.id))
    return session.exec(query.limit(limit)).all()


def _apply_normalization(address: Address, region: str) -> None:
    result = normalize_address(address.kind, address.raw, region)
    address.normalized = result.normalized
    address.valid = result.valid
    address.invalid_reason = result.invalid_reason
    address.phone_type = result.phone_type
    address.rev_digits = result.rev_digits


def _check_address(values: dict[str, Any]) -> None:
    if "kind" in values:
        try:
            AddressKind(values["kind"])
        except ValueError as exc:
            raise ServiceError("invalid_address_kind", kind=values["kind"]) from exc
    if "scope" in values:
        try:
            Scope(values["scope"])
        except ValueError as exc:
            raise ServiceError("invalid_scope", scope=values["scope"]) from exc
    if "raw" in values and not str(values["raw"]).strip():
        raise ServiceError("address_empty")


def add_address(
    session: Session,
    person_id: int,
    kind: str,
    raw: str,
    *,
    scope: str = Scope.PRIVATE,
    region: str = DEFAULT_REGION,
    **more: Any,
) -> Address:
    """Add an address; invalid text is kept raw and flagged, never refused."""
    unknown = set(more) - set(ADDRESS_FIELDS)
    if unknown:
        raise ServiceError("unknown_field", field=", ".join(sorted(unknown)))
    values = {"kind": kind, "scope": scope, "raw": raw, **more}
    _check_address(values)
    get_person(session, person_id)
    address = Address(person_id=person_id, **values)
    address.raw = raw.strip()
    _apply_normalization(address, region)
    session.add(address)
    session.flush()
    audit.record(
        session, "address.create", "address", address.id, {"person_id": person_id, "kind": kind}
    )
    # GDPR Art. 21: an address whose owner objected before brings the objection back.
    reapply_objections(session, [person_id])
    return address


def get_address(session: Session, address_id: int) -> Address:
    address = session.get(Address, address_id)
    if address is None:
        raise NotFound("address_not_found", id=address_id)
    return address


def update_address(
    session: Session,
    address_id: int,
    *,
    region: str = DEFAULT_REGION,
    expected_version: int | None = None,
    **changes: Any,
) -> Address:
    """Change fields of an address; a new raw text or kind is normalized again.

    With `expected_version`, a record changed by someone else meanwhile is refused
    (`StaleWrite`), as in `update_person`.
    """
    unknown = set(changes) - set(ADDRESS_FIELDS)
    if unknown:
        raise ServiceError("unknown_field", field=", ".join(sorted(unknown)))
    _check_address(changes)
    address = get_address(session, address_id)
    check_version(session, address, expected_version)
    changed = []
    for name, value in changes.items():
        if isinstance(value, str):
            value = value.strip()
        if getattr(address, name) != value:
            changed.append(name)
            setattr(address, name, value)
    if changed:
        if {"raw", "kind"} & set(changed):
            _apply_normalization(address, region)
            # Evidence belongs to the old value; a new value starts without it.
            address.confirmed_at = address.last_success_at = address.failed_at = None
            address.failure_kind = None
        address.updated_at = utcnow()  # `version` moves on in the UPDATE itself
        session.add(address)
        with refusing_stale(session, Address, address_id):
            session.flush()
        audit.record(session, "address.update", "address", address.id, {"fields": sorted(changed)})
    return address


def addresses_of(session: Session, person_id: int) -> Sequence[Address]:
    """All addresses of a person in insertion order (ranking: services.persons.ranking)."""
    query = select(Address).where(Address.person_id == person_id).order_by(col(Address.id))
    return session.exec(query).all()


def count_persons(session: Session) -> int:
    """How many persons the customer list shows (restricted ones are hidden)."""
    from sqlalchemy import func

    query = select(func.count()).select_from(Person).where(col(Person.restricted_until).is_(None))
    return int(session.exec(query).one())


def list_persons(session: Session, offset: int, limit: int) -> Sequence[Person]:
    """One page of the customer list, in German phone-book order (`Person.sort_key`)."""
    query = (
        select(Person)
        .where(col(Person.restricted_until).is_(None))
        .order_by(col(Person.sort_key), col(Person.id))
        .offset(offset)
        .limit(limit)
    )
    return session.exec(query).all()
