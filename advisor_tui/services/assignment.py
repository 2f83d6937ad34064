"""Handing follow-ups and requests to a colleague, and "mine" on the agenda.

An item is *mine* when it is assigned to me or to nobody; a colleague's
assigned items leave my view (and appear in theirs). Names are the advisors'
`advisor_name`s (`storage.authorship`); assigning to a name registers it.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import or_, select
from sqlmodel import Session, col

from advisor_tui.domain.models import AdvisorUser, FollowUp, Request
from advisor_tui.domain.timestamps import utcnow
from advisor_tui.services import audit
from advisor_tui.services.errors import NotFound
from advisor_tui.services.stale import check_version, refusing_stale
from advisor_tui.storage.authorship import register


def colleagues(session: Session) -> list[str]:
    """Every advisor name the database knows, sorted."""
    names = session.execute(select(AdvisorUser.name).order_by(col(AdvisorUser.name)))  # type: ignore[call-overload]
    return list(names.scalars())


def assignees(session: Session, me: str) -> list[str]:
    """Who an item can be handed to: `me` first, then the colleagues by name."""
    return [me, *(name for name in colleagues(session) if name != me)]


def _assign(
    session: Session, model: Any, key: str, item_id: int, to: str | None, version: int | None
) -> Any:
    item = session.get(model, item_id)
    if item is None:
        raise NotFound(key, id=item_id)
    check_version(session, item, version)
    to = (to or "").strip() or None
    if item.assigned_to == to:
        return item
    if to is not None:
        register(session, to)
    before = item.assigned_to
    item.assigned_to = to
    item.updated_at = utcnow()
    audit.record(session, "assign", model.__tablename__, item_id, {"from": before, "to": to})
    with refusing_stale(session, model, item_id):
        session.flush()
    return item


def assign_followup(
    session: Session, followup_id: int, to: str | None, *, expected_version: int | None = None
) -> FollowUp:
    """Hand a follow-up to `to` (None: back to anyone)."""
    return _assign(session, FollowUp, "assign.no_followup", followup_id, to, expected_version)


def assign_request(
    session: Session, request_id: int, to: str | None, *, expected_version: int | None = None
) -> Request:
    """Hand a request to `to` (None: back to anyone)."""
    return _assign(session, Request, "assign.no_request", request_id, to, expected_version)


def mine_condition(model: Any, me: str) -> Any:
    """SQL: assigned to `me` or to nobody."""
    return or_(col(model.assigned_to).is_(None), col(model.assigned_to) == me)


def is_mine(assigned_to: str | None, me: str) -> bool:
    return assigned_to is None or assigned_to == me
