"""Record consent events and read the state they add up to (UWG §7, §7a; GDPR Art. 7, 21).

The ledger is append-only: there is no update or delete here. Each event is
audited; an objection also puts the person's addresses on the do-not-contact
list (`do_not_contact`), so it outlives an erasure.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlmodel import Session, col, func, select

from advisor_tui.domain import consent as rules
from advisor_tui.domain.models import ConsentEvent, ConsentUse, Person
from advisor_tui.domain.timestamps import as_utc, utcnow
from advisor_tui.domain.vocabulary import ConsentChannel
from advisor_tui.services import audit
from advisor_tui.services.consent import do_not_contact
from advisor_tui.services.errors import NotFound, ServiceError
from advisor_tui.services.stale import refusing_stale


def get_person(session: Session, person_id: int, *, include_restricted: bool = False) -> Person:
    """The person (services.persons would import this package back: the card shows consent)."""
    person = session.get(Person, person_id)
    if person is None or (person.restricted_until is not None and not include_restricted):
        raise NotFound("person_not_found", id=person_id)
    return person


def record_event(
    session: Session,
    person_id: int,
    *,
    kind: str,
    channel: str,
    method: str = rules.ConsentMethod.CONVERSATION.value,
    address: str = "",
    purpose: str = "",
    wording: str = "",
    evidence: str = "",
    recorded_by: str | None = None,
    occurred_at: datetime | None = None,
    now: datetime | None = None,
) -> ConsentEvent:
    """Add one event to the ledger; the caller commits. Refuses bad input with `consent.err.*`."""
    problem = rules.check_event(kind, channel, method)
    if problem is not None:
        raise ServiceError(f"consent.err.{problem}", kind=kind, channel=channel, method=method)
    if method == rules.ConsentMethod.EXISTING_CUSTOMER and not wording.strip():
        raise ServiceError("consent.err.notice_required")  # §7(3) Nr.4: the objection notice
    get_person(session, person_id)
    now = as_utc(now or utcnow())
    at = as_utc(occurred_at or now)
    if at > now:
        raise ServiceError("consent.err.future", text=at.isoformat())
    event = ConsentEvent(
        person_id=person_id,
        channel=channel,
        address=address.strip(),
        kind=kind,
        purpose=purpose.strip(),
        method=method,
        wording=wording.strip(),
        evidence=evidence.strip(),
        recorded_by=recorded_by if recorded_by is not None else audit.current_actor(),
        occurred_at=at,
    )
    session.add(event)
    session.flush()
    audit.record(
        session,
        "consent.record",
        "consent_event",
        event.id,
        {"person_id": person_id, "kind": kind, "channel": channel, "method": method},
    )
    if kind == rules.ConsentEventKind.OBJECTION:
        do_not_contact.remember_person(session, person_id, extra=address)
    return event


def ledger(session: Session, person_id: int) -> list[ConsentEvent]:
    """Every event of a person, oldest first (the order they take effect in)."""
    query = (
        select(ConsentEvent)
        .where(ConsentEvent.person_id == person_id)
        .order_by(col(ConsentEvent.occurred_at), col(ConsentEvent.id))
    )
    return list(session.exec(query))


def as_rule_events(events: list[ConsentEvent]) -> list[rules.Event]:
    return [
        rules.Event(e.kind, e.channel, e.occurred_at, e.method, e.address, e.id or 0)
        for e in events
    ]


def states(session: Session, person_id: int) -> dict[str, rules.ChannelState]:
    """The current state of each consent channel of a person."""
    return rules.channel_states(as_rule_events(ledger(session, person_id)))


def has_objection(session: Session, person_id: int) -> bool:
    """Whether an objection (Art. 21) is on record for the person."""
    query = select(func.count()).where(
        ConsentEvent.person_id == person_id,
        ConsentEvent.kind == rules.ConsentEventKind.OBJECTION.value,
    )
    return bool(session.exec(query).one())


@dataclass(frozen=True)
class ChannelView:
    """One line of the consent panel: the state, the last use and the §7a evidence date."""

    state: rules.ChannelState
    last_use: datetime | None = None
    uses: int = 0
    keep_until: date | None = None  # §7a: the evidence may be discarded from this day


@dataclass(frozen=True)
class ConsentOverview:
    person_id: int
    party: str
    channels: list[ChannelView]
    events: list[ConsentEvent]


def overview(session: Session, person_id: int) -> ConsentOverview:
    """Everything the consent panel and `advisor consent ID --json` show."""
    person = get_person(session, person_id, include_restricted=True)
    events = ledger(session, person_id)
    current = rules.channel_states(as_rule_events(events))
    grants = rules.last_grants(as_rule_events(events))
    uses = session.exec(
        select(ConsentUse.channel, func.count(), func.max(ConsentUse.used_at))
        .where(ConsentUse.person_id == person_id)
        .group_by(ConsentUse.channel)
    ).all()
    used = {channel: (count, as_utc(last) if last else None) for channel, count, last in uses}
    views = []
    for channel in ConsentChannel:
        state = current[channel.value]
        count, last = used.get(channel.value, (0, None))
        granted = grants.get(channel.value)
        # §7a: evidence of a grant is kept 5 years from it and from its last use, revoked or not.
        keep = rules.evidence_keep_until(granted, last) if granted else None
        views.append(ChannelView(state, last, count, keep))
    return ConsentOverview(person_id, person.party, views, events)


def set_party(session: Session, person_id: int, party: str) -> Person:
    """Mark a person as consumer or business; the caller commits."""
    if party not in {p.value for p in rules.Party}:
        raise ServiceError("consent.err.party", party=party)
    person = get_person(session, person_id)
    if person.party != party:
        old = person.party
        person.party = party
        person.updated_at = utcnow()
        session.add(person)
        with refusing_stale(session, Person, person_id):
            session.flush()
        audit.record(session, "person.party", "person", person_id, {"old": old, "new": party})
    return person


@dataclass(frozen=True)
class Reapplied:
    """An objection put back on a person because one of their addresses is on the list."""

    person_id: int
    name: str
    addresses: tuple[str, ...]  # the raw texts of the listed addresses
    new_event_id: int | None  # None when the person had objected already


def reapply_objections(session: Session, person_ids: list[int]) -> list[Reapplied]:
    """After an import or a new address: re-record the objection of listed addresses.

    A person with an address on the do-not-contact list gets an objection
    event (method `do_not_contact`) unless one is on record; the person's
    other addresses join the list. The caller commits and tells the user.
    One count query when the list is empty (imports call this for every person).
    """
    found = []
    listed = do_not_contact.listed_by_person(session, list(dict.fromkeys(person_ids)))
    for person_id, hits in sorted(listed.items()):
        event_id = None
        if has_objection(session, person_id):
            do_not_contact.remember_person(session, person_id)
        else:
            first = hits[0]
            event = record_event(
                session,
                person_id,
                kind=rules.ConsentEventKind.OBJECTION.value,
                channel=do_not_contact.ADDRESS_CHANNEL.get(first.kind, ConsentChannel.PHONE).value,
                method=rules.ConsentMethod.DO_NOT_CONTACT.value,
                address=first.normalized or "",
            )
            event_id = event.id
        name = get_person(session, person_id, include_restricted=True).display_name
        found.append(Reapplied(person_id, name, tuple(a.raw for a in hits), event_id))
    return found
