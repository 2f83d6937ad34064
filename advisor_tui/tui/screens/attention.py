"""Needs attention: dissatisfied (overdue first), payment trouble, quiet super customers,
then suggestions; and the dialog that sets or clears a flag with its reason.

Letters act here (no text field on this screen): `a` accepts a suggestion (the
dialog opens filled with its reasons: nothing is set without the advisor saving),
`s` sets a flag, `c` clears one, Enter opens the card. F2 logs a contact with the
selected person (`selected_person_id`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Header, Input, Label, Select, Static

from advisor_tui.domain.attention import Reason
from advisor_tui.domain.flags import BY_KEY, FLAGS, FlagKey, flag_symbols
from advisor_tui.i18n import t, tn
from advisor_tui.i18n.dates import format_date
from advisor_tui.services.attention.view import (
    QUIET_WEEKS,
    AttentionItem,
    AttentionList,
    Section,
)
from advisor_tui.services.followups.timing import MomentError, parse_moment
from advisor_tui.tui.messages import DataChanged, broadcast
from advisor_tui.tui.screens.form import FormScreen
from advisor_tui.tui.widgets.footer import AdvisorFooter
from advisor_tui.tui.worker_errors import ReportsWorkerErrors

_SECTION_STYLE = {
    Section.DISSATISFIED: "bold red",
    Section.PAYMENT: "bold yellow",
    Section.SUPER: "bold",
    Section.SUGGESTED: "bold italic",
}
COLUMNS = ("person", "number", "why", "when")
NARROW_WIDTHS = {"person": 24, "number": 13, "when": 10}
WIDE = 120


def reason_text(reason: Reason) -> str:
    return tn(f"attention.reason.{reason.kind}", reason.count)


def why_text(item: AttentionItem) -> str:
    """What the row is about: the suggestion's reasons, the plan's next step, the reason."""
    if item.suggestion is not None:
        flag = BY_KEY[item.suggestion.flag]
        reasons = ", ".join(reason_text(r) for r in item.reasons)
        return f"{flag.symbol} {t('attention.suggest', flag=t(flag.label_key))}: {reasons}"
    if item.section is Section.PAYMENT and item.next_step:
        return f"{item.reason} → {item.next_step}" if item.reason else item.next_step
    return item.reason


def when_text(item: AttentionItem) -> str:
    if item.section is Section.PAYMENT and item.next_due is not None:
        return format_date(item.next_due)
    if item.section is Section.SUPER or item.section is Section.SUGGESTED:
        return format_date(item.last_contact) if item.last_contact else t("touch.never")
    return format_date(item.since) if item.since else ""


@dataclass(frozen=True)
class FlagChoice:
    flag: str
    reason: str
    at: datetime | None
    next_step: str = ""
    follow_up_at: datetime | None = None


class FlagDialog(FormScreen[FlagChoice]):
    """Set (or clear) a flag: which, why, from when; payment trouble with its plan."""

    DEFAULT_CSS = """
    FlagDialog { align: center middle; }
    FlagDialog #flag-form { width: 72; height: auto; max-height: 90%; }
    """

    def __init__(
        self,
        name: str,
        now: datetime,
        *,
        clear: bool = False,
        flags: tuple[str, ...] | None = None,
        flag: str | None = None,
        reason: str = "",
    ) -> None:
        super().__init__()
        self._name, self._now, self._clear = name, now, clear
        self._flags = flags or tuple(f.key.value for f in FLAGS)
        self._flag = flag if flag in self._flags else self._flags[0]
        self._reason = reason

    def compose(self) -> ComposeResult:
        title = "attention.clear.title" if self._clear else "attention.set.title"
        with Vertical(classes="dialog", id="flag-form"):
            yield Static(t(title, name=self._name), classes="dialog-title")
            yield Label(t("attention.form.flag"))
            yield Select(
                [(f"{BY_KEY[FlagKey(k)].symbol} {t(BY_KEY[FlagKey(k)].label_key)}", k)
                 for k in self._flags],
                value=self._flag, allow_blank=False, id="flag",
            )  # fmt: skip
            yield Label(t("attention.form.reason"))
            yield Input(self._reason, id="reason")
            yield Label(t("attention.form.at"))
            yield Input(placeholder=format_date(self._now), id="at")
            with Vertical(id="plan"):
                yield Label(t("attention.form.next_step"))
                yield Input(id="next_step")
                yield Label(t("attention.form.follow_up"))
                yield Input(placeholder=t("attention.form.date_hint"), id="follow_up")
            yield from self.form_footer()

    def on_mount(self) -> None:
        self._show_plan()
        self.query_one("#reason", Input).focus()

    @on(Select.Changed, "#flag")
    def _show_plan(self) -> None:
        flag = self.query_one("#flag", Select).value
        self.query_one("#plan").display = flag == FlagKey.PAYMENT and not self._clear

    def _date(self, widget_id: str) -> datetime | None:
        text = self.query_one(f"#{widget_id}", Input).value.strip()
        if not text:
            return None
        try:
            return parse_moment(text, self._now, default_time=time(9))
        except MomentError:
            self.show_error(t("attention.err.date", text=text))
            raise

    def action_save(self) -> None:
        flag = str(self.query_one("#flag", Select).value)
        reason = self.query_one("#reason", Input).value.strip()
        if not reason:
            self.show_error(t("attention.err.reason_required"))
            return
        try:
            at = self._date("at")
            follow_up = self._date("follow_up")
        except MomentError:
            return
        next_step = self.query_one("#next_step", Input).value.strip()
        if flag == FlagKey.PAYMENT and not self._clear and (not next_step or follow_up is None):
            self.show_error(t("attention.err.plan_required"))
            return
        self.dismiss(FlagChoice(flag, reason, at, next_step, follow_up))


class AttentionScreen(ReportsWorkerErrors, Screen[None]):
    """Who needs a human now; Esc goes back."""

    DEFAULT_CSS = """
    AttentionScreen #attention-table { height: 1fr; margin: 0 1; }
    AttentionScreen #attention-empty {
        height: 1fr; content-align: center middle; text-align: center; color: $text-muted;
    }
    AttentionScreen #attention-title { padding: 0 1; text-style: bold; }
    """

    BINDINGS = [
        Binding("escape", "app.pop_screen", "key.back", id="attention.back"),
        Binding("enter", "open_card", "attention.key.open", id="attention.open"),
        Binding("a", "accept", "attention.key.accept", id="attention.accept"),
        Binding("s", "set_flag", "attention.key.set", id="attention.set"),
        Binding("c", "clear_flag", "attention.key.clear", id="attention.clear"),
    ]

    class Loaded(Message):
        def __init__(self, result: AttentionList) -> None:
            super().__init__()
            self.result = result

    def __init__(self) -> None:
        super().__init__()
        self.result: AttentionList | None = None
        self._rows: list[AttentionItem | None] = []
        self._last_row = 0

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(t("attention.title"), id="attention-title")
        yield DataTable(id="attention-table", cursor_type="row")
        yield Static(t("attention.empty"), id="attention-empty")
        yield AdvisorFooter()

    def on_mount(self) -> None:
        self.query_one("#attention-table").display = False
        self.query_one("#attention-empty").display = False
        self.reload()

    @work(thread=True, exclusive=True, group="attention-load", exit_on_error=False)
    def reload(self) -> None:
        from advisor_tui.services.attention.view import attention
        from advisor_tui.storage.db import new_session

        app = self.app
        with new_session(app.engine) as session:  # type: ignore[attr-defined]
            result = attention(session, app.clock(), region=app.settings.region)  # type: ignore[attr-defined]
        self.post_message(self.Loaded(result))

    def on_attention_screen_loaded(self, message: Loaded) -> None:
        self._show(message.result)

    def on_data_changed(self, message: DataChanged) -> None:
        self.reload()

    def on_resize(self) -> None:
        if self.result is not None:
            self._show(self.result)

    def _show(self, result: AttentionList) -> None:
        table = self.query_one("#attention-table", DataTable)
        current = self.selected_item()
        keep = table.cursor_row
        self.result = result
        narrow = self.app.size.width < WIDE
        title = t("attention.title") if narrow else t("attention.title.long", weeks=QUIET_WEEKS)
        self.query_one("#attention-title", Static).update(title)
        table.clear(columns=True)
        widths: dict[str, int | None] = dict(NARROW_WIDTHS) if narrow else {}
        if narrow:
            used = sum((w or 0) + 2 for w in widths.values())
            widths["why"] = max(self.app.size.width - 6 - used - 2, 8)
        for key in COLUMNS:
            table.add_column(t(f"attention.col.{key}"), key=key, width=widths.get(key))
        self._rows = []
        for section in Section:
            items = result.section(section)
            if not items:
                continue
            heading = Text(f"{t('attention.section.' + section.value)} ({len(items)})")
            heading.stylize(_SECTION_STYLE[section])
            table.add_row(heading, "", "", "")
            self._rows.append(None)
            for item in items:
                style = "red" if item.overdue else ""
                name = f"{flag_symbols(item.flags)} {item.name}".strip()
                table.add_row(
                    Text(name, overflow="ellipsis", no_wrap=True),
                    item.number or "–",
                    Text(why_text(item), overflow="ellipsis", no_wrap=True),
                    Text(when_text(item), style=style),
                )
                self._rows.append(item)
        empty = not result.items
        table.display = not empty
        self.query_one("#attention-empty").display = empty
        if empty:
            return
        ids = [(r.person_id, r.section) if r else None for r in self._rows]
        wanted = (current.person_id, current.section) if current else None
        row = ids.index(wanted) if wanted in ids else max(keep, 0)
        table.move_cursor(row=self._item_row(min(row, len(self._rows) - 1)))
        table.focus()

    def _item_row(self, row: int, step: int = 1) -> int:
        probe = row
        while 0 <= probe < len(self._rows) and self._rows[probe] is None:
            probe += step
        if 0 <= probe < len(self._rows):
            return probe
        return self._item_row(row, -step) if step > 0 else row

    @on(DataTable.RowHighlighted, "#attention-table")
    def _skip_titles(self, event: DataTable.RowHighlighted) -> None:
        row = event.cursor_row
        if 0 <= row < len(self._rows) and self._rows[row] is None:
            target = self._item_row(row, 1 if row >= self._last_row else -1)
            if target != row:
                event.data_table.move_cursor(row=target)
                return
        self._last_row = row

    def selected_item(self) -> AttentionItem | None:
        if not self._rows:
            return None
        row = self.query_one("#attention-table", DataTable).cursor_row
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def selected_person_id(self) -> int | None:
        item = self.selected_item()
        return item.person_id if item is not None else None

    # -- keys -------------------------------------------------------------------

    def action_open_card(self) -> None:
        item = self.selected_item()
        if item is not None:
            self.app.open_card(item.person_id)  # type: ignore[attr-defined]

    @on(DataTable.RowSelected, "#attention-table")
    def _selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_open_card()

    def _dialog(self, item: AttentionItem, dialog: FlagDialog, clear: bool = False) -> None:
        def chosen(choice: FlagChoice | None) -> None:
            if choice is not None:
                self._save(item, choice, clear, item.suggestion is not None and not clear)

        self.app.push_screen(dialog, chosen)

    def action_accept(self) -> None:
        item = self.selected_item()
        if item is None or item.suggestion is None:
            self.notify(t("attention.no_suggestion"))
            return
        reasons = ", ".join(reason_text(r) for r in item.reasons)
        flag = item.suggestion.flag.value
        now = self.app.clock()  # type: ignore[attr-defined]
        self._dialog(item, FlagDialog(item.name, now, flags=(flag,), flag=flag, reason=reasons))

    def action_set_flag(self) -> None:
        item = self.selected_item()
        if item is None:
            return
        free = tuple(f.key.value for f in FLAGS if f.key not in item.flags)
        if not free:
            return
        now = self.app.clock()  # type: ignore[attr-defined]
        self._dialog(item, FlagDialog(item.name, now, flags=free))

    def action_clear_flag(self) -> None:
        item = self.selected_item()
        if item is None or not item.flags:
            return
        order = [f.key.value for f in FLAGS if f.key in item.flags]
        preset = item.section.value if item.section.value in order else order[0]
        now = self.app.clock()  # type: ignore[attr-defined]
        self._dialog(
            item, FlagDialog(item.name, now, clear=True, flags=tuple(order), flag=preset), True
        )

    @work(thread=True, group="attention-write", exit_on_error=False)
    def _save(self, item: AttentionItem, choice: FlagChoice, clear: bool, suggested: bool) -> None:
        from advisor_tui.services.flags import clear_flag, set_flag
        from advisor_tui.storage.db import new_session
        from advisor_tui.storage.retry import retry_busy

        app = self.app

        def transaction() -> None:
            with new_session(app.engine) as session:  # type: ignore[attr-defined]
                now = app.clock()  # type: ignore[attr-defined]
                if clear:
                    clear_flag(session, item.person_id, choice.flag, choice.reason,
                               at=choice.at, now=now)  # fmt: skip
                else:
                    set_flag(
                        session, item.person_id, choice.flag, choice.reason, at=choice.at,
                        source="suggestion" if suggested else "manual",
                        next_step=choice.next_step, follow_up_at=choice.follow_up_at, now=now,
                    )  # fmt: skip
                session.commit()

        retry_busy(transaction)
        label = t(BY_KEY[FlagKey(choice.flag)].label_key)
        key = "attention.cleared" if clear else "attention.saved"
        app.call_from_thread(app.notify, t(key, flag=label, name=item.name))
        app.call_from_thread(broadcast, app, frozenset({item.person_id}))
