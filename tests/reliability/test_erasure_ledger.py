"""Issue 11 item 11: restoring an older backup does not bring an erased person back.

The ledger of erasures (ids and creation times only) survives the restore and
is applied to the restored copy before it replaces the database.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tests.conftest import Advisor
from tests.reliability import data
from tests.reliability.test_erasure_bytes import scan

pytestmark = pytest.mark.sqlite_only


def person_id(db: Path, first: str) -> int | None:
    conn = sqlite3.connect(db)
    try:
        row = conn.execute("SELECT id FROM person WHERE first_name = ?", (first,)).fetchone()
    finally:
        conn.close()
    return row[0] if row else None


def test_restore_of_an_older_backup_erases_again(advisor: Advisor, tmp_path: Path) -> None:
    db = tmp_path / "advisor.sqlite3"
    data.make_database(db, tmp_path)
    old = tmp_path / "old-backup.sqlite3"
    assert advisor("--db", str(db), "backup", str(old)).returncode == 0
    erased = person_id(db, data.ERASED_FIRST)
    assert erased is not None
    result = advisor("--db", str(db), "gdpr", "erase", str(erased), "--yes")
    assert result.returncode == 0, result.stderr
    assert person_id(db, data.ERASED_FIRST) is None

    result = advisor("--db", str(db), "restore", str(old), "--yes")
    assert result.returncode == 0, result.stderr
    assert "erneut gelöscht" in result.stdout
    assert person_id(db, data.ERASED_FIRST) is None  # not back
    assert person_id(db, "Anton") is not None  # everyone else is
    assert scan(db) == {}  # not a byte of them, the restored copy's WAL included
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert (
        conn.execute("SELECT count(*) FROM erasure WHERE person_id = ?", (erased,)).fetchone()[0]
        >= 1
    )
    conn.close()
    # A second restore of the same backup erases again, the ledger kept.
    result = advisor("--db", str(db), "restore", str(old), "--yes")
    assert result.returncode == 0, result.stderr
    assert person_id(db, data.ERASED_FIRST) is None


def test_a_ledger_entry_of_another_person_erases_no_one(advisor: Advisor, tmp_path: Path) -> None:
    """A backup of another database: the same id, another person (another creation time)."""
    db = tmp_path / "advisor.sqlite3"
    data.make_database(db, tmp_path)
    other_folder = tmp_path / "other"
    other_folder.mkdir()
    other = other_folder / "other.sqlite3"
    data.make_database(other, other_folder)
    conn = sqlite3.connect(other)
    conn.execute("UPDATE person SET created_at = '2001-01-01 00:00:00.000000'")
    conn.commit()
    conn.close()
    erased = person_id(db, data.ERASED_FIRST)
    assert advisor("--db", str(db), "gdpr", "erase", str(erased), "--yes").returncode == 0
    result = advisor("--db", str(db), "restore", str(other), "--yes")
    assert result.returncode == 0, result.stderr
    assert person_id(db, data.ERASED_FIRST) == erased  # a different person of that id stays
