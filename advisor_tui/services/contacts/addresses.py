"""Which of a person's addresses a contact on a channel can use, hottest first.

The log modal offers these (the hottest preselected) and `advisor log-call`
dials the first; both also resolve a typed number to its one person here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session

from advisor_tui.domain.models import Address, FollowUp, Interaction
from advisor_tui.domain.vocabulary import AddressKind, Channel, MatchKind
from advisor_tui.services.contacts.logging import open_followups, recorded_call
from advisor_tui.services.persons.editing import get_person
from advisor_tui.services.persons.lookup import reverse_lookup
from advisor_tui.services.persons.ranking import RankedAddress, ranked_addresses

_PHONES = (AddressKind.MOBILE, AddressKind.LANDLINE)
_MESSENGERS = (AddressKind.MOBILE, AddressKind.MESSENGER)
_SOCIAL = (AddressKind.SOCIAL,)

# The kinds of address a contact on a channel goes to.
CHANNEL_ADDRESS_KINDS: dict[str, tuple[AddressKind, ...]] = {
    Channel.PHONE: _PHONES,
    Channel.VOICEMAIL: _PHONES,
    Channel.SMS: (AddressKind.MOBILE,),
    Channel.MMS: (AddressKind.MOBILE,),
    Channel.WHATSAPP: _MESSENGERS,
    Channel.SIGNAL: _MESSENGERS,
    Channel.EMAIL: (AddressKind.EMAIL,),
    Channel.LETTER: (AddressKind.POSTAL,),
    Channel.FAX: (AddressKind.FAX,),
    Channel.FACEBOOK: _SOCIAL,
    Channel.X: _SOCIAL,
    Channel.LINKEDIN: _SOCIAL,
    Channel.XING: _SOCIAL,
}


def addresses_for(
    session: Session, person_id: int, channel: str, now: datetime | None = None
) -> list[RankedAddress]:
    """The person's addresses that fit `channel`, hottest first (none for a meeting)."""
    kinds = CHANNEL_ADDRESS_KINDS.get(channel, ())
    return [r for r in ranked_addresses(session, person_id, now) if r.address.kind in kinds]


@dataclass(frozen=True)
class NumberOwner:
    """Who a typed number belongs to: `person_ids` (exact matches) and the address of each."""

    valid_input: bool
    person_ids: tuple[int, ...] = ()
    address_ids: tuple[int, ...] = ()


def owner_of_number(session: Session, number: str, *, region: str) -> NumberOwner:
    """The persons whose address is exactly `number` (suffix guesses do not count)."""
    result = reverse_lookup(session, number, region=region)
    exact = [h for h in result.hits if h.match in (MatchKind.EXACT, MatchKind.SHARED)]
    persons = tuple(dict.fromkeys(h.person_id for h in exact))
    addresses = tuple(next(h.address_id for h in exact if h.person_id == p) for p in persons)
    return NumberOwner(result.valid_input, persons, addresses)


@dataclass(frozen=True)
class ContactContext:
    """What the log modal shows of a person: name, addresses per channel, open follow-ups."""

    person_id: int
    name: str
    # Per channel the fitting addresses, hottest first.
    addresses: dict[str, list[Address]]
    open_followups: list[FollowUp]
    now: datetime
    # A call with them the call monitor just recorded: saving completes it (no second entry).
    recorded_call: Interaction | None = None


def contact_context(session: Session, person_id: int, now: datetime) -> ContactContext:
    """Load what logging a contact with `person_id` needs (NotFound if there is none)."""
    person = get_person(session, person_id)
    ranked = ranked_addresses(session, person_id, now)
    by_channel = {
        channel: [r.address for r in ranked if r.address.kind in kinds]
        for channel, kinds in CHANNEL_ADDRESS_KINDS.items()
    }
    followups = open_followups(session, person_id)
    call = recorded_call(session, person_id, now)
    for row in [*(r.address for r in ranked), *followups, *([call] if call else [])]:
        session.expunge(row)  # handed to the UI thread: plain values, no lazy loads
    return ContactContext(person_id, person.display_name, by_channel, followups, now, call)
