"""Log a contact by hand (a call, a message, a meeting, a letter) and correct its note.

`log_contact` is what the log modal (F2) and `advisor log-call` call: one
Interaction with the number or address kept as text, the outcome fed into
the address's evidence, optionally a new follow-up, and the person's open
follow-ups the advisor ticked closed by this contact. Everything is flushed,
audited and left to the caller to commit. Rows hold facts (kinds, outcome,
result, the note as typed); the UI renders them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlmodel import Session, col, select

from advisor_tui.domain.models import Address, FollowUp, Interaction
from advisor_tui.domain.timestamps import as_utc, utcnow
from advisor_tui.domain.vocabulary import (
    Channel,
    ContactResult,
    Direction,
    FollowUpKind,
    FollowUpResolution,
    InteractionKind,
    Outcome,
)
from advisor_tui.services import advice_records, audit
from advisor_tui.services.call_texts import CALL_KEY_PREFIX, contact_key
from advisor_tui.services.consent import checks as consent_checks
from advisor_tui.services.contacts.when import FollowUpChoice, followup_choices, parse_when
from advisor_tui.services.errors import NotFound, ServiceError
from advisor_tui.services.persons import evidence
from advisor_tui.services.persons.editing import get_person
from advisor_tui.services.stale import check_version, refusing_stale

__all__ = [
    "CHANNEL_KIND",
    "IN_PERSON",
    "FollowUpChoice",
    "LoggedContact",
    "correct_note",
    "followup_choices",
    "log_contact",
    "open_followups",
    "outcomes_for",
    "parse_when",
]

# A meeting: the channel in person.
IN_PERSON = Channel.IN_PERSON.value
SOURCE = "log"

# Which kind of interaction a contact on a channel is; every other channel is a message.
CHANNEL_KIND: dict[str, InteractionKind] = {
    Channel.PHONE: InteractionKind.CALL,
    Channel.VOICEMAIL: InteractionKind.CALL,
    Channel.EMAIL: InteractionKind.EMAIL,
    Channel.LETTER: InteractionKind.LETTER,
    IN_PERSON: InteractionKind.MEETING,
}

_CALL_OUTCOMES = (
    Outcome.REACHED,
    Outcome.NO_ANSWER,
    Outcome.VOICEMAIL,
    Outcome.BUSY,
    Outcome.WRONG_NUMBER,
)
# What each kind of contact can end with, the usual one first.
_OUTCOMES: dict[InteractionKind, tuple[Outcome, ...]] = {
    InteractionKind.CALL: _CALL_OUTCOMES,
    InteractionKind.EMAIL: (Outcome.SENT, Outcome.REACHED, Outcome.BOUNCED),
    InteractionKind.MESSAGE: (Outcome.SENT, Outcome.REACHED, Outcome.WRONG_NUMBER),
    InteractionKind.LETTER: (Outcome.SENT, Outcome.REACHED, Outcome.RETURNED),
    InteractionKind.MEETING: (Outcome.REACHED,),
}
# Nobody was reached: the follow-up made from such a contact is a callback.
_NOT_REACHED = {Outcome.NO_ANSWER, Outcome.VOICEMAIL, Outcome.BUSY}
MAX_DURATION_SECONDS = 24 * 3600
# A follow-up due "now" is not in the past because the form took a moment.
_GRACE = timedelta(minutes=1)


@dataclass(frozen=True)
class LoggedContact:
    """What `log_contact` stored: the interaction, the new follow-up, the ones it closed."""

    interaction_id: int
    followup_id: int | None = None
    followup_kind: str | None = None
    closed_followup_ids: tuple[int, ...] = ()


def channels() -> list[str]:
    """Every channel a contact can be logged on."""
    return [c.value for c in Channel]


def kind_for(channel: str) -> InteractionKind:
    """The interaction kind of a contact on `channel` (refuses unknown channels)."""
    if channel not in channels():
        raise ServiceError("contact.err.channel", channel=channel)
    return CHANNEL_KIND.get(channel, InteractionKind.MESSAGE)


def outcomes_for(channel: str) -> list[Outcome]:
    """The outcomes a contact on `channel` can have, the usual one first."""
    return list(_OUTCOMES[kind_for(channel)])


def open_followups(session: Session, person_id: int) -> list[FollowUp]:
    """The person's open follow-ups, the oldest due first (callbacks to offer for closing)."""
    query = (
        select(FollowUp)
        .where(FollowUp.person_id == person_id, col(FollowUp.done_at).is_(None))
        .order_by(col(FollowUp.due_at), col(FollowUp.id))
    )
    return list(session.exec(query))


def _check(
    session: Session,
    person_id: int,
    channel: str,
    direction: str,
    address_id: int | None,
    duration_seconds: int | None,
    outcome: str,
    result: str | None,
) -> tuple[InteractionKind, Address | None]:
    get_person(session, person_id)
    kind = kind_for(channel)
    if direction not in {d.value for d in Direction}:
        raise ServiceError("contact.err.direction", direction=direction)
    if outcome not in {o.value for o in _OUTCOMES[kind]}:
        raise ServiceError("contact.err.outcome", outcome=outcome)
    if result is not None and result not in {r.value for r in ContactResult}:
        raise ServiceError("contact.err.result", result=result)
    if duration_seconds is not None and not 0 <= duration_seconds <= MAX_DURATION_SECONDS:
        raise ServiceError("contact.err.duration", seconds=duration_seconds)
    address = None
    if address_id is not None:
        address = session.get(Address, address_id)
        if address is None or address.person_id != person_id:
            raise ServiceError("contact.err.address", id=address_id)
    return kind, address


def _followups_to_close(session: Session, person_id: int, ids: Iterable[int]) -> list[FollowUp]:
    found = []
    for followup_id in dict.fromkeys(ids):
        followup = session.get(FollowUp, followup_id)
        if followup is None or followup.person_id != person_id or followup.done_at is not None:
            raise ServiceError("contact.err.followup", id=followup_id)
        found.append(followup)
    return found


def log_contact(
    session: Session,
    person_id: int,
    *,
    channel: str = Channel.PHONE.value,
    direction: str = Direction.OUT.value,
    address_id: int | None = None,
    number_text: str = "",
    started_at: datetime | None = None,
    duration_seconds: int | None = None,
    outcome: str,
    result: str | None = None,
    note: str = "",
    follow_up_due: datetime | None = None,
    close_followup_ids: Iterable[int] = (),
    now: datetime | None = None,
    purpose: str | None = None,
    advice_record: bool = False,
    recorded_call_id: int | None = None,
) -> LoggedContact:
    """Store one contact with `person_id`; the caller commits.

    With `recorded_call_id` (a call the call monitor recorded, see
    `recorded_call`) the note, result and outcome complete that call instead of
    logging it a second time. Validates everything before writing anything: a
    refused contact leaves no trace (ServiceError with a `contact.err.*` key).
    """
    now = as_utc(now or utcnow())
    at = as_utc(started_at or now)
    kind, address = _check(
        session, person_id, channel, direction, address_id, duration_seconds, outcome, result
    )
    to_close = _followups_to_close(session, person_id, close_followup_ids)
    # UWG §7, GDPR Art. 21: advertising without consent is refused, nothing written.
    permission = _consent_checked(session, person_id, channel, purpose)
    if follow_up_due is not None and as_utc(follow_up_due) < now - _GRACE:
        raise ServiceError("contact.err.when_past", text=follow_up_due.isoformat())
    number = number_text.strip() or (address.raw if address is not None else "")
    if recorded_call_id is not None:
        recorded = _recorded(session, person_id, recorded_call_id)
        return _finish(
            session,
            _complete(session, recorded, outcome, result, note, address_id, purpose, advice_record),
            permission,
            to_close,
            follow_up_due,
            note,
            now,
        )
    interaction = Interaction(
        person_id=person_id,
        address_id=address_id,
        kind=kind.value,
        direction=direction,
        channel=channel,
        occurred_at=at,
        duration_seconds=duration_seconds if kind is InteractionKind.CALL else None,
        outcome=outcome,
        result=result,
        summary=note.strip(),
        number=number,
        purpose=purpose,
        is_advice_record=advice_record,
    )
    session.add(interaction)
    session.flush()
    assert interaction.id is not None
    if permission is not None:
        consent_checks.log_use(session, person_id, permission, interaction_id=interaction.id, at=at)
    if advice_record:
        advice_records.seal(session, interaction)  # FinVermV §18a: tamper-evident
    audit.record(
        session,
        "interaction.create",
        "interaction",
        interaction.id,
        {
            "source": SOURCE,
            "person_id": person_id,
            "channel": channel,
            "direction": direction,
            "outcome": outcome,
            "result": result,
            "number": number,
        },
    )
    if address_id is not None:
        evidence.apply_outcome(session, address_id, outcome, at)
    return _finish(session, interaction, None, to_close, follow_up_due, note, now)


def _finish(
    session: Session,
    interaction: Interaction,
    permission: consent_checks.ContactPermission | None,
    to_close: list[FollowUp],
    follow_up_due: datetime | None,
    note: str,
    now: datetime,
) -> LoggedContact:
    """Close the ticked follow-ups and promise the next one; shared by new and completed calls."""
    assert interaction.id is not None
    person_id, result = interaction.person_id, interaction.result
    outcome = interaction.outcome or ""
    if permission is not None:
        consent_checks.log_use(
            session, person_id, permission, interaction_id=interaction.id, at=now
        )
    closed = tuple(_close(session, f, interaction.id, now) for f in to_close)
    followup_id, followup_kind = None, None
    if follow_up_due is not None:
        followup_kind = _followup_kind(outcome, result)
        followup = FollowUp(
            person_id=person_id,
            kind=followup_kind,
            due_at=as_utc(follow_up_due),
            note=note.strip(),
            external_id=contact_key(interaction),  # its reason when the note is empty
        )
        session.add(followup)
        session.flush()
        followup_id = followup.id
        audit.record(
            session,
            "followup.create",
            "followup",
            followup_id,
            {
                "source": SOURCE,
                "person_id": person_id,
                "kind": followup_kind,
                "due_at": followup.due_at,
                "interaction_id": interaction.id,
            },
        )
    return LoggedContact(interaction.id, followup_id, followup_kind, closed)


# How long after a monitored call ends F2 completes it instead of logging a new contact.
RECORDED_CALL_WINDOW = timedelta(minutes=15)


def recorded_call(session: Session, person_id: int, now: datetime) -> Interaction | None:
    """The person's call the call monitor recorded in the last minutes, not yet completed.

    "Completed" means a note or a business result was added; the modal then
    fills in direction, number and duration from it and saving completes it.
    """
    since = as_utc(now) - RECORDED_CALL_WINDOW
    calls = session.exec(
        select(Interaction)
        .where(
            Interaction.person_id == person_id,
            Interaction.kind == InteractionKind.CALL.value,
            col(Interaction.external_id).startswith(CALL_KEY_PREFIX, autoescape=True),
            col(Interaction.occurred_at) >= since - timedelta(hours=2),  # long calls too
        )
        .order_by(col(Interaction.occurred_at).desc(), col(Interaction.id).desc())
        .limit(1)
    ).first()
    if calls is None or calls.summary or calls.result is not None:
        return None
    ended = as_utc(calls.occurred_at) + timedelta(seconds=calls.duration_seconds or 0)
    return calls if ended >= since else None


def _recorded(session: Session, person_id: int, interaction_id: int) -> Interaction:
    call = session.get(Interaction, interaction_id)
    if (
        call is None
        or call.person_id != person_id
        or call.kind != InteractionKind.CALL.value
        or not (call.external_id or "").startswith(CALL_KEY_PREFIX)
    ):
        raise ServiceError("contact.err.not_recorded", id=interaction_id)
    return call


def _complete(
    session: Session,
    call: Interaction,
    outcome: str,
    result: str | None,
    note: str,
    address_id: int | None,
    purpose: str | None,
    advice_record: bool,
) -> Interaction:
    """Add the advisor's note and result to a recorded call (a voicemail may correct 'reached')."""
    assert call.id is not None
    before = call.outcome
    call.outcome = outcome
    call.result = result
    call.summary = note.strip()
    call.address_id = call.address_id or address_id
    call.purpose = purpose
    call.is_advice_record = advice_record
    call.updated_at = utcnow()
    session.add(call)
    with refusing_stale(session, Interaction, call.id):
        session.flush()
    if advice_record:
        advice_records.seal(session, call)  # FinVermV §18a: tamper-evident from now on
    if call.address_id is not None and outcome != before:
        if before == Outcome.REACHED.value:  # the monitor took the pick-up for a success
            evidence.withdraw_success(session, call.address_id, call.occurred_at)
        evidence.apply_outcome(session, call.address_id, outcome, call.occurred_at)
    audit.record(
        session,
        "interaction.complete",
        "interaction",
        call.id,
        {"source": SOURCE, "outcome": outcome, "result": result, "was": before},
    )
    return call


def _consent_checked(
    session: Session, person_id: int, channel: str, purpose: str | None
) -> consent_checks.ContactPermission | None:
    """The consent check of a contact with a purpose; refuses advertising it forbids."""
    if purpose is None:
        return None
    permission = consent_checks.check_contact(session, person_id, channel, purpose)
    if not permission.allowed:
        raise ServiceError(permission.warning_key or "consent.warn.no_consent")
    return permission


def _followup_kind(outcome: str, result: str | None) -> str:
    if result == ContactResult.CALLBACK_WANTED or outcome in _NOT_REACHED:
        return FollowUpKind.CALLBACK.value
    return FollowUpKind.FOLLOW_UP.value


def _close(session: Session, followup: FollowUp, interaction_id: int, now: datetime) -> int:
    assert followup.id is not None
    followup.done_at = now
    followup.resolution = FollowUpResolution.CLOSED_WITH_CONTACT.value
    followup.closed_by_interaction_id = interaction_id
    followup.updated_at = now
    session.add(followup)
    with refusing_stale(session, FollowUp, followup.id):
        session.flush()
    audit.record(
        session,
        "followup.close",
        "followup",
        followup.id,
        {
            "resolution": FollowUpResolution.CLOSED_WITH_CONTACT.value,
            "interaction_id": interaction_id,
        },
    )
    return followup.id


def correct_note(
    session: Session,
    interaction_id: int,
    new_note: str,
    expected_version: int | None = None,
) -> Interaction:
    """Replace an interaction's note; the audit entry keeps the old text. The caller commits."""
    interaction = session.get(Interaction, interaction_id)
    if interaction is None:
        raise NotFound("contact.err.not_found", id=interaction_id)
    check_version(session, interaction, expected_version)
    if advice_records.is_sealed(session, interaction_id):
        # FinVermV §18a: a record of advice is never changed; the correction is a new one.
        return advice_records.correct(session, interaction_id, new_note)
    old = interaction.summary
    interaction.summary = new_note.strip()
    interaction.updated_at = utcnow()
    session.add(interaction)
    with refusing_stale(session, Interaction, interaction_id):
        session.flush()
    audit.record(
        session,
        "interaction.note",
        "interaction",
        interaction_id,
        {"old": old, "new": interaction.summary},
    )
    return interaction
