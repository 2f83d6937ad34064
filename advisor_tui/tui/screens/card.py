"""The customer card: who this is, which address reaches them, what is open."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict

from rich.text import Text
from sqlmodel import Session
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Header, Static

from advisor_tui.domain.timestamps import local
from advisor_tui.domain.vocabulary import AddressKind, FailureKind
from advisor_tui.i18n import t
from advisor_tui.services.persons import editing as person_service
from advisor_tui.services.persons import evidence
from advisor_tui.services.persons.card import CardData, load_card
from advisor_tui.services.persons.ranking import RankedAddress
from advisor_tui.tui.screens.address_form import AddressFormScreen, AddressInput
from advisor_tui.tui.screens.confirm import ConfirmScreen
from advisor_tui.tui.screens.failure import FailureKindScreen
from advisor_tui.tui.widgets.footer import AdvisorFooter

SCORE_BAR_WIDTH = 6


def score_bar(score: int) -> str:
    filled = round(score * SCORE_BAR_WIDTH / 100)
    return "█" * filled + "░" * (SCORE_BAR_WIDTH - filled) + f" {score:3d}"


def address_cells(ranked: RankedAddress) -> tuple[Text, ...]:
    """Marker, score bar, kind, scope and value of one address row (cold ones dimmed)."""
    address = ranked.address
    marker = "▶" if ranked.is_hottest else " "
    value = address.raw
    if address.label:
        value = f"{value}  ({address.label})"
    if address.kind == "postal" and address.serviceable:
        value = f"{value}  §"
    style = "dim" if ranked.is_cold and not ranked.is_hottest else ""
    cells = [
        Text(marker),
        Text(score_bar(ranked.score), style=style),
        Text(t(f"addr.{address.kind}"), style=style),
        Text(t(f"scope.{address.scope}"), style=style),
        Text(value, style=style),
    ]
    if not address.valid:
        cells[-1] = Text.assemble((value, "strike"), "  ", (f"⚠ {t('addr.invalid')}", "bold red"))
    return tuple(cells)


class CardScreen(Screen[None]):
    """One person's card; Esc goes back to the list."""

    BINDINGS = [
        Binding("escape", "app.pop_screen", "key.back", id="card.back"),
        Binding("c", "confirm_address", "key.confirm", id="card.confirm"),
        Binding("x", "fail_address", "key.fail", id="card.fail"),
        Binding("s", "toggle_serviceable", "key.serviceable", id="card.serviceable"),
        Binding("a", "add_address", "key.add", id="card.add"),
        Binding("e", "edit_address", "key.edit", id="card.edit"),
        Binding("d", "delete_address", "key.delete", id="card.delete"),
        Binding("m", "merge", "merge.key.card", id="card.merge"),
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
        yield AdvisorFooter()

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
            data = load_card(session, self.person_id, self.app.clock())  # type: ignore[attr-defined]
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
        now = data.now
        lines = []
        for f in data.followups:
            when = local(f.due_at).strftime("%d.%m. %H:%M")
            line = f"{when} {t('followup.' + f.kind)}: {f.note}"
            if f.due_at < now:
                line = f"[b red]{t('card.overdue')} {line}[/b red]"
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
        reasons = " · ".join(ranked.reason_texts())
        self.query_one("#reasons", Static).update(f"{t('card.why')} {reasons}")

    # -- evidence and editing -------------------------------------------------

    @work(thread=True, group="card-write")
    def _write(self, change: Callable[[Session], object], done_key: str) -> None:
        """Run one service call in its own transaction, then reload the card."""
        from advisor_tui.services.errors import ServiceError
        from advisor_tui.storage.db import new_session

        try:
            with new_session(self.app.engine) as session:  # type: ignore[attr-defined]
                change(session)
                session.commit()
        except ServiceError as exc:
            self.app.call_from_thread(self.notify, t(exc.key, **exc.params), severity="error")
            self.app.call_from_thread(self.reload)  # show what is stored now
            return
        self.app.call_from_thread(self.notify, t(done_key))
        self.app.call_from_thread(self.reload)

    def action_confirm_address(self) -> None:
        ranked = self.selected
        if ranked is not None:
            address = ranked.address
            self._write(
                lambda s: evidence.confirm_address(s, address.id, expected_version=address.version),
                "card.confirmed",
            )

    def action_fail_address(self) -> None:
        ranked = self.selected
        if ranked is None:
            return
        address = ranked.address
        kind = AddressKind(address.kind)
        if kind.is_phone or kind is AddressKind.MESSENGER:
            suggested = [FailureKind.WRONG_NUMBER, FailureKind.UNREACHABLE]
        elif kind is AddressKind.EMAIL:
            suggested = [FailureKind.BOUNCED]
        elif kind is AddressKind.POSTAL:
            suggested = [FailureKind.RETURNED_LETTER]
        else:
            suggested = [FailureKind.UNREACHABLE]

        def chosen(failure: str | None) -> None:
            if failure:
                self._write(
                    lambda s: evidence.mark_failed(
                        s, address.id, failure, expected_version=address.version
                    ),
                    "card.failed",
                )

        self.app.push_screen(FailureKindScreen(address.raw, suggested), chosen)

    def action_toggle_serviceable(self) -> None:
        ranked = self.selected
        if ranked is None:
            return
        address = ranked.address
        if address.kind != AddressKind.POSTAL:
            self.notify(t("card.serviceable_postal_only"), severity="warning")
            return
        flag = not address.serviceable
        self._write(
            lambda s: evidence.mark_serviceable(
                s, address.id, flag, expected_version=address.version
            ),
            "card.serviceable_on" if flag else "card.serviceable_off",
        )

    def action_add_address(self) -> None:
        person_id = self.person_id
        region = self.app.settings.region  # type: ignore[attr-defined]

        def entered(values: AddressInput | None) -> None:
            if values is not None:
                self._write(
                    lambda s: person_service.add_address(
                        s, person_id, region=region, **asdict(values)
                    ),
                    "card.added",
                )

        self.app.push_screen(AddressFormScreen(), entered)

    def action_edit_address(self) -> None:
        ranked = self.selected
        if ranked is None:
            return
        address = ranked.address
        region = self.app.settings.region  # type: ignore[attr-defined]

        def entered(values: AddressInput | None) -> None:
            if values is not None:
                self._write(
                    lambda s: person_service.update_address(
                        s,
                        address.id,
                        region=region,
                        expected_version=address.version,
                        **asdict(values),
                    ),
                    "card.saved",
                )

        self.app.push_screen(AddressFormScreen(address), entered)

    def action_delete_address(self) -> None:
        ranked = self.selected
        if ranked is None:
            return
        address = ranked.address

        def answered(yes: bool | None) -> None:
            if yes:
                self._write(
                    lambda s: evidence.delete_address(
                        s, address.id, expected_version=address.version
                    ),
                    "card.deleted",
                )

        self.app.push_screen(
            ConfirmScreen(t("card.delete_question", address=address.raw)), answered
        )

    def action_merge(self) -> None:
        """The likely duplicates of this person, to merge them."""
        from advisor_tui.tui.screens.duplicates import show_duplicates_of

        show_duplicates_of(self.app, self.person_id)
