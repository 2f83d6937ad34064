"""A virtual list of persons: renders only the visible lines, loads pages on demand.

100,000 customers never become 100,000 widgets: the list knows how many rows
there are, draws the lines on screen, and asks a worker thread for the pages
it lacks. Search results come as a ready list instead.
"""

from __future__ import annotations

from collections.abc import Callable

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from textual import work
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from advisor_tui.i18n import t
from advisor_tui.i18n.dates import format_date
from advisor_tui.services.persons.listing import PersonRow
from advisor_tui.tui.worker_errors import ReportsWorkerErrors

PAGE_SIZE = 40  # rows per fetch: about one screen
SCROLLBAR_CELLS = 2  # Textual's vertical scrollbar: never draw text beneath it

PageFetcher = Callable[[int, int], list[PersonRow]]


LAST_CONTACT_CELLS = 10  # a full date: 30.11.2026
_MIN_NAME_COMPANY = 40  # what name and company keep beside the last contact


def column_widths(width: int) -> tuple[int, int, int, int, int, int]:
    """Widths of flags, name, kind, company, hottest, last contact for `width` cells.

    The hottest address comes first: it is what the advisor dials. The last contact
    takes its cells from name and company, only where those keep enough (0: left out,
    as at 80 columns); the hottest address keeps its width either way.
    """
    flags, kind = 3, 12
    # Four one-cell gaps between five columns; the vertical scrollbar's cells stay free.
    rest = max(width - SCROLLBAR_CELLS - flags - kind - 4, 10)
    hottest = min(max(rest * 40 // 100, 30), max(rest - 24, rest // 3))
    # As wide as its heading ("Letzter Kontakt"), at least a full date; one more gap.
    last = max(LAST_CONTACT_CELLS, cell_len(t("touch.col.last_contact")))
    if rest - hottest - last - 1 >= _MIN_NAME_COMPANY:
        rest -= last + 1
    else:
        last = 0
    name = min((rest - hottest) * 60 // 100, 36)  # a long name is rare; firms are long
    return flags, name, kind, rest - hottest - name, hottest, last


def fit(text: str, width: int) -> str:
    """`text` in exactly `width` cells; a longer one ends in an ellipsis."""
    if cell_len(text) <= width:
        return set_cell_size(text, width)
    return set_cell_size(text, max(width - 1, 0)) + "…" if width > 0 else ""


def format_columns(
    width: int, flags: str, name: str, kind: str, company: str, hottest: str, last: str = ""
) -> str:
    """One line of the list (or its header); the last contact only where it fits."""
    widths = column_widths(width)
    values = (flags, name, kind, company, hottest, last)
    cells = [fit(v, w) for v, w in zip(values, widths, strict=True) if w > 0]
    return set_cell_size(" ".join(cells), width)


def last_contact_text(row: PersonRow) -> str:
    """The row's last contact as a date, "–" when never in touch."""
    if row.last_contact is None:
        return t("touch.never_short")
    return format_date(row.last_contact)


class PersonList(ReportsWorkerErrors, ScrollView, can_focus=True):
    """Rows of persons; Enter opens the highlighted one."""

    COMPONENT_CLASSES = {"person-list--cursor", "person-list--loading"}

    BINDINGS = [
        Binding("enter", "open", "key.open", id="list.open"),
        Binding("up", "cursor(-1)", show=False, id="list.up"),
        Binding("down", "cursor(1)", show=False, id="list.down"),
        Binding("pageup", "page(-1)", show=False, id="list.page_up"),
        Binding("pagedown", "page(1)", show=False, id="list.page_down"),
        Binding("home", "jump(0)", show=False, id="list.first"),
        Binding("end", "jump(-1)", show=False, id="list.last"),
    ]

    cursor: reactive[int] = reactive(0)

    class Opened(Message):
        """The user asked to open a person's card."""

        def __init__(self, person_id: int) -> None:
            super().__init__()
            self.person_id = person_id

    class Highlighted(Message):
        def __init__(self, index: int, total: int) -> None:
            super().__init__()
            self.index = index
            self.total = total

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._total = 0
        self._rows: dict[int, PersonRow] = {}
        self._fetch: PageFetcher | None = None
        self._pending: set[int] = set()
        self._generation = 0

    # -- data -----------------------------------------------------------------

    @property
    def total(self) -> int:
        return self._total

    def row(self, index: int) -> PersonRow | None:
        return self._rows.get(index)

    def show_paged(self, total: int, fetch: PageFetcher, first_page: list[PersonRow]) -> None:
        """Show `total` rows fetched page by page through `fetch(offset, limit)` (in a thread)."""
        self._reset(total)
        self._fetch = fetch
        for i, row in enumerate(first_page):
            self._rows[i] = row

    def show_rows(self, rows: list[PersonRow]) -> None:
        """Show exactly these rows (search results)."""
        self._reset(len(rows))
        self._rows = dict(enumerate(rows))

    def _reset(self, total: int) -> None:
        self._generation += 1
        self._total = total
        self._rows = {}
        self._pending = set()
        self._fetch = None
        self.cursor = 0
        self.virtual_size = Size(0, total)
        self.scroll_to(y=0, animate=False)
        self.refresh()
        self.post_message(self.Highlighted(0, total))

    def _want_page(self, page: int) -> None:
        if self._fetch is None or page in self._pending:
            return
        self._pending.add(page)
        self._load_page(self._generation, page, self._fetch)

    @work(thread=True, group="person-pages", exit_on_error=False)
    def _load_page(self, generation: int, page: int, fetch: PageFetcher) -> None:
        rows = fetch(page * PAGE_SIZE, PAGE_SIZE)
        self.app.call_from_thread(self._page_loaded, generation, page, rows)

    def _page_loaded(self, generation: int, page: int, rows: list[PersonRow]) -> None:
        if generation != self._generation:
            return  # the list was replaced meanwhile
        for i, row in enumerate(rows):
            self._rows[page * PAGE_SIZE + i] = row
        self.refresh()

    # -- drawing --------------------------------------------------------------

    def on_resize(self) -> None:
        self.virtual_size = Size(0, self._total)

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        index = self.scroll_offset.y + y
        if index >= self._total:
            return Strip.blank(width, self.rich_style)
        row = self._rows.get(index)
        if row is None:
            self._want_page(index // PAGE_SIZE)
            style = self.get_component_rich_style("person-list--loading")
            return Strip([Segment(set_cell_size("  …", width), style)], width)
        text = format_columns(
            width,
            row.flags,
            row.name,
            t(f"kind.{row.kind}"),
            row.company,
            row.hottest,
            last_contact_text(row),
        )
        style = self.rich_style
        if index == self.cursor:
            style = self.get_component_rich_style("person-list--cursor")
        return Strip([Segment(text, style)], width)

    def watch_cursor(self, old: int, new: int) -> None:
        self.refresh()
        self.post_message(self.Highlighted(new, self._total))

    # -- actions --------------------------------------------------------------

    def _move_to(self, index: int) -> None:
        if self._total == 0:
            return
        self.cursor = max(0, min(self._total - 1, index))
        top = self.scroll_offset.y
        height = max(self.size.height, 1)
        if self.cursor < top:
            self.scroll_to(y=self.cursor, animate=False)
        elif self.cursor >= top + height:
            self.scroll_to(y=self.cursor - height + 1, animate=False)

    def action_cursor(self, delta: int) -> None:
        self._move_to(self.cursor + delta)

    def action_page(self, direction: int) -> None:
        self._move_to(self.cursor + direction * max(self.size.height - 1, 1))

    def action_jump(self, index: int) -> None:
        self._move_to(self._total - 1 if index < 0 else index)

    def action_open(self) -> None:
        row = self._rows.get(self.cursor)
        if row is not None:
            self.post_message(self.Opened(row.id))

    def on_click(self, event: object) -> None:
        offset = getattr(event, "y", None)
        if isinstance(offset, int):
            self._move_to(self.scroll_offset.y + offset)
