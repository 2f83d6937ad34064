"""The customer card: who this is, which address reaches them, what is open."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from advisor_tui.domain.timestamps import local
from advisor_tui.i18n import t
from advisor_tui.services.card import CardData, load_card
from advisor_tui.services.ranking import RankedAddress, reason_texts

SCORE_BAR_WIDTH = 10


def score_bar(score: int) -> str:
    filled = round(score * SCORE_BAR_WIDTH / 100)
    return "█" * filled + "░" * (SCORE_BAR_WIDTH - filled) + f" {score:3d}"


def address_cells(ranked: RankedAddress) -> tuple[str, str, str, str, str]:
    """Marker, score bar, kind, scope and value of one address row."""
    address = ranked.address
    marker = "🔥" if ranked.is_hottest else ("·" if ranked.is_cold else " ")
    value = address.raw
    if not address.valid:
        value = f"{value}  ⚠ {t('addr.invalid')}"
    if address.label:
        value = f"{value}  ({address.label})"
    return (
        marker,
        score_bar(ranked.score),
        t(f"addr.{address.kind}"),
        t(f"scope.{address.scope}"),
        value,
    )


class CardScreen(Screen[None]):
    """One person's card; Esc goes back to the list."""

    BINDINGS = [
        Binding("escape", "app.pop_screen", t("key.back"), id="card.back"),
    ]

    def __init__(self, person_id: int) -> None:
        super().__init__()
        self.person_id = person_id
        self.data: CardData | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="card-head")
        with Horizontal(id="card-body"):
            with Vertical(id="card-left"):
                yield Static(t("card.addresses"), classes="section-title")
                yield DataTable(id="addresses", cursor_type="row", zebra_stripes=False)
                yield Static(id="reasons")
            with Vertical(id="card-right"):
                yield Static(t("card.requests"), classes="section-title")
                yield Static(id="requests", classes="section")
                yield Static(t("card.followups"), classes="section-title")
                yield Static(id="followups", classes="section")
                yield Static(t("card.interactions"), classes="section-title")
                yield Static(id="interactions", classes="section")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#addresses", DataTable)
        table.add_columns(
            "", t("card.col.score"), t("card.col.kind"), t("card.col.scope"), t("card.col.value")
        )
        self.reload()

    @work(thread=True, exclusive=True, group="card-load")
    def reload(self) -> None:
        from advisor_tui.storage.db import new_session

        with new_session(self.app.engine) as session:  # type: ignore[attr-defined]
            data = load_card(session, self.person_id)
        self.app.call_from_thread(self._show, data)

    def _show(self, data: CardData) -> None:
        self.data = data
        self.query_one("#card-head", Static).update(self._head_text(data))
        table = self.query_one("#addresses", DataTable)
        keep = table.cursor_row
        table.clear()
        for ranked in data.addresses:
            table.add_row(*address_cells(ranked), key=str(ranked.address.id))
        if data.addresses:
            table.move_cursor(row=min(keep, len(data.addresses) - 1))
            table.focus()
        else:
            self.query_one("#reasons", Static).update(t("card.no_addresses"))
        self._show_reasons()
        self.query_one("#requests", Static).update(self._requests_text(data))
        self.query_one("#followups", Static).update(self._followups_text(data))
        self.query_one("#interactions", Static).update(self._interactions_text(data))

    @staticmethod
    def _head_text(data: CardData) -> str:
        p = data.person
        name = " ".join(x for x in (p.salutation, p.title, p.first_name, p.last_name) if x)
        parts = [f"[b]{name or p.company}[/b]", t(f"kind.{p.kind}")]
        if p.company and name:
            parts.append(p.company)
        if p.birthday:
            parts.append(f"{t('card.birthday')} {p.birthday:%d.%m.%Y}")
        flags = []
        if p.is_super_customer:
            flags.append("★ " + t("card.flag.super"))
        if p.is_dissatisfied:
            flags.append("! " + t("card.flag.dissatisfied"))
        if p.has_payment_trouble:
            flags.append("€ " + t("card.flag.payment"))
        head = "  ·  ".join(parts)
        if flags:
            head += "\n" + "   ".join(flags)
        if p.notes:
            head += f"\n[dim]{p.notes}[/dim]"
        return head

    @staticmethod
    def _requests_text(data: CardData) -> str:
        if not data.open_requests:
            return t("card.none")
        lines = []
        for r in data.open_requests:
            when = local(r.received_at).strftime("%d.%m. %H:%M")
            text = (r.subject or r.body).replace("\n", " ")[:60]
            lines.append(f"{when} {t('channel.' + r.channel)}: {text}")
        return "\n".join(lines)

    @staticmethod
    def _followups_text(data: CardData) -> str:
        if not data.followups:
            return t("card.none")
        from advisor_tui.domain.timestamps import utcnow

        now = utcnow()
        lines = []
        for f in data.followups:
            when = local(f.due_at).strftime("%d.%m. %H:%M")
            line = f"{when} {t('followup.' + f.kind)}: {f.note[:50]}"
            if f.due_at < now:
                line = f"[b red]{line} ({t('card.overdue')})[/b red]"
            lines.append(line)
        return "\n".join(lines)

    @staticmethod
    def _interactions_text(data: CardData) -> str:
        if not data.interactions:
            return t("card.none")
        lines = []
        for i in data.interactions:
            when = local(i.occurred_at).strftime("%d.%m.%y")
            outcome = f" – {t('outcome.' + i.outcome)}" if i.outcome else ""
            summary = f": {i.summary[:40]}" if i.summary else ""
            lines.append(f"{when} {t('interaction.' + i.kind)}{outcome}{summary}")
        return "\n".join(lines)

    @property
    def selected(self) -> RankedAddress | None:
        if self.data is None or not self.data.addresses:
            return None
        row = self.query_one("#addresses", DataTable).cursor_row
        if 0 <= row < len(self.data.addresses):
            return self.data.addresses[row]
        return None

    @on(DataTable.RowHighlighted, "#addresses")
    def _show_reasons(self) -> None:
        ranked = self.selected
        if ranked is None:
            return
        reasons = " · ".join(reason_texts(ranked))
        self.query_one("#reasons", Static).update(f"{t('card.why')} {reasons}")
