"""The consent ledger, the checks before contact and the do-not-contact list (issue 12).

One source of truth for consent: `consent_event` rows (append-only); the
state per channel, the permission to advertise and the §7a evidence dates
are derived from them (`domain.consent`).
"""

from advisor_tui.services.consent.checks import ContactPermission, check_contact, log_use
from advisor_tui.services.consent.ledger import (
    ChannelView,
    ConsentOverview,
    Reapplied,
    get_person,
    has_objection,
    ledger,
    overview,
    reapply_objections,
    record_event,
    set_party,
    states,
)

__all__ = [
    "ChannelView",
    "ConsentOverview",
    "ContactPermission",
    "Reapplied",
    "check_contact",
    "get_person",
    "has_objection",
    "ledger",
    "log_use",
    "overview",
    "reapply_objections",
    "record_event",
    "set_party",
    "states",
]
