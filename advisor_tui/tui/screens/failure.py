"""Ask how an address failed, offering only what can happen to its kind of address."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from advisor_tui.domain.vocabulary import failure_kinds_for
from advisor_tui.i18n import t


class FailureKindScreen(ModalScreen[str | None]):
    """Dismisses with a FailureKind value, or None when cancelled."""

    BINDINGS = [Binding("escape", "cancel", "key.back", id="failure.cancel")]

    def __init__(self, address_text: str, address_kind: str) -> None:
        super().__init__()
        self._address_text = address_text
        self._kinds = failure_kinds_for(address_kind)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(t("failure.question", address=self._address_text), classes="dialog-text")
            yield OptionList(
                *(Option(t(f"failure.{kind.value}"), id=kind.value) for kind in self._kinds),
                id="failure-kinds",
            )

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)
