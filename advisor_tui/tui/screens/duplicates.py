"""Likely duplicate pairs, one row each; Enter opens the merge screen for the pair."""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session
from textual import on, work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Header, Static

from advisor_tui.i18n import t
from advisor_tui.services.duplicates.listing import pair_views
from advisor_tui.tui.messages import DataChanged
from advisor_tui.tui.widgets.footer import AdvisorFooter
from advisor_tui.tui.worker_errors import ReportsWorkerErrors


@dataclass(frozen=True)
class PairRow:
    """One likely duplicate pair as the list shows it."""

    first_id: int
    second_id: int
    first_name: str
    second_name: str
    reasons: str
    conflicts: str


def load_pairs(session: Session, person_id: int | None = None) -> list[PairRow]:
    """The likely duplicate pairs (of one person, if given), ready for the table."""
    return [
        PairRow(
            first_id=v.first_id,
            second_id=v.second_id,
            first_name=f"{v.first_name} (#{v.first_id})",
            second_name=f"{v.second_name} (#{v.second_id})",
            reasons="; ".join(v.reasons),
            conflicts=", ".join(v.conflicts),
        )
        for v in pair_views(session, person_id)
    ]


def show_duplicates_of(app: App[object], person_id: int) -> None:
    """Open the duplicates of one person, or say that none are known (card key `m`)."""

    def look() -> None:
        from advisor_tui.storage.db import new_session

        with new_session(app.engine) as session:  # type: ignore[attr-defined]
            rows = load_pairs(session, person_id)
        app.call_from_thread(shown, rows)

    def shown(rows: list[PairRow]) -> None:
        if rows:
            app.push_screen(DuplicatesScreen(person_id, rows))
        else:
            app.notify(t("dupes.none_for_person"))

    app.run_worker(look, thread=True, exclusive=True, group="dupes-of", exit_on_error=False)


class DuplicatesScreen(ReportsWorkerErrors, Screen[None]):
    """All likely duplicate pairs, or those of one person; Esc goes back."""

    BINDINGS = [
        Binding("escape", "app.pop_screen", "key.back", id="dupes.back"),
        Binding("enter", "merge", "dupes.key.merge", id="dupes.merge"),
        Binding("r", "reload", "dupes.key.reload", id="dupes.reload"),
    ]

    def __init__(self, person_id: int | None = None, rows: list[PairRow] | None = None) -> None:
        super().__init__()
        self.person_id = person_id
        self.rows: list[PairRow] | None = rows
        self._resumed_once = False

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="dupes-title", classes="section-title")
        yield DataTable(id="dupes-table", cursor_type="row", zebra_stripes=True)
        yield Static(t("dupes.loading"), id="dupes-empty")
        yield Static(t("dupes.hint"), id="dupes-hint")
        yield AdvisorFooter()

    def on_mount(self) -> None:
        table = self.query_one("#dupes-table", DataTable)
        table.add_columns(
            t("dupes.col.first"),
            t("dupes.col.second"),
            t("duplicates.col.reasons"),
            t("duplicates.col.conflicts"),
        )
        table.display = False
        if self.rows is not None:
            self._show(self.rows)
        else:
            self.reload()

    def on_screen_resume(self) -> None:
        # Back from a merge: the list may have changed (the first resume is the mount).
        if self._resumed_once:
            self.reload()
        self._resumed_once = True

    def on_data_changed(self, message: DataChanged) -> None:
        """A merge, an edit or a delete elsewhere: the pairs may have changed."""
        if self.person_id is None or message.concerns(self.person_id):
            self.reload()

    def action_reload(self) -> None:
        self.reload()

    @work(thread=True, exclusive=True, group="dupes-load", exit_on_error=False)
    def reload(self) -> None:
        from advisor_tui.storage.db import new_session

        with new_session(self.app.engine) as session:  # type: ignore[attr-defined]
            rows = load_pairs(session, self.person_id)
        self.app.call_from_thread(self._show, rows)

    def _show(self, rows: list[PairRow]) -> None:
        self.rows = rows
        table = self.query_one("#dupes-table", DataTable)
        keep = table.cursor_row
        table.clear()
        for row in rows:
            table.add_row(row.first_name, row.second_name, row.reasons, row.conflicts or "–")
        empty = self.query_one("#dupes-empty", Static)
        empty.update(t("dupes.empty"))
        empty.display = not rows
        table.display = bool(rows)
        title = "dupes.title_person" if self.person_id is not None else "dupes.title"
        self.query_one("#dupes-title", Static).update(t(title, count=len(rows)))
        if rows:
            table.move_cursor(row=min(max(keep, 0), len(rows) - 1))
            table.focus()

    @property
    def selected(self) -> PairRow | None:
        if not self.rows:
            return None
        row = self.query_one("#dupes-table", DataTable).cursor_row
        return self.rows[row] if 0 <= row < len(self.rows) else None

    @on(DataTable.RowSelected, "#dupes-table")
    def _selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_merge()

    def action_merge(self) -> None:
        from advisor_tui.tui.screens.merge import MergeScreen

        pair = self.selected
        if pair is not None:
            self.app.push_screen(MergeScreen(pair.first_id, pair.second_id))
