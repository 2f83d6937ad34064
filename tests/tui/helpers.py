"""One way to wait in TUI tests: for the app to settle, or until something holds.

Use these instead of `pilot.pause(0.2)` or hand-written polling loops:

    await settle(pilot)                                  # workers done, messages handled
    card = await wait_until(pilot, lambda: loaded_card(pilot.app))

`settle` waits for what the app is doing right now (thread workers and the
messages they post, which may start further workers). `wait_until` is for what
comes later (a timer, a socket, a debounced search): it settles, checks, and
repeats until the predicate holds or the timeout passes.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable, Iterable
from typing import TypeVar

from textual.pilot import Pilot
from textual.worker import Worker

T = TypeVar("T")

# Workers that run for the life of the app; waiting for them would never end.
LONG_RUNNING = frozenset({"callmonitor"})


def _busy(workers: Iterable[Worker], ignore: frozenset[str]) -> list[Worker]:
    return [w for w in workers if not w.is_finished and w.name not in ignore]


async def settle(
    pilot: Pilot, timeout: float = 10.0, ignore: frozenset[str] = LONG_RUNNING
) -> None:
    """Wait until no (finite) worker runs and every message they posted is handled.

    A worker that fails or is cancelled counts as finished: tests that expect a
    failure assert on what the screen says about it.
    """
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    quiet = 0
    # Two quiet rounds in a row: a handler run by the first pause may start a worker.
    while quiet < 2:
        await pilot.pause()
        busy = _busy(pilot.app.workers, ignore)
        if not busy:
            quiet += 1
            continue
        quiet = 0
        remaining = deadline - loop.time()
        if remaining <= 0:
            names = ", ".join(f"{w.name or w.group}" for w in busy)
            raise AssertionError(f"workers still running after {timeout} s: {names}")
        # A worker still PENDING raises at once from wait(); the loop comes back to it.
        waits = asyncio.gather(*(w.wait() for w in busy), return_exceptions=True)
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(waits, timeout=remaining)
        if any(not w.is_running and not w.is_finished for w in busy):
            await asyncio.sleep(0.001)  # let pending workers start


async def wait_until(
    pilot: Pilot,
    predicate: Callable[[], T],
    timeout: float = 5.0,
    message: str | None = None,
) -> T:
    """Settle and poll until `predicate()` is truthy; return its value.

    Raises AssertionError (with `message`, if given) when it never holds.
    """
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while True:
        await settle(pilot, timeout=max(deadline - loop.time(), 0.1))
        value = predicate()
        if value:
            return value
        if loop.time() >= deadline:
            raise AssertionError(message or f"condition never held within {timeout} s")
        # Something is due later (a timer, a socket): give it a moment.
        await pilot.pause(0.02)
