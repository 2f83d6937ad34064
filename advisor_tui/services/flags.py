"""Setting and clearing attention flags by hand; the current state from the history.

A flag's current state is its latest `FlagEvent` for the person (by id, the
order they were recorded): one source of truth, read with one grouped query
for a whole page of persons. Setting a flag that is set (or clearing one that
is not) is refused, so the history never holds a change that changed nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import func
from sqlmodel import Session, col, select

from advisor_tui.domain.flags import FlagAction, FlagKey
from advisor_tui.domain.models import FlagEvent, FollowUp, Person
from advisor_tui.domain.timestamps import as_utc, utcnow
from advisor_tui.domain.vocabulary import FollowUpKind
from advisor_tui.services import audit
from advisor_tui.services.errors import NotFound, ServiceError

_CHUNK = 500


def _latest_ids(ids: Sequence[int] | None, flag: str | None = None) -> object:
    query = select(func.max(FlagEvent.id)).group_by(col(FlagEvent.person_id), col(FlagEvent.flag))
    if ids is not None:
        query = query.where(col(FlagEvent.person_id).in_(ids))
    if flag is not None:
        query = query.where(FlagEvent.flag == flag)
    return query


def current_events(session: Session, ids: Sequence[int]) -> dict[int, dict[str, FlagEvent]]:
    """Person id -> flag -> the `set` event that is in force, for the persons of `ids`."""
    result: dict[int, dict[str, FlagEvent]] = {}
    unique = list(dict.fromkeys(ids))
    for start in range(0, len(unique), _CHUNK):
        chunk = unique[start : start + _CHUNK]
        rows = session.exec(
            select(FlagEvent).where(
                col(FlagEvent.id).in_(_latest_ids(chunk)),  # type: ignore[arg-type]
                FlagEvent.action == FlagAction.SET,
            )
        ).all()
        for event in rows:
            result.setdefault(event.person_id, {})[event.flag] = event
    return result


def current_flags(session: Session, ids: Sequence[int]) -> dict[int, frozenset[str]]:
    """Person id -> the keys of the flags set now (persons without flags are left out)."""
    return {pid: frozenset(events) for pid, events in current_events(session, ids).items()}


def flags_for(session: Session, person_id: int) -> frozenset[str]:
    return current_flags(session, [person_id]).get(person_id, frozenset())


def flagged_ids(session: Session, flag: str) -> list[int]:
    """Ids of every visible person with `flag` set now."""
    rows = session.exec(
        select(FlagEvent.person_id)
        .join(Person, col(Person.id) == col(FlagEvent.person_id))
        .where(
            col(FlagEvent.id).in_(_latest_ids(None, flag)),  # type: ignore[arg-type]
            FlagEvent.action == FlagAction.SET,
            col(Person.restricted_until).is_(None),
        )
    ).all()
    return sorted(rows)


def history(session: Session, person_id: int) -> list[FlagEvent]:
    """Every flag event of the person, the latest first."""
    return list(
        session.exec(
            select(FlagEvent)
            .where(FlagEvent.person_id == person_id)
            .order_by(col(FlagEvent.id).desc())
        ).all()
    )


def _check(session: Session, person_id: int, flag: str, reason: str) -> FlagKey:
    if session.get(Person, person_id) is None:
        raise NotFound("person_not_found", id=person_id)
    try:
        key = FlagKey(flag)
    except ValueError:
        raise ServiceError("attention.err.unknown_flag", flag=flag) from None
    if not reason.strip():
        raise ServiceError("attention.err.reason_required")
    return key


def _record(
    session: Session,
    person_id: int,
    key: FlagKey,
    action: FlagAction,
    reason: str,
    at: datetime,
    when: datetime,
    *,
    source: str = "manual",
    next_step: str = "",
    followup_id: int | None = None,
) -> FlagEvent:
    """One flag event (set or clear) with its audit entry."""
    event = FlagEvent(
        person_id=person_id,
        flag=key.value,
        action=action.value,
        at=as_utc(at),
        reason=reason.strip(),
        actor=audit.current_actor(),
        source=source,
        next_step=next_step,
        followup_id=followup_id,
        created_at=when,
    )
    session.add(event)
    session.flush()
    details = {"person_id": person_id, "flag": key}
    audit.record(session, f"flag.{action.value}", "flag_event", event.id, details)
    return event


def set_flag(
    session: Session,
    person_id: int,
    flag: str,
    reason: str,
    *,
    at: datetime | None = None,
    source: str = "manual",
    next_step: str = "",
    follow_up_at: datetime | None = None,
    now: datetime | None = None,
) -> FlagEvent:
    """Set `flag` for the person with a reason; payment trouble needs its coaching plan
    (a next step and a follow-up date, which becomes a follow-up). Caller commits."""
    key = _check(session, person_id, flag, reason)
    if key in flags_for(session, person_id):
        raise ServiceError("attention.err.already_set")
    when = as_utc(now or utcnow())
    followup_id = None
    if key is FlagKey.PAYMENT:
        if not next_step.strip() or follow_up_at is None:
            raise ServiceError("attention.err.plan_required")
        followup = FollowUp(
            person_id=person_id,
            kind=FollowUpKind.FOLLOW_UP.value,
            due_at=as_utc(follow_up_at),
            note=next_step.strip(),
        )
        session.add(followup)
        session.flush()
        followup_id = followup.id
    return _record(
        session, person_id, key, FlagAction.SET, reason, at or when, when,
        source=source, next_step=next_step.strip(), followup_id=followup_id,
    )  # fmt: skip


def clear_flag(
    session: Session,
    person_id: int,
    flag: str,
    reason: str,
    *,
    at: datetime | None = None,
    now: datetime | None = None,
) -> FlagEvent:
    """Clear `flag` for the person with a reason. Caller commits."""
    key = _check(session, person_id, flag, reason)
    if key not in flags_for(session, person_id):
        raise ServiceError("attention.err.not_set")
    when = as_utc(now or utcnow())
    return _record(session, person_id, key, FlagAction.CLEAR, reason, at or when, when)
