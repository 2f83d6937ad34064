"""The TUI speaks the language it was started in: footer, help, palette."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import Engine
from textual.dom import DOMNode
from textual.widgets import Footer

import advisor_tui.tui.app  # noqa: F401 - imports every screen and widget
from advisor_tui.config import Settings
from advisor_tui.i18n import CATALOG, language, set_language
from advisor_tui.tui.app import AdvisorApp
from advisor_tui.tui.screens.help import HelpScreen
from tests.tui.helpers import settle


@pytest.fixture(autouse=True)
def _restore_language() -> Iterator[None]:
    before = language()
    yield
    set_language(before)


def _our_node_classes() -> list[type[DOMNode]]:
    found: list[type[DOMNode]] = []
    todo = [DOMNode]
    while todo:
        cls = todo.pop()
        todo.extend(cls.__subclasses__())
        if cls.__module__.startswith("advisor_tui."):
            found.append(cls)
    return found


def test_every_binding_description_is_a_catalog_key() -> None:
    # Descriptions are resolved when drawn; text here would stay in one language.
    from advisor_tui.tui.screens import (  # noqa: F401
        confirm,
        duplicates,
        failure,
        form,
        merge,
    )

    bad = []
    for cls in _our_node_classes():
        for binding in cls.__dict__.get("BINDINGS", []):
            description = getattr(binding, "description", "")
            if description and description not in CATALOG:
                bad.append(f"{cls.__name__}: {description}")
    assert bad == []


def _footer_text(app: AdvisorApp) -> str:
    footer = app.screen.query_one(Footer)
    return " ".join(str(widget.render()) for widget in footer.children)


async def _footer_in(lang: str, engine: Engine) -> str:
    set_language(lang)
    app = AdvisorApp(engine=engine, settings=Settings(lang=lang), database_label="t.sqlite3")
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        return _footer_text(app)


async def test_footer_follows_the_language_in_one_process(engine: Engine) -> None:
    english = await _footer_in("en", engine)
    # The start screen: the search box has the focus, so letter keys type.
    for word in ("Clear", "Help", "Commands"):
        assert word in english
    german = await _footer_in("de", engine)
    for word in ("Leeren", "Hilfe", "Befehle"):
        assert word in german
    assert "Help" not in german and "Hilfe" not in english
    assert "key." not in english + german


async def test_help_lists_the_keys_in_the_language(engine: Engine) -> None:
    set_language("en")
    app = AdvisorApp(engine=engine, settings=Settings(lang="en"), database_label="t.sqlite3")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        keys = str(app.screen.query_one("#help-keys").render())
        assert "Keys on this screen" in keys and "Help" in keys
        assert "Hilfe" not in keys


async def test_palette_commands_in_the_language_and_each_once(engine: Engine) -> None:
    for lang, quit_name in (("en", "Quit advisor"), ("de", "advisor beenden")):
        set_language(lang)
        app = AdvisorApp(engine=engine, settings=Settings(lang=lang), database_label="t.sqlite3")
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            names = [command.title for command in app.get_system_commands(app.screen)]
            assert quit_name in names
            assert "Quit" not in names and "Keys" not in names and "Theme" not in names
            assert len(names) == len(set(names))
