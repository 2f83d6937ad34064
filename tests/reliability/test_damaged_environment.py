"""A damaged environment: every command answers with one sentence, changes nothing, no traceback.

Not SQLite, a truncated database, a read-only database or folder, a full disk.
Running as root (as CI does), permissions cannot make a file read-only; the
conditions are then made the way SQLite or the OS reports them
(`PRAGMA query_only`, `max_page_count` for a full database, EACCES/ENOSPC
from the writer), and the real chmod cases run as well when not root.
"""

from __future__ import annotations

import errno
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, event

from tests.conftest import Advisor
from tests.reliability.data import make_database, write_cards

pytestmark = pytest.mark.sqlite_only

COMMANDS = [
    ("search", "Bauer"),
    ("who", "0160 9876543"),
    ("export",),
    ("backup",),
    ("import", "CARDS"),
    ("gdpr", "erase", "1", "--yes"),
]


def one_sentence(stderr: str) -> str:
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1, stderr
    assert "Traceback" not in stderr
    return lines[0]


def _args(command: tuple[str, ...], cards: Path) -> list[str]:
    return [str(cards) if part == "CARDS" else part for part in command]


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "advisor.sqlite3"
    make_database(path, tmp_path)
    return path


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c[0])
def test_not_sqlite(advisor: Advisor, tmp_path: Path, command: tuple[str, ...]) -> None:
    db = tmp_path / "advisor.sqlite3"
    db.write_text("Liebe Oma, danke für das Paket!\n" * 50)
    before = db.read_bytes()
    result = advisor("--db", str(db), *_args(command, write_cards(tmp_path)))
    assert result.returncode == 2
    one_sentence(result.stderr)
    assert db.read_bytes() == before


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c[0])
def test_truncated(advisor: Advisor, db: Path, tmp_path: Path, command: tuple[str, ...]) -> None:
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    data = db.read_bytes()
    db.write_bytes(data[: len(data) // 3])
    result = advisor("--db", str(db), *_args(command, write_cards(tmp_path, CARD_NEW)))
    if result.returncode == 0:  # what it needed lay in the first third: it must be right
        assert command[0] in ("search", "who")
    else:
        assert result.returncode in (1, 2)
        one_sentence(result.stderr)


CARD_NEW = "BEGIN:VCARD\nVERSION:3.0\nN:Neu;Nora;;;\nFN:Nora Neu\nEND:VCARD\n"


@pytest.fixture
def read_only_connections() -> Iterator[None]:
    """Every connection sees the database read-only, as SQLite does for a 0444 file."""

    def on_connect(dbapi: Any, _record: object) -> None:
        dbapi.execute("PRAGMA query_only=ON")

    event.listen(Engine, "connect", on_connect)
    yield
    event.remove(Engine, "connect", on_connect)


@pytest.mark.parametrize(
    "command",
    [("import", "CARDS"), ("gdpr", "erase", "1", "--yes")],
    ids=lambda c: c[0],
)
def test_read_only_database(
    advisor: Advisor,
    db: Path,
    tmp_path: Path,
    command: tuple[str, ...],
    read_only_connections: None,
) -> None:
    result = advisor("--db", str(db), *_args(command, write_cards(tmp_path, CARD_NEW)))
    assert result.returncode == 2
    assert "nur gelesen" in one_sentence(result.stderr)


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes to read-only files")
def test_read_only_file_and_folder_for_real(advisor: Advisor, db: Path, tmp_path: Path) -> None:
    db.chmod(0o444)
    result = advisor("--db", str(db), "import", str(write_cards(tmp_path, CARD_NEW)))
    assert result.returncode == 2
    one_sentence(result.stderr)
    db.chmod(0o600)
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    result = advisor("--db", str(db), "export", "-o", str(folder / "out.vcf"))
    folder.chmod(0o755)
    assert result.returncode == 2
    one_sentence(result.stderr)


class _NoCreate:
    """`os` as a read-only folder shows it to the output writer: nothing can be created."""

    def __getattr__(self, name: str) -> Any:
        return getattr(os, name)

    @staticmethod
    def open(path: Any, flags: int, mode: int = 0o777) -> int:
        if flags & os.O_CREAT:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return os.open(path, flags, mode)


def test_read_only_folder_for_output(
    advisor: Advisor, db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from advisor_tui.storage import output_files

    monkeypatch.setattr(output_files, "os", _NoCreate())
    for command in (("export", "-o", str(tmp_path / "o.vcf")), ("backup", str(tmp_path / "b"))):
        result = advisor("--db", str(db), *command)
        assert result.returncode == 2
        assert "kann nicht geschrieben" in one_sentence(result.stderr)
    assert (
        sorted(p.name for p in tmp_path.iterdir() if p.name.startswith((".o.", ".b.", "o.", "b")))
        == []
    )


def test_full_disk_during_import(advisor: Advisor, db: Path, tmp_path: Path) -> None:
    cards = "".join(
        f"BEGIN:VCARD\nVERSION:3.0\nN:Voll{i};Volker;;;\nFN:Volker Voll{i}\n"
        f"NOTE:{'x' * 500}\nEND:VCARD\n"
        for i in range(300)
    )
    path = write_cards(tmp_path, cards)
    conn = sqlite3.connect(db)
    before = conn.execute("SELECT count(*) FROM person").fetchone()[0]
    conn.close()

    def on_connect(dbapi: Any, _record: object) -> None:
        size = dbapi.execute("PRAGMA page_count").fetchone()[0]
        dbapi.execute(f"PRAGMA max_page_count={size + 1}")

    event.listen(Engine, "connect", on_connect)
    try:
        result = advisor("--db", str(db), "import", str(path))
    finally:
        event.remove(Engine, "connect", on_connect)
    assert result.returncode == 2
    assert "voll" in one_sentence(result.stderr)
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert conn.execute("SELECT count(*) FROM person").fetchone()[0] == before  # all or nothing
    conn.close()


def test_full_disk_during_backup(
    advisor: Advisor, db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from advisor_tui.storage import backup

    def full(conn: sqlite3.Connection, limit: int = 10) -> list[str]:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(backup, "integrity_problems", full)  # the copy fills the disk
    dest = tmp_path / "copy.sqlite3"
    dest.write_bytes(b"yesterday's copy")
    result = advisor("--db", str(db), "backup", str(dest), "--force")
    assert result.returncode == 2
    assert "voll" in one_sentence(result.stderr)
    assert dest.read_bytes() == b"yesterday's copy"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".copy")] == []
