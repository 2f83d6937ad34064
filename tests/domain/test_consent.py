"""Consent rules (domain.consent): events to state, state to permission, §7a dates."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from advisor_tui.domain.consent import (
    ChannelStatus,
    ContactPurpose,
    Event,
    Party,
    PermissionReason,
    channel_states,
    check_event,
    evidence_keep_until,
    last_grants,
    permission,
)


def at(day: int, hour: int = 12) -> datetime:
    return datetime(2026, 3, day, hour, tzinfo=UTC)


ADV = ContactPurpose.ADVERTISING.value


def test_events_give_the_current_state_per_channel() -> None:
    events = [
        Event("granted", "phone", at(1)),
        Event("granted", "email", at(2)),
        Event("revoked", "email", at(5)),
        Event("refused", "sms", at(3)),
    ]
    states = channel_states(events)
    assert states["phone"].status is ChannelStatus.GRANTED
    assert states["phone"].granted_at == at(1)
    assert states["email"].status is ChannelStatus.REVOKED
    assert states["email"].since == at(5)
    assert states["sms"].status is ChannelStatus.REFUSED
    assert states["messenger"].status is ChannelStatus.NONE


def test_events_count_in_time_order_not_in_the_order_given() -> None:
    events = [Event("revoked", "phone", at(5)), Event("granted", "phone", at(1))]
    assert channel_states(events)["phone"].status is ChannelStatus.REVOKED
    # Same instant: the one recorded later wins.
    same = [Event("granted", "phone", at(1), seq=2), Event("revoked", "phone", at(1), seq=1)]
    assert channel_states(same)["phone"].status is ChannelStatus.GRANTED


def test_an_objection_closes_every_channel_at_once() -> None:
    events = [
        Event("granted", "phone", at(1)),
        Event("granted", "email", at(1)),
        Event("objection", "email", at(2)),
    ]
    states = channel_states(events)
    assert {s.status for s in states.values()} == {ChannelStatus.OBJECTION}
    for channel in ("phone", "email", "letter", "whatsapp"):
        verdict = permission(states, Party.BUSINESS, channel, ADV)
        assert not verdict.allowed
        assert verdict.reason is PermissionReason.OBJECTION
    # Service and answers stay possible.
    assert permission(states, Party.CONSUMER, "phone", ContactPurpose.SERVICE).allowed


def test_a_later_express_consent_reopens_only_its_channel() -> None:
    events = [Event("objection", "phone", at(1)), Event("granted", "email", at(4))]
    states = channel_states(events)
    assert permission(states, Party.CONSUMER, "email", ADV).allowed
    assert not permission(states, Party.CONSUMER, "phone", ADV).allowed


@pytest.mark.parametrize(
    ("party", "channel", "allowed", "reason"),
    [
        (Party.CONSUMER, "phone", False, PermissionReason.NO_PHONE_CONSENT),
        (Party.BUSINESS, "phone", True, PermissionReason.PRESUMED_B2B),
        (Party.BUSINESS, "email", False, PermissionReason.NO_CONSENT),
        (Party.CONSUMER, "sms", False, PermissionReason.NO_CONSENT),
        (Party.CONSUMER, "whatsapp", False, PermissionReason.NO_CONSENT),
        (Party.BUSINESS, "linkedin", False, PermissionReason.NO_CONSENT),
        (Party.CONSUMER, "fax", False, PermissionReason.NO_CONSENT),
        (Party.CONSUMER, "letter", True, PermissionReason.LETTER),
        (Party.CONSUMER, "in_person", True, PermissionReason.NO_CHANNEL),
    ],
)
def test_advertising_without_any_event(
    party: Party, channel: str, allowed: bool, reason: PermissionReason
) -> None:
    verdict = permission(channel_states([]), party, channel, ADV)
    assert (verdict.allowed, verdict.reason) == (allowed, reason)


def test_existing_customer_exception_is_for_email_only() -> None:
    events = [Event("granted", "email", at(1), method="existing_customer")]
    states = channel_states(events)
    assert states["email"].status is ChannelStatus.EXISTING_CUSTOMER
    verdict = permission(states, Party.CONSUMER, "email", ADV)
    assert verdict.allowed and verdict.reason is PermissionReason.EXISTING_CUSTOMER
    assert check_event("granted", "phone", "existing_customer") == "existing_customer"
    assert check_event("revoked", "email", "existing_customer") == "existing_customer"
    assert check_event("granted", "email", "existing_customer") is None
    assert check_event("maybe", "email", "form") == "kind"
    assert check_event("granted", "pigeon", "form") == "channel"
    assert check_event("granted", "email", "telepathy") == "method"


def test_non_advertising_contact_is_allowed_without_consent() -> None:
    for purpose in (ContactPurpose.SERVICE, ContactPurpose.ANSWER):
        verdict = permission(channel_states([]), Party.CONSUMER, "phone", purpose)
        assert verdict.allowed and verdict.reason is PermissionReason.NOT_ADVERTISING


def test_evidence_is_kept_five_years_from_the_later_of_grant_and_last_use() -> None:
    granted = datetime(2022, 5, 3, 9, tzinfo=UTC)
    assert evidence_keep_until(granted, None) == date(2027, 5, 3)
    assert evidence_keep_until(granted, datetime(2025, 1, 7, tzinfo=UTC)) == date(2030, 1, 7)
    assert evidence_keep_until(datetime(2024, 2, 29, tzinfo=UTC), None) == date(2029, 2, 28)
    assert evidence_keep_until(None, None) is None


def test_the_last_grant_is_known_after_a_revocation_or_objection() -> None:
    events = [
        Event("granted", "phone", at(1)),
        Event("granted", "phone", at(3)),
        Event("objection", "email", at(5)),
        Event("revoked", "phone", at(6)),
    ]
    assert last_grants(events) == {"phone": at(3)}
