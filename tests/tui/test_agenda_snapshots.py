"""SVG snapshots of the agenda on the demo data (review with `pytest --snapshot-update`)."""

from __future__ import annotations

import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from advisor_tui.config import Settings
from advisor_tui.storage.db import open_engine
from advisor_tui.tui.app import AdvisorApp
from advisor_tui.tui.screens.agenda import AgendaScreen
from tests.tui.helpers import settle, wait_until

# Pinned so due dates and sections never drift with the calendar.
NOW = datetime(2026, 11, 23, 9, 30, tzinfo=UTC)


@pytest.fixture(scope="module")
def agenda_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from advisor_tui.demo.generate import generate_demo

    path = tmp_path_factory.mktemp("agenda") / "demo.sqlite3"
    # The demo lays its times out in local days: Berlin's, also before the first test's
    # fixtures have set the zone (module fixtures come first).
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("TZ", "Europe/Berlin")
        time.tzset()
        engine = open_engine(f"sqlite:///{path}")
        generate_demo(engine, persons=120, seed=7, now=NOW)
        engine.dispose()
    time.tzset()
    return path


def _app(path: Path) -> AdvisorApp:
    return AdvisorApp(
        engine=open_engine(f"sqlite:///{path}"),
        settings=Settings(lang="de"),
        database_label="demo.sqlite3",
        demo=True,
        clock=lambda: NOW,
    )


async def _until_agenda(pilot) -> None:  # noqa: ANN001
    await settle(pilot)
    await pilot.press("f3")
    await wait_until(
        pilot, lambda: isinstance(pilot.app.screen, AgendaScreen) and pilot.app.screen.agenda
    )
    # The start-up count comes and goes with a timer: not part of the picture.
    pilot.app.clear_notifications()
    await settle(pilot)


@pytest.mark.parametrize("size", [(80, 24), (160, 45)], ids=["80x24", "160x45"])
def test_agenda_at(snap_compare, agenda_db: Path, size: tuple[int, int]) -> None:  # noqa: ANN001
    assert snap_compare(_app(agenda_db), terminal_size=size, run_before=_until_agenda)
