"""Bulk loading: many rows as tuples, in chunks, inside the caller's transaction.

For generators and imports of 100,000s of rows (the demo data, benchmarks).
On SQLite the tuples go straight to the driver's executemany with values
already in the column types' storage form: SQLAlchemy's per-row parameter
processing would otherwise triple the run time. Other databases get ordinary
Core executemany, which handles their types itself.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date, datetime
from operator import methodcaller
from typing import Any

from sqlalchemy import (
    Connection,
    Date,
    Index,
    Table,
    bindparam,
    func,
    insert,
    inspect,
    select,
    text,
)

from advisor_tui.domain.timestamps import UTCDateTime
from advisor_tui.storage.transactions import begin_for_ddl


class BulkWriter:
    """Chunked bulk inserts of tuples on one connection (fast path on SQLite).

    Values for timestamp and date columns must go through `ts` and `day`
    (naive datetimes are taken as UTC; None stays None), or `stamp` for a
    datetime that is never None (the cheapest call, for hot loops); everything
    else is passed as is.
    """

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.fast = conn.dialect.name == "sqlite"
        # How values are prepared, by name, so another process can do the same.
        self.mode: str | None = "plain"
        if self.fast:
            self.mode = "sqlite" if _sqlite_formats_unchanged(conn) else None
        stamps = Stamps(self.mode or "plain")
        self.ts, self.day, self.stamp = stamps.ts, stamps.day, stamps.stamp
        if self.mode is None:  # SQLAlchemy's storage format changed: its exact, slow path
            ts = UTCDateTime().dialect_impl(conn.dialect).bind_processor(conn.dialect)
            day = Date().dialect_impl(conn.dialect).bind_processor(conn.dialect)
            self.ts = self.stamp = ts or _identity
            self.day = day or _identity
        self._sql: dict[tuple[str, tuple[str, ...]], str] = {}

    def next_id(self, table: Table) -> int:
        """The first free id of `table` (for rows inserted with explicit ids)."""
        return int(self.conn.execute(select(func.max(table.c.id))).scalar() or 0) + 1

    def insert(
        self, table: Table, columns: tuple[str, ...], rows: Sequence[tuple[Any, ...]]
    ) -> None:
        """Insert `rows`, tuples in the order of `columns`."""
        if not rows:
            return
        if self.conn.dialect.name == "postgresql":
            self._copy(table, columns, rows)
            return
        if not self.fast:
            self.conn.execute(insert(table), [dict(zip(columns, row, strict=True)) for row in rows])
            return
        key = (table.name, columns)
        sql = self._sql.get(key)
        if sql is None:
            stmt = insert(table).compile(dialect=self.conn.dialect, column_keys=list(columns))
            sql = self._sql[key] = str(stmt)
        self.conn.exec_driver_sql(sql, list(rows))

    def _copy(
        self, table: Table, columns: tuple[str, ...], rows: Sequence[tuple[Any, ...]]
    ) -> None:
        """PostgreSQL: COPY FROM STDIN on the same connection (~10x executemany).

        COPY bypasses SQLAlchemy, so the columns' own bind processing (UTC
        timestamps, JSON) is applied here first.
        """
        procs = [
            (i, proc)
            for i, name in enumerate(columns)
            if (proc := table.c[name].type._cached_bind_processor(self.conn.dialect)) is not None
        ]
        driver: Any = self.conn.connection.driver_connection
        names = ", ".join(f'"{name}"' for name in columns)
        with (
            driver.cursor() as cursor,
            cursor.copy(f'COPY "{table.name}" ({names}) FROM STDIN') as copy,
        ):
            for row in rows:
                if procs:
                    values = list(row)
                    for i, proc in procs:
                        values[i] = proc(values[i])
                    copy.write_row(values)
                else:
                    copy.write_row(row)

    @contextmanager
    def indexes_dropped(self, tables: list[Table]) -> Iterator[None]:
        """Drop the tables' known secondary indexes now and build them again at the end.

        Only indexes both in the model and in the database are touched. The
        drop is part of the caller's transaction (opened for real first, see
        `storage.transactions`), so an interrupted load leaves every index.
        """
        begin_for_ddl(self.conn)
        dropped: list[Index] = []
        inspector = inspect(self.conn)
        for table in tables:
            present = {ix["name"] for ix in inspector.get_indexes(table.name)}
            for index in table.indexes:
                if index.name in present:
                    index.drop(self.conn)
                    dropped.append(index)
        foreign_keys = self._foreign_keys_dropped(tables)
        yield
        for index in dropped:
            index.create(self.conn)
        for table_name, name, definition in foreign_keys:
            self.conn.exec_driver_sql(
                f'ALTER TABLE "{table_name}" ADD CONSTRAINT "{name}" {definition}'
            )

    def _foreign_keys_dropped(self, tables: list[Table]) -> list[tuple[str, str, str]]:
        """PostgreSQL: drop the tables' foreign keys (to add them back after the load).

        Checked row by row during a load, with plans made while the tables were
        empty, they make it quadratic (60 s for 20,000 persons); added back, each
        is validated in one pass.
        """
        if self.conn.dialect.name != "postgresql":
            return []
        rows = self.conn.execute(
            text(
                "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) "
                "FROM pg_constraint WHERE contype = 'f' AND conrelid::regclass::text IN :names"
            ).bindparams(bindparam("names", expanding=True)),
            {"names": [table.name for table in tables]},
        ).all()
        for table_name, name, _ in rows:
            self.conn.exec_driver_sql(f'ALTER TABLE "{table_name}" DROP CONSTRAINT "{name}"')
        return [(row[0], row[1], row[2]) for row in rows]

    def sync_sequences(self, tables: list[Table]) -> None:
        """After explicit ids, PostgreSQL's serial sequences must move past them."""
        if self.conn.dialect.name != "postgresql":
            return
        for table in tables:
            self.conn.execute(
                text(
                    f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                    f"GREATEST((SELECT MAX(id) FROM {table.name}), 1))"
                )
            )


class Stamps:
    """Bind values for timestamps and dates, by mode: "sqlite" (text) or "plain" (as is).

    Picklable by its mode, so rows can be built in another process.
    """

    def __init__(self, mode: str) -> None:
        self.mode = mode
        self.ts: Callable[[datetime | None], Any] = _identity
        self.day: Callable[[date | None], Any] = _identity
        self.stamp: Callable[[datetime], Any] = _identity
        if mode == "sqlite":
            self.ts, self.day = _iso_or_none, _day_or_none
            self.stamp = methodcaller("isoformat", " ", "microseconds")  # no Python frame

    def __reduce__(self) -> tuple[type[Stamps], tuple[str]]:
        return (Stamps, (self.mode,))


def _identity(value: Any) -> Any:
    return value


def _iso_or_none(value: datetime | None) -> str | None:
    return None if value is None else value.isoformat(" ", "microseconds")


def _day_or_none(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def _sqlite_formats_unchanged(conn: Connection) -> bool:
    """Does SQLAlchemy still store timestamps and dates on SQLite as we write them?"""
    ts = UTCDateTime().dialect_impl(conn.dialect).bind_processor(conn.dialect)
    day = Date().dialect_impl(conn.dialect).bind_processor(conn.dialect)
    moment, today = datetime(2001, 2, 3, 4, 5, 6, 7), date(2001, 2, 3)
    return (ts is None or ts(moment) == _iso_or_none(moment)) and (
        day is None or day(today) == _day_or_none(today)
    )
