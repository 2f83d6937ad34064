"""The complaint register: entries by hand and from the inbox, steps, kinds, export."""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime

import pytest
from sqlmodel import Session

from advisor_tui.domain.complaints import DeadlineRules, Step
from advisor_tui.domain.models import Message, Request
from advisor_tui.services.complaints.export import write_csv, write_text
from advisor_tui.services.complaints.register import (
    Rules,
    add_complaint,
    register,
    update_complaint,
)
from advisor_tui.services.errors import ServiceError, StaleWrite
from advisor_tui.services.persons.editing import PersonData, add_person

# Monday 5 January 2026, 10:00 in Munich; Tuesday is Epiphany in Bavaria.
RECEIVED = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
BAVARIA = Rules(DeadlineRules(2, 10), "BY")


def test_a_complaint_by_hand_gets_bavarian_deadlines(session: Session) -> None:
    anna = add_person(session, PersonData("Anna", "Bauer"))
    complaint = add_complaint(
        session, person_id=anna.id, reason="Schaden nicht reguliert", received_at=RECEIVED,
        channel="letter",
    )  # fmt: skip
    session.commit()
    [row] = register(session, BAVARIA)
    assert row.complaint.id == complaint.id
    assert row.complaint.complainant == "Anna Bauer"
    assert [(d.step, d.due) for d in row.deadlines] == [
        (Step.ACKNOWLEDGE, date(2026, 1, 8)),
        (Step.ANSWER, date(2026, 1, 20)),
    ]
    assert row.next_deadline is not None and row.next_deadline.step == Step.ACKNOWLEDGE
    assert row.next_deadline.days_left(date(2026, 1, 12)) == -4


def test_steps_answer_and_kind_change(session: Session) -> None:
    anna = add_person(session, PersonData("Anna", "Bauer"))
    complaint = add_complaint(session, person_id=anna.id, reason="x", received_at=RECEIVED)
    session.commit()
    assert complaint.id is not None
    update_complaint(session, complaint.id, acknowledged_at=datetime(2026, 1, 6, 9, tzinfo=UTC))
    updated = update_complaint(
        session,
        complaint.id,
        answered_at=datetime(2026, 1, 9, 9, tzinfo=UTC),
        answer="Regulierung veranlasst",
        guarantee_end=date(2025, 12, 31),
        tolerance_days=30,
        goodwill_note="Kulanz trotz abgelaufener Garantie",
    )
    session.commit()
    assert updated.status == "answered"
    [row] = register(session, BAVARIA)
    assert row.next_deadline is None
    assert row.goodwill_until == date(2026, 1, 30)
    update_complaint(session, complaint.id, kind="information")
    session.commit()
    assert register(session, BAVARIA, include_information=False) == []
    with pytest.raises(ServiceError):
        update_complaint(session, complaint.id, kind="grumble")
    with pytest.raises(StaleWrite):
        update_complaint(session, complaint.id, expected_version=1, reason="y")


def test_from_an_inbox_request_takes_person_channel_time_and_text(session: Session) -> None:
    anna = add_person(session, PersonData("Anna", "Bauer"))
    request = Request(
        person_id=anna.id, channel="whatsapp", sender="+491711234567", kind="complaint",
        received_at=RECEIVED,
    )  # fmt: skip
    session.add(request)
    session.flush()
    assert request.id is not None
    session.add(Message(request_id=request.id, channel="whatsapp", text="Ich warte noch!"))
    complaint = add_complaint(session, request_id=request.id)
    session.commit()
    assert (complaint.person_id, complaint.channel, complaint.reason) == (
        anna.id,
        "whatsapp",
        "Ich warte noch!",
    )
    assert complaint.received_at == RECEIVED


def test_a_complaint_needs_a_reason_and_a_complainant(session: Session) -> None:
    with pytest.raises(ServiceError):
        add_complaint(session, complainant="Max", reason="  ")
    with pytest.raises(ServiceError):
        add_complaint(session, reason="laut")


def test_exports_name_every_register_field(session: Session) -> None:
    add_complaint(session, complainant="Max Muster", reason="Zu spät\nund unfreundlich",
                  received_at=RECEIVED, channel="phone")  # fmt: skip
    session.commit()
    rows = register(session, BAVARIA)
    out = io.StringIO()
    write_csv(rows, out)
    header, line = list(csv.reader(io.StringIO(out.getvalue()), delimiter=";"))
    assert header[:7] == [
        "Nr.", "Art", "Eingang", "Weg", "Beschwerdeführer", "Grund", "Eingangsbestätigung",
    ]  # fmt: skip
    assert line[4:6] == ["Max Muster", "Zu spät\nund unfreundlich"]
    assert (line[2], line[header.index("Bestätigen bis")]) == ("05.01.2026", "08.01.2026")
    text = io.StringIO()
    write_text(rows, text, today=date(2026, 1, 12))
    assert "Beschwerderegister nach § 17 VersVermV, Stand 12.01.2026" in text.getvalue()
    assert "Bestätigen bis:" in text.getvalue()


def test_the_demo_has_a_register(engine) -> None:  # noqa: ANN001
    from advisor_tui.demo.generate import generate_demo
    from advisor_tui.storage.db import new_session

    generate_demo(engine, persons=60, seed=3, now=datetime(2026, 12, 1, 9, tzinfo=UTC))
    with new_session(engine) as session:
        rows = register(session, BAVARIA)
    kinds = [r.complaint.kind for r in rows]
    assert kinds.count("information") == 1 and kinds.count("complaint") >= 3
    answered = [r for r in rows if r.complaint.status == "answered"]
    assert answered and answered[0].goodwill_until is not None
    assert all(r.complaint.reason for r in rows)
