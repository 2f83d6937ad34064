"""The footer: Textual's, with binding descriptions read from the catalog when drawn.

Our `BINDINGS` hold catalog keys (`Binding("q", "quit", "key.quit")`), not
text: class attributes are built at import time, before the language is
known. Everything that draws a description (this footer, the help screen,
the command palette) passes it through `binding_label`.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Footer

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
    """Shows the live bindings in the current language; compact on narrow terminals."""

    def on_resize(self) -> None:
        self.compact = self.app.size.width < COMPACT_BELOW

    def compose(self) -> ComposeResult:
        # Footer builds one FooterKey per binding from binding.description and
        # draws that attribute in render(); translating it here keeps the rest
        # of Footer (grouping, keymap, palette key) as Textual made it.
        # tests/tui/test_language.py pins this against Textual upgrades.
        widgets = list(super().compose())
        for widget in widgets:
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
