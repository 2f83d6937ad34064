"""The customers screen: a search box over the lazily rendered list of persons."""

from __future__ import annotations

from collections.abc import Callable

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Header, Input, Static

from advisor_tui.i18n import t, tn
from advisor_tui.services.persons import listing as customer_list
from advisor_tui.tui.messages import DataChanged
from advisor_tui.tui.widgets.footer import AdvisorFooter
from advisor_tui.tui.widgets.person_list import PAGE_SIZE, PageFetcher, PersonList, format_columns
from advisor_tui.tui.widgets.search_input import SearchInput
from advisor_tui.tui.worker_errors import ReportsWorkerErrors

SEARCH_DEBOUNCE_S = 0.08

# Keys in the search box that move the list instead (the text keeps the focus).
_LIST_KEYS: dict[str, Callable[[PersonList], None]] = {
    "down": lambda lst: lst.action_cursor(1),
    "up": lambda lst: lst.action_cursor(-1),
    "pagedown": lambda lst: lst.action_page(1),
    "pageup": lambda lst: lst.action_page(-1),
}


class CustomersScreen(ReportsWorkerErrors, Screen[None]):
    """All customers, narrowed by the search box as you type.

    Typing always searches: the search box has the focus, and a letter typed
    while the list has it goes to the search box too. Enter opens the first
    match of the text as typed (waiting for that search if it is still
    running), or the highlighted row when the list has the focus.
    """

    BINDINGS = [
        Binding("escape", "clear_search", "key.clear", id="customers.clear"),
        Binding("f6", "app.duplicates", "dupes.key.open", id="customers.duplicates"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._debounce: Timer | None = None
        self._query = ""
        self._total: int | None = None  # all visible persons, counted when the list loads
        self._shown_query: str | None = None  # the query whose result the list shows
        self._open_when_shown = False  # Enter came before the result of the typed text
        self._stale_weeks: int | None = None  # showing who was not in touch for so long

    def compose(self) -> ComposeResult:
        yield Header()
        yield SearchInput(
            placeholder=t("customers.search_placeholder"), id="search", select_on_focus=False
        )
        yield Static(id="list-header")
        yield PersonList(id="persons")
        yield Static(t("customers.empty"), id="empty")
        yield Static(id="status")
        yield AdvisorFooter()

    def on_mount(self) -> None:
        self.query_one("#empty").display = False
        self._draw_header()
        self.load_all()
        self.query_one("#search", Input).focus()

    def on_screen_resume(self) -> None:
        """Back from a card, a form or a merge: show what is stored now."""
        if self.person_list.total or self._total is not None:
            self.reload()

    def on_data_changed(self, _message: DataChanged) -> None:
        self.reload()

    def reload(self) -> None:
        """Fetch again what the list shows (count included), keeping the search."""
        self._total = None
        if self._stale_weeks is not None:
            self.load_stale(self._stale_weeks)
        elif self._query:
            self.run_search(self._query)
        else:
            self.load_all()

    def on_resize(self) -> None:
        self._draw_header()

    def _draw_header(self) -> None:
        width = self.query_one(PersonList).size.width or self.size.width
        self.query_one("#list-header", Static).update(
            format_columns(
                width,
                "",
                t("customers.col.name"),
                t("customers.col.kind"),
                t("customers.col.company"),
                t("customers.col.hottest"),
                t("touch.col.last_contact"),
            )
        )

    # -- loading --------------------------------------------------------------

    @property
    def person_list(self) -> PersonList:
        return self.query_one(PersonList)

    def selected_person_id(self) -> int | None:
        """The highlighted person, whom F2 logs a contact with (AdvisorApp.action_log_contact)."""
        people = self.person_list
        row = people.row(people.cursor) if people.total else None
        return row.id if row is not None else None

    @work(thread=True, exclusive=True, group="customers-load", exit_on_error=False)
    def load_all(self) -> None:
        """Count all persons and fetch the first page, off the UI thread."""
        engine = self.app.engine  # type: ignore[attr-defined]
        clock = self.app.clock  # type: ignore[attr-defined]
        from advisor_tui.storage.db import new_session

        with new_session(engine) as session:
            total = customer_list.total(session)
            first = customer_list.page(session, 0, PAGE_SIZE, clock())

        def fetch(offset: int, limit: int) -> list[customer_list.PersonRow]:
            with new_session(engine) as s:
                return customer_list.page(s, offset, limit, clock())

        self.app.call_from_thread(self._show_all, total, fetch, first)

    def _show_all(
        self, total: int, fetch: PageFetcher, first: list[customer_list.PersonRow]
    ) -> None:
        if self._query or self._stale_weeks is not None:
            return  # the user started typing (or asked for another list) meanwhile
        self._total = total
        self.person_list.show_paged(total, fetch, first)
        self._shown_query = ""
        self._show_state(total, total)
        self._open_if_asked(total)
        # Start-up's other work (due counts, the card screen) now: the first page came first.
        self.app.call_after_refresh(self.app.after_first_page)  # type: ignore[attr-defined]

    @work(thread=True, exclusive=True, group="customers-search", exit_on_error=False)
    def run_search(self, query: str) -> None:
        """Find the matches; rank addresses only for the rows on screen (page by page)."""
        from advisor_tui.storage.db import new_session

        engine = self.app.engine  # type: ignore[attr-defined]
        clock = self.app.clock  # type: ignore[attr-defined]
        with new_session(engine) as session:
            # The first screenful ranked, and how many match in all (the status says so).
            ids = customer_list.search_ids(session, query, PAGE_SIZE)
            found = customer_list.count_matches(session, query)
            first = customer_list.rows_for_ids(session, ids, clock())
            # The count changes only with writes; typing must not pay for it each time.
            total = self._total if self._total is not None else customer_list.total(session)

        def fetch(offset: int, limit: int) -> list[customer_list.PersonRow]:
            # Further ids only when scrolled to, twice as many each time (a page costs rows).
            with new_session(engine) as s:
                if offset + limit > len(ids) and len(ids) < found:
                    ids[:] = customer_list.search_ids(s, query, max(offset + limit, 2 * len(ids)))
                return customer_list.rows_for_ids(s, ids[offset : offset + limit], clock())

        self.app.call_from_thread(self._show_results, query, found, fetch, first, total)

    def _show_results(
        self,
        query: str,
        found: int,
        fetch: PageFetcher,
        first: list[customer_list.PersonRow],
        total: int,
    ) -> None:
        if query != self._query:
            return  # stale: the user typed on
        self.person_list.show_paged(found, fetch, first)
        self._shown_query = query
        self._show_state(found, total)
        self._open_if_asked(found)

    def _open_if_asked(self, shown: int) -> None:
        """Enter came before this list (at start-up or while typing): open its first row now."""
        if self._open_when_shown:
            self._open_when_shown = False
            if shown:
                self.person_list.action_open()

    def show_stale(self, weeks: int) -> None:
        """List the persons not contacted for `weeks` weeks, never-contacted first, then the
        oldest contact (the palette's "Nicht kontaktiert seit 8 Wochen"); typing or Esc ends it."""
        self._stale_weeks = weeks
        self._query = ""
        self._open_when_shown = False
        if self._debounce is not None:
            self._debounce.stop()
            self._debounce = None
        search = self.query_one("#search", Input)
        search.value = ""  # its Changed event keeps this list (see _search_changed)
        self.load_stale(weeks)

    @work(thread=True, exclusive=True, group="customers-load", exit_on_error=False)
    def load_stale(self, weeks: int) -> None:
        """The ids of the persons out of touch (one query), rows for the first page."""
        from advisor_tui.services.persons.last_contact import stale_persons
        from advisor_tui.storage.db import new_session

        engine = self.app.engine  # type: ignore[attr-defined]
        clock = self.app.clock  # type: ignore[attr-defined]
        with new_session(engine) as session:
            ids = [person_id for person_id, _ in stale_persons(session, clock(), weeks)]
            first = customer_list.rows_for_ids(session, ids[:PAGE_SIZE], clock())
            total = customer_list.total(session)

        def fetch(offset: int, limit: int) -> list[customer_list.PersonRow]:
            with new_session(engine) as s:
                return customer_list.rows_for_ids(s, ids[offset : offset + limit], clock())

        self.app.call_from_thread(self._show_stale, weeks, len(ids), fetch, first, total)

    def _show_stale(
        self,
        weeks: int,
        found: int,
        fetch: PageFetcher,
        first: list[customer_list.PersonRow],
        total: int,
    ) -> None:
        if weeks != self._stale_weeks:
            return  # the user typed or asked for another list meanwhile
        self._total = total
        self.person_list.show_paged(found, fetch, first)
        self._shown_query = ""
        self._show_state(found, total)
        title = tn("touch.cmd", weeks)
        if found == 0:
            self.query_one("#empty", Static).update(tn("stale.none", weeks))
        status = t("touch.status", title=title, shown=found, total=total)
        self.query_one("#status", Static).update(status)

    def _show_state(self, shown: int, total: int) -> None:
        empty = self.query_one("#empty", Static)
        status = self.query_one("#status", Static)
        if total == 0:
            empty.update(t("customers.empty"))
        elif shown == 0:
            empty.update(t("customers.no_match", query=self._query))
        empty.display = shown == 0
        self.person_list.display = shown > 0
        self.query_one("#list-header").display = shown > 0
        status.update(t("customers.count", shown=shown, total=total))

    # -- events ---------------------------------------------------------------

    @on(Input.Changed, "#search")
    def _search_changed(self, event: Input.Changed) -> None:
        if self._stale_weeks is not None:
            if not event.value.strip():
                return  # show_stale emptied the box: keep its list
            self._stale_weeks = None  # typing searches all persons again
        self._query = event.value.strip()
        self._open_when_shown = False
        if self._debounce is not None:
            self._debounce.stop()
        self._debounce = self.set_timer(SEARCH_DEBOUNCE_S, self._fire_search)

    def _fire_search(self) -> None:
        if self._query:
            self.run_search(self._query)
        else:
            self.load_all()

    @on(Input.Submitted, "#search")
    def _search_submitted(self) -> None:
        """Enter in the search box: the first match of the text as typed, never an old list."""
        if self._shown_query == self._query:
            if self.person_list.total:
                self.person_list.action_open()
            return
        self._open_when_shown = True
        if self._debounce is not None:
            self._debounce.stop()
            self._debounce = None
        self._fire_search()

    @on(PersonList.Opened)
    def _open(self, event: PersonList.Opened) -> None:
        self.app.open_card(event.person_id)  # type: ignore[attr-defined]

    def on_key(self, event: events.Key) -> None:
        search = self.query_one("#search", Input)
        if search.has_focus and event.key in _LIST_KEYS:
            # The list moves while the typing stays in the search box.
            event.stop()
            event.prevent_default()
            _LIST_KEYS[event.key](self.person_list)
        elif self.person_list.has_focus and event.is_printable and event.character:
            # Type-to-search: a letter on the list goes to the search box.
            event.stop()
            event.prevent_default()
            search.focus()
            search.insert_text_at_cursor(event.character)

    def action_focus_search(self) -> None:
        """`/`: into the search box, its text selected so that typing replaces it."""
        search = self.query_one("#search", Input)
        search.focus()
        search.select_all()

    def action_clear_search(self) -> None:
        search = self.query_one("#search", Input)
        if self._stale_weeks is not None:
            self._stale_weeks = None  # Esc: from the out-of-touch list back to all persons
            self.load_all()
        search.value = ""
        search.focus()
