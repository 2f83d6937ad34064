"""The SQL of the reverse lookup, written once for both ways of running it.

`services.persons.lookup` runs these statements through a SQLAlchemy
connection (SQLite and PostgreSQL); `advisor who` runs the very same text
through the plain driver, stdlib `sqlite3` or psycopg (`storage.lookup_fast`),
so a caller ID starts without importing the ORM. Named parameters (`:name`)
are understood by SQLAlchemy and sqlite3 (lookup_fast rewrites them for
psycopg). Plain standard SQL: `valid` is a boolean column on PostgreSQL and
0/1 on SQLite, and `AND valid` reads right on both.

Addresses are not joined to person: SQLite (without statistics) would
rather walk the restricted_until index than the one on the address column;
restricted persons are left out by a NOT EXISTS on person's primary key per
found address instead (one statement, one round trip to a server).

Each address statement has an index that filters and orders at once,
(normalized | rev_digits, person_id, id) (migration 0015): with the filter
column alone indexed, PostgreSQL's generic plan for a prepared statement
without statistics walked the person_id index instead (hundreds of ms). On
PostgreSQL rev_digits compares in byte order (COLLATE "C"), which the suffix
range's ':' bound needs.
"""

from __future__ import annotations

from collections.abc import Sequence

# Restricted persons (GDPR) never match: checked per found address (primary key), in the
# same statement, so a lookup is one round trip to a server.
_VISIBLE = (
    "AND NOT EXISTS (SELECT 1 FROM person WHERE person.id = address.person_id "
    "AND person.restricted_until IS NOT NULL) "
)

# An exact match on the normalized form (E.164, e-mail, folded handle).
EXACT = (
    "SELECT person_id, id FROM address WHERE normalized = :value AND valid "
    + _VISIBLE
    + "ORDER BY person_id, id LIMIT :n"
)
# The end of the national number: a range on the reversed digits, which uses the
# index (LIKE 'x%' would scan the table, TECH-NOTES).
SUFFIX = (
    "SELECT person_id, id FROM address WHERE rev_digits >= :low AND rev_digits < :high "
    "AND valid " + _VISIBLE + "ORDER BY rev_digits, person_id, id LIMIT :n"
)

# A stored number that does not parse, with the same digits as dialled (issue 11 item 7):
# invalid phone numbers keep their dialled digits reversed in rev_digits.
SAME_DIGITS = (
    "SELECT person_id, id FROM address WHERE rev_digits = :rev AND NOT valid "
    + _VISIBLE
    + "ORDER BY person_id, id LIMIT :n"
)

# What `advisor who` shows of a person and what the ranking reads of an address.
PERSON_COLUMNS = ("id", "kind", "title", "first_name", "last_name", "company", "restricted_until")
ADDRESS_COLUMNS = (
    "id",
    "person_id",
    "kind",
    "scope",
    "label",
    "raw",
    "normalized",
    "valid",
    "invalid_reason",
    "is_direct_dial",
    "serviceable",
    "serviceable_at",
    "confirmed_at",
    "last_success_at",
    "failed_at",
    "failure_kind",
    "is_preferred",
    "created_at",
)


def id_params(ids: Sequence[int]) -> tuple[str, dict[str, int]]:
    """`:id0, :id1, …` and their values, for an IN list both drivers accept."""
    names = [f"id{i}" for i in range(len(ids))]
    return ", ".join(f":{name}" for name in names), dict(zip(names, ids, strict=True))


def persons(ids: Sequence[int]) -> tuple[str, dict[str, int]]:
    marks, params = id_params(ids)
    return f"SELECT {', '.join(PERSON_COLUMNS)} FROM person WHERE id IN ({marks})", params


def addresses(person_ids: Sequence[int]) -> tuple[str, dict[str, int]]:
    marks, params = id_params(person_ids)
    sql = f"SELECT {', '.join(ADDRESS_COLUMNS)} FROM address WHERE person_id IN ({marks})"
    return sql, params


def open_callbacks(person_ids: Sequence[int]) -> tuple[str, dict[str, int]]:
    """Which of these persons have an open callback follow-up (a promise to ring back)."""
    marks, params = id_params(person_ids)
    sql = (
        f"SELECT DISTINCT person_id FROM followup WHERE person_id IN ({marks}) "
        "AND kind = 'callback' AND done_at IS NULL"
    )
    return sql, params
