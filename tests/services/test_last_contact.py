"""Stay in touch: the last contact per person across channels, and who has not been in touch."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from sqlmodel import Session

from advisor_tui.domain.models import Interaction
from advisor_tui.services.persons import listing
from advisor_tui.services.persons.card import load_card
from advisor_tui.services.persons.editing import PersonData, add_person, get_person
from advisor_tui.services.persons.last_contact import last_contacts, stale_persons

NOW = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)


def _person(session: Session, last: str) -> int:
    person = add_person(session, PersonData("Anna", last))
    assert person.id is not None
    return person.id


def _contact(session: Session, person_id: int, days_ago: int, kind: str, **extra: str) -> None:
    at = NOW - timedelta(days=days_ago)
    session.add(Interaction(person_id=person_id, kind=kind, occurred_at=at, **extra))


def test_last_contact_is_the_latest_interaction_on_any_channel(session: Session) -> None:
    bauer = _person(session, "Bauer")
    kunz = _person(session, "Kunz")
    never = _person(session, "Nie")
    _contact(session, bauer, 40, "call")
    _contact(session, bauer, 3, "message", channel="whatsapp")
    _contact(session, bauer, 10, "email")
    _contact(session, kunz, 70, "letter")
    session.commit()

    last = last_contacts(session, [bauer, kunz, never])
    assert last == {bauer: NOW - timedelta(days=3), kunz: NOW - timedelta(days=70)}
    rows = {row.name: row.last_contact for row in listing.page(session, 0, 10, NOW)}
    assert rows == {
        "Bauer, Anna": NOW - timedelta(days=3),
        "Kunz, Anna": NOW - timedelta(days=70),
        "Nie, Anna": None,
    }
    card = load_card(session, bauer, NOW)
    assert card.last_contact is not None
    assert (card.last_contact.kind, card.last_contact.channel) == ("message", "whatsapp")


def test_stale_lists_never_contacted_then_oldest_and_skips_restricted(session: Session) -> None:
    recent = _person(session, "Frisch")
    old = _person(session, "Alt")
    older = _person(session, "Uralt")
    never = _person(session, "Nie")
    hidden = _person(session, "Gesperrt")
    _contact(session, recent, 20, "call")  # within 8 weeks
    _contact(session, recent, 90, "call")
    _contact(session, old, 60, "meeting")
    _contact(session, older, 200, "email")
    _contact(session, hidden, 300, "call")
    get_person(session, hidden).restricted_until = date(2027, 1, 1)
    session.commit()

    assert stale_persons(session, NOW, 8) == [
        (never, None),
        (older, NOW - timedelta(days=200)),
        (old, NOW - timedelta(days=60)),
    ]
    assert stale_persons(session, NOW, 8, limit=2) == [
        (never, None),
        (older, NOW - timedelta(days=200)),
    ]
    assert [pid for pid, _ in stale_persons(session, NOW, 0)] == [never, older, old, recent]
