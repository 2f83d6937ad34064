"""Issue 11 item 12: a damaged database is never backed up; good copies are never rotated."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest

from advisor_tui import paths
from advisor_tui.services.backups import copies
from advisor_tui.services.errors import ServiceError
from advisor_tui.storage.backup import integrity_ok
from tests.conftest import Advisor
from tests.reliability.data import damage, make_database

pytestmark = pytest.mark.sqlite_only


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "advisor.sqlite3"
    make_database(path, tmp_path)
    return path


def test_backup_of_a_damaged_database_is_refused_loudly(
    advisor: Advisor, db: Path, tmp_path: Path
) -> None:
    damage(db)
    dest = tmp_path / "copy.sqlite3"
    result = advisor("--db", str(db), "backup", str(dest))
    assert result.returncode == 2
    assert "beschädigt" in result.stderr and "Traceback" not in result.stderr
    assert not dest.exists()
    assert [p for p in tmp_path.iterdir() if p.name.startswith(".copy")] == []


def test_a_month_of_daily_backups_over_a_damaged_database_keeps_the_good_copies(
    db: Path,
) -> None:
    start = datetime(2026, 3, 2, 9, 0)
    for day in range(7):
        assert copies.auto_backup_now(db, start + timedelta(days=day)) is not None
    folder = paths.backup_dir(db)
    good = sorted(p.name for p in folder.iterdir())
    damage(db)
    for day in range(7, 38):  # a month of starts on a damaged database
        with pytest.raises(ServiceError) as caught:
            copies.auto_backup_now(db, start + timedelta(days=day))
        assert caught.value.key == "backup.corrupt_source"
    kept = sorted(folder.iterdir())
    assert sorted(p.name for p in kept) == good  # nothing written, nothing rotated away
    assert kept and all(integrity_ok(p) for p in kept)


def test_rotation_only_after_a_good_copy(db: Path) -> None:
    start = datetime(2026, 3, 2, 9, 0)
    for day in range(10):
        copies.auto_backup_now(db, start + timedelta(days=day))
    daily = sorted(p for p in paths.backup_dir(db).iterdir() if "-daily-" in p.name)
    assert len(daily) == copies.KEEP_DAILY
    assert daily[-1].name == "advisor-daily-2026-03-11.sqlite3"
    assert all(integrity_ok(p) for p in daily)
