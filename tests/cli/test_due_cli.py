"""`advisor due`: open follow-ups up to a day, overdue included; --json; bad --until."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

from advisor_tui.domain.models import FollowUp
from advisor_tui.domain.timestamps import utcnow
from advisor_tui.services.followups.actions import snooze
from advisor_tui.services.persons.editing import PersonData, add_address, add_person
from advisor_tui.storage.db import new_session, open_engine
from tests.conftest import Advisor


def _seed(db: Path) -> dict[str, int]:
    engine = open_engine(f"sqlite:///{db}")
    now = utcnow()
    with new_session(engine) as session:
        anna = add_person(session, PersonData("Anna", "Müller"))
        add_address(session, anna.id, "mobile", "0171 2345678")
        rows = {
            "late": FollowUp(person_id=anna.id, due_at=now - timedelta(days=2), note="late"),
            "far": FollowUp(
                person_id=anna.id,
                kind="complaint_deadline",
                due_at=now + timedelta(days=40),
                note="Beschwerde beantworten",
            ),
            "napping": FollowUp(person_id=anna.id, due_at=now - timedelta(days=1), note="zz"),
            "calls": FollowUp(
                person_id=anna.id, kind="callback", due_at=now - timedelta(hours=1), attempts=2
            ),
        }
        for row in rows.values():
            session.add(row)
        session.commit()
        ids = {name: row.id for name, row in rows.items()}
        snooze(session, ids["napping"], now + timedelta(days=60), None, now)
        session.commit()
    engine.dispose()
    return ids  # type: ignore[return-value]


def test_due_json_lists_overdue_and_up_to_the_day(advisor: Advisor, db_path: Path) -> None:
    ids = _seed(db_path)
    result = advisor("due", "--json", "--db", str(db_path))
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert [r["id"] for r in rows] == [ids["late"], ids["calls"]]
    late = rows[0]
    assert late["person"] == "Anna Müller" and late["number"] == "0171 2345678"
    assert late["overdue"] is True and late["kind"] == "follow_up" and late["reason"] == "late"
    assert late["snoozed_until"] is None and late["section"] == "overdue"
    assert rows[1]["attempts"] == 2
    later = (utcnow() + timedelta(days=45)).strftime("%d.%m.%Y")
    rows = json.loads(advisor("due", "--json", "--until", later, "--db", str(db_path)).stdout)
    assert [r["id"] for r in rows] == [ids["late"], ids["calls"], ids["far"]]
    assert rows[2]["overdue"] is False and rows[2]["kind"] == "complaint_deadline"


def test_due_human_output_and_nothing_due(advisor: Advisor, db_path: Path) -> None:
    ids = _seed(db_path)
    result = advisor("due", "--db", str(db_path))
    assert result.returncode == 0
    assert "Anna Müller" in result.stdout and "überfällig" in result.stdout
    assert "2 Anrufe" in result.stdout and "Rückruf" in result.stdout
    assert ids
    empty = advisor("due", "--db", str(db_path.with_name("empty.sqlite3")))
    assert empty.returncode == 0 and "Keine offenen Wiedervorlagen" in empty.stdout


def test_due_bad_until_is_one_sentence_and_exit_2(advisor: Advisor, db_path: Path) -> None:
    result = advisor("due", "--until", "nächsten Dienstag", "--db", str(db_path))
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0
    assert "kein Datum" in result.stderr and "Traceback" not in result.stderr
