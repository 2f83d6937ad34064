"""Writes refused because someone else changed the record first (optimistic locking).

`version` is SQLAlchemy's version counter on the edited tables
(`domain.models.columns.Versioned`): every UPDATE and DELETE carries
`WHERE version = ?`, and a row changed by another session since it was
loaded matches nothing, so the flush raises `StaleDataError`. Services that
also take an `expected_version` (what the screen showed) refuse a mismatch
before writing. Either way the user is told who changed the record and when.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm.exc import StaleDataError
from sqlmodel import Session

from advisor_tui.domain.models import AuditEntry
from advisor_tui.domain.timestamps import local, utcnow
from advisor_tui.i18n import t
from advisor_tui.i18n.dates import format_datetime, format_time
from advisor_tui.services.errors import StaleWrite


def _when_text(at: datetime) -> str:
    if local(at).date() == local(utcnow()).date():
        return format_time(at)
    return format_datetime(at)


def stale_write(session: Session, entity: Any, entity_id: int | None) -> StaleWrite:
    """The error for a write to `entity` #`entity_id` that lost to someone else's.

    Reads the row's `updated_at` and the newest audit entry's actor as they are
    now (the session must be usable: roll back first after a failed flush).
    """
    table = entity.__table__
    row = session.execute(
        select(table.c.updated_at, table.c.created_at).where(table.c.id == entity_id)
    ).first()
    if row is None:
        return StaleWrite("stale_gone", entity=table.name, id=entity_id)
    entry = session.execute(
        select(AuditEntry.actor, AuditEntry.at)  # type: ignore[call-overload]
        .where(AuditEntry.entity == table.name, AuditEntry.entity_id == entity_id)
        .order_by(AuditEntry.at.desc(), AuditEntry.id.desc())  # type: ignore[attr-defined,union-attr]
        .limit(1)
    ).first()
    at = row[0] or (entry[1] if entry is not None else None) or row[1]
    actor = entry[0] if entry is not None and entry[0] else t("stale_write.someone")
    return StaleWrite(
        "stale_write",
        actor=actor,
        time=_when_text(at),
        at=at.isoformat(),
        entity=table.name,
        id=entity_id,
    )


def check_version(
    session: Session, record: Any, expected_version: int | None, entity_id: int | None = None
) -> None:
    """Refuse to go on when the record is no longer the version the user saw."""
    if expected_version is not None and record.version != expected_version:
        raise stale_write(session, type(record), record.id if entity_id is None else entity_id)


@contextmanager
def refusing_stale(session: Session, entity: Any, entity_id: int | None) -> Iterator[None]:
    """Around a flush: a row changed meanwhile becomes `StaleWrite` (after a rollback).

    The failed flush leaves the transaction unusable, so the session is rolled
    back (nothing of this unit of work is kept) before the error is built.
    """
    try:
        yield
    except StaleDataError as exc:
        session.rollback()
        raise stale_write(session, entity, entity_id) from exc
