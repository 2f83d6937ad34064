"""Records of investment advice (FinVermV §18a, §23): sealed, never edited, tampering found."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import text
from sqlmodel import Session, select

from advisor_tui.domain.models import AdviceSeal, Interaction
from advisor_tui.services import advice_records
from advisor_tui.services.contacts.logging import correct_note, log_contact
from advisor_tui.services.errors import ServiceError
from advisor_tui.services.persons.editing import PersonData, add_person

NOW = datetime(2026, 3, 10, 14, 30, tzinfo=UTC)


def _advice(session: Session, person_id: int, note: str) -> int:
    logged = log_contact(
        session, person_id, outcome="reached", note=note, advice_record=True, now=NOW,
        purpose="service",
    )  # fmt: skip
    session.commit()
    return logged.interaction_id


@pytest.fixture
def records(session: Session) -> list[int]:
    person = add_person(session, PersonData("Anna", "Müller"))
    assert person.id is not None
    ids = [_advice(session, person.id, f"Beratung Fonds {n}") for n in range(3)]
    log_contact(session, person.id, outcome="reached", note="kein Beratungsprotokoll", now=NOW)
    session.commit()
    return ids


def test_sealed_records_verify_and_are_kept_ten_years(session: Session, records: list[int]) -> None:
    result = advice_records.verify(session, today=date(2026, 3, 11))
    assert result.ok and result.checked == 3
    seals = session.exec(select(AdviceSeal).order_by(AdviceSeal.seq)).all()
    assert [s.interaction_id for s in seals] == records
    assert {s.retain_until for s in seals} == {date(2037, 1, 1)}
    assert seals[1].prev_hash == seals[0].chain_hash


def test_a_tampered_record_is_detected(session: Session, records: list[int]) -> None:
    # Someone edits the database behind the program's back.
    session.connection().execute(
        text("UPDATE interaction SET summary = 'nie beraten' WHERE id = :id"), {"id": records[1]}
    )
    session.commit()
    result = advice_records.verify(session, today=date(2026, 3, 11))
    assert [(p.kind, p.interaction_id) for p in result.problems] == [("changed", records[1])]


def test_a_deleted_record_and_a_rewritten_chain_are_detected(
    session: Session, records: list[int]
) -> None:
    session.connection().execute(text("DELETE FROM interaction WHERE id = :id"), {"id": records[0]})
    session.connection().execute(
        text("UPDATE advice_seal SET prev_hash = :h WHERE seq = 3"), {"h": "f" * 64}
    )
    session.commit()
    problems = advice_records.verify(session, today=date(2026, 3, 11)).problems
    assert {(p.kind, p.seq) for p in problems} == {("missing", 1), ("broken_link", 3)}
    # After the retention period a deleted record is no finding.
    later = advice_records.verify(session, today=date(2037, 1, 1)).problems
    assert {(p.kind, p.seq) for p in later} == {("broken_link", 3)}


def test_correcting_an_advice_record_makes_a_new_entry(
    session: Session, records: list[int]
) -> None:
    corrected = correct_note(session, records[2], "Beratung Fonds 2, Risiko erklärt")
    session.commit()
    assert corrected.id != records[2]
    old = session.get(Interaction, records[2])
    assert old is not None and old.summary == "Beratung Fonds 2"
    link = session.exec(select(AdviceSeal).where(AdviceSeal.interaction_id == corrected.id)).one()
    assert link.corrects_id == records[2]
    assert advice_records.verify(session, today=date(2026, 3, 11)).ok


def test_the_program_refuses_to_edit_a_sealed_record(session: Session, records: list[int]) -> None:
    record = session.get(Interaction, records[0])
    assert record is not None
    record.summary = "geändert"
    session.add(record)
    with pytest.raises(ServiceError) as err:
        session.flush()
    assert err.value.key == "advice.err.locked"
    session.rollback()
    # An ordinary contact's note can still be corrected in place.
    plain = session.exec(select(Interaction).where(Interaction.is_advice_record == False)).one()  # noqa: E712
    assert plain.id is not None
    assert correct_note(session, plain.id, "korrigiert").id == plain.id


def test_an_unsealed_advice_flag_is_reported(session: Session, records: list[int]) -> None:
    session.connection().execute(
        text("UPDATE interaction SET is_advice_record = :t WHERE is_advice_record = :f"),
        {"t": True, "f": False},
    )
    session.commit()
    kinds = [p.kind for p in advice_records.verify(session, today=date(2026, 3, 11)).problems]
    assert kinds == ["unsealed"]


@pytest.mark.sqlite_only
def test_cli_verify_and_doctor_name_a_tampered_record(advisor, db_path) -> None:  # noqa: ANN001
    import json

    from advisor_tui.storage.db import new_session, open_engine

    engine = open_engine(f"sqlite:///{db_path}")
    with new_session(engine) as session:
        person = add_person(session, PersonData("Anna", "Müller"))
        assert person.id is not None
        record = _advice(session, person.id, "Beratung Rentenfonds")
    db = ("--db", str(db_path))
    ok = advisor("advice-records", "verify", *db)
    assert ok.returncode == 0 and "unversehrt" in ok.stdout
    with engine.begin() as conn:
        conn.execute(text("UPDATE interaction SET summary = 'x' WHERE id = :id"), {"id": record})
    engine.dispose()
    bad = advisor("advice-records", "verify", *db)
    assert bad.returncode == 1
    assert f"Aufzeichnung Nr. {record}" in bad.stdout and "verändert" in bad.stdout
    doctor = json.loads(advisor("doctor", "--json", *db).stdout)
    keys = [f["key"] for f in doctor["findings"]]
    assert "advice.verify.problem.changed" in keys and not doctor["ok"]


def test_records_loaded_in_bulk_are_sealed_in_one_pass(
    session: Session, records: list[int]
) -> None:
    # Marked as advice without a seal, as the demo's bulk load or data from before the chain.
    session.connection().execute(
        text("UPDATE interaction SET is_advice_record = :t WHERE is_advice_record = :f"),
        {"t": True, "f": False},
    )
    assert advice_records.seal_unsealed(session.connection(), now=NOW) == 1
    session.commit()
    result = advice_records.verify(session, today=date(2026, 3, 11))
    assert result.ok and result.checked == 4
    assert advice_records.seal_unsealed(session.connection(), now=NOW) == 0


def test_the_demo_database_has_an_intact_chain(tmp_path) -> None:  # noqa: ANN001
    from advisor_tui.demo.generate import generate_demo
    from advisor_tui.storage.db import new_session, open_engine

    engine = open_engine(f"sqlite:///{tmp_path / 'demo.sqlite3'}")
    generate_demo(engine, persons=60, seed=2, now=NOW)
    with new_session(engine) as demo:
        result = advice_records.verify(demo, today=date(2026, 3, 11))
        assert result.ok and result.checked > 0
    engine.dispose()
