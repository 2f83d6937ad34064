"""The engine: from a URL, with SQLite's pragmas, migrated to head on open.

Everything SQLite-specific about connections lives here, behind
`open_engine`; the rest of the code speaks portable SQLAlchemy.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import ArgumentError, SQLAlchemyError
from sqlmodel import Session

from advisor_tui import paths
from advisor_tui.storage.errors import DatabaseError as DatabaseError
from advisor_tui.storage.schema_version import HEAD_REVISION
from advisor_tui.storage.urls import resolve_url as resolve_url
from advisor_tui.storage.urls import sqlite_file as sqlite_file

BUSY_TIMEOUT_MS = 5000


def _prepare_sqlite_file(path: Path) -> None:
    """Create the file 0600 (its directory 0700 when it is ours) or explain why not."""
    if path.is_dir():
        raise DatabaseError("db.is_directory", path=path)
    if path.exists():
        if not os.access(path, os.R_OK | os.W_OK):
            raise DatabaseError("db.no_permission", path=path)
        return
    parent = path.parent
    if not parent.exists():
        if path == paths.default_database():
            parent.mkdir(parents=True, mode=0o700, exist_ok=True)
        else:
            raise DatabaseError("db.no_folder", path=parent)
    if not parent.is_dir():
        raise DatabaseError("db.not_folder", path=parent)
    try:
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except FileExistsError:
        return
    except OSError as exc:
        raise DatabaseError("db.cannot_create", path=path, reason=exc.strerror) from exc
    os.close(fd)


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA synchronous=NORMAL")
        # Deleted rows are overwritten with zeros, not left readable in free space
        # (GDPR erasure; storage/wipe.py clears the FTS index and the WAL too).
        cursor.execute("PRAGMA secure_delete=ON")
        cursor.close()


def open_engine(url: str, *, migrate: bool = True) -> Engine:
    """An engine for `url`, the schema upgraded to head (backup first) unless told not to."""
    path = sqlite_file(url)
    if path is not None:
        _prepare_sqlite_file(path)
    try:
        engine = create_engine(url)
    except ArgumentError as exc:
        raise DatabaseError("db.bad_url", url=url) from exc
    except ModuleNotFoundError as exc:
        raise DatabaseError("db.no_driver", name=exc.name) from exc
    if engine.dialect.name == "sqlite":
        _configure_sqlite(engine)
    else:  # colleagues' TUIs hear of every write (storage/changes.py)
        from advisor_tui.storage.changes import install_notify

        install_notify(engine)
    if migrate and not _at_head(engine):
        from advisor_tui.storage.migrate import upgrade_to_head

        upgrade_to_head(engine)
    # Every session's writes keep the search index in step (storage/search_sync.py).
    from advisor_tui.storage.search_sync import install_index_maintenance

    install_index_maintenance()
    from advisor_tui.storage.authorship import install_authorship

    install_authorship()
    return engine


def _at_head(engine: Engine) -> bool:
    """True when the database is stamped with the newest revision (a quick check)."""
    try:
        with engine.connect() as conn:
            stamped = conn.exec_driver_sql("SELECT version_num FROM alembic_version").all()
    except SQLAlchemyError:
        return False  # no table yet, or not a database: the full path explains
    return [row[0] for row in stamped] == [HEAD_REVISION]


def new_session(engine: Engine) -> Session:
    """A session whose objects stay readable after commit (for the UI)."""
    return Session(engine, expire_on_commit=False)
