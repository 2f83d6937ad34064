"""What every form dialog shares: Save/Cancel buttons, Enter saves, Esc cancels.

Esc on a form with unsaved input asks before dropping it (`is_dirty`).
"""

from __future__ import annotations

from datetime import date
from typing import TypeVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.events import Mount
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Select, Static, TextArea

from advisor_tui.domain.dates import MAX_AGE_YEARS, BirthdayError, optional_birthday
from advisor_tui.domain.timestamps import local, utcnow
from advisor_tui.i18n import t

R = TypeVar("R")


class FormScreen(ModalScreen[R | None]):
    """A modal form; subclasses compose their fields and implement `action_save`."""

    BINDINGS = [
        Binding("escape", "cancel", "key.back", id="form.cancel"),
        Binding("ctrl+s", "save", "form.save", id="form.save"),
    ]

    _initial: dict[str, object] | None = None

    def field_values(self) -> dict[str, object]:
        """The current value of every input field of the form, by widget id."""
        values: dict[str, object] = {}
        for number, widget in enumerate(self.query("Input, Select, Checkbox, TextArea")):
            name = widget.id or f"field-{number}"
            if isinstance(widget, TextArea):
                values[name] = widget.text
            elif isinstance(widget, Input | Select | Checkbox):
                values[name] = widget.value
        return values

    @on(Mount)
    def _remember_initial_values(self) -> None:
        # After the first refresh, so that values a subclass sets on mount count as initial.
        self.call_after_refresh(self._take_snapshot)

    def _take_snapshot(self) -> None:
        self._initial = self.field_values()

    @property
    def is_dirty(self) -> bool:
        """True when the user changed a field since the form opened."""
        return self._initial is not None and self.field_values() != self._initial

    @staticmethod
    def form_footer() -> ComposeResult:
        """The error line and the two buttons, at the end of the form."""
        yield Static("", id="form-error", classes="form-error")
        with Horizontal(classes="dialog-buttons"):
            yield Button(t("form.save"), id="save", variant="primary")
            yield Button(t("form.cancel"), id="cancel")

    def show_error(self, message: str) -> None:
        self.query_one("#form-error", Static).update(message)

    def read_birthday(self, text: str) -> date | None:
        """The birthday typed in `text` (None when empty); says why and raises if it is none."""
        clock = getattr(self.app, "clock", utcnow)
        try:
            return optional_birthday(text, local(clock()).date())
        except BirthdayError as exc:
            self.show_error(t(exc.key, text=exc.text, years=MAX_AGE_YEARS))
            raise

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
        """Leave without saving; unsaved input is only dropped after asking."""
        if not self.is_dirty:
            self.dismiss(None)
            return
        from advisor_tui.tui.screens.confirm import ConfirmScreen

        def answered(discard: bool | None) -> None:
            if discard:
                self.dismiss(None)

        self.app.push_screen(ConfirmScreen(t("form.discard_question")), answered)
