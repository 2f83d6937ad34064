"""The `?` help screen."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from advisor_tui.i18n import CATALOG, t
from advisor_tui.tui.widgets.footer import binding_text


def key_lines(screen: Screen) -> list[str]:
    """The keys live on `screen`, as remapped, with their text in the current language."""
    seen: set[str] = set()
    lines = []
    for active in screen.active_bindings.values():
        binding = active.binding
        # Only ours: Textual's own bindings carry English text.
        if binding.description not in CATALOG or binding.action in seen:
            continue
        seen.add(binding.action)
        keys = screen.app.get_key_display(binding)
        lines.append(f"{keys:<8} {binding_text(binding)}")
    return lines


class HelpScreen(ModalScreen[None]):
    BINDINGS = [
        Binding("escape", "dismiss", "key.back", id="help.close"),
        Binding("question_mark", "dismiss", "key.back", show=False, id="help.close_key"),
    ]

    def __init__(self, database: str) -> None:
        super().__init__()
        self._database = database

    def compose(self) -> ComposeResult:
        with Vertical(id="help-box"):
            yield Static(t("help.title"), id="help-title")
            yield Static(t("help.body", database=self._database), id="help-body")
            yield Static(id="help-keys")
            yield Static(t("help.close"), id="help-hint")

    def on_mount(self) -> None:
        stack = self.app.screen_stack
        below = stack[-2] if len(stack) > 1 and stack[-1] is self else None
        lines = key_lines(below) if below is not None else []
        keys = self.query_one("#help-keys", Static)
        keys.update("\n".join(["", t("help.keys_here"), *lines]) if lines else "")
        keys.display = bool(lines)
