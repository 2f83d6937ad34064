"""`advisor complaints add|list|export`."""

from __future__ import annotations

from pathlib import Path

from advisor_tui.services.persons.editing import PersonData, add_person
from advisor_tui.storage.db import new_session, open_engine
from tests.conftest import Advisor


def _anna(db: Path) -> int:
    engine = open_engine(f"sqlite:///{db}")
    with new_session(engine) as session:
        anna = add_person(session, PersonData("Anna", "Bauer"))
        session.commit()
        assert anna.id is not None
        pid = anna.id
    engine.dispose()
    return pid


def test_add_list_and_export(advisor: Advisor, db_path: Path, tmp_path: Path) -> None:
    anna = _anna(db_path)
    db = ("--db", str(db_path))
    added = advisor("complaints", "add", "--person", str(anna), "--reason", "Schaden offen",
                    "--channel", "letter", "--received", "05.01.2026", *db)  # fmt: skip
    assert added.returncode == 0, added.stderr
    info = advisor("complaints", "add", "--person", str(anna), "--reason", "Wie hoch ist?",
                   "--information", *db)  # fmt: skip
    assert info.returncode == 0
    listed = advisor("complaints", "list", *db)
    assert listed.returncode == 0
    assert "Anna Bauer" in listed.stdout and "überfällig" in listed.stdout
    assert "Wie hoch" not in listed.stdout  # information is not a complaint
    out = tmp_path / "register.csv"
    exported = advisor("complaints", "export", "--format", "csv", "-o", str(out), *db)
    assert exported.returncode == 0, exported.stderr
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2 and "Schaden offen" in lines[1]
    again = advisor("complaints", "export", "-o", str(out), *db)
    assert again.returncode == 2  # never over an existing file without --force


def test_bad_input_is_one_sentence(advisor: Advisor, db_path: Path) -> None:
    _anna(db_path)
    db = ("--db", str(db_path))
    result = advisor("complaints", "add", "--reason", "x", *db)
    assert result.returncode == 2 and "--person" in result.stderr
    result = advisor("complaints", "add", "--person", "1", "--received", "gestern", *db)
    assert result.returncode == 2 and "kein Datum" in result.stderr
    result = advisor("complaints", "add", "--person", "99", "--reason", "x", *db)
    assert result.returncode == 1


def test_update_records_the_steps(advisor: Advisor, db_path: Path) -> None:
    anna = _anna(db_path)
    db = ("--db", str(db_path))
    advisor("complaints", "add", "--person", str(anna), "--reason", "Schaden offen",
            "--received", "05.01.2026", *db)  # fmt: skip
    result = advisor("complaints", "update", "1", "--acknowledged", "06.01.2026",
                     "--answered", "09.01.2026", "--answer", "Reguliert", "--tolerance", "14",
                     "--guarantee-end", "31.12.2025", *db)  # fmt: skip
    assert result.returncode == 0, result.stderr
    listed = advisor("complaints", "list", *db)
    assert "beantwortet" in listed.stdout and "erledigt" in listed.stdout
    assert advisor("complaints", "update", "1", *db).returncode == 2  # nothing to change
    assert advisor("complaints", "update", "9", "--answer", "x", *db).returncode == 1
