"""`advisor who` and `advisor search`: exit status, stdout, JSON.

One real process per exit status (0, 1, 2) checks them end to end; the rest
call `cli.main` in-process (same code path, without paying a Python start for
each).
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from sqlalchemy import Engine

from advisor_tui.cli import main
from advisor_tui.services.persons.editing import PersonData, add_address, add_person
from advisor_tui.storage.db import new_session
from tests.conftest import Advisor, CliResult, run_cli


@pytest.fixture(scope="module")
def filled_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One database for the whole module: subprocesses only read it."""
    from advisor_tui.storage.db import open_engine

    folder = tmp_path_factory.mktemp("cli")
    path = folder / "advisor.sqlite3"
    engine: Engine = open_engine(f"sqlite:///{path}")
    with new_session(engine) as session:
        anna = add_person(session, PersonData("Anna", "Müller", company="Müller & Söhne"))
        add_address(session, anna.id, "email", "anna.mueller@example.de")
        add_address(session, anna.id, "mobile", "0171 2345678")
        karl = add_person(session, PersonData("Karl", "Schäfer"))
        erika = add_person(session, PersonData("Erika", "Schäfer"))
        add_address(session, karl.id, "landline", "030 1234567")
        add_address(session, erika.id, "landline", "030 1234567")
        session.commit()
    engine.dispose()
    return path


def _json(result: CliResult | subprocess.CompletedProcess[str]) -> list[dict]:
    return json.loads(result.stdout)


def _inproc(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_who_exact_json(filled_db: Path) -> None:
    result = run_cli("--db", str(filled_db), "who", "+49 (0)171-2345678", "--json")
    assert result.returncode == 0, result.stderr
    [entry] = _json(result)
    assert entry["name"] == "Anna Müller"
    assert entry["match"] == "exact"
    assert entry["kind"] == "customer"
    assert {a["normalized"] for a in entry["addresses"]} == {
        "+491712345678",
        "anna.mueller@example.de",
    }
    assert [a["rank"] for a in entry["addresses"]] == [1, 2]
    assert entry["address_id"] in {a["id"] for a in entry["addresses"]}


def test_who_shared_and_suffix(filled_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _inproc(capsys, "--db", str(filled_db), "who", "0301234567", "--json")
    shared = json.loads(out)
    assert code == 0
    assert sorted(e["name"] for e in shared) == ["Erika Schäfer", "Karl Schäfer"]
    assert {e["match"] for e in shared} == {"shared"}
    code, out, _ = _inproc(capsys, "--db", str(filled_db), "who", "2345678", "--json")
    assert [(e["name"], e["match"]) for e in json.loads(out)] == [("Anna Müller", "suffix")]
    code, out, _ = _inproc(capsys, "--db", str(filled_db), "who", "2345678")
    assert "Anna Müller" in out and "Vorschläge" in out


def test_who_human_output(filled_db: Path, advisor: Advisor) -> None:
    result = advisor("--db", str(filled_db), "who", "ANNA.MUELLER@example.de")
    assert result.returncode == 0, result.stderr
    assert "Anna Müller" in result.stdout
    assert "0171 2345678" in result.stdout  # phone shown in national notation
    assert result.stdout.index("0171 2345678") < result.stdout.index("anna.mueller@")


def test_who_not_found(filled_db: Path) -> None:
    result = run_cli("--db", str(filled_db), "who", "0160 1111111")
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.strip().count("\n") == 0 and "0160 1111111" in result.stderr


def test_who_not_found_json(filled_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _inproc(capsys, "--db", str(filled_db), "who", "nobody@example.org", "--json")
    assert code == 1 and json.loads(out) == []


def test_who_bad_input(filled_db: Path) -> None:
    result = run_cli("--db", str(filled_db), "who", "12")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("sender", ["hallo", "anna@", "567"])
def test_who_bad_input_inproc(
    filled_db: Path, capsys: pytest.CaptureFixture[str], sender: str
) -> None:
    code, out, err = _inproc(capsys, "--db", str(filled_db), "who", sender)
    assert (code, out) == (2, "")
    assert len(err.strip().splitlines()) == 1


def test_search_json_and_limit(filled_db: Path, advisor: Advisor) -> None:
    result = advisor("--db", str(filled_db), "search", "schafer", "--json")
    assert result.returncode == 0, result.stderr
    entries = _json(result)
    assert sorted(e["name"] for e in entries) == ["Erika Schäfer", "Karl Schäfer"]
    assert all(e["match"] == "name" and e["addresses"] for e in entries)


def test_search_limit_and_human(filled_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _inproc(capsys, "--db", str(filled_db), "search", "s", "--limit", "1", "--json")
    assert code == 0 and len(json.loads(out)) == 1
    code, out, _ = _inproc(capsys, "--db", str(filled_db), "search", "Söhne")
    assert code == 0 and "Anna Müller" in out and "Firma" in out
    code, out, err = _inproc(capsys, "--db", str(filled_db), "search", "x", "--limit", "0")
    assert code == 2 and out == "" and "1000" in err


def test_search_none(filled_db: Path, advisor: Advisor) -> None:
    none = advisor("--db", str(filled_db), "search", "zzzzz")
    assert none.returncode == 1 and none.stdout == ""
    assert "zzzzz" in none.stderr
