"""A person's addresses ranked by stability: the hottest first, cold ones marked.

One ranking serves the customer card, the customer list ("best way to
reach"), `advisor who`, `advisor search` and reminders; the score itself is
`domain.stability.score_address`. Order: score descending, then the most
recent success, then insertion order (id).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from advisor_tui.domain.stability import PersonLike, Reason, score_address

# `advisor who` ranks with the pure functions below without loading the ORM
# (storage.lookup_fast): the database imports stay inside the functions that query.
if TYPE_CHECKING:
    from sqlmodel import Session

    from advisor_tui.domain.models import Address, Person

# Below this score an address is shown dimmed: try the hotter ones first.
COLD_THRESHOLD = 30
# Bound the IN (...) list; SQLite and PostgreSQL both take this many parameters easily.
_BATCH = 500
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


@dataclass(frozen=True)
class RankedAddress:
    """An address with its score, reasons and place in its person's ranking."""

    address: Address
    score: int
    reasons: list[Reason]
    is_hottest: bool
    is_cold: bool
    rank: int  # 1 = hottest

    @property
    def address_id(self) -> int:
        """The stored address's id (ranked addresses are always stored ones)."""
        assert self.address.id is not None
        return self.address.id

    def reason_texts(self) -> list[str]:
        """The reasons in the current UI language."""
        return [r.text() for r in self.reasons]


def _sort_key(item: tuple[Address, int]) -> tuple[int, float, int]:
    address, score = item
    success = address.last_success_at
    recent = (success if success.tzinfo else success.replace(tzinfo=UTC)) if success else _EPOCH
    return (-score, -recent.timestamp(), address.id or 0)


def rank_addresses(
    addresses: Iterable[Address], person: PersonLike | None, now: datetime | None = None
) -> list[RankedAddress]:
    """Score and order `addresses` of `person` (pure: no database access)."""
    when = now or datetime.now(UTC)
    items = list(addresses)
    # Addresses sharing one phone number (a mobile and its WhatsApp) share a wrong-number mark.
    by_number: dict[str, list[Address]] = defaultdict(list)
    for address in items:
        if address.valid and address.normalized and address.normalized.startswith("+"):
            by_number[address.normalized].append(address)
    scored = []
    reasons: dict[int, list[Reason]] = {}
    for address in items:
        same = by_number.get(address.normalized or "", [])
        related = [other for other in same if other is not address]
        stability = score_address(address, person, when, related)
        scored.append((address, stability.score))
        reasons[id(address)] = stability.reasons
    scored.sort(key=_sort_key)
    ranked = []
    for i, (address, score) in enumerate(scored):
        # The hottest is the top one, unless even that one cannot reach anybody.
        hottest = i == 0 and address.valid and score > 0
        ranked.append(
            RankedAddress(
                address=address,
                score=score,
                reasons=reasons[id(address)],
                is_hottest=hottest,
                is_cold=score < COLD_THRESHOLD,
                rank=i + 1,
            )
        )
    return ranked


def ranked_addresses(
    session: Session, person_id: int, now: datetime | None = None
) -> list[RankedAddress]:
    """The addresses of one person, hottest first (NotFound if there is no such person)."""
    from sqlmodel import select

    from advisor_tui.domain.models import Address
    from advisor_tui.services.persons.editing import get_person

    person = get_person(session, person_id, include_restricted=True)
    query = select(Address).where(Address.person_id == person_id)
    return rank_addresses(session.exec(query).all(), person, now)


def rank_for_persons(
    session: Session, person_ids: Sequence[int], now: datetime | None = None
) -> dict[int, list[RankedAddress]]:
    """Ranked addresses for many persons at once (one query per 500 persons).

    Every requested id that exists is in the result, with an empty list when it
    has no addresses; unknown ids are left out.
    """
    from sqlmodel import col, select

    from advisor_tui.domain.models import Address, Person

    when = now or datetime.now(UTC)
    ids = list(dict.fromkeys(person_ids))
    result: dict[int, list[RankedAddress]] = {}
    for start in range(0, len(ids), _BATCH):
        chunk = ids[start : start + _BATCH]
        query = (
            select(Person, Address)
            .outerjoin(Address, col(Address.person_id) == col(Person.id))
            .where(col(Person.id).in_(chunk))
        )
        persons: dict[int, Person] = {}
        grouped: dict[int, list[Address]] = defaultdict(list)
        for person, address in session.exec(query).all():
            assert person.id is not None
            persons[person.id] = person
            if address is not None:
                grouped[person.id].append(address)
        for pid in chunk:
            if pid in persons:
                result[pid] = rank_addresses(grouped.get(pid, []), persons[pid], when)
    return result


def hottest(ranked: Sequence[RankedAddress]) -> RankedAddress | None:
    """The address to try first, or None when no address can reach the person."""
    return ranked[0] if ranked and ranked[0].is_hottest else None


def address_json(r: RankedAddress) -> dict[str, Any]:
    """The fixed JSON shape of one ranked address (`advisor who/search --json`)."""
    a = r.address
    return {
        "id": a.id,
        "rank": r.rank,
        "kind": a.kind,
        "scope": a.scope,
        "label": a.label,
        "value": a.raw,
        "normalized": a.normalized,
        "valid": a.valid,
        "invalid_reason": a.invalid_reason,
        "is_direct_dial": a.is_direct_dial,
        "serviceable": a.serviceable,
        "preferred": a.is_preferred,
        "score": r.score,
        "hottest": r.is_hottest,
        "cold": r.is_cold,
        "reasons": r.reason_texts(),
    }
