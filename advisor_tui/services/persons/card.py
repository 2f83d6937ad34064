"""Everything the customer card shows, loaded in one go."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlmodel import Session, col, select

from advisor_tui.domain.consent import ChannelState, ChannelStatus
from advisor_tui.domain.due import effective_at, is_overdue, is_snoozed
from advisor_tui.domain.models import FlagEvent, FollowUp, Interaction, Person, Request
from advisor_tui.domain.timestamps import utcnow
from advisor_tui.domain.vocabulary import RequestStatus
from advisor_tui.services.consent.ledger import states as consent_states
from advisor_tui.services.flags import current_events
from advisor_tui.services.persons.editing import get_person
from advisor_tui.services.persons.ranking import RankedAddress, ranked_addresses
from advisor_tui.services.request_texts import first_texts

RECENT_INTERACTIONS = 8


@dataclass
class CardData:
    person: Person
    addresses: list[RankedAddress]
    open_requests: list[Request]
    followups: list[FollowUp]  # every open one, overdue first, then by effective due time
    interactions: list[Interaction]  # most recent first
    now: datetime  # the moment the card was loaded (scores and "overdue" refer to it)
    # Request id -> the subject or text of its first message (services.request_texts).
    request_texts: dict[int, str] = field(default_factory=dict)
    consents: list[ChannelState] = field(default_factory=list)  # recorded channels
    flags: dict[str, FlagEvent] = field(default_factory=dict)  # flag -> the event setting it

    def is_overdue(self, followup: FollowUp) -> bool:
        """Overdue at `now` by its effective time (a snoozed one is not, until it ends)."""
        return is_overdue(followup, self.now)

    def is_snoozed(self, followup: FollowUp) -> bool:
        return is_snoozed(followup, self.now)

    @property
    def last_contact(self) -> Interaction | None:
        """The latest interaction on any channel (derived from those loaded, newest first)."""
        return self.interactions[0] if self.interactions else None

    @property
    def tags(self) -> list[str]:
        """The person's tags, split and trimmed."""
        return [tag.strip() for tag in self.person.tags.split(",") if tag.strip()]


def latest_consents(session: Session, person_id: int) -> list[ChannelState]:
    """The channels the consent ledger says something about, in channel order."""
    states = consent_states(session, person_id).values()
    return [state for state in states if state.status != ChannelStatus.NONE]


def load_card(
    session: Session,
    person_id: int,
    now: datetime | None = None,
    *,
    recent: int = RECENT_INTERACTIONS,
) -> CardData:
    """The person with ranked addresses, open requests, open follow-ups, last contacts, consent."""
    now = now or utcnow()
    person = get_person(session, person_id)
    requests = session.exec(
        select(Request)
        .where(Request.person_id == person_id)
        .where(col(Request.status) != RequestStatus.DONE)
        .order_by(col(Request.received_at).desc())
    ).all()
    followups = session.exec(
        select(FollowUp)
        .where(FollowUp.person_id == person_id)
        .where(col(FollowUp.done_at).is_(None))
        .order_by(col(FollowUp.due_at), col(FollowUp.id))
    ).all()
    # Every open promise (a complaint deadline weeks out too), overdue ones first.
    followups = sorted(followups, key=lambda f: (not is_overdue(f, now), effective_at(f)))
    interactions = session.exec(
        select(Interaction)
        .where(Interaction.person_id == person_id)
        .order_by(col(Interaction.occurred_at).desc())
        .limit(recent)
    ).all()
    return CardData(
        person=person,
        addresses=ranked_addresses(session, person_id, now),
        open_requests=list(requests),
        request_texts=first_texts(session, [r.id for r in requests if r.id is not None]),
        followups=list(followups),
        interactions=list(interactions),
        now=now,
        consents=latest_consents(session, person_id),
        flags=current_events(session, [person_id]).get(person_id, {}),
    )
