"""Phone numbers: parse any German or international notation to E.164.

People write words beside numbers: `030 1234567 (privat)`, `(Büro)`,
`Zentrale 0711 …`, `089 123456 App. 12`. `split_phone_text` takes the words
off as an annotation and an extension off as digits before the number is
parsed, because phonenumbers would turn letters into keypad digits
(`(privat)` -> 774828) and store a valid, different number. Letters left
inside a number make it invalid, never digits.
"""

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
# Words in parentheses ("(privat)", "(Büro)"), never the German trunk hint "(0)".
_PARENTHESIZED = re.compile(r"\(([^()]*[^\W\d_][^()]*)\)")
# An extension at the end: "App. 12", "Apparat 12", "Durchwahl 12", "DW 12", "ext. 12", "x12".
_EXTENSION = re.compile(
    r"(?:(?<![^\W\d_])(?:app|apparat|durchwahl|dw|nst|nebenstelle|ext|extension)\b\.?"
    r"|(?<![^\s\d])x)\s*[:.]?\s*(\d{1,6})\s*$",
    re.IGNORECASE,
)
# A whole word of letters ("Zentrale", "Büro:", "Tel.").
_WORD = re.compile(r"(?<!\S)[^\W\d_][^\s\d]*(?!\S)")
_NOISE_WORDS = frozenset({"tel", "telefon", "fon", "phone", "nr", "rufnummer", "tel.-nr"})

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
    e164: str  # with an extension: the direct-dial number (number and extension dialled on)
    phone_type: str  # "mobile", "fixed_line", ... or "unknown"
    national_digits: str  # national significant number, e.g. "1711234567"
    extension: str = ""  # "12" of "089 123456 App. 12"


@dataclass(frozen=True)
class PhoneText:
    """A phone field taken apart: the number, the words beside it, an extension."""

    number: str
    annotation: str = ""  # "privat", "Büro", "Zentrale" as written
    extension: str = ""


def split_phone_text(raw: str) -> PhoneText:
    """Take annotations and an extension off a written number (`030 123 (privat)`)."""
    text = raw.strip()
    if not any(c.isalpha() for c in text):
        return PhoneText(text)
    words: list[str] = [m.group(1).strip() for m in _PARENTHESIZED.finditer(text)]
    text = _PARENTHESIZED.sub(" ", text)
    extension = ""
    if match := _EXTENSION.search(text):
        extension = match.group(1)
        text = text[: match.start()]
    words += [m.group(0).rstrip(":,;") for m in _WORD.finditer(text)]
    text = _WORD.sub(" ", text)
    annotation = " ".join(w for w in words if w and w.casefold().rstrip(".:") not in _NOISE_WORDS)
    return PhoneText(" ".join(text.split()).strip(" ,;:-/"), annotation, extension)


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
    if not text.strip():
        raise InvalidPhone("phone.empty")
    parts = split_phone_text(text.replace("(0)", ""))
    text = parts.number
    if not text:
        raise InvalidPhone("phone.not_a_number" if parts.annotation else "phone.empty")
    if any(c.isalpha() for c in text):  # never keypad digits: 0800-FLOWERS stays invalid
        raise InvalidPhone("phone.not_a_number")
    try:
        number = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException as exc:
        raise InvalidPhone(_PARSE_ERRORS.get(exc.error_type, "phone.not_a_number")) from exc
    if not phonenumbers.is_valid_number(number):
        length = phonenumbers.is_possible_number_with_reason(number)
        raise InvalidPhone(_LENGTH_ERRORS.get(length, "phone.invalid_for_region"))
    if parts.extension:
        # German direct dial: the extension is dialled on after the switchboard's number.
        direct = f"+{number.country_code}{phonenumbers.national_significant_number(number)}"
        try:
            dialled = phonenumbers.parse(direct + parts.extension, region)
        except phonenumbers.NumberParseException:
            dialled = None
        if dialled is not None and phonenumbers.is_valid_number(dialled):
            number = dialled
    e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    kind = _TYPE_NAMES.get(phonenumbers.number_type(number), "unknown")
    nsn = phonenumbers.national_significant_number(number)
    return ParsedPhone(e164, kind, nsn, parts.extension)


def dial_digits(text: str, region: str = DEFAULT_REGION) -> str:
    """The digits as dialled inside the country: `+49 30 1234` and `0049 30 1234` -> `0301234`.

    The key under which a number that does not parse is still found when a
    caller's digits equal it (`Address.rev_digits` of invalid numbers).
    """
    text = text.strip()
    number = split_phone_text(text[4:] if text.lower().startswith("tel:") else text).number
    digits = digits_of(number)
    code = str(phonenumbers.country_code_for_region(region))
    if number.lstrip().startswith("+"):
        return "0" + digits[len(code) :] if digits.startswith(code) else "00" + digits
    if digits.startswith("00" + code):
        return "0" + digits[2 + len(code) :]
    return digits


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
