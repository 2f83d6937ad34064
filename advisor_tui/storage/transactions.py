"""DDL inside the transaction: all or nothing, also on SQLite.

SQLite itself rolls back CREATE/DROP like any other statement, but Python's
sqlite3 module (before 3.12's `autocommit=False`; we run 3.11) opens a
transaction only before INSERT, UPDATE, DELETE or REPLACE. DDL issued before
the first of those runs outside any transaction and is committed on the spot,
so a process killed mid-way leaves half a schema (a migration's new table
without its revision stamp: "table ... already exists" on every later open;
a demo load's dropped indexes never rebuilt). `begin_for_ddl` opens the
transaction explicitly first; the driver then leaves it alone, and
SQLAlchemy's commit or rollback ends it as usual.
"""

from __future__ import annotations

from sqlalchemy import Connection


def begin_for_ddl(conn: Connection) -> None:
    """Make `conn`'s transaction (begun by the caller) real now: the DDL that follows is in it.

    On SQLite: BEGIN IMMEDIATE (the write lock at once, waiting up to the busy
    timeout, so two processes migrating the same file take turns). Other
    databases run DDL transactionally anyway.
    """
    if conn.dialect.name != "sqlite":
        return
    driver = conn.connection.driver_connection
    if driver is not None and not driver.in_transaction:
        driver.execute("BEGIN IMMEDIATE")
