"""Migrations: empty DB to head, older revision upgraded with a backup first."""

from __future__ import annotations

import sqlite3
import stat
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine
from sqlmodel import SQLModel

import advisor_tui.domain.models  # noqa: F401
from advisor_tui.storage import migrate
from advisor_tui.storage.db import DatabaseError, open_engine


def _revisions() -> list[str]:
    script = ScriptDirectory.from_config(migrate.alembic_config())
    return [r.revision for r in reversed(list(script.walk_revisions()))]


def test_empty_database_goes_to_head(db_path: Path) -> None:
    engine = open_engine(f"sqlite:///{db_path}")
    assert migrate.current_revision(engine) == migrate.head_revision()
    tables = {
        r[0]
        for r in sqlite3.connect(db_path).execute(
            "select name from sqlite_master where type='table'"
        )
    }
    assert {
        "person",
        "address",
        "request",
        "interaction",
        "followup",
        "consent_event",
        "audit_entry",
    } <= tables
    assert stat.S_IMODE(db_path.stat().st_mode) == 0o600
    engine.dispose()
    # A fresh database needs no backup.
    assert not list(db_path.parent.glob("*.before-*"))


def test_models_and_migrations_agree(engine) -> None:  # noqa: ANN001
    def ours(obj, name, type_, reflected, compare_to):  # noqa: ANN001, ANN202
        # Search-index tables are created by migrations only (FTS5 / pg_trgm).
        return not (type_ == "table" and reflected and compare_to is None)

    with engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"include_object": ours})
        assert compare_metadata(ctx, SQLModel.metadata) == []


@pytest.mark.skipif(len(_revisions()) < 2, reason="needs two revisions")
def test_older_revision_is_upgraded_after_a_backup(db_path: Path) -> None:
    older = _revisions()[-2]
    raw = create_engine(f"sqlite:///{db_path}")
    migrate.upgrade(raw, older)
    with raw.begin() as conn:
        conn.exec_driver_sql(
            "insert into person (kind, salutation, title, first_name, last_name, company, "
            "notes, tags, extra, created_at, version) values ('customer','','','Anna','Alt',"
            "'','','','','2024-01-01 00:00:00',1)"
        )
    raw.dispose()
    engine = open_engine(f"sqlite:///{db_path}")
    assert migrate.current_revision(engine) == migrate.head_revision()
    engine.dispose()
    backups = list(db_path.parent.glob(f"{db_path.stem}.before-{older}-*.sqlite3"))
    assert len(backups) == 1
    copy = sqlite3.connect(backups[0])
    assert copy.execute("select version_num from alembic_version").fetchone()[0] == older
    assert copy.execute("select last_name from person").fetchone()[0] == "Alt"
    assert sqlite3.connect(db_path).execute("select count(*) from person").fetchone()[0] == 1


def test_foreign_sqlite_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite3"
    con = sqlite3.connect(path)
    con.execute("create table stuff (x)")
    con.commit()
    con.close()
    with pytest.raises(DatabaseError, match="nicht von advisor"):
        open_engine(f"sqlite:///{path}")


def test_not_a_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("hello, this is not sqlite at all" * 100)
    with pytest.raises(DatabaseError, match="keine lesbare Datenbank"):
        open_engine(f"sqlite:///{path}")


@pytest.mark.sqlite_only
def test_sqlite_pragmas(engine) -> None:  # noqa: ANN001
    with engine.connect() as conn:
        assert conn.exec_driver_sql("pragma journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("pragma foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("pragma busy_timeout").scalar() == 5000


def test_quick_head_check_knows_the_newest_revision() -> None:
    from advisor_tui.storage.schema_version import HEAD_REVISION

    assert migrate.head_revision() == HEAD_REVISION


def test_database_from_a_newer_version_is_refused_clearly(db_path: Path) -> None:
    open_engine(f"sqlite:///{db_path}").dispose()
    con = sqlite3.connect(db_path)
    con.execute("update alembic_version set version_num = '9999'")
    con.commit()
    con.close()
    with pytest.raises(DatabaseError, match="neueren advisor-Version"):
        open_engine(f"sqlite:///{db_path}")
