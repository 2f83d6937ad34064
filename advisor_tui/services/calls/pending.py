"""Call outcomes waiting to be stored: none is lost while the database is busy.

The call monitor hands over outcomes as they happen; another program may hold
the database lock just then. Outcomes queue here in arrival order and are
written by `drain`, which retries a busy database and leaves what still
cannot be written in the queue for the next `drain`.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from advisor_tui.io.callmonitor_events import CallOutcome
from advisor_tui.services.errors import StaleWrite
from advisor_tui.storage.retry import is_busy, retry_busy

R = TypeVar("R")

# A concurrent edit of the caller's address makes the evidence write stale; a
# fresh transaction reads the new version.
STALE_ATTEMPTS = 3


@dataclass
class Drained(Generic[R]):
    """What one `drain` did: reports of stored outcomes, outcomes that failed for good."""

    stored: list[R] = field(default_factory=list)
    failed: list[tuple[CallOutcome, Exception]] = field(default_factory=list)
    waiting: int = 0  # still queued because the database stayed busy


class PendingCalls(Generic[R]):
    """A thread-safe queue of call outcomes and the one function that stores each."""

    def __init__(
        self,
        store: Callable[[CallOutcome], R],
        *,
        retry: Callable[[Callable[[], R]], R] = retry_busy,
    ) -> None:
        self._store = store
        self._retry = retry
        self._queue: deque[CallOutcome] = deque()
        self._queue_lock = threading.Lock()
        self._drain_lock = threading.Lock()

    def add(self, outcome: CallOutcome) -> None:
        with self._queue_lock:
            self._queue.append(outcome)

    def __len__(self) -> int:
        with self._queue_lock:
            return len(self._queue)

    def _first(self) -> CallOutcome | None:
        with self._queue_lock:
            return self._queue[0] if self._queue else None

    def _drop_first(self) -> None:
        with self._queue_lock:
            self._queue.popleft()

    def _store_fresh(self, outcome: CallOutcome) -> R:
        """Store one outcome; an address changed meanwhile is read again, not a lost call."""
        for attempt in range(1, STALE_ATTEMPTS + 1):
            try:
                return self._store(outcome)
            except StaleWrite:
                if attempt == STALE_ATTEMPTS:
                    raise
        raise AssertionError("unreachable")  # pragma: no cover

    def drain(self) -> Drained[R]:
        """Store queued outcomes in order until the queue is empty or the database stays busy."""
        result: Drained[R] = Drained()
        with self._drain_lock:
            while (outcome := self._first()) is not None:
                try:
                    report = self._retry(lambda o=outcome: self._store_fresh(o))  # type: ignore[misc]
                except Exception as exc:  # noqa: BLE001 - reported, never raised into the monitor
                    if is_busy(exc):
                        break
                    self._drop_first()
                    result.failed.append((outcome, exc))
                    continue
                self._drop_first()
                result.stored.append(report)
        result.waiting = len(self)
        return result
