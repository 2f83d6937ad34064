"""Learning from the inbox: assign a request, keep the sender's address, a new customer.

Confirming a suggestion (one key) or picking a candidate assigns the request
and adds the sender's address to the person (`source` "request", never
twice); "new customer from this request" creates a prospect with that address
and gives them every other unassigned request from the same sender. Addresses
in a message's signature are offered; the advisor confirms each. The caller
commits.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session, col, select

from advisor_tui.domain.models import Address, Message, Request, RequestCandidate
from advisor_tui.domain.normalize import normalize_address
from advisor_tui.domain.phones import DEFAULT_REGION
from advisor_tui.domain.signatures import SignatureAddress, signature_addresses
from advisor_tui.domain.timestamps import as_utc, utcnow
from advisor_tui.domain.vocabulary import AddressKind, Channel, MatchKind, PersonKind
from advisor_tui.services import audit
from advisor_tui.services.errors import NotFound, ServiceError
from advisor_tui.services.inbox import effects
from advisor_tui.services.persons.editing import PersonData, add_address, add_person, get_person

SOURCE = "request"
_MESSENGERS = (Channel.WHATSAPP, Channel.SIGNAL, Channel.TELEGRAM)
_SOCIAL = (Channel.FACEBOOK, Channel.X, Channel.LINKEDIN, Channel.XING)


@dataclass(frozen=True)
class Assigned:
    """A request given to a person; the address learned (None when known or none)."""

    request_id: int
    person_id: int
    address_id: int | None
    address: str  # the sender address as received ("" when none)
    attached: int = 0  # further requests from the same sender given to the person


def get_request(session: Session, request_id: int) -> Request:
    request = session.get(Request, request_id)
    if request is None:
        raise NotFound("inbox.err.not_found", id=request_id)
    return request


def address_kind(channel: str, sender: str, region: str = DEFAULT_REGION) -> str:
    """Which kind of address a sender on `channel` is (a WhatsApp number is a mobile)."""
    if "@" in sender[1:] and not sender.startswith("@"):
        return AddressKind.EMAIL.value
    if channel in _SOCIAL:
        return AddressKind.SOCIAL.value
    if sender.startswith("@") or not any(ch.isdigit() for ch in sender):
        return AddressKind.MESSENGER.value if channel in _MESSENGERS else AddressKind.SOCIAL.value
    if channel == Channel.FAX:
        return AddressKind.FAX.value
    phone = normalize_address(AddressKind.MOBILE.value, sender, region)
    if phone.valid and phone.phone_type not in (None, "mobile", "fixed_line_or_mobile"):
        return AddressKind.LANDLINE.value
    return AddressKind.MOBILE.value


def _known(session: Session, person_id: int, normalized: str | None, raw: str) -> bool:
    query = select(Address.id).where(Address.person_id == person_id)
    if normalized:
        query = query.where(Address.normalized == normalized)
    else:
        query = query.where(Address.raw == raw.strip())
    return session.exec(query).first() is not None


def learn_address(
    session: Session,
    person_id: int,
    kind: str,
    raw: str,
    *,
    reached_at: datetime | None = None,
    region: str = DEFAULT_REGION,
) -> int | None:
    """Add `raw` to the person (source "request") unless they have it; its id or None."""
    normalized = normalize_address(kind, raw, region).normalized
    if not raw.strip() or _known(session, person_id, normalized, raw):
        return None
    address = add_address(session, person_id, kind, raw, region=region)
    address.source = SOURCE
    if reached_at is not None:
        # It just carried a message from them: evidence that it works.
        address.last_success_at = as_utc(reached_at)
    session.add(address)
    session.flush()
    return address.id


def _assign(
    session: Session,
    request: Request,
    person_id: int,
    how: str,
    now: datetime,
    region: str,
    complaint_days: int = effects.COMPLAINT_DAYS,
) -> Assigned:
    if request.person_id is not None:
        raise ServiceError("inbox.err.assigned")
    get_person(session, person_id)
    assert request.id is not None
    request.person_id = person_id
    request.suggested_person_id = None
    request.match = how
    request.updated_at = now
    session.add(request)
    session.flush()
    address_id = None
    if request.sender:
        kind = address_kind(request.channel, request.sender, region)
        address_id = learn_address(
            session, person_id, kind, request.sender, reached_at=request.received_at, region=region
        )
    audit.record(
        session,
        "request.assign",
        "request",
        request.id,
        {"person_id": person_id, "match": how, "address_id": address_id, "source": SOURCE},
    )
    effects.apply_kind(session, request, now, complaint_days=complaint_days)
    return Assigned(request.id, person_id, address_id, request.sender)


def confirm_suggestion(
    session: Session,
    request_id: int,
    *,
    now: datetime | None = None,
    region: str = DEFAULT_REGION,
    complaint_days: int = effects.COMPLAINT_DAYS,
) -> Assigned:
    """Assign the request to its one suggested person and learn the sender's address."""
    request = get_request(session, request_id)
    if request.suggested_person_id is None:
        raise ServiceError("inbox.err.no_suggestion")
    when = as_utc(now or utcnow())
    person_id = request.suggested_person_id
    return _assign(session, request, person_id, request.match, when, region, complaint_days)


def pick_candidate(
    session: Session,
    request_id: int,
    person_id: int,
    *,
    now: datetime | None = None,
    region: str = DEFAULT_REGION,
    complaint_days: int = effects.COMPLAINT_DAYS,
) -> Assigned:
    """Assign the request to one of its candidates and learn the sender's address."""
    request = get_request(session, request_id)
    candidate = session.exec(
        select(RequestCandidate).where(
            RequestCandidate.request_id == request_id, RequestCandidate.person_id == person_id
        )
    ).first()
    if candidate is None:
        raise ServiceError("inbox.err.not_candidate")
    when = as_utc(now or utcnow())
    return _assign(session, request, person_id, candidate.how, when, region, complaint_days)


def assign_by_hand(
    session: Session,
    request_id: int,
    person_id: int,
    *,
    now: datetime | None = None,
    region: str = DEFAULT_REGION,
) -> Assigned:
    """Assign the request to any person (match manual) and learn the sender's address."""
    request = get_request(session, request_id)
    return _assign(
        session, request, person_id, MatchKind.MANUAL.value, as_utc(now or utcnow()), region
    )


def new_customer(
    session: Session,
    request_id: int,
    first_name: str,
    last_name: str = "",
    *,
    now: datetime | None = None,
    region: str = DEFAULT_REGION,
    complaint_days: int = effects.COMPLAINT_DAYS,
) -> Assigned:
    """A prospect from this request: with the sender's address, and all their requests."""
    now = as_utc(now or utcnow())
    request = get_request(session, request_id)
    if request.person_id is not None:
        raise ServiceError("inbox.err.assigned")
    if not (first_name.strip() or last_name.strip()):
        raise ServiceError("inbox.err.no_name")
    person = add_person(
        session, PersonData(first_name=first_name, last_name=last_name, kind=PersonKind.PROSPECT)
    )
    assert person.id is not None
    how = MatchKind.MANUAL.value
    assigned = _assign(session, request, person.id, how, now, region, complaint_days)
    attached = 0
    if request.sender_normalized:
        others = session.exec(
            select(Request).where(
                col(Request.person_id).is_(None),
                Request.sender_normalized == request.sender_normalized,
                Request.id != request.id,
            )
        ).all()
        for other in others:
            other.person_id = person.id
            other.suggested_person_id = None
            other.match = MatchKind.MANUAL.value
            other.updated_at = now
            session.add(other)
            session.flush()
            audit.record(session, "request.assign", "request", other.id, {"person_id": person.id})
            effects.apply_kind(session, other, now, complaint_days=complaint_days)
            attached += 1
    return Assigned(assigned.request_id, person.id, assigned.address_id, assigned.address, attached)


def offered_addresses(
    session: Session, request_id: int, *, region: str = DEFAULT_REGION
) -> list[SignatureAddress]:
    """Addresses in the request's signatures its person does not have yet."""
    request = get_request(session, request_id)
    if request.person_id is None:
        return []
    texts = session.exec(select(Message.text).where(Message.request_id == request_id)).all()
    offers: list[SignatureAddress] = []
    for text in texts:
        for found in signature_addresses(text):
            kind = _offer_kind(found, request.channel, region)
            normalized = normalize_address(kind, found.raw, region).normalized
            if normalized and normalized == request.sender_normalized:
                continue
            if _known(session, request.person_id, normalized, found.raw):
                continue
            if found not in offers:
                offers.append(found)
    return offers


def _offer_kind(found: SignatureAddress, channel: str, region: str) -> str:
    if found.kind == "email":
        return AddressKind.EMAIL.value
    if found.kind == "fax":
        return AddressKind.FAX.value
    return address_kind(Channel.PHONE.value, found.raw, region)


def accept_offer(
    session: Session,
    request_id: int,
    found: SignatureAddress,
    *,
    region: str = DEFAULT_REGION,
) -> int | None:
    """Add an address from the request's signature to its person (confirmed by the advisor)."""
    request = get_request(session, request_id)
    if request.person_id is None:
        raise ServiceError("inbox.err.no_person")
    kind = _offer_kind(found, request.channel, region)
    return learn_address(session, request.person_id, kind, found.raw, region=region)
