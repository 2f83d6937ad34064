"""The duplicates list and the merge screen: pick fields, keep all addresses, open the kept card."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

from sqlalchemy import Engine
from sqlmodel import select

from advisor_tui.config import Settings
from advisor_tui.domain.models import Address, Person
from advisor_tui.services.persons.editing import PersonData, add_address, add_person, update_person
from advisor_tui.storage.db import new_session, open_engine
from advisor_tui.tui.app import AdvisorApp
from advisor_tui.tui.screens.card import CardScreen
from advisor_tui.tui.screens.confirm import ConfirmScreen
from advisor_tui.tui.screens.duplicates import DuplicatesScreen
from advisor_tui.tui.screens.merge import FIELDS, MergeScreen
from tests.tui.helpers import settle, wait_until

NOW = datetime(2026, 11, 23, 9, 30, tzinfo=UTC)
BIRTHDAY = date(1980, 5, 17)
NOTES = "Ruft lieber abends zurück"


def _two_annas(engine: Engine) -> tuple[int, int]:
    """Two records of one Anna Schmidt sharing a mobile number written differently."""
    with new_session(engine) as session:
        first = add_person(
            session, PersonData(first_name="Anna", last_name="Schmidt", birthday=BIRTHDAY)
        )
        add_address(session, first.id, "mobile", "0171 2345678")
        add_address(session, first.id, "email", "anna.schmidt@example.org")
        second = add_person(
            session, PersonData(first_name="Anna", last_name="Schmidt", notes=NOTES)
        )
        add_address(session, second.id, "mobile", "+49 171 2345678")
        add_address(session, second.id, "landline", "030 1234567")
        session.commit()
        return first.id, second.id


def _app(engine: Engine) -> AdvisorApp:
    return AdvisorApp(engine=engine, settings=Settings(lang="de"), clock=lambda: NOW)


def _merge_loaded(app: AdvisorApp) -> bool:
    return isinstance(app.screen, MergeScreen) and app.screen.sides is not None


async def test_review_pick_fields_merge_and_see_the_kept_card(engine: Engine) -> None:
    first_id, second_id = _two_annas(engine)
    app = _app(engine)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("f6")  # duplicates, from the list screen
        await wait_until(
            pilot, lambda: isinstance(app.screen, DuplicatesScreen) and app.screen.rows
        )
        dupes = app.screen
        assert [(r.first_id, r.second_id) for r in dupes.rows] == [(first_id, second_id)]
        assert "gleiche Nummer +491712345678" in dupes.rows[0].reasons
        await pilot.press("enter")
        await wait_until(pilot, lambda: _merge_loaded(app))
        merge = app.screen
        assert set(merge.choices) == {"birthday", "notes"}
        # the cursor starts on the first differing field: the birthday
        table = merge.query_one("#merge-fields")
        assert FIELDS[table.cursor_row] == "birthday"
        await pilot.press("right")  # the other side's empty birthday ...
        assert merge.choices["birthday"] == 1
        await pilot.press("1")  # ... no: this one's
        await pilot.press("down", "down")
        assert FIELDS[table.cursor_row] == "notes"
        await pilot.press("left", "left")  # this side's (empty) notes
        assert merge.choices["notes"] == 0
        await pilot.press("2")  # the other side's notes
        assert merge.field_choices() == {"birthday": "keep", "notes": "other"}
        await pilot.press("t", "t")  # swapping twice: the first person stays
        assert merge.survivor == 0
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        question = str(app.screen.query_one(".dialog-text").render())
        assert f"#{second_id}" in question and "entfernt" in question
        await pilot.press("j")
        await wait_until(
            pilot, lambda: isinstance(app.screen, CardScreen) and app.screen.data is not None
        )
        assert app.screen.person_id == first_id
        # Esc from the card: back on the (reloaded, now empty) duplicates list
        await pilot.press("escape")
        await wait_until(pilot, lambda: isinstance(app.screen, DuplicatesScreen))
        await wait_until(pilot, lambda: app.screen.rows == [])
        assert app.screen.query_one("#dupes-empty").display
    with new_session(engine) as session:
        persons = session.exec(select(Person)).all()
        assert [p.id for p in persons] == [first_id]
        assert persons[0].birthday == BIRTHDAY and persons[0].notes == NOTES
        raws = sorted(a.raw for a in session.exec(select(Address)).all())
        # the mobile both had is one address now; nothing else is lost
        assert raws == ["0171 2345678", "030 1234567", "anna.schmidt@example.org"]


async def test_escape_on_the_merge_screen_changes_nothing(engine: Engine) -> None:
    first_id, second_id = _two_annas(engine)
    app = _app(engine)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.push_screen(MergeScreen(first_id, second_id))
        await wait_until(pilot, lambda: _merge_loaded(app))
        await pilot.press("2", "ctrl+s")
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        await pilot.press("n")  # no at the question ...
        await wait_until(pilot, lambda: isinstance(app.screen, MergeScreen))
        await pilot.press("escape")  # ... and away
        await wait_until(pilot, lambda: not isinstance(app.screen, MergeScreen))
    with new_session(engine) as session:
        assert len(session.exec(select(Person)).all()) == 2
        assert len(session.exec(select(Address)).all()) == 4


async def test_a_stale_merge_screen_says_so_and_merges_nothing(engine: Engine) -> None:
    first_id, second_id = _two_annas(engine)
    app = _app(engine)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.push_screen(MergeScreen(first_id, second_id))
        await wait_until(pilot, lambda: _merge_loaded(app))
        with new_session(engine) as session:  # someone edits meanwhile
            update_person(session, second_id, tags="VIP")
            session.commit()
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        await pilot.press("j")
        await wait_until(
            pilot, lambda: any("inzwischen" in str(n.message) for n in app._notifications)
        )
        # reloaded: the new difference is there to pick
        await wait_until(pilot, lambda: "tags" in app.screen.choices)
        assert isinstance(app.screen, MergeScreen)
    with new_session(engine) as session:
        assert len(session.exec(select(Person)).all()) == 2


async def test_card_key_m_without_duplicates_says_so(engine: Engine) -> None:
    with new_session(engine) as session:
        alone = add_person(session, PersonData(first_name="Bernd", last_name="Einzeln"))
        session.commit()
        alone_id = alone.id
    app = _app(engine)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.open_card(alone_id)
        await wait_until(pilot, lambda: isinstance(app.screen, CardScreen) and app.screen.data)
        await pilot.press("m")
        await wait_until(
            pilot, lambda: any("keine Dubletten" in str(n.message) for n in app._notifications)
        )
        assert isinstance(app.screen, CardScreen)


async def test_card_key_m_opens_this_persons_duplicates(engine: Engine) -> None:
    first_id, second_id = _two_annas(engine)
    app = _app(engine)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.open_card(second_id)
        await wait_until(pilot, lambda: isinstance(app.screen, CardScreen) and app.screen.data)
        await pilot.press("m")
        await wait_until(pilot, lambda: isinstance(app.screen, DuplicatesScreen))
        await pilot.press("enter")
        await wait_until(pilot, lambda: _merge_loaded(app))
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        await pilot.press("j")
        # the card of the removed person is gone from the stack: the kept one is shown
        await wait_until(
            pilot, lambda: isinstance(app.screen, CardScreen) and app.screen.person_id == first_id
        )
        assert not any(
            isinstance(s, CardScreen) and s.person_id == second_id for s in app.screen_stack
        )


def test_merge_screen_snapshot(snap_compare, tmp_path: Path) -> None:  # noqa: ANN001
    path = tmp_path / "merge.sqlite3"
    engine = open_engine(f"sqlite:///{path}")
    first_id, second_id = _two_annas(engine)
    with new_session(engine) as session:
        update_person(session, first_id, salutation="Frau", tags="Rente")
        update_person(session, second_id, tags="Depot")
        session.commit()

    async def open_merge(pilot) -> None:  # noqa: ANN001
        await settle(pilot)
        pilot.app.push_screen(MergeScreen(first_id, second_id))
        await wait_until(pilot, lambda: _merge_loaded(pilot.app))
        await settle(pilot)

    assert snap_compare(_app(engine), terminal_size=(120, 36), run_before=open_merge)


def test_initial_choice_is_what_the_merge_would_do_by_itself() -> None:
    from advisor_tui.tui.screens.merge import BOTH, initial_choice

    assert initial_choice("birthday", None, BIRTHDAY) == 1  # fill what is missing
    assert initial_choice("first_name", "Anna", "Anne") == 0  # the kept side wins
    assert initial_choice("notes", "a", "b") == BOTH  # notes are joined
    assert initial_choice("tags", "Rente,Depot", "Depot") == 0  # nothing new to join
    assert initial_choice("tags", "Rente", "Depot") == BOTH
