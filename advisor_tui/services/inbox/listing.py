"""The inbox as a list and one request in full, for the screens and scripts.

New and unassigned requests first, then the others, then the done ones;
within each group the latest first. One query for the page of requests, one
for their first messages, one for their candidate counts and one for names.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import case, func
from sqlmodel import Session, col, select

from advisor_tui.domain.models import Message, Person, Request, RequestCandidate
from advisor_tui.domain.phones import DEFAULT_REGION
from advisor_tui.domain.signatures import SignatureAddress
from advisor_tui.domain.vocabulary import RequestStatus
from advisor_tui.services.assignment import mine_condition
from advisor_tui.services.inbox.learning import get_request, offered_addresses

PAGE = 500


@dataclass(frozen=True)
class InboxRow:
    """One request as the inbox lists it."""

    id: int
    received_at: datetime
    channel: str
    sender: str
    sender_name: str
    kind: str
    status: str
    match: str
    person_id: int | None
    person_name: str
    suggested_id: int | None
    suggested_name: str
    candidates: int
    text: str  # subject, else text of the first message
    assigned_to: str | None = None  # the colleague it is handed to (None: anyone)
    version: int | None = None  # as loaded: an assignment checks nobody changed it since

    @property
    def state(self) -> str:
        """ "assigned", "suggested" or "unassigned": the list shows them differently."""
        if self.person_id is not None:
            return "assigned"
        if self.suggested_id is not None:
            return "suggested"
        return "unassigned"


def _group() -> Any:
    return case(
        (col(Request.status) == RequestStatus.DONE.value, 2),
        (col(Request.status) == RequestStatus.NEW.value, 0),
        (col(Request.person_id).is_(None), 0),
        else_=1,
    )


def _names(session: Session, ids: set[int]) -> dict[int, str]:
    if not ids:
        return {}
    people = session.exec(select(Person).where(col(Person.id).in_(sorted(ids)))).all()
    return {p.id: p.display_name for p in people if p.id is not None}


def list_inbox(
    session: Session, *, limit: int = PAGE, include_done: bool = True, mine: str | None = None
) -> list[InboxRow]:
    """The requests in inbox order (new and unassigned first, then by time).

    `mine`: only those assigned to that advisor or to nobody (services.assignment).
    """
    query = select(Request)
    if mine is not None:
        query = query.where(mine_condition(Request, mine))
    if not include_done:
        query = query.where(col(Request.status) != RequestStatus.DONE.value)
    query = query.order_by(_group(), col(Request.received_at).desc(), col(Request.id).desc())
    requests = session.exec(query.limit(limit)).all()
    ids = [r.id for r in requests if r.id is not None]
    if not ids:
        return []
    first = (
        select(func.min(Message.id))
        .where(col(Message.request_id).in_(ids))
        .group_by(col(Message.request_id))
    )
    messages = {
        m.request_id: m for m in session.exec(select(Message).where(col(Message.id).in_(first)))
    }
    counts = dict(
        session.exec(
            select(RequestCandidate.request_id, func.count())
            .where(col(RequestCandidate.request_id).in_(ids))
            .group_by(col(RequestCandidate.request_id))
        ).all()
    )
    names = _names(
        session,
        {r.person_id for r in requests if r.person_id}
        | {r.suggested_person_id for r in requests if r.suggested_person_id},
    )
    rows = []
    for r in requests:
        assert r.id is not None
        message = messages.get(r.id)
        rows.append(
            InboxRow(
                id=r.id,
                received_at=r.received_at,
                channel=r.channel,
                sender=r.sender,
                sender_name=message.sender_name if message else "",
                kind=r.kind,
                status=r.status,
                match=r.match,
                person_id=r.person_id,
                person_name=names.get(r.person_id, "") if r.person_id else "",
                suggested_id=r.suggested_person_id,
                suggested_name=names.get(r.suggested_person_id, "")
                if r.suggested_person_id
                else "",
                candidates=int(counts.get(r.id, 0)),
                text=(message.subject or message.text) if message else "",
                assigned_to=r.assigned_to,
                version=r.version,
            )
        )
    return rows


def count_new(session: Session) -> int:
    """How many requests are new (the header shows it)."""
    query = select(func.count()).select_from(Request).where(Request.status == RequestStatus.NEW)
    return int(session.exec(query).one())


@dataclass(frozen=True)
class CandidateView:
    person_id: int
    name: str
    how: str
    reason: str
    company: str = ""


@dataclass
class RequestDetail:
    """One request in full: its messages, candidates with reasons, offers from signatures."""

    request: Request
    messages: list[Message]
    candidates: list[CandidateView] = field(default_factory=list)
    person_name: str = ""
    suggested_name: str = ""
    offers: list[SignatureAddress] = field(default_factory=list)

    @property
    def sender_name(self) -> str:
        return next((m.sender_name for m in self.messages if m.sender_name), "")

    @property
    def recipients(self) -> str:
        seen: dict[str, None] = {}
        for m in self.messages:
            for r in m.recipients.split(", "):
                if r:
                    seen[r] = None
        return ", ".join(seen)


def load_request(
    session: Session, request_id: int, *, region: str = DEFAULT_REGION
) -> RequestDetail:
    """The request with everything its screen shows."""
    request = get_request(session, request_id)
    messages = list(
        session.exec(
            select(Message)
            .where(Message.request_id == request_id)
            .order_by(col(Message.received_at), col(Message.id))
        )
    )
    rows = session.exec(
        select(RequestCandidate, Person)
        .join(Person, col(Person.id) == col(RequestCandidate.person_id))
        .where(RequestCandidate.request_id == request_id)
        .order_by(col(RequestCandidate.id))
    ).all()
    candidates = [
        CandidateView(c.person_id, p.display_name, c.how, c.reason, p.company) for c, p in rows
    ]
    names = _names(
        session, {i for i in (request.person_id, request.suggested_person_id) if i is not None}
    )
    return RequestDetail(
        request=request,
        messages=messages,
        candidates=candidates,
        person_name=names.get(request.person_id or 0, ""),
        suggested_name=names.get(request.suggested_person_id or 0, ""),
        offers=offered_addresses(session, request_id, region=region),
    )
