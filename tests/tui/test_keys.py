"""The keyboard model, driven from the real start screen without setting focus by hand.

Rule (README "Keys", help screen): on the list, letters and digits type into
the search; global commands are Ctrl/F keys, `/` and `?`; a ringing phone
never changes what the next key does; Ctrl+O opens the caller.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import Engine
from sqlmodel import select
from textual.command import CommandPalette
from textual.widgets import Input

from advisor_tui.config import CallMonitorSettings, Settings
from advisor_tui.domain.models import FollowUp
from advisor_tui.services.persons.editing import PersonData, add_address, add_person
from advisor_tui.storage.db import new_session
from advisor_tui.tui.app import AdvisorApp
from advisor_tui.tui.screens.card import CardScreen
from advisor_tui.tui.screens.confirm import ConfirmScreen
from advisor_tui.tui.screens.customers import CustomersScreen
from advisor_tui.tui.screens.duplicates import DuplicatesScreen
from advisor_tui.tui.screens.help import HelpScreen
from advisor_tui.tui.screens.person_form import PersonFormScreen
from advisor_tui.tui.widgets.person_list import PersonList
from tests.io.callmonitor_box import FakeBox
from tests.tui.helpers import settle, wait_until

RING_ANNA = "23.11.26 10:00:00;RING;0;01712345678;4930123456;SIP0;"
HANG_UP = "23.11.26 10:00:20;DISCONNECT;0;0;"


@pytest.fixture
def people(engine: Engine) -> dict[str, int]:
    ids = {}
    with new_session(engine) as session:
        for first, last, number in (
            ("Bernd", "Becker", "0151 1111111"),
            ("Anna", "Schmidt", "0171 2345678"),
            ("Anton", "Schmitt", "0160 2222222"),
        ):
            person = add_person(session, PersonData(first_name=first, last_name=last))
            add_address(session, person.id, "mobile", number)
            ids[last] = person.id
        session.commit()
    return ids


def make_app(engine: Engine, port: int | None = None) -> AdvisorApp:
    monitor = CallMonitorSettings(port is not None, "127.0.0.1", port or 1012)
    settings = Settings(lang="de", callmonitor=monitor)
    return AdvisorApp(engine=engine, settings=settings, database_label="t")


def search_box(app: AdvisorApp) -> Input:
    return app.screen.query_one("#search", Input)


def messages(app: AdvisorApp) -> str:
    return "\n".join(n.message for n in app._notifications)


def card_of(app: AdvisorApp) -> int | None:
    screen = app.screen
    if isinstance(screen, CardScreen) and screen.data is not None:
        return screen.person_id
    return None


async def test_typing_searches_and_enter_opens_the_match_of_the_text_as_typed(
    engine: Engine, people: dict[str, int]
) -> None:
    app = make_app(engine)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert search_box(app).has_focus
        # No pause between the last letter and Enter: the list still shows Becker first.
        await pilot.press(*"schmidt", "enter")
        assert await wait_until(pilot, lambda: card_of(app)) == people["Schmidt"]


async def test_slash_and_question_mark_are_never_typed(
    engine: Engine, people: dict[str, int]
) -> None:
    app = make_app(engine)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"anna")
        assert search_box(app).value == "anna"
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        assert search_box(app).value == "anna"
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("question_mark")
        assert isinstance(app.screen, CustomersScreen)
        # From a card, `/` goes back to the search box.
        await pilot.press("enter")
        await wait_until(pilot, lambda: card_of(app))
        await pilot.press("slash")
        assert isinstance(app.screen, CustomersScreen)
        assert search_box(app).has_focus
        assert "/" not in search_box(app).value


async def test_letters_on_the_list_go_to_the_search(engine: Engine, people: dict[str, int]) -> None:
    app = make_app(engine)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        plist = app.screen.query_one(PersonList)
        await pilot.press("down", "down")  # moves the list; the search box keeps the focus
        assert plist.cursor == 2
        assert search_box(app).has_focus
        await pilot.click(PersonList)  # a click gives the list the focus ...
        await pilot.press(*"becker")  # ... and typing goes to the search anyway
        assert search_box(app).value == "becker"
        assert search_box(app).has_focus
        await pilot.press("escape")
        assert search_box(app).value == ""


async def test_global_keys_from_the_start_screen(engine: Engine, people: dict[str, int]) -> None:
    app = make_app(engine)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+n")
        assert isinstance(app.screen, PersonFormScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, CustomersScreen)
        await pilot.press("f6")
        await settle(pilot)
        assert isinstance(app.screen, DuplicatesScreen)
        await pilot.press("escape")
        await pilot.press("ctrl+p")
        assert isinstance(app.screen, CommandPalette)
        await pilot.press("escape")
        assert isinstance(app.screen, CustomersScreen)
        # Nothing typed, no call, no form: Ctrl+Q quits at once.
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert app.return_code == 0


async def test_a_ring_changes_nothing_but_the_caller(
    engine: Engine, people: dict[str, int]
) -> None:
    box = FakeBox([[RING_ANNA]])
    port = await box.start()
    app = make_app(engine, port)
    try:
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(pilot)
            await pilot.press(*"be")
            await wait_until(pilot, lambda: "Anna Schmidt" in messages(app))
            assert "Strg+O" in messages(app)
            # The next letters still type, `q` included: nothing quits, no form opens.
            await pilot.press(*"qn")
            assert search_box(app).value == "beqn"
            assert search_box(app).has_focus
            assert isinstance(app.screen, CustomersScreen)
            # While the call is on, Ctrl+Q asks first.
            await pilot.press("ctrl+q")
            assert isinstance(app.screen, ConfirmScreen)
            await pilot.press("n")
            assert isinstance(app.screen, CustomersScreen)
            await pilot.press("ctrl+o")
            assert await wait_until(pilot, lambda: card_of(app)) == people["Schmidt"]
    finally:
        await box.close()


async def test_quit_asks_when_a_form_holds_typed_input(
    engine: Engine, people: dict[str, int]
) -> None:
    app = make_app(engine)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+n", *"Erika")
        await pilot.press("ctrl+q")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        assert isinstance(app.screen, PersonFormScreen)


@pytest.fixture
def short_waits(monkeypatch: pytest.MonkeyPatch) -> None:
    """A locked database is reported after a second, not after half a minute."""
    import advisor_tui.storage.db as db
    import advisor_tui.storage.retry as retry

    monkeypatch.setattr(db, "BUSY_TIMEOUT_MS", 200)
    monkeypatch.setattr(retry, "ATTEMPTS", 2)
    monkeypatch.setattr(retry, "FIRST_PAUSE_S", 0.05)


async def test_locked_database_never_ends_the_app_and_no_call_is_lost(
    db_path: Path, short_waits: None
) -> None:
    from advisor_tui.storage.db import open_engine

    engine = open_engine(f"sqlite:///{db_path}")
    with new_session(engine) as session:
        anna = add_person(session, PersonData(first_name="Anna", last_name="Schmidt"))
        add_address(session, anna.id, "mobile", "0171 2345678")
        session.commit()
    box = FakeBox([[RING_ANNA, HANG_UP]])
    port = await box.start()
    app = make_app(engine)
    blocker = sqlite3.connect(db_path, timeout=0)
    try:
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(pilot)
            await pilot.press("enter")
            await wait_until(pilot, lambda: card_of(app))
            blocker.execute("BEGIN EXCLUSIVE")
            await pilot.press("c")  # confirm the address: the write meets the lock
            await wait_until(pilot, lambda: "gesperrt" in messages(app), timeout=10)
            assert app.is_running
            # The missed call arrives while the lock is held: it waits, it is not lost.
            app.start_call_monitor("127.0.0.1", port)
            await wait_until(pilot, lambda: len(app.pending_calls) > 0, timeout=10)
            assert "wartet aufs Speichern" in messages(app)
            blocker.rollback()
            await wait_until(pilot, lambda: len(app.pending_calls) == 0, timeout=15)
            await wait_until(pilot, lambda: "Verpasster Anruf" in messages(app), timeout=5)
            assert app.is_running
    finally:
        blocker.close()
        await box.close()
    with new_session(engine) as session:
        callbacks = session.exec(select(FollowUp).where(FollowUp.person_id == anna.id)).all()
    assert len(callbacks) == 1
    engine.dispose()


def test_every_binding_has_an_id_for_the_keymap() -> None:
    import importlib
    import pkgutil

    from textual.binding import Binding
    from textual.dom import DOMNode

    import advisor_tui.tui as tui

    missing = []
    for info in pkgutil.walk_packages(tui.__path__, "advisor_tui.tui."):
        module = importlib.import_module(info.name)
        for value in vars(module).values():
            if isinstance(value, type) and issubclass(value, DOMNode):
                if value.__module__ != module.__name__:
                    continue
                for binding in value.__dict__.get("BINDINGS", []):
                    if isinstance(binding, Binding) and not binding.id:
                        missing.append(f"{value.__name__}: {binding.key}")
    assert missing == []


def test_key_names_follow_the_keymap_even_when_the_key_is_off(engine: Engine) -> None:
    app = make_app(engine)
    assert app.key_label("app.open_caller") == "Strg+O"  # no caller yet: the key is off
    assert app.key_label("app.agenda") == "F3"
    remapped = AdvisorApp(
        engine=engine,
        settings=Settings(lang="de", keymap={"app.open_caller": "f9"}),
        database_label="t",
    )
    assert remapped.key_label("app.open_caller") == "F9"


async def test_enter_before_the_first_list_arrives_opens_its_first_row(
    engine: Engine, people: dict[str, int]
) -> None:
    app = make_app(engine)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter")  # at once, before the list has loaded
        assert await wait_until(pilot, lambda: card_of(app)) == people["Becker"]
