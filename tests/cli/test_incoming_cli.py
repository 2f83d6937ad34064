"""`advisor incoming`: stored (exit 0, JSON as issue 10 item 9), bad input (exit 2, nothing)."""

from __future__ import annotations

import json
from pathlib import Path

from sqlmodel import select

from advisor_tui.domain.models import Message, Request
from advisor_tui.services.persons.editing import PersonData, add_address, add_person
from advisor_tui.storage.db import new_session, open_engine

GUIDO = "Hallo Herr Balschuweit, bitte verkaufen Sie meine Investments. Gruß Guido"


def _db(database_url: str) -> None:
    engine = open_engine(database_url)
    with new_session(engine) as session:
        guido = add_person(session, PersonData(first_name="Guido", last_name="Meier"))
        anna = add_person(session, PersonData(first_name="Anna", last_name="Schmidt"))
        assert anna.id is not None and guido.id is not None
        add_address(session, anna.id, "mobile", "0171 2345678")
        session.commit()
    engine.dispose()


def _counts(database_url: str) -> tuple[int, int]:
    engine = open_engine(database_url)
    with new_session(engine) as session:
        counts = len(session.exec(select(Request)).all()), len(session.exec(select(Message)).all())
    engine.dispose()
    return counts


def test_guido_as_json(advisor, db_path: Path, database_url: str) -> None:  # noqa: ANN001
    _db(database_url)
    args = ("incoming", "--db", str(db_path), "--channel", "sms", "--from", "0157 74839201")
    result = advisor(*args, "--text", GUIDO, "--at", "2026-11-30T09:15:00+01:00", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data == {
        "id": data["id"],
        "channel": "sms",
        "status": "new",
        "kind": "order",
        "match": {
            "how": "name_hint",
            "person": {"id": 1, "name": "Guido Meier"},
            "candidates": [
                {"id": 1, "name": "Guido Meier", "how": "name_hint", "reason": "Gruß Guido"}
            ],
        },
    }


def test_text_from_stdin_and_a_known_number(advisor, db_path: Path, database_url: str) -> None:  # noqa: ANN001
    _db(database_url)
    args = ("incoming", "--db", str(db_path), "--channel", "WhatsApp", "--from", "+4917123456 78")
    result = advisor(*args, "--subject", "", input="Bitte um Rückruf\n")
    assert result.returncode == 0, result.stderr
    assert "Anna Schmidt" in result.stdout and "Rückruf" in result.stdout
    again = advisor(*args, "--json", "--id", "wa-1", input="Noch eine Frage?")
    assert json.loads(again.stdout)["match"]["how"] == "exact"
    twice = advisor(*args, "--id", "wa-1", input="Noch eine Frage?")
    assert twice.returncode == 0 and "schon im Eingang" in twice.stdout
    assert _counts(database_url) == (2, 2)


def test_bad_input_is_one_sentence_exit_2_and_nothing_stored(
    advisor,  # noqa: ANN001
    db_path: Path,
    database_url: str,
) -> None:
    _db(database_url)
    base = ("incoming", "--db", str(db_path))
    cases = [
        (("--channel", "pigeon", "--from", "x", "--text", "y"), "sms, mms, email"),
        (("--channel", "sms", "--from", "  ", "--text", "y"), "Absender"),
        (("--channel", "sms", "--from", "0171 1", "--text", " "), "weder Text"),
        (("--channel", "sms", "--from", "0171 1", "--text", "y", "--at", "gestern"), "keine Zeit"),
    ]
    for args, words in cases:
        result = advisor(*base, *args)
        assert result.returncode == 2, args
        assert words in result.stderr and "Traceback" not in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1
    assert _counts(database_url) == (0, 0)


def test_complaint_deadline_from_the_config(
    advisor,  # noqa: ANN001
    db_path: Path,
    database_url: str,
    tmp_path: Path,
) -> None:
    _db(database_url)
    config = tmp_path / "config.toml"
    config.write_text("[inbox]\ncomplaint_days = 3\n", encoding="utf-8")
    result = advisor(
        "incoming", "--db", str(db_path), "--channel", "sms", "--from", "0171 2345678",
        "--text", "Ich möchte mich beschweren!", "--at", "2026-11-30T09:00:00+00:00", "--json",
        env={"ADVISOR_CONFIG": str(config)},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["kind"] == "complaint"
    engine = open_engine(database_url)
    with new_session(engine) as session:
        request = session.exec(select(Request)).one()
        assert request.deadline_at is not None
        assert request.deadline_at.isoformat() == "2026-12-03T09:00:00+00:00"
    engine.dispose()
    config.write_text("[inbox]\ncomplaint_days = 0\n", encoding="utf-8")
    bad = advisor("incoming", "--db", str(db_path), "--channel", "sms", "--from", "x",
                  "--text", "y", env={"ADVISOR_CONFIG": str(config)})  # fmt: skip
    assert bad.returncode == 2 and "complaint_days" in bad.stderr
