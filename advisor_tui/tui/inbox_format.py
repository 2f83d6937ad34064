"""How the inbox writes a sender: the display name, else the tidy number or address."""

from __future__ import annotations

from advisor_tui.domain.phones import format_for_display
from advisor_tui.i18n import t


def sender_text(sender: str, sender_name: str, region: str = "DE") -> str:
    """The sender as a person reads it: the display name, else the tidy number or address."""
    if sender_name:
        return sender_name
    if not sender:
        return t("inbox.withheld")
    if sender.startswith("+"):
        return format_for_display(sender, region)
    return sender
