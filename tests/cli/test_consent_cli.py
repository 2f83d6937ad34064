"""`advisor consent PERSON_ID [ACTION]`: record ledger events and show the state."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from advisor_tui.services.persons.editing import PersonData, add_address, add_person
from advisor_tui.storage.db import new_session, open_engine
from tests.conftest import Advisor


def _seed(db: Path) -> int:
    engine = open_engine(f"sqlite:///{db}")
    with new_session(engine) as session:
        person = add_person(session, PersonData("Anna", "Müller"))
        add_address(session, person.id, "mobile", "0171 2345678")
        session.commit()
        person_id = person.id
    engine.dispose()
    assert person_id is not None
    return person_id


def _events(db: Path) -> int:
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT count(*) FROM consent_event").fetchone()[0]


def test_grant_then_object_and_show_json(advisor: Advisor, db_path: Path) -> None:
    pid = str(_seed(db_path))
    db = ("--db", str(db_path))
    result = advisor(
        "consent", pid, "grant", "--channel", "phone", "--method", "form",
        "--wording", "Ja, Sie dürfen mich anrufen", "--evidence", "Scan 12", "--at", "2026-02-01",
        *db,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "Telefon" in result.stdout and "erteilt" in result.stdout
    shown = json.loads(advisor("consent", pid, "--json", *db).stdout)
    phone = next(c for c in shown["channels"] if c["channel"] == "phone")
    assert phone["status"] == "granted"
    assert phone["evidence_until"] == "2031-02-01"
    assert shown["events"][0]["wording"] == "Ja, Sie dürfen mich anrufen"
    assert shown["party"] == "consumer"

    assert advisor("consent", pid, "object", "--channel", "email", *db).returncode == 0
    shown = json.loads(advisor("consent", pid, "--json", *db).stdout)
    assert {c["status"] for c in shown["channels"]} == {"objection"}


def test_party_and_bad_input_write_nothing(advisor: Advisor, db_path: Path) -> None:
    pid = str(_seed(db_path))
    db = ("--db", str(db_path))
    assert advisor("consent", pid, "business", *db).returncode == 0
    assert json.loads(advisor("consent", pid, "--json", *db).stdout)["party"] == "business"
    for bad in (
        ("grant",),  # no channel
        ("grant", "--channel", "pigeon"),
        ("grant", "--channel", "phone", "--method", "telepathy"),
        ("grant", "--channel", "phone", "--at", "gestern"),
        ("grant", "--channel", "phone", "--method", "existing_customer"),
    ):
        result = advisor("consent", pid, *bad, *db)
        assert result.returncode == 2, bad
        assert result.stderr.strip().count("\n") == 0, result.stderr  # one sentence
    assert _events(db_path) == 0
    assert advisor("consent", "999", "--json", *db).returncode == 2
