"""`advisor stale N`: persons not contacted for N weeks, never-contacted and oldest first."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

from advisor_tui.domain.models import Interaction
from advisor_tui.domain.timestamps import utcnow
from advisor_tui.services.persons.editing import PersonData, add_address, add_person
from advisor_tui.storage.db import new_session, open_engine
from tests.conftest import Advisor


def _seed(db: Path) -> None:
    engine = open_engine(f"sqlite:///{db}")
    now = utcnow()
    with new_session(engine) as session:
        fresh = add_person(session, PersonData("Anna", "Frisch"))
        old = add_person(session, PersonData("Bernd", "Alt"))
        add_address(session, old.id, "mobile", "0171 2345678")
        add_person(session, PersonData("Clara", "Nie"))
        session.add(
            Interaction(person_id=fresh.id, kind="call", occurred_at=now - timedelta(days=3))
        )
        session.add(
            Interaction(person_id=old.id, kind="email", occurred_at=now - timedelta(weeks=12))
        )
        session.commit()
    engine.dispose()


def test_stale_json_lists_never_contacted_then_oldest(advisor: Advisor, db_path: Path) -> None:
    _seed(db_path)
    result = advisor("stale", "8", "--json", "--db", str(db_path))
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert [row["name"] for row in rows] == ["Nie, Clara", "Alt, Bernd"]
    assert rows[0]["last_contact"] is None
    assert rows[1]["last_contact"] is not None
    assert "0171" in rows[1]["hottest"]


def test_stale_table_and_nobody_stale(advisor: Advisor, db_path: Path) -> None:
    _seed(db_path)
    result = advisor("stale", "8", "--db", str(db_path), "--lang", "de")
    assert result.returncode == 0, result.stderr
    assert "Letzter Kontakt" in result.stdout
    assert "nie" in result.stdout and "Alt, Bernd" in result.stdout
    assert "Frisch" not in result.stdout
    empty = advisor("stale", "8", "--db", str(db_path.with_name("empty.sqlite3")))
    assert empty.returncode == 0
    assert "letzten 8 Wochen" in empty.stdout


def test_stale_refuses_a_bad_number(advisor: Advisor, db_path: Path) -> None:
    result = advisor("stale", "acht", "--db", str(db_path), "--lang", "de")
    assert result.returncode == 2
    assert "acht" in result.stderr
