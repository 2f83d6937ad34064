"""The customer card: ranked addresses with reasons, evidence keys change the ranking."""

from __future__ import annotations

from sqlalchemy import Engine
from sqlmodel import select

from advisor_tui.config import Settings
from advisor_tui.domain.models import Address, AuditEntry
from advisor_tui.services.persons.editing import PersonData, add_address, add_person
from advisor_tui.storage.db import new_session
from advisor_tui.tui.app import AdvisorApp
from advisor_tui.tui.screens.card import CardScreen
from advisor_tui.tui.screens.confirm import ConfirmScreen
from advisor_tui.tui.screens.failure import FailureKindScreen
from tests.tui.helpers import settle, wait_until


def _anna(engine: Engine) -> int:
    with new_session(engine) as session:
        person = add_person(session, PersonData(first_name="Anna", last_name="Schmidt"))
        add_address(session, person.id, "mobile", "0171 2345678")
        add_address(session, person.id, "email", "anna.schmidt@firma.de", scope="business")
        add_address(session, person.id, "landline", "12345")
        session.commit()
        return person.id


async def _open_card(engine: Engine, pilot, app: AdvisorApp, person_id: int) -> CardScreen:  # noqa: ANN001
    await settle(pilot)
    app.open_card(person_id)
    return await _loaded(pilot, app)


def _loaded_card(app: AdvisorApp, previous: object = None) -> CardScreen | None:
    card = app.screen
    if isinstance(card, CardScreen) and card.data is not None and card.data is not previous:
        return card
    return None


async def _loaded(pilot, app: AdvisorApp, previous=None) -> CardScreen:  # noqa: ANN001
    return await wait_until(pilot, lambda: _loaded_card(app, previous), message="card never loaded")


def _values(card: CardScreen) -> list[str]:
    assert card.data is not None
    return [r.address.raw for r in card.data.addresses]


async def test_marking_the_top_address_failed_drops_it(engine: Engine) -> None:
    person_id = _anna(engine)
    app = AdvisorApp(engine=engine, settings=Settings(lang="de"))
    async with app.run_test(size=(120, 40)) as pilot:
        card = await _open_card(engine, pilot, app, person_id)
        assert _values(card)[0] == "0171 2345678"
        assert card.data.addresses[0].is_hottest
        reasons = str(card.query_one("#reasons").render())
        assert "Mobil" in reasons or "mobil" in reasons
        # the invalid number is shown marked, last
        table_text = card.query_one("#addresses").get_row_at(2)
        assert "ungültig" in str(table_text[-1])
        before = card.data
        await pilot.press("x")
        await wait_until(pilot, lambda: isinstance(app.screen, FailureKindScreen))
        await pilot.press("enter")  # the first choice for a phone: wrong number
        card = await _loaded(pilot, app, before)
        assert _values(card)[0] == "anna.schmidt@firma.de"
        assert _values(card).index("0171 2345678") > 0
        rows = card.query_one("#addresses")
        assert "anna.schmidt@firma.de" in str(rows.get_row_at(0)[-1])
    with new_session(engine) as session:
        mobile = session.exec(select(Address).where(Address.raw == "0171 2345678")).one()
        assert mobile.failure_kind == "wrong_number"
        actions = [a.action for a in session.exec(select(AuditEntry)).all()]
        assert any("fail" in a for a in actions)


async def test_delete_asks_first_and_no_keeps_the_address(engine: Engine) -> None:
    person_id = _anna(engine)
    app = AdvisorApp(engine=engine, settings=Settings(lang="de"))
    async with app.run_test(size=(120, 40)) as pilot:
        card = await _open_card(engine, pilot, app, person_id)
        await pilot.press("d")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await settle(pilot)
        assert len(_values(card)) == 3
        before = card.data
        await pilot.press("d")
        await settle(pilot)
        await pilot.press("j")
        card = await _loaded(pilot, app, before)
        assert len(_values(card)) == 2
        assert "0171 2345678" not in _values(card)


async def test_add_address_keeps_invalid_input_marked(engine: Engine) -> None:
    person_id = _anna(engine)
    app = AdvisorApp(engine=engine, settings=Settings(lang="de"))
    async with app.run_test(size=(120, 40)) as pilot:
        card = await _open_card(engine, pilot, app, person_id)
        before = card.data
        await pilot.press("a")
        await settle(pilot)
        await pilot.press(*"0171 99", "enter")
        card = await _loaded(pilot, app, before)
        added = [r for r in card.data.addresses if r.address.raw == "0171 99"]
        assert added and not added[0].address.valid


async def test_slash_on_the_card_goes_back_to_search(engine: Engine) -> None:
    from textual.widgets import Input

    from advisor_tui.tui.screens.customers import CustomersScreen

    person_id = _anna(engine)
    app = AdvisorApp(engine=engine, settings=Settings(lang="de"))
    async with app.run_test(size=(120, 40)) as pilot:
        await _open_card(engine, pilot, app, person_id)
        await pilot.press("slash")
        await settle(pilot)
        assert isinstance(app.screen, CustomersScreen)
        assert isinstance(app.focused, Input)


async def test_a_stale_card_does_not_overwrite_a_newer_change(engine: Engine) -> None:
    from advisor_tui.services.persons.evidence import confirm_address

    person_id = _anna(engine)
    app = AdvisorApp(engine=engine, settings=Settings(lang="de"))
    async with app.run_test(size=(120, 40)) as pilot:
        card = await _open_card(engine, pilot, app, person_id)
        top = card.data.addresses[0].address
        with new_session(engine) as session:  # someone else confirms it meanwhile
            confirm_address(session, top.id)
            session.commit()
        await pilot.press("d")
        await settle(pilot)
        await pilot.press("j")
        await wait_until(pilot, lambda: any(n.severity == "error" for n in app._notifications))
        assert any(n.severity == "error" for n in app._notifications)
    with new_session(engine) as session:
        assert session.get(Address, top.id) is not None


async def test_edit_address_normalizes_the_new_text(engine: Engine) -> None:
    person_id = _anna(engine)
    app = AdvisorApp(engine=engine, settings=Settings(lang="de"))
    async with app.run_test(size=(120, 40)) as pilot:
        card = await _open_card(engine, pilot, app, person_id)
        before = card.data
        await pilot.press("e")
        await settle(pilot)
        raw = app.screen.query_one("#raw")
        raw.value = "0049 160 7654321"
        await pilot.press("ctrl+s")
        card = await _loaded(pilot, app, before)
        normalized = [r.address.normalized for r in card.data.addresses]
        assert "+491607654321" in normalized
        assert "+491712345678" not in normalized


async def test_the_card_is_reused_and_never_shows_the_previous_person(engine: Engine) -> None:
    """One card screen for every person (Ctrl+O speed): the next person, cursor on top."""
    anna_id = _anna(engine)
    with new_session(engine) as session:
        bernd = add_person(session, PersonData(first_name="Bernd", last_name="Becker"))
        add_address(session, bernd.id, "mobile", "0160 9876543")
        add_address(session, bernd.id, "email", "bernd@becker.de")
        session.commit()
        bernd_id = bernd.id
    app = AdvisorApp(engine=engine, settings=Settings(lang="de"))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press(*"schmidt", "enter")
        first = await _loaded(pilot, app)
        assert first.person_id == anna_id
        await pilot.press("down")
        assert first.query_one("#addresses").cursor_row == 1  # type: ignore[attr-defined]
        anna_data = first.data
        await pilot.press("escape", "escape")
        await settle(pilot)
        await pilot.press(*"becker")
        await settle(pilot)
        seen: list[int] = []
        app.screen_change_signal.subscribe(
            app, lambda screen: seen.append(screen.data.person.id)  # type: ignore[attr-defined]
            if isinstance(screen, CardScreen) and screen.data is not None else None
        )  # fmt: skip
        await pilot.press("enter")
        second = await wait_until(
            pilot,
            lambda: isinstance(app.screen, CardScreen) and app.screen.person_id == bernd_id,
        )
        assert second
        assert app.screen is first  # the same screen, not built again
        assert seen == [bernd_id]  # the moment it was shown, it held Bernd already
        assert first.data is not None and first.data.person.id == bernd_id
        assert first.query_one("#addresses").cursor_row == 0  # type: ignore[attr-defined]
        assert "Becker" in str(first.query_one("#card-head").render())
        # A reload for Anna still under way when Bernd came does not bring her back.
        assert anna_data is not None
        first._show(anna_data)
        assert first.data.person.id == bernd_id


async def test_the_reused_card_takes_a_theme_changed_while_it_was_hidden(engine: Engine) -> None:
    """Shown again, the card skips restyling (speed) unless the theme or size changed."""
    anna_id = _anna(engine)
    app = AdvisorApp(engine=engine, settings=Settings(lang="de"))
    async with app.run_test(size=(120, 40)) as pilot:
        card = await _open_card(engine, pilot, app, anna_id)
        dark = card.styles.background
        await pilot.press("escape")
        await settle(pilot)
        app.theme = "textual-light"
        await settle(pilot)
        app.open_card(anna_id)
        await settle(pilot)
        assert app.screen is card
        assert card.styles.background != dark
        assert card.styles.background == app.screen_stack[0].styles.background


async def test_a_person_deleted_meanwhile_gives_one_sentence_not_the_previous_card(
    engine: Engine,
) -> None:
    """The reused card never shows the previous person when the next cannot be read."""
    from advisor_tui.services.persons.removal import delete_person
    from advisor_tui.tui.screens.customers import CustomersScreen

    anna_id = _anna(engine)
    with new_session(engine) as session:
        gone = add_person(session, PersonData(first_name="Gerd", last_name="Weg")).id
        session.commit()
    app = AdvisorApp(engine=engine, settings=Settings(lang="de"))
    async with app.run_test(size=(120, 40)) as pilot:
        await _open_card(engine, pilot, app, anna_id)
        await pilot.press("escape")
        await settle(pilot)
        with new_session(engine) as session:
            delete_person(session, gone)
            session.commit()
        app.open_card(gone)
        await settle(pilot)
        assert isinstance(app.screen, CustomersScreen)
        assert any(n.severity == "error" for n in app._notifications)
        app.open_card(anna_id)
        card = await _loaded(pilot, app)
        assert card.person_id == anna_id and card.data is not None
