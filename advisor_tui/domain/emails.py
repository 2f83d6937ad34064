"""E-mail addresses: syntax check and normalization, never over the network."""

from __future__ import annotations


class InvalidEmail(ValueError):
    """The text is not a valid e-mail address; the message says why."""


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
    try:
        result = validate_email(text, check_deliverability=False)
    except EmailNotValidError as exc:
        raise InvalidEmail(str(exc)) from exc
    return f"{result.local_part.casefold()}@{result.domain.lower()}"


def split_email(normalized: str) -> tuple[str, str]:
    """(local part, domain) of a normalized address."""
    local, _, domain = normalized.rpartition("@")
    return local, domain
