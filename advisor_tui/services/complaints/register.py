"""Entering complaints, recording their steps, and reading the register with deadlines.

Every change keeps its version check (concurrent edits never overwrite each
other silently) and writes an audit entry. The register keeps plain requests
for information too, marked as such (`kind`), so a misjudged entry can be
turned into a complaint (or back) without retyping it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlmodel import Session, col, select

from advisor_tui.domain.complaints import (
    ComplaintKind,
    ComplaintStatus,
    Deadline,
    DeadlineRules,
    deadlines,
    goodwill_end,
    next_open,
)
from advisor_tui.domain.models import Complaint, Message, Person, Request
from advisor_tui.domain.timestamps import as_utc, local, utcnow
from advisor_tui.domain.vocabulary import Channel
from advisor_tui.services import audit
from advisor_tui.services.complaints.calendar import public_holidays
from advisor_tui.services.errors import NotFound, ServiceError
from advisor_tui.services.stale import check_version, refusing_stale

# What `update_complaint` may change; steps have their own functions.
EDITABLE = (
    "kind",
    "received_at",
    "channel",
    "complainant",
    "reason",
    "acknowledged_at",
    "forwarded_at",
    "forwarded_to",
    "interim_reply_at",
    "answered_at",
    "answer",
    "status",
    "guarantee_end",
    "tolerance_days",
    "goodwill_note",
)


@dataclass(frozen=True)
class Rules:
    """Deadline rules and the Bundesland whose holidays do not count."""

    deadlines: DeadlineRules = DeadlineRules()
    state: str = ""

    @classmethod
    def from_settings(cls, settings: Any) -> Rules:
        c = settings.complaints
        return cls(DeadlineRules(c.acknowledge_working_days, c.answer_working_days), c.state)


@dataclass(frozen=True)
class ComplaintRow:
    complaint: Complaint
    person_name: str
    deadlines: list[Deadline]

    @property
    def next_deadline(self) -> Deadline | None:
        if self.complaint.status != ComplaintStatus.OPEN:
            return None
        return next_open(self.deadlines)

    @property
    def goodwill_until(self) -> date | None:
        return goodwill_end(self.complaint.guarantee_end, self.complaint.tolerance_days)


def _day(value: datetime | None) -> date | None:
    return None if value is None else local(value).date()


def deadlines_of(complaint: Complaint, rules: Rules) -> list[Deadline]:
    """The acknowledgement and answer deadlines (none for a request for information)."""
    if complaint.kind != ComplaintKind.COMPLAINT:
        return []
    received = _day(complaint.received_at)
    assert received is not None
    return deadlines(
        received,
        _day(complaint.acknowledged_at),
        _day(complaint.answered_at),
        rules.deadlines,
        public_holidays(rules.state),
    )


def _check_kind_status(kind: str, status: str) -> None:
    if kind not in {k.value for k in ComplaintKind}:
        raise ServiceError("complaints.err.kind", kind=kind)
    if status not in {s.value for s in ComplaintStatus}:
        raise ServiceError("complaints.err.status", status=status)


def add_complaint(
    session: Session,
    *,
    reason: str = "",
    person_id: int | None = None,
    request_id: int | None = None,
    received_at: datetime | None = None,
    channel: str | None = None,
    complainant: str = "",
    kind: str = ComplaintKind.COMPLAINT,
    now: datetime | None = None,
) -> Complaint:
    """Register a complaint, entered by hand or from an inbox request (which gives the
    person, channel, time and, without a reason, its text). Caller commits."""
    when = as_utc(now or utcnow())
    fallback_name = ""
    if request_id is not None:
        request = session.get(Request, request_id)
        if request is None:
            raise NotFound("complaints.err.request", id=request_id)
        person_id = person_id if person_id is not None else request.person_id
        channel = channel or request.channel
        received_at = received_at or request.received_at
        fallback_name = request.sender
        if not reason.strip():
            message = session.exec(
                select(Message).where(Message.request_id == request_id).order_by(col(Message.id))
            ).first()
            reason = message.text if message is not None else ""
    if person_id is not None:
        person = session.get(Person, person_id)
        if person is None:
            raise NotFound("person_not_found", id=person_id)
        fallback_name = person.display_name
    complainant = complainant.strip() or fallback_name
    if not reason.strip():
        raise ServiceError("complaints.err.reason")
    if not complainant.strip():
        raise ServiceError("complaints.err.complainant")
    channel = channel or Channel.PHONE.value
    if channel not in {c.value for c in Channel}:
        raise ServiceError("complaints.err.channel", channel=channel)
    _check_kind_status(kind, ComplaintStatus.OPEN)
    complaint = Complaint(
        person_id=person_id,
        request_id=request_id,
        kind=str(kind),
        received_at=as_utc(received_at or when),
        channel=channel,
        complainant=complainant.strip(),
        reason=reason.strip(),
        status=ComplaintStatus.OPEN.value,
        created_at=when,
    )
    session.add(complaint)
    session.flush()
    audit.record(
        session,
        "complaint.create",
        "complaint",
        complaint.id,
        {"person_id": person_id, "request_id": request_id, "kind": str(kind), "channel": channel},
    )
    return complaint


def get_complaint(session: Session, complaint_id: int) -> Complaint:
    complaint = session.get(Complaint, complaint_id)
    if complaint is None:
        raise NotFound("complaints.err.not_found", id=complaint_id)
    return complaint


def update_complaint(
    session: Session,
    complaint_id: int,
    expected_version: int | None = None,
    now: datetime | None = None,
    **changes: Any,
) -> Complaint:
    """Change fields of a register entry (kind, dates, answer, status, goodwill). Caller commits.

    Giving an answer date without a status marks the complaint answered.
    """
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        raise ServiceError("unknown_field", field=", ".join(sorted(unknown)))
    complaint = get_complaint(session, complaint_id)
    check_version(session, complaint, expected_version)
    if changes.get("answered_at") is not None and "status" not in changes:
        changes["status"] = ComplaintStatus.ANSWERED.value
    _check_kind_status(
        str(changes.get("kind", complaint.kind)), str(changes.get("status", complaint.status))
    )
    tolerance = changes.get("tolerance_days")
    if tolerance is not None and tolerance < 0:
        raise ServiceError("complaints.err.tolerance")
    for name, value in changes.items():
        if isinstance(value, datetime):
            value = as_utc(value)
        setattr(complaint, name, value)
    complaint.updated_at = as_utc(now or utcnow())
    session.add(complaint)
    with refusing_stale(session, Complaint, complaint_id):
        session.flush()
    audit.record(
        session, "complaint.update", "complaint", complaint_id, {"fields": sorted(changes)}
    )
    return complaint


def register(
    session: Session,
    rules: Rules,
    *,
    include_information: bool = True,
    open_only: bool = False,
    person_ids: Sequence[int] | None = None,
) -> list[ComplaintRow]:
    """The register, oldest first, each entry with its deadlines."""
    query = select(Complaint).order_by(col(Complaint.received_at), col(Complaint.id))
    if not include_information:
        query = query.where(Complaint.kind == ComplaintKind.COMPLAINT)
    if open_only:
        query = query.where(Complaint.status == ComplaintStatus.OPEN)
    if person_ids is not None:
        query = query.where(col(Complaint.person_id).in_(person_ids))
    complaints = session.exec(query).all()
    ids = {c.person_id for c in complaints if c.person_id is not None}
    names = {
        p.id: p.display_name
        for p in session.exec(select(Person).where(col(Person.id).in_(ids))).all()
    }
    return [
        ComplaintRow(c, names.get(c.person_id or 0, c.complainant), deadlines_of(c, rules))
        for c in complaints
    ]
