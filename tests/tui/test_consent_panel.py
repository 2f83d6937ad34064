"""The consent panel (card key i) and the warning before advertising (F2), from the start screen."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import Engine
from sqlmodel import select
from textual.widgets import Static

from advisor_tui.config import Settings
from advisor_tui.domain.models import ConsentEvent, Interaction
from advisor_tui.services import consent
from advisor_tui.services.persons.editing import PersonData, add_address, add_person
from advisor_tui.storage.db import new_session
from advisor_tui.tui.app import AdvisorApp
from advisor_tui.tui.screens.card import CardScreen
from advisor_tui.tui.screens.consent_panel import ConsentEventDialog, ConsentPanelScreen
from advisor_tui.tui.screens.log_contact import LogContactScreen
from tests.tui.helpers import settle, wait_until

NOW = datetime(2026, 11, 23, 9, 30, tzinfo=UTC)


def _schmidt(engine: Engine, *, history: bool = False) -> int:
    with new_session(engine) as session:
        person = add_person(session, PersonData("Anna", "Schmidt"))
        assert person.id is not None
        add_address(session, person.id, "mobile", "0171 1234567")
        add_address(session, person.id, "email", "anna.schmidt@example.de")
        if history:
            at = datetime(2025, 4, 2, 10, tzinfo=UTC)
            consent.record_event(
                session, person.id, kind="granted", channel="phone", method="form",
                purpose="Angebote zu Versicherungen", wording="Ja, rufen Sie mich an.",
                evidence="Ordner 2025/17", recorded_by="Berater", occurred_at=at,
            )  # fmt: skip
            consent.record_event(
                session, person.id, kind="granted", channel="email", method="double_opt_in",
                purpose="Newsletter", evidence="DOI 4711", recorded_by="Berater",
                occurred_at=datetime(2025, 6, 1, 9, tzinfo=UTC),
            )  # fmt: skip
            consent.record_event(
                session, person.id, kind="revoked", channel="email", method="email",
                recorded_by="Berater", occurred_at=datetime(2026, 2, 3, 9, tzinfo=UTC),
            )  # fmt: skip
            verdict = consent.check_contact(session, person.id, "phone", "advertising")
            consent.log_use(session, person.id, verdict, at=datetime(2026, 5, 6, 11, tzinfo=UTC))
        session.commit()
        return person.id


def _app(engine: Engine) -> AdvisorApp:
    return AdvisorApp(engine=engine, settings=Settings(lang="de"), clock=lambda: NOW)


async def _to_card(pilot, app: AdvisorApp) -> CardScreen:  # noqa: ANN001
    await settle(pilot)
    await pilot.press(*"schmidt")
    await pilot.press("enter")
    card = await wait_until(
        pilot,
        lambda: app.screen if isinstance(app.screen, CardScreen) and app.screen.data else None,
    )
    assert card is not None
    return card


async def _to_panel(pilot, app: AdvisorApp) -> ConsentPanelScreen:  # noqa: ANN001
    await _to_card(pilot, app)
    await pilot.press("i")
    panel = await wait_until(
        pilot,
        lambda: (
            app.screen
            if isinstance(app.screen, ConsentPanelScreen) and app.screen.overview
            else None
        ),
    )
    assert panel is not None
    return panel


async def test_record_a_phone_consent_from_the_card(engine: Engine) -> None:
    person_id = _schmidt(engine)
    app = _app(engine)
    async with app.run_test(size=(120, 40)) as pilot:
        panel = await _to_panel(pilot, app)
        assert "Noch nichts erfasst" in str(panel.query_one("#consent-ledger", Static).render())
        await pilot.press("e")
        await wait_until(pilot, lambda: isinstance(app.screen, ConsentEventDialog))
        # Kind "erteilt" and the channel under the cursor (phone) are preset: say what for.
        await pilot.press("tab", "tab", "tab", *"Angebote", "ctrl+s")
        await wait_until(
            pilot,
            lambda: "Angebote" in str(panel.query_one("#consent-ledger", Static).render()),
        )
        await pilot.press("escape")
        card = await wait_until(
            pilot, lambda: app.screen if isinstance(app.screen, CardScreen) else None
        )
        assert card is not None
        await wait_until(
            pilot, lambda: "Telefon ✓" in str(card.query_one("#card-facts", Static).render())
        )
    with new_session(engine) as session:
        (event,) = session.exec(select(ConsentEvent)).all()
        assert (event.person_id, event.kind, event.channel, event.purpose) == (
            person_id, "granted", "phone", "Angebote",
        )  # fmt: skip


async def test_advertising_call_to_a_consumer_without_consent_warns(engine: Engine) -> None:
    _schmidt(engine)
    app = _app(engine)
    async with app.run_test(size=(120, 40)) as pilot:
        await _to_card(pilot, app)
        await pilot.press("f2")
        modal = await wait_until(
            pilot, lambda: app.screen if isinstance(app.screen, LogContactScreen) else None
        )
        assert modal is not None
        warning = modal.query_one("#consent-warning", Static)
        assert not warning.display  # service is the default purpose: nothing to warn about
        # Back from the outcome to the purpose (advice tick, address, purpose): advertising.
        await pilot.press("shift+tab", "shift+tab", "shift+tab", "enter", "up", "enter")
        await wait_until(pilot, lambda: warning.display)
        assert "Keine Einwilligung in Werbeanrufe" in str(warning.render())
        await pilot.press("ctrl+s")  # refused: advertising is not allowed here
        await settle(pilot)
        assert isinstance(app.screen, LogContactScreen)
        # As service it goes through, and the purpose is on record.
        await pilot.press("enter", "down", "enter")
        await wait_until(pilot, lambda: not warning.display)
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: isinstance(app.screen, CardScreen))
    with new_session(engine) as session:
        (interaction,) = session.exec(select(Interaction)).all()
        assert interaction.purpose == "service"


@pytest.mark.parametrize("size", [(80, 24), (160, 45)])
def test_consent_panel_snapshot(snap_compare, engine: Engine, size: tuple[int, int]) -> None:  # noqa: ANN001
    _schmidt(engine, history=True)
    app = _app(engine)

    async def run_before(pilot) -> None:  # noqa: ANN001
        await _to_panel(pilot, app)
        await settle(pilot)

    assert snap_compare(app, terminal_size=size, run_before=run_before)
