"""The customer list shows every match of a search, and the status says how many."""

from __future__ import annotations

from sqlalchemy import Engine
from textual.widgets import Static

from advisor_tui.config import Settings
from advisor_tui.services.persons.editing import PersonData, add_person
from advisor_tui.storage.db import new_session
from advisor_tui.tui.app import AdvisorApp
from advisor_tui.tui.screens.customers import CustomersScreen
from advisor_tui.tui.widgets.person_list import PersonList
from tests.tui.helpers import wait_until


async def test_more_than_200_matches_are_listed_and_counted(engine: Engine) -> None:
    with new_session(engine) as session:
        for i in range(230):
            add_person(session, PersonData(f"Kunde{i:03d}", "Meier"))
        add_person(session, PersonData("Eva", "Schulz"))
        session.commit()
    app = AdvisorApp(engine=engine, settings=Settings(lang="de"), database_label="t")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await wait_until(
            pilot, lambda: isinstance(app.screen, CustomersScreen) and app.screen
        )
        plist = screen.query_one(PersonList)
        await wait_until(pilot, lambda: plist.total == 231)
        await pilot.press(*"meier")
        await wait_until(pilot, lambda: plist.total == 230, message=f"total {plist.total}")
        status = await wait_until(
            pilot, lambda: str(screen.query_one("#status", Static).render()) or None
        )
        assert status == "230 von 231 Personen"
        # The last match is there when scrolled to.
        plist.focus()
        await pilot.press("end")
        last = await wait_until(pilot, lambda: plist.row(229))
        assert last.name.startswith("Meier, Kunde")
