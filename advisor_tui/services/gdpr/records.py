"""What is stored about one person, and how long the law makes us keep part of it.

Shared by the GDPR export (Art. 15, `gdpr_export`) and the erasure with its
FinVermV §23 retention (Art. 17, `gdpr_erase`).

Retention: records of advice and of orders and their communication
(`Interaction.is_advice_record`, requests of kind "order", the interactions
tied to those requests and the requests an advice record answers) are kept for
10 years from the end of the calendar year of the last such record. They may
be deleted from 1 January of the eleventh year after it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, TypeVar

from sqlalchemy import or_
from sqlmodel import Session, col, select

from advisor_tui.domain.models import (
    Address,
    AuditEntry,
    ConsentEvent,
    ConsentUse,
    FlagEvent,
    FollowUp,
    Interaction,
    Message,
    Person,
    Request,
    RequestCandidate,
)
from advisor_tui.domain.timestamps import local
from advisor_tui.domain.vocabulary import RequestKind
from advisor_tui.services.errors import NotFound

RETENTION_YEARS = 10
_CHUNK = 500  # ids per IN (...) list, well below every database's parameter limit

T = TypeVar("T")


def retention_end(last_record: datetime) -> date:
    """The first day a record made at `last_record` may be deleted (FinVermV §23)."""
    return date(local(last_record).year + RETENTION_YEARS + 1, 1, 1)


@dataclass
class PersonRecords:
    """Every row that belongs to one person, loaded once."""

    person: Person
    addresses: list[Address] = field(default_factory=list)
    consents: list[ConsentEvent] = field(default_factory=list)  # the consent ledger
    consent_uses: list[ConsentUse] = field(default_factory=list)  # UWG §7a
    requests: list[Request] = field(default_factory=list)  # person_id is theirs
    suggested_requests: list[Request] = field(default_factory=list)  # only suggested for them
    interactions: list[Interaction] = field(default_factory=list)
    followups: list[FollowUp] = field(default_factory=list)
    messages: list[Message] = field(default_factory=list)  # of their and suggested requests
    candidacies: list[RequestCandidate] = field(default_factory=list)  # requests maybe theirs
    flag_events: list[FlagEvent] = field(default_factory=list)
    audit_entries: list[AuditEntry] = field(default_factory=list)

    def entity_ids(self) -> dict[str, list[int]]:
        """Table name -> ids of this person's rows, as audit entries refer to them."""
        groups: dict[str, Sequence[Any]] = {
            "person": [self.person],
            "address": self.addresses,
            "consent_event": self.consents,
            "consent_use": self.consent_uses,
            "request": self.requests + self.suggested_requests,
            "interaction": self.interactions,
            "followup": self.followups,
            "message": self.messages,
            "request_candidate": self.candidacies,
            "flag_event": self.flag_events,
        }
        return {name: [r.id for r in rows if r.id is not None] for name, rows in groups.items()}


def _chunks(ids: Sequence[int]) -> Iterable[Sequence[int]]:
    for start in range(0, len(ids), _CHUNK):
        yield ids[start : start + _CHUNK]


def _by_id(rows: Iterable[T]) -> list[T]:
    unique = {row.id: row for row in rows}  # type: ignore[attr-defined]
    return [unique[key] for key in sorted(unique)]


def audit_entries_about(
    session: Session, person_id: int, entity_ids: dict[str, list[int]]
) -> list[AuditEntry]:
    """Audit entries on the person's rows, or whose details name the person's id."""
    found: list[AuditEntry] = []
    for entity, ids in entity_ids.items():
        for chunk in _chunks(ids):
            query = select(AuditEntry).where(
                AuditEntry.entity == entity, col(AuditEntry.entity_id).in_(chunk)
            )
            found.extend(session.exec(query).all())
    # Details are JSON written with sort_keys and ", "/": " separators (services.audit).
    patterns = [f'%"person_id": {person_id},%', f'%"person_id": {person_id}}}%']
    query = select(AuditEntry).where(or_(*(col(AuditEntry.details).like(p) for p in patterns)))
    found.extend(session.exec(query).all())
    return _by_id(found)


def load_person_records(session: Session, person_id: int) -> PersonRecords:
    """Everything stored about `person_id`, restricted persons included."""
    person = session.get(Person, person_id)
    if person is None:
        raise NotFound("person_not_found", id=person_id)

    def rows(model: Any, *conditions: Any) -> list[Any]:
        return list(session.exec(select(model).where(*conditions).order_by(col(model.id))).all())

    records = PersonRecords(
        person=person,
        addresses=rows(Address, Address.person_id == person_id),
        consents=rows(ConsentEvent, ConsentEvent.person_id == person_id),
        consent_uses=rows(ConsentUse, ConsentUse.person_id == person_id),
        requests=rows(Request, Request.person_id == person_id),
        suggested_requests=rows(
            Request,
            Request.suggested_person_id == person_id,
            or_(col(Request.person_id).is_(None), col(Request.person_id) != person_id),
        ),
        interactions=rows(Interaction, Interaction.person_id == person_id),
        followups=rows(FollowUp, FollowUp.person_id == person_id),
        flag_events=rows(FlagEvent, FlagEvent.person_id == person_id),
    )
    request_ids = [r.id for r in records.requests + records.suggested_requests if r.id]
    records.messages = [
        m
        for chunk in _chunks(sorted(request_ids))
        for m in rows(Message, col(Message.request_id).in_(chunk))
    ]
    records.candidacies = rows(RequestCandidate, RequestCandidate.person_id == person_id)
    records.audit_entries = audit_entries_about(session, person_id, records.entity_ids())
    return records


@dataclass
class Retention:
    """The part of a person's records a retention duty keeps, and until when."""

    request_ids: set[int] = field(default_factory=set)
    interaction_ids: set[int] = field(default_factory=set)
    until: date | None = None  # first day they may be deleted; None: nothing is retained

    @property
    def applies(self) -> bool:
        return self.until is not None


def retention_for(records: PersonRecords, today: date) -> Retention:
    """Which requests and interactions FinVermV §23 keeps, and the date they may go."""
    order_ids = {r.id for r in records.requests if r.kind == RequestKind.ORDER and r.id is not None}
    interactions = [
        i for i in records.interactions if i.is_advice_record or i.request_id in order_ids
    ]
    answered = {i.request_id for i in interactions if i.request_id is not None}
    requests = [r for r in records.requests if r.id in order_ids or r.id in answered]
    moments = [i.occurred_at for i in interactions] + [r.received_at for r in requests]
    if not moments:
        return Retention()
    until = retention_end(max(moments))
    if until <= today:
        return Retention()  # the duty has run out: everything can go
    return Retention(
        request_ids={r.id for r in requests if r.id is not None},
        interaction_ids={i.id for i in interactions if i.id is not None},
        until=until,
    )
