"""The `?` help screen."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from advisor_tui.i18n import t


class HelpScreen(ModalScreen[None]):
    BINDINGS = [
        Binding("escape", "dismiss", t("key.back"), id="help.close"),
        Binding("question_mark", "dismiss", t("key.back"), show=False),
    ]

    def __init__(self, database: str) -> None:
        super().__init__()
        self._database = database

    def compose(self) -> ComposeResult:
        with Vertical(id="help-box"):
            yield Static(t("help.title"), id="help-title")
            yield Static(t("help.body", database=self._database), id="help-body")
            yield Static(t("help.close"), id="help-hint")
