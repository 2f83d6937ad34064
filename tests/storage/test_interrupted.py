"""kill -9 in the middle of a migration or a demo load: the database still opens, whole.

Each test runs the work in a subprocess that kills itself with SIGKILL right
after a chosen SQL statement (no test hooks in the application: an engine
event in the child), then opens the database here and compares its schema
with a fresh one's.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from sqlalchemy import create_engine

from advisor_tui.storage import migrate
from advisor_tui.storage.db import open_engine

# Installed in the child: SIGKILL itself right after the first statement containing KILL_AT.
_KILLER = """
import os, signal
from sqlalchemy import event

def arm(engine):
    marker = os.environ["KILL_AT"]

    @event.listens_for(engine, "after_cursor_execute")
    def _kill(conn, cursor, statement, params, context, many):
        if marker in statement:
            os.kill(os.getpid(), signal.SIGKILL)
"""


def _run_killed(script: str, url: str, kill_at: str) -> None:
    code = _KILLER + textwrap.dedent(script)
    env = {**os.environ, "KILL_AT": kill_at, "DB_URL": url}
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == -signal.SIGKILL, result.stderr


def _schema(path: Path) -> set[tuple[str, str, str]]:
    with sqlite3.connect(path) as con:
        rows = con.execute(
            "SELECT type, name, tbl_name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"
        ).fetchall()
    con.close()
    return set(rows)


@pytest.fixture
def fresh_schema(tmp_path: Path) -> set[tuple[str, str, str]]:
    path = tmp_path / "fresh.sqlite3"
    open_engine(f"sqlite:///{path}").dispose()
    return _schema(path)


def _integrity(path: Path) -> str:
    con = sqlite3.connect(path)
    try:
        return con.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        con.close()


# One statement in each revision after the first, where a kill hurt before.
KILL_POINTS = [
    "CREATE TABLE person_name_key",  # 0002: after person_search_doc was created
    "CREATE VIRTUAL TABLE person_fts",  # 0002: FTS5 table and its shadow tables
    "INSERT INTO person_search_doc",  # 0002: indexing the existing persons
    "CREATE INDEX ix_person_list_order",  # 0003: the old index already dropped
    "ADD COLUMN sort_key",  # 0004
    "CREATE UNIQUE INDEX uq_request_channel_message_id",  # 0005
]


@pytest.mark.parametrize("kill_at", KILL_POINTS)
def test_migration_killed_midway_leaves_the_old_database(
    tmp_path: Path, kill_at: str, fresh_schema: set[tuple[str, str, str]]
) -> None:
    path = tmp_path / "advisor.sqlite3"
    url = f"sqlite:///{path}"
    old = create_engine(url)
    migrate.upgrade(old, "0001")
    with old.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO person (kind, salutation, title, first_name, last_name, company, "
            "notes, tags, is_super_customer, is_dissatisfied, has_payment_trouble, extra, "
            "created_at, version) VALUES ('customer','','','Anna','Alt','','','',0,0,0,'',"
            "'2024-01-01 00:00:00',1)"
        )
    old.dispose()
    before = _schema(path)

    _run_killed(
        """
        from advisor_tui.storage import migrate
        from advisor_tui.storage.db import open_engine
        engine = open_engine(os.environ["DB_URL"], migrate=False)
        arm(engine)
        migrate.upgrade_to_head(engine)
        """,
        url,
        kill_at,
    )

    assert _schema(path) == before  # nothing of the interrupted upgrade is left
    assert _integrity(path) == "ok"
    engine = open_engine(url)  # and the next start upgrades as if nothing happened
    assert migrate.current_revision(engine) == migrate.head_revision()
    with engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT last_name FROM person").scalar() == "Alt"
        hits = conn.exec_driver_sql(
            "SELECT rowid FROM person_fts WHERE person_fts MATCH 'alt'"
        ).all()
        assert len(hits) == 1
    engine.dispose()
    assert _schema(path) == fresh_schema


def test_demo_killed_midway_keeps_every_index(
    tmp_path: Path, fresh_schema: set[tuple[str, str, str]]
) -> None:
    path = tmp_path / "advisor.sqlite3"
    url = f"sqlite:///{path}"
    open_engine(url).dispose()

    _run_killed(
        """
        from advisor_tui.demo.generate import generate_demo
        from advisor_tui.storage.db import open_engine
        engine = open_engine(os.environ["DB_URL"])
        arm(engine)
        generate_demo(engine, persons=300, seed=3)
        """,
        url,
        "INSERT INTO interaction",  # the indexes are dropped by now, the load under way
    )

    assert _schema(path) == fresh_schema
    assert _integrity(path) == "ok"
    with sqlite3.connect(path) as con:
        assert con.execute("SELECT count(*) FROM person").fetchone()[0] == 0
    con.close()
    # A second try starts from an empty database.
    from advisor_tui.demo.generate import generate_demo

    engine = open_engine(url)
    assert generate_demo(engine, persons=30, seed=3).persons == 30
    engine.dispose()
    assert _schema(path) == fresh_schema
