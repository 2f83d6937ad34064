"""`advisor log-call`: exit status, what is written, nothing written on bad values."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import Engine
from sqlmodel import select

from advisor_tui.domain.models import Address, FollowUp, Interaction
from advisor_tui.domain.timestamps import local, utcnow
from advisor_tui.services.persons.editing import PersonData, add_address, add_person
from advisor_tui.storage.db import new_session
from tests.conftest import Advisor


@pytest.fixture
def ids(engine: Engine) -> dict[str, int]:
    with new_session(engine) as session:
        anna = add_person(session, PersonData("Anna", "Müller"))
        karl = add_person(session, PersonData("Karl", "Schäfer"))
        erika = add_person(session, PersonData("Erika", "Schäfer"))
        assert anna.id and karl.id and erika.id
        mobile = add_address(session, anna.id, "mobile", "0171 2345678")
        add_address(session, karl.id, "landline", "030 1234567")
        add_address(session, erika.id, "landline", "030 1234567")
        session.commit()
        assert mobile.id
        return {"anna": anna.id, "karl": karl.id, "mobile": mobile.id}


def _interactions(engine: Engine) -> list[Interaction]:
    with new_session(engine) as session:
        return list(session.exec(select(Interaction)).all())


def test_no_answer_by_number_with_followup_tomorrow(
    advisor: Advisor, db_path: Path, engine: Engine, ids: dict[str, int]
) -> None:
    result = advisor(
        "--db",
        str(db_path),
        "log-call",
        "+49 171 2345678",
        "--outcome",
        "no_answer",
        "--follow-up",
        "morgen",
        "--json",
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["person_id"] == ids["anna"] and data["followup"]["kind"] == "callback"
    with new_session(engine) as session:
        interaction = session.exec(select(Interaction)).one()
        assert interaction.outcome == "no_answer" and interaction.number == "+49 171 2345678"
        assert interaction.address_id == ids["mobile"]
        followup = session.exec(select(FollowUp)).one()
        assert local(followup.due_at).date() > local(utcnow()).date()


def test_reached_by_person_id_uses_the_hottest_number(
    advisor: Advisor, db_path: Path, engine: Engine, ids: dict[str, int]
) -> None:
    result = advisor(
        "--db",
        str(db_path),
        "log-call",
        str(ids["anna"]),
        "--outcome",
        "reached",
        "--duration",
        "95",
        "--note",
        "Termin vereinbart",
        "--result",
        "appointment",
    )
    assert result.returncode == 0, result.stderr
    assert "Anna Müller" in result.stdout
    (interaction,) = _interactions(engine)
    assert (interaction.duration_seconds, interaction.summary, interaction.result) == (
        95,
        "Termin vereinbart",
        "appointment",
    )
    with new_session(engine) as session:
        address = session.get(Address, ids["mobile"])
        assert address is not None and address.last_success_at is not None


def test_unknown_number_and_person_exit_1(
    advisor: Advisor, db_path: Path, engine: Engine, ids: dict[str, int]
) -> None:
    for who in ("0160 9999999", "999999"):
        result = advisor("--db", str(db_path), "log-call", who, "--outcome", "reached")
        assert result.returncode == 1
        assert result.stderr.strip() and "Traceback" not in result.stderr
    assert _interactions(engine) == []


def test_shared_number_exit_2(
    advisor: Advisor, db_path: Path, engine: Engine, ids: dict[str, int]
) -> None:
    result = advisor("--db", str(db_path), "log-call", "030 1234567", "--outcome", "reached")
    assert result.returncode == 2
    assert "Personennummer" in result.stderr
    assert _interactions(engine) == []


@pytest.mark.parametrize(
    "extra",
    [
        ["--outcome", "maybe"],
        ["--outcome", "reached", "--duration", "lang"],
        ["--outcome", "reached", "--follow-up", "irgendwann"],
        ["--outcome", "reached", "--follow-up", "01.01.2020"],
        ["--outcome", "reached", "--result", "super"],
        ["--outcome", "reached", "--direction", "up"],
    ],
)
def test_bad_values_exit_2_with_one_sentence_and_nothing_written(
    advisor: Advisor, db_path: Path, engine: Engine, ids: dict[str, int], extra: list[str]
) -> None:
    result = advisor("--db", str(db_path), "log-call", str(ids["anna"]), *extra)
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert _interactions(engine) == []


def test_english_output_names_the_follow_up(
    advisor: Advisor, db_path: Path, ids: dict[str, int]
) -> None:
    result = advisor(
        "--db",
        str(db_path),
        "--lang",
        "en",
        "log-call",
        f"#{ids['anna']}",
        "--outcome",
        "voicemail",
        "--follow-up",
        "2h",
    )
    assert result.returncode == 0, result.stderr
    assert "Call with Anna Müller logged (voicemail)." in result.stdout
    assert "Follow-up (callback)" in result.stdout
