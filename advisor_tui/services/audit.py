"""Audit entries: every service that changes data writes one here."""

from __future__ import annotations

import getpass
import json
from typing import Any

from sqlmodel import Session

from advisor_tui.domain.models import AuditEntry


def current_actor() -> str:
    """The advisor's name: config `advisor_name` / ADVISOR_NAME, else the OS user."""
    from advisor_tui.config import ConfigError, load_settings

    try:
        name = load_settings().advisor_name
    except ConfigError:
        name = None
    if name:
        return name
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


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
