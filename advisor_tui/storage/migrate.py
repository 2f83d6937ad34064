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


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Run the migrations up to `revision` on `engine`, all in one transaction."""
    cfg = alembic_config()
    with engine.begin() as conn:
        begin_for_ddl(conn)
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)


def upgrade_to_head(engine: Engine) -> Path | None:
    """Bring the schema to head; return the backup written first, if any."""
    try:
        current = current_revision(engine)
        tables = set(inspect(engine).get_table_names())
    except (OperationalError, SADatabaseError) as exc:
        raise DatabaseError("db.unreadable", path=engine.url.database) from exc
    if current == head_revision():
        return None
    known = {rev.revision for rev in ScriptDirectory.from_config(alembic_config()).walk_revisions()}
    if current is not None and current not in known:
        raise DatabaseError("db.newer", path=engine.url.database, revision=current)
    if current is None and tables - {"alembic_version"}:
        raise DatabaseError("db.foreign", path=engine.url.database)
    backup = None
    path = sqlite_file(str(engine.url))
    if current is not None and path is not None:
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        backup = backup_sqlite(
            path, path.with_name(f"{path.stem}.before-{current}-{stamp}.sqlite3")
        )
    upgrade(engine)
    return backup
