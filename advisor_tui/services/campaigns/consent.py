"""May this person be called for advertising? The consent ledger's answer (UWG §7)."""

from __future__ import annotations

from sqlmodel import Session

from advisor_tui.domain.consent import ContactPurpose
from advisor_tui.domain.vocabulary import Channel
from advisor_tui.services.consent.checks import ContactPermission, check_contact


def phone_permission(session: Session, person_id: int) -> ContactPermission:
    """A campaign call is advertising by phone."""
    return check_contact(session, person_id, Channel.PHONE.value, ContactPurpose.ADVERTISING.value)
