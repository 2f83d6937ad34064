"""Search-as-you-type over persons: names, company, e-mail, phone digits, notes.

Called on every keystroke by the TUI and once by `advisor search`. Ranking:
persons whose name (or company) starts with the query come first, in
alphabetical order of the folded key; then substring hits, names before
company, e-mail, phone and notes. Restricted persons never appear.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlmodel import Session, col, select

from advisor_tui.domain.models import Person
from advisor_tui.domain.phones import digits_of
from advisor_tui.storage import search as index

MIN_TERM = 3  # trigram: shorter terms only through the name prefix
_PHONE_TEXT = re.compile(r"^[\d\s+\-/().]+$")
_FIELD_OF_MATCH = {
    "name": "names",
    "company": "company",
    "email": "emails",
    "phone": "phones",
    "notes": "notes",
}


_TEXT_ORDER = ("name", "company", "email", "phone", "notes")
_NUMBER_ORDER = ("phone", "email", "name", "company", "notes")


@dataclass(frozen=True)
class SearchHit:
    """A person found, and how: "name", "company", "email", "phone" or "notes"."""

    person: Person
    match: str


@dataclass(frozen=True)
class _Query:
    prefix: str | None  # folded text for the name-prefix lookup
    terms: list[str]  # folded terms of >= 3 characters for the substring index
    short: list[str]  # shorter terms, checked on the candidates
    order: tuple[str, ...] = _TEXT_ORDER  # match kinds, best first


_CONTROLS = re.compile("[\x00-\x1f\x7f]")


def parse_query(text: str) -> _Query:
    """Fold the query; a number in any notation becomes its digits."""
    # Lone surrogates (bytes that were not UTF-8) cannot reach the database: U+FFFD instead;
    # a NUL ends an FTS5 string early ("unterminated string"): control characters are spaces.
    text = text.encode("utf-8", "surrogatepass").decode("utf-8", "replace")
    text = _CONTROLS.sub(" ", text)
    stripped = text.strip()
    if stripped and _PHONE_TEXT.match(stripped) and digits_of(stripped):
        digits = index.phone_query_digits(stripped)
        return _Query(None, [digits] if len(digits) >= MIN_TERM else [], [], _NUMBER_ORDER)
    words = index.fold(stripped).split()
    return _Query(
        " ".join(words) or None,
        [w for w in words if len(w) >= MIN_TERM],
        [w for w in words if len(w) < MIN_TERM],
    )


def _ranked_ids(session: Session, query: _Query, limit: int | None) -> list[tuple[int, str]]:
    """(person id, match kind), best first: name prefixes in key order, then by field."""
    connection = session.connection()
    ranked: dict[int, str] = {}
    if query.prefix:
        # Several keys per person (first, last, both, company, two foldings): over-fetch,
        # and again with more if that was not enough (a limited list must be a true head).
        wanted = None if limit is None else limit * 4
        while True:
            rows = index.prefix_matches(connection, query.prefix, wanted)
            ranked = {}
            for person_id, field in rows:
                ranked.setdefault(person_id, field)
            if limit is not None and len(ranked) >= limit:
                return list(ranked.items())[:limit]
            if wanted is None or len(rows) < wanted:
                break
            wanted *= 4
    if query.terms:
        # Persons found by prefix come again here: room for them under the limit.
        wanted = None if limit is None else limit + len(ranked)
        fields = [_FIELD_OF_MATCH[match] for match in query.order]
        kind_of = {field: match for match, field in _FIELD_OF_MATCH.items()}
        needle = max(query.terms, key=len)
        for person_id, field in index.ranked_text_ids(
            connection, query.terms, query.short, needle, fields, wanted
        ):
            ranked.setdefault(person_id, kind_of[field])
    items = list(ranked.items())
    return items if limit is None else items[:limit]


def search_ids(session: Session, text: str, *, limit: int | None = None) -> list[int]:
    """Ids of the persons matching `text`, best first, as `search_persons` ranks them.

    Without `limit` all of them (the customer list pages through them); only
    ids are read, so even 50,000 matches cost a few milliseconds per thousand.
    """
    if limit is not None and limit <= 0:
        return []
    return [person_id for person_id, _ in _ranked_ids(session, parse_query(text), limit)]


def count_matches(session: Session, text: str) -> int:
    """How many persons match `text` (what `search_ids` would return without a limit)."""
    query = parse_query(text)
    return index.count_matches(session.connection(), query.prefix, query.terms, query.short)


def search_persons(session: Session, text: str, *, limit: int = 50) -> list[SearchHit]:
    """Persons matching `text` (any fragment, any notation, umlauts folded), best first."""
    if limit <= 0:
        return []
    query = parse_query(text)
    ranked = _ranked_ids(session, query, limit)
    if not ranked:
        return []
    ids = [person_id for person_id, _ in ranked]
    persons = session.exec(
        select(Person).where(col(Person.id).in_(ids), col(Person.restricted_until).is_(None))
    ).all()
    by_id = {person.id: person for person in persons}
    return [SearchHit(by_id[pid], match) for pid, match in ranked if pid in by_id]
