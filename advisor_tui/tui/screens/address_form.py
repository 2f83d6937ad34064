"""Add or edit one address: kind, scope, the text as the user writes it, a label."""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Checkbox, Input, Label, Select, Static

from advisor_tui.domain.models import Address
from advisor_tui.domain.vocabulary import AddressKind, Scope
from advisor_tui.i18n import t
from advisor_tui.tui.screens.form import FormScreen


@dataclass
class AddressInput:
    kind: str
    scope: str
    raw: str
    label: str
    is_direct_dial: bool


class AddressFormScreen(FormScreen[AddressInput]):
    """Dismisses with the entered values, or None when cancelled.

    Invalid numbers are accepted and stored marked invalid: the raw text is never lost.
    """

    def __init__(self, address: Address | None = None) -> None:
        super().__init__()
        self._address = address

    def compose(self) -> ComposeResult:
        a = self._address
        with Vertical(classes="dialog", id="address-form"):
            yield Static(
                t("form.edit_address" if a else "form.add_address"), classes="dialog-title"
            )
            yield Label(t("form.kind"))
            yield Select(
                [(t(f"addr.{k.value}"), k.value) for k in AddressKind],
                value=a.kind if a else AddressKind.MOBILE.value,
                allow_blank=False,
                id="kind",
            )
            yield Label(t("form.scope"))
            yield Select(
                [(t(f"scope.{s.value}"), s.value) for s in Scope],
                value=a.scope if a else Scope.PRIVATE.value,
                allow_blank=False,
                id="scope",
            )
            yield Label(t("form.value"))
            yield Input(value=a.raw if a else "", placeholder=t("form.value_hint"), id="raw")
            yield Label(t("form.label"))
            yield Input(value=a.label if a else "", placeholder=t("form.label_hint"), id="label")
            yield Checkbox(t("form.direct_dial"), a.is_direct_dial if a else False, id="direct")
            yield from self.form_footer()

    def on_mount(self) -> None:
        self.query_one("#raw", Input).focus()

    def action_save(self) -> None:
        raw = self.query_one("#raw", Input).value.strip()
        if not raw:
            self.show_error(t("address_empty"))
            return
        self.dismiss(
            AddressInput(
                kind=str(self.query_one("#kind", Select).value),
                scope=str(self.query_one("#scope", Select).value),
                raw=raw,
                label=self.query_one("#label", Input).value.strip(),
                is_direct_dial=self.query_one("#direct", Checkbox).value,
            )
        )
