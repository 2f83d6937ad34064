"""Who wrote it: the advisor's name on new calls, follow-ups and requests.

The name is the config's `advisor_name` (ADVISOR_NAME overrides), else the
login name. Installed once per process by `storage.db.open_engine`: before a
Session flushes, new interactions, follow-ups and requests without
`created_by` get the name, and the advisor is registered in `advisor_user`
(once per session; insert-once, so two advisors starting at the same moment
both succeed). Bulk loads on a bare connection leave `created_by` empty.
"""

from __future__ import annotations

import getpass
from typing import Any

from sqlalchemy import event
from sqlalchemy.orm import Session

from advisor_tui.domain.models import AdvisorUser, FollowUp, Interaction, Request

_REGISTERED = "advisor_registered"
_STAMPED = (FollowUp, Interaction, Request)
_installed = False


def current_name() -> str:
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


def register(session: Session, name: str) -> None:
    """Make sure `name` has its advisor_user row (in the session's transaction)."""
    if session.info.get(_REGISTERED) == name:
        return
    from advisor_tui.storage.unique import insert_once

    insert_once(session, AdvisorUser(name=name), ["name"])  # type: ignore[arg-type]
    session.info[_REGISTERED] = name


def _stamp(session: Session, _context: Any, _instances: Any) -> None:
    """before_flush: new rows that record who made them get the advisor's name."""
    name: str | None = None
    for obj in session.new:
        if isinstance(obj, _STAMPED) and obj.created_by is None:
            name = name or current_name()
            obj.created_by = name
    if name is not None:
        register(session, name)


def install_authorship() -> None:
    """Stamp new rows in every Session (idempotent; call once per process)."""
    global _installed
    if _installed:
        return
    event.listen(Session, "before_flush", _stamp)
    _installed = True
