"""Phone numbers: parse any German or international notation to E.164."""

from __future__ import annotations

import re
from dataclasses import dataclass

import phonenumbers
from phonenumbers import PhoneNumberType

DEFAULT_REGION = "DE"

_TYPE_NAMES = {
    PhoneNumberType.MOBILE: "mobile",
    PhoneNumberType.FIXED_LINE: "fixed_line",
    PhoneNumberType.FIXED_LINE_OR_MOBILE: "fixed_line_or_mobile",
    PhoneNumberType.TOLL_FREE: "toll_free",
    PhoneNumberType.PREMIUM_RATE: "premium_rate",
    PhoneNumberType.SHARED_COST: "shared_cost",
    PhoneNumberType.VOIP: "voip",
    PhoneNumberType.PERSONAL_NUMBER: "personal_number",
    PhoneNumberType.PAGER: "pager",
    PhoneNumberType.UAN: "uan",
    PhoneNumberType.VOICEMAIL: "voicemail",
}

_NON_DIGITS = re.compile(r"\D")

# Why a number is refused, as codes (facts, stored in Address.invalid_reason);
# the catalog has a sentence for each.
_PARSE_ERRORS = {
    phonenumbers.NumberParseException.INVALID_COUNTRY_CODE: "phone.invalid_country_code",
    phonenumbers.NumberParseException.NOT_A_NUMBER: "phone.not_a_number",
    phonenumbers.NumberParseException.TOO_SHORT_AFTER_IDD: "phone.too_short",
    phonenumbers.NumberParseException.TOO_SHORT_NSN: "phone.too_short",
    phonenumbers.NumberParseException.TOO_LONG: "phone.too_long",
}
_LENGTH_ERRORS = {
    phonenumbers.ValidationResult.INVALID_COUNTRY_CODE: "phone.invalid_country_code",
    phonenumbers.ValidationResult.TOO_SHORT: "phone.too_short",
    phonenumbers.ValidationResult.TOO_LONG: "phone.too_long",
    phonenumbers.ValidationResult.INVALID_LENGTH: "phone.invalid_length",
    # Dialable only inside the area ("12", "+49 171"): the area code is missing.
    phonenumbers.ValidationResult.IS_POSSIBLE_LOCAL_ONLY: "phone.incomplete",
}


@dataclass(frozen=True)
class ParsedPhone:
    e164: str
    phone_type: str  # "mobile", "fixed_line", ... or "unknown"
    national_digits: str  # national significant number, e.g. "1711234567"


class InvalidPhone(ValueError):
    """The text is not a valid phone number; `code` says why ("phone.too_short", ...)."""

    def __init__(self, code: str) -> None:
        self.code = code
        super().__init__(code)


def parse_phone(raw: str, region: str = DEFAULT_REGION) -> ParsedPhone:
    """Parse `raw` in any notation (`0171 1234567`, `+49 (0)171-1234567`, `0049…`)."""
    text = raw.strip()
    # A "tel:" URI (vCard 4.0) and the German "(0)" trunk hint are notation, not digits.
    if text.lower().startswith("tel:"):
        text = text[4:]
    text = text.replace("(0)", "")
    if not text:
        raise InvalidPhone("phone.empty")
    try:
        number = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException as exc:
        raise InvalidPhone(_PARSE_ERRORS.get(exc.error_type, "phone.not_a_number")) from exc
    if not phonenumbers.is_valid_number(number):
        length = phonenumbers.is_possible_number_with_reason(number)
        raise InvalidPhone(_LENGTH_ERRORS.get(length, "phone.invalid_for_region"))
    e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    kind = _TYPE_NAMES.get(phonenumbers.number_type(number), "unknown")
    return ParsedPhone(e164, kind, phonenumbers.national_significant_number(number))


def digits_of(text: str) -> str:
    """Only the digits of `text` (for fragment search and suffix lookup)."""
    return _NON_DIGITS.sub("", text)


def reversed_digits(national_digits: str) -> str:
    """Digits reversed, so a suffix match becomes an indexable prefix match."""
    return national_digits[::-1]


def format_for_display(e164: str, region: str = DEFAULT_REGION) -> str:
    """National notation for numbers of `region`, international otherwise."""
    try:
        number = phonenumbers.parse(e164, region)
    except phonenumbers.NumberParseException:
        return e164
    if phonenumbers.region_code_for_number(number) == region:
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
