"""Phone numbers and e-mail addresses written in a message's signature.

A customer's mail often ends with "Mobil 0171 …" or a private address; the
inbox offers these as new addresses of the matched person (the advisor
confirms each). Only the signature counts (the lines after the closing
formula, else the last lines), so numbers quoted in the text (a contract
number, an IBAN) are not offered. Pure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

SIGNATURE_LINES = 8
_CLOSING = re.compile(
    r"^\s*(?:mit freundlichen gr|freundliche gr|viele gr|liebe gr|beste gr|herzliche gr|"
    r"gr(?:ü|ue|u)(?:ß|ss)|mfg\b|lg\b|vg\b|best regards|kind regards|regards|--\s*$)",
    re.IGNORECASE | re.MULTILINE,
)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# A phone number: a + or 0 start, digits with spaces, slashes, dashes, brackets; 7+ digits.
_PHONE = re.compile(r"(?<![\w+])(?:\+|00|0)[\d][\d \t/().-]{5,}\d")
_FAX = re.compile(r"\bfax\b", re.IGNORECASE)


@dataclass(frozen=True)
class SignatureAddress:
    """An address found in a signature: kind "email", "phone" or "fax", and the text."""

    kind: str
    raw: str


def signature_block(text: str) -> str:
    """The signature of `text`: from the last closing formula on, else its last lines."""
    closings = list(_CLOSING.finditer(text))
    if closings:
        return text[closings[-1].start() :]
    lines = [line for line in text.splitlines() if line.strip()]
    return "\n".join(lines[-SIGNATURE_LINES:])


def signature_addresses(text: str) -> list[SignatureAddress]:
    """Phone numbers and e-mail addresses in the signature, in order, each once."""
    found: dict[str, SignatureAddress] = {}
    for line in signature_block(text).splitlines():
        for m in _EMAIL.finditer(line):
            found.setdefault(m.group(0).casefold(), SignatureAddress("email", m.group(0)))
        without_mail = _EMAIL.sub(" ", line)
        for m in _PHONE.finditer(without_mail):
            raw = m.group(0).strip()
            digits = re.sub(r"\D", "", raw)
            if not 7 <= len(digits) <= 15:
                continue
            kind = "fax" if _FAX.search(without_mail[: m.start()]) else "phone"
            found.setdefault(digits, SignatureAddress(kind, raw))
    return list(found.values())
