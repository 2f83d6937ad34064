"""A yes/no question before anything is destroyed."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from advisor_tui.i18n import t


class ConfirmScreen(ModalScreen[bool]):
    """Dismisses with True for "yes" (key j/y), False for "no" (n, Esc)."""

    BINDINGS = [
        Binding("j,y", "answer(True)", "confirm.yes", id="confirm.yes"),
        Binding("n,escape", "answer(False)", "confirm.no", id="confirm.no"),
    ]

    def __init__(self, question: str, details: str = "") -> None:
        super().__init__()
        self._question = question
        self._details = details  # what goes with a yes, shown below the question

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self._question, classes="dialog-text", markup=False)
            if self._details:
                yield Static(self._details, classes="dialog-details", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button(t("confirm.yes_button"), id="yes", variant="error")
                yield Button(t("confirm.no_button"), id="no", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)
