"""The customer card: who this is, which address reaches them, what is open."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, replace
from datetime import date
from typing import Any

from rich.markup import escape
from rich.text import Text
from sqlmodel import Session
from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Header, Static

from advisor_tui.domain.flags import flags_of
from advisor_tui.domain.models import Address, Interaction
from advisor_tui.domain.timestamps import local
from advisor_tui.domain.vocabulary import AddressKind
from advisor_tui.i18n import t, tn
from advisor_tui.i18n.dates import format_date, format_datetime
from advisor_tui.services.call_texts import entry_text
from advisor_tui.services.contacts.logging import correct_note
from advisor_tui.services.persons import editing as person_service
from advisor_tui.services.persons import evidence
from advisor_tui.services.persons.card import RECENT_INTERACTIONS, CardData, load_card
from advisor_tui.services.persons.ranking import RankedAddress
from advisor_tui.services.persons.removal import DeletionPlan
from advisor_tui.tui.messages import DataChanged, broadcast
from advisor_tui.tui.screens.address_form import AddressFormScreen, AddressInput
from advisor_tui.tui.screens.confirm import ConfirmScreen
from advisor_tui.tui.screens.consent_panel import ConsentPanelScreen, consent_glance
from advisor_tui.tui.screens.failure import FailureKindScreen
from advisor_tui.tui.screens.note_correction import ContactChoiceScreen, NoteEditScreen
from advisor_tui.tui.screens.person_form import PersonEditScreen
from advisor_tui.tui.widgets.footer import AdvisorFooter
from advisor_tui.tui.worker_errors import ReportsWorkerErrors

SCORE_BAR_WIDTH = 6
# The full table (score bar, scope column) only when it leaves the values this much room.
WANTED_VALUE_CELLS = 40
CELL_PADDING = 1  # DataTable's default, left and right of every cell


def score_bar(score: int) -> str:
    filled = round(score * SCORE_BAR_WIDTH / 100)
    return "█" * filled + "░" * (SCORE_BAR_WIDTH - filled) + f" {score:3d}"


def address_value(ranked: RankedAddress) -> Text:
    """The address as the card shows it: raw text, label, serviceable mark, invalid warning."""
    address = ranked.address
    value = address.raw
    if address.label:
        value = f"{value}  ({address.label})"
    if address.kind == "postal" and address.serviceable:
        value = f"{value}  §"
    if not address.valid:
        return Text.assemble((value, "strike"), "  ", (f"⚠ {t('addr.invalid')}", "bold red"))
    style = "dim" if ranked.is_cold and not ranked.is_hottest else ""
    return Text(value, style=style)


def address_columns(width: int, addresses: list[RankedAddress]) -> tuple[bool, list[int]]:
    """Whether the table is compact at `width` cells, and the width of each column.

    The value column gets what is left; the others are as wide as their texts.
    Compact (score as a number, no scope column: the reasons line names it)
    when the full table would cut the values.
    """
    kinds = [t(f"addr.{r.address.kind}") for r in addresses] + [t("card.col.kind")]
    scopes = [t(f"scope.{r.address.scope}") for r in addresses] + [t("card.col.scope")]
    longest = max((address_value(r).cell_len for r in addresses), default=0)
    full = [1, SCORE_BAR_WIDTH + 4, max(map(len, kinds)), max(map(len, scopes))]
    compact = [1, 4, max(map(len, kinds))]
    for widths in (full, compact):
        used = sum(w + 2 * CELL_PADDING for w in widths) + 2 * CELL_PADDING
        value = max(width - used, 8)
        if value >= min(longest, WANTED_VALUE_CELLS) or widths is compact:
            return widths is compact, [*widths, value]
    raise AssertionError("unreachable")


def address_cells(
    ranked: RankedAddress, compact: bool = False, value_width: int | None = None
) -> tuple[Text, ...]:
    """Marker, score, kind, scope (not when compact) and value of one address row.

    Cold ones are dimmed. With `value_width`, a longer value ends in an ellipsis,
    except the hottest address's: it wraps, so it is always shown whole.
    """
    address = ranked.address
    style = "dim" if ranked.is_cold and not ranked.is_hottest else ""
    marker = "▶" if ranked.is_hottest else " "
    score = f"{ranked.score:3d}" if compact else score_bar(ranked.score)
    value = address_value(ranked)
    if value_width is not None:
        if ranked.is_hottest:
            value.overflow = "fold"
        else:
            value.truncate(value_width, overflow="ellipsis")
            value.no_wrap = True
    cells = [Text(marker), Text(score, style=style), Text(t(f"addr.{address.kind}"), style=style)]
    if not compact:
        cells.append(Text(t(f"scope.{address.scope}"), style=style))
    cells.append(value)
    return tuple(cells)


def counted_items(counts: dict[str, int]) -> str:
    """ "5 Adressen, 1 Eingang und 2 Einwilligungen": the non-zero counts, each in its plural."""
    parts = [tn(f"count.{name}", n) for name, n in counts.items() if n]
    if len(parts) < 2:
        return "".join(parts)
    return ", ".join(parts[:-1]) + t("list.and") + parts[-1]


class CardScreen(ReportsWorkerErrors, Screen[None]):
    """One person's card; Esc goes back to the list."""

    # From 160 cells on, the right column (requests, contacts) gets half the width.
    HORIZONTAL_BREAKPOINTS = [(0, "-normal"), (160, "-wide")]

    BINDINGS = [
        Binding("escape", "app.pop_screen", "key.back", id="card.back"),
        Binding("c", "confirm_address", "key.confirm", id="card.confirm"),
        Binding("x", "fail_address", "key.fail", id="card.fail"),
        Binding("s", "toggle_serviceable", "key.serviceable", id="card.serviceable"),
        Binding("a", "add_address", "key.add", id="card.add"),
        Binding("e", "edit_address", "key.edit", id="card.edit"),
        Binding("d", "delete_address", "key.delete", id="card.delete"),
        Binding("m", "merge", "merge.key.card", id="card.merge"),
        Binding("p", "edit_person", "card.key.edit_person", id="card.edit_person"),
        Binding("i", "consent", "consent.key.open", id="card.consent"),
        Binding("n", "correct_note", "note.key", id="card.correct_note"),
        Binding("D,delete", "delete_person", "card.key.delete_person", id="card.delete_person"),
    ]

    def __init__(self, person_id: int) -> None:
        super().__init__()
        self.person_id = person_id
        self.data: CardData | None = None
        self._follow_id: int | None = None  # an address to put the cursor on at the next show
        self._styled_for: tuple[str, object] | None = None  # theme and size at the last show

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="card-head")
        yield Static(id="card-notes")
        yield Static(id="card-facts")
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

    def selected_person_id(self) -> int | None:
        """The person F2 logs a contact with (AdvisorApp.action_log_contact)."""
        return self.person_id

    def _on_screen_resume(self, event: events.ScreenResume) -> None:
        """Shown again: restyle only when what styles depend on has changed meanwhile.

        Textual restyles a resumed screen's every widget (half the time Ctrl+O took,
        bench/desk.py) in case the theme changed while it was hidden. The reused card
        knows: the theme and the terminal size (its width breakpoints) are all it needs.
        """
        seen = (self.app.theme, self.app.size)
        if seen == self._styled_for:
            event.refresh_styles = False
        self._styled_for = seen
        super()._on_screen_resume(event)

    def on_mount(self) -> None:
        if self.person_id:  # 0: built ahead of the first open (AdvisorApp.prepare_card)
            self.reload()

    def show_person(self, person_id: int) -> bool:
        """Show another person on this (already built) card before it is pushed again.

        The app keeps one card screen and reuses it (building a new screen is most of
        the time Ctrl+O takes). The data is read here, in the key's own handler
        (a few ms), so the previous person is never seen, not even for a frame.
        False when it cannot be read (the person was deleted meanwhile, the database
        is gone): the app reports why and does not show the card.
        """
        if not self.is_mounted:
            self.person_id = person_id
            return True  # the first open: on_mount loads
        previous = self.person_id
        self.person_id = person_id
        try:
            data = self._load()
        except Exception as exc:
            self.person_id = previous
            self.app.report_error(exc)  # type: ignore[attr-defined]
            return False
        self._follow_id = None
        self._show(data, row=0)
        return True

    def _load(self) -> CardData:
        from advisor_tui.storage.db import new_session

        with new_session(self.app.engine) as session:  # type: ignore[attr-defined]
            return load_card(
                session,
                self.person_id,
                self.app.clock(),  # type: ignore[attr-defined]
                recent=max(RECENT_INTERACTIONS, self.size.height),  # a tall card shows more
            )

    def on_resize(self) -> None:
        # After the layout has given the columns their new widths.
        self.call_after_refresh(self._fill_table)
        if self.data is not None:
            self.reload()  # a taller card has room for more contacts

    @work(thread=True, exclusive=True, group="card-load", exit_on_error=False)
    def reload(self) -> None:
        data = self._load()
        self.app.call_from_thread(self._show, data)

    def _show(self, data: CardData, row: int | None = None) -> None:
        """Fill the card; `row` puts the cursor there (a new person: the hottest address)."""
        if data.person.id != self.person_id:
            return  # a reload for the person this card showed before
        # Otherwise the cursor stays on the address it was on, wherever the new ranking puts it.
        selected = self.selected if row is None else None
        follow = self._follow_id or (selected.address.id if selected is not None else None)
        self._follow_id = None
        keep = self.query_one("#addresses", DataTable).cursor_row if row is None else row
        self.data = data
        self.query_one("#card-head", Static).update(self._head_text(data))
        self.query_one("#card-facts", Static).update(self._facts_text(data))
        notes = " ".join(data.person.notes.split())  # one line; a long note ends in "…"
        self.query_one("#card-notes", Static).update(Text(notes, style="dim"))
        self.query_one("#card-notes", Static).display = bool(notes)
        ids = [ranked.address.id for ranked in data.addresses]
        self._fill_table(row=ids.index(follow) if follow in ids else keep)
        if data.addresses:
            self.query_one("#addresses", DataTable).focus()
        else:
            self.query_one("#reasons", Static).update(t("card.no_addresses"))
        self._show_reasons()
        self.query_one("#requests", Static).update(self._requests_text(data))
        self.query_one("#followups", Static).update(self._followups_text(data))
        # As many recent contacts as fit below the other sections; never a line cut off.
        room = self.query_one("#card-right").content_region.height
        used = 6 + len(data.open_requests or [0]) + len(data.followups or [0])
        shown = max(room - used, 1) if room else RECENT_INTERACTIONS
        more = len(data.interactions) > shown
        if more:
            shown = max(shown - 1, 1)  # the last line says that there is more
        fitting = replace(data, interactions=data.interactions[:shown])
        text = self._interactions_text(fitting) + ("\n…" if more else "")
        self.query_one("#interactions", Static).update(text)

    def _fill_table(self, row: int | None = None) -> None:
        """The address rows, their columns fitted to the width the table has now."""
        table = self.query_one("#addresses", DataTable)
        if self.data is None:
            return
        row = table.cursor_row if row is None else row
        addresses = self.data.addresses
        width = self.query_one("#card-left").content_region.width or self.size.width
        compact, widths = address_columns(width, addresses)
        labels = [
            "",
            t("card.col.score_short" if compact else "card.col.score"),
            t("card.col.kind"),
        ]
        if not compact:
            labels.append(t("card.col.scope"))
        labels.append(t("card.col.value"))
        table.clear(columns=True)
        for label, column_width in zip(labels, widths, strict=True):
            table.add_column(label, width=column_width)
        for ranked in addresses:
            cells = address_cells(ranked, compact, widths[-1])
            # The hottest row grows when its value needs more than one line.
            height = None if ranked.is_hottest else 1
            table.add_row(*cells, key=str(ranked.address.id), height=height)
        if addresses:
            table.move_cursor(row=min(max(row, 0), len(addresses) - 1), animate=False)

    @staticmethod
    def _facts_text(data: CardData) -> Text:
        """Tags and consent per channel at a glance (UWG §7, GDPR Art. 21; the ledger)."""
        line = Text(t("card.consent") + " ", style="bold")
        line.append_text(consent_glance(data.consents, data.person.party))
        if data.tags:
            line = Text.assemble(
                (t("card.tags_line", tags=", ".join(data.tags)), "bold"), "   ", line
            )
        return line

    @staticmethod
    def _head_text(data: CardData) -> str:
        p = data.person
        name = " ".join(x for x in (p.salutation, p.title, p.first_name, p.last_name) if x)
        parts = [f"[b]{escape(name or p.company)}[/b]", t(f"kind.{p.kind}")]
        if p.company and name:
            parts.append(escape(p.company))
        if p.birthday:
            parts.append(f"{t('card.birthday')} {p.birthday:%d.%m.%Y}")
        last = data.last_contact
        if last is not None:
            # A message says on which channel (WhatsApp, SMS, ...); the rest by their kind.
            what = t(f"channel.{last.channel}") if last.kind == "message" and last.channel else ""
            what = what or t(f"interaction.{last.kind}")
            parts.append(
                t("touch.card.last_contact", when=format_date(last.occurred_at), what=what)
            )
        flags = [f"{flag.symbol} {t(flag.label_key)}" for flag in flags_of(data.flags)]
        head = "  ·  ".join(parts)
        if flags:
            head += "\n" + "   ".join(flags)
        return head

    @staticmethod
    def _requests_text(data: CardData) -> str:
        if not data.open_requests:
            return t("card.none")
        lines = []
        for r in data.open_requests:
            when = format_datetime(r.received_at, short=True)
            words = data.request_texts.get(r.id or 0) or entry_text(r)
            text = escape(" ".join(words.split()))
            lines.append(f"{when} {t('channel.' + r.channel)}: {text}")
        return "\n".join(lines)

    @staticmethod
    def _followups_text(data: CardData) -> str:
        if not data.followups:
            return t("card.none")
        lines = []
        for f in data.followups:
            when = format_datetime(f.due_at, short=True)
            reason = " ".join(entry_text(f).split())
            line = f"{when} {t('followup.' + f.kind)}" + (f": {escape(reason)}" if reason else "")
            if f.attempts > 1:
                line += f" ({tn('agenda.attempts', f.attempts)})"
            if data.is_snoozed(f) and f.snoozed_until is not None:
                snoozed = format_datetime(f.snoozed_until, short=True)
                line += f" [dim]{t('card.followup.snoozed', when=snoozed)}[/dim]"
            elif data.is_overdue(f):
                line = f"[b red]{t('card.overdue')} {line}[/b red]"
            lines.append(line)
        return "\n".join(lines)

    @staticmethod
    def _interactions_text(data: CardData) -> str:
        if not data.interactions:
            return t("card.none")
        return "\n".join(escape(CardScreen._interaction_line(i)) for i in data.interactions)

    @staticmethod
    def _interaction_line(i: Interaction, *, with_text: bool = True) -> str:
        """ "01.12.2026 Anruf – nicht erreicht: note" (plain text)."""
        when = format_date(i.occurred_at)
        outcome = f" – {t('outcome.' + i.outcome)}" if i.outcome else ""
        text = " ".join(entry_text(i).split()) if with_text else ""
        return f"{when} {t('interaction.' + i.kind)}{outcome}" + (f": {text}" if text else "")

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

    @work(thread=True, group="card-write", exit_on_error=False)
    def _write(
        self, change: Callable[[Session], object], done_key: str, *, follow: bool = False
    ) -> None:
        """Run one service call in its own transaction (again while the database is busy).

        A refusal or any other failure is one sentence on screen (the app's
        report_error); the card then shows what is stored now.
        """
        from advisor_tui.storage.db import new_session
        from advisor_tui.storage.retry import retry_busy

        def transaction() -> tuple[int | None, str]:
            with new_session(self.app.engine) as session:  # type: ignore[attr-defined]
                result = change(session)
                new_id = result.id if isinstance(result, Address) else None
                name = str(getattr(result, "display_name", "") or "")  # "{name} gespeichert."
                session.commit()
                return new_id, name

        try:
            address_id, name = retry_busy(transaction)
        except Exception as exc:
            self.app.call_from_thread(self.app.report_error, exc)  # type: ignore[attr-defined]
            self.app.call_from_thread(self.reload)
            return
        if follow:
            self._follow_id = address_id
        self.app.call_from_thread(self.notify, t(done_key, name=name))
        self.app.call_from_thread(self.app.data_changed, frozenset({self.person_id}))  # type: ignore[attr-defined]

    def on_data_changed(self, message: DataChanged) -> None:
        """A call recorded, an edit or a merge elsewhere: show what is stored now."""
        if message.concerns(self.person_id):
            self.reload()

    def action_confirm_address(self) -> None:
        ranked = self.selected
        if ranked is not None:
            address = ranked.address
            self._write(
                lambda s: evidence.confirm_address(
                    s, ranked.address_id, expected_version=address.version
                ),
                "card.confirmed",
            )

    def action_fail_address(self) -> None:
        ranked = self.selected
        if ranked is None:
            return
        address = ranked.address

        def chosen(failure: str | None) -> None:
            if failure:
                self._write(
                    lambda s: evidence.mark_failed(
                        s, ranked.address_id, failure, expected_version=address.version
                    ),
                    "card.failed",
                )

        self.app.push_screen(FailureKindScreen(address.raw, address.kind), chosen)

    def action_correct_note(self) -> None:
        """Pick one of the recent contacts and correct its note (the audit keeps the old)."""
        if self.data is None or not self.data.interactions:
            self.notify(t("note.none"), severity="warning")
            return
        contacts = {i.id: i for i in self.data.interactions if i.id is not None}
        lines = [(i.id, self._interaction_line(i)) for i in contacts.values() if i.id is not None]

        def chosen(interaction_id: int | None) -> None:
            if interaction_id is None:
                return
            interaction = contacts[interaction_id]

            def edited(note: str | None) -> None:
                if note is None or note == interaction.summary:
                    return
                self._write(
                    lambda s: correct_note(
                        s, interaction_id, note, expected_version=interaction.version
                    ),
                    "note.saved",
                )

            what = self._interaction_line(interaction, with_text=False)
            self.app.push_screen(NoteEditScreen(what, interaction.summary), edited)

        self.app.push_screen(ContactChoiceScreen(lines), chosen)

    def action_consent(self) -> None:
        """The consent panel: state per channel, the ledger, record an event."""
        self.app.push_screen(ConsentPanelScreen(self.person_id))

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
                s, ranked.address_id, flag, expected_version=address.version
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
                    follow=True,  # the cursor goes to the new address
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
                        ranked.address_id,
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
                        s, ranked.address_id, expected_version=address.version
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

    # -- the person -----------------------------------------------------------

    def action_edit_person(self) -> None:
        """Name, kind, birthday, tags, flags and notes in a form; saved if nobody changed them."""
        if self.data is None:
            return
        person = self.data.person
        person_id, version = self.person_id, person.version

        def entered(values: dict[str, Any] | None) -> None:
            if values is not None:
                self._write(
                    lambda s: person_service.update_person(
                        s, person_id, expected_version=version, **values
                    ),
                    "person.saved",
                )

        self.app.push_screen(PersonEditScreen(person), entered)

    def _today(self) -> date:
        return local(self.app.clock()).date()  # type: ignore[attr-defined]

    def action_delete_person(self) -> None:
        """Ask first, with what goes along (and what the retention duty keeps)."""
        self._plan_deletion(self._today())

    @work(thread=True, exclusive=True, group="card-delete", exit_on_error=False)
    def _plan_deletion(self, today: date) -> None:
        from advisor_tui.services.persons.removal import deletion_plan
        from advisor_tui.storage.db import new_session

        with new_session(self.app.engine) as session:  # type: ignore[attr-defined]
            plan = deletion_plan(session, self.person_id, today=today)
        self.app.call_from_thread(self._ask_deletion, plan, today)

    def _ask_deletion(self, plan: DeletionPlan, today: date) -> None:
        question = t("person.delete.question", name=plan.display_name, id=plan.person_id)
        items = counted_items(plan.counts)
        details = (
            t("person.delete.counts", items=items) if items else t("person.delete.nothing_else")
        )
        if plan.locked and plan.retain_until is not None:
            until = format_date(plan.retain_until)
            details += "\n\n" + t(
                "person.delete.locked", until=until, items=counted_items(plan.retained)
            )

        def answered(yes: bool | None) -> None:
            if yes:
                self._delete(plan, today)

        self.app.push_screen(ConfirmScreen(question, details), answered)

    @work(thread=True, exclusive=True, group="card-delete", exit_on_error=False)
    def _delete(self, plan: DeletionPlan, today: date) -> None:
        from advisor_tui.services.persons.removal import delete_person
        from advisor_tui.storage.db import new_session
        from advisor_tui.storage.retry import retry_busy

        def transaction() -> None:
            with new_session(self.app.engine) as session:  # type: ignore[attr-defined]
                delete_person(session, plan.person_id, expected_version=plan.version, today=today)
                session.commit()

        try:
            retry_busy(transaction)
        except Exception as exc:
            self.app.call_from_thread(self.app.report_error, exc)  # type: ignore[attr-defined]
            self.app.call_from_thread(self.reload)
            return
        self.app.call_from_thread(self._deleted, plan)

    def _deleted(self, plan: DeletionPlan) -> None:
        """The card closes; every other screen shows what is stored now."""
        app = self.app
        if plan.locked:
            until = f"{plan.retain_until:%d.%m.%Y}"
            app.notify(t("person.locked", name=plan.display_name, until=until))
        else:
            app.notify(t("person.deleted", name=plan.display_name))
        if app.screen is self:
            app.pop_screen()
        broadcast(app, frozenset({plan.person_id}))
