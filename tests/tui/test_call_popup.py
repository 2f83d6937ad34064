"""The call monitor inside the TUI: a RING pops the caller, one key opens them."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import Engine
from sqlmodel import select

from advisor_tui.config import CallMonitorSettings, Settings
from advisor_tui.domain.incoming import IncomingMessage
from advisor_tui.domain.models import FollowUp, Request
from advisor_tui.services.inbox.intake import record_incoming
from advisor_tui.services.persons.editing import PersonData, add_address, add_person
from advisor_tui.storage.db import new_session
from advisor_tui.tui.app import AdvisorApp
from advisor_tui.tui.screens.card import CardScreen
from advisor_tui.tui.screens.person_form import PersonFormScreen
from tests.io.callmonitor_box import FakeBox
from tests.tui.helpers import settle, wait_until

RING_ANNA = "23.11.26 10:00:00;RING;0;01712345678;4930123456;SIP0;"
RING_UNKNOWN = "23.11.26 10:05:00;RING;1;015199998888;4930123456;SIP0;"
HANG_UP_0 = "23.11.26 10:00:20;DISCONNECT;0;0;"


def _anna(engine: Engine) -> int:
    with new_session(engine) as session:
        person = add_person(session, PersonData(first_name="Anna", last_name="Schmidt"))
        add_address(session, person.id, "mobile", "0171 2345678")
        session.commit()
        return person.id


def _app(engine: Engine, port: int) -> AdvisorApp:
    settings = Settings(lang="de", callmonitor=CallMonitorSettings(True, "127.0.0.1", port))
    return AdvisorApp(engine=engine, settings=settings, database_label="t")


def _messages(app: AdvisorApp) -> str:
    return "\n".join(n.message for n in app._notifications)


async def test_ring_pops_caller_and_missed_call_becomes_callback(engine: Engine) -> None:
    anna = _anna(engine)
    box = FakeBox([[RING_ANNA, HANG_UP_0]])
    port = await box.start()
    app = _app(engine, port)
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await wait_until(pilot, lambda: "Verpasster Anruf" in _messages(app))
            assert "0171 2345678" in _messages(app)
            assert app.last_caller is not None
            assert [c.name for c in app.last_caller.candidates] == ["Anna Schmidt"]
            # The call is over: its pop-up goes instead of covering the screen for 30 s.
            assert "Strg+O" not in _messages(app)
            await pilot.press("ctrl+o")
            await wait_until(pilot, lambda: isinstance(app.screen, CardScreen))
            assert app.screen.person_id == anna
    finally:
        await box.close()
    with new_session(engine) as session:
        followups = session.exec(select(FollowUp).where(FollowUp.person_id == anna)).all()
    assert [f.kind for f in followups] == ["callback"]


async def test_unknown_caller_offers_a_new_customer(engine: Engine) -> None:
    _anna(engine)
    box = FakeBox([[RING_UNKNOWN]])
    port = await box.start()
    app = _app(engine, port)
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await wait_until(pilot, lambda: "Unbekannter Anrufer" in _messages(app))
            await pilot.press("ctrl+o")  # works whatever has the focus
            await wait_until(pilot, lambda: isinstance(app.screen, PersonFormScreen))
            assert "Unbekannter Anrufer" not in _messages(app)  # it would cover the form
            form = app.screen
            assert form.query_one("#address_raw").value == "015199998888"
            await pilot.press(*"Guido")
            await pilot.press("tab", *"Meier", "ctrl+s")
            await wait_until(pilot, lambda: isinstance(app.screen, CardScreen))
            card = app.screen
            await wait_until(pilot, lambda: card.data is not None)
            assert card.data.person.first_name == "Guido"
            assert card.data.addresses[0].address.normalized == "+4915199998888"
    finally:
        await box.close()
    with new_session(engine) as session:
        assert session.exec(select(Request)).all() == []  # still ringing: nothing missed yet


async def test_open_card_shows_a_call_recorded_meanwhile(engine: Engine) -> None:
    anna = _anna(engine)
    box = FakeBox([[RING_ANNA, HANG_UP_0]])
    port = await box.start()
    app = AdvisorApp(engine=engine, settings=Settings(lang="de"), database_label="t")
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot)
            await pilot.press(*"schmidt", "enter")
            card = await wait_until(
                pilot, lambda: app.screen if isinstance(app.screen, CardScreen) else None
            )
            await wait_until(pilot, lambda: card.data is not None)
            assert card.person_id == anna and card.data.followups == []
            app.start_call_monitor("127.0.0.1", port)
            await wait_until(pilot, lambda: card.data is not None and card.data.followups)
            assert [f.kind for f in card.data.followups] == ["callback"]
            assert app.screen is card
    finally:
        await box.close()


# -- the pop-up that knows the context (issue 9, part 7) ----------------------

RING_SHARED = "23.11.26 10:10:00;RING;2;0301234567;4930123456;SIP0;"


async def test_known_caller_pop_up_shows_company_and_promised_callback(engine: Engine) -> None:
    from datetime import timedelta

    with new_session(engine) as session:
        anna = add_person(session, PersonData("Anna", "Schmidt", company="Hansen Logistik GmbH"))
        add_address(session, anna.id, "mobile", "0171 2345678")
        due = datetime.now(UTC) + timedelta(days=2)
        session.add(FollowUp(person_id=anna.id, kind="callback", due_at=due, attempts=2))
        session.add(Request(person_id=anna.id, channel="sms", body="Frage"))
        session.commit()
    box = FakeBox([[RING_ANNA]])
    port = await box.start()
    app = _app(engine, port)
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await wait_until(pilot, lambda: "Anna Schmidt" in _messages(app))
            text = _messages(app)
            assert "Anna Schmidt · Hansen Logistik GmbH" in text
            assert "Rückruf versprochen:" in text and "(2 Anrufe)" in text
            assert "1 offener Eingang" in text
            assert "öffnet die Kundenkarte" in text
    finally:
        await box.close()


async def test_shared_number_ctrl_o_opens_a_chooser(engine: Engine) -> None:
    from advisor_tui.tui.screens.caller_chooser import CallerChooserScreen

    with new_session(engine) as session:
        karl = add_person(session, PersonData("Karl", "Schäfer"))
        erika = add_person(session, PersonData("Erika", "Schäfer"))
        add_address(session, karl.id, "landline", "030 1234567")
        add_address(session, erika.id, "landline", "+49 30 1234567")
        session.commit()
        ids = {karl.id, erika.id}
    box = FakeBox([[RING_SHARED]])
    port = await box.start()
    app = _app(engine, port)
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await wait_until(pilot, lambda: "wählen" in _messages(app))
            assert "Karl Schäfer" in _messages(app) and "Erika Schäfer" in _messages(app)
            await pilot.press("ctrl+o")
            await wait_until(pilot, lambda: isinstance(app.screen, CallerChooserScreen))
            assert app.last_caller is not None
            second = app.last_caller.candidates[1].person_id
            await pilot.press("down", "enter")
            await wait_until(pilot, lambda: isinstance(app.screen, CardScreen))
            assert app.screen.person_id == second and second in ids
            await pilot.press("ctrl+o")
            await wait_until(pilot, lambda: isinstance(app.screen, CallerChooserScreen))
            await pilot.press("escape")
            await wait_until(pilot, lambda: not isinstance(app.screen, CallerChooserScreen))
            assert isinstance(app.screen, CardScreen) and app.screen.person_id == second
    finally:
        await box.close()


async def test_unknown_caller_shows_earlier_sms_and_new_customer_gets_it(engine: Engine) -> None:
    with new_session(engine) as session:
        record_incoming(
            session,
            IncomingMessage(
                "sms", "015199998888", "bitte verkaufen Sie meine Fondsanteile", datetime.now(UTC)
            ),
        )
        session.commit()
    box = FakeBox([[RING_UNKNOWN]])
    port = await box.start()
    app = _app(engine, port)
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await wait_until(pilot, lambda: "Unbekannter Anrufer" in _messages(app))
            assert "per SMS: „bitte verkaufen Sie meine Fondsanteile“" in _messages(app)
            assert "legt einen Kunden an" in _messages(app)
            await pilot.press("ctrl+o")
            await wait_until(pilot, lambda: isinstance(app.screen, PersonFormScreen))
            await pilot.press(*"Guido")
            await pilot.press("tab", *"Meier", "ctrl+s")
            await wait_until(pilot, lambda: isinstance(app.screen, CardScreen))
            person_id = app.screen.person_id
            await wait_until(pilot, lambda: "1 früherer Eingang zugeordnet" in _messages(app))
    finally:
        await box.close()
    with new_session(engine) as session:
        (request,) = session.exec(select(Request)).all()
    assert request.person_id == person_id and request.match == "manual"
