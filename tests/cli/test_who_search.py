"""`advisor who` and `advisor search` as real subprocesses: exit status, stdout, JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import Engine

from advisor_tui.services.persons import PersonData, add_address, add_person
from advisor_tui.storage.db import new_session
from tests.conftest import run_cli


@pytest.fixture(scope="module")
def filled_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One database for the whole module: subprocesses only read it."""
    from advisor_tui.storage.db import open_engine

    path = tmp_path_factory.mktemp("cli") / "advisor.sqlite3"
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


def _json(result: object) -> list[dict]:
    return json.loads(result.stdout)  # type: ignore[attr-defined]


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


def test_who_shared_and_suffix(filled_db: Path) -> None:
    shared = _json(run_cli("--db", str(filled_db), "who", "0301234567", "--json"))
    assert sorted(e["name"] for e in shared) == ["Erika Schäfer", "Karl Schäfer"]
    assert {e["match"] for e in shared} == {"shared"}
    suffix = _json(run_cli("--db", str(filled_db), "who", "2345678", "--json"))
    assert [(e["name"], e["match"]) for e in suffix] == [("Anna Müller", "suffix")]


def test_who_human_output(filled_db: Path) -> None:
    result = run_cli("--db", str(filled_db), "who", "ANNA.MUELLER@example.de")
    assert result.returncode == 0, result.stderr
    assert "Anna Müller" in result.stdout
    assert "0171 2345678" in result.stdout  # phone shown in national notation


def test_who_not_found(filled_db: Path) -> None:
    result = run_cli("--db", str(filled_db), "who", "0160 1111111")
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.strip().count("\n") == 0 and "0160 1111111" in result.stderr
    as_json = run_cli("--db", str(filled_db), "who", "nobody@example.org", "--json")
    assert as_json.returncode == 1 and _json(as_json) == []


@pytest.mark.parametrize("sender", ["12", "hallo", "anna@"])
def test_who_bad_input(filled_db: Path, sender: str) -> None:
    result = run_cli("--db", str(filled_db), "who", sender)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_search_json_and_limit(filled_db: Path) -> None:
    result = run_cli("--db", str(filled_db), "search", "schafer", "--json")
    assert result.returncode == 0, result.stderr
    entries = _json(result)
    assert sorted(e["name"] for e in entries) == ["Erika Schäfer", "Karl Schäfer"]
    assert all(e["match"] == "name" and e["addresses"] for e in entries)
    limited = _json(run_cli("--db", str(filled_db), "search", "s", "--limit", "1", "--json"))
    assert len(limited) == 1


def test_search_human_and_none(filled_db: Path) -> None:
    result = run_cli("--db", str(filled_db), "search", "Söhne")
    assert result.returncode == 0, result.stderr
    assert "Anna Müller" in result.stdout and "Firma" in result.stdout
    none = run_cli("--db", str(filled_db), "search", "zzzzz")
    assert none.returncode == 1 and none.stdout == ""
    bad = run_cli("--db", str(filled_db), "search", "x", "--limit", "0")
    assert bad.returncode == 2 and "Traceback" not in bad.stderr
