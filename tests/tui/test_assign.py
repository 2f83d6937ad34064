"""Handing follow-ups and requests to a colleague from the TUI, and the "mine / all" view.

Keys as a user presses them: F3 agenda / F4 inbox, `b` the assign dialog
(↑/↓, Enter, Esc), `m` mine/all. Anna is the advisor at this desk; Bernd a
colleague who shares the database.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import Engine
from sqlmodel import select
from textual.widgets import DataTable, OptionList, Static

from advisor_tui.config import Settings
from advisor_tui.domain.incoming import IncomingMessage
from advisor_tui.domain.models import FollowUp, Request
from advisor_tui.services.assignment import assign_followup, assign_request, colleagues
from advisor_tui.services.inbox.intake import record_incoming
from advisor_tui.services.persons.editing import PersonData, add_address, add_person
from advisor_tui.storage.authorship import register
from advisor_tui.storage.db import new_session, open_engine
from advisor_tui.tui.app import AdvisorApp
from advisor_tui.tui.screens.agenda import AgendaScreen
from advisor_tui.tui.screens.assign_dialog import AssignScreen
from advisor_tui.tui.screens.inbox import InboxScreen
from advisor_tui.tui.screens.request_view import RequestScreen
from tests.conftest import ENGINES
from tests.tui.helpers import settle, wait_until

NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def _anna(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ADVISOR_NAME", "Anna")


def _seed(engine: Engine) -> dict[str, int]:
    """Guido's overdue callback (nobody's), Eva's (Bernd's), Olaf's (Anna's); a request."""
    ids: dict[str, int] = {}
    with new_session(engine) as session:
        register(session, "Bernd")
        for first, last, hours in (
            ("Guido", "Meier", 3),
            ("Eva", "Schulz", 2),
            ("Olaf", "Kurz", 1),
        ):
            person = add_person(session, PersonData(first, last))
            assert person.id is not None
            ids[first.lower()] = person.id
            followup = FollowUp(
                person_id=person.id, due_at=NOW - timedelta(hours=hours), note=f"{first} anrufen"
            )
            session.add(followup)
            session.flush()
            assert followup.id is not None
            ids[f"f_{first.lower()}"] = followup.id
        add_address(session, ids["guido"], "mobile", "0171 2345678")
        at = NOW - timedelta(minutes=20)
        record_incoming(
            session, IncomingMessage("sms", "0171 2345678", "Bitte Rückruf", at), now=at
        )
        session.commit()
        assign_followup(session, ids["f_eva"], "Bernd")
        assign_followup(session, ids["f_olaf"], "Anna")
        session.commit()
        [request] = session.exec(select(Request)).all()
        assert request.id is not None
        ids["request"] = request.id
    return ids


def _app(engine: Engine) -> AdvisorApp:
    return AdvisorApp(engine=engine, settings=Settings(lang="de"), clock=lambda: NOW)


def _notes(app: AdvisorApp) -> str:
    return "\n".join(str(n.message) for n in app._notifications)


def _followup(engine: Engine, followup_id: int) -> FollowUp:
    with new_session(engine) as session:
        found = session.get(FollowUp, followup_id)
        assert found is not None
        return found


def _request(engine: Engine, request_id: int) -> Request:
    with new_session(engine) as session:
        found = session.get(Request, request_id)
        assert found is not None
        return found


async def _agenda(pilot: Any) -> AgendaScreen:
    await settle(pilot)
    await pilot.press("f3")
    return await wait_until(
        pilot,
        lambda: (
            isinstance(pilot.app.screen, AgendaScreen)
            and pilot.app.screen.agenda
            and pilot.app.screen
        ),
    )


async def _inbox(pilot: Any) -> InboxScreen:
    await settle(pilot)
    await pilot.press("f4")
    return await wait_until(
        pilot,
        lambda: (
            isinstance(pilot.app.screen, InboxScreen) and pilot.app.screen.rows and pilot.app.screen
        ),
    )


async def _dialog(pilot: Any) -> AssignScreen:
    await pilot.press("b")
    return await wait_until(
        pilot, lambda: isinstance(pilot.app.screen, AssignScreen) and pilot.app.screen
    )


def _choices(dialog: AssignScreen) -> list[str]:
    options = dialog.query_one(OptionList)
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


def _highlighted(dialog: AssignScreen) -> str:
    options = dialog.query_one(OptionList)
    assert options.highlighted is not None
    return str(options.get_option_at_index(options.highlighted).prompt)


def _row_text(screen: AgendaScreen | InboxScreen) -> str:
    table = screen.query_one(DataTable)
    return " | ".join(str(cell) for cell in table.get_row_at(table.cursor_row))


async def test_assign_a_followup_to_a_colleague_and_back(engine: Engine) -> None:
    ids = _seed(engine)
    app = _app(engine)
    async with app.run_test(size=(160, 45)) as pilot:
        screen = await _agenda(pilot)
        assert screen.selected_item().followup_id == ids["f_guido"]  # type: ignore[union-attr]
        dialog = await _dialog(pilot)
        # Me first, then the colleagues; the current state (nobody) is highlighted.
        assert _choices(dialog) == [
            "Anna (ich)",
            "Bernd",
            "– nicht zugewiesen –",
            "andere Person …",
        ]
        assert _highlighted(dialog) == "– nicht zugewiesen –"
        await pilot.press("up", "enter")
        await wait_until(pilot, lambda: _followup(engine, ids["f_guido"]).assigned_to == "Bernd")
        await wait_until(pilot, lambda: isinstance(app.screen, AgendaScreen))
        assert "Zugewiesen an Bernd – Wiedervorlage: Guido Meier" in _notes(app)
        # The wide agenda has a column of who has it; the cursor stayed on Guido's.
        await wait_until(pilot, lambda: "Bernd" in _row_text(screen))
        assert "Bearbeiter" in [str(c.label) for c in screen.query_one(DataTable).columns.values()]
        # Back to nobody: the dialog now starts on Bernd.
        dialog = await _dialog(pilot)
        assert _highlighted(dialog) == "Bernd"
        await pilot.press("down", "enter")
        await wait_until(pilot, lambda: _followup(engine, ids["f_guido"]).assigned_to is None)
        assert "Niemandem mehr zugewiesen – Wiedervorlage: Guido Meier" in _notes(app)


async def test_a_new_colleague_by_name_and_esc_changes_nothing(engine: Engine) -> None:
    ids = _seed(engine)
    app = _app(engine)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _agenda(pilot)
        await _dialog(pilot)
        await pilot.press("escape")
        await wait_until(pilot, lambda: isinstance(app.screen, AgendaScreen))
        assert _followup(engine, ids["f_guido"]).assigned_to is None
        await _dialog(pilot)
        await pilot.press("down", "enter")  # "andere Person …": a name field opens
        await pilot.press(*"Carla", "enter")
        await wait_until(pilot, lambda: _followup(engine, ids["f_guido"]).assigned_to == "Carla")
        with new_session(engine) as session:
            assert colleagues(session) == ["Anna", "Bernd", "Carla"]
        # 80 columns: no room for a column; the reason starts with who has it.
        await wait_until(pilot, lambda: "→ Carla" in _row_text(screen))


async def test_mine_hides_a_colleagues_followup_and_is_remembered(engine: Engine) -> None:
    ids = _seed(engine)
    app = _app(engine)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _agenda(pilot)
        shown = [i.followup_id for i in screen.agenda.items]  # type: ignore[union-attr]
        assert shown == [ids["f_guido"], ids["f_eva"], ids["f_olaf"]]
        title = screen.query_one("#agenda-title", Static)
        assert str(title.content) == "Wiedervorlagen – alle"
        await pilot.press("m")
        await wait_until(
            pilot,
            lambda: (
                [i.followup_id for i in screen.agenda.items]  # type: ignore[union-attr]
                == [ids["f_guido"], ids["f_olaf"]]
            ),
        )
        assert str(title.content) == "Wiedervorlagen – meine (Anna und nicht zugewiesen)"
        # Leave and come back: still mine.
        await pilot.press("escape")
        screen = await _agenda(pilot)
        await wait_until(pilot, lambda: len(screen.agenda.items) == 2)  # type: ignore[union-attr]
        assert "meine" in str(screen.query_one("#agenda-title", Static).content)
        await pilot.press("m")
        await wait_until(pilot, lambda: len(screen.agenda.items) == 3)  # type: ignore[union-attr]


async def test_assign_a_request_from_the_inbox(engine: Engine) -> None:
    ids = _seed(engine)
    app = _app(engine)
    async with app.run_test(size=(80, 24)) as pilot:
        inbox = await _inbox(pilot)
        dialog = await _dialog(pilot)
        assert _highlighted(dialog) == "– nicht zugewiesen –"
        await pilot.press("up", "enter")
        await wait_until(pilot, lambda: _request(engine, ids["request"]).assigned_to == "Bernd")
        assert f"Zugewiesen an Bernd – Eingang Nr. {ids['request']}: Guido Meier" in _notes(app)
        await wait_until(pilot, lambda: "→ Bernd" in _row_text(inbox))
        # Mine: Bernd's request leaves the list; the title says so.
        await pilot.press("m")
        await wait_until(pilot, lambda: not inbox.rows)
        assert "meine (Anna" in str(inbox.query_one("#inbox-title", Static).content)
        await pilot.press("m")
        await wait_until(pilot, lambda: len(inbox.rows) == 1)


async def test_assign_a_request_from_the_request_view(engine: Engine) -> None:
    ids = _seed(engine)
    app = _app(engine)
    async with app.run_test(size=(120, 40)) as pilot:
        await _inbox(pilot)
        await pilot.press("enter")
        view = await wait_until(
            pilot,
            lambda: isinstance(app.screen, RequestScreen) and app.screen.detail and app.screen,
        )
        head = view.query_one("#request-head", Static)
        assert "Bearbeiter: niemand (Taste b weist zu)" in str(head.content)
        dialog = await _dialog(pilot)
        assert _choices(dialog)[0] == "Anna (ich)"
        await pilot.press("home", "enter")  # the first choice: me
        await wait_until(pilot, lambda: _request(engine, ids["request"]).assigned_to == "Anna")
        await wait_until(pilot, lambda: "Bearbeiter: Anna" in str(head.content))


async def test_a_stale_assignment_says_who_changed_it(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = _seed(engine)
    app = _app(engine)
    async with app.run_test(size=(120, 40)) as pilot:
        await _agenda(pilot)
        await _dialog(pilot)
        # While Anna chooses, Bernd takes Guido's callback himself.
        monkeypatch.setenv("ADVISOR_NAME", "Bernd")
        with new_session(engine) as session:
            assign_followup(session, ids["f_guido"], "Bernd")
            session.commit()
        monkeypatch.setenv("ADVISOR_NAME", "Anna")
        await pilot.press("home", "enter")  # Anna takes it
        await wait_until(pilot, lambda: "Geändert von Bernd um" in _notes(app))
        assert _followup(engine, ids["f_guido"]).assigned_to == "Bernd"  # nothing overwritten
        assert "Zugewiesen an Anna" not in _notes(app)


@pytest.mark.parametrize("db_kind", ENGINES, indirect=True)
async def test_a_request_a_colleague_takes_leaves_mine_on_the_live_refresh(
    engine: Engine, database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = _seed(engine)
    app = _app(engine)
    colleague = open_engine(database_url)
    # The colleague writes from this process: on PostgreSQL say it is another one.
    monkeypatch.setattr("advisor_tui.storage.changes.ChangeWatcher._mine", lambda self: "")
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            inbox = await _inbox(pilot)
            await pilot.press("m")
            await wait_until(
                pilot, lambda: "meine" in str(inbox.query_one("#inbox-title", Static).content)
            )
            assert [row.id for row in inbox.rows] == [ids["request"]]
            with new_session(colleague) as session:
                assign_request(session, ids["request"], "Bernd")
                session.commit()
            await wait_until(pilot, lambda: not inbox.rows, timeout=8)
    finally:
        colleague.dispose()


async def test_a_followup_a_colleague_takes_leaves_my_agenda_on_the_live_refresh(
    engine: Engine, database_url: str
) -> None:
    ids = _seed(engine)
    app = _app(engine)
    colleague = open_engine(database_url)
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            screen = await _agenda(pilot)
            await pilot.press("m")
            await wait_until(pilot, lambda: len(screen.agenda.items) == 2)  # type: ignore[union-attr]
            with new_session(colleague) as session:
                assign_followup(session, ids["f_guido"], "Bernd")
                session.commit()
            await wait_until(
                pilot,
                lambda: (
                    [i.followup_id for i in screen.agenda.items]  # type: ignore[union-attr]
                    == [ids["f_olaf"]]
                ),
                timeout=8,
            )
    finally:
        colleague.dispose()
