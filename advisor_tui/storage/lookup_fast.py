"""`advisor who` without the ORM: a plain driver runs `lookup_sql`.

Importing SQLAlchemy, SQLModel and pydantic costs more than the whole
answer may take (a softphone shows the name between two rings). This module
opens a SQLite file with `sqlite3` (or a PostgreSQL database with psycopg
alone), checks that it is at the newest migration by reading
`alembic_version` (anything else, the caller takes the normal path, which
migrates or explains), and hands back an executor for `storage.lookup_sql`'s
statements plus plain row objects that the pure ranking reads the way it
reads the ORM's. Nothing here writes.
"""

from __future__ import annotations

import re
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


@contextmanager
def open_fast(url: str) -> Iterator[Any]:
    """A read connection for `url` at head (SQLite file or PostgreSQL), else None.

    Whatever this path does not know for sure (another driver, URL options
    libpq does not take, a server it cannot reach, an older schema) yields
    None: the normal path handles it and says what is wrong.
    """
    path = plain_sqlite_file(url)
    if path is not None:
        with open_at_head(path) as lite:
            yield lite
        return
    conninfo = _libpq_url(url)
    if conninfo is None:
        yield None
        return
    try:
        import psycopg

        server = psycopg.connect(conninfo, connect_timeout=5)
    except Exception:  # no driver, bad option, server away: the normal path explains
        yield None
        return
    with server:  # closed at the end; nothing here writes
        try:
            rows = server.execute("SELECT version_num FROM alembic_version").fetchall()
            stamped = [row[0] for row in rows]
        except psycopg.Error:
            stamped = []
        yield _PgConnection(server) if stamped == [HEAD_REVISION] else None


def _libpq_url(url: str) -> str | None:
    """The libpq URI of a `postgresql+psycopg://` URL (SQLAlchemy's), else None."""
    for prefix in ("postgresql+psycopg://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql://" + url[len(prefix) :]
    return None


_NAMED = re.compile(r"(?<![:\w]):(\w+)")


class _PgConnection:
    """psycopg with `lookup_sql`'s `:name` parameters, read like a sqlite3 connection."""

    def __init__(self, connection: Any) -> None:
        self._connection = connection
        self._sql: dict[str, str] = {}

    def execute(self, sql: str, params: dict[str, Any]) -> Any:
        query = self._sql.get(sql)
        if query is None:
            query = self._sql[sql] = _NAMED.sub(r"%(\1)s", sql.replace("%", "%%"))
        return self._connection.execute(query, params)


def executor(connection: sqlite3.Connection) -> Any:
    """Run `storage.lookup_sql` statements (named parameters) on `connection`."""

    def execute(sql: str, params: dict[str, Any]) -> Sequence[Sequence[Any]]:
        return connection.execute(sql, params).fetchall()

    return execute


def _when(value: Any) -> datetime | None:
    """A stored timestamp (SQLite: naive UTC text; psycopg: aware) as an aware UTC datetime."""
    if value is None:
        return None
    parsed = value if isinstance(value, datetime) else datetime.fromisoformat(value)
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
    if isinstance(until, str):  # SQLite's text; psycopg gives a date
        until = date.fromisoformat(until) if until else None
    values["restricted_until"] = until
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
