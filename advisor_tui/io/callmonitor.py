"""The FRITZ!Box call monitor client: a small asyncio reader that never gives up.

Why not fritzconnection's `FritzMonitor`: it runs its socket in a thread and
hands events over through a `queue.Queue`, and it stops after ten failed
reconnects. The TUI runs on Textual's asyncio loop, so a plain
`asyncio.open_connection` reader lives there without threads or queues, is
cancelled like any task, and can retry forever. It is also one dependency
less, and the parser it feeds (`callmonitor_events`) is pure and testable
line by line.

Use:

    monitor = CallMonitor("fritz.box", 1012, on_event)
    task = asyncio.create_task(monitor.run())   # or a Textual worker
    ...
    monitor.stop()                              # run() then returns

`on_event(outcome)` gets each `CallOutcome` (a plain function or a
coroutine function); `on_status(status)` hears about the link. Errors in
either are logged and never end the monitor.
"""

from __future__ import annotations

import asyncio
import contextlib
import inspect
import logging
import socket
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import tzinfo
from enum import StrEnum
from typing import Any, TypeVar

from advisor_tui.io.callmonitor_events import (
    CallEvent,
    CallOutcome,
    CallTracker,
    EventType,
    MonitorLineError,
    OutcomeKind,
    clean_number,
    parse_line,
)

__all__ = [
    "Backoff",
    "CallEvent",
    "CallMonitor",
    "CallOutcome",
    "CallTracker",
    "EventType",
    "LinkState",
    "LinkStatus",
    "MonitorLineError",
    "OutcomeKind",
    "clean_number",
    "parse_line",
]

log = logging.getLogger(__name__)

DEFAULT_PORT = 1012
T = TypeVar("T")


class LinkState(StrEnum):
    CONNECTING = "connecting"
    CONNECTED = "connected"
    LOST = "lost"  # the box closed the link or could not be reached; `retry_in` follows
    STOPPED = "stopped"


@dataclass(frozen=True)
class LinkStatus:
    state: LinkState
    host: str
    port: int
    retry_in: float | None = None  # seconds until the next attempt (state LOST)
    reason: str | None = None  # LOST: "closed", "refused", "timeout" or "error"
    error: str | None = None  # the system's own words (e.g. "Name or service not known")


class Backoff:
    """Exponential delays: `initial`, doubling, capped at `cap`; `reset()` starts over."""

    def __init__(self, initial: float = 1.0, cap: float = 60.0) -> None:
        self.initial = initial
        self.cap = cap
        self._next = initial

    def next(self) -> float:
        delay = self._next
        self._next = min(self._next * 2, self.cap)
        return delay

    def reset(self) -> None:
        self._next = self.initial


class _Stopped(Exception):
    """stop() was called while waiting."""


OnEvent = Callable[[CallOutcome], Any]
OnStatus = Callable[[LinkStatus], Any]


class CallMonitor:
    """Connect to the box, read its lines, feed a CallTracker, report outcomes.

    When the box refuses or drops the link the monitor waits (`backoff_initial`
    doubling up to `backoff_cap`) and connects again, as long as it runs. The
    backoff starts over once a link has delivered an event or stayed up for
    `stable_after` seconds. The tracker survives reconnects, so a call that
    rang before a drop still pairs with its DISCONNECT afterwards.
    """

    def __init__(
        self,
        host: str,
        port: int = DEFAULT_PORT,
        on_event: OnEvent | None = None,
        *,
        on_status: OnStatus | None = None,
        tracker: CallTracker | None = None,
        tz: tzinfo | None = None,
        backoff_initial: float = 1.0,
        backoff_cap: float = 60.0,
        stable_after: float = 30.0,
        connect_timeout: float = 10.0,
    ) -> None:
        self.host = host
        self.port = port
        self.on_event = on_event
        self.on_status = on_status
        self.tracker = tracker or CallTracker()
        self.tz = tz
        self.backoff = Backoff(backoff_initial, backoff_cap)
        self.stable_after = stable_after
        self.connect_timeout = connect_timeout
        self.connections = 0  # successful connects so far (tests, status lines)
        self.skipped_lines = 0  # lines that were no readable event (logged, then skipped)
        self._stop = asyncio.Event()

    @property
    def stopping(self) -> bool:
        return self._stop.is_set()

    def stop(self) -> None:
        """Ask run() to close the link and return; final (start a new monitor to resume)."""
        self._stop.set()

    async def run(self) -> None:
        """Read events until stop() is called; reconnect whenever the link fails."""
        try:
            while not self._stop.is_set():
                error: str | None = None
                try:
                    await self._one_connection()
                except _Stopped:
                    break
                except TimeoutError:
                    reason = "timeout"
                except ConnectionRefusedError:
                    reason = "refused"  # usually: the monitor is not enabled (#96*5*)
                except (OSError, EOFError) as exc:
                    reason = "error"
                    error = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
                except asyncio.CancelledError:
                    raise
                except Exception as exc:
                    # Whatever broke the reader, the link is gone: say so (never leave the
                    # status at "connected") and connect again, as after a drop.
                    log.exception("call monitor %s:%s: reader failed", self.host, self.port)
                    reason = "error"
                    error = str(exc) or type(exc).__name__
                else:
                    reason = "closed"
                log.info("call monitor %s:%s lost: %s %s", self.host, self.port, reason, error)
                if self._stop.is_set():
                    break
                delay = self.backoff.next()
                await self._status(LinkState.LOST, retry_in=delay, reason=reason, error=error)
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._stop.wait(), delay)
        finally:
            await self._status(LinkState.STOPPED)

    async def _one_connection(self) -> None:
        """Connect once and read until the box closes the link."""
        await self._status(LinkState.CONNECTING)
        reader, writer = await self._or_stop(
            asyncio.wait_for(asyncio.open_connection(self.host, self.port), self.connect_timeout)
        )
        try:
            _enable_keepalive(writer)
            self.connections += 1
            connected_at = time.monotonic()
            await self._status(LinkState.CONNECTED)
            while True:
                try:
                    data = await self._or_stop(reader.readline())
                except ValueError:  # a line over the stream limit: junk, skip it
                    log.warning("call monitor: overlong line skipped")
                    continue
                if not data:
                    return
                if await self._handle_line(data.decode("utf-8", errors="replace")):
                    self.backoff.reset()
                if time.monotonic() - connected_at >= self.stable_after:
                    self.backoff.reset()
        finally:
            writer.close()
            with contextlib.suppress(Exception):
                await asyncio.wait_for(writer.wait_closed(), 1.0)

    async def _handle_line(self, line: str) -> bool:
        """Parse, track and report one line; True if it was a valid event."""
        if not line.strip():
            return False
        try:
            event = parse_line(line, self.tz)
            outcomes = self.tracker.feed(event)
        except MonitorLineError as exc:
            log.warning("call monitor: skipped line: %s", exc)
            self.skipped_lines += 1
            return False
        except Exception:  # a line the parser let through but the tracker chokes on
            log.exception("call monitor: skipped line %r", line.strip())
            self.skipped_lines += 1
            return False
        for outcome in outcomes:
            await self._call(self.on_event, outcome)
        return True

    async def _status(self, state: LinkState, **more: Any) -> None:
        await self._call(self.on_status, LinkStatus(state, self.host, self.port, **more))

    @staticmethod
    async def _call(callback: Callable[[Any], Any] | None, arg: Any) -> None:
        if callback is None:
            return
        try:
            result = callback(arg)
            if inspect.isawaitable(result):
                await result
        except asyncio.CancelledError:
            raise
        except Exception:  # a broken consumer must not end the monitor
            log.exception("call monitor callback failed")

    async def _or_stop(self, awaitable: Awaitable[T]) -> T:
        """Await `awaitable` unless stop() comes first (then raise _Stopped)."""
        work = asyncio.ensure_future(awaitable)
        stopper = asyncio.ensure_future(self._stop.wait())
        try:
            await asyncio.wait({work, stopper}, return_when=asyncio.FIRST_COMPLETED)
        finally:
            if not stopper.done():
                stopper.cancel()
        if work.done():
            return work.result()
        work.cancel()
        with contextlib.suppress(BaseException):
            await work
        raise _Stopped


def _enable_keepalive(writer: asyncio.StreamWriter) -> None:
    """TCP keepalive: notice a box that vanished (power cut) instead of waiting forever."""
    sock = writer.get_extra_info("socket")
    if sock is None:
        return
    with contextlib.suppress(OSError, AttributeError):
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE, 1)
        # Linux: first probe after 60 s idle, then every 10 s, give up after 5.
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_KEEPIDLE, 60)
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_KEEPINTVL, 10)
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_KEEPCNT, 5)
