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
from typing import Any

from sqlalchemy import Connection, Date, Index, Table, func, insert, inspect, select, text

from advisor_tui.domain.timestamps import UTCDateTime


class BulkWriter:
    """Chunked bulk inserts of tuples on one connection (fast path on SQLite).

    Values for timestamp and date columns must go through `ts` and `day`
    (naive datetimes are taken as UTC); everything else is passed as is.
    """

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.fast = conn.dialect.name == "sqlite"
        self.ts: Callable[[datetime | None], Any] = _identity
        self.day: Callable[[date | None], Any] = _identity
        if self.fast:
            self.ts = _sqlite_stamp(conn)
            self.day = _sqlite_day(conn)
        self._sql: dict[tuple[str, tuple[str, ...]], str] = {}

    def next_id(self, table: Table) -> int:
        """The first free id of `table` (for rows inserted with explicit ids)."""
        return int(self.conn.execute(select(func.max(table.c.id))).scalar() or 0) + 1

    def insert(
        self, table: Table, columns: tuple[str, ...], rows: Sequence[tuple[Any, ...]]
    ) -> None:
        if not rows:
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

    @contextmanager
    def indexes_dropped(self, tables: list[Table]) -> Iterator[None]:
        """Drop the tables' known secondary indexes now and build them again at the end.

        Only indexes both in the model and in the database are touched; the
        transaction makes this all-or-nothing.
        """
        dropped: list[Index] = []
        inspector = inspect(self.conn)
        for table in tables:
            present = {ix["name"] for ix in inspector.get_indexes(table.name)}
            for index in table.indexes:
                if index.name in present:
                    index.drop(self.conn)
                    dropped.append(index)
        yield
        for index in dropped:
            index.create(self.conn)

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


def _identity(value: Any) -> Any:
    return value


def _sqlite_stamp(conn: Connection) -> Callable[[datetime | None], Any]:
    """Naive UTC datetime -> the exact text UTCDateTime stores on SQLite."""
    processor = UTCDateTime().dialect_impl(conn.dialect).bind_processor(conn.dialect)

    def fast(value: datetime | None) -> str | None:
        return None if value is None else value.isoformat(" ", "microseconds")

    sample = datetime(2001, 2, 3, 4, 5, 6, 7)
    if processor is not None and processor(sample) != fast(sample):
        return processor  # the storage format changed: take the slow, exact path
    return fast


def _sqlite_day(conn: Connection) -> Callable[[date | None], Any]:
    processor = Date().dialect_impl(conn.dialect).bind_processor(conn.dialect)

    def fast(value: date | None) -> str | None:
        return None if value is None else value.isoformat()

    sample = date(2001, 2, 3)
    if processor is not None and processor(sample) != fast(sample):
        return processor
    return fast
