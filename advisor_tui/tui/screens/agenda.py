"""The agenda (Wiedervorlagen): Overdue / Today / Upcoming in one table.

Letters act here (no text field on this screen): `d` done with a note, `z`
snooze, `b` hands it to a colleague (Bearbeiter), `m` switches between all
follow-ups and mine (assigned to me or to nobody), Enter opens the person's
card. F2 (log a contact) asks `selected_person_id()`.
"""

from __future__ import annotations

from datetime import datetime

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Header, Static

from advisor_tui.domain.timestamps import local
from advisor_tui.i18n import t, tn
from advisor_tui.i18n.dates import format_datetime, format_time
from advisor_tui.services.birthdays import BirthdayItem, context_text, when_text
from advisor_tui.services.followups.agenda import Agenda, AgendaItem, Section
from advisor_tui.tui.messages import DataChanged, broadcast
from advisor_tui.tui.mine_view import my_name, shows_mine, toggle_mine
from advisor_tui.tui.screens.agenda_dialogs import DoneNoteScreen, SnoozeScreen
from advisor_tui.tui.screens.assign_dialog import AssignTarget, ask_and_assign, assignee_text
from advisor_tui.tui.widgets.footer import AdvisorFooter
from advisor_tui.tui.worker_errors import ReportsWorkerErrors

_SECTION_STYLE = {
    Section.OVERDUE: "bold red",
    Section.TODAY: "bold",
    Section.UPCOMING: "bold",
}


COLUMNS = ("due", "kind", "person", "number", "reason", "attempts")
COLUMNS_NARROW = ("due", "kind", "person", "number", "reason")
NARROW_WIDTHS = {"due": 14, "kind": 13, "person": 13, "number": 13}
WIDE_WIDTHS = {"due": 14, "kind": 15, "person": 22, "number": 15, "attempts": 9}
# Wide: an assignee column when any follow-up shown has one; narrow: "→ Bernd" before the reason.
ASSIGNEE_WIDTH = 14
# From this width on every column has its full width.
WIDE = 140
# From this width on the narrow layout has room for whole names.
ROOMY = 110


def due_text(item: AgendaItem, now: datetime) -> str:
    """The original due time (time only when today), and the snooze when there was one."""
    if local(item.due_at).date() == local(now).date():
        text = format_time(item.due_at)
    else:
        text = format_datetime(item.due_at, short=True)
    if item.snoozed_until is not None:
        until = format_datetime(item.snoozed_until, short=True)
        text += f", {t('agenda.snoozed_until', when=until)}"
    return text


class AgendaScreen(ReportsWorkerErrors, Screen[None]):
    """Every open follow-up by when it is due; Esc goes back."""

    DEFAULT_CSS = """
    AgendaScreen #agenda-table { height: 1fr; margin: 0 1; }
    AgendaScreen #agenda-empty {
        height: 1fr; content-align: center middle; text-align: center; color: $text-muted;
    }
    AgendaScreen #agenda-title { padding: 0 1; text-style: bold; }
    """

    BINDINGS = [
        Binding("escape", "app.pop_screen", "key.back", id="agenda.back"),
        Binding("d", "done", "agenda.key.done", id="agenda.done"),
        Binding("z", "snooze", "agenda.key.snooze", id="agenda.snooze"),
        Binding("b", "assign", "assign.key", id="agenda.assign"),
        Binding("m", "toggle_mine", "assign.key.mine", id="agenda.mine"),
        Binding("enter", "open_card", "agenda.key.open", id="agenda.open", show=True),
    ]

    class Loaded(Message):
        """The worker's result: the agenda as of `agenda.now`."""

        def __init__(self, agenda: Agenda, names: list[str], me: str, mine: bool) -> None:
            super().__init__()
            self.agenda = agenda
            self.names = names  # who a follow-up can be handed to, me first
            self.me = me
            self.mine = mine  # the agenda holds only mine

    def __init__(self) -> None:
        super().__init__()
        self.agenda: Agenda | None = None
        # None: a section's title row; birthdays come after the follow-ups.
        self._rows: list[AgendaItem | BirthdayItem | None] = []
        self._follow: int | None = None  # a follow-up id to keep the cursor on
        self._last_row = 0  # where the cursor was: title rows are skipped in that direction
        self._names: list[str] = []
        self._me = ""
        self._mine = False

    def compose(self) -> ComposeResult:
        yield Header()
        # The view (all / mine) is known now: the first load need not change the title.
        self._mine = shows_mine(self.app, "agenda")
        self._me = my_name(self.app)
        yield Static(self._title_text(), id="agenda-title", markup=False)
        yield DataTable(id="agenda-table", cursor_type="row", zebra_stripes=False)
        yield Static(t("agenda.empty"), id="agenda-empty")
        yield AdvisorFooter()

    def on_mount(self) -> None:
        table = self.query_one("#agenda-table", DataTable)
        table.display = False
        self.query_one("#agenda-empty").display = False
        self.reload()

    @work(thread=True, exclusive=True, group="agenda-load", exit_on_error=False)
    def reload(self) -> None:
        from advisor_tui.services.assignment import assignees
        from advisor_tui.services.birthdays import upcoming_birthdays
        from advisor_tui.services.followups.agenda import agenda
        from advisor_tui.storage.db import new_session

        app = self.app
        me = my_name(app)
        mine = self._mine
        with new_session(app.engine) as session:  # type: ignore[attr-defined]
            result = agenda(
                session,
                app.clock(),  # type: ignore[attr-defined]
                region=app.settings.region,  # type: ignore[attr-defined]
                mine=me if mine else None,
            )
            result.birthdays = upcoming_birthdays(
                session,
                app.clock(),  # type: ignore[attr-defined]
                region=app.settings.region,  # type: ignore[attr-defined]
            )
            names = assignees(session, me)
        self.post_message(self.Loaded(result, names, me, mine))

    def on_agenda_screen_loaded(self, message: Loaded) -> None:
        if message.mine != self._mine:
            return  # loaded before the view was switched; the switch's own load follows
        self._names, self._me = message.names, message.me
        self._show(message.agenda)

    def on_data_changed(self, message: DataChanged) -> None:
        self.reload()

    def on_resize(self) -> None:
        if self.agenda is not None:
            self._show(self.agenda)

    def _show(self, agenda: Agenda) -> None:
        table = self.query_one("#agenda-table", DataTable)
        current = self.selected_item()
        follow = self._follow or (current.followup_id if current else None)
        self._follow = None
        keep = table.cursor_row
        self.agenda = agenda
        self._show_title()
        # Narrow terminals: the calls go into the kind's cell, long names are cut.
        narrow = self.app.size.width < WIDE
        columns = COLUMNS_NARROW if narrow else COLUMNS
        table.clear(columns=True)
        widths = dict(NARROW_WIDTHS if narrow else WIDE_WIDTHS)
        if not narrow and any(i.assigned_to for i in agenda.items):
            columns = (*columns[:-2], "assignee", *columns[-2:])
            widths["assignee"] = ASSIGNEE_WIDTH
        if narrow and self.app.size.width >= ROOMY:
            widths["person"] = WIDE_WIDTHS["person"]  # names whole; the reason still gets 40+
        # A section's title ("Überfällig (132)") sits in the due column: never cut.
        titles = [self._section_title(section, agenda) for section in Section]
        if agenda.birthdays:
            titles.append(self._birthday_title(agenda))
        widths["due"] = max(widths["due"], *(title.cell_len for title in titles))
        if not narrow:  # a snoozed one says until when beside its due time
            longest = max((len(due_text(i, agenda.now)) for i in agenda.items), default=0)
            widths["due"] = max(widths["due"], longest)
        # The reason gets what is left (each column pads 1 on both sides; margins, scrollbar):
        # every column, the calls at the right included, stays on screen.
        widths["reason"] = max(self.app.size.width - 6 - sum(w + 2 for w in widths.values()) - 2, 8)
        for key in columns:
            label = t("assign.col") if key == "assignee" else t(f"agenda.col.{key}")
            table.add_column(label, key=key, width=widths[key])
        self._rows = []
        for section in Section:
            items = agenda.section(section)
            if not items:
                continue
            table.add_row(self._section_title(section, agenda), *[""] * (len(columns) - 1))
            self._rows.append(None)
            for item in items:
                cells = self._cells(item, agenda.now, narrow)
                table.add_row(*(cells[key] for key in columns))
                self._rows.append(item)
        if agenda.birthdays:
            table.add_row(self._birthday_title(agenda), *[""] * (len(columns) - 1))
            self._rows.append(None)
            today = local(agenda.now).date()
            for birthday in agenda.birthdays:
                cells = {
                    "due": when_text(birthday, today),
                    "kind": t("birthday.kind"),
                    "person": Text(birthday.name, overflow="ellipsis", no_wrap=True),
                    "number": birthday.number or "–",
                    "reason": Text(context_text(birthday), overflow="ellipsis", no_wrap=True),
                    "attempts": "",
                    "assignee": "",
                }
                table.add_row(*(cells[key] for key in columns))
                self._rows.append(birthday)
        empty = not agenda.items and not agenda.birthdays
        table.display = not empty
        self.query_one("#agenda-empty").display = empty
        if empty:
            return
        ids = [row.followup_id if isinstance(row, AgendaItem) else None for row in self._rows]
        row = ids.index(follow) if follow in ids else max(keep, 0)
        target = self._item_row(min(row, len(self._rows) - 1))
        table.move_cursor(row=target, scroll=False)
        if target <= 1:  # the first follow-up: its section's title stays in view
            self.call_after_refresh(table.scroll_home, animate=False, immediate=True)
        else:
            table.move_cursor(row=target)
        table.focus()

    def _title_text(self) -> str:
        """The title says which view this is: all follow-ups, or mine."""
        view = t("assign.view.mine", name=self._me) if self._mine else t("assign.view.all")
        return t("assign.view.title", title=t("agenda.title"), view=view)

    def _show_title(self) -> None:
        title = self.query_one("#agenda-title", Static)
        text = self._title_text()
        if str(title.content) != text:  # an update lays the screen out again
            title.update(text)

    @staticmethod
    def _birthday_title(agenda: Agenda) -> Text:
        return Text(f"{t('birthday.section')} ({len(agenda.birthdays)})", style="bold")

    @staticmethod
    def _section_title(section: Section, agenda: Agenda) -> Text:
        count = len(agenda.section(section))
        title = Text(f"{t('agenda.section.' + section.value)} ({count})")
        title.stylize(_SECTION_STYLE[section])
        return title

    @staticmethod
    def _cells(item: AgendaItem, now: datetime, narrow: bool) -> dict[str, str | Text]:
        style = "red" if item.section is Section.OVERDUE else ""
        attempts = tn("agenda.attempts", item.attempts) if item.attempts > 1 else ""
        kind = t(f"followup.{item.kind}")
        if narrow and item.attempts > 1:
            kind += f" ×{item.attempts}"
        reason = Text(item.reason, overflow="ellipsis", no_wrap=True)
        if narrow and item.assigned_to:
            reason = Text.assemble(
                (assignee_text(item.assigned_to) + " ", "bold"),
                item.reason,
                overflow="ellipsis",
                no_wrap=True,
            )
        return {
            "due": Text(due_text(item, now), style=style),
            "kind": Text(kind, overflow="ellipsis", no_wrap=True),
            "person": Text(item.person_name, overflow="ellipsis", no_wrap=True),
            "number": item.number or "–",
            "reason": reason,
            "attempts": attempts,
            "assignee": Text(item.assigned_to or "", overflow="ellipsis", no_wrap=True),
        }

    def _item_row(self, row: int, step: int = 1) -> int:
        """`row`, or the nearest item row in the direction `step` (title rows are skipped)."""
        probe = row
        while 0 <= probe < len(self._rows) and self._rows[probe] is None:
            probe += step
        if 0 <= probe < len(self._rows):
            return probe
        return self._item_row(row, -step) if step > 0 else row

    @on(DataTable.RowHighlighted, "#agenda-table")
    def _skip_titles(self, event: DataTable.RowHighlighted) -> None:
        row = event.cursor_row
        if 0 <= row < len(self._rows) and self._rows[row] is None:
            target = self._item_row(row, 1 if row >= self._last_row else -1)
            if target != row:
                # The first follow-up: its section's title stays in view (a reload's
                # highlight of row 0 can arrive after _show scrolled home).
                event.data_table.move_cursor(row=target, scroll=target > 1)
                if target <= 1:
                    event.data_table.scroll_home(animate=False, immediate=True)
                return
        self._last_row = row

    # -- what is selected -------------------------------------------------------

    def _selected_row(self) -> AgendaItem | BirthdayItem | None:
        if not self._rows:
            return None
        row = self.query_one("#agenda-table", DataTable).cursor_row
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def selected_item(self) -> AgendaItem | None:
        """The selected follow-up (None on a birthday: nothing to close or snooze)."""
        row = self._selected_row()
        return row if isinstance(row, AgendaItem) else None

    def selected_person_id(self) -> int | None:
        """The person of the selected row (F2 logs a contact with them)."""
        row = self._selected_row()
        return row.person_id if row is not None else None

    # -- keys -------------------------------------------------------------------

    def action_open_card(self) -> None:
        person_id = self.selected_person_id()
        if person_id is not None:
            self.app.open_card(person_id)  # type: ignore[attr-defined]

    @on(DataTable.RowSelected, "#agenda-table")
    def _selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_open_card()

    def action_done(self) -> None:
        item = self.selected_item()
        if item is None:
            return
        what = f"{t('followup.' + item.kind)}: {item.person_name}"

        def entered(note: str | None) -> None:
            if note is not None:
                self._mark_done(item, note)

        self.app.push_screen(DoneNoteScreen(what), entered)

    def action_snooze(self) -> None:
        item = self.selected_item()
        if item is None:
            return

        def chosen(until: datetime | None) -> None:
            if until is not None:
                self._snooze(item, until)

        what = f"{t('followup.' + item.kind)}: {item.person_name}"
        now = self.app.clock()  # type: ignore[attr-defined]
        self.app.push_screen(SnoozeScreen(now, what), chosen)

    def action_assign(self) -> None:
        item = self.selected_item()
        if item is None:
            return
        target = AssignTarget(
            "followup",
            item.followup_id,
            item.version,
            f"{t('followup.' + item.kind)}: {item.person_name}",
            item.assigned_to,
            item.person_id,
        )
        ask_and_assign(self, target, self._names or [my_name(self.app)], self._me)

    def action_toggle_mine(self) -> None:
        self._mine = toggle_mine(self.app, "agenda")
        self._show_title()
        self.reload()

    @work(thread=True, group="agenda-write", exit_on_error=False)
    def _mark_done(self, item: AgendaItem, note: str) -> None:
        from advisor_tui.services.followups.actions import mark_done
        from advisor_tui.storage.db import new_session
        from advisor_tui.storage.retry import retry_busy

        app = self.app

        def transaction() -> None:
            with new_session(app.engine) as session:  # type: ignore[attr-defined]
                mark_done(session, item.followup_id, note, item.version, app.clock())  # type: ignore[attr-defined]
                session.commit()

        retry_busy(transaction)
        app.call_from_thread(app.notify, t("agenda.done.saved", name=item.person_name))
        app.call_from_thread(broadcast, app, frozenset({item.person_id}))

    @work(thread=True, group="agenda-write", exit_on_error=False)
    def _snooze(self, item: AgendaItem, until: datetime) -> None:
        from advisor_tui.services.followups.actions import snooze
        from advisor_tui.storage.db import new_session
        from advisor_tui.storage.retry import retry_busy

        app = self.app

        def transaction() -> None:
            with new_session(app.engine) as session:  # type: ignore[attr-defined]
                snooze(session, item.followup_id, until, item.version, app.clock())  # type: ignore[attr-defined]
                session.commit()

        retry_busy(transaction)
        when = format_datetime(until, short=True)
        app.call_from_thread(app.notify, t("agenda.snooze.saved", when=when, name=item.person_name))
        app.call_from_thread(broadcast, app, frozenset({item.person_id}))
