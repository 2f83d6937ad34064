"""Evidence on an address: confirmed, reached, failed, serviceable; and deleting one.

Each function writes the timestamp the stability score reads
(`domain.stability`) and `updated_at` (the UPDATE moves `version` on), adds
an audit entry and flushes; the caller commits. With `expected_version`, or
when another session wrote the address first, the write is refused
(`StaleWrite`, services.stale). Adding and editing addresses live in
`services.persons.editing` (`add_address`, `update_address`).

Timestamps never move backwards: recording evidence dated before what is
already stored keeps the newer date, so a late entry cannot make an address
look fresher or staler than it is.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlmodel import Session, func, select

from advisor_tui.domain.models import Address, Interaction
from advisor_tui.domain.stability import merged_failure
from advisor_tui.domain.timestamps import utcnow
from advisor_tui.domain.vocabulary import AddressKind, FailureKind, Outcome, failure_kinds_for
from advisor_tui.services import audit
from advisor_tui.services.errors import ServiceError
from advisor_tui.services.persons.editing import get_address
from advisor_tui.services.stale import check_version, refusing_stale

# What a logged interaction's outcome says about the address it used.
OUTCOME_EVIDENCE: dict[str, FailureKind | str | None] = {
    Outcome.REACHED: "success",
    Outcome.WRONG_NUMBER: FailureKind.WRONG_NUMBER,
    Outcome.BOUNCED: FailureKind.BOUNCED,
    Outcome.RETURNED: FailureKind.RETURNED_LETTER,
    # Nobody picked up, or a message went out: says nothing about the address yet.
    Outcome.NO_ANSWER: None,
    Outcome.VOICEMAIL: None,
    Outcome.BUSY: None,
    Outcome.SENT: None,
}


def _aware(value: datetime) -> datetime:
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _later(current: datetime | None, when: datetime) -> datetime:
    return when if current is None else max(_aware(current), when)


def _load(session: Session, address_id: int, expected_version: int | None) -> Address:
    address = get_address(session, address_id)
    check_version(session, address, expected_version)
    return address


def _save(session: Session, address: Address, action: str, details: dict[str, object]) -> Address:
    address.updated_at = utcnow()
    session.add(address)
    with refusing_stale(session, Address, address.id):
        session.flush()
    audit.record(session, action, "address", address.id, details)
    return address


def confirm_address(
    session: Session,
    address_id: int,
    when: datetime | None = None,
    *,
    expected_version: int | None = None,
) -> Address:
    """Record that the address is still valid ("confirmed")."""
    at = _aware(when or utcnow())
    address = _load(session, address_id, expected_version)
    address.confirmed_at = _later(address.confirmed_at, at)
    return _save(session, address, "address.confirm", {"at": at.isoformat()})


def record_success(
    session: Session,
    address_id: int,
    when: datetime | None = None,
    *,
    expected_version: int | None = None,
) -> Address:
    """Record that the address reached the person (a call answered, a mail delivered)."""
    at = _aware(when or utcnow())
    address = _load(session, address_id, expected_version)
    address.last_success_at = _later(address.last_success_at, at)
    return _save(session, address, "address.success", {"at": at.isoformat()})


def withdraw_success(session: Session, address_id: int, at: datetime) -> Address | None:
    """A call first recorded as reached at `at` was not (a voicemail, a wrong number).

    The address's last success goes back to its latest other reached contact,
    derived from the interactions; None when `at` was not its last success.
    """
    address = session.get(Address, address_id)
    if address is None or address.last_success_at is None:
        return None
    if _aware(address.last_success_at) != _aware(at):
        return None
    earlier = session.exec(
        select(func.max(Interaction.occurred_at)).where(
            Interaction.address_id == address_id,
            Interaction.outcome == Outcome.REACHED.value,
        )
    ).one()
    address.last_success_at = earlier
    return _save(session, address, "address.success_withdrawn", {"at": _aware(at).isoformat()})


def mark_failed(
    session: Session,
    address_id: int,
    failure_kind: str,
    when: datetime | None = None,
    *,
    expected_version: int | None = None,
) -> Address:
    """Record a failure (bounced, wrong number, returned letter, unreachable).

    Only a failure that fits the address's kind (`failure_kinds_for`) is
    accepted: a letter cannot come back from a phone number.
    """
    try:
        kind = FailureKind(failure_kind)
    except ValueError as exc:
        raise ServiceError("evidence.invalid_failure_kind", kind=failure_kind) from exc
    at = _aware(when or utcnow())
    address = _load(session, address_id, expected_version)
    if kind not in failure_kinds_for(address.kind):
        raise ServiceError("evidence.unfit_failure_kind", kind=kind, address_kind=address.kind)
    address.failed_at, address.failure_kind = merged_failure(address, kind, at)
    return _save(session, address, "address.fail", {"at": at.isoformat(), "failure_kind": kind})


def mark_serviceable(
    session: Session,
    address_id: int,
    serviceable: bool = True,
    when: datetime | None = None,
    *,
    expected_version: int | None = None,
) -> Address:
    """Mark a postal address serviceable (ladungsfähig), or remove the mark."""
    at = _aware(when or utcnow())
    address = _load(session, address_id, expected_version)
    if address.kind != AddressKind.POSTAL:
        raise ServiceError("evidence.not_postal")
    address.serviceable = serviceable
    # serviceable_at says when it was last checked, either way.
    address.serviceable_at = _later(address.serviceable_at, at)
    details = {"at": at.isoformat(), "serviceable": serviceable}
    return _save(session, address, "address.serviceable", details)


def apply_outcome(
    session: Session, address_id: int, outcome: str, when: datetime | None = None
) -> Address | None:
    """Feed an interaction's outcome into the address's evidence; None if it says nothing."""
    try:
        evidence = OUTCOME_EVIDENCE[Outcome(outcome)]
    except ValueError as exc:
        raise ServiceError("evidence.invalid_outcome", outcome=outcome) from exc
    if evidence is None:
        return None
    if evidence == "success":
        return record_success(session, address_id, when)
    address = session.get(Address, address_id)
    if address is not None and evidence not in failure_kinds_for(address.kind):
        return None  # e.g. "returned" logged against a phone number: says nothing about it
    return mark_failed(session, address_id, evidence, when)


def delete_address(
    session: Session, address_id: int, *, expected_version: int | None = None
) -> None:
    """Delete an address (interactions that used it keep their record, unlinked)."""
    address = _load(session, address_id, expected_version)
    details = {"person_id": address.person_id, "kind": address.kind, "scope": address.scope}
    session.delete(address)
    with refusing_stale(session, Address, address_id):
        session.flush()
    audit.record(session, "address.delete", "address", address_id, details)
