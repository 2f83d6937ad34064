"""Exporting persons: vCard 4.0, CSV (the generic import columns) or JSON with everything.

Restricted persons (GDPR Art. 17 with a retention duty) are not exported.
Persons are read in pages so 100,000 of them need little memory (CSV needs
one pass first to know its columns).
"""

from __future__ import annotations

import csv
import json
from collections import defaultdict
from collections.abc import Iterator, Sequence
from datetime import date, datetime
from typing import Any, TextIO

from sqlmodel import Session, SQLModel, col, select

from advisor_tui.domain.models import Address, ConsentEvent, FollowUp, Interaction, Person, Request
from advisor_tui.domain.timestamps import utcnow
from advisor_tui.io.contact_record import extra_from_json
from advisor_tui.io.vcard_export import person_to_vcard
from advisor_tui.services.errors import ServiceError
from advisor_tui.services.persons.editing import get_person

FORMATS = ("vcf", "csv", "json")
PAGE = 1000
CSV_PERSON_COLUMNS = ("id", "kind", "salutation", "title", "first_name", "last_name", "company",
                      "birthday", "notes", "tags")  # fmt: skip
_POSTAL_PARTS = ("street", "postcode", "city", "country")


def _pages(session: Session, person_id: int | None) -> Iterator[list[Person]]:
    """The visible persons (or just one) in id order, a page at a time."""
    if person_id is not None:
        yield [get_person(session, person_id)]
        return
    last = 0
    while True:
        page = session.exec(
            select(Person)
            .where(col(Person.id) > last, col(Person.restricted_until).is_(None))
            .order_by(col(Person.id))
            .limit(PAGE)
        ).all()
        if not page:
            return
        yield list(page)
        last = page[-1].id or 0


def _by_person(session: Session, model: Any, ids: Sequence[int]) -> dict[int, list[Any]]:
    """Rows of `model` belonging to these persons, grouped, in id order."""
    grouped: dict[int, list[Any]] = defaultdict(list)
    query = select(model).where(col(model.person_id).in_(ids)).order_by(col(model.id))
    for row in session.exec(query):
        grouped[row.person_id].append(row)
    return grouped


def persons_with_addresses(
    session: Session, person_id: int | None = None
) -> Iterator[tuple[Person, list[Address]]]:
    """Each visible person (or just one) with their addresses, in id order."""
    for page in _pages(session, person_id):
        addresses = _by_person(session, Address, [p.id for p in page if p.id is not None])
        for person in page:
            yield person, addresses.get(person.id or 0, [])


def _plain(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def row_of(record: SQLModel) -> dict[str, Any]:
    """All columns of a record as JSON-ready values."""
    columns = record.__table__.columns  # type: ignore[attr-defined]
    return {c.name: _plain(getattr(record, c.name)) for c in columns}


_RELATED = (("interactions", Interaction), ("followups", FollowUp), ("requests", Request),
            ("consents", ConsentEvent))  # fmt: skip


def person_documents(session: Session, person_id: int | None = None) -> Iterator[dict[str, Any]]:
    """Everything stored about each visible person (or one), as JSON-ready data."""
    for page in _pages(session, person_id):
        ids = [p.id for p in page if p.id is not None]
        related = {key: _by_person(session, model, ids) for key, model in _RELATED}
        related["addresses"] = _by_person(session, Address, ids)
        for person in page:
            data = row_of(person)
            data["extra"] = extra_from_json(person.extra)
            for key in ("addresses", *(k for k, _ in _RELATED)):
                data[key] = [row_of(r) for r in related[key].get(person.id or 0, [])]
            yield data


def _csv_slot(address: Address) -> str:
    return f"{address.kind}_{address.scope}"


def _write_csv(session: Session, out: TextIO, person_id: int | None) -> int:
    counts: dict[str, int] = defaultdict(int)
    labelled: set[str] = set()
    for _, addresses in persons_with_addresses(session, person_id):
        per: dict[str, int] = defaultdict(int)
        for address in addresses:
            per[_csv_slot(address)] += 1
            if address.label:
                labelled.add(_csv_slot(address))
        for slot, n in per.items():
            counts[slot] = max(counts[slot], n)
    header = list(CSV_PERSON_COLUMNS)
    for slot in sorted(counts):
        for n in range(1, counts[slot] + 1):
            base = f"{slot}_{n}"
            header.append(base)
            if slot.startswith("postal_"):
                header.extend(f"{base}_{part}" for part in _POSTAL_PARTS)
            if slot in labelled:
                header.append(f"{base}_label")
            header.append(f"{base}_pref")
    writer = csv.DictWriter(out, header, delimiter=";", lineterminator="\r\n")
    out.write("\ufeff")  # Excel needs the BOM to read UTF-8
    writer.writeheader()
    count = 0
    for person, addresses in persons_with_addresses(session, person_id):
        row = {c: _plain(getattr(person, c)) for c in CSV_PERSON_COLUMNS}
        seen: dict[str, int] = defaultdict(int)
        for address in addresses:
            slot = _csv_slot(address)
            seen[slot] += 1
            base = f"{slot}_{seen[slot]}"
            row[base] = address.raw
            if slot.startswith("postal_"):
                row.update({f"{base}_{p}": getattr(address, p) for p in _POSTAL_PARTS})
            if address.label:
                row[f"{base}_label"] = address.label
            row[f"{base}_pref"] = "1" if address.is_preferred else ""
        writer.writerow(row)
        count += 1
    return count


def write_export(session: Session, fmt: str, out: TextIO, *, person_id: int | None = None) -> int:
    """Write the persons (or one) to `out` in `fmt`; returns how many were written."""
    if fmt not in FORMATS:
        raise ServiceError("export.bad_format", format=fmt)
    if person_id is not None:
        get_person(session, person_id)  # NotFound before anything is written
    if fmt == "csv":
        return _write_csv(session, out, person_id)
    count = 0
    if fmt == "vcf":
        for person, addresses in persons_with_addresses(session, person_id):
            out.write(person_to_vcard(person, addresses))
            count += 1
        return count
    out.write('{"format": "advisor-export-1", "exported_at": ')
    out.write(json.dumps(utcnow().isoformat()) + ', "persons": [\n')
    for document in person_documents(session, person_id):
        out.write((",\n" if count else "") + json.dumps(document, ensure_ascii=False, indent=1))
        count += 1
    out.write("\n]}\n")
    return count
