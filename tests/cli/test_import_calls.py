"""`advisor import-calls FILE.csv`: counts, broken lines by number, exit codes, --json."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import Engine
from sqlmodel import select

from advisor_tui.domain.models import FollowUp, Interaction, Request
from advisor_tui.services.persons.editing import PersonData, add_address, add_person
from advisor_tui.storage.db import new_session
from tests.conftest import Advisor

SAMPLE = Path(__file__).parent.parent / "data" / "fritz_anrufliste.csv"


@pytest.fixture
def people(engine: Engine) -> None:
    with new_session(engine) as session:
        juergen = add_person(session, PersonData("Jürgen", "Weiß"))
        firm = add_person(session, PersonData(company="Öztürk Gärtnerei"))
        assert juergen.id and firm.id
        add_address(session, juergen.id, "mobile", "0171 1234567")
        add_address(session, firm.id, "mobile", "0160 5555555")
        session.commit()


def counts(engine: Engine) -> tuple[int, int, int]:
    with new_session(engine) as session:
        return (
            len(session.exec(select(Interaction)).all()),
            len(session.exec(select(FollowUp)).all()),
            len(session.exec(select(Request)).all()),
        )


def test_import_twice_german_report(advisor: Advisor, db_path: Path, engine: Engine, people):
    result = advisor("--db", str(db_path), "import-calls", str(SAMPLE))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert f"{SAMPLE}:8: übersprungen, keine Zeile der Anrufliste (zu wenige Felder)" in lines
    assert f"{SAMPLE}:11: übersprungen, unbekannter Anruftyp „7“" in lines
    assert f"{SAMPLE}:12: übersprungen, ungültiges Datum „31.02.25 10:00“" in lines
    assert (
        "7 Anrufe in der Liste: 6 neu erfasst, 0 bereits bekannt, 1 ohne Eintrag, "
        "3 fehlerhafte Zeilen." in lines
    )
    assert counts(engine) == (3, 1, 2)
    again = advisor("--db", str(db_path), "import-calls", str(SAMPLE), "--lang", "en")
    assert again.returncode == 0
    assert "7 calls in the list: 0 recorded, 6 already known, 1 without an entry, " in again.stdout
    assert counts(engine) == (3, 1, 2)


def test_dry_run_json_stores_nothing(advisor: Advisor, db_path: Path, engine: Engine, people):
    result = advisor("--db", str(db_path), "import-calls", str(SAMPLE), "--dry-run", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["dry_run"] is True
    assert (data["imported"], data["known"], data["ignored"], data["errors"]) == (6, 0, 1, 3)
    assert [e["line"] for e in data["error_lines"]] == [8, 11, 12]
    assert {c["line"]: c["result"] for c in data["calls"]}[7] == "ignored"
    assert counts(engine) == (0, 0, 0)


def test_not_a_call_list_is_one_sentence_and_exit_2(advisor: Advisor, db_path: Path, tmp_path):
    wrong = tmp_path / "kontakte.csv"
    wrong.write_text("sep=;\nTyp;Datum;Name;Rufnummer\n1;01.12.26 10:00;x;0171\n")
    result = advisor("--db", str(db_path), "import-calls", str(wrong))
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.strip() == (
        f"{wrong} ist keine FRITZ!Box-Anrufliste: die Spalte Dauer fehlt."
    )


def test_missing_file_exit_2(advisor: Advisor, db_path: Path, tmp_path):
    result = advisor("--db", str(db_path), "import-calls", str(tmp_path / "fehlt.csv"))
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1


def test_no_file_is_a_usage_error(advisor: Advisor, db_path: Path):
    result = advisor("--db", str(db_path), "import-calls")
    assert result.returncode == 2
    assert "FILE.csv" in result.stderr
