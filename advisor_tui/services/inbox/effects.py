"""What a request's kind means once its person is known.

An order gets a follow-up the same day; a complaint a deadline (a
`complaint_deadline` follow-up, `COMPLAINT_DAYS` days by default) and the
person's dissatisfied mark until it is done. Facts only: the UI words them.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlmodel import Session, col, select

from advisor_tui.domain.flags import FlagKey
from advisor_tui.domain.models import FollowUp, Request
from advisor_tui.domain.timestamps import as_utc
from advisor_tui.domain.vocabulary import FollowUpKind, RequestKind, RequestStatus
from advisor_tui.services import audit
from advisor_tui.services import flags as attention

COMPLAINT_DAYS = 14  # default answer deadline of a complaint; configurable per call
SOURCE = "request"
# The key of the follow-up a request's kind made: one per request and kind.
_KEY = "request:{id}:{kind}"


def _followup_for(session: Session, request: Request, kind: str, due: datetime) -> int | None:
    assert request.id is not None and request.person_id is not None
    key = _KEY.format(id=request.id, kind=request.kind)
    existing = session.exec(
        select(FollowUp).where(FollowUp.person_id == request.person_id, FollowUp.external_id == key)
    ).first()
    if existing is not None:
        return existing.id
    followup = FollowUp(
        person_id=request.person_id,
        request_id=request.id,
        kind=kind,
        due_at=as_utc(due),
        note="",
        external_id=key,
    )
    session.add(followup)
    session.flush()
    audit.record(
        session,
        "followup.create",
        "followup",
        followup.id,
        {"source": SOURCE, "person_id": request.person_id, "request_id": request.id, "kind": kind},
    )
    return followup.id


def apply_kind(
    session: Session, request: Request, now: datetime, *, complaint_days: int = COMPLAINT_DAYS
) -> None:
    """Follow-ups and marks the request's kind calls for (once; needs its person)."""
    if request.person_id is None or request.status == RequestStatus.DONE:
        return
    if request.kind == RequestKind.ORDER:
        # Same day: due when it arrived (or now, for one assigned later).
        _followup_for(session, request, FollowUpKind.FOLLOW_UP.value, max(now, request.received_at))
    elif request.kind == RequestKind.COMPLAINT:
        if request.deadline_at is None:
            request.deadline_at = as_utc(request.received_at) + timedelta(days=complaint_days)
            session.add(request)
        _followup_for(session, request, FollowUpKind.COMPLAINT_DEADLINE.value, request.deadline_at)
        _mark_dissatisfied(session, request, now)
    session.flush()


def _mark_dissatisfied(session: Session, request: Request, now: datetime) -> None:
    assert request.person_id is not None
    if FlagKey.DISSATISFIED in attention.flags_for(session, request.person_id):
        return  # set already (by hand or another complaint): that one stays in charge
    attention.set_flag(
        session,
        request.person_id,
        FlagKey.DISSATISFIED.value,
        f"#{request.id}",
        source=SOURCE,
        now=now,
    )
    request.marked_dissatisfied = True
    session.add(request)


def resolve(session: Session, request: Request, now: datetime) -> None:
    """A request is done: its open follow-ups close, the mark it set is cleared."""
    assert request.id is not None
    open_followups = session.exec(
        select(FollowUp).where(FollowUp.request_id == request.id, col(FollowUp.done_at).is_(None))
    ).all()
    for followup in open_followups:
        followup.done_at = as_utc(now)
        followup.resolution = "done"
        followup.updated_at = as_utc(now)
        session.add(followup)
    if request.marked_dissatisfied and request.person_id is not None:
        others = session.exec(
            select(Request.id).where(
                Request.person_id == request.person_id,
                col(Request.marked_dissatisfied).is_(True),
                col(Request.status) != RequestStatus.DONE,
                Request.id != request.id,
            )
        ).first()
        if others is None and FlagKey.DISSATISFIED in attention.flags_for(
            session, request.person_id
        ):
            attention.clear_flag(
                session, request.person_id, FlagKey.DISSATISFIED.value, f"#{request.id}", now=now
            )
        request.marked_dissatisfied = False
        session.add(request)
    session.flush()
