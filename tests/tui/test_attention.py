"""The needs-attention screen: F5, sections in order, a suggestion accepted with a key."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlmodel import select

from advisor_tui.config import Settings
from advisor_tui.domain.models import FlagEvent, FollowUp, Interaction
from advisor_tui.services.complaints.register import add_complaint
from advisor_tui.services.flags import set_flag
from advisor_tui.services.persons.editing import PersonData, add_address, add_person
from advisor_tui.storage.db import new_session, open_engine
from advisor_tui.tui.app import AdvisorApp
from advisor_tui.tui.screens.attention import AttentionScreen, FlagDialog
from tests.tui.helpers import settle, wait_until

NOW = datetime(2026, 11, 23, 9, 30, tzinfo=UTC)


def _seed(path: Path) -> dict[str, int]:
    engine = open_engine(f"sqlite:///{path}")
    ids: dict[str, int] = {}
    with new_session(engine) as session:
        for first, last, number in [
            ("Jürgen", "Schäfer", "0160 9876543"),
            ("Claudia", "Becker", "0176 55512345"),
            ("Angelika", "Brandt", "0162 2279168"),
            ("Birgit", "Meyer", "0170 4041800"),
        ]:
            person = add_person(session, PersonData(first, last))
            assert person.id is not None
            add_address(session, person.id, "mobile", number)
            ids[first] = person.id
        set_flag(session, ids["Jürgen"], "dissatisfied", "Wasserschaden seit März offen",
                 now=NOW - timedelta(days=9))  # fmt: skip
        session.add(FollowUp(person_id=ids["Jürgen"], kind="complaint_deadline",
                             due_at=NOW - timedelta(days=1)))  # fmt: skip
        set_flag(session, ids["Claudia"], "payment", "Kurzarbeit",
                 next_step="PKV-Stundung beantragen", follow_up_at=NOW + timedelta(days=4),
                 now=NOW - timedelta(days=3))  # fmt: skip
        set_flag(session, ids["Angelika"], "super", "Bringt jedes Jahr neue Kunden",
                 now=NOW - timedelta(days=300))  # fmt: skip
        session.add(Interaction(person_id=ids["Angelika"], kind="call",
                                occurred_at=NOW - timedelta(weeks=14)))  # fmt: skip
        add_complaint(session, person_id=ids["Birgit"], reason="Keine Antwort auf Brief",
                      received_at=NOW - timedelta(days=5), channel="letter")  # fmt: skip
        session.commit()
    engine.dispose()
    return ids


def _app(path: Path) -> AdvisorApp:
    return AdvisorApp(
        engine=open_engine(f"sqlite:///{path}"),
        settings=Settings(lang="de"),
        database_label="attention.sqlite3",
        clock=lambda: NOW,
    )


async def _until_attention(pilot) -> None:  # noqa: ANN001
    await settle(pilot)
    await pilot.press("f5")
    await wait_until(
        pilot, lambda: isinstance(pilot.app.screen, AttentionScreen) and pilot.app.screen.result
    )
    pilot.app.clear_notifications()
    await settle(pilot)


async def test_sections_in_order_and_a_suggestion_accepted(tmp_path: Path) -> None:
    path = tmp_path / "attention.sqlite3"
    ids = _seed(path)
    app = _app(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await _until_attention(pilot)
        screen = app.screen
        assert isinstance(screen, AttentionScreen) and screen.result is not None
        assert [(i.section.value, i.name) for i in screen.result.items] == [
            ("dissatisfied", "Jürgen Schäfer"),
            ("payment", "Claudia Becker"),
            ("super", "Angelika Brandt"),
            ("suggested", "Birgit Meyer"),
        ]
        assert screen.selected_person_id() == ids["Jürgen"]
        for _ in range(3):
            await pilot.press("down")
        assert screen.selected_person_id() == ids["Birgit"]
        await pilot.press("a")
        await wait_until(pilot, lambda: isinstance(app.screen, FlagDialog))
        await pilot.press("ctrl+s")
        await settle(pilot)
        await wait_until(
            pilot,
            lambda: (
                isinstance(app.screen, AttentionScreen)
                and app.screen.result is not None
                and [i.name for i in app.screen.result.items[:2]]
                == ["Jürgen Schäfer", "Birgit Meyer"]
            ),
        )
    with new_session(open_engine(f"sqlite:///{path}")) as session:
        event = session.exec(select(FlagEvent).where(FlagEvent.person_id == ids["Birgit"])).one()
    assert (event.flag, event.source, event.reason) == (
        "dissatisfied",
        "suggestion",
        "1 offene Beschwerde",
    )


@pytest.mark.parametrize("size", [(80, 24), (160, 45)], ids=["80x24", "160x45"])
def test_attention_at(snap_compare, tmp_path: Path, size: tuple[int, int]) -> None:  # noqa: ANN001
    path = tmp_path / "attention.sqlite3"
    _seed(path)
    assert snap_compare(_app(path), terminal_size=size, run_before=_until_attention)
