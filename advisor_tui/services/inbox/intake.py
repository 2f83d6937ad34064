"""Taking in one incoming message: store it, match its sender, open or join a request.

`record_incoming` is what every source calls (`advisor incoming`, the file
readers of `advisor import-messages`, a missed call from the call monitor):

- idempotent by (channel, external id): a message seen before adds nothing
  (`created` False); the same e-mail to three of the advisor's addresses has
  one Message-ID, so it is one message and one request (its recipients grow);
- a message in the thread of an open request from the same sender joins it;
- otherwise a new request (status new) with the sender matched
  (`matching.match_sender`: exact, shared, suffix, name hint or none, each
  candidate stored with how and why) and its kind guessed from the text.
The caller commits.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlmodel import Session, col, select

from advisor_tui.domain.incoming import IncomingMessage
from advisor_tui.domain.models import Message, Person, Request, RequestCandidate
from advisor_tui.domain.phones import DEFAULT_REGION
from advisor_tui.domain.request_kinds import guess_kind
from advisor_tui.domain.timestamps import as_utc, utcnow
from advisor_tui.domain.vocabulary import Channel, MatchKind, RequestKind, RequestStatus
from advisor_tui.services import audit
from advisor_tui.services.errors import ServiceError
from advisor_tui.services.inbox import effects
from advisor_tui.services.inbox.matching import SenderMatch, match_sender
from advisor_tui.storage.unique import insert_once

SOURCE = "inbox"
# A message joins an open request of its thread when that request heard last this recently.
THREAD_WINDOW = timedelta(days=7)
_VOICE = (Channel.PHONE.value, Channel.VOICEMAIL.value)


@dataclass(frozen=True)
class PersonRef:
    id: int
    name: str


@dataclass(frozen=True)
class CandidateRef:
    id: int
    name: str
    how: str
    reason: str


@dataclass(frozen=True)
class IntakeResult:
    """What `record_incoming` did: the request and message, and how the sender matched."""

    request_id: int
    message_id: int
    created: bool  # False when this message had been recorded before
    channel: str
    status: str
    kind: str
    how: str  # MatchKind value; "unknown" when nothing matched
    person: PersonRef | None  # the person it is from, or the one suggestion
    assigned: bool  # True when `person` is certain (exact or confirmed), not a suggestion
    candidates: tuple[CandidateRef, ...] = ()
    joined: bool = False  # added to an open request of the same thread

    def to_json(self) -> dict[str, Any]:
        """The `advisor incoming --json` shape (issue 10, item 9)."""
        return {
            "id": self.request_id,
            "channel": self.channel,
            "status": self.status,
            "kind": self.kind,
            "match": {
                "how": "none" if self.how == MatchKind.UNKNOWN else self.how,
                "person": None
                if self.person is None
                else {"id": self.person.id, "name": self.person.name},
                "candidates": [
                    {"id": c.id, "name": c.name, "how": c.how, "reason": c.reason}
                    for c in self.candidates
                ],
            },
        }


def check_channel(channel: str) -> str:
    """`channel` as a vocabulary value; refused with the valid names listed."""
    value = channel.strip().lower()
    if value not in {c.value for c in Channel}:
        raise ServiceError(
            "inbox.err.channel", channel=channel, valid=", ".join(c.value for c in Channel)
        )
    return value


def _name(session: Session, person_id: int) -> str:
    person = session.get(Person, person_id)
    return person.display_name if person is not None else f"#{person_id}"


def candidates_of(session: Session, request_id: int) -> list[RequestCandidate]:
    query = (
        select(RequestCandidate)
        .where(RequestCandidate.request_id == request_id)
        .order_by(col(RequestCandidate.id))
    )
    return list(session.exec(query))


def result_for(
    session: Session, request: Request, message_id: int, *, created: bool, joined: bool = False
) -> IntakeResult:
    """The IntakeResult of a stored request (also for a duplicate or after an edit)."""
    assert request.id is not None
    person_id = request.person_id or request.suggested_person_id
    person = PersonRef(person_id, _name(session, person_id)) if person_id else None
    candidates = tuple(
        CandidateRef(c.person_id, _name(session, c.person_id), c.how, c.reason)
        for c in candidates_of(session, request.id)
    )
    return IntakeResult(
        request_id=request.id,
        message_id=message_id,
        created=created,
        channel=request.channel,
        status=request.status,
        kind=request.kind,
        how=request.match,
        person=person,
        assigned=request.person_id is not None,
        candidates=candidates,
        joined=joined,
    )


def _duplicate(session: Session, channel: str, external_id: str | None) -> Message | None:
    if not external_id:
        return None
    query = select(Message).where(Message.channel == channel, Message.external_id == external_id)
    return session.exec(query).first()


def _add_recipients(session: Session, message: Message, incoming: IncomingMessage) -> None:
    """The same message arrived on another of the advisor's addresses: note that one too."""
    known = [r for r in message.recipients.split(", ") if r]
    new = [r for r in (incoming.recipient, *incoming.recipients) if r and r not in known]
    if new:
        message.recipients = ", ".join([*known, *new])
        session.add(message)
        session.flush()


def _open_thread_request(
    session: Session, channel: str, thread: str, normalized: str | None, at: datetime
) -> Request | None:
    if not thread:
        return None
    query = (
        select(Request)
        .join(Message, col(Message.request_id) == col(Request.id))
        .where(
            Message.channel == channel,
            Message.thread == thread,
            col(Request.status) != RequestStatus.DONE,
            col(Message.received_at) >= as_utc(at) - THREAD_WINDOW,
        )
        .order_by(col(Message.received_at).desc())
    )
    if normalized:
        query = query.where(Request.sender_normalized == normalized)
    return session.exec(query).first()


def _guess(channel: str, subject: str, text: str, withheld: bool) -> str:
    body = f"{subject}\n{text}".strip()
    if not body and channel in _VOICE:
        # A missed call or an empty voicemail asks to be called back (unless withheld).
        return RequestKind.OTHER.value if withheld else RequestKind.CALLBACK.value
    return guess_kind(body).value


def _new_request(
    session: Session,
    message: IncomingMessage,
    channel: str,
    match: SenderMatch,
    kind: str,
    source: str,
) -> Request:
    request = Request(
        person_id=match.person_id,
        match=match.how,
        suggested_person_id=match.suggested_id,
        channel=channel,
        sender=match.address,
        sender_normalized=match.normalized,
        kind=kind,
        status=RequestStatus.NEW.value,
        received_at=as_utc(message.at),
    )
    session.add(request)
    session.flush()
    assert request.id is not None
    for found in match.found:
        session.add(
            RequestCandidate(
                request_id=request.id,
                person_id=found.person_id,
                how=found.how,
                reason=found.reason[:300],
                address_id=found.address_id,
            )
        )
    session.flush()
    audit.record(
        session,
        "request.create",
        "request",
        request.id,
        {"source": source, "channel": channel, "match": match.how, "kind": kind},
    )
    return request


def record_incoming(
    session: Session,
    message: IncomingMessage,
    *,
    now: datetime | None = None,
    kind: str | None = None,
    region: str = DEFAULT_REGION,
    complaint_days: int = effects.COMPLAINT_DAYS,
    source: str = SOURCE,
) -> IntakeResult:
    """Store `message`, match its sender and open (or join) its request; the caller commits.

    `kind` overrides the guess from the text; `complaint_days` is the answer
    deadline of a complaint; `source` names the caller in the audit entries.
    Refuses an unknown channel (ServiceError `inbox.err.channel`) before
    writing anything.
    """
    now = as_utc(now or utcnow())
    channel = check_channel(message.channel)
    if kind is not None and kind not in {k.value for k in RequestKind}:
        raise ServiceError("inbox.err.kind", kind=kind)
    external_id = (message.external_id or "").strip() or None
    seen = _duplicate(session, channel, external_id)
    if seen is not None and seen.id is not None:
        _add_recipients(session, seen, message)
        request = session.get(Request, seen.request_id)
        assert request is not None
        return result_for(session, request, seen.id, created=False)
    match = match_sender(
        session,
        channel,
        message.sender,
        text=f"{message.subject}\n{message.text}",
        display_name=message.sender_name,
        region=region,
    )
    request = _open_thread_request(session, channel, message.thread, match.normalized, message.at)
    joined = request is not None
    if request is None:
        kind = kind or _guess(channel, message.subject, message.text, not match.address)
        request = _new_request(session, message, channel, match, kind, source)
    recipients = [r for r in (message.recipient, *message.recipients) if r]
    assert request.id is not None
    row = Message(
        request_id=request.id,
        channel=channel,
        sender=message.sender.strip(),
        sender_normalized=match.normalized,
        sender_name=match.display_name,
        recipient=message.recipient,
        recipients=", ".join(dict.fromkeys(recipients)),
        external_id=external_id,
        thread=message.thread,
        subject=message.subject,
        text=message.text,
        raw=message.raw,
        attachments=", ".join(message.attachments),
        received_at=as_utc(message.at),
    )
    message_id, created = insert_once(session, row, ("channel", "external_id"))
    if not created:  # recorded meanwhile by another writer: nothing of ours stays
        if not joined:
            session.delete(request)
            session.flush()
        seen = session.get(Message, message_id)
        assert seen is not None
        first = session.get(Request, seen.request_id)
        assert first is not None
        return result_for(session, first, message_id, created=False)
    audit.record(
        session,
        "message.create",
        "message",
        message_id,
        {"source": source, "channel": channel, "request_id": request.id},
    )
    if not joined:
        effects.apply_kind(session, request, now, complaint_days=complaint_days)
    return result_for(session, request, message_id, created=True, joined=joined)
