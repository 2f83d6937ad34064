"""Working a request: its kind, its status (new → open → waiting → done), the answer.

The answer goes out on the channel the request came in on, to the address it
came from; `answer` logs it as an interaction (`services.contacts.logging`)
and moves the status on to waiting. Answering on another channel is a
choice: without `confirmed=True` nothing is written and the result says what
to ask (`Answer.ask_other_channel`). The caller commits.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session, select

from advisor_tui.domain.models import Address, Interaction
from advisor_tui.domain.timestamps import as_utc, utcnow
from advisor_tui.domain.vocabulary import Outcome, RequestKind, RequestStatus
from advisor_tui.services import audit
from advisor_tui.services.contacts.logging import kind_for, log_contact, outcomes_for
from advisor_tui.services.errors import ServiceError
from advisor_tui.services.inbox import effects
from advisor_tui.services.inbox.learning import get_request

STATUS_ORDER = (
    RequestStatus.NEW.value,
    RequestStatus.OPEN.value,
    RequestStatus.WAITING.value,
    RequestStatus.DONE.value,
)


def next_status(status: str) -> str:
    """The status after `status` (done stays done)."""
    index = STATUS_ORDER.index(status) if status in STATUS_ORDER else 0
    return STATUS_ORDER[min(index + 1, len(STATUS_ORDER) - 1)]


def set_kind(
    session: Session,
    request_id: int,
    kind: str,
    *,
    now: datetime | None = None,
    complaint_days: int = effects.COMPLAINT_DAYS,
) -> None:
    """Change what the request is about; a new kind brings its follow-ups."""
    if kind not in {k.value for k in RequestKind}:
        raise ServiceError("inbox.err.kind", kind=kind)
    request = get_request(session, request_id)
    if request.kind == kind:
        return
    old = request.kind
    request.kind = kind
    request.updated_at = as_utc(now or utcnow())
    session.add(request)
    session.flush()
    audit.record(session, "request.kind", "request", request_id, {"old": old, "new": kind})
    effects.apply_kind(session, request, as_utc(now or utcnow()), complaint_days=complaint_days)


def set_status(
    session: Session, request_id: int, status: str, *, now: datetime | None = None
) -> None:
    """Move the request to `status`; done closes its follow-ups and the mark it set."""
    if status not in STATUS_ORDER:
        raise ServiceError("inbox.err.status", status=status)
    now = as_utc(now or utcnow())
    request = get_request(session, request_id)
    if request.status == status:
        return
    old = request.status
    request.status = status
    request.done_at = now if status == RequestStatus.DONE else None
    request.updated_at = now
    session.add(request)
    session.flush()
    audit.record(session, "request.status", "request", request_id, {"old": old, "new": status})
    if status == RequestStatus.DONE:
        effects.resolve(session, request, now)


def mark_seen(session: Session, request_id: int, *, now: datetime | None = None) -> None:
    """Opening a new request makes it open."""
    request = get_request(session, request_id)
    if request.status == RequestStatus.NEW:
        set_status(session, request_id, RequestStatus.OPEN.value, now=now)


@dataclass(frozen=True)
class Answer:
    """What `answer` did: logged (interaction id, new status) or a question to ask first."""

    channel: str
    came_on: str
    interaction_id: int | None = None
    status: str = ""
    ask_other_channel: bool = False


def _sender_address_id(session: Session, person_id: int, normalized: str | None) -> int | None:
    if not normalized:
        return None
    return session.exec(
        select(Address.id).where(Address.person_id == person_id, Address.normalized == normalized)
    ).first()


def answer(
    session: Session,
    request_id: int,
    *,
    channel: str | None = None,
    confirmed: bool = False,
    note: str = "",
    now: datetime | None = None,
) -> Answer:
    """Log the answer to a request on its channel (or, confirmed, another) and move it on."""
    now = as_utc(now or utcnow())
    request = get_request(session, request_id)
    channel = channel or request.channel
    if channel != request.channel and not confirmed:
        return Answer(channel, request.channel, ask_other_channel=True)
    if request.person_id is None:
        raise ServiceError("inbox.err.no_person")
    kind_for(channel)  # refuses an unknown channel
    outcome = Outcome.SENT.value
    if outcome not in outcomes_for(channel):
        outcome = outcomes_for(channel)[0].value  # a call: reached
    same = channel == request.channel
    logged = log_contact(
        session,
        request.person_id,
        channel=channel,
        direction="out",
        address_id=_sender_address_id(session, request.person_id, request.sender_normalized)
        if same
        else None,
        number_text=request.sender if same else "",
        started_at=now,
        outcome=outcome,
        note=note,
        now=now,
    )
    interaction = session.get(Interaction, logged.interaction_id)
    if interaction is not None:
        interaction.request_id = request.id
        session.add(interaction)
        session.flush()
    if STATUS_ORDER.index(request.status) < STATUS_ORDER.index(RequestStatus.WAITING):
        set_status(session, request_id, RequestStatus.WAITING.value, now=now)
    return Answer(channel, request.channel, logged.interaction_id, request.status)
