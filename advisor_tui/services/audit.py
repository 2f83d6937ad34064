"""Audit entries: every service that changes data writes one here."""

from __future__ import annotations

import json
from typing import Any

from sqlmodel import Session

from advisor_tui.domain.models import AuditEntry
from advisor_tui.storage.authorship import current_name


def current_actor() -> str:
    """The advisor's name: config `advisor_name` / ADVISOR_NAME, else the OS user."""
    return current_name()


def record(
    session: Session,
    action: str,
    entity: str,
    entity_id: int | None,
    details: dict[str, Any] | None = None,
) -> AuditEntry:
    """Add an audit entry to the session (committed with the change it describes)."""
    entry = AuditEntry(
        actor=current_actor(),
        action=action,
        entity=entity,
        entity_id=entity_id,
        details=json.dumps(details or {}, ensure_ascii=False, default=str, sort_keys=True),
    )
    session.add(entry)
    return entry
