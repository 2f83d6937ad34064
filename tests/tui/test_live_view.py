"""Live view: a colleague's new customer appears in a running TUI within seconds."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine

from advisor_tui.config import Settings
from advisor_tui.services.persons.editing import PersonData, add_person
from advisor_tui.storage.db import new_session, open_engine
from advisor_tui.tui.app import AdvisorApp
from advisor_tui.tui.screens.customers import CustomersScreen
from advisor_tui.tui.widgets.person_list import PersonList
from tests.conftest import ENGINES
from tests.tui.helpers import wait_until


@pytest.mark.parametrize("db_kind", ENGINES, indirect=True)
async def test_a_colleagues_new_customer_appears(
    engine: Engine, database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    with new_session(engine) as session:
        add_person(session, PersonData("Eva", "Schulz"))
        session.commit()
    app = AdvisorApp(engine=engine, settings=Settings(lang="de"), database_label="t")
    colleague = open_engine(database_url)
    # The colleague writes from this process: on PostgreSQL say it is another one.
    monkeypatch.setattr("advisor_tui.storage.changes.ChangeWatcher._mine", lambda self: "")
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            screen = await wait_until(
                pilot, lambda: isinstance(app.screen, CustomersScreen) and app.screen
            )
            plist = screen.query_one(PersonList)
            await wait_until(pilot, lambda: plist.total == 1)
            with new_session(colleague) as session:
                add_person(session, PersonData("Anna", "Kollegin"))
                session.commit()
            await wait_until(pilot, lambda: plist.total == 2, timeout=8)
    finally:
        colleague.dispose()
