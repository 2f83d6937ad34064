"""AdvisorApp: the screens, the global bindings and the command palette."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine
from textual import work
from textual.app import App
from textual.binding import Binding
from textual.widgets import Input

from advisor_tui.config import Settings
from advisor_tui.domain.timestamps import utcnow
from advisor_tui.i18n import t
from advisor_tui.tui.commands import AdvisorCommands, PaletteInLanguage
from advisor_tui.tui.screens.card import CardScreen
from advisor_tui.tui.screens.customers import CustomersScreen
from advisor_tui.tui.screens.help import HelpScreen
from advisor_tui.tui.screens.person_form import NewPerson, PersonFormScreen

if TYPE_CHECKING:
    from advisor_tui.io.callmonitor import CallMonitor, LinkStatus
    from advisor_tui.io.callmonitor_events import CallOutcome
    from advisor_tui.services.calls.recording import CallerInfo, CallReport


# How long after a ring the `o` key still opens that caller.
CALLER_KEY_SECONDS = 120.0


def ring_text(caller: CallerInfo) -> str:
    """The pop-up text for a ringing phone."""
    if caller.withheld:
        return t("ring.withheld")
    names = [c.name for c in caller.candidates]
    if caller.known and len(names) == 1:
        return t("ring.known", name=names[0], number=caller.display)
    if caller.known:
        return t("ring.shared", number=caller.display, names=", ".join(names), first=names[0])
    if names:
        return t("ring.suffix", number=caller.display, name=names[0])
    return t("ring.unknown", number=caller.display)


class AdvisorApp(PaletteInLanguage, App[int]):
    """The terminal contact manager."""

    CSS_PATH = Path(__file__).with_name("app.tcss")
    TITLE = "advisor"
    COMMANDS = App.COMMANDS | {AdvisorCommands}
    BINDINGS = [
        Binding("q", "quit", "key.quit", id="app.quit"),
        Binding("question_mark,f1", "help", "key.help", id="app.help"),
        Binding("slash", "focus_search", "key.search", id="app.search", show=False),
        Binding("ctrl+p", "command_palette", "key.palette", id="app.palette", show=False),
        # A ring takes the focus from an empty search box so that `o` works; Ctrl+O always does.
        Binding("o,ctrl+o", "open_caller", "key.open_caller", id="app.open_caller"),
    ]

    def __init__(
        self,
        *,
        engine: Engine,
        settings: Settings,
        database_label: str = "",
        demo: bool = False,
        clock: Callable[[], datetime] = utcnow,
    ) -> None:
        super().__init__()
        self.engine = engine
        self.settings = settings
        self.database_label = database_label
        self.demo = demo
        # "Now" for scores and due dates; tests and snapshots pin it.
        self.clock = clock
        self.sub_title = t("app.demo_subtitle") if demo else t("app.subtitle")
        if settings.keymap:
            self.set_keymap(settings.keymap)
        self.call_monitor: CallMonitor | None = None
        self.last_caller: CallerInfo | None = None

    def on_mount(self) -> None:
        self.push_screen(CustomersScreen())
        monitor = self.settings.callmonitor
        if monitor.enabled:
            # After the first screen has settled its focus, so a ring can take it.
            self.call_after_refresh(self.start_call_monitor, monitor.host, monitor.port)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "open_caller":
            return self.last_caller is not None and not self.last_caller.withheld
        return True

    # -- people ---------------------------------------------------------------

    def open_card(self, person_id: int) -> None:
        while isinstance(self.screen, CardScreen):
            self.pop_screen()
        self.push_screen(CardScreen(person_id))

    def action_duplicates(self) -> None:
        """The likely duplicate pairs, for review and merging."""
        from advisor_tui.tui.screens.duplicates import DuplicatesScreen

        self.push_screen(DuplicatesScreen())

    def action_new_person(self, address_kind: str = "mobile", address_raw: str = "") -> None:
        """Ask for a new person's data, store it, open the card."""

        def entered(new: NewPerson | None) -> None:
            if new is not None:
                self._create_person(new)

        self.push_screen(
            PersonFormScreen(address_kind=address_kind, address_raw=address_raw), entered
        )

    @work(thread=True, group="person-create")
    def _create_person(self, new: NewPerson) -> None:
        from advisor_tui.services.errors import ServiceError
        from advisor_tui.services.persons import editing as persons
        from advisor_tui.storage.db import new_session

        try:
            with new_session(self.engine) as session:
                person = persons.add_person(session, new.data)
                if new.address_raw:
                    persons.add_address(
                        session,
                        person.id,
                        new.address_kind,
                        new.address_raw,
                        region=self.settings.region,
                    )
                session.commit()
        except ServiceError as exc:
            self.call_from_thread(self.notify, t(exc.key, **exc.params), severity="error")
            return
        self.call_from_thread(self.notify, t("person.created", name=person.display_name))
        self.call_from_thread(self.open_card, person.id)

    # -- calls ----------------------------------------------------------------

    def start_call_monitor(self, host: str, port: int) -> None:
        """Listen to the FRITZ!Box call monitor while the app runs."""
        from advisor_tui.io.callmonitor import CallMonitor

        self.call_monitor = CallMonitor(host, port, self._on_call, on_status=self._on_link)
        self.run_worker(self.call_monitor.run(), name="callmonitor", exit_on_error=False)

    def on_unmount(self) -> None:
        if self.call_monitor is not None:
            self.call_monitor.stop()

    def _on_call(self, outcome: CallOutcome) -> None:
        # Runs on the event loop: the database work goes to a thread.
        self._record_call(outcome)

    def _on_link(self, status: LinkStatus) -> None:
        from advisor_tui.io.callmonitor import LinkState

        base = t("app.demo_subtitle") if self.demo else t("app.subtitle")
        if status.state is LinkState.CONNECTED:
            self.sub_title = f"{base} · {t('monitor.connected')}"
        elif status.state is LinkState.LOST:
            retry = int(getattr(status, "retry_in", 0) or 0)
            self.sub_title = f"{base} · {t('monitor.lost', seconds=retry)}"

    @work(thread=True, group="calls")
    def _record_call(self, outcome: CallOutcome) -> None:
        """Every outcome is recorded (not exclusive: no call may be lost)."""
        from advisor_tui.services.calls.recording import handle_outcome
        from advisor_tui.storage.db import new_session

        with new_session(self.engine) as session:
            report = handle_outcome(session, outcome, region=self.settings.region)
            session.commit()
        self.call_from_thread(self._show_call, report)

    def _show_call(self, report: CallReport) -> None:
        from advisor_tui.io.callmonitor_events import OutcomeKind

        caller = report.caller
        kind = report.outcome.kind
        if kind is OutcomeKind.RING:
            self.last_caller = caller
            focused = self.focused
            if isinstance(focused, Input) and not focused.value:
                self.screen.set_focus(None)
            self.refresh_bindings()
            self.set_timer(CALLER_KEY_SECONDS, lambda: self._forget_caller(caller))
            self.notify(ring_text(caller), title=t("ring.title"), timeout=30)
        elif kind is OutcomeKind.MISSED and report.missed is not None:
            done = (
                t("calls.done.followups") if report.missed.followup_ids else t("calls.done.inbox")
            )
            self.notify(
                t("ring.missed", number=caller.display, done=done), severity="warning", timeout=15
            )

    def _forget_caller(self, caller: CallerInfo) -> None:
        if self.last_caller is caller:
            self.last_caller = None
            self.refresh_bindings()

    def action_open_caller(self) -> None:
        """One key after a ring: the caller's card, or a new customer with their number."""
        caller = self.last_caller
        if caller is None or caller.withheld:
            return
        if caller.known and caller.candidates:
            self.open_card(caller.candidates[0].person_id)
            return
        lookup = caller.lookup
        kind = "mobile"
        if lookup is not None and lookup.normalized:
            from advisor_tui.domain.normalize import normalize_address

            if normalize_address("mobile", lookup.normalized).phone_type == "fixed_line":
                kind = "landline"
        self.action_new_person(kind, caller.number or "")

    def action_help(self) -> None:
        if isinstance(self.screen, HelpScreen):
            self.pop_screen()
        else:
            self.push_screen(HelpScreen(self.database_label))

    def action_focus_search(self) -> None:
        """`/` from anywhere: back to the list and into the search box."""
        while isinstance(self.screen, CardScreen):
            self.pop_screen()
        customers = self.screen
        if isinstance(customers, CustomersScreen):
            customers.action_focus_search()
