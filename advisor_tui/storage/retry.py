"""Retrying a unit of database work while another writer holds the lock.

SQLite's busy timeout (`storage/db.py`) already waits inside one statement;
this adds a few whole-transaction retries with a growing pause, because a
lock can also surface at BEGIN or COMMIT, and PostgreSQL reports a
serialization failure or deadlock that only a fresh transaction fixes.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TypeVar

from sqlalchemy.exc import OperationalError

T = TypeVar("T")

# SQLite's wording, and PostgreSQL's SQLSTATEs for serialization failure,
# deadlock and lock not available.
_BUSY_FRAGMENTS = ("database is locked", "database table is locked", "database is busy")
_BUSY_SQLSTATES = {"40001", "40P01", "55P03"}

ATTEMPTS = 4
FIRST_PAUSE_S = 0.25


def is_busy(exc: BaseException) -> bool:
    """True when `exc` means "another writer holds the lock; try again later"."""
    orig = getattr(exc, "orig", None)
    for candidate in (exc, orig):
        if candidate is None:
            continue
        if getattr(candidate, "sqlstate", None) in _BUSY_SQLSTATES:
            return True
        message = str(candidate).lower()
        if any(fragment in message for fragment in _BUSY_FRAGMENTS):
            return True
    return False


def retry_busy(
    work: Callable[[], T],
    *,
    attempts: int | None = None,
    first_pause: float | None = None,
    sleep: Callable[[float], object] = time.sleep,
) -> T:
    """Run `work` (one whole transaction), again with a growing pause while the DB is busy.

    Any other error, or the last busy one, propagates unchanged. The defaults
    are read at call time (ATTEMPTS, FIRST_PAUSE_S), so tests can shorten them.
    """
    attempts = ATTEMPTS if attempts is None else attempts
    pause = FIRST_PAUSE_S if first_pause is None else first_pause
    for attempt in range(1, attempts + 1):
        try:
            return work()
        except OperationalError as exc:
            if attempt == attempts or not is_busy(exc):
                raise
        sleep(pause)
        pause *= 2
    raise AssertionError("unreachable")  # pragma: no cover
