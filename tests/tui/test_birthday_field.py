"""The person form reads birthdays with the one parser and says why one is refused."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import Engine
from textual.widgets import Static

from advisor_tui.config import Settings
from advisor_tui.tui.app import AdvisorApp
from advisor_tui.tui.screens.card import CardScreen
from advisor_tui.tui.screens.person_form import PersonFormScreen
from tests.tui.helpers import settle, wait_until

NOW = datetime(2026, 12, 1, 10, 0, tzinfo=UTC)


def make_app(engine: Engine) -> AdvisorApp:
    return AdvisorApp(
        engine=engine, settings=Settings(lang="de"), database_label="t", clock=lambda: NOW
    )


async def _fill(pilot, app: AdvisorApp, birthday: str) -> None:  # noqa: ANN001
    await settle(pilot)
    await pilot.press("ctrl+n")
    await settle(pilot)
    assert isinstance(app.screen, PersonFormScreen)
    await pilot.press(*"Erika", "tab", *"Mustermann")
    app.screen.query_one("#birthday").value = birthday  # type: ignore[attr-defined]
    await pilot.press("ctrl+s")
    await settle(pilot)


async def test_impossible_day_is_named(engine: Engine) -> None:
    app = make_app(engine)
    async with app.run_test(size=(120, 40)) as pilot:
        await _fill(pilot, app, "31.02.1958")
        assert isinstance(app.screen, PersonFormScreen)
        error = str(app.screen.query_one("#form-error", Static).render())
        assert error == "Den 31.02.1958 gibt es nicht."


async def test_two_digit_year_is_in_the_past(engine: Engine) -> None:
    app = make_app(engine)
    async with app.run_test(size=(120, 40)) as pilot:
        await _fill(pilot, app, "01.03.44")
        await wait_until(
            pilot, lambda: isinstance(app.screen, CardScreen) and app.screen.data is not None
        )
        assert app.screen.data.person.birthday == date(1944, 3, 1)  # type: ignore[attr-defined]
