"""A throwaway PostgreSQL server for the test session, and one database per test.

`ADVISOR_TEST_DATABASE_URL` (a SQLAlchemy URL to a server where the user may
create databases) points the suite at an existing server. Otherwise, when
Debian's `initdb`/`pg_ctl` are found, each test process (each xdist worker)
starts its own server in a temp dir: socket in that dir, no TCP, fsync off;
it is gone when the process ends. As root the server runs as `postgres`
(initdb refuses root).

A template database is migrated to head once per process; each test gets a
copy of it (`CREATE DATABASE ... TEMPLATE`, a few ms), dropped afterwards.
"""

from __future__ import annotations

import atexit
import glob
import itertools
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from sqlalchemy.engine import URL, make_url

TEMPLATE = "advisor_template"
_PORT = 54329


def _bin_dir() -> Path | None:
    """The newest PostgreSQL bin dir with initdb and pg_ctl, or None."""
    candidates = sorted(
        glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(Path(p).parent.name)
    )
    for found in (shutil.which("initdb"), shutil.which("pg_ctl")):
        if found:
            candidates.append(str(Path(os.path.realpath(found)).parent))
    for folder in reversed(candidates):
        if (Path(folder) / "initdb").exists() and (Path(folder) / "pg_ctl").exists():
            return Path(folder)
    return None


def available() -> bool:
    """True when the suite can reach or start a PostgreSQL server."""
    return bool(os.environ.get("ADVISOR_TEST_DATABASE_URL")) or _bin_dir() is not None


def _as_postgres() -> list[str]:
    if os.geteuid() != 0:
        return []
    runuser = shutil.which("runuser")
    return [runuser, "-u", "postgres", "--"] if runuser else ["su", "postgres", "-c"]


class PgServer:
    """A server to create test databases on (started here, or given by URL)."""

    def __init__(self) -> None:
        self._folder: Path | None = None
        self._bin: Path | None = None
        self._names = itertools.count(1)
        given = os.environ.get("ADVISOR_TEST_DATABASE_URL")
        self.admin_url: URL = make_url(given) if given else self._start()
        self._prefix = f"t{os.getpid()}_"
        self._make_template()

    # -- the server ------------------------------------------------------------------------

    def _start(self) -> URL:
        bindir = _bin_dir()
        if bindir is None:
            raise RuntimeError("PostgreSQL's initdb/pg_ctl not found")
        self._bin = bindir
        folder = Path(tempfile.mkdtemp(prefix="advisor-pg-"))
        self._folder = folder
        if os.geteuid() == 0:
            shutil.chown(folder, "postgres", "postgres")
        data = folder / "data"
        run = _as_postgres()
        subprocess.run(
            [*run, str(bindir / "initdb"), "-D", str(data), "-U", "postgres", "--auth=trust",
             "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"],
            check=True, capture_output=True,
        )  # fmt: skip
        # Sockets only, in our own folder: no port to collide with other workers.
        options = (
            f"-c listen_addresses='' -k {folder} -p {_PORT} -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off -c max_connections=200 "
            "-c shared_buffers=32MB"
        )
        subprocess.run(
            [*run, str(bindir / "pg_ctl"), "-D", str(data), "-l", str(folder / "log"), "-w",
             "-o", options, "start"],
            check=True, capture_output=True,
        )  # fmt: skip
        atexit.register(self.stop)
        self._reap_when_gone(bindir, data, folder)
        return URL.create(
            "postgresql+psycopg",
            username="postgres",
            database="postgres",
            query={"host": str(folder), "port": str(_PORT)},
        )

    @staticmethod
    def _reap_when_gone(bindir: Path, data: Path, folder: Path) -> None:
        """A watchdog: when this process dies without `stop` (killed), so does the server."""
        as_postgres = " ".join(_as_postgres())
        script = (
            f"while kill -0 {os.getpid()} 2>/dev/null && [ -d '{data}' ]; do sleep 2; done; "
            f"[ -d '{data}' ] && {as_postgres} '{bindir / 'pg_ctl'}' -D '{data}' -m immediate "
            f"stop >/dev/null 2>&1; rm -rf '{folder}'"
        )
        subprocess.Popen(
            ["sh", "-c", script],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )

    def stop(self) -> None:
        """Stop a server started here and remove its folder (idempotent)."""
        if self._folder is None or self._bin is None:
            return
        subprocess.run(
            [*_as_postgres(), str(self._bin / "pg_ctl"), "-D", str(self._folder / "data"),
             "-m", "immediate", "stop"],
            capture_output=True,
        )  # fmt: skip
        shutil.rmtree(self._folder, ignore_errors=True)
        self._folder = None

    # -- databases -------------------------------------------------------------------------

    def _admin(self, sql: str) -> None:
        import psycopg

        url = self.admin_url
        with psycopg.connect(_conninfo(url), autocommit=True) as conn:
            conn.execute(sql)  # type: ignore[arg-type]

    def url_of(self, name: str) -> str:
        return self.admin_url.set(database=name).render_as_string(hide_password=False)

    def _make_template(self) -> None:
        from advisor_tui.storage.db import open_engine

        template = f"{self._prefix}{TEMPLATE}"
        self._admin(f'DROP DATABASE IF EXISTS "{template}" WITH (FORCE)')
        self._admin(f'CREATE DATABASE "{template}"')
        engine = open_engine(self.url_of(template))
        engine.dispose()
        self._template = template

    def new_database(self, *, empty: bool = False) -> str:
        """A new database (a copy of the migrated template, or empty): its URL."""
        name = f"{self._prefix}{next(self._names)}"
        source = "template0" if empty else self._template
        self._admin(f'CREATE DATABASE "{name}" TEMPLATE "{source}"')
        return self.url_of(name)

    def drop_database(self, url: str) -> None:
        name = make_url(url).database
        self._admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _conninfo(url: URL) -> str:
    """A libpq connection string for a SQLAlchemy URL."""
    parts = {
        "host": url.query.get("host") or url.host,
        "port": url.query.get("port") or url.port,
        "user": url.username,
        "password": url.password,
        "dbname": url.database,
    }
    return " ".join(f"{k}='{v}'" for k, v in parts.items() if v)


class WorkerDatabase:
    """One database per test process, emptied before each test (about 1 ms)."""

    def __init__(self, server: PgServer) -> None:
        self.server = server
        self.url = server.new_database()
        self._reset_sql: str | None = None

    def reset(self) -> str:
        """Empty every table and restart every sequence; the URL of the database."""
        import psycopg

        info = _conninfo(make_url(self.url))
        with psycopg.connect(info, autocommit=True) as conn:
            if self._reset_sql is None:
                self._reset_sql = _reset_statements(conn)
            try:
                conn.execute("SET lock_timeout = '2s'")
                conn.execute(self._reset_sql)  # type: ignore[arg-type]
            except psycopg.errors.LockNotAvailable:
                # A connection left in a transaction by an earlier test: end it.
                conn.execute(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    "WHERE datname = current_database() AND pid <> pg_backend_pid()"
                )
                conn.execute(self._reset_sql)  # type: ignore[arg-type]
        return self.url


def _reset_statements(conn: object) -> str:
    tables = [
        row[0]
        for row in conn.execute(  # type: ignore[attr-defined]
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' "
            "AND tablename <> 'alembic_version'"
        )
    ]
    sequences = [
        row[0]
        for row in conn.execute(  # type: ignore[attr-defined]
            "SELECT sequencename FROM pg_sequences WHERE schemaname = 'public'"
        )
    ]
    # Replica mode skips the foreign-key triggers: any order of deletes will do.
    return (
        "SET session_replication_role = replica;"
        + "".join(f'DELETE FROM "{t}";' for t in tables)
        + "".join(f"SELECT setval('\"{s}\"', 1, false);" for s in sequences)
        + "SET session_replication_role = DEFAULT;"
    )
