"""`advisor who` on PostgreSQL without the ORM: psycopg alone, the same answers.

`storage.lookup_fast.open_fast` runs `storage.lookup_sql` through psycopg for
a `postgresql+psycopg://` URL at head (about 0.4 s per process instead of
1.2 s, which went to importing SQLAlchemy and SQLModel). These tests hold it
to the ORM path's answers for a few hundred senders, check that the process
really does without SQLAlchemy, and that anything unsure takes the normal path.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from sqlalchemy import text

from advisor_tui.commands.context import CliContext
from advisor_tui.config import Settings
from advisor_tui.demo.generate import generate_demo
from advisor_tui.storage import lookup_fast
from advisor_tui.storage.db import open_engine
from advisor_tui.storage.schema_version import HEAD_REVISION
from tests import pg_server
from tests.cli.test_who_fast import assert_paths_agree, senders_from
from tests.conftest import cli_env

pytestmark = pytest.mark.skipif(not pg_server.available(), reason="no PostgreSQL server")
NOW = datetime(2026, 11, 30, 10, 0, tzinfo=UTC)


@pytest.fixture
def demo_url(pg_database: pg_server.WorkerDatabase) -> Iterator[str]:
    """300 demo persons; a few restricted (GDPR), two sharing a number."""
    url = pg_database.reset()
    engine = open_engine(url)
    generate_demo(engine, persons=300, seed=5, now=NOW)
    with engine.begin() as conn:
        conn.execute(text("UPDATE person SET restricted_until = '2030-01-01' WHERE id % 37 = 0"))
        a, b = conn.execute(text("SELECT id FROM person WHERE id % 37 <> 0 ORDER BY id LIMIT 2"))
        mobile = conn.execute(
            text(
                "SELECT normalized, rev_digits FROM address "
                "WHERE person_id = :p AND kind = 'mobile' AND valid ORDER BY id LIMIT 1"
            ),
            {"p": a[0]},
        ).one()
        conn.execute(
            text(
                "UPDATE address SET normalized = :n, rev_digits = :r "
                "WHERE person_id = :p AND kind = 'mobile'"
            ),
            {"n": mobile[0], "r": mobile[1], "p": b[0]},
        )
    engine.dispose()
    yield url


def _senders(url: str, count: int) -> list[str]:
    engine = open_engine(url)
    with engine.connect() as conn:
        rows = conn.execute(
            text("SELECT kind, normalized, raw FROM address WHERE valid ORDER BY id")
        ).all()
    engine.dispose()
    return senders_from([(row[0], row[1], row[2]) for row in rows], count)


def test_both_paths_return_the_same_on_postgresql(demo_url: str) -> None:
    with lookup_fast.open_fast(demo_url) as connection:
        assert connection is not None  # the fast path really runs here
    assert_paths_agree(
        CliContext(settings=Settings(database_url=demo_url)), _senders(demo_url, 120)
    )


def test_who_on_postgresql_runs_without_sqlalchemy(demo_url: str) -> None:
    engine = open_engine(demo_url)
    with engine.connect() as conn:
        number = conn.execute(
            text("SELECT normalized FROM address WHERE kind = 'mobile' AND valid ORDER BY id")
        ).first()[0]  # type: ignore[index]
    engine.dispose()
    code = (
        "import sys; from advisor_tui.cli import main; code = main(sys.argv[1:]); "
        "print('ORM' if 'sqlalchemy' in sys.modules else 'light'); sys.exit(code)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, "who", number],
        capture_output=True,
        text=True,
        env=cli_env({"ADVISOR_DATABASE_URL": demo_url}),
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.rstrip().endswith("light")


def _stamp(url: str, revision: str) -> None:
    engine = open_engine(url, migrate=False)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = :r"), {"r": revision})
    engine.dispose()


def test_anything_unsure_takes_the_normal_path(demo_url: str) -> None:
    _stamp(demo_url, "0001")
    try:
        with lookup_fast.open_fast(demo_url) as connection:
            assert connection is None  # an older schema: the ORM path says to upgrade
    finally:
        _stamp(demo_url, HEAD_REVISION)  # the worker's database lives on
    unreachable = "postgresql+psycopg://nobody@/none?host=/nonexistent&port=1"
    with lookup_fast.open_fast(unreachable) as connection:
        assert connection is None
    with lookup_fast.open_fast("mysql://u@h/db") as connection:
        assert connection is None
