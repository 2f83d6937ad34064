"""Schema migrations with Alembic: the environment lives in `migrations/`.

Opening a database brings it to head. An existing database at an older
revision is first copied next to itself (`NAME.before-REV-STAMP.sqlite3`).
A database with tables but no Alembic revision is not ours and is refused.
All pending revisions run in one transaction, DDL included (also on SQLite,
see `storage.transactions`): a process killed mid-way leaves the database
as it was before.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, inspect
from sqlalchemy.exc import DatabaseError as SADatabaseError
from sqlalchemy.exc import OperationalError

from advisor_tui.storage.backup import backup_sqlite
from advisor_tui.storage.errors import DatabaseError
from advisor_tui.storage.transactions import begin_for_ddl
from advisor_tui.storage.urls import sqlite_file

MIGRATIONS = Path(__file__).parent / "migrations"


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


# One advisory lock key for schema changes on a shared server ("advisor" in ASCII).
UPGRADE_LOCK_KEY = 0x61647669736F72


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Run the migrations up to `revision` on `engine`, all in one transaction.

    On PostgreSQL the transaction first takes an advisory lock: a second
    advisor upgrading at the same moment is refused at once ("db.upgrade_running")
    instead of waiting on the first one's DDL locks.
    """
    cfg = alembic_config()
    with engine.begin() as conn:
        begin_for_ddl(conn)
        if conn.dialect.name == "postgresql":
            got = conn.exec_driver_sql(
                f"SELECT pg_try_advisory_xact_lock({UPGRADE_LOCK_KEY})"
            ).scalar()
            if not got:
                raise DatabaseError("db.upgrade_running", where=where(engine))
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)


def where(engine: Engine) -> str:
    """The database for a sentence: the file, or host/name of a server (no password)."""
    url = engine.url
    path = sqlite_file(url.render_as_string(hide_password=False))
    if path is not None:
        return str(path)
    host = url.host or url.query.get("host") or "localhost"
    return f"{host}/{url.database}"


def upgrade_to_head(engine: Engine, *, explicit: bool = False) -> Path | None:
    """Bring the schema to head; return the backup written first, if any.

    A shared server (anything but SQLite) is only created here when empty;
    an older schema there is changed by `advisor db upgrade` (`explicit`),
    never behind colleagues still running the version it was made for.
    """
    try:
        current = current_revision(engine)
        tables = set(inspect(engine).get_table_names())
    except (OperationalError, SADatabaseError) as exc:
        raise DatabaseError("db.unreadable", path=where(engine)) from exc
    if current == head_revision():
        return None
    known = {rev.revision for rev in ScriptDirectory.from_config(alembic_config()).walk_revisions()}
    if current is not None and current not in known:
        raise DatabaseError("db.newer", path=where(engine), revision=current)
    if current is None and tables - {"alembic_version"}:
        raise DatabaseError("db.foreign", path=where(engine))
    path = sqlite_file(engine.url.render_as_string(hide_password=False))
    if path is None and current is not None and not explicit:
        raise DatabaseError("db.upgrade_needed", where=where(engine), revision=current)
    backup = None
    if current is not None and path is not None:
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        backup = backup_sqlite(
            path, path.with_name(f"{path.stem}.before-{current}-{stamp}.sqlite3")
        )
    upgrade(engine)
    return backup
