"""Calls the box saw while the app was closed: import its call list (Anrufliste).

Each call of the list becomes the `CallOutcome` the call monitor would have
produced, recorded through `recording.handle_outcome`, so the same rules
apply: a missed call becomes callbacks or an inbox entry, an answered or
outgoing call an interaction, a blocked call nothing.

Overlap. The monitor keys a call by number, box time to the second and
connection id; the list knows the minute and no connection id. So before
recording, the list's calls of one number, minute and direction are matched
against the calls already stored for that number, minute and direction
(monitored or imported before, found by their call keys, also those counted
as a further attempt on an open callback): answered with answered, missed
with missed first, then any left over. Only list calls nothing stands for
are recorded, so importing the same list twice, or a list covering monitored
calls, adds nothing twice. A list call's own key is the monitor's key with
the minute and a negative connection id (the box's are never negative):
`-type`, or `-(type + 10·k)` with the first k whose key is not stored yet,
so the unique indexes catch a repeat too, and the card still reads the
number and time out of the key.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any

from sqlmodel import Session, col, select

from advisor_tui.domain.models import AuditEntry, FollowUp, Interaction, Message
from advisor_tui.domain.phones import DEFAULT_REGION
from advisor_tui.domain.timestamps import as_utc
from advisor_tui.domain.vocabulary import Channel, Direction
from advisor_tui.io.callmonitor_events import CallOutcome, OutcomeKind
from advisor_tui.io.fritz_calllist import CallList, CallListLineError, CallListRecord, CallListType
from advisor_tui.services.calls.recording import (
    CallReport,
    call_key,
    handle_outcome,
    identify_caller,
)
from advisor_tui.services.followups.timing import DEFAULT_CALLBACK_WITHIN_HOURS


class Fate(StrEnum):
    """What became of one call of the list."""

    IMPORTED = "imported"  # recorded now (callback, inbox entry or interaction)
    KNOWN = "known"  # already recorded: by the call monitor or an earlier import
    IGNORED = "ignored"  # nothing to record: blocked, or nobody known exactly on the line


@dataclass(frozen=True)
class ListCall:
    record: CallListRecord
    fate: Fate
    report: CallReport | None = None


@dataclass
class CallListImport:
    """The result of one import: each call's fate and the lines that were no call."""

    calls: list[ListCall] = field(default_factory=list)
    errors: list[CallListLineError] = field(default_factory=list)

    def count(self, fate: Fate) -> int:
        return sum(1 for call in self.calls if call.fate is fate)

    def counts(self) -> dict[str, int]:
        return {
            "imported": self.count(Fate.IMPORTED),
            "known": self.count(Fate.KNOWN),
            "ignored": self.count(Fate.IGNORED),
            "errors": len(self.errors),
        }

    @property
    def person_ids(self) -> frozenset[int]:
        """Persons whose records changed (for a UI to refresh)."""
        ids: set[int] = set()
        for call in self.calls:
            if call.fate is Fate.IMPORTED and call.report is not None:
                ids.update(c.person_id for c in call.report.caller.candidates)
        return frozenset(ids)

    def as_dict(self) -> dict[str, Any]:
        return {
            **self.counts(),
            "calls": [
                {
                    "line": call.record.line,
                    "type": call.record.type.value,
                    "at": call.record.at.isoformat(),
                    "number": call.record.number,
                    "duration_minutes": call.record.duration_minutes,
                    "result": call.fate.value,
                }
                for call in self.calls
            ],
            "error_lines": [
                {"line": e.line, "reason": e.reason, "value": e.value} for e in self.errors
            ],
        }


_KIND = {
    CallListType.INCOMING: OutcomeKind.ANSWERED,
    CallListType.MISSED: OutcomeKind.MISSED,
    CallListType.BLOCKED: OutcomeKind.BLOCKED,
    CallListType.OUTGOING: OutcomeKind.OUTGOING_ENDED,
}


def list_conn_id(kind: CallListType, index: int = 0) -> int:
    """The connection id of the `index`-th list call of one number, minute and type (< 0)."""
    return -(int(kind) + 10 * index)


def outcome_of(record: CallListRecord, conn_id: int) -> CallOutcome:
    """The outcome the call monitor would have reported at the end of this call."""
    seconds = record.duration_minutes * 60
    outgoing = record.type is CallListType.OUTGOING
    # Durations are rounded up to whole minutes: a reached call shows at least 0:01.
    connected = record.type is CallListType.INCOMING or (outgoing and seconds > 0)
    return CallOutcome(
        kind=_KIND[record.type],
        conn_id=conn_id,
        direction=Direction.OUT.value if outgoing else Direction.IN.value,
        number=record.number,
        started_at=record.at,
        at=record.at + timedelta(seconds=seconds),
        own_number=record.own_number,
        extension=record.extension or None,
        connected=connected,
        duration_seconds=seconds,
    )


def _minute_range(number_key: str | None, minute: datetime) -> tuple[str, str]:
    """Call keys of `number_key` within `minute`: [low, high) as strings."""
    key = call_key(number_key, minute.replace(second=0, microsecond=0))
    # "callmonitor:NUMBER:2025-05-03T12:02:00+00:00" -> everything "…T12:02:" starts with.
    low = key[: -len("00+00:00")]
    return low, low[:-1] + chr(ord(":") + 1)


# services.calls.recording: a further missed call on an open callback leaves its key here.
ATTEMPT_ACTION = "followup.attempt"


def attempt_keys(session: Session) -> list[str]:
    """Keys of the calls that were added to an open callback (kept in their audit entries)."""
    query = select(AuditEntry.details).where(
        AuditEntry.action == ATTEMPT_ACTION, AuditEntry.entity == "followup"
    )
    keys = []
    for details in session.exec(query):
        try:
            key = json.loads(details or "{}").get("key")
        except (ValueError, AttributeError):
            continue
        if isinstance(key, str):
            keys.append(key)
    return keys


# Which stored calls a list call of each type stands for (matched first; then any of
# the same direction: the monitor and the list may judge one call differently).
_CLASS = {
    CallListType.INCOMING: "answered",
    CallListType.MISSED: "missed",
    CallListType.OUTGOING: "outgoing",
}


def stored_in_minute(
    session: Session,
    number_key: str | None,
    minute: datetime,
    direction: str,
    attempts: Iterable[str] = (),
) -> dict[str, set[str]]:
    """The keys of the calls of this number, minute and direction stored already, by class.

    Classes: "answered" and "missed" (incoming), "outgoing". `attempts`: keys
    from `attempt_keys` (calls counted on an open callback).
    """
    low, high = _minute_range(number_key, minute)
    interactions = select(Interaction.external_id).where(
        Interaction.channel == Channel.PHONE.value,
        col(Interaction.external_id) >= low,
        col(Interaction.external_id) < high,
        Interaction.direction == direction,
    )
    logged = {k for k in session.exec(interactions) if k}
    if direction == Direction.OUT.value:
        return {"outgoing": logged}
    requests = select(Message.external_id).where(
        Message.channel == Channel.PHONE.value,
        col(Message.external_id) >= low,
        col(Message.external_id) < high,
    )
    missed = {k for k in session.exec(requests) if k}
    # A number shared by several persons leaves one follow-up each with the same key.
    followups = select(FollowUp.external_id).where(
        col(FollowUp.external_id) >= low, col(FollowUp.external_id) < high
    )
    missed.update(k for k in session.exec(followups) if k)
    missed.update(k for k in attempts if low <= k < high)
    return {"answered": logged, "missed": missed - logged}


Group = tuple[str | None, datetime, str]  # number key, minute (UTC), direction


def _already_stored(records: list[CallListRecord], stored: dict[str, set[str]]) -> set[int]:
    """ids of the group's list calls that stored calls stand for (same class first)."""
    left = {cls: len(keys) for cls, keys in stored.items()}
    known: set[int] = set()
    pending = []
    for record in records:
        cls = _CLASS[record.type]
        if left.get(cls, 0) > 0:
            left[cls] -= 1
            known.add(id(record))
        else:
            pending.append(record)
    spare = sum(left.values())
    known.update(id(record) for record in pending[:spare])
    return known


def import_calllist(
    session: Session,
    calls: CallList,
    *,
    region: str = DEFAULT_REGION,
    callback_within_hours: float = DEFAULT_CALLBACK_WITHIN_HOURS,
) -> CallListImport:
    """Record the list's calls that are not recorded yet; the caller commits (or rolls back).

    `callback_within_hours`: working hours until a missed call's callback is due.
    """
    result = CallListImport(errors=list(calls.errors))
    # Oldest first (the list is newest first): later calls see what earlier ones left.
    ordered = sorted(calls.records, key=lambda r: (as_utc(r.at), -r.line))
    groups: dict[Group, list[CallListRecord]] = defaultdict(list)
    group_of: dict[int, Group] = {}
    number_keys: dict[str | None, str | None] = {}
    for record in ordered:
        if record.type is CallListType.BLOCKED:
            continue
        if record.number not in number_keys:
            info = identify_caller(session, record.number, region=region)
            normalized = info.lookup.normalized if info.lookup is not None else None
            number_keys[record.number] = normalized or info.number
        direction = outcome_of(record, 0).direction
        group = (number_keys[record.number], as_utc(record.at).replace(second=0), direction)
        groups[group].append(record)
        group_of[id(record)] = group
    attempts = attempt_keys(session) if groups else []
    known: set[int] = set()
    taken: dict[Group, set[str]] = {}
    for group, records in groups.items():
        stored = stored_in_minute(session, *group, attempts)
        known |= _already_stored(records, stored)
        taken[group] = set().union(*stored.values())
    for record in ordered:
        if record.type is CallListType.BLOCKED:
            result.calls.append(ListCall(record, Fate.IGNORED))
            continue
        if id(record) in known:
            result.calls.append(ListCall(record, Fate.KNOWN))
            continue
        group = group_of[id(record)]
        conn_id = _free_conn_id(group, record.type, taken[group])
        outcome = outcome_of(record, conn_id)
        report = handle_outcome(
            session, outcome, region=region, callback_within_hours=callback_within_hours
        )
        result.calls.append(ListCall(record, _fate(report), report))
    result.calls.sort(key=lambda call: call.record.line)
    return result


def _free_conn_id(group: Group, kind: CallListType, taken: set[str]) -> int:
    """The first list connection id whose call key no stored call of the group has; taken now."""
    number_key, minute, _direction = group
    index = 0
    while call_key(number_key, minute, list_conn_id(kind, index)) in taken:
        index += 1
    taken.add(call_key(number_key, minute, list_conn_id(kind, index)))
    return list_conn_id(kind, index)


def _fate(report: CallReport) -> Fate:
    if report.missed is not None:
        return Fate.IMPORTED if report.missed.created else Fate.KNOWN
    logged = report.logged
    if logged is None or logged.interaction_id is None:
        return Fate.IGNORED
    return Fate.IMPORTED if logged.created else Fate.KNOWN
