"""What the advisor should know when the phone rings: facts about the caller.

Known numbers: per candidate person the company, flags, open requests, the
promised callback and the last contact. Unknown numbers: the newest earlier
requests and calls from that same number. Facts only; the UI words them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import and_, func, or_
from sqlmodel import Session, col, select

from advisor_tui.domain.flags import flag_symbols
from advisor_tui.domain.models import FollowUp, Interaction, Person, Request
from advisor_tui.domain.timestamps import as_utc
from advisor_tui.domain.vocabulary import FollowUpKind, MatchKind, RequestStatus
from advisor_tui.services import audit
from advisor_tui.services.calls.recording import CALL_KEY_PREFIX, CallerInfo
from advisor_tui.services.flags import current_flags
from advisor_tui.services.persons.last_contact import last_contact_kinds
from advisor_tui.services.request_texts import first_texts

# How many earlier contacts of an unknown number the pop-up shows, and how much of each text.
EARLIER_LIMIT = 3
TEXT_LIMIT = 60


@dataclass(frozen=True)
class PromisedCallback:
    due_at: datetime
    attempts: int


@dataclass(frozen=True)
class LastContact:
    at: datetime
    kind: str  # InteractionKind


@dataclass(frozen=True)
class PersonContext:
    person_id: int
    name: str
    company: str
    flags: str  # symbols, e.g. "★€"
    open_requests: int
    callback: PromisedCallback | None
    last_contact: LastContact | None


@dataclass(frozen=True)
class EarlierContact:
    """A request or call from the caller's number before this ring."""

    at: datetime
    channel: str  # Channel
    text: str  # at most TEXT_LIMIT characters; "" for a bare call


@dataclass(frozen=True)
class CallerContext:
    persons: list[PersonContext] = field(default_factory=list)
    earlier: list[EarlierContact] = field(default_factory=list)


def _number_of(caller: CallerInfo) -> str | None:
    normalized = caller.lookup.normalized if caller.lookup is not None else None
    return normalized or caller.number


def caller_context(session: Session, caller: CallerInfo, now: datetime) -> CallerContext:
    """The facts for a ring pop-up; a handful of indexed queries whatever the data size."""
    if caller.withheld:
        return CallerContext()
    if caller.known and caller.candidates:
        ids = [c.person_id for c in caller.candidates]
        return CallerContext(persons=_persons(session, ids, now))
    number = _number_of(caller)
    if not number:
        return CallerContext()
    return CallerContext(earlier=_earlier(session, number))


def _persons(session: Session, ids: list[int], now: datetime) -> list[PersonContext]:
    people = {p.id: p for p in session.exec(select(Person).where(col(Person.id).in_(ids))).all()}
    open_counts = dict(
        session.exec(
            select(Request.person_id, func.count())
            .where(col(Request.person_id).in_(ids), col(Request.status) != RequestStatus.DONE)
            .group_by(col(Request.person_id))
        ).all()
    )
    callbacks: dict[int, PromisedCallback] = {}
    open_callbacks = session.exec(
        select(FollowUp)
        .where(
            col(FollowUp.person_id).in_(ids),
            FollowUp.kind == FollowUpKind.CALLBACK.value,
            col(FollowUp.done_at).is_(None),
        )
        .order_by(col(FollowUp.due_at), col(FollowUp.id))
    ).all()
    for followup in open_callbacks:
        callbacks.setdefault(
            followup.person_id, PromisedCallback(followup.due_at, followup.attempts)
        )
    last = {
        person_id: LastContact(at, kind)
        for person_id, (at, kind) in last_contact_kinds(session, ids, as_utc(now)).items()
    }
    flags = current_flags(session, ids)
    result = []
    for person_id in ids:
        person = people.get(person_id)
        if person is None:
            continue
        result.append(
            PersonContext(
                person_id=person_id,
                name=person.display_name,
                company=person.company,
                flags=flag_symbols(flags.get(person_id, ())),
                open_requests=int(open_counts.get(person_id, 0)),
                callback=callbacks.get(person_id),
                last_contact=last.get(person_id),
            )
        )
    return result


def _clip(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= TEXT_LIMIT else text[: TEXT_LIMIT - 1].rstrip() + "…"


def _earlier(session: Session, number: str) -> list[EarlierContact]:
    requests = session.exec(
        select(Request)
        .where(Request.sender_normalized == number)
        .order_by(col(Request.received_at).desc(), col(Request.id).desc())
        .limit(EARLIER_LIMIT)
    ).all()
    # Calls from the number: their keys start with the prefix. A range, not LIKE: both
    # engines serve it from ix_interaction_external_id (byte order on PostgreSQL, 0015);
    # LIKE scanned every interaction (seconds at 100,000 persons).
    prefix = f"{CALL_KEY_PREFIX}{number}:"
    calls = session.exec(
        select(Interaction)
        .where(
            or_(
                col(Interaction.number) == number,
                and_(
                    col(Interaction.external_id) >= prefix,
                    col(Interaction.external_id) < prefix[:-1] + ";",  # ";" follows ":"
                ),
            )
        )
        .order_by(col(Interaction.occurred_at).desc(), col(Interaction.id).desc())
        .limit(EARLIER_LIMIT)
    ).all()
    texts = first_texts(session, [r.id for r in requests if r.id is not None])
    found = [
        EarlierContact(r.received_at, r.channel, _clip(texts.get(r.id or 0, ""))) for r in requests
    ]
    found += [EarlierContact(i.occurred_at, i.channel or "phone", _clip(i.summary)) for i in calls]
    found.sort(key=lambda e: as_utc(e.at), reverse=True)
    return found[:EARLIER_LIMIT]


def attach_requests_from(session: Session, person_id: int, number: str) -> int:
    """Give the unassigned requests from `number` to `person_id` (match manual); how many."""
    requests = session.exec(
        select(Request).where(col(Request.person_id).is_(None), Request.sender_normalized == number)
    ).all()
    for request in requests:
        request.person_id = person_id
        request.match = MatchKind.MANUAL.value
        session.add(request)
        audit.record(session, "request.assign", "request", request.id, {"person_id": person_id})
    session.flush()
    return len(requests)
