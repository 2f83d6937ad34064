"""A campaign of five stepped through with outcomes, paused, resumed after a restart."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from textual.widgets import Select, Static

from advisor_tui.config import Settings
from advisor_tui.services.campaigns.building import create_campaign
from advisor_tui.services.campaigns.criteria import Criteria
from advisor_tui.services.campaigns.stepping import summary
from advisor_tui.services.consent.ledger import record_event
from advisor_tui.services.persons.editing import PersonData, add_address, add_person
from advisor_tui.storage.db import new_session, open_engine
from advisor_tui.tui.app import AdvisorApp
from advisor_tui.tui.screens.campaign import CampaignCallScreen, CampaignScreen
from advisor_tui.tui.screens.campaigns import CampaignsScreen
from tests.tui.helpers import settle, wait_until

NOW = datetime(2026, 11, 23, 9, 30, tzinfo=UTC)
NAMES = ("Anna Adler", "Bernd Brandt", "Clara Claus", "Dieter Dorn", "Eva Engel")


def _seed(path: Path) -> int:
    engine = open_engine(f"sqlite:///{path}")
    with new_session(engine) as session:
        for i, full in enumerate(NAMES):
            first, last = full.split()
            person = add_person(
                session, PersonData(first, last, company="Adler GmbH" if i == 0 else "")
            )
            assert person.id is not None
            add_address(session, person.id, "mobile", f"0171 55500{i:02d}")
            if i != 1:  # Bernd never agreed to advertising calls
                record_event(
                    session,
                    person.id,
                    kind="granted",
                    channel="phone",
                    purpose="advertising",
                    occurred_at=NOW - timedelta(days=30),
                )
        campaign = create_campaign(session, "Check Altersvorsorge", Criteria(), NOW)
        session.commit()
        assert campaign.id is not None
        campaign_id = campaign.id
    engine.dispose()
    return campaign_id


def _app(path: Path) -> AdvisorApp:
    return AdvisorApp(
        engine=open_engine(f"sqlite:///{path}"),
        settings=Settings(lang="de"),
        database_label="campaign.sqlite3",
        clock=lambda: NOW,
    )


def _step_name(app: AdvisorApp) -> str | None:
    screen = app.screen
    if isinstance(screen, CampaignScreen) and screen.step is not None and not screen._busy:
        return screen.step.name
    return None


async def _open_campaign(pilot) -> None:  # noqa: ANN001
    await settle(pilot)
    await pilot.press("f8")
    await wait_until(pilot, lambda: isinstance(pilot.app.screen, CampaignsScreen)
                     and pilot.app.screen.found)  # fmt: skip
    await pilot.press("enter")
    await wait_until(pilot, lambda: _step_name(pilot.app))
    pilot.app.clear_notifications()
    await settle(pilot)


async def _call(pilot, outcome: str, *, without_consent: bool = False) -> None:  # noqa: ANN001
    app = pilot.app
    await pilot.press("f2")
    await wait_until(pilot, lambda: isinstance(app.screen, CampaignCallScreen))
    assert app.screen.query_one("#purpose", Select).value == "advertising"
    app.screen.query_one("#outcome", Select).value = outcome
    if without_consent:
        # The modal refuses an advertising call without consent: the advisor calls on
        # service instead, and that purpose is what gets recorded.
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, CampaignCallScreen)
        assert "Einwilligung" in str(app.screen.query_one("#form-error", Static).render())
        app.screen.query_one("#purpose", Select).value = "service"
    await pilot.press("ctrl+s")
    await wait_until(pilot, lambda: isinstance(app.screen, CampaignScreen) and not app.screen._busy)


def _progress(app: AdvisorApp) -> str:
    return str(app.screen.query_one("#campaign-progress", Static).render())


async def test_five_persons_outcomes_pause_and_resume(tmp_path: Path) -> None:
    path = tmp_path / "campaign.sqlite3"
    campaign_id = _seed(path)
    app = _app(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await _open_campaign(pilot)
        assert _step_name(app) == "Anna Adler" and "1 von 5" in _progress(app)
        await _call(pilot, "reached")
        await wait_until(pilot, lambda: _step_name(app) == "Bernd Brandt")
        body = str(app.screen.query_one("#campaign-person", Static).render())
        assert "⚠" in body  # no consent to advertising: said before the call
        await _call(pilot, "no_answer", without_consent=True)  # back later
        await wait_until(pilot, lambda: _step_name(app) == "Clara Claus")
        assert "2 von 5" in _progress(app)
        await pilot.press("s")  # skipped
        await wait_until(pilot, lambda: _step_name(app) == "Dieter Dorn")
        assert "3 von 5" in _progress(app)
        await pilot.press("escape")  # pause
        await wait_until(pilot, lambda: isinstance(app.screen, CampaignsScreen))
    with new_session(open_engine(f"sqlite:///{path}")) as session:
        assert summary(session, campaign_id).status == "paused"

    app = _app(path)  # a restart: the campaign resumes at the 4th person
    async with app.run_test(size=(120, 40)) as pilot:
        await _open_campaign(pilot)
        assert _step_name(app) == "Dieter Dorn" and "3 von 5" in _progress(app)
        await _call(pilot, "wrong_number")  # the number fails, Dieter leaves the list
        await wait_until(pilot, lambda: _step_name(app) == "Eva Engel")
        await _call(pilot, "reached")
        await wait_until(pilot, lambda: _step_name(app) == "Bernd Brandt")  # back again
        await pilot.press("v")  # a service call straight away
        await wait_until(pilot, lambda: isinstance(app.screen, CampaignCallScreen))
        assert app.screen.query_one("#purpose", Select).value == "service"
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: "abgeschlossen" in _progress(app))
        body = str(app.screen.query_one("#campaign-person", Static).render())
        assert "erledigt: 3" in body and "gestrichen: 1" in body and "übersprungen: 1" in body
    with new_session(open_engine(f"sqlite:///{path}")) as session:
        result = summary(session, campaign_id)
    assert result.status == "done"
    assert result.states == {"done": 3, "dropped": 1, "skipped": 1}


@pytest.mark.parametrize("size", [(80, 24), (160, 45)], ids=["80x24", "160x45"])
def test_campaign_step_at(snap_compare, tmp_path: Path, size: tuple[int, int]) -> None:  # noqa: ANN001
    path = tmp_path / "campaign.sqlite3"
    _seed(path)
    assert snap_compare(_app(path), terminal_size=size, run_before=_open_campaign)
