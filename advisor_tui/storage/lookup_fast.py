"""`advisor who` on a SQLite file without the ORM: the stdlib driver runs `lookup_sql`.

Importing SQLAlchemy, SQLModel and pydantic costs more than the whole
answer may take (a softphone shows the name between two rings). This module
opens the file with `sqlite3`, checks that it is at the newest migration by
reading `alembic_version` (anything else, the caller takes the normal path,
which migrates), and hands back an executor for `storage.lookup_sql`'s
statements plus plain row objects that the pure ranking reads the way it
reads the ORM's. Nothing here writes.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import closing, contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from advisor_tui.storage import lookup_sql
from advisor_tui.storage.schema_version import HEAD_REVISION

BUSY_TIMEOUT_S = 5.0  # as storage.db: wait for a writer rather than fail


def plain_sqlite_file(url: str) -> Path | None:
    """The file of a plain `sqlite:///PATH` URL that exists; None for anything else.

    Deliberately narrow: query options, memory databases, other drivers and
    missing files go the normal way, which knows them all.
    """
    prefix = "sqlite:///"
    if not url.startswith(prefix) or "?" in url:
        return None
    path = Path(url[len(prefix) :])
    return path if path.is_file() else None


@contextmanager
def open_at_head(path: Path) -> Iterator[sqlite3.Connection | None]:
    """A read connection to `path`, or None when the schema is not at head."""
    connection = sqlite3.connect(path, timeout=BUSY_TIMEOUT_S)
    with closing(connection):
        try:
            rows = connection.execute("SELECT version_num FROM alembic_version").fetchall()
            stamped = [row[0] for row in rows]
        except sqlite3.DatabaseError:
            stamped = []  # no table yet, or not a database: the normal path explains
        yield connection if stamped == [HEAD_REVISION] else None


def executor(connection: sqlite3.Connection) -> Any:
    """Run `storage.lookup_sql` statements (named parameters) on `connection`."""

    def execute(sql: str, params: dict[str, Any]) -> Sequence[Sequence[Any]]:
        return connection.execute(sql, params).fetchall()

    return execute


def _when(value: Any) -> datetime | None:
    """A stored timestamp (naive UTC text, as SQLAlchemy writes it) as an aware datetime."""
    if value is None:
        return None
    parsed = datetime.fromisoformat(value)
    return parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed.astimezone(UTC)


@dataclass
class PersonRow:
    """What `advisor who` shows of a person (the fields of `models.Person` it reads)."""

    id: int
    kind: str
    title: str
    first_name: str
    last_name: str
    company: str
    restricted_until: date | None

    @property
    def display_name(self) -> str:
        # As models.Person.display_name (a parity test compares both paths).
        name = " ".join(p for p in (self.title, self.first_name, self.last_name) if p)
        return name or self.company or f"#{self.id}"


@dataclass
class AddressRow:
    """The fields of `models.Address` the ranking and the output read."""

    id: int
    person_id: int
    kind: str
    scope: str
    label: str
    raw: str
    normalized: str | None
    valid: bool
    invalid_reason: str | None
    is_direct_dial: bool
    serviceable: bool
    serviceable_at: datetime | None
    confirmed_at: datetime | None
    last_success_at: datetime | None
    failed_at: datetime | None
    failure_kind: str | None
    is_preferred: bool
    created_at: datetime


_BOOLS = {"valid", "is_direct_dial", "serviceable", "is_preferred"}
_TIMES = {"serviceable_at", "confirmed_at", "last_success_at", "failed_at", "created_at"}


def _address(row: Sequence[Any]) -> AddressRow:
    values = dict(zip(lookup_sql.ADDRESS_COLUMNS, row, strict=True))
    for name in _BOOLS:
        values[name] = bool(values[name])
    for name in _TIMES:
        values[name] = _when(values[name])
    return AddressRow(**values)


def _person(row: Sequence[Any]) -> PersonRow:
    values = dict(zip(lookup_sql.PERSON_COLUMNS, row, strict=True))
    until = values["restricted_until"]
    values["restricted_until"] = date.fromisoformat(until) if until else None
    return PersonRow(**values)


def persons_with_addresses(
    connection: sqlite3.Connection, person_ids: Sequence[int]
) -> tuple[dict[int, PersonRow], dict[int, list[AddressRow]]]:
    """The persons (restricted ones included) and their addresses, by person id."""
    ids = list(dict.fromkeys(person_ids))
    if not ids:
        return {}, {}
    persons = {p.id: p for p in map(_person, connection.execute(*lookup_sql.persons(ids)))}
    addresses: dict[int, list[AddressRow]] = {pid: [] for pid in persons}
    for row in connection.execute(*lookup_sql.addresses(ids)):
        address = _address(row)
        addresses.setdefault(address.person_id, []).append(address)
    return persons, addresses
