"""Calls leave facts, not sentences: the rows hold no words; card, CLI and export render them.

Missed and logged calls store an empty note, subject, body and summary; the
number, time, direction and outcome are in the row (or its call key).
`entry_text` renders them in the current language, and a stored text (old
rows, hand-written notes) still wins.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from sqlalchemy import Engine
from sqlmodel import Session, select

from advisor_tui.config import Settings
from advisor_tui.domain.models import FollowUp, Interaction, Request
from advisor_tui.i18n import set_language
from advisor_tui.services.call_texts import entry_text, number_of_call_key
from advisor_tui.services.calls.recording import (
    call_key,
    log_answered_call,
    log_outgoing_call,
    record_missed_call,
)
from advisor_tui.services.gdpr.export import export_person
from advisor_tui.services.persons.editing import PersonData, add_address, add_person
from advisor_tui.storage.db import new_session
from tests.tui.helpers import wait_until

BERLIN = timezone(timedelta(hours=2))
AT = datetime(2025, 5, 3, 10, 0, 5, tzinfo=BERLIN)
GERMAN = re.compile(r"Anruf|Verpasst|unterdrückt|Nummer|Rückruf|Vorschlag|Gemeinsam", re.I)


@pytest.fixture(autouse=True)
def german_first() -> Iterator[None]:
    set_language("de")
    yield
    set_language("de")


@pytest.fixture
def anna(session: Session) -> int:
    person = add_person(session, PersonData("Anna", "Müller"))
    add_address(session, person.id, "mobile", "0171 2345678")
    session.commit()
    assert person.id is not None
    return person.id


def _text_columns(row: object) -> dict[str, str]:
    return {
        name: value
        for name in type(row).model_fields  # type: ignore[attr-defined]
        if isinstance(value := getattr(row, name), str)
    }


def test_the_number_comes_back_out_of_the_call_key() -> None:
    # call_texts reads what recording writes (it cannot import recording: an import cycle).
    assert number_of_call_key(call_key("+491712345678", AT, 7)) == (True, "+491712345678")
    assert number_of_call_key(call_key("2345678", AT)) == (True, "2345678")
    assert number_of_call_key(call_key(None, AT, 3)) == (True, None)
    assert number_of_call_key("<abc@mail.example>") == (False, None)
    assert number_of_call_key(None) == (False, None)


def test_generated_rows_hold_no_words(session: Session, anna: int) -> None:
    record_missed_call(session, "01712345678", AT)  # known: a callback follow-up
    record_missed_call(session, "01609998887", AT)  # unknown: an inbox entry
    record_missed_call(session, None, AT + timedelta(minutes=1))  # withheld
    log_answered_call(session, "01712345678", AT + timedelta(hours=1), 125)
    session.commit()
    rows = [
        *session.exec(select(FollowUp)).all(),
        *session.exec(select(Request)).all(),
        *session.exec(select(Interaction)).all(),
    ]
    assert len(rows) == 4
    for row in rows:
        columns = _text_columns(row)
        assert not [v for v in columns.values() if GERMAN.search(v)], columns
        for name in ("note", "subject", "body", "summary"):
            assert columns.get(name, "") == ""


def test_missed_call_reads_in_the_current_language(session: Session, anna: int) -> None:
    record_missed_call(session, "01712345678", AT)
    record_missed_call(session, "01609998887", AT)
    record_missed_call(session, None, AT)
    session.commit()
    [followup] = session.exec(select(FollowUp)).all()
    unknown, withheld = sorted(session.exec(select(Request)).all(), key=lambda r: r.sender == "")
    assert entry_text(followup) == "Verpasster Anruf von 0171 2345678 um 10:00"
    assert entry_text(unknown) == "Verpasster Anruf von 0160 9998887 um 10:00"
    assert entry_text(withheld) == "Verpasster Anruf mit unterdrückter Nummer um 10:00"
    set_language("en")
    assert entry_text(followup) == "Missed call from 0171 2345678 at 10:00"
    assert entry_text(withheld) == "Missed call with the number withheld at 10:00"


def test_logged_calls_read_from_their_facts(session: Session, anna: int) -> None:
    log_answered_call(session, "01712345678", AT, 125)
    log_outgoing_call(session, "01712345678", AT + timedelta(hours=1), 0, connected=False)
    session.commit()
    answered, unanswered = session.exec(select(Interaction).order_by(Interaction.id)).all()
    assert entry_text(answered) == "Anruf von 0171 2345678 um 10:00 (2:05 min)"
    assert entry_text(unanswered) == "Anruf an 0171 2345678 um 11:00, nicht angenommen"
    set_language("en")
    assert entry_text(answered) == "Call from 0171 2345678 at 10:00 (2:05 min)"


def test_stored_text_wins(session: Session, anna: int) -> None:
    # Rows from before (German sentences stored) and hand-written notes show as they are.
    old = FollowUp(
        person_id=anna,
        kind="callback",
        due_at=AT.astimezone(UTC),
        note="Verpasster Anruf von 0171 2345678 am 03.05.2025 um 10:00.",
        external_id="callmonitor:+491712345678:2025-05-03T08:00:05+00:00",
    )
    typed = FollowUp(person_id=anna, kind="callback", due_at=AT, note="Depot besprechen")
    bare = FollowUp(person_id=anna, kind="callback", due_at=AT)  # typed in, left empty
    set_language("en")
    assert entry_text(old) == old.note
    assert entry_text(typed) == "Depot besprechen"
    assert entry_text(bare) == ""


def test_gdpr_text_export_describes_generated_rows(
    session: Session, anna: int, tmp_path: Path
) -> None:
    record_missed_call(session, "01712345678", AT)
    log_answered_call(session, "01712345678", AT, 65)
    session.commit()
    files = export_person(session, anna, tmp_path / "de")
    text = files.text_path.read_text(encoding="utf-8")
    assert "Beschreibung: Verpasster Anruf von 0171 2345678 um 10:00" in text
    assert "Beschreibung: Anruf von 0171 2345678 um 10:00 (1:05 min)" in text
    assert '"note": ""' in files.json_path.read_text(encoding="utf-8")  # the JSON: facts
    set_language("en")
    english = export_person(session, anna, tmp_path / "en").text_path.read_text("utf-8")
    assert "Description: Missed call from 0171 2345678 at 10:00" in english


@pytest.mark.parametrize(
    ("lang", "followup", "interaction"),
    [
        ("de", "Verpasster Anruf von 0171 2345678 um 10:00", "Anruf von 0171 2345678 um 10:00"),
        ("en", "Missed call from 0171 2345678 at 10:00", "Call from 0171 2345678 at 10:00"),
    ],
)
async def test_the_card_renders_call_rows(
    engine: Engine, lang: str, followup: str, interaction: str
) -> None:
    from textual.widgets import Static

    from advisor_tui.tui.app import AdvisorApp
    from advisor_tui.tui.screens.card import CardScreen

    with new_session(engine) as session:
        person = add_person(session, PersonData("Anna", "Müller"))
        add_address(session, person.id, "mobile", "0171 2345678")
        # Answered first: an answered call closes the callbacks of calls before it.
        log_answered_call(session, "01712345678", AT, 30)
        record_missed_call(session, "01712345678", AT)
        session.commit()
    now = AT.astimezone(UTC) - timedelta(days=1)
    set_language(lang)  # as the CLI front does from the settings
    app = AdvisorApp(engine=engine, settings=Settings(lang=lang), clock=lambda: now)
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.press("enter")  # the only person: open her card
        card = await wait_until(
            pilot, lambda: app.screen if isinstance(app.screen, CardScreen) else None
        )
        await wait_until(pilot, lambda: card.data is not None)
        followups = str(card.query_one("#followups", Static).render())
        interactions = str(card.query_one("#interactions", Static).render())
    assert followup in followups
    assert interaction in interactions
