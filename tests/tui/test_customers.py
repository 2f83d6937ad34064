"""TUI pilot tests: search narrows the list, Enter opens the card."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Engine

from advisor_tui.config import Settings
from advisor_tui.storage.db import open_engine
from advisor_tui.tui.app import AdvisorApp
from advisor_tui.tui.screens.card import CardScreen
from advisor_tui.tui.screens.customers import CustomersScreen
from advisor_tui.tui.widgets.person_list import PersonList
from tests.tui.helpers import settle, wait_until

DEMO_PERSONS = 300


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from advisor_tui.demo.generate import generate_demo

    path = tmp_path_factory.mktemp("tui") / "demo.sqlite3"
    engine = open_engine(f"sqlite:///{path}")
    generate_demo(engine, persons=DEMO_PERSONS, seed=1)
    engine.dispose()
    return path


@pytest.fixture
def demo_engine(demo_db: Path) -> Engine:
    return open_engine(f"sqlite:///{demo_db}")


def make_app(engine: Engine) -> AdvisorApp:
    return AdvisorApp(engine=engine, settings=Settings(lang="de"), database_label="test.sqlite3")


def _filled_list(app: AdvisorApp) -> PersonList | None:
    """The customer list once its first row is there."""
    screen = app.screen
    if isinstance(screen, CustomersScreen):
        plist = screen.query_one(PersonList)
        if plist.total and plist.row(0) is not None:
            return plist
    return None


async def wait_for_rows(pilot, app: AdvisorApp) -> PersonList:  # noqa: ANN001
    return await wait_until(pilot, lambda: _filled_list(app), message="the list never filled")


async def test_search_narrows_and_enter_opens_card(demo_engine: Engine) -> None:
    app = make_app(demo_engine)
    async with app.run_test(size=(120, 40)) as pilot:
        plist = await wait_for_rows(pilot, app)
        assert plist.total == DEMO_PERSONS
        await pilot.press(*"schmidt")
        await wait_until(pilot, lambda: 0 < plist.total < DEMO_PERSONS)
        assert 0 < plist.total < DEMO_PERSONS
        first = plist.row(0)
        assert first is not None and "Schmidt" in first.name
        await pilot.press("enter")
        await wait_until(
            pilot, lambda: isinstance(app.screen, CardScreen) and app.screen.data is not None
        )
        card = app.screen
        assert isinstance(card, CardScreen)
        assert card.person_id == first.id
        assert card.data is not None and card.data.addresses
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, CustomersScreen)


async def test_escape_clears_search_and_shows_everyone(demo_engine: Engine) -> None:
    app = make_app(demo_engine)
    async with app.run_test(size=(120, 40)) as pilot:
        plist = await wait_for_rows(pilot, app)
        await pilot.press(*"zzzzqqq")
        await wait_until(pilot, lambda: plist.total == 0)
        assert plist.total == 0
        empty = app.screen.query_one("#empty")
        assert empty.display
        await pilot.press("escape")
        await wait_until(pilot, lambda: plist.total == DEMO_PERSONS)
        assert plist.total == DEMO_PERSONS


async def test_empty_database_explains_what_to_do(engine: Engine) -> None:
    app = make_app(engine)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_until(pilot, lambda: app.screen.query_one("#empty").display)
        text = str(app.screen.query_one("#empty").render())
        assert "advisor import" in text


async def test_help_screen_opens_and_closes(engine: Engine) -> None:
    from advisor_tui.tui.screens.help import HelpScreen

    app = make_app(engine)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.screen.query_one(PersonList).focus()
        await pilot.press("question_mark")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, CustomersScreen)


async def test_new_person_from_the_list(engine: Engine) -> None:
    from advisor_tui.tui.screens.person_form import PersonFormScreen

    app = make_app(engine)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+n")
        await settle(pilot)
        assert isinstance(app.screen, PersonFormScreen)
        await pilot.press(*"Erika", "tab", *"Mustermann")
        await pilot.press("ctrl+s")
        await wait_until(
            pilot, lambda: isinstance(app.screen, CardScreen) and app.screen.data is not None
        )
        assert app.screen.data.person.last_name == "Mustermann"


async def test_english_interface(engine: Engine) -> None:
    from advisor_tui.i18n import set_language

    set_language("en")
    app = make_app(engine)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert "Search" in app.screen.query_one("#search").placeholder
        assert "No customers yet" in str(app.screen.query_one("#empty").render())


async def test_list_shows_a_person_added_meanwhile_when_coming_back(engine: Engine) -> None:
    from advisor_tui.services.persons.editing import PersonData, add_person
    from advisor_tui.storage.db import new_session

    with new_session(engine) as session:
        add_person(session, PersonData(first_name="Anna", last_name="Schmidt"))
        session.commit()
    app = make_app(engine)
    async with app.run_test(size=(120, 40)) as pilot:
        plist = await wait_for_rows(pilot, app)
        assert plist.total == 1
        await pilot.press("ctrl+n")
        await settle(pilot)
        await pilot.press(*"Bernd", "tab", *"Becker", "ctrl+s")
        await wait_until(
            pilot, lambda: isinstance(app.screen, CardScreen) and app.screen.data is not None
        )
        await pilot.press("escape")
        await wait_until(pilot, lambda: plist.total == 2)
        assert plist.total == 2
        assert "2 von 2" in str(app.screen.query_one("#status").render())
