"""The do-not-contact list: keyed hashes of addresses whose owner objected (GDPR Art. 21).

Rows carry no person id, so an erasure leaves them; when an address that is
on the list comes back (an import, a new address on a card), the objection is
recorded again for its new owner. The hash is an HMAC-SHA256 of the
normalized address under a random key of this installation (`consent_key`),
so the list cannot be matched against other lists or a precomputed table.
Whoever holds the whole database holds the key too: against that, nothing
short of a separate secret helps, and a secret kept apart from the data would
be lost with it on a restore, losing the objections.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Iterable

from sqlmodel import Session, col, func, select

from advisor_tui.domain.models import Address, ConsentKey, DoNotContact
from advisor_tui.domain.vocabulary import AddressKind, ConsentChannel
from advisor_tui.services import audit

# The consent channel an address of a kind is reached on.
ADDRESS_CHANNEL: dict[str, ConsentChannel] = {
    AddressKind.MOBILE: ConsentChannel.PHONE,
    AddressKind.LANDLINE: ConsentChannel.PHONE,
    AddressKind.FAX: ConsentChannel.FAX,
    AddressKind.EMAIL: ConsentChannel.EMAIL,
    AddressKind.POSTAL: ConsentChannel.LETTER,
    AddressKind.MESSENGER: ConsentChannel.MESSENGER,
    AddressKind.SOCIAL: ConsentChannel.MESSENGER,
}


def _key(session: Session) -> bytes:
    row = session.exec(select(ConsentKey).order_by(col(ConsentKey.id))).first()
    if row is None:
        row = ConsentKey(key_hex=secrets.token_hex(32))
        session.add(row)
        session.flush()
    return bytes.fromhex(row.key_hex)


def address_hash(key: bytes, normalized: str) -> str:
    """The list entry of one normalized address (E.164 number, e-mail, handle, postal line)."""
    return hmac.new(key, normalized.strip().casefold().encode(), hashlib.sha256).hexdigest()


def _person_addresses(session: Session, person_id: int) -> list[Address]:
    return list(session.exec(select(Address).where(Address.person_id == person_id)))


def remember(session: Session, entries: Iterable[tuple[str, str]]) -> int:
    """Put (normalized address, consent channel) pairs on the list; returns how many were new."""
    key = _key(session)
    added = 0
    for normalized, channel in entries:
        if not normalized.strip():
            continue
        digest = address_hash(key, normalized)
        if session.exec(select(DoNotContact).where(DoNotContact.address_hash == digest)).first():
            continue
        session.add(DoNotContact(address_hash=digest, channel=channel))
        added += 1
    session.flush()
    return added


def remember_person(session: Session, person_id: int, *, extra: str = "") -> int:
    """Put every address of a person who objected on the list (and `extra`, if given)."""
    entries = [
        (a.normalized, ADDRESS_CHANNEL.get(a.kind, ConsentChannel.PHONE).value)
        for a in _person_addresses(session, person_id)
        if a.normalized
    ]
    if extra.strip():
        entries.append((extra, ""))
    added = remember(session, entries)
    if added:
        audit.record(session, "consent.dnc_add", "person", person_id, {"addresses": added})
    return added


def listed(session: Session, addresses: Iterable[Address]) -> list[Address]:
    """The addresses among `addresses` that are on the do-not-contact list."""
    candidates = [a for a in addresses if a.normalized]
    if not candidates:
        return []
    key = _key(session)
    digests = {address_hash(key, a.normalized or ""): a for a in candidates}
    found = set(
        session.exec(
            select(DoNotContact.address_hash).where(
                col(DoNotContact.address_hash).in_(list(digests))
            )
        )
    )
    return [a for d, a in digests.items() if d in found]


def size(session: Session) -> int:
    return int(session.exec(select(func.count()).select_from(DoNotContact)).one())


_CHUNK = 500  # ids per IN (...) list


def listed_by_person(session: Session, person_ids: list[int]) -> dict[int, list[Address]]:
    """Per person the addresses on the list (persons without any are left out); chunked."""
    if not person_ids or size(session) == 0:  # the usual case: nothing to look for
        return {}
    found: dict[int, list[Address]] = {}
    for start in range(0, len(person_ids), _CHUNK):
        chunk = person_ids[start : start + _CHUNK]
        addresses = session.exec(select(Address).where(col(Address.person_id).in_(chunk))).all()
        for address in listed(session, addresses):
            found.setdefault(address.person_id, []).append(address)
    return found
