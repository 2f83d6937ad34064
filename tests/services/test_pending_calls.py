"""Call outcomes wait while another program holds the database, then are stored once."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import Engine
from sqlmodel import select

from advisor_tui.domain.models import FollowUp
from advisor_tui.io.callmonitor_events import CallOutcome, OutcomeKind
from advisor_tui.services.calls.pending import PendingCalls
from advisor_tui.services.calls.recording import CallReport, handle_outcome
from advisor_tui.services.persons.editing import PersonData, add_address, add_person
from advisor_tui.storage.db import new_session, open_engine


@pytest.fixture
def quick_engine(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> Engine:
    import advisor_tui.storage.db as db
    import advisor_tui.storage.retry as retry

    monkeypatch.setattr(db, "BUSY_TIMEOUT_MS", 100)
    monkeypatch.setattr(retry, "ATTEMPTS", 2)
    monkeypatch.setattr(retry, "FIRST_PAUSE_S", 0.01)
    return open_engine(f"sqlite:///{db_path}")


def missed(number: str, minute: int) -> CallOutcome:
    at = datetime(2026, 11, 23, 9, minute, tzinfo=UTC)
    return CallOutcome(
        OutcomeKind.MISSED, conn_id=minute, direction="in", number=number, started_at=at, at=at
    )


def test_busy_database_keeps_outcomes_in_order_until_free(
    quick_engine: Engine, db_path: Path
) -> None:
    with new_session(quick_engine) as session:
        anna = add_person(session, PersonData(first_name="Anna", last_name="Schmidt"))
        add_address(session, anna.id, "mobile", "0171 2345678")
        session.commit()

    def store(outcome: CallOutcome) -> CallReport:
        with new_session(quick_engine) as session:
            report = handle_outcome(session, outcome)
            session.commit()
            return report

    pending: PendingCalls[CallReport] = PendingCalls(store)
    blocker = sqlite3.connect(db_path, timeout=0)
    blocker.execute("BEGIN EXCLUSIVE")
    pending.add(missed("01712345678", 1))
    pending.add(missed("01712345678", 2))
    drained = pending.drain()
    assert (drained.stored, drained.failed, drained.waiting) == ([], [], 2)
    blocker.rollback()
    blocker.close()

    drained = pending.drain()
    assert [r.outcome.conn_id for r in drained.stored] == [1, 2]
    assert drained.waiting == 0 and len(pending) == 0
    with new_session(quick_engine) as session:
        callbacks = session.exec(select(FollowUp).where(FollowUp.person_id == anna.id)).all()
    # Both calls stored, in order: the second adds to the first one's callback.
    [callback] = callbacks
    assert callback.attempts == 2


def test_an_outcome_that_fails_for_another_reason_does_not_block_the_rest() -> None:
    def store(outcome: CallOutcome) -> str:
        if outcome.conn_id == 1:
            raise ValueError("broken")
        return f"stored {outcome.conn_id}"

    pending: PendingCalls[str] = PendingCalls(store)
    pending.add(missed("0171", 1))
    pending.add(missed("0171", 2))
    drained = pending.drain()
    assert drained.stored == ["stored 2"]
    assert [o.conn_id for o, _ in drained.failed] == [1]
    assert drained.waiting == 0


def test_a_stale_write_is_tried_again_in_a_fresh_transaction() -> None:
    from advisor_tui.services.errors import StaleWrite

    tries: list[int] = []

    def store(outcome: CallOutcome) -> str:
        tries.append(outcome.conn_id)
        if len(tries) == 1:
            raise StaleWrite("stale_write", actor="x", time="10:41", at="", entity="address", id=1)
        return "stored"

    pending: PendingCalls[str] = PendingCalls(store)
    pending.add(missed("0171", 7))
    drained = pending.drain()
    assert drained.stored == ["stored"] and drained.failed == [] and tries == [7, 7]
