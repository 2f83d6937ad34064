"""Calls service: missed calls become callbacks or inbox entries, calls get logged."""

from __future__ import annotations

import asyncio
import json
from datetime import UTC, datetime, timedelta, timezone

import pytest
from sqlalchemy import Engine
from sqlmodel import Session, col, select

from advisor_tui.domain.models import Address, AuditEntry, FollowUp, Interaction, Message, Request
from advisor_tui.io.callmonitor import CallMonitor, CallOutcome, OutcomeKind
from advisor_tui.services.calls.recording import (
    handle_outcome,
    identify_caller,
    log_answered_call,
    record_missed_call,
)
from advisor_tui.services.calls.text import describe_report, duration_text, entry_text
from advisor_tui.services.followups.timing import add_working_hours
from advisor_tui.services.persons.editing import PersonData, add_address, add_person
from advisor_tui.storage.db import new_session
from tests.io.callmonitor_box import FakeBox

BERLIN = timezone(timedelta(hours=2))
AT = datetime(2025, 5, 3, 14, 2, 10, tzinfo=BERLIN)


@pytest.fixture
def people(session: Session) -> dict[str, int]:
    anna = add_person(session, PersonData("Anna", "Müller"))
    add_address(session, anna.id, "mobile", "0171 2345678")
    karl = add_person(session, PersonData("Karl", "Schäfer"))
    erika = add_person(session, PersonData("Erika", "Schäfer"))
    add_address(session, karl.id, "landline", "030 1234567")
    add_address(session, erika.id, "landline", "+49 30 1234567")
    session.commit()
    return {"anna": anna.id, "karl": karl.id, "erika": erika.id}


def followups(session: Session) -> list[FollowUp]:
    return list(session.exec(select(FollowUp).order_by(col(FollowUp.person_id))).all())


def requests(session: Session) -> list[Request]:
    return list(session.exec(select(Request)).all())


def audit_actions(session: Session) -> list[str]:
    return [a.action for a in session.exec(select(AuditEntry)).all()]


def test_missed_call_from_known_caller_is_a_callback(session: Session, people: dict[str, int]):
    record = record_missed_call(session, "01712345678", AT)
    session.commit()
    [followup] = followups(session)
    assert followup.person_id == people["anna"]
    assert followup.kind == "callback"
    # Within 2 working hours: a Saturday call is due on Monday at 10:00.
    assert followup.due_at == add_working_hours(AT, 2) == datetime(2025, 5, 5, 8, 0, tzinfo=UTC)
    assert followup.done_at is None
    assert followup.note == ""  # facts, not sentences: the UI renders them
    assert entry_text(followup) == "Verpasster Anruf von 0171 2345678 um 14:02"
    assert record.created and record.followup_ids == (followup.id,)
    assert record.person_ids == (people["anna"],)
    assert requests(session) == []
    assert "followup.create" in audit_actions(session)


def test_replayed_missed_call_is_recorded_once(session: Session, people: dict[str, int]):
    first = record_missed_call(session, "01712345678", AT)
    # Same call again, the time given in UTC: still the same call.
    again = record_missed_call(session, "+49 171 2345678", AT.astimezone(UTC))
    session.commit()
    assert len(followups(session)) == 1
    assert not again.created and again.followup_ids == first.followup_ids
    # A later call from the same number adds to the open promise ("2 Anrufe").
    record_missed_call(session, "01712345678", AT + timedelta(hours=1))
    [followup] = followups(session)
    assert followup.attempts == 2


def test_shared_number_gives_each_person_a_callback(session: Session, people: dict[str, int]):
    record = record_missed_call(session, "0301234567", AT)
    session.commit()
    found = followups(session)
    assert [f.person_id for f in found] == sorted([people["karl"], people["erika"]])
    karl = next(f for f in found if f.person_id == people["karl"])
    assert karl.note == ""
    assert entry_text(karl) == "Verpasster Anruf von 030 1234567 um 14:02"
    assert set(record.person_ids) == {people["karl"], people["erika"]}


def test_unknown_number_goes_to_the_inbox(session: Session, people: dict[str, int]):
    record = record_missed_call(session, "01609998887", AT, called="4930555")
    session.commit()
    assert followups(session) == []
    [request] = requests(session)
    assert record.request_id == request.id
    assert (request.channel, request.kind, request.status) == ("phone", "callback", "new")
    assert request.sender == "01609998887"
    assert request.sender_normalized == "+491609998887"
    assert request.match == "unknown" and request.person_id is None
    assert request.suggested_person_id is None
    assert request.received_at == AT.astimezone(UTC)
    [message] = session.exec(select(Message).where(Message.request_id == request.id)).all()
    assert message.recipient == "4930555" and message.channel == "phone"
    assert "request.create" in audit_actions(session)
    # Replayed: still one entry.
    assert not record_missed_call(session, "01609998887", AT).created
    assert len(requests(session)) == 1


def test_suffix_match_is_only_a_suggestion(session: Session, people: dict[str, int]):
    # The mobile number without its prefix: the last digits point to Anna.
    record_missed_call(session, "2345678", AT)
    session.commit()
    assert followups(session) == []
    [request] = requests(session)
    assert request.match == "suffix"
    assert request.suggested_person_id == people["anna"]
    assert request.person_id is None
    [message] = session.exec(select(Message).where(Message.request_id == request.id)).all()
    assert (message.subject, message.text) == ("", "")


def test_withheld_number_is_an_inbox_note(session: Session, people: dict[str, int]):
    record = record_missed_call(session, None, AT)
    session.commit()
    [request] = requests(session)
    assert record.caller.withheld
    assert request.sender == "" and request.sender_normalized is None
    [message] = session.exec(select(Message).where(Message.request_id == request.id)).all()
    assert (message.subject, message.text) == ("", "")
    assert entry_text(request) == "Verpasster Anruf mit unterdrückter Nummer um 14:02"
    assert request.kind == "other"  # nobody to call back
    assert not record_missed_call(session, "", AT).created


def test_answered_call_is_logged_with_evidence(session: Session, people: dict[str, int]):
    logged = log_answered_call(session, "01712345678", AT, 125)
    session.commit()
    [interaction] = session.exec(select(Interaction)).all()
    assert interaction.id == logged.interaction_id
    assert interaction.person_id == people["anna"]
    assert (interaction.kind, interaction.direction, interaction.outcome) == (
        "call",
        "in",
        "reached",
    )
    assert interaction.duration_seconds == 125
    address = session.get(Address, interaction.address_id)
    assert address is not None and address.last_success_at == AT.astimezone(UTC)
    again = log_answered_call(session, "01712345678", AT, 125)
    assert not again.created and len(session.exec(select(Interaction)).all()) == 1


def test_answered_call_on_shared_number_is_not_guessed(session: Session, people: dict[str, int]):
    logged = log_answered_call(session, "0301234567", AT, 60)
    assert logged.interaction_id is None
    assert session.exec(select(Interaction)).all() == []


def test_identify_caller_for_the_popup(session: Session, people: dict[str, int]):
    info = identify_caller(session, "+491712345678")
    assert info.known and info.match == "exact"
    assert [(c.person_id, c.name) for c in info.candidates] == [(people["anna"], "Anna Müller")]
    assert info.display == "0171 2345678"
    assert info.lookup is not None and info.lookup.normalized == "+491712345678"
    hidden = identify_caller(session, None)
    assert hidden.withheld and not hidden.known and hidden.display == ""


def outcome(kind: OutcomeKind, number: str | None, **more: object) -> CallOutcome:
    values: dict = {"conn_id": 0, "direction": "in", "started_at": AT, "at": AT}
    values.update(more)
    return CallOutcome(kind, number=number, **values)


def test_handle_outcome_and_its_line(session: Session, people: dict[str, int]):
    ring = handle_outcome(session, outcome(OutcomeKind.RING, "01712345678"))
    assert ring.missed is None and ring.caller.known
    assert describe_report(ring) == "14:02:10  Anruf von 0171 2345678 – Anna Müller"
    missed = handle_outcome(session, outcome(OutcomeKind.MISSED, "01712345678"))
    assert missed.missed is not None and missed.missed.followup_ids
    assert describe_report(missed).endswith("Rückruf-Wiedervorlage angelegt")
    again = handle_outcome(session, outcome(OutcomeKind.MISSED, "01712345678"))
    assert describe_report(again).endswith("bereits erfasst")
    unknown = handle_outcome(session, outcome(OutcomeKind.MISSED, None))
    assert "Nummer unterdrückt – unbekannt – in den Eingang gelegt" in describe_report(unknown)
    answered = handle_outcome(
        session, outcome(OutcomeKind.ANSWERED, "0301234567", duration_seconds=75, connected=True)
    )
    assert answered.logged is not None and answered.logged.interaction_id is None
    assert "(1:15 min) – gemeinsame Nummer: Karl Schäfer, Erika Schäfer" in describe_report(
        answered
    )
    out = handle_outcome(
        session,
        outcome(OutcomeKind.OUTGOING_ENDED, "01712345678", direction="out", duration_seconds=0),
    )
    assert out.logged is not None and out.logged.created
    assert session.get(Interaction, out.logged.interaction_id).outcome == "no_answer"  # type: ignore[union-attr]


def test_duration_text():
    assert [duration_text(s) for s in (0, 75, 3725)] == ["0:00 min", "1:15 min", "1:02:05 h"]


async def test_monitor_to_database_end_to_end(engine: Engine, people: dict[str, int]):
    """A real TCP box: a missed call and a hidden one, then a drop, then an unknown number."""
    box = FakeBox(
        [
            [
                "03.05.25 14:02:10;RING;0;01712345678;4930555;SIP0;",
                "03.05.25 14:02:12;RING;1;;4930555;SIP0;",
                "03.05.25 14:02:30;DISCONNECT;0;0;",
                "03.05.25 14:02:31;DISCONNECT;1;0;",
            ],
            [
                "03.05.25 15:00:00;RING;0;01609998887#;4930555;SIP0;",
                "03.05.25 15:00:20;DISCONNECT;0;0;",
            ],
        ],
        drop=[True, False],
    )
    port = await box.start()
    reports = []

    def on_event(item: CallOutcome) -> None:
        with new_session(engine) as s:
            reports.append(handle_outcome(s, item))
            s.commit()

    monitor = CallMonitor("127.0.0.1", port, on_event, tz=BERLIN, backoff_initial=0.02)
    task = asyncio.create_task(monitor.run())
    try:
        async with asyncio.timeout(5):
            while len(reports) < 6:
                await asyncio.sleep(0.01)
    finally:
        monitor.stop()
        await asyncio.wait_for(task, 2)
        await box.close()
    with new_session(engine) as s:
        [followup] = followups(s)
        assert followup.person_id == people["anna"]
        assert followup.due_at == add_working_hours(AT, 2)
        inbox = sorted(requests(s), key=lambda r: r.received_at)
        assert [(r.sender, r.kind) for r in inbox] == [("", "other"), ("01609998887", "callback")]
        entries = s.exec(select(AuditEntry)).all()
        # A request and a follow-up per missed call; each inbox entry's message has its own.
        details = [json.loads(a.details) for a in entries if a.action != "message.create"]
        assert sum(d.get("source") == "callmonitor" for d in details) == 3


# -- replays and a second listener: the unique external keys ---------------------------------


def _counts(engine: Engine) -> tuple[int, int, int]:
    with new_session(engine) as fresh:
        return (
            len(fresh.exec(select(FollowUp)).all()),
            len(fresh.exec(select(Request)).all()),
            len(fresh.exec(select(Interaction)).all()),
        )


REPLAYED = (
    outcome(OutcomeKind.MISSED, "01712345678", conn_id=3),  # known: a callback
    outcome(OutcomeKind.MISSED, "0891234567", conn_id=4),  # unknown: the inbox
    outcome(OutcomeKind.MISSED, None, conn_id=5),  # withheld: the inbox
    outcome(OutcomeKind.ANSWERED, "01712345678", conn_id=6, duration_seconds=30, connected=True),
)


def test_replayed_events_record_nothing_new(engine: Engine, people: dict[str, int]):
    for _ in range(2):  # e.g. the monitor restarted and the box sent the events again
        with new_session(engine) as session:
            reports = [handle_outcome(session, each) for each in REPLAYED]
            session.commit()
    assert _counts(engine) == (1, 2, 1)
    assert not any(
        (r.missed or r.logged).created  # type: ignore[union-attr]
        for r in reports
    )
    with new_session(engine) as session:
        keys = session.exec(select(Interaction.external_id)).all()
        assert [k.startswith("callmonitor:+491712345678:") for k in keys] == [True]  # type: ignore[union-attr]


def test_two_withheld_calls_in_one_second_are_two_calls(engine: Engine, people: dict[str, int]):
    with new_session(engine) as session:
        handle_outcome(session, outcome(OutcomeKind.MISSED, None, conn_id=1))
        handle_outcome(session, outcome(OutcomeKind.MISSED, None, conn_id=2))
        session.commit()
    assert _counts(engine) == (0, 2, 0)


@pytest.mark.parametrize("event", REPLAYED, ids=["callback", "inbox", "withheld", "answered"])
def test_two_listeners_record_one_call_once(
    engine: Engine, people: dict[str, int], event: CallOutcome
):
    """The TUI and `advisor callmonitor` see the same event; both record it at once."""
    import threading

    first = new_session(engine)
    first_report = handle_outcome(first, event)  # written, not yet committed: holds the lock
    second: dict[str, object] = {}

    def listen() -> None:
        with new_session(engine) as session:
            second["report"] = handle_outcome(session, event)  # waits for the lock
            session.commit()

    thread = threading.Thread(target=listen)
    thread.start()
    thread.join(0.3)
    assert thread.is_alive()  # waiting for the first listener's write lock
    first.commit()
    first.close()
    thread.join(10)
    assert not thread.is_alive()
    report = second["report"]
    assert isinstance(report, type(first_report))
    done = report.missed or report.logged
    assert done is not None and not done.created
    mine = first_report.missed or first_report.logged
    assert mine is not None and mine.created
    if report.missed is not None:
        assert (done.followup_ids, done.request_id) == (  # type: ignore[union-attr]
            mine.followup_ids,  # type: ignore[union-attr]
            mine.request_id,  # type: ignore[union-attr]
        )
    else:
        assert done.interaction_id == mine.interaction_id  # type: ignore[union-attr]
    assert sum(_counts(engine)) == 1


def test_a_blocked_call_is_described_as_blocked_and_records_nothing(
    session: Session, people: dict[str, int]
):
    report = handle_outcome(session, outcome(OutcomeKind.BLOCKED, "01712345678"))
    line = describe_report(report)
    assert "Gesperrter Anruf von 0171 2345678" in line
    assert report.missed is None and report.logged is None
