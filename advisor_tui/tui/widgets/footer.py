"""The footer: Textual's, with binding descriptions read from the catalog when drawn.

Our `BINDINGS` hold catalog keys (`Binding("q", "quit", "key.quit")`), not
text: class attributes are built at import time, before the language is
known. Everything that draws a description (this footer, the help screen,
the command palette) passes it through `binding_label`.
"""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

from advisor_tui.i18n import t


def binding_label(description: str) -> str:
    """The text for a binding description: a catalog key, or Textual's own text as is."""
    return t(description) if description else description


def binding_text(binding: Binding) -> str:
    return binding_label(binding.description)


HELP_ACTIONS = frozenset({"help", "app.help"})

# Below this width the keys sit closer together, so that a card's keys fit in 80 columns.
COMPACT_BELOW = 120


class AdvisorFooter(Footer):
    """Shows the live bindings in the current language; compact on narrow terminals.

    Speed (bench/desk.py, Ctrl+O to the card): Textual recomposes the footer on
    every bindings signal, and opening a screen sends several (mount, focus,
    data loaded); each recompose mounts ~16 keys, and each key's `compact`
    binding restyled it once more on mount. Here signals that arrive together
    make one recompose, none when the keys shown did not change, and keys are
    born with the footer's compact state, so mounting restyles nothing twice.
    """

    _recompose_pending = False
    _shown: tuple[Any, ...] | None = None

    def on_resize(self) -> None:
        self.compact = self.app.size.width < COMPACT_BELOW

    def _keys_shown(self) -> tuple[Any, ...]:
        """What the footer would show: bindings, their state, and the compact style."""
        bindings = tuple(
            (binding.key, binding.action, binding.description, enabled, tooltip)
            for (_, binding, enabled, tooltip) in self.screen.active_bindings.values()
            if binding.show
        )
        return (self.compact, self.app.current_theme.name, bindings)

    def bindings_changed(self, screen: Screen[Any]) -> None:
        self._bindings_ready = True
        if not screen.app.app_focus:
            return
        if self.is_attached and screen is self.screen and not self._recompose_pending:
            self._recompose_pending = True
            self.call_after_refresh(self._recompose_once)

    async def _recompose_once(self) -> None:
        self._recompose_pending = False
        if not self.is_attached or self._keys_shown() == self._shown:
            return
        await self.recompose()

    def watch_compact(self, compact: bool) -> None:
        self._shown = None  # the keys follow through their data binding; compose anew next time

    def compose(self) -> ComposeResult:
        # Footer builds one FooterKey per binding from binding.description and
        # draws that attribute in render(); translating it here keeps the rest
        # of Footer (grouping, keymap, palette key) as Textual made it.
        # tests/tui/test_language.py pins this against Textual upgrades.
        widgets = list(super().compose())
        self._shown = self._keys_shown() if self._bindings_ready else None
        for widget in widgets:
            # Born with the footer's style: the data binding then changes nothing on mount.
            for key in [widget, *getattr(widget, "_pending_children", [])]:
                # The palette key has no such binding in Textual: it keeps its own style.
                if isinstance(key, FooterKey) and not key.has_class("-command-palette"):
                    key.set_reactive(FooterKey.compact, self.compact)
                    key.set_class(self.compact, "-compact", update=False)
            description = getattr(widget, "description", None)
            if isinstance(description, str):
                widget.description = binding_label(description)  # type: ignore[attr-defined]
            tooltip = widget.tooltip
            if isinstance(tooltip, str) and tooltip:
                widget.tooltip = binding_label(tooltip)
        # Help first: where the keys don't all fit (a card at 80 columns), the one
        # key that lists them all stays visible.
        widgets.sort(key=lambda w: getattr(w, "action", "") not in HELP_ACTIONS)
        yield from widgets
