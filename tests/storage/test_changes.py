"""Another advisor's write is noticed: NOTIFY on PostgreSQL, data_version on SQLite."""

from __future__ import annotations

import threading

from sqlalchemy import Engine

from advisor_tui.services.persons.editing import PersonData, add_person
from advisor_tui.storage.changes import ChangeWatcher
from advisor_tui.storage.db import new_session, open_engine


def _watching(url: str, **kw: bool) -> tuple[ChangeWatcher, threading.Event, threading.Thread]:
    seen = threading.Event()
    watcher = ChangeWatcher(url, seen.set, **kw)
    thread = threading.Thread(target=watcher.watch, daemon=True)
    thread.start()
    return watcher, seen, thread


def test_a_colleagues_write_is_signalled_within_seconds(engine: Engine, database_url: str) -> None:
    colleague = open_engine(database_url)
    # `own`: the colleague is in this process here; on PostgreSQL the watcher would skip it.
    watcher, seen, thread = _watching(database_url, own=True)
    try:
        assert not seen.wait(2.5)  # nothing written yet: no signal
        with new_session(colleague) as session:
            add_person(session, PersonData("Anna", "Kollegin"))
            session.commit()
        assert seen.wait(6)
        seen.clear()
        with new_session(colleague) as session:  # reading is no change
            session.connection()
            session.rollback()
        assert not seen.wait(2.5)
    finally:
        watcher.stop()
        thread.join(5)
        colleague.dispose()
    assert not thread.is_alive()


def test_a_rolled_back_write_is_no_change(engine: Engine, database_url: str) -> None:
    watcher, seen, thread = _watching(database_url, own=True)
    try:
        with new_session(engine) as session:
            add_person(session, PersonData("Nie", "Gespeichert"))
            session.flush()
            session.rollback()
        assert not seen.wait(2.5)
    finally:
        watcher.stop()
        thread.join(5)
