"""The inbox in the TUI: F4 from the list, a request opened, a suggestion confirmed."""

from __future__ import annotations

import shutil
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine

from advisor_tui.config import Settings
from advisor_tui.domain.incoming import IncomingMessage
from advisor_tui.services.inbox.intake import record_incoming
from advisor_tui.services.persons.editing import PersonData, add_address, add_person
from advisor_tui.storage.db import new_session, open_engine
from advisor_tui.tui.app import AdvisorApp
from advisor_tui.tui.screens.card import CardScreen
from advisor_tui.tui.screens.inbox import InboxScreen
from advisor_tui.tui.screens.request_view import RequestScreen
from tests.tui.helpers import settle, wait_until

NOW = datetime(2026, 11, 30, 10, 0, tzinfo=UTC)
GUIDO = "Hallo Herr Balschuweit, bitte verkaufen Sie meine Investments. Gruß Guido"


def _app(engine: Engine) -> AdvisorApp:
    return AdvisorApp(engine=engine, settings=Settings(lang="de"), clock=lambda: NOW)


async def _until(pilot: Any, check: Any) -> Any:
    return await wait_until(pilot, check, message="never got there")


async def test_confirm_a_suggestion_and_the_address_ranks_on_the_card(engine: Engine) -> None:
    with new_session(engine) as session:
        guido = add_person(session, PersonData(first_name="Guido", last_name="Meier"))
        assert guido.id is not None
        add_address(session, guido.id, "email", "guido.meier@web.de")
        add_person(session, PersonData(first_name="Anna", last_name="Schmidt"))
        at = NOW - timedelta(minutes=20)
        record_incoming(session, IncomingMessage("sms", "0157 74839201", GUIDO, at), now=at)
        session.commit()
    app = _app(engine)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("f4")
        inbox = await _until(
            pilot, lambda: isinstance(app.screen, InboxScreen) and app.screen.rows and app.screen
        )
        assert inbox.rows[0].state == "suggested" and inbox.sub_title == "1 neuer Eingang"
        await pilot.press("enter")
        view = await _until(
            pilot,
            lambda: isinstance(app.screen, RequestScreen) and app.screen.detail and app.screen,
        )
        assert view.detail.request.status == "open"  # opened: no longer new
        assert [c.reason for c in view.detail.candidates] == ["Gruß Guido"]
        await pilot.press("c")
        await _until(pilot, lambda: view.detail.request.person_id == guido.id)
        await pilot.press("o")
        card = await _until(
            pilot, lambda: isinstance(app.screen, CardScreen) and app.screen.data and app.screen
        )
        hottest = card.data.addresses[0]
        assert hottest.address.normalized == "+4915774839201"
        assert hottest.address.source == "request"
        assert [r.address.source for r in card.data.addresses] == ["request", ""]


# -- snapshots on the demo data -------------------------------------------------------------

SNAP_NOW = datetime(2026, 11, 23, 9, 30, tzinfo=UTC)


@pytest.fixture(scope="module")
def inbox_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from advisor_tui.demo.generate import generate_demo

    path = tmp_path_factory.mktemp("inbox") / "demo.sqlite3"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("TZ", "Europe/Berlin")
        time.tzset()
        engine = open_engine(f"sqlite:///{path}")
        generate_demo(engine, persons=120, seed=7, now=SNAP_NOW)
        engine.dispose()
    time.tzset()
    return path


def _demo_app(path: Path, tmp_path: Path) -> AdvisorApp:
    # A copy each: opening a request marks it seen, which must not leak into another picture.
    copy = tmp_path / "inbox.sqlite3"
    shutil.copyfile(path, copy)
    return AdvisorApp(
        engine=open_engine(f"sqlite:///{copy}"),
        settings=Settings(lang="de"),
        database_label="demo.sqlite3",
        demo=True,
        clock=lambda: SNAP_NOW,
    )


async def _until_inbox(pilot: Any) -> None:
    await settle(pilot)
    await pilot.press("f4")
    await wait_until(
        pilot, lambda: isinstance(pilot.app.screen, InboxScreen) and pilot.app.screen.rows
    )
    pilot.app.clear_notifications()
    await settle(pilot)


async def _until_request(pilot: Any) -> None:
    await _until_inbox(pilot)
    await pilot.press("enter")  # the first row: Guido's SMS, a suggestion
    await wait_until(
        pilot, lambda: isinstance(pilot.app.screen, RequestScreen) and pilot.app.screen.detail
    )
    await settle(pilot)


@pytest.mark.parametrize("size", [(80, 24), (160, 45)], ids=["80x24", "160x45"])
def test_inbox_at(snap_compare, inbox_db: Path, tmp_path: Path, size: tuple[int, int]) -> None:  # noqa: ANN001
    app = _demo_app(inbox_db, tmp_path)
    assert snap_compare(app, terminal_size=size, run_before=_until_inbox)


@pytest.mark.parametrize("size", [(80, 24), (160, 45)], ids=["80x24", "160x45"])
def test_request_at(snap_compare, inbox_db: Path, tmp_path: Path, size: tuple[int, int]) -> None:  # noqa: ANN001
    app = _demo_app(inbox_db, tmp_path)
    assert snap_compare(app, terminal_size=size, run_before=_until_request)
