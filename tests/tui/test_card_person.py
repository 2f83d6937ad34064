"""The card's person keys and its reloads, driven by keys from the start screen.

Cursor follows its address across a re-rank; a DataChanged reloads the card;
`p` edits the person; `D`/Delete deletes after asking (or locks under FinVermV §23).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Engine
from sqlmodel import select
from textual.widgets import Input, Select, Static

from advisor_tui.config import Settings
from advisor_tui.domain.models import Address, ConsentEvent, FollowUp, Interaction, Person, Request
from advisor_tui.services.persons.editing import (
    PersonData,
    add_address,
    add_person,
    update_person,
)
from advisor_tui.storage.db import new_session
from advisor_tui.tui.app import AdvisorApp
from advisor_tui.tui.messages import broadcast
from advisor_tui.tui.screens.card import CardScreen
from advisor_tui.tui.screens.confirm import ConfirmScreen
from advisor_tui.tui.screens.customers import CustomersScreen
from advisor_tui.tui.screens.failure import FailureKindScreen
from advisor_tui.tui.screens.person_form import PersonEditScreen
from advisor_tui.tui.widgets.person_list import PersonList
from tests.tui.helpers import wait_until

NOW = datetime(2026, 11, 23, 9, 30, tzinfo=UTC)


def _anna(engine: Engine, *, advice: bool = False) -> int:
    """Anna Schmidt with three addresses, a consent, a request, two contacts, a follow-up."""
    with new_session(engine) as session:
        add_person(session, PersonData(first_name="Bernd", last_name="Becker"))
        person = add_person(session, PersonData(first_name="Anna", last_name="Schmidt"))
        add_address(session, person.id, "mobile", "0171 2345678")
        add_address(session, person.id, "email", "anna.schmidt@firma.de", scope="business")
        add_address(session, person.id, "landline", "030 1234567")
        session.add(
            ConsentEvent(
                person_id=person.id,
                channel="phone",
                occurred_at=NOW - timedelta(100),
                kind="granted",
                method="form",
            )
        )
        request = Request(
            person_id=person.id, match="exact", channel="email", body="Bitte verkaufen",
            kind="order" if advice else "question", received_at=NOW - timedelta(days=30),
        )  # fmt: skip
        session.add(request)
        session.flush()
        session.add_all(
            [
                Interaction(
                    person_id=person.id, kind="call", outcome="reached",
                    occurred_at=NOW - timedelta(days=20),
                ),
                Interaction(
                    person_id=person.id, kind="meeting", is_advice_record=advice,
                    summary="Beratung Altersvorsorge", occurred_at=NOW - timedelta(days=400),
                ),
            ]
        )  # fmt: skip
        session.add(FollowUp(person_id=person.id, due_at=NOW + timedelta(days=3), note="Depot"))
        session.commit()
        return person.id  # type: ignore[return-value]


def _app(engine: Engine) -> AdvisorApp:
    return AdvisorApp(engine=engine, settings=Settings(lang="de"), clock=lambda: NOW)


async def _until(pilot: Any, check: Callable[[], object]) -> Any:
    return await wait_until(pilot, check, message="never got there")


def _card(app: AdvisorApp, previous: object = None) -> CardScreen | None:
    screen = app.screen
    if isinstance(screen, CardScreen) and screen.data is not None and screen.data is not previous:
        return screen
    return None


async def _open_from_list(pilot: Any) -> CardScreen:
    """On the start screen: down to Schmidt (after Becker), Enter opens the card."""
    app = pilot.app
    await _until(pilot, lambda: isinstance(app.screen, CustomersScreen))
    await _until(pilot, lambda: app.screen.query_one(PersonList).total)
    await pilot.press("down", "enter")
    return await _until(pilot, lambda: _card(app))


async def _reloaded(pilot: Any, card: CardScreen) -> CardScreen:
    before = card.data
    return await _until(pilot, lambda: _card(pilot.app, before))


def _selected_raw(card: CardScreen) -> str:
    assert card.selected is not None
    return card.selected.address.raw


async def test_the_cursor_follows_its_address_when_a_failure_reranks(engine: Engine) -> None:
    person_id = _anna(engine)
    app = _app(engine)
    async with app.run_test(size=(120, 40)) as pilot:
        card = await _open_from_list(pilot)
        assert card.person_id == person_id
        assert _selected_raw(card) == "0171 2345678"  # the hottest, first
        before = card.data
        await pilot.press("x")
        await _until(pilot, lambda: isinstance(app.screen, FailureKindScreen))
        await pilot.press("enter")  # wrong number
        card = await _until(pilot, lambda: _card(app, before))
        table = card.query_one("#addresses")
        # The mobile number dropped in the ranking; the cursor went with it.
        assert table.cursor_row > 0
        assert _selected_raw(card) == "0171 2345678"
        # So the next key acts on that number, not on the one now in its old row.
        before = card.data
        await pilot.press("c")
        card = await _until(pilot, lambda: _card(app, before))
        assert _selected_raw(card) == "0171 2345678"
    with new_session(engine) as session:
        mobile = session.exec(select(Address).where(Address.raw == "0171 2345678")).one()
        email = session.exec(select(Address).where(Address.kind == "email")).one()
        assert mobile.confirmed_at is not None
        assert email.confirmed_at is None


async def test_the_card_reloads_when_its_person_changed_elsewhere(engine: Engine) -> None:
    person_id = _anna(engine)
    app = _app(engine)
    async with app.run_test(size=(120, 40)) as pilot:
        card = await _open_from_list(pilot)
        with new_session(engine) as session:  # e.g. a call recorded, a merge, another screen
            update_person(session, person_id, last_name="Schmidt-Weber", tags="Rente")
            session.commit()
        broadcast(app, frozenset({person_id + 100}))  # someone else: nothing to do
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert card.data is not None and card.data.person.last_name == "Schmidt"
        broadcast(app, frozenset({person_id}))
        card = await _reloaded(pilot, card)
        assert card.data is not None and card.data.person.last_name == "Schmidt-Weber"
        head = str(card.query_one("#card-head", Static).render())
        assert "Schmidt-Weber" in head
        facts = str(card.query_one("#card-facts", Static).render())
        assert "Rente" in facts and "Telefon ✓" in facts


async def test_edit_person_changes_name_and_kind(engine: Engine) -> None:
    person_id = _anna(engine)
    app = _app(engine)
    async with app.run_test(size=(120, 40)) as pilot:
        card = await _open_from_list(pilot)
        await pilot.press("p")
        form = await _until(
            pilot, lambda: app.screen if isinstance(app.screen, PersonEditScreen) else None
        )
        first_name = form.query_one("#first_name", Input)
        assert first_name.has_focus and first_name.value == "Anna"
        await pilot.press("end", *["backspace"] * 4, *"Annette")
        # Up to the kind: first name -> title -> salutation -> kind; open it, pick "former".
        await pilot.press("shift+tab", "shift+tab", "shift+tab")
        kind = form.query_one("#kind", Select)
        assert kind.has_focus
        await pilot.press("enter", "down", "down", "enter")
        await pilot.pause()
        assert kind.value == "former"
        before = card.data
        await pilot.press("ctrl+s")
        card = await _until(pilot, lambda: _card(app, before))
        assert card.data is not None
        assert card.data.person.first_name == "Annette"
        assert card.data.person.kind == "former"
        toasts = await _until(
            pilot, lambda: " ".join(str(n.message) for n in app._notifications) or None
        )
        assert "gespeichert" in toasts and "{name}" not in toasts and "Annette" in toasts
    with new_session(engine) as session:
        person = session.get(Person, person_id)
        assert person is not None and (person.first_name, person.kind) == ("Annette", "former")


async def test_a_form_with_typed_input_asks_before_esc_drops_it(engine: Engine) -> None:
    _anna(engine)
    app = _app(engine)
    async with app.run_test(size=(120, 40)) as pilot:
        await _open_from_list(pilot)
        await pilot.press("p")
        await _until(pilot, lambda: isinstance(app.screen, PersonEditScreen))
        form = app.screen
        assert not form.is_dirty
        await pilot.press("escape")  # nothing typed: leaves at once
        await _until(pilot, lambda: isinstance(app.screen, CardScreen))
        await pilot.press("p")
        await _until(pilot, lambda: isinstance(app.screen, PersonEditScreen))
        form = app.screen
        await pilot.press(*"x")
        assert form.is_dirty
        await pilot.press("escape")
        await _until(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        await pilot.press("n")  # keep typing
        await _until(pilot, lambda: app.screen is form)
        await pilot.press("escape")
        await _until(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        await pilot.press("j")  # drop it
        await _until(pilot, lambda: isinstance(app.screen, CardScreen))
    with new_session(engine) as session:
        assert session.exec(select(Person).where(Person.first_name == "Annax")).first() is None


def _dialog_text(app: AdvisorApp) -> str:
    return "\n".join(str(w.render()) for w in app.screen.query(Static))


async def test_delete_asks_with_counts_then_deletes_and_the_list_forgets(engine: Engine) -> None:
    person_id = _anna(engine)
    app = _app(engine)
    async with app.run_test(size=(120, 40)) as pilot:
        await _open_from_list(pilot)
        await pilot.press("D")
        await _until(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        text = _dialog_text(app)
        assert "Anna Schmidt" in text
        assert "3 Adressen, 2 Kontakte, 1 Eingang, 1 Wiedervorlage und 1 Einwilligung." in text
        assert "FinVermV" not in text
        await pilot.press("n")
        await _until(pilot, lambda: isinstance(app.screen, CardScreen))
        with new_session(engine) as session:
            assert session.get(Person, person_id) is not None
        await pilot.press("D")
        await _until(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        await pilot.press("j")
        customers = await _until(
            pilot, lambda: app.screen if isinstance(app.screen, CustomersScreen) else None
        )
        await _until(pilot, lambda: customers.query_one(PersonList).total == 1)
    with new_session(engine) as session:
        assert session.get(Person, person_id) is None
        assert not session.exec(select(Address).where(Address.person_id == person_id)).all()


async def test_a_person_under_retention_is_locked_not_deleted(engine: Engine) -> None:
    person_id = _anna(engine, advice=True)
    app = _app(engine)
    async with app.run_test(size=(120, 40)) as pilot:
        await _open_from_list(pilot)
        await pilot.press("delete")
        await _until(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        text = _dialog_text(app)
        assert "FinVermV §23" in text and "01.01.2037" in text
        await pilot.press("j")
        customers = await _until(
            pilot, lambda: app.screen if isinstance(app.screen, CustomersScreen) else None
        )
        await _until(pilot, lambda: customers.query_one(PersonList).total == 1)
        assert any("gesperrt" in n.message for n in app._notifications)
    with new_session(engine) as session:
        shell = session.get(Person, person_id)
        assert shell is not None and shell.restricted_until is not None
        kept = session.exec(select(Request).where(Request.person_id == person_id)).all()
        assert len(kept) == 1 and kept[0].retain_until == shell.restricted_until
        assert not session.exec(select(Address).where(Address.person_id == person_id)).all()


def test_narrow_columns_keep_the_hottest_whole_and_cut_others_with_an_ellipsis() -> None:
    from advisor_tui.services.persons.ranking import RankedAddress
    from advisor_tui.tui.screens.card import address_cells, address_columns

    long_mail = "zacharias.langname-mustermann@beispiel-unternehmen.de"
    rows = [
        RankedAddress(
            address=Address(person_id=1, kind="email", raw=long_mail),
            score=80, reasons=[], is_hottest=True, is_cold=False, rank=1,
        ),
        RankedAddress(
            address=Address(person_id=1, kind="email", scope="business", raw="a" + long_mail),
            score=40, reasons=[], is_hottest=False, is_cold=False, rank=2,
        ),
    ]  # fmt: skip
    compact, widths = address_columns(46, rows)  # the card's left side at 80 columns
    assert compact and len(widths) == 4  # no scope column, the score as a number
    hottest, other = (address_cells(r, compact, widths[-1])[-1] for r in rows)
    assert hottest.plain == long_mail  # whole: it wraps instead
    assert other.plain.endswith("…") and other.cell_len == widths[-1]
    compact, widths = address_columns(120, rows)
    assert not compact and len(widths) == 5 and widths[-1] >= len(long_mail)
