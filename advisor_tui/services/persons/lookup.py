"""Reverse lookup: who is behind a sender or caller (DESIGN.md "Matching an incoming sender").

One function for the TUI, the CLI (`advisor who`) and the call monitor:
1. an exact match on the normalized form (E.164, e-mail, handle);
   several persons behind one exact address are all returned as "shared";
2. otherwise, for phone numbers and digit fragments (>= 4 digits), a match on
   the end of the national number via `Address.rev_digits`: suggestions
   ("suffix"), never a silent pick.
Restricted persons (GDPR) and invalid addresses never match.

The statements are `storage.lookup_sql`'s; this module imports no SQLAlchemy
at load time, so `advisor who` runs the same lookup through stdlib `sqlite3`
(`lookup_with` and an executor) without paying for the ORM.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from advisor_tui.domain.emails import InvalidEmail, normalize_email
from advisor_tui.domain.phones import (
    DEFAULT_REGION,
    InvalidPhone,
    dial_digits,
    digits_of,
    parse_phone,
)
from advisor_tui.domain.vocabulary import MatchKind
from advisor_tui.storage import lookup_sql

if TYPE_CHECKING:
    from sqlmodel import Session

MIN_SUFFIX_DIGITS = 4
MAX_SUFFIX_HITS = 50
# Characters people and phone systems write numbers with; anything else is not a number.
_PHONE_TEXT = re.compile(r"^[\d\s+\-/().#*]+$")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class LookupHit:
    """One person the sender may be, through which address, and how it matched."""

    person_id: int
    address_id: int
    match: str  # MatchKind value: "exact", "suffix" or "shared"


@dataclass
class LookupResult:
    query: str
    normalized: str | None  # E.164, normalized e-mail or folded handle; None for a fragment
    valid_input: bool
    hits: list[LookupHit] = field(default_factory=list)

    @property
    def found(self) -> bool:
        return bool(self.hits)


@dataclass(frozen=True)
class _Parsed:
    normalized: str | None  # for the exact match
    suffix_digits: str | None  # national digits (or a fragment's digits) for the suffix match


def _parse_sender(text: str, region: str) -> _Parsed | None:
    """What to look for, or None when `text` is neither number, e-mail nor handle."""
    if not text:
        return None
    if "@" in text[1:] and not text.startswith("@"):
        try:
            return _Parsed(normalize_email(text), None)
        except InvalidEmail:
            return None
    if text.startswith("@") or ("/" in text and not _PHONE_TEXT.match(text)):
        # A social or messenger handle, stored folded without spaces.
        return _Parsed(_SPACES.sub("", text).casefold(), None)
    if text.lower().startswith("tel:"):
        text = text[4:]
    # A call monitor appends "#..." to some numbers; it is not part of the number.
    text = text.split("#", 1)[0].strip()
    if not text or not _PHONE_TEXT.match(text):
        return None
    try:
        phone = parse_phone(text, region)
    except InvalidPhone:
        digits = digits_of(text)
        if len(digits) < MIN_SUFFIX_DIGITS:
            return None
        return _Parsed(None, digits)
    return _Parsed(phone.e164, phone.national_digits)


# Runs one of `storage.lookup_sql`'s statements: (sql, params) -> rows. The ORM
# path passes a session's connection, `advisor who` on SQLite the stdlib driver.
Execute = Callable[[str, dict[str, Any]], Sequence[Sequence[Any]]]


def session_executor(session: Session) -> Execute:
    """Run lookup SQL on the session's connection (inside its transaction)."""
    from sqlalchemy import text

    connection = session.connection()

    def execute(sql: str, params: dict[str, Any]) -> Sequence[Sequence[Any]]:
        statement = _TEXTS.get(sql)
        if statement is None:
            statement = _TEXTS[sql] = text(sql)
        return connection.execute(statement, params).all()

    return execute


_TEXTS: dict[str, Any] = {}  # compiled once: a lookup is on the hot path of every ring


def _hits(
    execute: Execute, sql: str, params: dict[str, Any], limit: int, match: MatchKind
) -> list[LookupHit]:
    rows = execute(sql, {**params, "n": limit * 4})  # restricted persons left out
    hits: list[LookupHit] = []
    seen: set[int] = set()
    for person_id, address_id in rows:
        if person_id not in seen:
            seen.add(person_id)
            hits.append(LookupHit(person_id, address_id, match.value))
    return hits[:limit]


def _exact(execute: Execute, normalized: str, limit: int) -> list[LookupHit]:
    return _hits(execute, lookup_sql.EXACT, {"value": normalized}, limit, MatchKind.EXACT)


def _suffix(execute: Execute, digits: str, limit: int) -> list[LookupHit]:
    rev = digits[::-1]
    params = {"low": rev, "high": rev + ":"}
    return _hits(execute, lookup_sql.SUFFIX, params, limit, MatchKind.SUFFIX)


def reverse_lookup(
    session: Session, sender: str, *, region: str = DEFAULT_REGION, limit: int = MAX_SUFFIX_HITS
) -> LookupResult:
    """Who may `sender` (a number in any notation, a fragment, an e-mail or handle) be?"""
    return lookup_with(session_executor(session), sender, region=region, limit=limit)


def lookup_with(
    execute: Execute, sender: str, *, region: str = DEFAULT_REGION, limit: int = MAX_SUFFIX_HITS
) -> LookupResult:
    """`reverse_lookup` through any executor of `storage.lookup_sql` (see `Execute`)."""
    query = sender.strip()
    parsed = _parse_sender(query, region)
    if parsed is None:
        return LookupResult(query, None, False)
    result = LookupResult(query, parsed.normalized, True)
    if parsed.normalized is not None:
        hits = _exact(execute, parsed.normalized, limit)
        if len(hits) > 1:
            hits = [LookupHit(h.person_id, h.address_id, MatchKind.SHARED.value) for h in hits]
        if hits:
            result.hits = hits
            return result
    if parsed.normalized is None and parsed.suffix_digits:
        # No valid number: a stored number that does not parse either matches on equal digits.
        rev = dial_digits(query.split("#", 1)[0], region)[::-1]
        hits = _hits(execute, lookup_sql.SAME_DIGITS, {"rev": rev}, limit, MatchKind.EXACT)
        if hits:
            result.hits = hits
            return result
    if parsed.suffix_digits and len(parsed.suffix_digits) >= MIN_SUFFIX_DIGITS:
        result.hits = _suffix(execute, parsed.suffix_digits, limit)
    return result
