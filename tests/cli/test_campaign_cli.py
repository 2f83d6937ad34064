"""`advisor campaign create|list|show`."""

from __future__ import annotations

import json
from pathlib import Path

from advisor_tui.services.persons.editing import PersonData, add_address, add_person
from advisor_tui.storage.db import new_session, open_engine
from tests.conftest import Advisor


def _seed(db: Path) -> None:
    engine = open_engine(f"sqlite:///{db}")
    with new_session(engine) as session:
        for i, name in enumerate(("Anna", "Bernd", "Clara")):
            person = add_person(session, PersonData(name, "Test", tags="Depot" if i else ""))
            assert person.id is not None
            add_address(session, person.id, "mobile", f"0171 23456{i:02d}")
        session.commit()
    engine.dispose()


def test_create_list_show(advisor: Advisor, db_path: Path) -> None:
    _seed(db_path)
    db = ("--db", str(db_path))
    created = advisor("campaign", "create", "Depot-Check", "--tag", "depot", "--json", *db)
    assert created.returncode == 0, created.stderr
    assert json.loads(created.stdout)["persons"] == 2
    listed = advisor("campaign", "list", *db)
    assert "Depot-Check" in listed.stdout and "0 von 2 erledigt" in listed.stdout
    shown = json.loads(advisor("campaign", "show", "1", "--json", *db).stdout)
    assert [e["person"] for e in shown["entries"]] == ["Bernd Test", "Clara Test"]
    assert all(e["state"] == "open" and not e["consent_ok"] for e in shown["entries"])


def test_bad_input(advisor: Advisor, db_path: Path) -> None:
    _seed(db_path)
    db = ("--db", str(db_path))
    assert advisor("campaign", "create", "", *db).returncode == 2
    assert advisor("campaign", "create", "X", "--kind", "alien", *db).returncode == 2
    assert advisor("campaign", "show", "abc", *db).returncode == 2
    assert advisor("campaign", "show", "7", *db).returncode == 1
