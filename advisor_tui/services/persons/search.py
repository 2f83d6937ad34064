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


def parse_query(text: str) -> _Query:
    """Fold the query; a number in any notation becomes its digits."""
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


def _field_matched(columns: dict[str, str], query: _Query) -> str:
    needle = max(query.terms, key=len)
    for match in query.order:
        if needle in columns[_FIELD_OF_MATCH[match]]:
            return match
    return query.order[0]


def _ranked_ids(session: Session, query: _Query, limit: int) -> list[tuple[int, str]]:
    connection = session.connection()
    ranked: dict[int, str] = {}
    if query.prefix:
        # Several keys per person (first, last, both, company, two foldings): over-fetch.
        for person_id, field in index.prefix_matches(connection, query.prefix, limit * 4):
            ranked.setdefault(person_id, field)
            if len(ranked) >= limit:
                return list(ranked.items())
    if query.terms:
        order = query.order
        found = []
        # Twice the limit leaves room to rank by field and to drop prefix duplicates;
        # every further row costs a read of its document.
        wanted = limit * 2 if not query.short else limit * 4
        for person_id, columns in index.text_matches(connection, query.terms, wanted):
            if person_id in ranked:
                continue
            text = " ".join(columns.values())
            if all(short in text for short in query.short):
                found.append((order.index(_field_matched(columns, query)), person_id))
        found.sort()
        for rank, person_id in found:
            ranked.setdefault(person_id, order[rank])
    return list(ranked.items())[:limit]


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
