"""Who sent a message (DESIGN.md "Matching an incoming sender"), each match explained.

1. exact normalized address -> that person (`exact`); several persons behind
   it (a household landline) -> all of them as candidates (`shared`);
2. the end of a phone number -> suggestions (`suffix`);
3. no address match -> names from the text and the display name
   (`domain.name_hints`): a unique hit among the persons is a suggestion
   (`name_hint`), never an assignment; several hits are all candidates.
Every candidate carries how it was found and the fact it rests on (`reason`:
the matched address, the words of the signature).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from email.utils import parseaddr

from sqlalchemy import func, or_
from sqlmodel import Session, col, select

from advisor_tui.domain.models import Address, Person
from advisor_tui.domain.name_hints import NameHint, sender_name_hints
from advisor_tui.domain.phones import DEFAULT_REGION
from advisor_tui.domain.vocabulary import Channel, MatchKind
from advisor_tui.services.persons.lookup import LookupResult, reverse_lookup

MAX_NAME_HITS = 20


@dataclass(frozen=True)
class Found:
    """One person the sender may be: how and why."""

    person_id: int
    how: str  # MatchKind value
    reason: str  # the address or the words it rests on
    address_id: int | None = None


@dataclass
class SenderMatch:
    """The outcome of matching one sender."""

    how: str  # MatchKind: exact, shared, suffix, name_hint, unknown
    address: str  # the sender's address without display name ("" when none)
    normalized: str | None  # its normalized form, None when not an address
    display_name: str
    found: list[Found] = field(default_factory=list)

    @property
    def person_id(self) -> int | None:
        """The person it is certainly from (one exact match), else None."""
        return self.found[0].person_id if self.how == MatchKind.EXACT else None

    @property
    def suggested_id(self) -> int | None:
        """The one guess a single key confirms (a unique suffix or name hint), else None."""
        if self.how in (MatchKind.SUFFIX, MatchKind.NAME_HINT) and len(self.found) == 1:
            return self.found[0].person_id
        return None


def split_sender(sender: str, display_name: str = "") -> tuple[str, str]:
    """(address, display name) of a sender such as `Anna Meier <anna@example.org>`."""
    text = sender.strip()
    if "<" in text and ">" in text:
        name, address = parseaddr(text)
        if address:
            return address.strip(), (display_name or name).strip()
    return text, display_name.strip()


def _by_address(lookup: LookupResult, session: Session) -> tuple[str, list[Found]]:
    if not lookup.hits:
        return MatchKind.UNKNOWN.value, []
    how = lookup.hits[0].match
    found = []
    for hit in lookup.hits:
        address = session.get(Address, hit.address_id)
        reason = (address.normalized or address.raw) if address is not None else lookup.query
        found.append(Found(hit.person_id, hit.match, reason or "", hit.address_id))
    return how, found


def persons_named(session: Session, hint: NameHint, *, limit: int = MAX_NAME_HITS) -> list[int]:
    """Ids of the visible persons with the hint's first name (and last name, when given).

    A household hint ("Familie Müller") has a last name only: everyone of that name.
    """
    first = hint.first.casefold()
    query = select(Person.id).where(col(Person.restricted_until).is_(None))
    if first:
        query = query.where(
            or_(
                func.lower(Person.first_name) == first,
                func.lower(Person.first_name).startswith(first + " ", autoescape=True),
                func.lower(Person.first_name).startswith(first + "-", autoescape=True),
            )
        )
    if hint.last:
        query = query.where(func.lower(Person.last_name) == hint.last.casefold())
    rows = session.exec(query.order_by(col(Person.id)).limit(limit)).all()
    if rows or (hint.first + hint.last).isascii():
        return [int(r) for r in rows if r is not None]
    # SQLite's lower() folds ASCII only: compare names with umlauts in Python.
    fallback = select(Person.id, Person.first_name, Person.last_name).where(
        col(Person.restricted_until).is_(None)
    )
    ids = []
    for pid, first_name, last_name in session.exec(fallback):
        if pid is None:
            continue
        if first and first_name.casefold().split(" ")[0].split("-")[0] != first:
            continue
        if hint.last and last_name.casefold() != hint.last.casefold():
            continue
        ids.append(int(pid))
    return ids[:limit]


def _by_name(session: Session, text: str, display_name: str) -> tuple[str, list[Found]]:
    for hint in sender_name_hints(text, display_name):
        ids = persons_named(session, hint)
        if ids:
            return MatchKind.NAME_HINT.value, [
                Found(pid, MatchKind.NAME_HINT.value, hint.text) for pid in ids
            ]
    return MatchKind.UNKNOWN.value, []


def match_sender(
    session: Session,
    channel: str,
    sender: str,
    *,
    text: str = "",
    display_name: str = "",
    region: str = DEFAULT_REGION,
) -> SenderMatch:
    """Who `sender` on `channel` may be, from its address, else from the names in `text`."""
    address, name = split_sender(sender, display_name)
    normalized = None
    how: str = MatchKind.UNKNOWN.value
    found: list[Found] = []
    if address and channel != Channel.IN_PERSON:
        lookup = reverse_lookup(session, address, region=region)
        normalized = lookup.normalized
        how, found = _by_address(lookup, session)
    if not found:
        # A sender that is no address (a letter's or a visitor's name) names the sender.
        hint_name = name or (address if normalized is None else "")
        how, found = _by_name(session, text, hint_name)
    return SenderMatch(how, address, normalized, name, found)
