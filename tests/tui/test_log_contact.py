"""F2: log a call from the card, keyboard only, from the real start screen."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import Engine
from sqlmodel import select
from textual.widgets import Input, Select, Static

from advisor_tui.config import Settings
from advisor_tui.domain.models import Address, FollowUp, Interaction
from advisor_tui.domain.timestamps import local
from advisor_tui.services.followups.agenda import Section
from advisor_tui.services.persons.editing import PersonData, add_address, add_person
from advisor_tui.storage.db import new_session
from advisor_tui.tui.app import AdvisorApp
from advisor_tui.tui.screens.agenda import AgendaScreen
from advisor_tui.tui.screens.card import CardScreen
from advisor_tui.tui.screens.confirm import ConfirmScreen
from advisor_tui.tui.screens.log_contact import LogContactScreen
from advisor_tui.tui.widgets.person_list import PersonList
from tests.conftest import monitored_call
from tests.tui.helpers import settle, wait_until

NOW = datetime(2026, 11, 23, 9, 30, tzinfo=UTC)


def _schmidt(engine: Engine) -> tuple[int, int]:
    with new_session(engine) as session:
        person = add_person(session, PersonData("Anna", "Schmidt"))
        assert person.id is not None
        mobile = add_address(session, person.id, "mobile", "0171 1234567")
        add_address(session, person.id, "email", "anna.schmidt@example.de")
        session.commit()
        assert mobile.id is not None
        return person.id, mobile.id


def _app(engine: Engine) -> AdvisorApp:
    return AdvisorApp(engine=engine, settings=Settings(lang="de"), clock=lambda: NOW)


async def _to_modal(pilot, app: AdvisorApp) -> LogContactScreen:  # noqa: ANN001
    await settle(pilot)
    await pilot.press(*"schmidt")
    await pilot.press("enter")
    card = await wait_until(pilot, lambda: isinstance(app.screen, CardScreen) and app.screen.data)
    assert card
    await pilot.press("f2")
    screen = await wait_until(
        pilot, lambda: app.screen if isinstance(app.screen, LogContactScreen) else None
    )
    await settle(pilot)
    assert screen is not None
    return screen


async def test_no_answer_call_back_tomorrow_from_the_card(engine: Engine) -> None:
    person_id, mobile_id = _schmidt(engine)
    app = _app(engine)
    async with app.run_test(size=(120, 40)) as pilot:
        await _to_modal(pilot, app)
        # Outcome has the focus: open it, one down to "nicht erreicht", take it; that
        # proposes the callback tomorrow 9:00. Five keys in all, F2 included.
        await pilot.press("enter", "down", "enter")
        await settle(pilot)
        assert app.screen.query_one("#when", Select).value == "tomorrow"
        await pilot.press("ctrl+s")
        card = await wait_until(
            pilot, lambda: app.screen if isinstance(app.screen, CardScreen) else None
        )
        assert card is not None
        await wait_until(pilot, lambda: "Rückruf" in str(card.query_one("#followups").render()))
        # The agenda (F3) lists the callback under "Demnächst"; F2 there logs the next try.
        await pilot.press("f3")
        agenda = await wait_until(
            pilot,
            lambda: (
                app.screen if isinstance(app.screen, AgendaScreen) and app.screen.agenda else None
            ),
        )
        assert agenda is not None and agenda.agenda is not None
        (item,) = agenda.agenda.section(Section.UPCOMING)
        assert (item.person_id, item.kind) == (person_id, "callback")
        assert agenda.selected_person_id() == person_id
        await pilot.press("f2")
        await wait_until(pilot, lambda: isinstance(app.screen, LogContactScreen))
    with new_session(engine) as session:
        interaction = session.exec(select(Interaction)).one()
        assert (interaction.outcome, interaction.kind, interaction.address_id) == (
            "no_answer",
            "call",
            mobile_id,
        )
        followup = session.exec(select(FollowUp)).one()
        assert followup.kind == "callback" and followup.person_id == person_id
        due = local(followup.due_at)
        assert due.date() == local(NOW).date() + timedelta(days=1) and due.hour == 9
        address = session.get(Address, mobile_id)
        assert address is not None and address.failed_at is None


async def test_reached_closes_the_open_callback(engine: Engine) -> None:
    person_id, mobile_id = _schmidt(engine)
    with new_session(engine) as session:
        session.add(FollowUp(person_id=person_id, kind="callback", due_at=NOW - timedelta(hours=1)))
        session.commit()
    app = _app(engine)
    async with app.run_test(size=(120, 40)) as pilot:
        await _to_modal(pilot, app)
        await pilot.press("ctrl+s")  # "erreicht" is the default; the callback is ticked
        await wait_until(pilot, lambda: isinstance(app.screen, CardScreen))
    with new_session(engine) as session:
        followup = session.exec(select(FollowUp)).one()
        assert followup.resolution == "closed_with_contact" and followup.done_at is not None
        address = session.get(Address, mobile_id)
        assert address is not None and address.last_success_at is not None  # evidence: reached


async def test_f2_on_the_list_logs_with_the_highlighted_person(engine: Engine) -> None:
    _schmidt(engine)
    app = _app(engine)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press(*"schmidt")
        await settle(pilot)
        await pilot.press("f2")
        screen = await wait_until(
            pilot, lambda: app.screen if isinstance(app.screen, LogContactScreen) else None
        )
        assert screen is not None and screen.context.name == "Anna Schmidt"
        # Choosing "reached" again takes back the proposed callback.
        await pilot.press("enter", "down", "enter")
        await settle(pilot)
        await pilot.press("enter", "up", "enter")
        await settle(pilot)
        assert screen.query_one("#when", Select).value == "none"


async def test_esc_with_a_typed_note_asks_first(engine: Engine) -> None:
    _schmidt(engine)
    app = _app(engine)
    async with app.run_test(size=(120, 40)) as pilot:
        await _to_modal(pilot, app)
        await pilot.press("tab", "tab", *"Termin", "escape")
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        await pilot.press("escape")  # no: back to the modal, the note kept
        await wait_until(pilot, lambda: isinstance(app.screen, LogContactScreen))
        await pilot.press("escape")
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmScreen))
    with new_session(engine) as session:
        assert session.exec(select(Interaction)).all() == []


@pytest.mark.parametrize("size", [(80, 24), (160, 45)])
def test_log_contact_snapshot(snap_compare, engine: Engine, size: tuple[int, int]) -> None:  # noqa: ANN001
    _schmidt(engine)
    app = _app(engine)

    async def run_before(pilot) -> None:  # noqa: ANN001
        await _to_modal(pilot, app)
        for box in app.screen.query("Input"):
            box.cursor_blink = False  # type: ignore[attr-defined]
        await settle(pilot)

    assert snap_compare(app, terminal_size=size, run_before=run_before)


async def test_f2_after_a_call_logs_with_the_last_caller(engine: Engine) -> None:
    from advisor_tui.services.calls.recording import identify_caller

    person_id, _ = _schmidt(engine)
    app = _app(engine)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        with new_session(engine) as session:
            app.last_caller = identify_caller(session, "+491711234567")
        await pilot.press(*"zzzz")  # a search that finds nobody: no highlighted person
        await wait_until(pilot, lambda: app.screen.query_one(PersonList).total == 0)
        await pilot.press("f2")
        screen = await wait_until(
            pilot, lambda: app.screen if isinstance(app.screen, LogContactScreen) else None
        )
        assert screen is not None and screen.context.person_id == person_id
        # A meeting has no number and no duration.
        screen.query_one("#channel", Select).value = "in_person"
        await settle(pilot)
        assert not screen.query_one("#address").display
        assert not screen.query_one("#duration-box").display
        assert screen.query_one("#outcome", Select).value == "reached"


@pytest.mark.parametrize(
    ("text", "seconds"), [("", None), ("02:05", 125), ("1:02:03", 3723), ("90", 90)]
)
def test_parse_duration(text: str, seconds: int | None) -> None:
    from advisor_tui.tui.screens.log_contact import parse_duration

    assert parse_duration(text) == seconds


def test_parse_duration_refuses_other_text() -> None:
    from advisor_tui.services.errors import ServiceError
    from advisor_tui.tui.screens.log_contact import parse_duration

    for text in ("lang", "2:5", "²"):
        with pytest.raises(ServiceError):
            parse_duration(text)


async def test_a_person_without_any_number_can_be_logged(engine: Engine) -> None:
    with new_session(engine) as session:
        person = add_person(session, PersonData("Otto", "Ohnetelefon"))
        session.commit()
        person_id = person.id
    app = _app(engine)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press(*"ohnetelefon")
        await settle(pilot)
        await pilot.press("f2")
        screen = await wait_until(
            pilot, lambda: app.screen if isinstance(app.screen, LogContactScreen) else None
        )
        assert screen is not None and not screen.query_one("#address").display
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: not isinstance(app.screen, LogContactScreen))
    with new_session(engine) as session:
        interaction = session.exec(select(Interaction)).one()
        assert (interaction.person_id, interaction.address_id, interaction.number) == (
            person_id,
            None,
            "",
        )


async def test_f2_after_a_monitored_call_completes_it(engine: Engine) -> None:
    """The call monitor recorded an answered call: F2 fills in its facts, saving adds the note."""
    person_id, mobile_id = _schmidt(engine)
    with new_session(engine) as session:
        call_id = monitored_call(
            session, person_id, mobile_id, NOW - timedelta(minutes=4), number="+491711234567"
        )
    app = _app(engine)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _to_modal(pilot, app)
        assert screen.query_one("#direction", Select).value == "in"
        assert screen.query_one("#duration", Input).value == "01:35"
        assert "Anrufmonitor" in str(screen.query_one("#recorded-call", Static).render())
        await pilot.press("tab", "tab", *"Will Sparplan erhoehen")  # outcome, result, note
        assert screen.query_one("#note", Input).value == "Will Sparplan erhoehen"
        await pilot.press("ctrl+s")
        assert await wait_until(pilot, lambda: isinstance(app.screen, CardScreen))
    with new_session(engine) as session:
        calls = session.exec(select(Interaction).where(Interaction.person_id == person_id)).all()
    assert [(c.id, c.summary, c.duration_seconds) for c in calls] == [
        (call_id, "Will Sparplan erhoehen", 95)
    ]


async def test_unanswered_monitored_call_is_no_answer_call_back_tomorrow_with_one_key(
    engine: Engine,
) -> None:
    """Dialled, nobody answered, the monitor saw it: F2 proposes exactly that; Ctrl+S saves."""
    person_id, mobile_id = _schmidt(engine)
    with new_session(engine) as session:
        monitored_call(
            session, person_id, mobile_id, NOW - timedelta(minutes=1), number="+491711234567",
            direction="out", duration=0, outcome="no_answer", conn_id=2,
        )  # fmt: skip
    app = _app(engine)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _to_modal(pilot, app)
        assert screen.query_one("#outcome", Select).value == "no_answer"
        assert screen.query_one("#when", Select).value == "tomorrow"
        await pilot.press("ctrl+s")
        assert await wait_until(pilot, lambda: isinstance(app.screen, CardScreen))
    with new_session(engine) as session:
        calls = session.exec(select(Interaction).where(Interaction.person_id == person_id)).all()
        (followup,) = session.exec(select(FollowUp).where(FollowUp.person_id == person_id)).all()
    assert [c.outcome for c in calls] == ["no_answer"]
    assert followup.kind == "callback"
    assert local(followup.due_at).date() == local(NOW).date() + timedelta(days=1)
