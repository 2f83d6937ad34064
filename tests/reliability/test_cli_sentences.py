"""Issue 11 items 13 and 15: output files and hostile arguments: one sentence, no traceback.

Each case here was a traceback, a silently replaced file or a wrong database before.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest

from tests.conftest import Advisor
from tests.reliability.data import make_database

pytestmark = pytest.mark.sqlite_only


def one_sentence(stderr: str) -> str:
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1, stderr
    assert "Traceback" not in stderr
    return lines[0]


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "advisor.sqlite3"
    make_database(path, tmp_path)
    return path


def test_export_never_replaces_an_existing_file_without_force(
    advisor: Advisor, db: Path, tmp_path: Path
) -> None:
    target = tmp_path / "f.txt"
    target.write_text("my thesis")
    target.chmod(0o644)
    result = advisor("--db", str(db), "export", "-o", str(target))
    assert result.returncode == 2
    assert "--force" in one_sentence(result.stderr)
    assert target.read_text() == "my thesis"
    result = advisor("--db", str(db), "export", "-o", str(target), "--force")
    assert result.returncode == 0, result.stderr
    assert "BEGIN:VCARD" in target.read_text()
    assert stat.S_IMODE(target.stat().st_mode) == 0o600  # was 0644: personal data


def test_export_of_an_unknown_person_keeps_the_file(
    advisor: Advisor, db: Path, tmp_path: Path
) -> None:
    target = tmp_path / "f.txt"
    target.write_text("keep me")
    result = advisor("--db", str(db), "export", "--person", "99999", "-o", str(target), "--force")
    assert result.returncode == 1
    assert target.read_text() == "keep me"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".f.txt")] == []


def test_a_new_export_file_is_0600(advisor: Advisor, db: Path, tmp_path: Path) -> None:
    os.umask(0o022)
    target = tmp_path / "new.csv"
    assert advisor("--db", str(db), "export", "--format", "csv", "-o", str(target)).returncode == 0
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_full_disk_during_export_leaves_nothing_truncated(
    advisor: Advisor, db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "f.vcf"
    target.write_text("the old export")
    from advisor_tui.services.exporting import contacts

    real = contacts.write_export

    def failing_writer(session, fmt, out, **kwargs):  # type: ignore[no-untyped-def]
        out.write("BEGIN:VCARD\r\nFN:half")
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(contacts, "write_export", failing_writer)
    result = advisor("--db", str(db), "export", "-o", str(target), "--force")
    monkeypatch.setattr(contacts, "write_export", real)
    assert result.returncode == 2
    assert "voll" in one_sentence(result.stderr)
    assert target.read_text() == "the old export"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".f.vcf")) == []


@pytest.mark.parametrize("target", ["/dev/full", "/dev/null"])
def test_export_to_a_device_is_refused(advisor: Advisor, db: Path, target: str) -> None:
    for extra in ((), ("--force",)):
        result = advisor("--db", str(db), "export", "-o", target, *extra)
        assert result.returncode == 2
        one_sentence(result.stderr)
    assert stat.S_ISCHR(os.stat(target).st_mode)


def test_export_into_a_missing_or_unwritable_folder(
    advisor: Advisor, db: Path, tmp_path: Path
) -> None:
    result = advisor("--db", str(db), "export", "-o", str(tmp_path / "nope" / "f.vcf"))
    assert result.returncode == 2
    one_sentence(result.stderr)
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        result = advisor("--db", str(db), "export", "-o", str(folder / "f.vcf"))
    finally:
        folder.chmod(0o700)
    if os.geteuid() != 0:  # root writes anywhere
        assert result.returncode == 2
        one_sentence(result.stderr)


def test_backup_never_replaces_a_file_without_force(
    advisor: Advisor, db: Path, tmp_path: Path
) -> None:
    thesis = tmp_path / "thesis.docx"
    thesis.write_bytes(b"PK\x03\x04 three years of work")
    result = advisor("--db", str(db), "backup", str(thesis))
    assert result.returncode == 2
    assert "--force" in one_sentence(result.stderr)
    assert thesis.read_bytes() == b"PK\x03\x04 three years of work"
    assert advisor("--db", str(db), "backup", str(thesis), "--force").returncode == 0
    assert thesis.read_bytes().startswith(b"SQLite format 3")
    assert stat.S_IMODE(thesis.stat().st_mode) == 0o600


@pytest.mark.parametrize("command", ["who", "search"])
def test_lone_surrogates_in_arguments(advisor: Advisor, db: Path, command: str) -> None:
    result = advisor("--db", str(db), command, "M\udcfcller")
    assert result.returncode == 2
    assert "\ufffd" in one_sentence(result.stderr)


@pytest.mark.parametrize(
    "args",
    [
        ("export", "--person", str(2**63)),
        ("export", "--person", "99999999999999999999999"),
        ("gdpr", "export", str(2**64)),
        ("gdpr", "erase", str(2**63), "--yes"),
    ],
)
def test_ids_beyond_64_bits(advisor: Advisor, db: Path, args: tuple[str, ...]) -> None:
    result = advisor("--db", str(db), *args)
    assert result.returncode == 2
    one_sentence(result.stderr)


def test_an_empty_db_option_is_refused(advisor: Advisor, db: Path) -> None:
    result = advisor("--db", "", "search", "x")
    assert result.returncode == 2
    assert "--db" in one_sentence(result.stderr)


@pytest.mark.parametrize(
    "toml",
    [
        '[callmonitor]\nport = "abc"\n',
        "[callmonitor]\nport = 99999\n",
        '[callmonitor]\nenabled = "yes"\n',
        'callmonitor = "x"\n',
        "database_url = 5\n",
    ],
)
def test_malformed_config_values(advisor: Advisor, db: Path, tmp_path: Path, toml: str) -> None:
    config = tmp_path / "config.toml"
    config.write_text(toml)
    result = advisor("--db", str(db), "search", "x", env={"ADVISOR_CONFIG": str(config)})
    assert result.returncode == 2
    assert str(config) in one_sentence(result.stderr)


@pytest.mark.parametrize("command", [("search", "Bauer"), ("export",), ("who", "0160 9876543")])
def test_a_corrupt_database(advisor: Advisor, tmp_path: Path, command: tuple[str, ...]) -> None:
    db = tmp_path / "advisor.sqlite3"
    make_database(db, tmp_path)
    data = bytearray(db.read_bytes())
    data[200:4096] = os.urandom(4096 - 200)  # the first page's schema goes
    db.write_bytes(bytes(data))
    result = advisor("--db", str(db), *command)
    assert result.returncode == 2
    one_sentence(result.stderr)


def test_gdpr_export_twice_needs_force(advisor: Advisor, db: Path, tmp_path: Path) -> None:
    out = tmp_path / "auskunft"
    assert advisor("--db", str(db), "gdpr", "export", "1", "-o", str(out)).returncode == 0
    files = sorted(out.iterdir())
    assert len(files) == 2
    assert all(stat.S_IMODE(f.stat().st_mode) == 0o600 for f in files)
    files[0].write_text("the copy sent to the customer")
    result = advisor("--db", str(db), "gdpr", "export", "1", "-o", str(out))
    assert result.returncode == 2
    assert "--force" in one_sentence(result.stderr)
    assert files[0].read_text() == "the copy sent to the customer"
    assert (
        advisor("--db", str(db), "gdpr", "export", "1", "-o", str(out), "--force").returncode == 0
    )
    assert files[0].read_text() != "the copy sent to the customer"
