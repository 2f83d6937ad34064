"""Merging two persons: both side by side, a choice per differing field, all addresses kept."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from rich.markup import escape
from rich.text import Text
from sqlmodel import Session
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Button, DataTable, Header, Static

from advisor_tui.i18n import t
from advisor_tui.services.duplicates.merging import merged_value
from advisor_tui.services.persons.editing import PERSON_FIELDS, addresses_of, get_person
from advisor_tui.tui.messages import broadcast
from advisor_tui.tui.screens.confirm import ConfirmScreen
from advisor_tui.tui.widgets.footer import AdvisorFooter
from advisor_tui.tui.worker_errors import ReportsWorkerErrors

# The order on screen: name first, as an advisor reads a card.
FIELDS = (
    "salutation",
    "title",
    "first_name",
    "last_name",
    "company",
    "birthday",
    "kind",
    "notes",
    "tags",
)
assert set(FIELDS) == set(PERSON_FIELDS)
# Fields whose two values can be combined (what the merge does when no side is picked).
COMBINABLE = ("notes", "tags")
# Below this terminal height only the differing fields are listed, so that the
# addresses and the buttons stay on screen.
ALL_FIELDS_HEIGHT = 36
BOTH = 2  # the choice "both values" besides side 0 (left) and 1 (right)


@dataclass
class Side:
    """One person as loaded when the screen opened."""

    person_id: int
    version: int
    name: str
    values: dict[str, Any]
    addresses: list[str]


def load_side(session: Session, person_id: int) -> Side:
    """A person's fields and address lines for the merge screen."""
    person = get_person(session, person_id)
    lines = []
    for a in addresses_of(session, person_id):
        line = f"{t(f'addr.{a.kind}')} {t(f'scope.{a.scope}')}: {a.raw}"
        if a.label:
            line += f" ({a.label})"
        if not a.valid:
            line += f" ⚠ {t('addr.invalid')}"
        lines.append(line)
    return Side(
        person_id=person_id,
        version=person.version,
        name=person.display_name,
        values={name: getattr(person, name) for name in PERSON_FIELDS},
        addresses=lines,
    )


def shown_value(name: str, value: Any) -> str:
    """A field's value as the screen writes it ("–" for empty)."""
    if value in ("", None):
        return "–"
    if isinstance(value, date):
        return f"{value:%d.%m.%Y}"
    if name == "kind":
        return t(f"kind.{value}")
    return " ⏎ ".join(str(value).splitlines())


def _tags(value: str) -> list[str]:
    return [tag.strip() for tag in value.split(",") if tag.strip()]


def initial_choice(name: str, left: Any, right: Any) -> int:
    """The side the merge would take by itself, so doing nothing loses nothing."""
    result = merged_value(name, left, right)
    if name == "tags":  # "a,b" and "a, b" are the same tags
        result, left, right = (frozenset(_tags(v)) for v in (result, left, right))
    if result == left:
        return 0
    if result == right:
        return 1
    return BOTH


class ChoiceTable(DataTable[Text]):
    """The field table: left/right or 1/2 pick the side of the highlighted field."""

    BINDINGS = [
        Binding("left", "step(-1)", "merge.key.left", id="merge.left"),
        Binding("right", "step(1)", "merge.key.right", id="merge.right"),
        Binding("1", "side(0)", show=False, id="merge.side1"),
        Binding("2", "side(1)", show=False, id="merge.side2"),
    ]

    class Picked(Message):
        """Move the choice of the highlighted field: a step, or straight to a side."""

        def __init__(self, step: int = 0, side: int | None = None) -> None:
            super().__init__()
            self.step = step
            self.side = side

    def action_step(self, step: int) -> None:
        self.post_message(self.Picked(step=step))

    def action_side(self, side: int) -> None:
        self.post_message(self.Picked(side=side))


class MergeScreen(ReportsWorkerErrors, Screen[None]):
    """Two persons side by side; Ctrl+S merges the right one into the left one (after asking)."""

    VERTICAL_BREAKPOINTS = [(0, "-short"), (ALL_FIELDS_HEIGHT, "-tall")]

    BINDINGS = [
        Binding("escape", "app.pop_screen", "merge.key.cancel", id="merge.cancel"),
        Binding("ctrl+s", "merge", "merge.key.merge", id="merge.do"),
        Binding("t", "swap", "merge.key.swap", id="merge.swap"),
    ]

    def __init__(self, keep_id: int, other_id: int) -> None:
        super().__init__()
        self.ids = (keep_id, other_id)
        self.sides: tuple[Side, Side] | None = None
        self.survivor = 0  # column of the person that stays
        self.choices: dict[str, int] = {}  # field -> 0, 1 or BOTH, for differing fields
        self._rows: tuple[str, ...] = ()  # the fields the table shows, in row order

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(t("merge.loading"), id="merge-head")
        yield ChoiceTable(id="merge-fields", cursor_type="row", zebra_stripes=False)
        yield Static(t("merge.addresses_kept"), id="merge-addr-note", classes="section-title")
        with Horizontal(id="merge-addresses"):
            yield Static(id="merge-addr-0", classes="merge-addr")
            yield Static(id="merge-addr-1", classes="merge-addr")
        with Horizontal(id="merge-buttons", classes="dialog-buttons"):
            yield Button(t("merge.button"), id="merge-do", variant="warning")
            yield Button(t("merge.cancel_button"), id="merge-cancel")
        yield AdvisorFooter()

    def on_mount(self) -> None:
        self.load()

    @work(thread=True, exclusive=True, group="merge-load", exit_on_error=False)
    def load(self) -> None:
        from advisor_tui.services.errors import ServiceError
        from advisor_tui.storage.db import new_session

        try:
            with new_session(self.app.engine) as session:  # type: ignore[attr-defined]
                sides = (load_side(session, self.ids[0]), load_side(session, self.ids[1]))
        except ServiceError as exc:
            self.app.call_from_thread(self.notify, t(exc.key, **exc.params), severity="error")
            self.app.call_from_thread(self.dismiss)
            return
        self.app.call_from_thread(self._show, sides)

    def _show(self, sides: tuple[Side, Side]) -> None:
        self.sides = sides
        left, right = sides[0].values, sides[1].values
        for name in FIELDS:
            if left[name] == right[name]:
                self.choices.pop(name, None)
            elif name not in self.choices:  # a reload keeps what the user picked
                self.choices[name] = initial_choice(name, left[name], right[name])
        self._draw()
        table = self.query_one("#merge-fields", ChoiceTable)
        differing = [i for i, name in enumerate(self.shown_fields) if name in self.choices]
        table.move_cursor(row=differing[0] if differing else 0)
        table.focus()

    @property
    def shown_fields(self) -> tuple[str, ...]:
        """The table's rows: every field, or on a low terminal only the differing ones."""
        if self.size.height >= ALL_FIELDS_HEIGHT or not self.choices:
            return FIELDS
        return tuple(name for name in FIELDS if name in self.choices)

    def on_resize(self) -> None:
        short = self.size.height < ALL_FIELDS_HEIGHT
        for button in self.query(Button):
            button.compact = short  # one line each instead of three
        self.call_after_refresh(self._draw)

    # -- drawing --------------------------------------------------------------

    def _draw(self) -> None:
        if self.sides is None:
            return
        table = self.query_one("#merge-fields", ChoiceTable)
        # The cursor stays on its field when the rows change (resize, reload).
        before = self._rows[table.cursor_row] if 0 <= table.cursor_row < len(self._rows) else None
        self._rows = self.shown_fields
        width = max(16, (self.size.width - 34) // 2)
        table.clear(columns=True)
        table.add_column("", width=1)
        table.add_column(t("merge.col.field"), width=17)
        for column, side in enumerate(self.sides):
            role = "merge.stays" if column == self.survivor else "merge.goes"
            # The role first: on a narrow screen the name may end in an ellipsis, the role not.
            label = Text(f"{t(role)}: {side.name} (#{side.person_id})", style="bold")
            label.truncate(width, overflow="ellipsis")
            table.add_column(label, width=width)
        for name in self._rows:
            table.add_row(*self._cells(name, width), key=name)
        row = self._rows.index(before) if before in self._rows else table.cursor_row
        table.move_cursor(row=max(row, 0))
        self.query_one("#merge-head", Static).update(self._head_text())
        for column, side in enumerate(self.sides):
            lines = side.addresses or [t("merge.no_addresses")]
            title = t("merge.addresses_of", name=side.name, id=side.person_id)
            body = Text.assemble((title, "bold"), *(f"\n• {line}" for line in lines))
            self.query_one(f"#merge-addr-{column}", Static).update(body)

    def _cells(self, name: str, width: int) -> list[Text]:
        assert self.sides is not None
        values = [side.values[name] for side in self.sides]
        texts = [shown_value(name, v) for v in values]
        choice = self.choices.get(name)
        if choice is None:
            cells = [Text(txt, style="dim") for txt in texts]
            for cell in cells:
                cell.truncate(width, overflow="ellipsis")
            return [Text(""), Text(t(f"merge.field.{name}")), *cells]
        cells = []
        for column, txt in enumerate(texts):
            picked = choice in (column, BOTH)
            mark = "● " if picked else "○ "
            cell = Text(mark + txt, style="bold green" if picked else "dim")
            cell.truncate(width, overflow="ellipsis")
            cells.append(cell)
        return [
            Text("≠", style="bold yellow"),
            Text(t(f"merge.field.{name}"), style="bold"),
            *cells,
        ]

    def _head_text(self) -> str:
        assert self.sides is not None
        stays, goes = self.sides[self.survivor], self.sides[1 - self.survivor]
        return t(
            "merge.head",
            stays=escape(stays.name),
            stays_id=stays.person_id,
            goes=escape(goes.name),
            goes_id=goes.person_id,
            count=len(self.choices),
        )

    # -- choosing -------------------------------------------------------------

    @on(ChoiceTable.Picked)
    def _picked(self, event: ChoiceTable.Picked) -> None:
        table = self.query_one("#merge-fields", ChoiceTable)
        if not 0 <= table.cursor_row < len(self._rows):
            return
        name = self._rows[table.cursor_row]
        if name not in self.choices:
            return  # both have the same value: nothing to pick
        if event.side is not None:
            self.choices[name] = event.side
        else:
            # Positions from left to right: left, both (notes and tags only), right.
            both = name in COMBINABLE and all(side.values[name] for side in self.sides or ())
            order = [0, BOTH, 1] if both else [0, 1]
            at = order.index(self.choices[name])
            self.choices[name] = order[min(max(at + event.step, 0), len(order) - 1)]
        self._draw()

    def action_swap(self) -> None:
        """The other person stays (the picked values stay picked)."""
        if self.sides is not None:
            self.survivor = 1 - self.survivor
            self._draw()

    def field_choices(self) -> dict[str, str]:
        """The picks as `merge_persons` takes them ("both" is its own default)."""
        return {
            name: "keep" if side == self.survivor else "other"
            for name, side in self.choices.items()
            if side != BOTH
        }

    # -- merging --------------------------------------------------------------

    @on(Button.Pressed, "#merge-do")
    def _merge_pressed(self) -> None:
        self.action_merge()

    @on(Button.Pressed, "#merge-cancel")
    def _cancel_pressed(self) -> None:
        self.dismiss()

    def action_merge(self) -> None:
        if self.sides is None:
            return
        stays, goes = self.sides[self.survivor], self.sides[1 - self.survivor]

        def answered(yes: bool | None) -> None:
            if yes:
                self._merge(
                    stays.person_id,
                    goes.person_id,
                    self.field_choices(),
                    (stays.version, goes.version),
                )

        question = t(
            "merge.question",
            stays=stays.name,
            stays_id=stays.person_id,
            goes=goes.name,
            goes_id=goes.person_id,
        )
        self.app.push_screen(ConfirmScreen(question), answered)

    @work(thread=True, exclusive=True, group="merge-write", exit_on_error=False)
    def _merge(
        self, keep_id: int, other_id: int, choices: dict[str, str], expected: tuple[int, int]
    ) -> None:
        from advisor_tui.services.duplicates.merging import merge_persons
        from advisor_tui.services.errors import ServiceError
        from advisor_tui.storage.db import new_session

        try:
            with new_session(self.app.engine) as session:  # type: ignore[attr-defined]
                kept = merge_persons(
                    session, keep_id, other_id, choices, expected_versions=expected
                )
                name = kept.display_name
                session.commit()
        except ServiceError as exc:
            self.app.call_from_thread(self.notify, t(exc.key, **exc.params), severity="error")
            if exc.key == "merge.changed":
                self.app.call_from_thread(self.load)
            return
        self.app.call_from_thread(self._merged, keep_id, other_id, name)

    def _merged(self, keep_id: int, other_id: int, name: str) -> None:
        """Leave the merge (and any screen of the removed person), show the kept card."""
        app = self.app
        stack = app.screen_stack
        # Everything above the lowest screen that shows the removed person goes (the card,
        # the duplicates of one person: screens about a person have `person_id`; asked by
        # name so this screen imports neither, which import it).
        stale = [i for i, s in enumerate(stack) if getattr(s, "person_id", None) == other_id]
        depth = stale[0] if stale else len(stack) - 1
        while len(app.screen_stack) > max(depth, 1):
            app.pop_screen()
        app.notify(t("merge.done", name=name))
        broadcast(app, frozenset({keep_id, other_id}))
        app.open_card(keep_id)  # type: ignore[attr-defined]
