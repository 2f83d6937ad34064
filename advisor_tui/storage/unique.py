"""Insert a row once: what comes from outside may arrive twice.

Call monitor events and messages are recorded by whoever sees them first
(the TUI and a headless `advisor callmonitor` may both listen; a restart may
replay). Each such row carries an external key with a unique index; a second
insert of the same key must neither fail nor add a row. A check-then-insert
alone has a gap between two writers, so the insert itself is
`INSERT ... ON CONFLICT DO NOTHING` (SQLite and PostgreSQL): the second
writer waits for the first one's lock, then inserts nothing and reads the
row that won.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, cast

from sqlalchemy import CursorResult, Table, inspect, select
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, SQLModel


def _values(row: SQLModel) -> tuple[Table, dict[str, Any]]:
    mapper = inspect(type(row))
    table = mapper.local_table
    values: dict[str, Any] = {}
    for attr in mapper.column_attrs:
        column = attr.columns[0]
        value = getattr(row, attr.key)
        if value is None and column.primary_key:
            continue
        values[column.name] = value
    return table, values


def insert_once(session: Session, row: SQLModel, unique: Sequence[str]) -> tuple[int, bool]:
    """Insert `row` unless one with the same `unique` column values exists.

    Returns (id, created): the new row's id, or the id of the row already
    there. `row` itself is not added to the session (load it by id if needed).
    The `unique` columns must be those of a unique index; a NULL among them
    never conflicts, so such a row is always inserted.
    """
    table, values = _values(row)
    dialect = session.get_bind().dialect.name
    if dialect in ("sqlite", "postgresql"):
        from sqlalchemy.dialects import postgresql, sqlite

        insert: Any = sqlite.insert if dialect == "sqlite" else postgresql.insert
        statement = (
            insert(table)
            .values(values)
            .on_conflict_do_nothing(index_elements=list(unique))
            .returning(table.c.id)
        )
        new_id = session.execute(statement).scalar()
        if new_id is not None:
            return int(new_id), True
    else:  # pragma: no cover - only SQLite and PostgreSQL are supported
        try:
            with session.begin_nested():
                result = cast("CursorResult[Any]", session.execute(table.insert().values(values)))
                primary_key = result.inserted_primary_key
                assert primary_key is not None
                new_id = primary_key[0]
            return int(new_id), True
        except IntegrityError:
            pass
    query = select(table.c.id).where(*(table.c[name] == values[name] for name in unique))
    existing = session.execute(query).scalar_one()
    return int(existing), False
