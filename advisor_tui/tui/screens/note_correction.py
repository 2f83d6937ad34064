"""Correcting the note of a logged contact: pick the contact, edit its note, Enter saves.

The service keeps the old text in the audit (`services.contacts.logging.correct_note`);
these dialogs only choose and edit.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from advisor_tui.i18n import t
from advisor_tui.tui.screens.caller_chooser import CallerChooserScreen
from advisor_tui.tui.screens.confirm import ConfirmScreen


class ContactChoiceScreen(CallerChooserScreen):
    """Which logged contact's note to correct; dismisses with its id, None on Esc."""

    def __init__(self, contacts: list[tuple[int, str]]) -> None:
        """`contacts`: (interaction id, line to show), most recent first."""
        super().__init__(contacts, title_key="note.choose.title")


class NoteEditScreen(ModalScreen[str | None]):
    """The note as stored, editable; Enter saves, Esc asks before dropping a change."""

    DEFAULT_CSS = """
    NoteEditScreen { align: center middle; }
    """
    BINDINGS = [Binding("escape", "cancel", "key.back", id="note.edit.cancel")]

    def __init__(self, what: str, note: str) -> None:
        super().__init__()
        self._what = what
        self._note = note

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(t("note.edit.title", what=self._what), classes="dialog-text")
            yield Input(self._note, id="note-text", placeholder=t("note.edit.placeholder"))
            yield Static(t("note.edit.hint"), classes="dialog-hint")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value.strip())

    def action_cancel(self) -> None:
        typed = self.query_one("#note-text", Input).value.strip()
        if typed == self._note.strip():
            self.dismiss(None)
            return

        def answered(drop: bool | None) -> None:
            if drop:
                self.dismiss(None)

        self.app.push_screen(ConfirmScreen(t("note.edit.drop")), answered)
