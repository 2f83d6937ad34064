"""Before a contact: may it happen as intended? And after it: log the consent it used.

`check_contact` is what the log modal, the card and the campaign helper ask
before an advertising call or message; `log_use` records each advertising
contact that relied on a consent (UWG §7a: evidence kept 5 years from the last use).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session

from advisor_tui.domain import consent as rules
from advisor_tui.domain.models import ConsentUse
from advisor_tui.domain.timestamps import as_utc, utcnow
from advisor_tui.services import audit
from advisor_tui.services.consent.ledger import get_person, states
from advisor_tui.services.errors import ServiceError


@dataclass(frozen=True)
class ContactPermission:
    """The answer to "may I contact them like this?".

    `reason` is a `domain.consent.PermissionReason` value; `warning_key` is the
    catalog key of the warning to show (None when there is nothing to warn
    about); `channel` the consent channel judged (None for a meeting).
    """

    allowed: bool
    reason: str
    warning_key: str | None
    channel: str | None = None


def check_contact(
    session: Session, person_id: int, channel: str, purpose: str
) -> ContactPermission:
    """Whether a contact with `person_id` on `channel` for `purpose` is allowed (UWG §7, Art 21)."""
    if purpose not in {p.value for p in rules.ContactPurpose}:
        raise ServiceError("consent.err.purpose", purpose=purpose)
    person = get_person(session, person_id)
    verdict = rules.permission(states(session, person_id), person.party, channel, purpose)
    warning = None if verdict.allowed else f"consent.warn.{verdict.reason.value}"
    return ContactPermission(verdict.allowed, verdict.reason.value, warning, verdict.channel)


def log_use(
    session: Session,
    person_id: int,
    permission: ContactPermission,
    *,
    interaction_id: int | None = None,
    at: datetime | None = None,
) -> ConsentUse | None:
    """Record that an advertising contact relied on a consent; None when none was relied on."""
    basis = rules.PermissionReason(permission.reason)
    relied = {
        rules.PermissionReason.CONSENT,
        rules.PermissionReason.PRESUMED_B2B,
        rules.PermissionReason.EXISTING_CUSTOMER,
    }
    if not permission.allowed or basis not in relied or permission.channel is None:
        return None
    use = ConsentUse(
        person_id=person_id,
        channel=permission.channel,
        basis=basis.value,
        interaction_id=interaction_id,
        used_at=as_utc(at or utcnow()),
    )
    session.add(use)
    session.flush()
    audit.record(
        session,
        "consent.use",
        "consent_use",
        use.id,
        {"person_id": person_id, "channel": use.channel, "basis": use.basis},
    )
    return use
