"""Seeing colleagues' changes: a signal when another process wrote to the database.

PostgreSQL: every transaction that wrote (INSERT/UPDATE/DELETE/COPY on any
connection of an engine from `open_engine`) sends `NOTIFY advisor_changed`
with the writer's process id just before it commits; the notice is delivered
only if it commits. `ChangeWatcher` LISTENs on a connection of its own and
ignores its own process's notices (the app already knows what it wrote).

SQLite: no notices between processes, so the watcher polls `PRAGMA
data_version` on a connection of its own: its value moves whenever another
connection has committed to the file since the last look.

Both run in a thread of the caller's (`watch` blocks until `stop`).
"""

from __future__ import annotations

import logging
import os
import sqlite3
import threading
from collections.abc import Callable
from typing import Any

from sqlalchemy import Engine, event
from sqlalchemy.engine import make_url

log = logging.getLogger(__name__)
CHANNEL = "advisor_changed"
POLL_SECONDS = 2.0
_WRITES = ("INSERT", "UPDATE", "DELETE", "COPY")
_WROTE = "advisor_wrote"


def install_notify(engine: Engine) -> None:
    """PostgreSQL: NOTIFY the others before each commit of a transaction that wrote."""
    if engine.dialect.name != "postgresql":
        return

    @event.listens_for(engine, "after_cursor_execute")
    def _note_write(conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if statement.lstrip()[:6].upper().startswith(_WRITES):
            conn.info[_WROTE] = True

    @event.listens_for(engine, "commit")
    def _notify(conn: Any) -> None:
        if conn.info.pop(_WROTE, False):
            driver = conn.connection.driver_connection
            driver.execute(f"NOTIFY {CHANNEL}, '{os.getpid()}'")

    @event.listens_for(engine, "rollback")
    def _forget(conn: Any) -> None:
        conn.info.pop(_WROTE, None)


class ChangeWatcher:
    """Calls `on_change()` (in the watching thread) when another process wrote."""

    def __init__(self, url: str, on_change: Callable[[], None], *, own: bool = False) -> None:
        self.url = url
        self.on_change = on_change
        self.own = own  # also signal this process's own writes (PostgreSQL)
        self._stop = threading.Event()

    def stop(self) -> None:
        self._stop.set()

    def watch(self) -> None:
        """Block, signalling changes, until `stop()` (a connection error ends it too)."""
        parsed = make_url(self.url)
        try:
            if parsed.get_backend_name() == "postgresql":
                self._listen(parsed)
            elif parsed.database and parsed.database != ":memory:":
                self._poll(parsed.database)
        except Exception:  # a lost server or file: no live view, the app goes on
            log.warning("watching for changes stopped", exc_info=True)

    def _mine(self) -> str:
        """The payload of this process's own notices ("" when they count too)."""
        return "" if self.own else str(os.getpid())

    def _poll(self, path: str) -> None:
        conn = sqlite3.connect(path, check_same_thread=False)
        try:
            seen = conn.execute("PRAGMA data_version").fetchone()[0]
            while not self._stop.wait(POLL_SECONDS):
                now = conn.execute("PRAGMA data_version").fetchone()[0]
                if now != seen:
                    seen = now
                    self.on_change()
        finally:
            conn.close()

    def _listen(self, parsed: Any) -> None:
        import psycopg

        params = {
            "host": parsed.query.get("host") or parsed.host,
            "port": parsed.query.get("port") or parsed.port,
            "user": parsed.username,
            "password": parsed.password,
            "dbname": parsed.database,
        }
        mine = self._mine()
        with psycopg.connect(**{k: v for k, v in params.items() if v}, autocommit=True) as conn:
            conn.execute(f"LISTEN {CHANNEL}")
            while not self._stop.is_set():
                changed = False
                for notice in conn.notifies(timeout=1.0, stop_after=100):
                    changed = changed or notice.payload != mine
                if changed:
                    self.on_change()
