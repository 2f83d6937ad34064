"""Everything the customer card shows, loaded in one go."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlmodel import Session, col, select

from advisor_tui.domain.models import FollowUp, Interaction, Person, Request
from advisor_tui.domain.timestamps import utcnow
from advisor_tui.domain.vocabulary import RequestStatus
from advisor_tui.services.persons.editing import get_person
from advisor_tui.services.persons.ranking import RankedAddress, ranked_addresses

RECENT_INTERACTIONS = 8
FOLLOWUP_HORIZON = timedelta(days=14)


@dataclass
class CardData:
    person: Person
    addresses: list[RankedAddress]
    open_requests: list[Request]
    followups: list[FollowUp]  # open ones due within the horizon, overdue first
    interactions: list[Interaction]  # most recent first
    now: datetime  # the moment the card was loaded (scores and "overdue" refer to it)


def load_card(session: Session, person_id: int, now: datetime | None = None) -> CardData:
    """The person with ranked addresses, open requests, due follow-ups, last contacts."""
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
        .where(col(FollowUp.due_at) <= now + FOLLOWUP_HORIZON)
        .order_by(col(FollowUp.due_at))
    ).all()
    interactions = session.exec(
        select(Interaction)
        .where(Interaction.person_id == person_id)
        .order_by(col(Interaction.occurred_at).desc())
        .limit(RECENT_INTERACTIONS)
    ).all()
    return CardData(
        person=person,
        addresses=ranked_addresses(session, person_id, now),
        open_requests=list(requests),
        followups=list(followups),
        interactions=list(interactions),
        now=now,
    )
