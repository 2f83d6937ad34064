"""CLI errors are the TUI's sentences (`describe_error`): one line, exit status 2, no traceback.

A locked database is the case users meet: another program (or the running
app) holds a write lock while a command wants to write.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from advisor_tui.i18n import set_language, t
from tests.conftest import Advisor
from tests.io import contact_samples as samples


@pytest.fixture(autouse=True)
def fast_busy(monkeypatch: pytest.MonkeyPatch) -> None:
    """Give up on a locked database at once instead of after seconds of retries."""
    monkeypatch.setattr("advisor_tui.storage.db.BUSY_TIMEOUT_MS", 100)
    monkeypatch.setattr("advisor_tui.storage.retry.ATTEMPTS", 1)


@contextmanager
def locked(db: Path) -> Iterator[None]:
    """Another program holds the write lock on `db`."""
    other = sqlite3.connect(db, isolation_level=None)
    try:
        other.execute("BEGIN EXCLUSIVE")
        yield
    finally:
        other.execute("ROLLBACK")
        other.close()


def _sentence(stderr: str) -> str:
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1, stderr
    assert "Traceback" not in stderr and "sqlite3" not in stderr and "Error)" not in stderr
    return lines[0]


def _vcard(tmp_path: Path) -> str:
    path = tmp_path / "a.vcf"
    path.write_bytes(samples.crlf(samples.APPLE).encode("utf-8"))
    return str(path)


def test_import_into_a_locked_database(advisor: Advisor, tmp_path: Path, db_path: Path) -> None:
    vcard = _vcard(tmp_path)
    assert advisor("import", vcard, "--db", str(db_path)).returncode == 0  # created, migrated
    with locked(db_path):
        result = advisor("import", vcard, "--db", str(db_path))
    assert result.returncode == 2
    set_language("de")
    assert _sentence(result.stderr) == t("cli.error", message=t("error.db_locked"))
    assert "gesperrt" in result.stderr


def test_gdpr_erase_on_a_locked_database_in_english(
    advisor: Advisor, tmp_path: Path, db_path: Path
) -> None:
    assert advisor("import", _vcard(tmp_path), "--db", str(db_path)).returncode == 0
    with locked(db_path):
        result = advisor("gdpr", "erase", "1", "--yes", "--db", str(db_path), "--lang", "en")
    assert result.returncode == 2
    set_language("en")
    try:
        assert _sentence(result.stderr) == t("cli.error", message=t("error.db_locked"))
    finally:
        set_language("de")


def test_a_refused_input_is_the_catalog_sentence(advisor: Advisor, db_path: Path) -> None:
    result = advisor("gdpr", "erase", "999", "--yes", "--db", str(db_path))
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert result.stderr.strip().startswith("Fehler: ")
