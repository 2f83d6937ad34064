"""kill -9 (and SIGTERM) in the middle of an import, the demo, a migration and a restore.

After each kill: SQLite's integrity check passes, what was committed before is
all there, the interrupted work is there completely or not at all, and no
worker process of the killed one is left running. The number of rounds per
case is ADVISOR_RELIABILITY_ROUNDS (default 1; tests/reliability/README.md has
the figures of a long run).
"""

from __future__ import annotations

import signal
import sqlite3
from pathlib import Path

import pytest

from tests.reliability import data
from tests.reliability.processes import ROUNDS, kill_during, moments, orphans_after, start_cli

pytestmark = pytest.mark.sqlite_only

BIG = 2000  # cards: enough for the import's worker processes (more than 2 chunks of 500)


def _count(db: Path, table: str = "person") -> int:
    conn = sqlite3.connect(db)
    try:
        exists = conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)
        ).fetchone()
        # Migrations run in one transaction: no table yet means nothing was committed.
        return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]) if exists else 0
    finally:
        conn.close()


def _intact(db: Path) -> None:
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    finally:
        conn.close()


def _big_vcard(folder: Path, count: int = BIG) -> Path:
    cards = [
        "BEGIN:VCARD\r\nVERSION:3.0\r\n"
        f"N:Nachname{i};Vorname{i};;;\r\nFN:Vorname{i} Nachname{i}\r\n"
        f"EMAIL:person{i}@example.net\r\nTEL;TYPE=CELL:0151 {2000000 + i}\r\n"
        "END:VCARD\r\n"
        for i in range(count)
    ]
    path = folder / f"big{count}.vcf"
    path.write_text("".join(cards), encoding="utf-8")
    return path


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM], ids=["kill9", "term"])
def test_import(tmp_path: Path, sig: int) -> None:
    db = tmp_path / "advisor.sqlite3"
    data.make_database(db, tmp_path)
    before = _count(db)
    big = _big_vcard(tmp_path)
    for after in moments(ROUNDS, 0.0, 0.5, seed=sig):
        process = start_cli("--db", str(db), "import", str(big))
        seen, was_running = kill_during(process, after, sig, once_children=True)
        assert seen or not was_running  # the kill met the parsing workers
        assert orphans_after(seen) == set()
        _intact(db)
        count = _count(db)
        assert count in (before, before + BIG)  # all of the import or none of it
        if not was_running:
            assert count == before + BIG
        before = count


def test_demo(tmp_path: Path) -> None:
    for n, after in enumerate(moments(ROUNDS, 0.0, 1.0, seed=2)):
        db = tmp_path / f"demo{n}.sqlite3"
        process = start_cli("--db", str(db), "demo", "--persons", "20000")
        seen, was_running = kill_during(process, after, once_children=True)
        assert seen or not was_running  # the kill met the demo's worker
        assert orphans_after(seen) == set()
        if db.exists():
            _intact(db)
            assert _count(db) in (0, 20000)


def _old_database(db: Path, persons: int) -> None:
    from advisor_tui.storage.db import open_engine
    from advisor_tui.storage.migrate import upgrade

    engine = open_engine(f"sqlite:///{db}", migrate=False)
    upgrade(engine, "0006")
    engine.dispose()
    conn = sqlite3.connect(db)
    conn.executemany(
        "INSERT INTO person (kind, salutation, title, first_name, last_name, company, notes, "
        "tags, extra, is_super_customer, is_dissatisfied, has_payment_trouble, created_at, "
        "version, sort_key) VALUES ('customer', '', '', ?, ?, '', '', '', '', 0, 0, 0, "
        "'2020-01-01 00:00:00', 1, '')",
        [(f"V{i}", f"N{i}") for i in range(persons)],
    )
    conn.commit()
    conn.close()


def test_migration(tmp_path: Path) -> None:
    from advisor_tui.storage.schema_version import HEAD_REVISION

    for n, after in enumerate(moments(ROUNDS, 0.3, 1.2, seed=3)):
        db = tmp_path / f"old{n}.sqlite3"
        _old_database(db, 2000)
        process = start_cli("--db", str(db), "search", "N1")
        seen, _ = kill_during(process, after)
        assert orphans_after(seen) == set()
        _intact(db)
        assert _count(db) == 2000
        conn = sqlite3.connect(db)
        revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]
        conn.close()
        assert revision in ("0006", HEAD_REVISION) or revision >= "0006"
        for copy in tmp_path.glob(f"old{n}.before-*.sqlite3"):  # never half a backup
            _intact(copy)


def test_restore(tmp_path: Path) -> None:
    db = tmp_path / "advisor.sqlite3"
    data.make_database(db, tmp_path)
    backup = tmp_path / "backup.sqlite3"
    from advisor_tui.cli import main

    assert main(["--db", str(db), "backup", str(backup)]) == 0
    more = _big_vcard(tmp_path, 500)
    assert main(["--db", str(db), "import", str(more)]) == 0
    small, big = _count(backup), _count(db)
    for after in moments(ROUNDS, 0.5, 1.2, seed=4):
        process = start_cli("--db", str(db), "restore", str(backup), "--yes")
        seen, _ = kill_during(process, after)
        assert orphans_after(seen) == set()
        _intact(db)
        assert _count(db) in (small, big)  # the old database or the backup, nothing between
        if _count(db) == small:  # start over from the bigger one
            assert main(["--db", str(db), "import", str(more)]) == 0
