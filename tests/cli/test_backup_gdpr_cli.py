"""`advisor backup`, `advisor restore` and `advisor gdpr`: exit status, prompts, output.

Everything runs in process through `cli.main` (same code path, no Python start
each time). Prompts are answered through a real pseudo-terminal; the refusal
without one gets a pipe-like stdin, as a script would. One restore runs as a
real process typing into its terminal, end to end.
"""

from __future__ import annotations

import importlib.util
import json
import os
import pty
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from advisor_tui.cli import main
from advisor_tui.domain.models import Interaction, Request
from advisor_tui.services.persons.editing import PersonData, add_address, add_person
from advisor_tui.storage.db import new_session, open_engine
from tests.conftest import Advisor, cli_env


def _make_db(path: Path, persons: int) -> None:
    engine = open_engine(f"sqlite:///{path}")
    with new_session(engine) as session:
        for i in range(persons):
            person = add_person(session, PersonData(first_name=f"Vera{i}", last_name="Probst"))
            add_address(session, person.id, "mobile", f"0171 {3000000 + i}")
        session.commit()
    engine.dispose()


def _persons(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT count(*) FROM person").fetchone()[0]
    finally:
        conn.close()


def run_with_tty(*args: str, answer: str) -> subprocess.CompletedProcess[str]:
    """Run the CLI with a terminal as stdin and type `answer` into it."""
    master, slave = pty.openpty()
    try:
        proc = subprocess.Popen(
            [sys.executable, "-m", "advisor_tui", *args],
            stdin=slave,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=cli_env(),
        )
        os.close(slave)
        os.write(master, answer.encode())
        out, err = proc.communicate(timeout=60)
    finally:
        os.close(master)
    return subprocess.CompletedProcess(proc.args, proc.returncode, out, err)


@pytest.fixture
def typed(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[str], None]]:
    """In-process: make stdin a terminal on which `answer` has been typed."""
    opened: list[int] = []

    def type_answer(answer: str) -> None:
        master, slave = pty.openpty()
        opened.append(master)
        os.write(master, answer.encode())
        monkeypatch.setattr(sys, "stdin", os.fdopen(slave, "r"))

    yield type_answer
    for fd in opened:
        os.close(fd)


def test_backup_prints_path_and_size(advisor: Advisor, tmp_path: Path) -> None:
    db = tmp_path / "advisor.sqlite3"
    _make_db(db, 3)
    done = advisor("--db", str(db), "backup")
    assert done.returncode == 0, done.stderr
    path = Path(done.stdout.split("Gesichert: ", 1)[1].rsplit(" (", 1)[0])
    assert path.parent == tmp_path / "backups" and _persons(path) == 3
    assert "kB)" in done.stdout


def test_backup_json_and_postgres_refusal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "advisor.sqlite3"
    _make_db(db, 1)
    assert main(["--db", str(db), "backup", str(tmp_path / "copy.sqlite3"), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["path"] == str(tmp_path / "copy.sqlite3") and out["size"] > 0
    monkeypatch.setenv("ADVISOR_DATABASE_URL", "postgresql+psycopg://u@127.0.0.1:1/advisor")
    for command in (["backup"], ["restore", str(tmp_path / "copy.sqlite3"), "--yes"]):
        assert main(command) == 2
        err = capsys.readouterr().err
        assert "pg_dump" in err and err.count("\n") == 1


def test_restore_asks_refuses_without_terminal_and_restores(
    advisor: Advisor,
    tmp_path: Path,
    typed: Callable[[str], None],
    capsys: pytest.CaptureFixture[str],
) -> None:
    db, other = tmp_path / "advisor.sqlite3", tmp_path / "other.sqlite3"
    _make_db(db, 2)
    _make_db(other, 5)
    refused = advisor("--db", str(db), "restore", str(other), input="j\n")
    assert refused.returncode == 2 and "--yes" in refused.stderr
    assert refused.stderr.count("\n") == 1 and _persons(db) == 2

    typed("n\n")
    assert main(["--db", str(db), "restore", str(other)]) == 1
    declined = capsys.readouterr()
    assert "[j/N]" in declined.err and "ersetzen?" in declined.err
    assert "nichts geändert" in declined.out
    assert _persons(db) == 2 and not (tmp_path / "backups").exists()

    agreed = run_with_tty("--db", str(db), "restore", str(other), answer="j\n")
    assert agreed.returncode == 0, agreed.stderr
    assert _persons(db) == 5
    saved = list((tmp_path / "backups").glob("advisor-before-restore-*.sqlite3"))
    assert len(saved) == 1 and _persons(saved[0]) == 2


def test_restore_with_yes_and_bad_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db, other = tmp_path / "advisor.sqlite3", tmp_path / "other.sqlite3"
    _make_db(db, 1)
    _make_db(other, 4)
    assert main(["--db", str(db), "restore", str(other), "--yes"]) == 0
    assert "4 Personen" in capsys.readouterr().out and _persons(db) == 4
    junk = tmp_path / "junk.sqlite3"
    junk.write_text("kein SQLite")
    assert main(["--db", str(db), "restore", str(junk), "--yes"]) == 2
    assert "keine lesbare" in capsys.readouterr().err and _persons(db) == 4


def _person_with_order(db: Path) -> int:
    engine = open_engine(f"sqlite:///{db}")
    with new_session(engine) as session:
        person = add_person(session, PersonData(first_name="Guido", last_name="Zander"))
        add_address(session, person.id, "mobile", "0171 7771234")
        order = Request(
            person_id=person.id,
            channel="sms",
            kind="order",
            body="Bitte verkaufen",
            received_at=datetime(2024, 6, 15, 10, tzinfo=UTC),
        )
        session.add(order)
        session.flush()
        session.add(Interaction(person_id=person.id, request_id=order.id, kind="message"))
        session.commit()
        person_id = person.id
    engine.dispose()
    assert person_id is not None
    return person_id


def test_gdpr_export_erase_purge(
    advisor: Advisor,
    tmp_path: Path,
    typed: Callable[[str], None],
    capsys: pytest.CaptureFixture[str],
) -> None:
    db = tmp_path / "advisor.sqlite3"
    _make_db(db, 1)
    pid = _person_with_order(db)
    out_dir = tmp_path / "auskunft"
    assert main(["--db", str(db), "gdpr", "export", str(pid), "-o", str(out_dir), "--json"]) == 0
    files = json.loads(capsys.readouterr().out)
    assert Path(files["json"]).exists() and files["counts"]["requests"] == 1
    assert "Guido" in Path(files["text"]).read_text()
    assert main(["--db", str(db), "gdpr", "export", "999"]) == 1
    assert "999" in capsys.readouterr().err

    assert main(["--db", str(db), "gdpr", "erase", str(pid)]) == 2  # pytest's stdin: no tty
    assert "--yes" in capsys.readouterr().err
    typed("nein\n")
    assert main(["--db", str(db), "gdpr", "erase", str(pid)]) == 1
    declined = capsys.readouterr()
    assert "löschen?" in declined.err and "FinVermV" in declined.out

    # Interactions tied to the order keep it for 10 years from the end of 2024 (or later,
    # the interaction above is stamped now): the message names the date.
    erased = advisor("--db", str(db), "gdpr", "erase", str(pid), "--yes")
    assert erased.returncode == 0, erased.stderr
    assert "gesperrt und verborgen" in erased.stdout and "01.01.20" in erased.stdout
    if importlib.util.find_spec("advisor_tui.commands.who") is not None:
        assert main(["--db", str(db), "who", "0171 7771234"]) == 1
        assert main(["--db", str(db), "search", "Zander"]) == 1
        capsys.readouterr()
    assert main(["--db", str(db), "gdpr", "purge", "--yes"]) == 0
    assert "Keine gesperrten" in capsys.readouterr().out
