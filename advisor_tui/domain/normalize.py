"""Turn raw address text into its normalized form, or flag it invalid.

Invalid input is never dropped: the caller stores `raw` with `valid=False`
and the reason, and the user sees it marked. The reason is a code
("phone.too_short", "email.no_at", ...), rendered through the catalog when
shown; reasons stored as English text by older versions show as stored.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from advisor_tui.domain.emails import InvalidEmail, normalize_email
from advisor_tui.domain.phones import (
    DEFAULT_REGION,
    InvalidPhone,
    dial_digits,
    format_for_display,
    parse_phone,
    reversed_digits,
)
from advisor_tui.domain.vocabulary import AddressKind

_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class Normalized:
    normalized: str | None
    valid: bool
    invalid_reason: str | None = None
    phone_type: str | None = None
    rev_digits: str | None = None


def normalize_address(kind: str, raw: str, region: str = DEFAULT_REGION) -> Normalized:
    """Normalize `raw` according to the address `kind` (an AddressKind value)."""
    kind_enum = AddressKind(kind)
    text = raw.strip()
    if not text:
        return Normalized(None, False, "address.empty")
    if kind_enum.is_phone:
        try:
            phone = parse_phone(text, region)
        except InvalidPhone as exc:
            # Kept raw, and still found when a caller's digits equal it (dialled form, reversed).
            key = reversed_digits(dial_digits(text, region))
            return Normalized(None, False, exc.code, None, key if 0 < len(key) <= 30 else None)
        return Normalized(
            phone.e164, True, None, phone.phone_type, reversed_digits(phone.national_digits)
        )
    if kind_enum is AddressKind.EMAIL:
        try:
            return Normalized(normalize_email(text), True)
        except InvalidEmail as exc:
            return Normalized(None, False, exc.code)
    if kind_enum in (AddressKind.MESSENGER, AddressKind.SOCIAL):
        # Handles: a phone number (WhatsApp, Signal) normalizes like one; others fold case.
        try:
            phone = parse_phone(text, region)
        except InvalidPhone:
            return Normalized(_SPACES.sub("", text).casefold(), True)
        return Normalized(
            phone.e164, True, None, phone.phone_type, reversed_digits(phone.national_digits)
        )
    # Postal: one line, single spaces, case kept (it is printed on letters).
    return Normalized(_SPACES.sub(" ", text.replace("\n", ", ")), True)


def display_value(kind: str, raw: str, normalized: str | None, valid: bool) -> str:
    """How an address is shown in lists: phone numbers in one tidy notation."""
    if valid and normalized and normalized.startswith("+") and kind != AddressKind.EMAIL:
        return format_for_display(normalized)
    return raw
