"""What every form dialog shares: Save/Cancel buttons, Enter saves, Esc cancels."""

from __future__ import annotations

from typing import TypeVar

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from advisor_tui.i18n import t

R = TypeVar("R")


class FormScreen(ModalScreen[R | None]):
    """A modal form; subclasses compose their fields and implement `action_save`."""

    BINDINGS = [
        Binding("escape", "cancel", "key.back", id="form.cancel"),
        Binding("ctrl+s", "save", "form.save", id="form.save"),
    ]

    @staticmethod
    def form_footer() -> ComposeResult:
        """The error line and the two buttons, at the end of the form."""
        yield Static("", id="form-error", classes="form-error")
        with Horizontal(classes="dialog-buttons"):
            yield Button(t("form.save"), id="save", variant="primary")
            yield Button(t("form.cancel"), id="cancel")

    def show_error(self, message: str) -> None:
        self.query_one("#form-error", Static).update(message)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            self.action_save()
        elif event.button.id == "cancel":
            self.action_cancel()

    def on_input_submitted(self) -> None:
        self.action_save()

    def action_save(self) -> None:
        raise NotImplementedError

    def action_cancel(self) -> None:
        self.dismiss(None)
