"""SVG snapshots of the screens (review changes with `pytest --snapshot-update`)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from advisor_tui.config import Settings
from advisor_tui.storage.db import open_engine
from advisor_tui.tui.app import AdvisorApp
from advisor_tui.tui.screens.customers import CustomersScreen
from advisor_tui.tui.widgets.person_list import PersonList

# Pinned so scores, ages and due dates in the pictures never drift with the calendar.
NOW = datetime(2026, 11, 23, 9, 30, tzinfo=UTC)


@pytest.fixture(scope="module")
def snapshot_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from advisor_tui.demo.generate import generate_demo

    path = tmp_path_factory.mktemp("snap") / "demo.sqlite3"
    engine = open_engine(f"sqlite:///{path}")
    generate_demo(engine, persons=120, seed=7, now=NOW)
    engine.dispose()
    return path


def _app(path: Path) -> AdvisorApp:
    return AdvisorApp(
        engine=open_engine(f"sqlite:///{path}"),
        settings=Settings(lang="de"),
        database_label="demo.sqlite3",
        demo=True,
        clock=lambda: NOW,
    )


async def _until_rows(pilot) -> None:  # noqa: ANN001
    for _ in range(300):
        await pilot.pause(0.05)
        screen = pilot.app.screen
        if isinstance(screen, CustomersScreen):
            plist = screen.query_one(PersonList)
            if plist.total and plist.row(0) is not None:
                break
    await pilot.pause(0.1)


def test_customers_screen(snap_compare, snapshot_db: Path) -> None:  # noqa: ANN001
    assert snap_compare(_app(snapshot_db), terminal_size=(120, 36), run_before=_until_rows)


def test_customer_card(snap_compare, snapshot_db: Path) -> None:  # noqa: ANN001
    async def open_first_card(pilot) -> None:  # noqa: ANN001
        await _until_rows(pilot)
        await pilot.press("enter")
        for _ in range(300):
            await pilot.pause(0.05)
            data = getattr(pilot.app.screen, "data", None)
            if data is not None:
                break
        await pilot.pause(0.1)

    assert snap_compare(_app(snapshot_db), terminal_size=(120, 36), run_before=open_first_card)
