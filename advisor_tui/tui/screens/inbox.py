"""The inbox (Eingang): every request from every channel, new and unassigned first.

Each row shows when, the channel, the sender, who it is from (assigned: the
name; suggested: "~ Name?"; unassigned: "? nicht zugeordnet" or the number of
candidates, each styled differently), kind, status and the start of the
text, and the colleague who handles it ("→ Bernd"). Enter opens the
request; `b` hands it to a colleague; `m` switches between all requests and
mine (assigned to me or to nobody); F2 logs a contact with its person. The
header counts the new requests.
"""

from __future__ import annotations

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Header, Static

from advisor_tui.i18n import t, tn
from advisor_tui.i18n.dates import format_datetime
from advisor_tui.services.inbox.listing import InboxRow
from advisor_tui.tui.inbox_format import sender_text
from advisor_tui.tui.messages import DataChanged
from advisor_tui.tui.mine_view import my_name, shows_mine, toggle_mine
from advisor_tui.tui.screens.assign_dialog import AssignTarget, ask_and_assign, assignee_text
from advisor_tui.tui.widgets.footer import AdvisorFooter
from advisor_tui.tui.worker_errors import ReportsWorkerErrors

COLUMNS = ("when", "channel", "from", "person", "kind", "status", "text")
COLUMNS_NARROW = ("when", "channel", "person", "kind", "text")
WIDTHS = {"when": 12, "channel": 9, "from": 22, "person": 22, "kind": 13, "status": 8}
NARROW_WIDTHS = {"when": 12, "channel": 8, "person": 18, "kind": 10}
WIDE = 120
# Wide: a column of who handles it, when anyone does; narrow: "→ Bernd" before the text.
ASSIGNEE_WIDTH = 14
STATE_STYLE = {"assigned": "", "suggested": "italic cyan", "unassigned": "bold yellow"}


def person_cell(row: InboxRow) -> Text:
    """Who the request is from, styled by how sure that is."""
    state = row.state
    if state == "assigned":
        words = row.person_name
    elif state == "suggested":
        words = t("inbox.suggested", name=row.suggested_name)
    elif row.candidates > 1:
        words = tn("inbox.candidates", row.candidates)
    else:
        words = t("inbox.unassigned")
    return Text(words, style=STATE_STYLE[state], overflow="ellipsis", no_wrap=True)


class InboxScreen(ReportsWorkerErrors, Screen[None]):
    """The requests, new and unassigned first; Esc goes back."""

    DEFAULT_CSS = """
    InboxScreen #inbox-table { height: 1fr; margin: 0 1; }
    InboxScreen #inbox-empty {
        height: 1fr; content-align: center middle; text-align: center; color: $text-muted;
    }
    InboxScreen #inbox-title { padding: 0 1; text-style: bold; }
    """

    BINDINGS = [
        Binding("escape", "app.pop_screen", "key.back", id="inbox.back"),
        Binding("enter", "open_request", "inbox.open", id="inbox.open", show=True),
        Binding("b", "assign", "assign.key", id="inbox.assign"),
        Binding("m", "toggle_mine", "assign.key.mine", id="inbox.mine"),
    ]

    class Loaded(Message):
        def __init__(
            self, rows: list[InboxRow], new: int, names: list[str], me: str, mine: bool
        ) -> None:
            super().__init__()
            self.rows = rows
            self.new = new
            self.names = names  # who a request can be handed to, me first
            self.me = me
            self.mine = mine  # the rows are only mine

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[InboxRow] = []
        self._follow: int | None = None
        self._names: list[str] = []
        self._me = ""
        self._mine = False
        self._new = 0  # how many requests are new (the title counts them)

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(t("inbox.title"), id="inbox-title")
        yield DataTable(id="inbox-table", cursor_type="row", zebra_stripes=False)
        yield Static(t("inbox.empty"), id="inbox-empty")
        yield AdvisorFooter()

    def on_mount(self) -> None:
        self.title = t("inbox.title")
        self.query_one("#inbox-table").display = False
        self.query_one("#inbox-empty").display = False
        self._mine = shows_mine(self.app, "inbox")
        self.reload()

    @work(thread=True, exclusive=True, group="inbox-load", exit_on_error=False)
    def reload(self) -> None:
        from advisor_tui.services.assignment import assignees
        from advisor_tui.services.inbox.listing import count_new, list_inbox
        from advisor_tui.storage.db import new_session

        me = my_name(self.app)
        mine = self._mine
        with new_session(self.app.engine) as session:  # type: ignore[attr-defined]
            rows = list_inbox(session, mine=me if mine else None)
            new = count_new(session)
            names = assignees(session, me)
        self.post_message(self.Loaded(rows, new, names, me, mine))

    def on_inbox_screen_loaded(self, message: Loaded) -> None:
        if message.mine != self._mine:
            return  # loaded before the view was switched; the switch's own load follows
        self._names, self._me = message.names, message.me
        self.sub_title = tn("inbox.header_count", message.new)
        self._new = message.new
        self._show_title()
        self._show(message.rows)

    def _show_title(self) -> None:
        """The title counts the new requests and says which view this is."""
        view = t("assign.view.mine", name=self._me) if self._mine else t("assign.view.all")
        title = t("assign.view.title", title=tn("inbox.title_count", self._new), view=view)
        self.query_one("#inbox-title", Static).update(Text(title))

    def on_data_changed(self, message: DataChanged) -> None:
        self.reload()

    def on_screen_resume(self) -> None:
        self.reload()

    def on_resize(self) -> None:
        if self.rows:
            self._show(self.rows)

    def _show(self, rows: list[InboxRow]) -> None:
        table = self.query_one("#inbox-table", DataTable)
        current = self.selected_row()
        follow = self._follow or (current.id if current else None)
        keep = max(table.cursor_row, 0)
        self.rows = rows
        narrow = self.app.size.width < WIDE
        columns = COLUMNS_NARROW if narrow else COLUMNS
        widths = dict(NARROW_WIDTHS if narrow else WIDTHS)
        if not narrow and any(row.assigned_to for row in rows):
            columns = (*columns[:-1], "assignee", "text")
            widths["assignee"] = ASSIGNEE_WIDTH
        widths["text"] = max(self.app.size.width - 6 - sum(w + 2 for w in widths.values()) - 2, 8)
        table.clear(columns=True)
        for key in columns:
            label = t("assign.col") if key == "assignee" else t(f"inbox.col.{key}")
            table.add_column(label, key=key, width=widths.get(key))
        region = self.app.settings.region  # type: ignore[attr-defined]
        for row in rows:
            cells = self._cells(row, region, narrow)
            table.add_row(*(cells[key] for key in columns))
        empty = not rows
        table.display = not empty
        self.query_one("#inbox-empty").display = empty
        if empty:
            return
        ids = [row.id for row in rows]
        table.move_cursor(row=ids.index(follow) if follow in ids else min(keep, len(rows) - 1))
        table.focus()

    @staticmethod
    def _cells(row: InboxRow, region: str, narrow: bool) -> dict[str, str | Text]:
        new = row.status == "new"
        channel = t(f"channel.{row.channel}")
        text = " ".join(row.text.split()) or sender_text(row.sender, row.sender_name, region)
        shown = Text(text, overflow="ellipsis", no_wrap=True, style="" if new else "dim")
        if narrow and row.assigned_to:
            shown = Text.assemble(
                (assignee_text(row.assigned_to) + " ", "bold"),
                (text, "" if new else "dim"),
                overflow="ellipsis",
                no_wrap=True,
            )
        return {
            "when": Text(format_datetime(row.received_at, short=True), style="bold" if new else ""),
            "channel": Text(channel, overflow="ellipsis", no_wrap=True),
            "from": Text(
                sender_text(row.sender, row.sender_name, region), overflow="ellipsis", no_wrap=True
            ),
            "person": person_cell(row),
            "kind": Text(t(f"rkind.{row.kind}"), overflow="ellipsis", no_wrap=True),
            "status": Text(t(f"rstatus.{row.status}"), style="bold" if new else "dim"),
            "text": shown,
            "assignee": Text(row.assigned_to or "", overflow="ellipsis", no_wrap=True),
        }

    def selected_row(self) -> InboxRow | None:
        if not self.rows:
            return None
        row = self.query_one("#inbox-table", DataTable).cursor_row
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def selected_person_id(self) -> int | None:
        """The person of the selected request (F2 logs a contact with them)."""
        row = self.selected_row()
        return row.person_id if row is not None else None

    def action_open_request(self) -> None:
        from advisor_tui.tui.screens.request_view import RequestScreen

        row = self.selected_row()
        if row is not None:
            self._follow = row.id
            self.app.push_screen(RequestScreen(row.id))

    def action_assign(self) -> None:
        row = self.selected_row()
        if row is None:
            return
        region = self.app.settings.region  # type: ignore[attr-defined]
        who = row.person_name or sender_text(row.sender, row.sender_name, region)
        target = AssignTarget.request(row.id, row.version, who, row.assigned_to, row.person_id)
        self._follow = row.id
        ask_and_assign(self, target, self._names or [my_name(self.app)], self._me)

    def action_toggle_mine(self) -> None:
        self._mine = toggle_mine(self.app, "inbox")
        self._show_title()
        self.reload()

    @on(DataTable.RowSelected, "#inbox-table")
    def _selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_open_request()
