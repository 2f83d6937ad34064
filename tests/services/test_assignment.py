"""Who recorded it, who it is handed to, and the agenda's "mine" (both engines)."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from sqlmodel import Session, select

from advisor_tui.domain.models import AdvisorUser, AuditEntry, FollowUp, Interaction, Request
from advisor_tui.domain.timestamps import utcnow
from advisor_tui.services.assignment import assign_followup, assign_request, colleagues
from advisor_tui.services.errors import StaleWrite
from advisor_tui.services.followups.agenda import agenda
from advisor_tui.services.persons.editing import PersonData, add_person
from tests.conftest import Advisor


@pytest.fixture
def items(session: Session, monkeypatch: pytest.MonkeyPatch) -> tuple[int, int]:
    monkeypatch.setenv("ADVISOR_NAME", "Anna")
    person = add_person(session, PersonData("Guido", "Meier"))
    assert person.id is not None
    followup = FollowUp(person_id=person.id, kind="callback", due_at=utcnow() - timedelta(hours=1))
    request = Request(person_id=person.id, channel="sms", sender="0171 1234567")
    session.add_all([followup, request])
    session.add(Interaction(person_id=person.id, kind="call", direction="in"))
    session.commit()
    assert followup.id is not None and request.id is not None
    return followup.id, request.id


def test_new_rows_record_who_and_the_advisor_is_registered(
    session: Session, items: tuple[int, int]
) -> None:
    followup_id, request_id = items
    assert session.get(FollowUp, followup_id).created_by == "Anna"  # type: ignore[union-attr]
    assert session.get(Request, request_id).created_by == "Anna"  # type: ignore[union-attr]
    assert session.exec(select(Interaction.created_by)).all() == ["Anna"]
    assert session.exec(select(AdvisorUser.name)).all() == ["Anna"]


def test_a_followup_handed_to_a_colleague_leaves_mine(
    session: Session, items: tuple[int, int]
) -> None:
    followup_id, request_id = items
    now = utcnow()
    assert [i.followup_id for i in agenda(session, now, mine="Anna").items] == [followup_id]
    seen = session.get(FollowUp, followup_id).version  # type: ignore[union-attr]
    assign_followup(session, followup_id, "Bernd", expected_version=seen)
    assign_request(session, request_id, "Bernd")
    session.commit()
    assert agenda(session, now, mine="Anna").items == []
    assert [i.followup_id for i in agenda(session, now, mine="Bernd").items] == [followup_id]
    assert [i.followup_id for i in agenda(session, now).items] == [followup_id]  # all
    assert colleagues(session) == ["Anna", "Bernd"]
    assert session.get(Request, request_id).assigned_to == "Bernd"  # type: ignore[union-attr]
    entry = session.exec(select(AuditEntry).where(AuditEntry.action == "assign")).first()
    assert entry is not None and json.loads(entry.details) == {"from": None, "to": "Bernd"}
    with pytest.raises(StaleWrite):  # the version Anna saw before is gone
        assign_followup(session, followup_id, None, expected_version=seen)


def test_due_mine_on_the_command_line(
    advisor: Advisor, session: Session, items: tuple[int, int], database_url: str, db_path
) -> None:  # noqa: ANN001
    followup_id, _ = items
    assign_followup(session, followup_id, "Bernd")
    session.commit()
    env = {"ADVISOR_DATABASE_URL": database_url}
    args = ("--db", str(db_path)) if database_url.startswith("sqlite") else ()
    anna = advisor("due", "--mine", "--json", *args, env=env)
    assert anna.returncode == 0, anna.stderr
    assert json.loads(anna.stdout) == []
    bernd = advisor("due", "--mine", "--json", *args, env={**env, "ADVISOR_NAME": "Bernd"})
    assert [(row["id"], row["assigned_to"]) for row in json.loads(bernd.stdout)] == [
        (followup_id, "Bernd")
    ]
