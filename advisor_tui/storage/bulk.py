"""Bulk loading: many rows as tuples, in chunks, inside the caller's transaction.

For generators and imports of 100,000s of rows (the demo data, benchmarks).
On SQLite the tuples go straight to the driver's executemany with values
already in the column types' storage form: SQLAlchemy's per-row parameter
processing would otherwise triple the run time. On PostgreSQL they go to
COPY FROM STDIN, timestamps already as text with their UTC offset (no bind
processing per value); secondary indexes are dropped during a load and built
once at the end, and the loaded tables are analyzed (a planner without
statistics picks poor plans). Other databases get ordinary Core executemany,
which handles their types itself.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date, datetime
from operator import methodcaller
from typing import Any

from sqlalchemy import (
    Boolean,
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
        self.postgresql = conn.dialect.name == "postgresql"
        # How values are prepared, by name, so another process can do the same.
        self.mode: str | None = "postgresql" if self.postgresql else "plain"
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
        if self.postgresql:
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

        COPY bypasses SQLAlchemy, so the columns' own bind processing is applied
        here first, except where the value already is COPY text: timestamps and
        dates made by `ts`/`day`/`stamp`, and booleans (COPY reads 0/1).
        """
        procs = [
            (i, proc)
            for i, name in enumerate(columns)
            if not isinstance(table.c[name].type, _COPY_READY)
            and (proc := table.c[name].type._cached_bind_processor(self.conn.dialect)) is not None
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

        Only indexes both in the model and in the database are touched (on
        PostgreSQL: every index that backs no constraint, the migrations'
        trigram indexes included). The drop is part of the caller's transaction
        (opened for real first, see `storage.transactions`), so an interrupted
        load leaves every index.
        """
        if self.postgresql:
            with self._pg_indexes_dropped(tables):
                yield
            return
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

    @contextmanager
    def _pg_indexes_dropped(self, tables: list[Table]) -> Iterator[None]:
        """PostgreSQL: drop indexes and foreign keys, load, build them back, ANALYZE.

        One sort per index instead of a B-tree (or trigram GIN) insert per row.
        The definitions come from the catalog, so indexes made by migrations
        only come back exactly as they were. With more memory for the builds
        (this transaction only) a GIN index is built in one pass.
        """
        names = [table.name for table in tables]
        indexes = self.conn.execute(
            text(
                "SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid) "
                "FROM pg_index i WHERE i.indrelid::regclass::text IN :names "
                "AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)"
            ).bindparams(bindparam("names", expanding=True)),
            {"names": names},
        ).all()
        for name, _ in indexes:
            self.conn.exec_driver_sql(f"DROP INDEX {name}")
        foreign_keys = self._foreign_keys_dropped(tables)
        yield
        self.conn.exec_driver_sql("SET LOCAL maintenance_work_mem = '256MB'")
        for _, definition in indexes:
            self.conn.exec_driver_sql(definition)
        for table_name, name, definition in foreign_keys:
            self.conn.exec_driver_sql(
                f'ALTER TABLE "{table_name}" ADD CONSTRAINT "{name}" {definition}'
            )
        self.conn.exec_driver_sql("ANALYZE " + ", ".join(f'"{name}"' for name in names))

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


# Column types whose COPY values `Stamps("postgresql")` (or plain 0/1) already made.
_COPY_READY = (UTCDateTime, Date, Boolean)


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
        elif mode == "postgresql":  # COPY text with the offset: no session time zone involved
            self.ts, self.day, self.stamp = _copy_text_or_none, _day_or_none, _copy_text

    def __reduce__(self) -> tuple[type[Stamps], tuple[str]]:
        return (Stamps, (self.mode,))


def _identity(value: Any) -> Any:
    return value


def _iso_or_none(value: datetime | None) -> str | None:
    return None if value is None else value.isoformat(" ", "microseconds")


def _copy_text(value: datetime) -> str:
    """A timestamp as PostgreSQL's COPY reads it; naive ones are UTC."""
    text = value.isoformat(" ", "microseconds")
    return text + "+00" if value.tzinfo is None else text


def _copy_text_or_none(value: datetime | None) -> str | None:
    return None if value is None else _copy_text(value)


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
