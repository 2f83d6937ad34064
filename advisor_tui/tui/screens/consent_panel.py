"""The consent panel of a card (key `i`): state per channel, the ledger, record an event.

The card's facts line shows the same states at a glance (`consent_glance`).
Everything shown is derived from the append-only ledger (`services.consent`);
recording an event adds one, never changes one.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import DataTable, Input, Label, Select, Static

from advisor_tui.domain.consent import ChannelState, ChannelStatus, ConsentEventKind, Party
from advisor_tui.domain.vocabulary import ConsentChannel
from advisor_tui.i18n import t
from advisor_tui.i18n.dates import format_date
from advisor_tui.services.consent.ledger import ConsentOverview
from advisor_tui.tui.widgets.footer import AdvisorFooter
from advisor_tui.tui.worker_errors import ReportsWorkerErrors

_GOOD = {ChannelStatus.GRANTED, ChannelStatus.EXISTING_CUSTOMER}
# Methods a person at the desk records (migrated / do-not-contact are made by the program).
RECORDABLE_METHODS = ("conversation", "form", "email", "double_opt_in", "existing_customer")


def _style(status: ChannelStatus) -> str:
    if status in _GOOD:
        return "green"
    return "dim" if status == ChannelStatus.NONE else "red"


def consent_glance(states: list[ChannelState], party: str) -> Text:
    """One line for the card: each recorded channel with a short state and its date.

    A business is marked (presumed consent may do for its phone); consumers are the default.
    """
    line = Text()
    if party == Party.BUSINESS:
        line.append(f"({t('consent.party.business')}) ", style="dim")
    objection = next((s for s in states if s.status == ChannelStatus.OBJECTION), None)
    if objection is not None:
        when = format_date(objection.since) if objection.since else ""
        line.append(f"{t('consent.status.objection')} {when}".strip(), style="bold red")
        return line
    parts = []
    for state in states:
        when = format_date(state.since) if state.since else ""
        text = f"{t(f'consent.channel.{state.channel}')} {t(f'consent.short.{state.status}')}"
        parts.append(Text(f"{text} {when}".strip(), style=_style(state.status)))
    if parts:
        line.append_text(Text("  ").join(parts))
    else:
        line.append(t("card.consent.none"), style="dim")
    return line


@dataclass(frozen=True)
class EventInput:
    """What the record dialog dismisses with."""

    kind: str
    channel: str
    method: str
    purpose: str
    wording: str
    evidence: str


class ConsentEventDialog(ModalScreen[EventInput | None]):
    """Record one consent event; Ctrl+S saves, Esc cancels."""

    BINDINGS = [
        Binding("escape", "cancel", "consent.dialog.cancel", id="consent_dialog.cancel"),
        Binding("ctrl+s", "save", "consent.dialog.save", id="consent_dialog.save"),
    ]

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog", id="consent-dialog"):
            yield Static(t("consent.dialog.title"), classes="dialog-title")
            with Horizontal(classes="form-row"):
                with Vertical():
                    yield Label(t("consent.dialog.kind"))
                    yield Select(
                        [(t(f"consent.kind.{k.value}"), k.value) for k in ConsentEventKind],
                        value=ConsentEventKind.GRANTED.value,
                        allow_blank=False,
                        id="consent-kind",
                    )
                with Vertical():
                    yield Label(t("consent.dialog.channel"))
                    yield Select(
                        [(t(f"consent.channel.{c.value}"), c.value) for c in ConsentChannel],
                        value=ConsentChannel.PHONE.value,
                        allow_blank=False,
                        id="consent-channel",
                    )
                with Vertical():
                    yield Label(t("consent.dialog.method"))
                    yield Select(
                        [(t(f"consent.method.{m}"), m) for m in RECORDABLE_METHODS],
                        value="conversation",
                        allow_blank=False,
                        id="consent-method",
                    )
            yield Label(t("consent.dialog.purpose"))
            yield Input(id="consent-purpose")
            yield Label(t("consent.dialog.wording"))
            yield Input(id="consent-wording")
            yield Label(t("consent.dialog.evidence"))
            yield Input(id="consent-evidence")
        yield AdvisorFooter()

    def on_mount(self) -> None:
        self.query_one("#consent-kind", Select).focus()

    def _value(self, selector: str) -> str:
        return str(self.query_one(selector, Select).value)

    def action_save(self) -> None:
        self.dismiss(
            EventInput(
                kind=self._value("#consent-kind"),
                channel=self._value("#consent-channel"),
                method=self._value("#consent-method"),
                purpose=self.query_one("#consent-purpose", Input).value,
                wording=self.query_one("#consent-wording", Input).value,
                evidence=self.query_one("#consent-evidence", Input).value,
            )
        )

    def on_input_submitted(self) -> None:
        self.action_save()

    def action_cancel(self) -> None:
        self.dismiss(None)


class ConsentPanelScreen(ReportsWorkerErrors, ModalScreen[None]):
    """Consent per channel and the ledger of one person."""

    DEFAULT_CSS = """
    ConsentPanelScreen {
        align: center middle;
    }
    #consent-panel {
        width: 100;
        max-width: 100%;
        height: auto;
        max-height: 100%;
        border: thick $primary;
        background: $surface;
        padding: 0 1;
    }
    #consent-channels {
        height: auto;
    }
    #consent-ledger {
        height: auto;
    }
    """

    BINDINGS = [
        Binding("escape", "close", "consent.key.close", id="consent.close"),
        Binding("e", "record", "consent.key.record", id="consent.record"),
        Binding("u", "toggle_party", "consent.key.party", id="consent.party"),
    ]

    def __init__(self, person_id: int) -> None:
        super().__init__()
        self.person_id = person_id
        self.overview: ConsentOverview | None = None
        self.person_name = ""

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="consent-panel"):
            yield Static(id="consent-title", classes="dialog-title")
            yield Static(id="consent-party")
            yield DataTable(id="consent-channels", cursor_type="row", zebra_stripes=False)
            yield Static(t("consent.panel.ledger"), classes="section-title")
            yield Static(id="consent-ledger")
        yield AdvisorFooter()

    def on_mount(self) -> None:
        self.reload()

    @work(thread=True, exclusive=True, group="consent-load", exit_on_error=False)
    def reload(self) -> None:
        from advisor_tui.services.consent.ledger import overview
        from advisor_tui.services.persons.editing import get_person
        from advisor_tui.storage.db import new_session

        with new_session(self.app.engine) as session:  # type: ignore[attr-defined]
            data = overview(session, self.person_id)
            name = get_person(session, self.person_id, include_restricted=True).display_name
        self.app.call_from_thread(self._show, data, name)

    def _show(self, data: ConsentOverview, name: str) -> None:
        self.overview, self.person_name = data, name
        self.query_one("#consent-title", Static).update(t("consent.panel.title", name=name))
        self.query_one("#consent-party", Static).update(
            t("consent.panel.party", party=t(f"consent.party.{data.party}"))
        )
        table = self.query_one("#consent-channels", DataTable)
        table.clear(columns=True)
        for key in ("channel", "status", "since", "uses", "keep"):
            table.add_column(t(f"consent.panel.col.{key}"))
        for view in data.channels:
            state = view.state
            table.add_row(
                t(f"consent.channel.{state.channel}"),
                Text(t(f"consent.status.{state.status}"), style=_style(state.status)),
                format_date(state.since) if state.since else "",
                str(view.uses) if view.uses else "",
                format_date(view.keep_until) if view.keep_until else "",
                key=state.channel,
            )
        self.query_one("#consent-ledger", Static).update(self._ledger_text(data))

    @staticmethod
    def _ledger_text(data: ConsentOverview) -> Text:
        if not data.events:
            return Text(t("consent.panel.ledger_empty"), style="dim")
        lines = []
        for event in reversed(data.events):  # newest first
            line = t(
                "consent.panel.event",
                when=format_date(event.occurred_at),
                channel=t(f"consent.channel.{event.channel}"),
                kind=t(f"consent.kind.{event.kind}"),
                method=t(f"consent.method.{event.method}"),
                purpose=f"– {event.purpose}" if event.purpose else "",
            ).rstrip()
            extras = [x for x in (event.wording, event.evidence) if x]
            if event.recorded_by:
                extras.append(t("consent.panel.by", who=event.recorded_by))
            if extras:
                line += "  · " + " · ".join(" ".join(x.split()) for x in extras)
            lines.append(line)
        return Text("\n".join(lines))

    def _selected_channel(self) -> str:
        table = self.query_one("#consent-channels", DataTable)
        if self.overview is None or not self.overview.channels:
            return ConsentChannel.PHONE.value
        row = min(max(table.cursor_row, 0), len(self.overview.channels) - 1)
        return self.overview.channels[row].state.channel

    def action_record(self) -> None:
        channel = self._selected_channel()

        def recorded(entry: EventInput | None) -> None:
            if entry is not None:
                self._save(entry)

        dialog = ConsentEventDialog()
        self.app.push_screen(dialog, recorded)
        dialog.call_after_refresh(
            lambda: setattr(dialog.query_one("#consent-channel", Select), "value", channel)
        )

    def action_toggle_party(self) -> None:
        if self.overview is None:
            return
        party = (
            Party.CONSUMER.value if self.overview.party == Party.BUSINESS else Party.BUSINESS.value
        )
        self._set_party(party)

    @work(thread=True, exclusive=True, group="consent-save", exit_on_error=False)
    def _save(self, entry: EventInput) -> None:
        from advisor_tui.services.consent.ledger import record_event

        self._write(
            lambda session: record_event(
                session,
                self.person_id,
                kind=entry.kind,
                channel=entry.channel,
                method=entry.method,
                purpose=entry.purpose,
                wording=entry.wording,
                evidence=entry.evidence,
            ),
            t("consent.saved"),
        )

    @work(thread=True, exclusive=True, group="consent-save", exit_on_error=False)
    def _set_party(self, party: str) -> None:
        from advisor_tui.services.consent.ledger import set_party

        self._write(
            lambda session: set_party(session, self.person_id, party),
            t("consent.party_saved", party=t(f"consent.party.{party}")),
        )

    def _write(self, change: object, done: str) -> None:
        """One service call in its own transaction; a refusal is one sentence on screen."""
        from advisor_tui.storage.db import new_session
        from advisor_tui.storage.retry import retry_busy

        def transaction() -> None:
            with new_session(self.app.engine) as session:  # type: ignore[attr-defined]
                change(session)  # type: ignore[operator]
                session.commit()

        try:
            retry_busy(transaction)
        except Exception as exc:
            self.app.call_from_thread(self.app.report_error, exc)  # type: ignore[attr-defined]
            return
        self.app.call_from_thread(self.notify, done)
        self.app.call_from_thread(self.app.data_changed, frozenset({self.person_id}))  # type: ignore[attr-defined]
        self.app.call_from_thread(self.reload)

    def action_close(self) -> None:
        self.dismiss(None)
