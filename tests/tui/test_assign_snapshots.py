"""SVG snapshots of the assign dialog (review changes with `pytest --snapshot-update`).

On the agenda's demo data (tests/tui/test_agenda_snapshots.py), whose
colleagues Petra Lorenz and Jonas Brandt have some of the follow-ups: that
module's pictures are the agenda with its assignee column (160 columns) and
"→ Jonas" markers (80 columns). The advisor at this desk is "Balschuweit".
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from advisor_tui.tui.screens.assign_dialog import AssignScreen
from tests.tui.helpers import settle, wait_until
from tests.tui.test_agenda_snapshots import _app, _until_agenda
from tests.tui.test_agenda_snapshots import agenda_db as agenda_db  # the fixture, shared

ME = "Balschuweit"


@pytest.fixture(autouse=True)
def _me(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ADVISOR_NAME", ME)


async def _until_dialog(pilot: Any) -> None:
    await _until_agenda(pilot)
    await pilot.press("down", "down", "b")  # the third overdue follow-up: Jonas Brandt has it
    await wait_until(pilot, lambda: isinstance(pilot.app.screen, AssignScreen))
    await settle(pilot)


@pytest.mark.parametrize("size", [(80, 24), (160, 45)], ids=["80x24", "160x45"])
def test_assign_dialog_at(snap_compare, agenda_db: Path, size: tuple[int, int]) -> None:  # noqa: ANN001
    assert snap_compare(_app(agenda_db), terminal_size=size, run_before=_until_dialog)
