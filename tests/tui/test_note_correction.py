"""Card key n: correct a logged contact's note; the audit keeps the old text."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from sqlalchemy import Engine
from sqlmodel import select

from advisor_tui.config import Settings
from advisor_tui.domain.models import AuditEntry, Interaction
from advisor_tui.services.contacts.logging import log_contact
from advisor_tui.services.persons.editing import PersonData, add_address, add_person
from advisor_tui.storage.db import new_session
from advisor_tui.tui.app import AdvisorApp
from advisor_tui.tui.screens.card import CardScreen
from advisor_tui.tui.screens.confirm import ConfirmScreen
from advisor_tui.tui.screens.note_correction import ContactChoiceScreen, NoteEditScreen
from tests.tui.helpers import settle, wait_until

NOW = datetime(2026, 11, 23, 9, 30, tzinfo=UTC)


def _schmidt_with_a_call(engine: Engine) -> int:
    with new_session(engine) as session:
        person = add_person(session, PersonData("Anna", "Schmidt"))
        assert person.id is not None
        mobile = add_address(session, person.id, "mobile", "0171 1234567")
        logged = log_contact(
            session,
            person.id,
            address_id=mobile.id,
            outcome="reached",
            note="Termin am Dienstg",
            started_at=NOW,
            now=NOW,
        )
        session.commit()
        return logged.interaction_id


async def _open_note(pilot, app: AdvisorApp) -> None:  # noqa: ANN001
    await settle(pilot)
    await pilot.press(*"schmidt", "enter")
    assert await wait_until(pilot, lambda: isinstance(app.screen, CardScreen) and app.screen.data)
    await pilot.press("n")
    assert await wait_until(pilot, lambda: isinstance(app.screen, ContactChoiceScreen))
    await pilot.press("enter")
    assert await wait_until(pilot, lambda: isinstance(app.screen, NoteEditScreen))
    await settle(pilot)


async def test_n_corrects_the_note_and_the_audit_keeps_the_old_text(engine: Engine) -> None:
    interaction_id = _schmidt_with_a_call(engine)
    app = AdvisorApp(engine=engine, settings=Settings(lang="de"), clock=lambda: NOW)
    async with app.run_test(size=(120, 40)) as pilot:
        await _open_note(pilot, app)
        await pilot.press("ctrl+u", *"Termin am Dienstag 10 Uhr", "enter")
        card = await wait_until(
            pilot, lambda: isinstance(app.screen, CardScreen) and "Dienstag 10" in _history(app)
        )
        assert card
    with new_session(engine) as session:
        interaction = session.get(Interaction, interaction_id)
        assert interaction is not None and interaction.summary == "Termin am Dienstag 10 Uhr"
        entries = session.exec(select(AuditEntry).where(AuditEntry.action == "interaction.note"))
        details = [json.loads(e.details) for e in entries]
    assert details == [{"old": "Termin am Dienstg", "new": "Termin am Dienstag 10 Uhr"}]


async def test_esc_asks_before_dropping_a_changed_note(engine: Engine) -> None:
    interaction_id = _schmidt_with_a_call(engine)
    app = AdvisorApp(engine=engine, settings=Settings(lang="de"), clock=lambda: NOW)
    async with app.run_test(size=(80, 24)) as pilot:
        await _open_note(pilot, app)
        await pilot.press("x", "escape")
        assert await wait_until(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        await pilot.press("n")  # keep editing
        assert await wait_until(pilot, lambda: isinstance(app.screen, NoteEditScreen))
        await pilot.press("escape")
        assert await wait_until(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        await pilot.press("j")
        assert await wait_until(pilot, lambda: isinstance(app.screen, CardScreen))
    with new_session(engine) as session:
        interaction = session.get(Interaction, interaction_id)
        assert interaction is not None and interaction.summary == "Termin am Dienstg"


def _history(app: AdvisorApp) -> str:
    return str(app.screen.query_one("#interactions").render())
