"""AdvisorApp: the screens, the global bindings and the command palette."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine
from textual.app import App
from textual.binding import Binding

from advisor_tui.config import Settings
from advisor_tui.domain.timestamps import utcnow
from advisor_tui.i18n import t
from advisor_tui.tui.commands import AdvisorCommands
from advisor_tui.tui.screens.card import CardScreen
from advisor_tui.tui.screens.customers import CustomersScreen
from advisor_tui.tui.screens.help import HelpScreen


class AdvisorApp(App[int]):
    """The terminal contact manager."""

    CSS_PATH = Path(__file__).with_name("app.tcss")
    TITLE = "advisor"
    COMMANDS = App.COMMANDS | {AdvisorCommands}
    BINDINGS = [
        Binding("q", "quit", t("key.quit"), id="app.quit"),
        Binding("question_mark,f1", "help", t("key.help"), id="app.help"),
        Binding("ctrl+p", "command_palette", t("key.palette"), id="app.palette", show=False),
    ]

    def __init__(
        self,
        *,
        engine: Engine,
        settings: Settings,
        database_label: str = "",
        demo: bool = False,
        clock: Callable[[], datetime] = utcnow,
    ) -> None:
        super().__init__()
        self.engine = engine
        self.settings = settings
        self.database_label = database_label
        self.demo = demo
        # "Now" for scores and due dates; tests and snapshots pin it.
        self.clock = clock
        self.sub_title = t("app.demo_subtitle") if demo else t("app.subtitle")
        if settings.keymap:
            self.set_keymap(settings.keymap)

    def on_mount(self) -> None:
        self.push_screen(CustomersScreen())

    def open_card(self, person_id: int) -> None:
        self.push_screen(CardScreen(person_id))

    def action_help(self) -> None:
        if isinstance(self.screen, HelpScreen):
            self.pop_screen()
        else:
            self.push_screen(HelpScreen(self.database_label))

    def action_focus_search(self) -> None:
        """`/` from anywhere: back to the list and into the search box."""
        while isinstance(self.screen, CardScreen):
            self.pop_screen()
        customers = self.screen
        if isinstance(customers, CustomersScreen):
            customers.action_focus_search()
