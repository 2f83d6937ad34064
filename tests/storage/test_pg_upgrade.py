"""A shared server's schema changes only by `advisor db upgrade`; backups with pg_dump."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from advisor_tui.storage import migrate
from advisor_tui.storage.db import DatabaseError, open_engine
from advisor_tui.storage.pg_dump import pg_dump_program
from tests import pg_server
from tests.conftest import Advisor

pytestmark = pytest.mark.skipif(not pg_server.available(), reason="no PostgreSQL server")


@pytest.fixture
def fresh_url(pg_database: pg_server.WorkerDatabase) -> Iterator[str]:
    """An empty database of its own (schema changes must not touch the shared one)."""
    url = pg_database.server.new_database(empty=True)
    yield url
    pg_database.server.drop_database(url)


def _older(url: str) -> str:
    """Bring the database to the revision before head, as an older advisor left it."""
    older = migrate.head_revision()
    script = migrate.ScriptDirectory.from_config(migrate.alembic_config())
    older = script.get_revision(older).down_revision
    assert isinstance(older, str)
    raw = create_engine(url)
    migrate.upgrade(raw, older)
    raw.dispose()
    return older


def test_an_older_schema_on_a_server_is_refused_until_db_upgrade(
    advisor: Advisor, fresh_url: str
) -> None:
    older = _older(fresh_url)
    with pytest.raises(DatabaseError) as refused:
        open_engine(fresh_url)
    assert refused.value.key == "db.upgrade_needed"
    assert "advisor db upgrade" in str(refused.value)
    who = advisor("who", "0171 1234567", env={"ADVISOR_DATABASE_URL": fresh_url})
    assert who.returncode == 2
    assert who.stderr.count("\n") == 1 and "advisor db upgrade" in who.stderr
    status = advisor("db", "status", "--lang", "en")
    assert f"schema {older}; this advisor: {migrate.head_revision()}" in status.stdout
    done = advisor("db", "upgrade", "--lang", "en")
    assert done.returncode == 0, done.stderr
    assert f"from {older} to {migrate.head_revision()}" in done.stdout
    assert advisor("who", "0171 1234567").returncode == 1  # opens now: nobody known
    again = advisor("db", "upgrade", "--lang", "en")
    assert again.returncode == 0 and "already" in again.stdout


def test_an_empty_database_on_a_server_is_created_on_open(fresh_url: str) -> None:
    engine = open_engine(fresh_url)
    assert migrate.current_revision(engine) == migrate.head_revision()
    engine.dispose()


def test_a_second_upgrade_at_the_same_moment_is_told_so(advisor: Advisor, fresh_url: str) -> None:
    _older(fresh_url)
    holder = create_engine(fresh_url)
    with holder.connect() as conn:
        conn.execute(text(f"SELECT pg_advisory_lock({migrate.UPGRADE_LOCK_KEY})"))
        result = advisor("db", "upgrade", env={"ADVISOR_DATABASE_URL": fresh_url})
        conn.execute(text(f"SELECT pg_advisory_unlock({migrate.UPGRADE_LOCK_KEY})"))
    holder.dispose()
    assert result.returncode == 2
    assert "aktualisiert gerade jemand anders" in result.stderr
    assert advisor("db", "upgrade").returncode == 0


def test_a_newer_schema_is_refused_with_update_advisor(advisor: Advisor, fresh_url: str) -> None:
    open_engine(fresh_url).dispose()
    raw = create_engine(fresh_url)
    with raw.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    raw.dispose()
    result = advisor("search", "anna", env={"ADVISOR_DATABASE_URL": fresh_url})
    assert result.returncode == 2
    assert "neueren advisor-Version" in result.stderr


def test_db_status_on_sqlite(advisor: Advisor, db_path: Path) -> None:
    result = advisor("db", "status", "--db", str(db_path), "--lang", "en")
    assert result.returncode == 0
    assert f"Database {db_path}: schema empty" in result.stdout


@pytest.mark.skipif(pg_dump_program() is None, reason="pg_dump not installed")
def test_backup_of_a_server_database_is_a_pg_dump(
    advisor: Advisor, fresh_url: str, tmp_path: Path
) -> None:
    env = {"ADVISOR_DATABASE_URL": fresh_url}
    assert advisor("demo", "--persons", "20", env=env).returncode == 0
    result = advisor("backup", str(tmp_path))
    assert result.returncode == 0, result.stderr
    [dump] = tmp_path.glob("*.dump")
    assert dump.stat().st_mode & 0o077 == 0
    beside_dump = Path(str(pg_dump_program())).with_name("pg_restore")
    restore = shutil.which("pg_restore") or str(beside_dump)
    listing = subprocess.run([restore, "--list", str(dump)], capture_output=True, text=True)
    assert "TABLE DATA public person " in listing.stdout
    assert advisor("backup", str(dump)).returncode == 2  # exists: needs --force
