"""Create a new person (optionally with a first address, e.g. an unknown caller's number)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Input, Label, Select, Static

from advisor_tui.domain.vocabulary import AddressKind, PersonKind
from advisor_tui.i18n import t
from advisor_tui.services.persons.editing import PersonData
from advisor_tui.tui.screens.form import FormScreen


@dataclass
class NewPerson:
    data: PersonData
    address_kind: str
    address_raw: str


def parse_birthday(text: str) -> date | None:
    """`15.03.1980` or `1980-03-15`; raises ValueError for anything else."""
    text = text.strip()
    if not text:
        return None
    for fmt in ("%d.%m.%Y", "%Y-%m-%d", "%d.%m.%y"):
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise ValueError(text)


class PersonFormScreen(FormScreen[NewPerson]):
    """Dismisses with the new person's data, or None when cancelled."""

    def __init__(self, *, address_kind: str = AddressKind.MOBILE, address_raw: str = "") -> None:
        super().__init__()
        self._address_kind = address_kind
        self._address_raw = address_raw

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog", id="person-form"):
            yield Static(t("form.new_person"), classes="dialog-title")
            yield Label(t("form.person_kind"))
            yield Select(
                [(t(f"kind.{k.value}"), k.value) for k in PersonKind],
                value=PersonKind.CUSTOMER.value if not self._address_raw else PersonKind.PROSPECT,
                allow_blank=False,
                id="kind",
            )
            with Horizontal(classes="form-row"):
                with Vertical():
                    yield Label(t("form.salutation"))
                    yield Input(id="salutation", placeholder="Frau / Herr")
                with Vertical():
                    yield Label(t("form.title"))
                    yield Input(id="title", placeholder="Dr.")
            with Horizontal(classes="form-row"):
                with Vertical():
                    yield Label(t("form.first_name"))
                    yield Input(id="first_name")
                with Vertical():
                    yield Label(t("form.last_name"))
                    yield Input(id="last_name")
            yield Label(t("form.company"))
            yield Input(id="company")
            yield Label(t("form.birthday"))
            yield Input(id="birthday", placeholder="TT.MM.JJJJ")
            yield Label(t("form.first_address"))
            with Horizontal(classes="form-row"):
                yield Select(
                    [(t(f"addr.{k.value}"), k.value) for k in AddressKind],
                    value=str(self._address_kind),
                    allow_blank=False,
                    id="address_kind",
                )
                yield Input(
                    value=self._address_raw, id="address_raw", placeholder=t("form.value_hint")
                )
            yield from self.form_footer()

    def on_mount(self) -> None:
        self.query_one("#first_name", Input).focus()

    def _value(self, widget_id: str) -> str:
        return self.query_one(f"#{widget_id}", Input).value.strip()

    def action_save(self) -> None:
        if not (self._value("first_name") or self._value("last_name") or self._value("company")):
            self.show_error(t("name_required"))
            return
        try:
            birthday = parse_birthday(self._value("birthday"))
        except ValueError:
            self.show_error(t("form.bad_birthday"))
            return
        data = PersonData(
            first_name=self._value("first_name"),
            last_name=self._value("last_name"),
            kind=str(self.query_one("#kind", Select).value),
            salutation=self._value("salutation"),
            title=self._value("title"),
            company=self._value("company"),
            birthday=birthday,
        )
        self.dismiss(
            NewPerson(
                data, str(self.query_one("#address_kind", Select).value), self._value("address_raw")
            )
        )
