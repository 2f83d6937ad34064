"""Closing and snoozing a follow-up by hand (optimistic locking: the version seen)."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session

from advisor_tui.domain.models import FollowUp
from advisor_tui.domain.timestamps import as_utc, utcnow
from advisor_tui.domain.vocabulary import FollowUpResolution
from advisor_tui.services import audit
from advisor_tui.services.errors import NotFound, ServiceError
from advisor_tui.services.stale import check_version, refusing_stale


def _open(session: Session, followup_id: int) -> FollowUp:
    followup = session.get(FollowUp, followup_id)
    if followup is None:
        raise NotFound("agenda.err.not_found", id=followup_id)
    if followup.done_at is not None:
        raise ServiceError("agenda.err.done")
    return followup


def mark_done(
    session: Session,
    followup_id: int,
    note: str = "",
    expected_version: int | None = None,
    now: datetime | None = None,
) -> FollowUp:
    """Close a follow-up by hand (resolution "done") with an optional note; caller commits."""
    followup = _open(session, followup_id)
    check_version(session, followup, expected_version)
    when = as_utc(now or utcnow())
    followup.done_at = when
    followup.resolution = FollowUpResolution.DONE.value
    followup.resolution_note = note.strip()
    followup.updated_at = when
    session.add(followup)
    with refusing_stale(session, FollowUp, followup_id):
        session.flush()
    audit.record(
        session, "followup.done", "followup", followup_id, {"resolution": "done", "note": note}
    )
    return followup


def snooze(
    session: Session,
    followup_id: int,
    until: datetime,
    expected_version: int | None = None,
    now: datetime | None = None,
) -> FollowUp:
    """Hide a follow-up until `until`; its due date stays as it was. Caller commits."""
    followup = _open(session, followup_id)
    check_version(session, followup, expected_version)
    when = as_utc(now or utcnow())
    if as_utc(until) <= when:
        raise ServiceError("agenda.err.snooze_past")
    followup.snoozed_until = as_utc(until)
    followup.updated_at = when
    session.add(followup)
    with refusing_stale(session, FollowUp, followup_id):
        session.flush()
    audit.record(session, "followup.snooze", "followup", followup_id, {"until": until})
    return followup
