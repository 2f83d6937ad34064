"""When each person was last in touch, on any channel: derived from interactions, never stored."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from sqlalchemy import func
from sqlmodel import Session, col, select

from advisor_tui.domain.models import Interaction, Person


def last_contacts(session: Session, person_ids: Sequence[int]) -> dict[int, datetime]:
    """The latest interaction's time per person of `person_ids` (absent: never in touch).

    One grouped query over the ids (indexed `interaction.person_id`): a page of the list
    costs one round trip, however many persons are stored.
    """
    if not person_ids:
        return {}
    latest = func.max(Interaction.occurred_at)
    rows = session.exec(
        select(Interaction.person_id, latest)
        .where(col(Interaction.person_id).in_(list(person_ids)))
        .group_by(col(Interaction.person_id))
    ).all()
    return {person_id: at for person_id, at in rows if at is not None}


def last_contact_kinds(
    session: Session, person_ids: Sequence[int], until: datetime
) -> dict[int, tuple[datetime, str]]:
    """The latest interaction up to `until` per person: its time and kind (for the pop-up)."""
    if not person_ids:
        return {}
    newest = (
        select(Interaction.person_id, func.max(Interaction.occurred_at).label("at"))
        .where(
            col(Interaction.person_id).in_(list(person_ids)),
            col(Interaction.occurred_at) <= until,
        )
        .group_by(col(Interaction.person_id))
        .subquery()
    )
    rows = session.exec(
        select(Interaction.person_id, Interaction.occurred_at, Interaction.kind)
        .join(
            newest,
            (col(Interaction.person_id) == newest.c.person_id)
            & (col(Interaction.occurred_at) == newest.c.at),
        )
        .order_by(col(Interaction.id).desc())
    ).all()
    found: dict[int, tuple[datetime, str]] = {}
    for person_id, at, kind in rows:
        found.setdefault(person_id, (at, kind))
    return found


def stale_persons(
    session: Session, now: datetime, weeks: int, limit: int | None = None
) -> list[tuple[int, datetime | None]]:
    """Persons with no interaction since `now` − `weeks`: (id, last contact or None).

    Never-contacted persons first, then the oldest contact first; restricted persons
    (processing restricted, GDPR Art. 18) are left out.
    """
    cutoff = now - timedelta(weeks=weeks)
    last = (
        select(
            col(Interaction.person_id).label("person_id"),
            func.max(Interaction.occurred_at).label("last_at"),
        )
        .group_by(col(Interaction.person_id))
        .subquery()
    )
    query = (
        select(col(Person.id), last.c.last_at)
        .outerjoin(last, last.c.person_id == col(Person.id))
        .where(col(Person.restricted_until).is_(None))
        .where((last.c.last_at.is_(None)) | (last.c.last_at < cutoff))
        .order_by(last.c.last_at.is_not(None), last.c.last_at, col(Person.sort_key), col(Person.id))
    )
    if limit is not None:
        query = query.limit(limit)
    return [(person_id, at) for person_id, at in session.exec(query).all() if person_id is not None]
