"""The command palette: everything reachable by name (Ctrl+P)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import partial

from textual.app import App, SystemCommand
from textual.command import CommandPalette, DiscoveryHit, Hit, Hits, Provider
from textual.screen import Screen

from advisor_tui.i18n import t, tn


class AdvisorCommands(Provider):
    """Application commands and customers by name (help and quit are system commands)."""

    def _commands(self) -> list[tuple[str, str]]:
        return [
            (t("cmd.search"), "focus_search"),
            (t("cmd.customers"), "focus_search"),
            (t("dupes.cmd"), "duplicates"),
            (t("attention.cmd"), "attention"),
            (t("campaign.cmd"), "campaigns"),
            (t("inbox.cmd"), "inbox"),
        ]

    def _callbacks(self) -> list[tuple[str, Callable[[], object]]]:
        commands: list[tuple[str, Callable[[], object]]] = [
            (name, partial(self.app.run_action, action)) for name, action in self._commands()
        ]
        weeks = STALE_WEEKS
        commands.append((tn("touch.cmd", weeks), partial(show_stale, self.app, weeks)))
        return commands

    async def discover(self) -> Hits:
        for name, callback in self._callbacks():
            yield DiscoveryHit(name, callback)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, callback in self._callbacks():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), callback)
        if len(query.strip()) >= 3:
            for person_id, name in await self._people(query):
                label = t("cmd.open_person", name=name)
                yield Hit(0.5, label, partial(self.app.open_card, person_id))  # type: ignore[attr-defined]

    async def _people(self, query: str) -> list[tuple[int, str]]:
        from advisor_tui.services.persons.listing import search
        from advisor_tui.storage.db import new_session

        def lookup() -> list[tuple[int, str]]:
            with new_session(self.app.engine) as session:  # type: ignore[attr-defined]
                return [(row.id, row.name) for row in search(session, query, limit=8)]

        import asyncio

        return await asyncio.to_thread(lookup)


STALE_WEEKS = 8  # the palette's "Nicht kontaktiert seit 8 Wochen"


def show_stale(app: App[object], weeks: int) -> None:
    """Back to the customer list, filled with the persons not contacted for `weeks` weeks."""
    from advisor_tui.tui.screens.customers import CustomersScreen

    while len(app.screen_stack) > 2 and not isinstance(app.screen, CustomersScreen):
        app.pop_screen()
    if isinstance(app.screen, CustomersScreen):
        app.screen.show_stale(weeks)


def system_commands(app: App[object], screen: Screen[object]) -> Iterable[SystemCommand]:
    """Textual's system commands, in the current language, each once.

    Replaces `App.get_system_commands` (English, and a second "Quit" beside
    ours). Textual's key panel ("Keys") is left out: the help screen lists
    the keys in the user's language.
    """
    yield SystemCommand(t("cmd.help"), t("cmd.help.about"), partial(app.run_action, "help"))
    yield SystemCommand(t("cmd.quit"), t("cmd.quit.about"), app.action_quit)
    yield SystemCommand(t("cmd.theme"), t("cmd.theme.about"), partial(open_theme_palette, app))
    if screen.maximized is not None:
        yield SystemCommand(t("cmd.minimize"), t("cmd.minimize.about"), screen.action_minimize)
    elif screen.focused is not None and screen.focused.allow_maximize:
        yield SystemCommand(t("cmd.maximize"), t("cmd.maximize.about"), screen.action_maximize)


def open_theme_palette(app: App[object]) -> None:
    from textual.theme import ThemeProvider

    app.push_screen(CommandPalette(providers=[ThemeProvider], placeholder=t("palette.themes")))


class PaletteInLanguage:
    """Mixin for the App: palette placeholder and system commands in the user's language."""

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        return system_commands(self, screen)  # type: ignore[arg-type]

    def action_command_palette(self) -> None:
        app: App[object] = self  # type: ignore[assignment]
        if app.use_command_palette and not CommandPalette.is_open(app):
            app.push_screen(CommandPalette(id="--command-palette", placeholder=t("palette.search")))
