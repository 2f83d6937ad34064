"""Calls seen by the call monitor: who is calling, missed calls, logged calls.

One entry point for the headless `advisor callmonitor` and the TUI:
`handle_outcome(session, outcome)` looks the number up and, for a finished
call, records it; the caller commits. The pieces are public too:

- `identify_caller`: the lookup for a RING pop-up (number, candidates, match);
- `record_missed_call`: a callback promise (DESIGN.md idea 3). A caller whose
  number is known exactly gets a `FollowUp(kind="callback")` due at the time
  of the call. A number shared by several persons (household landline) gets
  one follow-up per person: we must not pick one silently (DESIGN.md
  "Matching"), and the advisor looks at whichever card comes up. An unknown
  number, a suffix-only suggestion or a withheld number becomes an inbox
  entry (`services.inbox.intake.record_incoming`, channel phone). Replaying
  the same call (same number, same time, same connection id) records nothing new, also when two
  listeners record it at once (`call_key`, unique indexes, `insert_once`).
  A callback is due within `callback_within_hours` working hours (Mon–Fri
  8–18), not the moment it rang; a further missed call from the same number
  while the callback is open adds to it (`attempts`), its key kept in the
  audit entry so that a replay of that call adds nothing;
- `log_answered_call` / `log_outgoing_call`: an `Interaction` for a number
  known for exactly one person (for a shared number we cannot know who was
  on the line; the advisor logs it by hand); its outcome feeds the address's
  evidence through `services.persons.evidence.apply_outcome`. An answered
  call from the person closes their open missed-call callbacks (resolution
  `called_in`, closed by that interaction).

Generated rows hold facts, no sentences (empty note, subject, body, summary):
`services.call_texts.entry_text` renders them in the reader's language.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlmodel import Session, col, or_, select

from advisor_tui.domain.incoming import IncomingMessage
from advisor_tui.domain.models import AuditEntry, FollowUp, Interaction, Person, Request
from advisor_tui.domain.phones import DEFAULT_REGION, format_for_display
from advisor_tui.domain.timestamps import as_utc
from advisor_tui.domain.vocabulary import (
    Channel,
    Direction,
    FollowUpKind,
    FollowUpResolution,
    InteractionKind,
    MatchKind,
    Outcome,
)
from advisor_tui.io.callmonitor_events import CallOutcome, OutcomeKind
from advisor_tui.services import audit
from advisor_tui.services.call_texts import time_of_call_key
from advisor_tui.services.followups.timing import DEFAULT_CALLBACK_WITHIN_HOURS, add_working_hours
from advisor_tui.services.inbox.intake import record_incoming
from advisor_tui.services.persons import evidence
from advisor_tui.services.persons.lookup import LookupResult, reverse_lookup
from advisor_tui.storage.unique import insert_once

SOURCE = "callmonitor"
CALL_KEY_PREFIX = f"{SOURCE}:"
_EXACT = (MatchKind.EXACT.value, MatchKind.SHARED.value)


@dataclass(frozen=True)
class Candidate:
    """A person the caller may be."""

    person_id: int
    name: str
    match: str  # "exact", "shared" or "suffix"
    address_id: int


@dataclass(frozen=True)
class CallerInfo:
    """Who is behind a number, for a pop-up or a printed line."""

    number: str | None  # as the box sent it; None when withheld
    display: str  # national notation when valid, else as sent; "" when withheld
    lookup: LookupResult | None  # None when withheld
    candidates: list[Candidate] = field(default_factory=list)

    @property
    def withheld(self) -> bool:
        return self.number is None

    @property
    def match(self) -> str:
        """How the caller was matched: exact, shared, suffix or unknown."""
        return self.candidates[0].match if self.candidates else MatchKind.UNKNOWN.value

    @property
    def known(self) -> bool:
        """True when the number belongs exactly to one or more persons."""
        return self.match in _EXACT


@dataclass(frozen=True)
class MissedCallRecord:
    """What a missed call left behind (ids of the new or already existing records)."""

    caller: CallerInfo
    at: datetime
    followup_ids: tuple[int, ...] = ()
    request_id: int | None = None
    created: bool = True  # False when this call had been recorded before

    @property
    def person_ids(self) -> tuple[int, ...]:
        return tuple(c.person_id for c in self.caller.candidates if self.caller.known)


@dataclass(frozen=True)
class LoggedCall:
    """An answered or outgoing call; `interaction_id` is None when not logged."""

    caller: CallerInfo
    at: datetime
    duration_seconds: int
    interaction_id: int | None = None
    created: bool = False


@dataclass(frozen=True)
class CallReport:
    """What `handle_outcome` did with one call monitor outcome."""

    outcome: CallOutcome
    caller: CallerInfo
    missed: MissedCallRecord | None = None
    logged: LoggedCall | None = None


def _display(number: str | None, lookup: LookupResult | None, region: str) -> str:
    if number is None:
        return ""  # the words for "withheld" are the UI's (services.calls.text)
    if lookup is not None and lookup.normalized and lookup.normalized.startswith("+"):
        return format_for_display(lookup.normalized, region)
    return number


def identify_caller(
    session: Session, number: str | None, *, region: str = DEFAULT_REGION
) -> CallerInfo:
    """Look `number` up (None = withheld): candidates with names and how they matched."""
    if number is None or not number.strip():
        return CallerInfo(None, _display(None, None, region), None)
    number = number.strip()
    lookup = reverse_lookup(session, number, region=region)
    candidates = []
    for hit in lookup.hits:
        person = session.get(Person, hit.person_id)
        name = person.display_name if person is not None else f"#{hit.person_id}"
        candidates.append(Candidate(hit.person_id, name, hit.match, hit.address_id))
    return CallerInfo(number, _display(number, lookup, region), lookup, candidates)


def call_key(number: str | None, at: datetime, conn_id: int | None = None) -> str:
    """The external key of one call: number, box time and (when known) connection id.

    Stored as the request's `message_id` or the interaction's or follow-up's
    `external_id`, each unique, so a replayed event finds what it left before.
    `services.call_texts.number_of_call_key` reads the number back out of it.
    """
    key = f"{SOURCE}:{number or 'withheld'}:{as_utc(at).isoformat()}"
    return key if conn_id is None else f"{key}:{conn_id}"


def _call_key(info: CallerInfo, at: datetime, conn_id: int | None) -> str:
    # The normalized number where there is one: the same call in another notation is one call.
    normalized = info.lookup.normalized if info.lookup is not None else None
    return call_key(normalized or info.number, at, conn_id)


def _existing_followup(session: Session, person_id: int, key: str) -> FollowUp | None:
    """The callback this very call left before (a replay), if any."""
    query = select(FollowUp).where(FollowUp.person_id == person_id, FollowUp.external_id == key)
    return session.exec(query).first()


def _key_number_prefix(key: str) -> str:
    """ "callmonitor:NUMBER:" of a call key: every call from that number starts so."""
    return key.split(":", 2)[0] + ":" + key.split(":", 2)[1] + ":"


def _open_callback_for_number(session: Session, person_id: int, key: str) -> FollowUp | None:
    """The person's open missed-call callback from the same number, the oldest first."""
    prefix = _key_number_prefix(key)
    query = (
        select(FollowUp)
        .where(
            FollowUp.person_id == person_id,
            FollowUp.kind == FollowUpKind.CALLBACK.value,
            col(FollowUp.done_at).is_(None),
            col(FollowUp.external_id).startswith(prefix, autoescape=True),
        )
        .order_by(col(FollowUp.due_at), col(FollowUp.id))
    )
    return session.exec(query).first()


def _attempt_recorded(session: Session, followup_id: int, key: str) -> bool:
    """Whether this call was added to the callback before (its key is in the audit entry)."""
    entries = session.exec(
        select(AuditEntry.details).where(
            AuditEntry.action == "followup.attempt",
            AuditEntry.entity == "followup",
            AuditEntry.entity_id == followup_id,
        )
    ).all()
    return any(f'"key": "{key}"' in details for details in entries)


def record_missed_call(
    session: Session,
    caller: str | None,
    at: datetime,
    *,
    region: str = DEFAULT_REGION,
    called: str | None = None,
    info: CallerInfo | None = None,
    conn_id: int | None = None,
    callback_within_hours: float = DEFAULT_CALLBACK_WITHIN_HOURS,
) -> MissedCallRecord:
    """Turn a missed call into callback follow-ups (known caller) or an inbox entry.

    `at` is the time the call rang (aware); `called` the advisor's own number
    that rang; `info` a lookup done already (e.g. for the RING pop-up);
    `conn_id` the box's connection id (part of the call's key);
    `callback_within_hours` the working hours until a new callback is due.
    """
    if info is None or info.number != (caller.strip() if caller else None):
        info = identify_caller(session, caller, region=region)
    key = _call_key(info, at, conn_id)
    if info.known:
        due = add_working_hours(at, callback_within_hours)
        return _missed_for_persons(session, info, at, key, due)
    return _missed_to_inbox(session, info, at, called, key)


def _missed_for_persons(
    session: Session, info: CallerInfo, at: datetime, key: str, due: datetime
) -> MissedCallRecord:
    ids: list[int] = []
    created = False
    for candidate in info.candidates:
        existing = _existing_followup(session, candidate.person_id, key)
        if existing is not None and existing.id is not None:
            ids.append(existing.id)
            continue
        open_callback = _open_callback_for_number(session, candidate.person_id, key)
        if open_callback is not None and open_callback.id is not None:
            ids.append(open_callback.id)
            if _add_attempt(session, open_callback, info, at, key):
                created = True
            continue
        # No sentence stored: the UI renders kind, due_at and the key's number.
        followup = FollowUp(
            person_id=candidate.person_id,
            kind=FollowUpKind.CALLBACK.value,
            due_at=due,
            note="",
            external_id=key,
        )
        followup_id, new = insert_once(session, followup, ("person_id", "external_id"))
        if not new:  # recorded meanwhile by another listener
            ids.append(followup_id)
            continue
        audit.record(
            session,
            "followup.create",
            "followup",
            followup_id,
            {"source": SOURCE, "person_id": candidate.person_id, "number": info.number, "at": at},
        )
        ids.append(followup_id)
        created = True
    return MissedCallRecord(info, at, tuple(ids), None, created)


def _add_attempt(
    session: Session, followup: FollowUp, info: CallerInfo, at: datetime, key: str
) -> bool:
    """Count one more call on an open callback (its first due time stays); False on a replay."""
    assert followup.id is not None
    if _attempt_recorded(session, followup.id, key):
        return False
    followup.attempts = (followup.attempts or 1) + 1
    # Calling again is no time to stay hidden: a snooze ends.
    followup.snoozed_until = None
    followup.updated_at = as_utc(at)
    session.add(followup)
    session.flush()
    audit.record(
        session,
        "followup.attempt",
        "followup",
        followup.id,
        {"source": SOURCE, "key": key, "number": info.number, "at": at},
    )
    session.flush()
    return True


def _close_callbacks(session: Session, person_id: int, interaction_id: int, at: datetime) -> None:
    """An answered call from the person: their missed-call callbacks from before are done."""
    open_callbacks = session.exec(
        select(FollowUp).where(
            FollowUp.person_id == person_id,
            FollowUp.kind == FollowUpKind.CALLBACK.value,
            col(FollowUp.done_at).is_(None),
            or_(
                col(FollowUp.external_id).startswith(CALL_KEY_PREFIX, autoescape=True),
                # A missed call that came in as a request (the inbox, an import).
                col(FollowUp.request_id).in_(
                    select(Request.id).where(
                        Request.person_id == person_id, Request.channel == Channel.PHONE.value
                    )
                ),
            ),
        )
    ).all()
    for followup in open_callbacks:
        missed_at = time_of_call_key(followup.external_id) or followup.created_at
        if missed_at is not None and as_utc(missed_at) > as_utc(at):
            continue  # a missed call after this one still waits for an answer
        followup.done_at = as_utc(at)
        followup.resolution = FollowUpResolution.CALLED_IN.value
        followup.resolution_note = ""  # the resolution says why
        followup.closed_by_interaction_id = interaction_id
        followup.updated_at = as_utc(at)
        session.add(followup)
        session.flush()
        audit.record(
            session,
            "followup.close",
            "followup",
            followup.id,
            {"resolution": FollowUpResolution.CALLED_IN.value, "interaction_id": interaction_id},
        )


def _missed_to_inbox(
    session: Session, info: CallerInfo, at: datetime, called: str | None, key: str
) -> MissedCallRecord:
    # No text stored: the UI renders the missed call from channel, kind, sender and time.
    message = IncomingMessage(
        channel=Channel.PHONE.value,
        sender=info.number or "",
        text="",
        at=as_utc(at),
        recipient=called or "",
        external_id=key,
    )
    result = record_incoming(session, message, source=SOURCE)
    return MissedCallRecord(info, at, (), result.request_id, result.created)


def _log_call(
    session: Session,
    info: CallerInfo,
    at: datetime,
    duration_seconds: int,
    *,
    direction: Direction,
    reached: bool,
    key: str,
) -> LoggedCall:
    if not (info.known and len(info.candidates) == 1):
        return LoggedCall(info, at, duration_seconds)
    candidate = info.candidates[0]
    existing = session.exec(
        select(Interaction).where(
            Interaction.person_id == candidate.person_id,
            Interaction.kind == InteractionKind.CALL.value,
            Interaction.direction == direction.value,
            col(Interaction.occurred_at) == as_utc(at),
        )
    ).first()
    if existing is not None:
        return LoggedCall(info, at, duration_seconds, existing.id, False)
    interaction = Interaction(
        person_id=candidate.person_id,
        address_id=candidate.address_id,
        kind=InteractionKind.CALL.value,
        direction=direction.value,
        channel=Channel.PHONE.value,
        occurred_at=as_utc(at),
        duration_seconds=duration_seconds,
        outcome=(Outcome.REACHED if reached else Outcome.NO_ANSWER).value,
        summary="",  # rendered by the UI from direction, outcome, duration and key
        external_id=key,
    )
    interaction_id, created = insert_once(session, interaction, ("channel", "external_id"))
    if not created:  # recorded meanwhile by another listener
        return LoggedCall(info, at, duration_seconds, interaction_id, False)
    # The outcome feeds the address's evidence (reached: last_success_at).
    evidence.apply_outcome(session, candidate.address_id, interaction.outcome or "", at)
    session.flush()
    if direction is Direction.IN and reached:
        _close_callbacks(session, candidate.person_id, interaction_id, at)
    audit.record(
        session,
        "interaction.create",
        "interaction",
        interaction_id,
        {"source": SOURCE, "person_id": candidate.person_id, "direction": direction.value},
    )
    return LoggedCall(info, at, duration_seconds, interaction_id, True)


def log_answered_call(
    session: Session,
    caller: str | None,
    at: datetime,
    duration_seconds: int,
    *,
    region: str = DEFAULT_REGION,
    info: CallerInfo | None = None,
    conn_id: int | None = None,
) -> LoggedCall:
    """Log an answered incoming call (outcome reached) for a caller known exactly."""
    info = info or identify_caller(session, caller, region=region)
    key = _call_key(info, at, conn_id)
    return _log_call(
        session, info, at, duration_seconds, direction=Direction.IN, reached=True, key=key
    )


def log_outgoing_call(
    session: Session,
    called: str | None,
    at: datetime,
    duration_seconds: int,
    *,
    connected: bool,
    region: str = DEFAULT_REGION,
    info: CallerInfo | None = None,
    conn_id: int | None = None,
) -> LoggedCall:
    """Log an outgoing call (reached or no answer) to a number known exactly."""
    info = info or identify_caller(session, called, region=region)
    key = _call_key(info, at, conn_id)
    return _log_call(
        session, info, at, duration_seconds, direction=Direction.OUT, reached=connected, key=key
    )


def handle_outcome(
    session: Session,
    outcome: CallOutcome,
    *,
    region: str = DEFAULT_REGION,
    callback_within_hours: float = DEFAULT_CALLBACK_WITHIN_HOURS,
) -> CallReport:
    """Identify the other party and record what the outcome means; the caller commits.

    `callback_within_hours`: working hours until a missed call's callback is due.
    """
    info = identify_caller(session, outcome.number, region=region)
    if outcome.kind is OutcomeKind.MISSED:
        missed = record_missed_call(
            session,
            outcome.number,
            outcome.started_at,
            region=region,
            called=outcome.own_number,
            info=info,
            conn_id=outcome.conn_id,
            callback_within_hours=callback_within_hours,
        )
        return CallReport(outcome, info, missed=missed)
    if outcome.kind is OutcomeKind.ANSWERED:
        logged = log_answered_call(
            session,
            outcome.number,
            outcome.started_at,
            outcome.duration_seconds or 0,
            region=region,
            info=info,
            conn_id=outcome.conn_id,
        )
        return CallReport(outcome, info, logged=logged)
    if outcome.kind is OutcomeKind.OUTGOING_ENDED:
        logged = log_outgoing_call(
            session,
            outcome.number,
            outcome.started_at,
            outcome.duration_seconds or 0,
            connected=outcome.connected,
            region=region,
            info=info,
            conn_id=outcome.conn_id,
        )
        return CallReport(outcome, info, logged=logged)
    return CallReport(outcome, info)
