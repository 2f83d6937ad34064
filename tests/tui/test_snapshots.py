"""SVG snapshots of the screens (review changes with `pytest --snapshot-update`)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from textual.widgets import Input

from advisor_tui.config import Settings
from advisor_tui.storage.db import open_engine
from advisor_tui.tui.app import AdvisorApp
from advisor_tui.tui.screens.customers import CustomersScreen
from advisor_tui.tui.widgets.person_list import PersonList
from tests.tui.helpers import settle, wait_until

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


def _rows_shown(pilot) -> bool:  # noqa: ANN001
    screen = pilot.app.screen
    if not isinstance(screen, CustomersScreen):
        return False
    plist = screen.query_one(PersonList)
    return bool(plist.total and plist.row(0) is not None)


async def _until_rows(pilot) -> None:  # noqa: ANN001
    await wait_until(pilot, lambda: _rows_shown(pilot))
    # A blinking text cursor would make every picture a coin toss.
    for box in pilot.app.screen.query(Input):
        box.cursor_blink = False
    await settle(pilot)
    # The start-up count of due follow-ups comes and goes with a timer: not in the picture.
    pilot.app.clear_notifications()
    await settle(pilot)


def test_customers_screen(snap_compare, snapshot_db: Path) -> None:  # noqa: ANN001
    assert snap_compare(_app(snapshot_db), terminal_size=(120, 36), run_before=_until_rows)


def test_customer_card(snap_compare, snapshot_db: Path) -> None:  # noqa: ANN001
    async def open_first_card(pilot) -> None:  # noqa: ANN001
        await _until_rows(pilot)
        await pilot.press("enter")
        await wait_until(pilot, lambda: getattr(pilot.app.screen, "data", None) is not None)

    assert snap_compare(_app(snapshot_db), terminal_size=(120, 36), run_before=open_first_card)


# -- the smallest and a large terminal -------------------------------------------------------

SIZES = pytest.mark.parametrize("size", [(80, 24), (160, 45)], ids=["80x24", "160x45"])


async def _until_card(pilot) -> None:  # noqa: ANN001
    await _until_rows(pilot)
    await pilot.press("enter")
    await wait_until(pilot, lambda: getattr(pilot.app.screen, "data", None) is not None)


@pytest.fixture(scope="module")
def merge_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two records of one Anna Schmidt with long texts, for the merge screen."""
    from datetime import date

    from advisor_tui.services.persons.editing import PersonData, add_address, add_person
    from advisor_tui.storage.db import new_session

    path = tmp_path_factory.mktemp("merge") / "merge.sqlite3"
    engine = open_engine(f"sqlite:///{path}")
    with new_session(engine) as session:
        first = add_person(
            session,
            PersonData(
                first_name="Anna",
                last_name="Schmidt",
                salutation="Frau",
                birthday=date(1980, 5, 17),
                company="Schwarzwald Zahnarztpraxis GmbH & Co. KG",
                tags="Rente",
            ),
        )
        add_address(session, first.id, "mobile", "0162 4567890")
        add_address(
            session,
            first.id,
            "email",
            "anna.schmidt.privat@schwarzwald-zahnarztpraxis.de",
            scope="business",
        )
        add_address(session, first.id, "postal", "Am Sportplatz 138, 44892 Bochum")
        second = add_person(
            session,
            PersonData(
                first_name="Anna",
                last_name="Schmidt",
                notes="Ruft lieber abends zurück, nie vor 18 Uhr; Ehemann Klaus ist auch Kunde",
                tags="Depot",
            ),
        )
        add_address(session, second.id, "mobile", "+49 162 4567890")
        add_address(session, second.id, "landline", "030 1234567")
        session.commit()
    engine.dispose()
    return path


async def _until_merge(pilot) -> None:  # noqa: ANN001
    """From the list: F6 lists the duplicate pairs, Enter opens the first one."""
    from advisor_tui.tui.screens.duplicates import DuplicatesScreen
    from advisor_tui.tui.screens.merge import MergeScreen

    await _until_rows(pilot)
    await pilot.press("f6")
    await wait_until(
        pilot, lambda: isinstance(pilot.app.screen, DuplicatesScreen) and pilot.app.screen.rows
    )
    await pilot.press("enter")
    await wait_until(
        pilot,
        lambda: isinstance(pilot.app.screen, MergeScreen) and pilot.app.screen.sides is not None,
    )


@SIZES
def test_customers_screen_at(snap_compare, snapshot_db: Path, size: tuple[int, int]) -> None:  # noqa: ANN001
    assert snap_compare(_app(snapshot_db), terminal_size=size, run_before=_until_rows)


@SIZES
def test_customer_card_at(snap_compare, snapshot_db: Path, size: tuple[int, int]) -> None:  # noqa: ANN001
    assert snap_compare(_app(snapshot_db), terminal_size=size, run_before=_until_card)


@SIZES
def test_merge_screen_at(snap_compare, merge_db: Path, size: tuple[int, int]) -> None:  # noqa: ANN001
    assert snap_compare(_app(merge_db), terminal_size=size, run_before=_until_merge)
