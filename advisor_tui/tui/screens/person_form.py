"""Create a person (maybe with a first address, e.g. an unknown caller's number), or edit one."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from textual import work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Input, Label, Select, Static, TextArea

from advisor_tui.domain.dates import BirthdayError, format_birthday
from advisor_tui.domain.models import Person
from advisor_tui.domain.vocabulary import AddressKind, PersonKind
from advisor_tui.i18n import t
from advisor_tui.services.persons.editing import PersonData
from advisor_tui.tui.screens.form import FormScreen
from advisor_tui.tui.widgets.tag_suggester import TagSuggester


@dataclass
class NewPerson:
    data: PersonData
    address_kind: str
    address_raw: str


def person_fields(person: Person | None = None, *, kind: str = "") -> ComposeResult:
    """Kind, salutation, title, names, company and birthday, filled from `person` if given."""

    def value(name: str) -> str:
        return str(getattr(person, name) or "") if person is not None else ""

    yield Label(t("form.person_kind"))
    yield Select(
        [(t(f"kind.{k.value}"), k.value) for k in PersonKind],
        value=person.kind if person is not None else (kind or PersonKind.CUSTOMER.value),
        allow_blank=False,
        id="kind",
    )
    with Horizontal(classes="form-row"):
        with Vertical():
            yield Label(t("form.salutation"))
            yield Input(value("salutation"), id="salutation", placeholder="Frau / Herr")
        with Vertical():
            yield Label(t("form.title"))
            yield Input(value("title"), id="title", placeholder="Dr.")
    with Horizontal(classes="form-row"):
        with Vertical():
            yield Label(t("form.first_name"))
            yield Input(value("first_name"), id="first_name")
        with Vertical():
            yield Label(t("form.last_name"))
            yield Input(value("last_name"), id="last_name")
    yield Label(t("form.company"))
    yield Input(value("company"), id="company")
    yield Label(t("form.birthday"))
    birthday = person.birthday if person is not None else None
    yield Input(
        format_birthday(birthday) if birthday else "", id="birthday", placeholder="TT.MM.JJJJ"
    )


class PersonFormScreen(FormScreen[NewPerson]):
    """Dismisses with the new person's data, or None when cancelled."""

    def __init__(self, *, address_kind: str = AddressKind.MOBILE, address_raw: str = "") -> None:
        super().__init__()
        self._address_kind = address_kind
        self._address_raw = address_raw

    def compose(self) -> ComposeResult:
        kind = PersonKind.CUSTOMER.value if not self._address_raw else PersonKind.PROSPECT.value
        with VerticalScroll(classes="dialog", id="person-form"):
            yield Static(t("form.new_person"), classes="dialog-title")
            yield from person_fields(kind=kind)
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
            birthday = self.read_birthday(self._value("birthday"))
        except BirthdayError:
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


class PersonEditScreen(FormScreen[dict[str, Any]]):
    """Edit a person's fields; dismisses with the field values, or None when cancelled."""

    def __init__(self, person: Person) -> None:
        super().__init__()
        self._person = person

    def compose(self) -> ComposeResult:
        person = self._person
        with VerticalScroll(classes="dialog", id="person-form"):
            yield Static(t("form.edit_person"), classes="dialog-title")
            yield from person_fields(person)
            yield Label(t("form.tags"))
            yield Input(person.tags, id="tags")
            yield Label(t("form.notes"))
            yield TextArea(person.notes, id="notes", soft_wrap=True)
            yield from self.form_footer()

    def on_mount(self) -> None:
        self.query_one("#first_name", Input).focus()
        self._load_tags()

    @work(thread=True, exit_on_error=False)
    def _load_tags(self) -> None:
        """The tags in use, for completing the tags field (most used first)."""
        from advisor_tui.services.tags import tag_counts
        from advisor_tui.storage.db import new_session

        with new_session(self.app.engine) as session:  # type: ignore[attr-defined]
            known = [tag for tag, _ in tag_counts(session)]
        self.app.call_from_thread(self._set_suggester, known)

    def _set_suggester(self, known: list[str]) -> None:
        self.query_one("#tags", Input).suggester = TagSuggester(known)

    def _value(self, widget_id: str) -> str:
        return self.query_one(f"#{widget_id}", Input).value.strip()

    def action_save(self) -> None:
        if not (self._value("first_name") or self._value("last_name") or self._value("company")):
            self.show_error(t("name_required"))
            return
        try:
            birthday = self.read_birthday(self._value("birthday"))
        except BirthdayError:
            return
        values: dict[str, Any] = {
            name: self._value(name)
            for name in ("salutation", "title", "first_name", "last_name", "company", "tags")
        }
        values["kind"] = str(self.query_one("#kind", Select).value)
        values["birthday"] = birthday
        values["notes"] = self.query_one("#notes", TextArea).text.strip()
        self.dismiss(values)
