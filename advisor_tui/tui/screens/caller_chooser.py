"""Which of the persons sharing a ringing number is calling: Enter opens, Esc cancels."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from advisor_tui.i18n import t


class CallerChooserScreen(ModalScreen[int | None]):
    """Dismisses with the chosen person's id, or None on Esc."""

    DEFAULT_CSS = """
    CallerChooserScreen {
        align: center middle;
    }
    CallerChooserScreen OptionList {
        height: auto;
        max-height: 12;
    }
    """

    BINDINGS = [
        Binding("escape", "cancel", "chooser.key.cancel", id="chooser.cancel"),
    ]

    def __init__(self, candidates: list[tuple[int, str]], title_key: str = "chooser.title") -> None:
        """`candidates`: (id, line to show) in display order; also used for other choices."""
        super().__init__()
        self._candidates = candidates
        self._title_key = title_key

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(t(self._title_key), classes="dialog-title", markup=False)
            yield OptionList(
                *(Option(label, id=str(person_id)) for person_id, label in self._candidates),
                id="caller_choices",
            )

    def on_mount(self) -> None:
        choices = self.query_one("#caller_choices", OptionList)
        choices.highlighted = 0
        choices.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self.dismiss(int(event.option.id))

    def action_cancel(self) -> None:
        self.dismiss(None)
