"""The agenda screen: F3 from the start screen, done (d), snooze (z), Enter opens the card."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import Engine
from sqlmodel import select
from textual.widgets import DataTable, Input, OptionList, Static

from advisor_tui.config import Settings
from advisor_tui.domain.models import FollowUp
from advisor_tui.services.calls.recording import log_answered_call, record_missed_call
from advisor_tui.services.persons.editing import PersonData, add_address, add_person
from advisor_tui.storage.db import new_session
from advisor_tui.tui.app import AdvisorApp
from advisor_tui.tui.screens.agenda import AgendaScreen
from advisor_tui.tui.screens.agenda_dialogs import DoneNoteScreen, SnoozeScreen
from advisor_tui.tui.screens.card import CardScreen
from tests.tui.helpers import settle, wait_until

BERLIN = ZoneInfo("Europe/Berlin")
# Tuesday 1 December 2026, 10:00 in Berlin.
NOW = datetime(2026, 12, 1, 10, 0, tzinfo=BERLIN)


def _seed(engine: Engine) -> dict[str, int]:
    with new_session(engine) as session:
        anna = add_person(session, PersonData("Anna", "Müller"))
        add_address(session, anna.id, "mobile", "0171 2345678")
        bernd = add_person(session, PersonData("Bernd", "Wagner"))
        add_address(session, bernd.id, "landline", "030 1234567")
        # Anna's missed calls: Sunday (due Monday 10:00) and this morning: one callback, 2 calls.
        record_missed_call(session, "0171 2345678", NOW - timedelta(days=2), conn_id=1)
        record_missed_call(session, "0171 2345678", NOW - timedelta(hours=2), conn_id=2)
        session.add(
            FollowUp(person_id=bernd.id, due_at=NOW + timedelta(hours=3), note="Angebot senden")
        )
        session.add(
            FollowUp(
                person_id=bernd.id,
                kind="complaint_deadline",
                due_at=NOW + timedelta(days=20),
                note="Beschwerde beantworten",
            )
        )
        session.commit()
        return {"anna": anna.id, "bernd": bernd.id}


def _app(engine: Engine) -> AdvisorApp:
    return AdvisorApp(engine=engine, settings=Settings(lang="de"), clock=lambda: NOW)


def _notes(app: AdvisorApp) -> str:
    return "\n".join(str(n.message) for n in app._notifications)


async def _agenda(pilot) -> AgendaScreen:  # noqa: ANN001
    await settle(pilot)
    await pilot.press("f3")
    screen = await wait_until(
        pilot,
        lambda: (
            pilot.app.screen
            if isinstance(pilot.app.screen, AgendaScreen) and pilot.app.screen.agenda
            else None
        ),
    )
    return screen


def _open(engine: Engine) -> list[FollowUp]:
    with new_session(engine) as session:
        query = select(FollowUp).where(FollowUp.done_at == None)  # noqa: E711
        return list(session.exec(query).all())


async def test_f3_shows_sections_and_startup_counts(engine: Engine) -> None:
    people = _seed(engine)
    app = _app(engine)
    async with app.run_test(size=(160, 45)) as pilot:
        screen = await _agenda(pilot)
        assert "1 Wiedervorlage überfällig, 1 heute fällig" in _notes(app)
        agenda = screen.agenda
        assert agenda is not None
        [callback] = agenda.overdue
        assert callback.person_id == people["anna"] and callback.attempts == 2
        assert [i.reason for i in agenda.today] == ["Angebot senden"]
        assert [i.reason for i in agenda.upcoming] == ["Beschwerde beantworten"]
        # The cursor starts on the first follow-up, not on a section's title.
        assert screen.selected_person_id() == people["anna"]
        table = screen.query_one(DataTable)
        cells = [str(c) for c in table.get_row_at(table.cursor_row)]
        assert "Rückruf" in cells and "2 Anrufe" in cells and "0171 2345678" in cells
        # Down skips the "Heute" title: Bernd's follow-up.
        await pilot.press("down")
        assert screen.selected_person_id() == people["bernd"]


async def test_done_with_a_note_round_trip(engine: Engine) -> None:
    people = _seed(engine)
    app = _app(engine)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _agenda(pilot)
        await pilot.press("d")
        await wait_until(pilot, lambda: isinstance(app.screen, DoneNoteScreen))
        await pilot.press(*"zurueckgerufen")
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, AgendaScreen))
        await wait_until(pilot, lambda: screen.agenda is not None and not screen.agenda.overdue)
        assert [f.person_id for f in _open(engine)] == [people["bernd"]] * 2
        with new_session(engine) as session:
            done = session.exec(select(FollowUp).where(FollowUp.done_at != None)).one()  # noqa: E711
            assert done.resolution == "done" and done.resolution_note == "zurueckgerufen"
        assert "Erledigt: Anna Müller" in _notes(app)
        # Esc in the dialog changes nothing.
        await pilot.press("d")
        await wait_until(pilot, lambda: isinstance(app.screen, DoneNoteScreen))
        await pilot.press("escape")
        await settle(pilot)
        assert len(_open(engine)) == 2


async def test_snooze_until_tomorrow_hides_it(engine: Engine) -> None:
    _seed(engine)
    app = _app(engine)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _agenda(pilot)
        await pilot.press("z")
        dialog = await wait_until(
            pilot, lambda: app.screen if isinstance(app.screen, SnoozeScreen) else None
        )
        assert dialog.query_one(OptionList).has_focus
        # The dialog names what it snoozes, as the done dialog does.
        assert "Rückruf: Anna Müller" in str(dialog.query_one(".dialog-text", Static).render())
        await pilot.press("down", "enter")  # "morgen (02.12. 09:00)"
        await wait_until(pilot, lambda: screen.agenda is not None and not screen.agenda.overdue)
        [snoozed] = [f for f in _open(engine) if f.snoozed_until is not None]
        assert snoozed.snoozed_until == datetime(2026, 12, 2, 9, 0, tzinfo=BERLIN)
        assert snoozed.kind == "callback"
        # A typed date: a bad one is said, a good one snoozes.
        await pilot.press("z")
        dialog = await wait_until(
            pilot, lambda: app.screen if isinstance(app.screen, SnoozeScreen) else None
        )
        await pilot.press("down", "down", "down", "enter")
        await wait_until(pilot, lambda: dialog.query_one(Input).has_focus)
        await pilot.press(*"31.02.", "enter")
        assert "kein Datum" in str(dialog.query_one("#snooze-error", Static).render())
        dialog.query_one(Input).value = ""
        await pilot.press(*"15.12.2026 14:30", "enter")
        await wait_until(pilot, lambda: isinstance(app.screen, AgendaScreen))
        await settle(pilot)
        assert sum(f.snoozed_until is not None for f in _open(engine)) == 2


async def test_enter_opens_the_card_with_every_followup(engine: Engine) -> None:
    people = _seed(engine)
    app = _app(engine)
    async with app.run_test(size=(160, 45)) as pilot:
        await _agenda(pilot)
        await pilot.press("down")
        await pilot.press("enter")
        card = await wait_until(
            pilot,
            lambda: (
                app.screen
                if isinstance(app.screen, CardScreen) and app.screen.data is not None
                else None
            ),
        )
        assert card.person_id == people["bernd"]
        text = str(card.query_one("#followups", Static).render())
        # 20 days out: on the card too (no 14-day cut-off).
        assert "Angebot senden" in text and "Beschwerde beantworten" in text
        await pilot.press("escape")
        assert isinstance(app.screen, AgendaScreen)
        # Anna's card: her callback stands for two calls, overdue first.
        await pilot.press("up", "enter")
        card = await wait_until(
            pilot,
            lambda: (
                app.screen
                if isinstance(app.screen, CardScreen)
                and app.screen.data is not None
                and app.screen.person_id == people["anna"]
                else None
            ),
        )
        text = str(card.query_one("#followups", Static).render())
        assert text.startswith("überfällig") and "(2 Anrufe)" in text


async def test_an_answered_call_closes_the_callback_on_screen(engine: Engine) -> None:
    people = _seed(engine)
    app = _app(engine)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _agenda(pilot)
        assert screen.agenda is not None and screen.agenda.overdue
        with new_session(engine) as session:
            log_answered_call(session, "0171 2345678", NOW - timedelta(minutes=5), 60)
            session.commit()
        app.data_changed(frozenset({people["anna"]}))
        await wait_until(pilot, lambda: screen.agenda is not None and not screen.agenda.overdue)
        with new_session(engine) as session:
            closed = session.exec(select(FollowUp).where(FollowUp.kind == "callback")).one()
            assert closed.resolution == "called_in" and closed.closed_by_interaction_id


async def test_every_column_fits_the_window_whatever_the_reason(engine: Engine) -> None:
    """A long reason is cut, not pushed off: the calls column stays on screen."""
    ids = _seed(engine)
    with new_session(engine) as session:
        long_note = "Unterlagen zur betrieblichen Altersvorsorge anfordern und " * 4
        session.add(
            FollowUp(person_id=ids["bernd"], due_at=NOW + timedelta(days=1), note=long_note)
        )
        for days in range(1, 12):  # "Überfällig (12)": wider than a due time
            session.add(FollowUp(person_id=ids["bernd"], due_at=NOW - timedelta(days=days)))
        session.commit()
    for size in ((120, 35), (150, 40), (160, 45)):
        app = _app(engine)
        async with app.run_test(size=size) as pilot:
            screen = await _agenda(pilot)
            await settle(pilot)
            table = screen.query_one("#agenda-table", DataTable)
            assert table.virtual_size.width <= table.size.width, size
            title = table.get_row_at(0)[0]  # "Überfällig (1)": the due column holds it whole
            assert table.ordered_columns[0].get_render_width(table) - 2 >= title.cell_len
            if size[0] >= 140:
                rows = [str(table.get_row_at(i)) for i in range(table.row_count)]
                assert any("2 Anrufe" in row for row in rows)
