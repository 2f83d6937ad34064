"""The request view's small dialogs: pick one of a few choices, type a new customer's name."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from advisor_tui.i18n import t


class ChoiceScreen(ModalScreen[str | None]):
    """A question and its choices (id, words); dismisses with the chosen id, None on Esc."""

    DEFAULT_CSS = """
    ChoiceScreen { align: center middle; }
    """
    BINDINGS = [Binding("escape", "cancel", "key.back", id="inbox.choice.cancel")]

    def __init__(self, question: str, choices: list[tuple[str, str]], current: str = "") -> None:
        super().__init__()
        self._question = question
        self._choices = choices
        self._current = current

    def compose(self) -> ComposeResult:
        options = [Option(words, id=key) for key, words in self._choices]
        with Vertical(classes="dialog"):
            yield Static(self._question, classes="dialog-text", markup=False)
            yield OptionList(*options, id="inbox-choices")

    def on_mount(self) -> None:
        choices = self.query_one("#inbox-choices", OptionList)
        keys = [key for key, _ in self._choices]
        if self._current in keys:
            choices.highlighted = keys.index(self._current)
        choices.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)


class NameScreen(ModalScreen[str | None]):
    """Asks for a name (prefilled); dismisses with it on Enter, None on Esc."""

    DEFAULT_CSS = """
    NameScreen { align: center middle; }
    """
    BINDINGS = [Binding("escape", "cancel", "key.back", id="inbox.name.cancel")]

    def __init__(self, question: str, value: str = "") -> None:
        super().__init__()
        self._question = question
        self._value = value

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self._question, classes="dialog-text", markup=False)
            yield Input(value=self._value, id="inbox-name")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if event.value.strip():
            self.dismiss(event.value.strip())

    def action_cancel(self) -> None:
        self.dismiss(None)


def kind_choices() -> list[tuple[str, str]]:
    from advisor_tui.domain.vocabulary import RequestKind

    return [(k.value, t(f"rkind.{k.value}")) for k in RequestKind]


def status_choices() -> list[tuple[str, str]]:
    from advisor_tui.domain.vocabulary import RequestStatus

    return [(s.value, t(f"rstatus.{s.value}")) for s in RequestStatus]
