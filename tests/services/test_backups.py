"""Backups with the online backup API, daily/weekly rotation and restore."""

from __future__ import annotations

import logging
import os
import sqlite3
import threading
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine

from advisor_tui import paths
from advisor_tui.services.backups import copies as backups
from advisor_tui.services.errors import ServiceError
from advisor_tui.services.persons.editing import PersonData, add_address, add_person
from advisor_tui.storage.db import new_session, open_engine

# File copies of a SQLite database; PostgreSQL backups are pg_dump's (test_pg_backup.py).
pytestmark = pytest.mark.sqlite_only


def _add(engine: Engine, n: int, start: int = 0) -> None:
    with new_session(engine) as s:
        for i in range(start, start + n):
            person = add_person(s, PersonData(first_name=f"P{i}", last_name="Test"))
            add_address(s, person.id, "mobile", f"0171 {2000000 + i}")
        s.commit()


def _count(path: Path, table: str = "person") -> int:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    finally:
        conn.close()


def _integrity(path: Path) -> str:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()


# --- backup ------------------------------------------------------------------------------------


def test_backup_default_destination_mode_and_size(engine: Engine, db_path: Path) -> None:
    _add(engine, 3)
    info = backups.backup_database(db_path, now=datetime(2026, 3, 4, 5, 6, 7))
    assert info.path == paths.backup_dir(db_path) / "advisor-20260304-050607.sqlite3"
    assert info.size == info.path.stat().st_size > 0
    assert info.path.stat().st_mode & 0o777 == 0o600
    assert _count(info.path) == 3
    # A plain file: no -wal/-shm beside it, nothing temporary left.
    assert sorted(p.name for p in info.path.parent.iterdir()) == [info.path.name]


def test_backup_into_a_folder_and_refusals(engine: Engine, db_path: Path, tmp_path: Path) -> None:
    _add(engine, 1)
    folder = tmp_path / "usb"
    folder.mkdir()
    info = backups.backup_database(db_path, folder)
    assert info.path.parent == folder and _count(info.path) == 1
    with pytest.raises(ServiceError) as same:
        backups.backup_database(db_path, db_path)
    assert same.value.key == "backup.same_file"
    with pytest.raises(ServiceError) as missing:
        backups.backup_database(tmp_path / "nope.sqlite3")
    assert missing.value.key == "backup.no_database"
    with pytest.raises(ServiceError) as no_folder:
        backups.backup_database(db_path, tmp_path / "no" / "such" / "x.sqlite3")
    assert no_folder.value.key == "backup.no_folder"
    with pytest.raises(ServiceError) as pg:
        backups.sqlite_path_of("postgresql+psycopg://u@localhost/advisor")
    assert pg.value.key == "backup.sqlite_only"


def test_backup_while_a_writer_runs_is_consistent(
    engine: Engine, db_path: Path, tmp_path: Path
) -> None:
    """A thread commits person+address pairs in a loop; every copy is intact and paired."""
    _add(engine, 50)
    stop = threading.Event()
    written = [0]
    errors: list[BaseException] = []

    def writer() -> None:
        try:
            i = 1000
            while not stop.is_set():
                _add(engine, 1, start=i)  # one transaction: a person and their address
                i += 1
                written[0] += 1
        except BaseException as exc:  # reported to the test below
            errors.append(exc)

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        copies = []
        while len(copies) < 8 or written[0] < 20:
            before = _count(db_path)
            info = backups.backup_database(db_path, tmp_path / f"copy-{len(copies)}.sqlite3")
            after = _count(db_path)
            copies.append((info.path, before, after))
            if len(copies) > 200:
                break
    finally:
        stop.set()
        thread.join(timeout=30)
    assert not errors, errors
    assert written[0] >= 20, "the writer did not get to run during the backups"
    for path, before, after in copies:
        assert _integrity(path) == "ok"
        persons = _count(path)
        assert before <= persons <= after
        # Committed together, so a consistent snapshot never has one without the other.
        assert _count(path, "address") == persons


# --- automatic daily and weekly backups --------------------------------------------------------


def _names(db_path: Path, tag: str) -> list[str]:
    folder = paths.backup_dir(db_path)
    return sorted(p.name for p in folder.iterdir() if f"-{tag}-" in p.name)


def test_daily_backup_once_per_day(engine: Engine, db_path: Path) -> None:
    _add(engine, 2)
    morning = datetime(2026, 5, 4, 8, 0)
    first = backups.auto_backup_if_due(db_path, morning)
    assert first is not None and first.name == "advisor-daily-2026-05-04.sqlite3"
    assert first.stat().st_mode & 0o777 == 0o600
    assert backups.auto_backup_if_due(db_path, morning + timedelta(hours=9)) is None
    assert _names(db_path, "weekly") == ["advisor-weekly-2026-W19.sqlite3"]
    assert _count(first) == 2


def test_rotation_keeps_seven_daily_and_four_weekly(engine: Engine, db_path: Path) -> None:
    _add(engine, 1)
    manual = backups.backup_database(db_path, now=datetime(2026, 1, 1, 12, 0))
    start = datetime(2026, 1, 1, 9, 30)  # a Thursday
    for day in range(45):
        assert backups.auto_backup_if_due(db_path, start + timedelta(days=day)) is not None
    last = start + timedelta(days=44)
    expected_daily = [
        f"advisor-daily-{last - timedelta(days=d):%Y-%m-%d}.sqlite3" for d in range(6, -1, -1)
    ]
    assert _names(db_path, "daily") == expected_daily
    weeks = sorted({(start + timedelta(days=d)).isocalendar()[:2] for d in range(45)})[-4:]
    assert _names(db_path, "weekly") == [
        f"advisor-weekly-{y:04d}-W{w:02d}.sqlite3" for y, w in weeks
    ]
    assert manual.path.exists(), "manual backups are never rotated away"


def test_rotation_across_a_year_boundary(engine: Engine, db_path: Path) -> None:
    _add(engine, 1)
    for day in range(8):
        backups.auto_backup_if_due(db_path, datetime(2026, 12, 28, 7) + timedelta(days=day))
    # 2026-12-28 is in ISO week 2026-W53; 2027-01-04 starts 2027-W01.
    assert _names(db_path, "weekly") == [
        "advisor-weekly-2026-W53.sqlite3",
        "advisor-weekly-2027-W01.sqlite3",
    ]
    assert _names(db_path, "daily")[0] == "advisor-daily-2026-12-29.sqlite3"


def test_auto_backup_never_raises(
    engine: Engine, db_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    _add(engine, 1)
    paths.backup_dir(db_path).write_text("a file where the folder should be")
    with caplog.at_level(logging.WARNING):
        assert backups.auto_backup_if_due(db_path, datetime(2026, 1, 1)) is None
    assert "automatic backup" in caplog.text
    assert backups.auto_backup_if_due(db_path.with_name("missing.sqlite3")) is None
    assert backups.auto_backup_for_url("postgresql+psycopg://u@h/db") is None
    assert backups.auto_backup_for_url("not a url at all") is None
    failing = backups.auto_backup_for_url(f"sqlite:///{db_path}", datetime(2026, 1, 2))
    assert failing is not None
    failing.join(timeout=30)
    assert failing.result is None and failing.error


def test_auto_backup_for_url_runs_in_the_background(
    engine: Engine, db_path: Path, tmp_path: Path
) -> None:
    _add(engine, 2)
    stale = paths.backup_dir(db_path) / ".advisor-daily-2026-05-03.sqlite3.tmp-99999"
    stale.parent.mkdir()
    stale.write_bytes(b"half a copy from a killed process")
    os.utime(stale, (0, 0))
    worker = backups.auto_backup_for_url(f"sqlite:///{db_path}", datetime(2026, 5, 4, 8))
    assert worker is not None and not worker.daemon
    worker.join(timeout=30)
    assert worker.error is None and worker.result is not None and _count(worker.result) == 2
    assert not stale.exists()
    assert backups.auto_backup_for_url(f"sqlite:///{db_path}", datetime(2026, 5, 4, 18)) is None
    assert backups.auto_backup_for_url(f"sqlite:///{tmp_path / 'none.sqlite3'}") is None


# --- restore -----------------------------------------------------------------------------------


def test_restore_replaces_and_keeps_the_previous(
    engine: Engine, db_path: Path, tmp_path: Path
) -> None:
    _add(engine, 4)
    saved = backups.backup_database(db_path, tmp_path / "saved.sqlite3").path
    _add(engine, 6, start=100)  # after the backup: these are lost by the restore
    # Another connection keeps the database open (as a running TUI would).
    watcher = sqlite3.connect(db_path)
    assert watcher.execute("SELECT count(*) FROM person").fetchone()[0] == 10
    result = backups.restore_database(saved, db_path)
    assert result.persons == 4
    assert result.previous_backup is not None and _count(result.previous_backup) == 10
    assert watcher.execute("SELECT count(*) FROM person").fetchone()[0] == 4
    watcher.close()
    engine.dispose()
    reopened = open_engine(f"sqlite:///{db_path}")
    try:
        with reopened.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    finally:
        reopened.dispose()
    assert not list(db_path.parent.glob(".advisor.sqlite3.restore-*"))


def test_restore_into_a_new_location(engine: Engine, db_path: Path, tmp_path: Path) -> None:
    _add(engine, 2)
    target = tmp_path / "elsewhere" / "new.sqlite3"
    target.parent.mkdir()
    result = backups.restore_database(db_path, target)
    assert result.previous_backup is None and _count(target) == 2


def test_restore_refuses_what_is_not_ours(engine: Engine, db_path: Path, tmp_path: Path) -> None:
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"not a database at all" * 100)
    foreign = tmp_path / "foreign.sqlite3"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE x (a)")
    conn.commit()
    conn.close()
    newer = backups.backup_database(db_path, tmp_path / "newer.sqlite3").path
    conn = sqlite3.connect(newer)
    conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.commit()
    conn.close()
    cases = {
        tmp_path / "missing.sqlite3": "restore.no_file",
        junk: "restore.not_database",
        foreign: "restore.not_advisor",
        newer: "restore.too_new",
    }
    for file, key in cases.items():
        with pytest.raises(ServiceError) as err:
            backups.restore_database(file, db_path)
        assert err.value.key == key, file
    assert _count(db_path) == 0  # untouched
    assert not paths.backup_dir(db_path).exists()
