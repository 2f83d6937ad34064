"""The customer list's "Letzter Kontakt" column: there when wide, left out at 80 columns."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Engine

from advisor_tui.domain.models import Interaction
from advisor_tui.i18n.dates import format_date
from advisor_tui.services.persons.editing import PersonData, add_person
from advisor_tui.storage.db import new_session, open_engine
from advisor_tui.tui.app import AdvisorApp
from tests.tui.helpers import settle, wait_until
from tests.tui.test_customers import make_app, wait_for_rows


@pytest.fixture
def small_engine(tmp_path: Path) -> Engine:
    engine = open_engine(f"sqlite:///{tmp_path / 'touch.sqlite3'}")
    with new_session(engine) as session:
        anna = add_person(session, PersonData("Anna", "Bauer"))
        add_person(session, PersonData("Bernd", "Nie"))
        session.add(Interaction(person_id=anna.id, kind="call"))
        session.commit()
    return engine


async def test_list_shows_last_contact_at_160_columns(small_engine: Engine) -> None:
    app = make_app(small_engine)
    async with app.run_test(size=(160, 30)) as pilot:
        plist = await wait_for_rows(pilot, app)
        header = str(app.screen.query_one("#list-header").render())
        assert "Letzter Kontakt" in header
        first = plist.row(0)
        assert first is not None and first.last_contact is not None
        lines = [plist.render_line(y).text for y in range(2)]
        assert format_date(first.last_contact) in lines[0]
        assert lines[1].rstrip().endswith("–")


async def test_list_leaves_last_contact_out_at_80_columns(small_engine: Engine) -> None:
    app = make_app(small_engine)
    async with app.run_test(size=(80, 30)) as pilot:
        await wait_for_rows(pilot, app)
        header = str(app.screen.query_one("#list-header").render())
        assert "Letzter Kontakt" not in header
        assert "Beste Erreichbarkeit" in header


async def test_palette_lists_persons_not_contacted_for_8_weeks(small_engine: Engine) -> None:
    app = make_app(small_engine)
    async with app.run_test(size=(160, 30)) as pilot:
        plist = await wait_for_rows(pilot, app)
        assert plist.total == 2
        await pilot.press("ctrl+p")
        await pilot.press(*"kontaktiert")
        await wait_until(pilot, lambda: _palette_offers(app), message="no palette entry")
        await pilot.press("enter")
        await wait_until(pilot, lambda: plist.total == 1, message="the list never narrowed")
        await settle(pilot)
        row = plist.row(0)
        assert row is not None and row.name == "Nie, Bernd"
        status = str(app.screen.query_one("#status").render())
        assert "Nicht kontaktiert seit 8 Wochen: 1 von 2" in status
        await pilot.press("escape")
        await wait_until(pilot, lambda: plist.total == 2, message="Esc never showed all again")


def _palette_offers(app: AdvisorApp) -> bool:
    from textual.command import CommandList

    try:
        options = app.screen.query_one(CommandList)
    except Exception:
        return False
    return options.option_count > 0
