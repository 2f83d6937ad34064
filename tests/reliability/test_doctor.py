"""`advisor doctor`: exit 0 when all is well, 1 with what to fix otherwise."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from advisor_tui.services import doctor
from tests.conftest import Advisor
from tests.reliability.data import damage, make_database

pytestmark = pytest.mark.sqlite_only


@pytest.fixture
def db(tmp_path: Path, advisor: Advisor) -> Path:
    folder = tmp_path / "data"
    folder.mkdir(mode=0o700)
    path = folder / "advisor.sqlite3"
    make_database(path, folder)
    assert advisor("--db", str(path), "backup").returncode == 0
    return path


def test_all_well(advisor: Advisor, db: Path) -> None:
    result = advisor("--db", str(db), "doctor")
    assert result.returncode == 0, result.stdout
    assert "✗" not in result.stdout
    assert "secure_delete" in result.stdout


def test_a_file_readable_by_others(advisor: Advisor, db: Path) -> None:
    db.chmod(0o644)
    result = advisor("--db", str(db), "doctor")
    assert result.returncode == 1
    assert f"chmod 600 {db}" in result.stdout


def test_a_damaged_database(advisor: Advisor, db: Path) -> None:
    damage(db)
    result = advisor("--db", str(db), "--lang", "en", "doctor")
    assert result.returncode == 1
    assert "damaged" in result.stdout and "advisor restore" in result.stdout


def test_no_backup_damaged_backup_old_backup(advisor: Advisor, db: Path) -> None:
    backups = sorted((db.parent / "backups").iterdir())
    damage(backups[0])
    result = advisor("--db", str(db), "--lang", "en", "doctor", "--json")
    assert result.returncode == 1
    import json

    keys = [f["key"] for f in json.loads(result.stdout)["findings"]]
    assert "doctor.backup_damaged" in keys and "doctor.no_good_backup" in keys
    backups[0].unlink()
    assert advisor("--db", str(db), "doctor").returncode == 1  # none at all
    assert advisor("--db", str(db), "backup").returncode == 0
    copy = next((db.parent / "backups").iterdir())
    old = time.time() - 10 * 86400
    os.utime(copy, (old, old))
    result = advisor("--db", str(db), "--lang", "en", "doctor")
    assert result.returncode == 1 and "10 days old" in result.stdout


def test_secure_delete_off_is_reported(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("advisor_tui.storage.wipe.secure_delete_on", lambda engine: False)
    findings = doctor.run_checks(f"sqlite:///{db}", (doctor.check_secure_delete,))
    assert [f.key for f in findings] == ["doctor.secure_delete_off"]
    assert findings[0].needs_fixing


def test_a_new_check_is_one_entry(db: Path) -> None:
    def always(ctx: doctor.DoctorContext) -> list[doctor.Finding]:
        return [doctor.Finding("doctor.integrity_bad", {"detail": "x"}, "doctor.fix.restore")]

    findings = doctor.run_checks(f"sqlite:///{db}", (*doctor.CHECKS, always))
    assert findings[-1].needs_fixing


def test_a_missing_database_is_not_created(advisor: Advisor, tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.sqlite3"
    result = advisor("--db", str(missing), "doctor")
    assert result.returncode == 1
    assert not missing.exists()
