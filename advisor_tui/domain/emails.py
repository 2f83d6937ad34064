"""E-mail addresses: syntax check and normalization, never over the network."""

from __future__ import annotations


class InvalidEmail(ValueError):
    """The text is not a valid e-mail address; `code` says why ("email.no_at", ...)."""

    def __init__(self, code: str) -> None:
        self.code = code
        super().__init__(code)


# email-validator says why only in an English sentence; these fragments of it
# become codes (facts, stored in Address.invalid_reason), checked in order.
_REASONS = (
    ("must have an @-sign", "email.no_at"),
    ("something before the @-sign", "email.no_local_part"),
    ("something after the @-sign", "email.no_domain"),
    ("too long", "email.too_long"),
    ("before the @-sign", "email.bad_local_part"),
    ("cannot start with a period", "email.bad_local_part"),
    ("after the @-sign", "email.bad_domain"),
    ("domain", "email.bad_domain"),
)


def _reason_code(message: str) -> str:
    for fragment, code in _REASONS:
        if fragment in message:
            return code
    return "email.invalid"


def normalize_email(raw: str) -> str:
    """Normalized form: domain lowercased (IDNA-aware), local part casefolded.

    Mail servers treat local parts case-insensitively in practice, so two
    spellings of one mailbox compare equal.
    """
    # Imported on first use: it costs ~40 ms, and `advisor who NUMBER` never needs it.
    from email_validator import EmailNotValidError, validate_email

    text = raw.strip()
    if text.lower().startswith("mailto:"):
        text = text[7:]
    if not text:
        raise InvalidEmail("email.empty")
    try:
        result = validate_email(text, check_deliverability=False)
    except EmailNotValidError as exc:
        raise InvalidEmail(_reason_code(str(exc))) from exc
    return f"{result.local_part.casefold()}@{result.domain.lower()}"


def split_email(normalized: str) -> tuple[str, str]:
    """(local part, domain) of a normalized address."""
    local, _, domain = normalized.rpartition("@")
    return local, domain
