"""The agenda's two small dialogs: a note for "done", a choice of when to snooze to."""

from __future__ import annotations

from datetime import datetime

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from advisor_tui.i18n import t
from advisor_tui.i18n.dates import format_datetime
from advisor_tui.services.followups.timing import MomentError, parse_moment, snooze_choices


class DoneNoteScreen(ModalScreen[str | None]):
    """Asks for an optional resolution note; dismisses with it (Enter), None on Esc."""

    DEFAULT_CSS = """
    DoneNoteScreen { align: center middle; }
    """
    BINDINGS = [Binding("escape", "cancel", "key.back", id="agenda.done.cancel")]

    def __init__(self, what: str) -> None:
        super().__init__()
        self._what = what

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(t("agenda.done.question", what=self._what), classes="dialog-text")
            yield Input(placeholder=t("agenda.done.placeholder"), id="done-note")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value.strip())

    def action_cancel(self) -> None:
        self.dismiss(None)


class SnoozeScreen(ModalScreen[datetime | None]):
    """1 hour, tomorrow, next week or a typed date; dismisses with the moment (aware UTC)."""

    DEFAULT_CSS = """
    SnoozeScreen { align: center middle; }
    SnoozeScreen #snooze-date, SnoozeScreen #snooze-error { display: none; }
    SnoozeScreen #snooze-error { color: $error; }
    """
    BINDINGS = [Binding("escape", "cancel", "key.back", id="agenda.snooze.cancel")]

    def __init__(self, now: datetime, what: str = "") -> None:
        super().__init__()
        self._now = now
        self._what = what  # which follow-up, as the done dialog names it
        self._choices = snooze_choices(now)

    def compose(self) -> ComposeResult:
        options = []
        for choice in self._choices:
            when = format_datetime(choice.until, short=True) if choice.until else ""
            options.append(Option(t(f"agenda.snooze.{choice.key}", when=when), id=choice.key))
        with Vertical(classes="dialog"):
            question = t("agenda.snooze.question")
            text = f"{self._what}\n{question}" if self._what else question
            yield Static(text, classes="dialog-text", markup=False)
            yield OptionList(*options, id="snooze-choices")
            yield Static(t("agenda.snooze.date_question"), id="snooze-date-label")
            yield Input(id="snooze-date")
            yield Static(id="snooze-error")

    def on_mount(self) -> None:
        self.query_one("#snooze-date-label").display = False

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        choice = next(c for c in self._choices if c.key == event.option.id)
        if choice.until is not None:
            self.dismiss(choice.until)
            return
        self.query_one("#snooze-date-label").display = True
        box = self.query_one("#snooze-date", Input)
        box.display = True
        box.focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        error = self.query_one("#snooze-error", Static)
        try:
            until = parse_moment(event.value, self._now)
        except MomentError:
            error.update(t("agenda.err.bad_date", text=event.value.strip()))
            error.display = True
            return
        if until <= self._now:
            error.update(t("agenda.err.snooze_past"))
            error.display = True
            return
        self.dismiss(until)

    def action_cancel(self) -> None:
        self.dismiss(None)
