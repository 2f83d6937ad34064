"""Importing the FRITZ!Box call list: same rules as the monitor, nothing recorded twice."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from sqlmodel import Session, select

from advisor_tui.domain.models import FollowUp, Interaction, Request
from advisor_tui.io.callmonitor_events import CallOutcome, OutcomeKind
from advisor_tui.io.fritz_calllist import parse_calllist
from advisor_tui.services.calls.calllist import Fate, import_calllist
from advisor_tui.services.calls.recording import handle_outcome
from advisor_tui.services.persons.editing import PersonData, add_address, add_person

SAMPLE = Path(__file__).parent.parent / "data" / "fritz_anrufliste.csv"
BERLIN = timezone(timedelta(hours=2))


def at(hms: str) -> datetime:
    h, m, s = (int(x) for x in hms.split(":"))
    return datetime(2025, 5, 3, h, m, s, tzinfo=BERLIN)


@pytest.fixture
def people(session: Session) -> dict[str, int]:
    juergen = add_person(session, PersonData("Jürgen", "Weiß"))
    add_address(session, juergen.id, "mobile", "0171 1234567")
    firm = add_person(session, PersonData(company="Öztürk Gärtnerei"))
    add_address(session, firm.id, "mobile", "0160 5555555")
    session.commit()
    return {"juergen": juergen.id, "firm": firm.id}


def rows(session: Session) -> dict[str, int]:
    return {
        "interactions": len(session.exec(select(Interaction)).all()),
        "followups": len(session.exec(select(FollowUp)).all()),
        "requests": len(session.exec(select(Request)).all()),
    }


def import_sample(session: Session, data: bytes | None = None):
    result = import_calllist(session, parse_calllist(data or SAMPLE.read_bytes(), BERLIN))
    session.commit()
    return result


def test_sample_list_becomes_callbacks_inbox_entries_and_interactions(session, people):
    result = import_sample(session)
    assert result.counts() == {"imported": 6, "known": 0, "ignored": 1, "errors": 3}
    fates = {call.record.line: call.fate for call in result.calls}
    assert fates[7] is Fate.IGNORED  # blocked: no callback for a call the box turned away
    assert rows(session) == {"interactions": 3, "followups": 1, "requests": 2}
    [callback] = session.exec(select(FollowUp)).all()
    assert callback.person_id == people["juergen"] and callback.kind == "callback"
    calls = session.exec(select(Interaction).order_by(Interaction.occurred_at)).all()
    assert [(c.direction, c.outcome, c.duration_seconds) for c in calls] == [
        ("out", "no_answer", 0),
        ("out", "reached", 62 * 60),
        ("in", "reached", 3 * 60),
    ]
    withheld, unknown = sorted(session.exec(select(Request)).all(), key=lambda r: r.received_at)
    assert withheld.sender == "" and withheld.kind == "other"
    assert unknown.sender == "030 9876543" and unknown.kind == "callback"
    assert result.person_ids == {people["juergen"], people["firm"]}


def test_importing_the_same_list_twice_adds_nothing(session, people):
    import_sample(session)
    before = rows(session)
    again = import_sample(session)
    assert again.counts() == {"imported": 0, "known": 6, "ignored": 1, "errors": 3}
    assert rows(session) == before


def test_list_over_monitored_calls_adds_only_the_unseen_ones(session, people):
    monitored = [
        CallOutcome(OutcomeKind.MISSED, 0, "in", "01711234567", at("14:02:37"), at("14:02:55")),
        CallOutcome(
            OutcomeKind.ANSWERED,
            1,
            "in",
            "01711234567",
            at("14:05:12"),
            at("14:08:02"),
            connected=True,
            duration_seconds=170,
        ),
        CallOutcome(
            OutcomeKind.OUTGOING_ENDED,
            2,
            "out",
            "+491605555555",
            at("11:15:03"),
            at("12:16:43"),
            connected=True,
            duration_seconds=3700,
        ),
        CallOutcome(OutcomeKind.MISSED, 3, "in", "0309876543", at("13:40:59"), at("13:41:10")),
    ]
    for outcome in monitored:
        handle_outcome(session, outcome)
    session.commit()
    assert rows(session) == {"interactions": 2, "followups": 1, "requests": 1}
    result = import_sample(session)
    assert result.counts() == {"imported": 2, "known": 4, "ignored": 1, "errors": 3}
    imported = sorted(c.record.line for c in result.calls if c.fate is Fate.IMPORTED)
    assert imported == [6, 10]  # the withheld call and the unanswered outgoing one
    assert rows(session) == {"interactions": 3, "followups": 1, "requests": 2}
    # ... and once more: still nothing new.
    assert import_sample(session).counts()["imported"] == 0
    assert rows(session) == {"interactions": 3, "followups": 1, "requests": 2}


def test_two_calls_in_one_minute_are_two_calls_but_only_once(session, people):
    data = (
        "sep=;\nTyp;Datum;Name;Rufnummer;Nebenstelle;Eigene Rufnummer;Dauer\n"
        "2;03.05.25 16:00;;030 5550000;;;0:00\n"
        "2;03.05.25 16:00;;030 5550000;;;0:00\n"
    ).encode("iso-8859-1")
    # The monitor saw one of them.
    handle_outcome(
        session,
        CallOutcome(OutcomeKind.MISSED, 5, "in", "0305550000", at("16:00:20"), at("16:00:30")),
    )
    session.commit()
    first = import_sample(session, data)
    assert first.counts()["imported"] == 1 and first.counts()["known"] == 1
    assert import_sample(session, data).counts()["imported"] == 0
    assert rows(session)["requests"] == 2


def test_repeated_missed_calls_on_an_open_callback_are_counted_once(session, people):
    data = (
        "sep=;\nTyp;Datum;Name;Rufnummer;Nebenstelle;Eigene Rufnummer;Dauer\n"
        "2;03.05.25 17:30;;0171 1234567;;;0:00\n"
        "2;03.05.25 17:00;;0171 1234567;;;0:00\n"
    ).encode("iso-8859-1")
    import_sample(session, data)
    followups_before = [(f.id, f.attempts) for f in session.exec(select(FollowUp)).all()]
    again = import_sample(session, data)
    assert again.counts()["imported"] == 0 and again.counts()["known"] == 2
    assert [(f.id, f.attempts) for f in session.exec(select(FollowUp)).all()] == followups_before


HEADER = "sep=;\nTyp;Datum;Name;Rufnummer;Nebenstelle;Eigene Rufnummer;Dauer\n"


def test_in_one_minute_the_monitored_answered_call_is_matched_not_the_missed_one(session, people):
    data = (
        HEADER + "1;03.05.25 15:00;;0171 1234567;;;0:02\n2;03.05.25 15:00;;0171 1234567;;;0:00\n"
    ).encode("iso-8859-1")
    handle_outcome(
        session,
        CallOutcome(
            OutcomeKind.ANSWERED,
            7,
            "in",
            "01711234567",
            at("15:00:40"),
            at("15:02:00"),
            connected=True,
            duration_seconds=80,
        ),
    )
    session.commit()
    result = import_sample(session, data)
    fates = {c.record.type.value: c.fate for c in result.calls}
    assert fates == {1: Fate.KNOWN, 2: Fate.IMPORTED}
    assert rows(session)["interactions"] == 1


def test_a_longer_list_later_adds_the_second_call_of_a_minute(session, people):
    one = HEADER + "2;03.05.25 16:00;;030 5550000;;;0:00\n"
    two = one + "2;03.05.25 16:00;;030 5550000;;;0:00\n"
    assert import_sample(session, one.encode()).counts()["imported"] == 1
    result = import_sample(session, two.encode())
    assert (result.counts()["imported"], result.counts()["known"]) == (1, 1)
    assert rows(session)["requests"] == 2
    assert import_sample(session, two.encode()).counts()["imported"] == 0
