"""FRITZ!Box call monitor lines, and the state machine that pairs them into calls.

The box (port 1012, enabled by dialling `#96*5*`) sends one line per event:

    dd.mm.yy HH:MM:SS;RING;conn-id;caller;called;line;
    dd.mm.yy HH:MM:SS;CALL;conn-id;extension;caller;called;line;
    dd.mm.yy HH:MM:SS;CONNECT;conn-id;extension;number;
    dd.mm.yy HH:MM:SS;DISCONNECT;conn-id;seconds;

`parse_line` turns one line into a `CallEvent` (or raises `MonitorLineError`);
`CallTracker.feed` pairs events per connection id into `CallOutcome`s: an
incoming ring, a missed call, an answered call with its duration, an outgoing
call, a blocked call. Both are pure: no sockets, no database, no clock.
"""

from __future__ import annotations

import heapq
import itertools
import logging
import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta, tzinfo
from enum import StrEnum

log = logging.getLogger(__name__)

# Withheld callers show as an empty field or "0".
_HIDDEN = {"", "0"}
# ASCII digits only: str.isdigit() also accepts "²" or "٣", which int() refuses or misreads.
_DIGITS = re.compile(r"[0-9]+")


class EventType(StrEnum):
    RING = "RING"
    CALL = "CALL"
    CONNECT = "CONNECT"
    DISCONNECT = "DISCONNECT"


# Fields after date;TYPE;conn-id that each event must have.
_MIN_FIELDS = {
    EventType.RING: 3,
    EventType.CALL: 4,
    EventType.CONNECT: 2,
    EventType.DISCONNECT: 1,
}


class MonitorLineError(ValueError):
    """A line that is no call monitor event; the message says why (for the log)."""


@dataclass(frozen=True)
class CallEvent:
    """One line of the call monitor.

    `remote` is the other party's number (RING: caller, CALL: called, CONNECT:
    number), None when withheld; `local` is the advisor's own number that was
    called or dialled from.
    """

    type: EventType
    at: datetime  # aware, the box's local time
    conn_id: int
    remote: str | None = None
    local: str | None = None
    extension: str | None = None
    line: str | None = None
    duration_seconds: int | None = None
    raw: str = ""


def clean_number(text: str) -> str | None:
    """The number as the box sent it, without a `#` suffix; None when withheld."""
    number = text.split("#", 1)[0].strip()
    return None if number in _HIDDEN else number


def _timestamp(text: str, tz: tzinfo | None) -> datetime:
    try:
        naive = datetime.strptime(text.strip(), "%d.%m.%y %H:%M:%S")
    except ValueError as exc:
        raise MonitorLineError(f"bad timestamp {text!r}") from exc
    # The box speaks its own local time, which is normally the machine's zone too.
    return naive.astimezone() if tz is None else naive.replace(tzinfo=tz)


def _number_field(text: str, what: str) -> int:
    value = text.strip()
    if not _DIGITS.fullmatch(value):
        raise MonitorLineError(f"bad {what} {value!r}")
    return int(value)


def parse_line(line: str, tz: tzinfo | None = None) -> CallEvent:
    """Parse one call monitor line; raise MonitorLineError for anything else."""
    try:
        return _parse(line, tz)
    except MonitorLineError:
        raise
    except (ValueError, TypeError, IndexError, OverflowError) as exc:
        # Whatever the line holds, the caller gets one kind of error to skip it by.
        raise MonitorLineError(f"unreadable line {line.strip()!r}: {exc}") from exc


def _parse(line: str, tz: tzinfo | None) -> CallEvent:
    text = line.strip()
    fields = text.split(";")
    if fields and fields[-1] == "":
        fields.pop()  # every line ends with ";"
    if len(fields) < 3:
        raise MonitorLineError(f"too few fields: {text!r}")
    try:
        kind = EventType(fields[1].strip().upper())
    except ValueError as exc:
        raise MonitorLineError(f"unknown event {fields[1]!r}") from exc
    rest = fields[3:]
    if len(rest) < _MIN_FIELDS[kind]:
        raise MonitorLineError(f"too few fields for {kind}: {text!r}")
    conn_id = _number_field(fields[2], "connection id")
    at = _timestamp(fields[0], tz)
    if kind is EventType.RING:
        return CallEvent(
            kind,
            remote=clean_number(rest[0]),
            local=clean_number(rest[1]),
            line=rest[2].strip() or None,
            at=at,
            conn_id=conn_id,
            raw=text,
        )
    if kind is EventType.CALL:
        return CallEvent(
            kind,
            extension=rest[0].strip() or None,
            local=clean_number(rest[1]),
            remote=clean_number(rest[2]),
            line=rest[3].strip() or None,
            at=at,
            conn_id=conn_id,
            raw=text,
        )
    if kind is EventType.CONNECT:
        return CallEvent(
            kind,
            extension=rest[0].strip() or None,
            remote=clean_number(rest[1]),
            at=at,
            conn_id=conn_id,
            raw=text,
        )
    seconds = _number_field(rest[0], "duration")
    return CallEvent(kind, duration_seconds=seconds, at=at, conn_id=conn_id, raw=text)


class OutcomeKind(StrEnum):
    RING = "ring"  # an incoming call rings now: pop the caller's card
    OUTGOING = "outgoing"  # the advisor dials out
    CONNECTED = "connected"  # either direction: someone picked up
    MISSED = "missed"  # incoming, ended without being answered
    ANSWERED = "answered"  # incoming, answered and now ended (duration)
    OUTGOING_ENDED = "outgoing_ended"  # outgoing ended (duration; `connected` says if reached)
    # Incoming, ended in the second it rang without being answered: the box (call
    # barring) or the network turned it away. Nobody to call back: no callback.
    BLOCKED = "blocked"


@dataclass(frozen=True)
class CallOutcome:
    """What a call monitor event means for the advisor.

    `number` is the other party as the box sent it (None when withheld);
    `started_at` is when the call rang or was dialled (the time of the call),
    `at` the time of the event that produced this outcome.
    """

    kind: OutcomeKind
    conn_id: int
    direction: str  # "in" or "out"
    number: str | None
    started_at: datetime
    at: datetime
    own_number: str | None = None
    extension: str | None = None
    line: str | None = None
    connected: bool = False
    duration_seconds: int | None = None

    @property
    def withheld(self) -> bool:
        return self.number is None


@dataclass
class _Call:
    direction: str
    number: str | None
    started_at: datetime
    own_number: str | None
    line: str | None
    extension: str | None = None
    connected: bool = False


@dataclass
class CallTracker:
    """Pairs RING/CALL/CONNECT/DISCONNECT per connection id into outcomes.

    Connection ids are reused by the box, so a RING or CALL on an id that is
    still open starts a new call (the old one lost its DISCONNECT, e.g. while
    the link was down, and is dropped: we cannot know how it ended). Events
    for ids never seen (monitor started mid-call) give no outcome.

    Linear in events: open calls also sit in a heap by start time, so finding
    the stale ones costs nothing while there are none (a scan of every open
    call on every event made 20,000 unanswered rings cost minutes).
    """

    # A call older than this without DISCONNECT is forgotten (the box lost it).
    max_age: timedelta = timedelta(hours=12)
    _open: dict[int, _Call] = field(default_factory=dict)
    # (started_at, sequence, conn_id, call); entries of ended calls are dropped lazily.
    _by_start: list[tuple[datetime, int, int, _Call]] = field(default_factory=list)
    _sequence: itertools.count[int] = field(default_factory=itertools.count)

    @property
    def open_calls(self) -> int:
        return len(self._open)

    def feed(self, event: CallEvent) -> list[CallOutcome]:
        """Take one event; return what it means (usually one outcome, maybe none)."""
        self._forget_stale(event.at)
        if event.type in (EventType.RING, EventType.CALL):
            return [self._start(event)]
        call = self._open.get(event.conn_id)
        if call is None:
            log.info("call monitor: %s for unknown connection %s", event.type, event.conn_id)
            return []
        if event.type is EventType.CONNECT:
            call.connected = True
            call.extension = event.extension or call.extension
            return [self._outcome(OutcomeKind.CONNECTED, event, call)]
        del self._open[event.conn_id]
        if call.direction == "out":
            kind = OutcomeKind.OUTGOING_ENDED
        elif call.connected:
            kind = OutcomeKind.ANSWERED
        elif event.at == call.started_at:
            kind = OutcomeKind.BLOCKED  # hung up in the second it rang: turned away
        else:
            kind = OutcomeKind.MISSED
        return [self._outcome(kind, event, call, duration=event.duration_seconds)]

    def _start(self, event: CallEvent) -> CallOutcome:
        if event.conn_id in self._open:
            log.warning("call monitor: connection %s reused before DISCONNECT", event.conn_id)
        ring = event.type is EventType.RING
        call = _Call(
            direction="in" if ring else "out",
            number=event.remote,
            started_at=event.at,
            own_number=event.local,
            line=event.line,
            extension=event.extension,
        )
        self._open[event.conn_id] = call
        heapq.heappush(self._by_start, (call.started_at, next(self._sequence), event.conn_id, call))
        self._compact()
        kind = OutcomeKind.RING if ring else OutcomeKind.OUTGOING
        return self._outcome(kind, event, call)

    def _forget_stale(self, now: datetime) -> None:
        heap = self._by_start
        while heap and now - heap[0][0] > self.max_age:
            _started, _seq, cid, call = heapq.heappop(heap)
            if self._open.get(cid) is call:  # still open (not ended, not replaced)
                del self._open[cid]

    def _compact(self) -> None:
        """Drop heap entries of ended calls once they outnumber the open ones (amortized O(1))."""
        if len(self._by_start) > 2 * len(self._open) + 64:
            self._by_start = [e for e in self._by_start if self._open.get(e[2]) is e[3]]
            heapq.heapify(self._by_start)

    @staticmethod
    def _outcome(
        kind: OutcomeKind, event: CallEvent, call: _Call, *, duration: int | None = None
    ) -> CallOutcome:
        return CallOutcome(
            kind=kind,
            conn_id=event.conn_id,
            direction=call.direction,
            number=call.number,
            started_at=call.started_at,
            at=event.at,
            own_number=call.own_number,
            extension=call.extension,
            line=call.line,
            connected=call.connected,
            duration_seconds=duration,
        )
