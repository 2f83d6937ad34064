"""Consent for advertising (UWG §7, §7a; GDPR Art. 7, 21) as pure functions.

The ledger is a list of events per person, channel and address; nothing is
ever changed or deleted in it. The current state per channel is derived from
the events here, and so is the answer to "may I advertise on this channel?".

Rules encoded (DOMAIN-NOTES "German law to encode"):
- an objection (Art. 21) binds at once and on every channel; only a later
  express consent on a channel opens that channel again;
- phone advertising to a consumer needs prior express consent, to a business
  presumed consent suffices (§7(2) Nr.1);
- e-mail, SMS, messenger and fax need express consent (§7(2) Nr.2), except
  the existing-customer e-mail exception of §7(3), recorded as an event whose
  wording is the objection notice every message carries;
- a letter needs no consent, only no objection;
- contact that is not advertising (service, an answer to their request) is
  always allowed and only recorded with its purpose;
- §7a: the evidence of a consumer's phone consent is kept 5 years from the
  grant and from every use.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from advisor_tui.domain.vocabulary import Channel, ConsentChannel


class ConsentEventKind(StrEnum):
    GRANTED = "granted"
    REFUSED = "refused"
    REVOKED = "revoked"
    OBJECTION = "objection"  # GDPR Art. 21: binds at once, on every channel


class ConsentMethod(StrEnum):
    FORM = "form"
    CONVERSATION = "conversation"
    EMAIL = "email"
    DOUBLE_OPT_IN = "double_opt_in"
    # UWG §7(3): not a consent but the existing-customer exception (e-mail only).
    EXISTING_CUSTOMER = "existing_customer"
    # Rows of the old one-row-per-channel consent table, moved into the ledger.
    MIGRATED = "migrated"
    # Re-applied from the do-not-contact list when a known address came back.
    DO_NOT_CONTACT = "do_not_contact"


class Party(StrEnum):
    """Consumer or business: decides whether presumed consent may do for phone calls."""

    CONSUMER = "consumer"
    BUSINESS = "business"


class ContactPurpose(StrEnum):
    ADVERTISING = "advertising"
    SERVICE = "service"
    ANSWER = "answer"  # an answer to their own request


class ChannelStatus(StrEnum):
    """The state of one channel as derived from the events."""

    NONE = "none"  # nothing recorded
    GRANTED = "granted"
    EXISTING_CUSTOMER = "existing_customer"  # §7(3) exception recorded (e-mail)
    REFUSED = "refused"
    REVOKED = "revoked"
    OBJECTION = "objection"


class PermissionReason(StrEnum):
    NOT_ADVERTISING = "not_advertising"
    CONSENT = "consent"
    PRESUMED_B2B = "presumed_b2b"
    EXISTING_CUSTOMER = "existing_customer"
    LETTER = "letter"  # postal advertising needs no consent
    NO_CHANNEL = "no_channel"  # a meeting: no consent channel applies
    OBJECTION = "objection"
    REFUSED = "refused"
    REVOKED = "revoked"
    NO_PHONE_CONSENT = "no_phone_consent"
    NO_CONSENT = "no_consent"


# Which consent channel a contact channel falls under (OLG Hamm 18 U 154/22:
# WhatsApp, LinkedIn, Xing and Facebook messages are electronic mail).
CONTACT_CHANNEL: dict[str, ConsentChannel] = {
    Channel.PHONE: ConsentChannel.PHONE,
    Channel.VOICEMAIL: ConsentChannel.PHONE,
    Channel.EMAIL: ConsentChannel.EMAIL,
    Channel.SMS: ConsentChannel.SMS,
    Channel.MMS: ConsentChannel.SMS,
    Channel.WHATSAPP: ConsentChannel.MESSENGER,
    Channel.SIGNAL: ConsentChannel.MESSENGER,
    Channel.FACEBOOK: ConsentChannel.MESSENGER,
    Channel.X: ConsentChannel.MESSENGER,
    Channel.LINKEDIN: ConsentChannel.MESSENGER,
    Channel.XING: ConsentChannel.MESSENGER,
    Channel.FAX: ConsentChannel.FAX,
    Channel.LETTER: ConsentChannel.LETTER,
}

# §7a: consumer phone consent evidence is kept this long after grant and every use.
EVIDENCE_YEARS = 5


def consent_channel(channel: str) -> ConsentChannel | None:
    """The consent channel of a contact channel, or of a consent channel; None for a meeting."""
    if channel in {c.value for c in ConsentChannel}:
        return ConsentChannel(channel)
    return CONTACT_CHANNEL.get(channel)


@dataclass(frozen=True)
class Event:
    """One ledger entry as the pure functions see it."""

    kind: str  # ConsentEventKind
    channel: str  # ConsentChannel
    at: datetime
    method: str = ConsentMethod.CONVERSATION.value
    address: str = ""
    seq: int = 0  # ties at the same instant: the later recorded one wins


@dataclass(frozen=True)
class ChannelState:
    """Where one channel stands, and the event that put it there."""

    channel: str
    status: ChannelStatus
    since: datetime | None = None
    address: str = ""
    granted_at: datetime | None = None  # the latest grant still in force


def _order(events: Iterable[Event]) -> list[Event]:
    return sorted(events, key=lambda e: (e.at, e.seq))


def channel_states(events: Iterable[Event]) -> dict[str, ChannelState]:
    """The current state of every consent channel, derived from the events in time order."""
    states = {c.value: ChannelState(c.value, ChannelStatus.NONE) for c in ConsentChannel}
    for event in _order(events):
        if event.kind == ConsentEventKind.OBJECTION:
            # Art. 21: one objection closes every channel for advertising at once.
            for channel in states:
                states[channel] = ChannelState(channel, ChannelStatus.OBJECTION, event.at)
            continue
        if event.channel not in states:
            continue
        if event.kind == ConsentEventKind.GRANTED:
            status = (
                ChannelStatus.EXISTING_CUSTOMER
                if event.method == ConsentMethod.EXISTING_CUSTOMER
                else ChannelStatus.GRANTED
            )
            states[event.channel] = ChannelState(
                event.channel, status, event.at, event.address, event.at
            )
        else:
            status = ChannelStatus(event.kind)
            states[event.channel] = ChannelState(event.channel, status, event.at, event.address)
    return states


def last_grants(events: Iterable[Event]) -> dict[str, datetime]:
    """Per channel the latest grant, whatever came after it: §7a keeps its evidence anyway."""
    grants: dict[str, datetime] = {}
    for event in _order(events):
        if event.kind == ConsentEventKind.GRANTED:
            grants[event.channel] = event.at
    return grants


@dataclass(frozen=True)
class Permission:
    """May this contact happen as intended? `reason` says why (a PermissionReason)."""

    allowed: bool
    reason: PermissionReason
    channel: str | None = None  # the consent channel it was judged on

    @property
    def needs_consent_use_logged(self) -> bool:
        """An advertising contact that relies on a consent: §7a wants each use recorded."""
        return self.allowed and self.reason in {
            PermissionReason.CONSENT,
            PermissionReason.PRESUMED_B2B,
            PermissionReason.EXISTING_CUSTOMER,
        }


_BLOCKED = {
    ChannelStatus.OBJECTION: PermissionReason.OBJECTION,
    ChannelStatus.REFUSED: PermissionReason.REFUSED,
    ChannelStatus.REVOKED: PermissionReason.REVOKED,
}


def permission(
    states: dict[str, ChannelState], party: str, channel: str, purpose: str
) -> Permission:
    """Whether a contact on `channel` for `purpose` is allowed, from the channel states."""
    cc = consent_channel(channel)
    if purpose != ContactPurpose.ADVERTISING:
        return Permission(True, PermissionReason.NOT_ADVERTISING, cc.value if cc else None)
    if cc is None:
        return Permission(True, PermissionReason.NO_CHANNEL)
    state = states.get(cc.value, ChannelState(cc.value, ChannelStatus.NONE))
    if state.status in _BLOCKED:
        return Permission(False, _BLOCKED[state.status], cc.value)
    if state.status == ChannelStatus.GRANTED:
        return Permission(True, PermissionReason.CONSENT, cc.value)
    if cc == ConsentChannel.EMAIL and state.status == ChannelStatus.EXISTING_CUSTOMER:
        return Permission(True, PermissionReason.EXISTING_CUSTOMER, cc.value)
    if cc == ConsentChannel.LETTER:
        return Permission(True, PermissionReason.LETTER, cc.value)
    if cc == ConsentChannel.PHONE:
        if party == Party.BUSINESS:
            return Permission(True, PermissionReason.PRESUMED_B2B, cc.value)
        return Permission(False, PermissionReason.NO_PHONE_CONSENT, cc.value)
    return Permission(False, PermissionReason.NO_CONSENT, cc.value)


def check_event(kind: str, channel: str, method: str) -> str | None:
    """Why an event cannot be recorded (a short fact key), or None when it can."""
    if kind not in {k.value for k in ConsentEventKind}:
        return "kind"
    if channel not in {c.value for c in ConsentChannel}:
        return "channel"
    if method not in {m.value for m in ConsentMethod}:
        return "method"
    if method == ConsentMethod.EXISTING_CUSTOMER and (
        kind != ConsentEventKind.GRANTED or channel != ConsentChannel.EMAIL
    ):
        return "existing_customer"  # §7(3) is an e-mail exception, nothing else
    return None


def _plus_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def evidence_keep_until(granted_at: datetime | None, last_use: datetime | None) -> date | None:
    """§7a: the first day the evidence of a consent may be discarded (5 years after the later
    of the grant and the last use); None when nothing was granted."""
    moments = [m for m in (granted_at, last_use) if m is not None]
    if not moments:
        return None
    return _plus_years(max(moments).date(), EVIDENCE_YEARS)
