"""Leaving no bytes of deleted rows in the database files (SQLite).

Every connection runs with `PRAGMA secure_delete=ON` (`storage.db`), so a
deleted row's cells and freed pages are overwritten with zeros. Two places
still hold old bytes after the commit of an erasure:

- the FTS5 index (`person_fts`): a deleted document is only marked deleted in
  a new segment; its trigrams stay in the old segments until they are merged.
  `optimize` merges every segment into one, dropping deleted documents.
- the write-ahead log (`-wal`): the pages as they were before the erasure, up
  to the next checkpoint. `wal_checkpoint(TRUNCATE)` copies the log into the
  database and truncates it to zero bytes. It cannot finish while another
  connection (the running app in a read transaction) still needs old pages:
  then `wipe_deleted` reports it, and the next call (or closing the other
  program, whose last connection checkpoints) completes it.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Engine, inspect


@dataclass(frozen=True)
class WipeResult:
    """What `wipe_deleted` achieved: the log emptied, or busy because of another reader."""

    wal_emptied: bool
    fts_optimized: bool


def wipe_deleted(engine: Engine) -> WipeResult:
    """After a commit that deleted personal data: purge it from the FTS index and the WAL."""
    if engine.dialect.name != "sqlite":
        return WipeResult(True, False)  # PostgreSQL: VACUUM is the server operator's business
    optimized = False
    with engine.begin() as conn:
        conn.exec_driver_sql("PRAGMA secure_delete=ON")
        if inspect(conn).has_table("person_fts"):
            conn.exec_driver_sql("INSERT INTO person_fts(person_fts) VALUES ('optimize')")
            optimized = True
    with engine.connect() as conn:
        busy, _log, _done = conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)").one()
    return WipeResult(wal_emptied=busy == 0, fts_optimized=optimized)


def secure_delete_on(engine: Engine) -> bool:
    """True when connections of `engine` overwrite deleted content (always true off SQLite)."""
    if engine.dialect.name != "sqlite":
        return True
    with engine.connect() as conn:
        value = conn.exec_driver_sql("PRAGMA secure_delete").scalar()
    return value == 1
