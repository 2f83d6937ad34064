"""AdvisorApp: the screens, the global bindings and the command palette."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, cast

from sqlalchemy import Engine
from textual import work
from textual.app import App
from textual.binding import Binding
from textual.screen import ModalScreen
from textual.timer import Timer
from textual.worker import Worker, WorkerState

from advisor_tui.config import Settings
from advisor_tui.domain.timestamps import utcnow
from advisor_tui.i18n import t, tn
from advisor_tui.i18n.errors import describe_error
from advisor_tui.services.calls.pending import PendingCalls
from advisor_tui.storage.retry import retry_busy
from advisor_tui.tui.commands import AdvisorCommands, PaletteInLanguage
from advisor_tui.tui.messages import CallRecorded, CallsWaiting, DataChanged
from advisor_tui.tui.ring_listener import RingListener
from advisor_tui.tui.ring_popup import person_head, ring_text
from advisor_tui.tui.screens.confirm import ConfirmScreen
from advisor_tui.tui.screens.customers import CustomersScreen
from advisor_tui.tui.screens.help import HelpScreen
from advisor_tui.tui.screens.person_form import NewPerson, PersonFormScreen

if TYPE_CHECKING:
    from sqlmodel import Session
    from textual.notifications import Notification

    from advisor_tui.io.callmonitor import CallMonitor, LinkStatus
    from advisor_tui.io.callmonitor_events import CallOutcome
    from advisor_tui.services.calls.context import CallerContext
    from advisor_tui.services.calls.recording import CallerInfo, CallReport


log = logging.getLogger(__name__)

# How long after a ring Ctrl+O still opens that caller, if no call event ends it first.
CALLER_KEY_SECONDS = 120.0
# Garbage collection for a UI that allocates many small, short-lived objects per frame
# (Python's default is 700, 10, 10): fewer young collections, rarer full ones.
GC_THRESHOLDS = (20_000, 20, 20)
# While call outcomes wait for a busy database, try again this often.
PENDING_RETRY_SECONDS = 3.0
CARD_SCREEN = "card"  # the installed, reused customer card


class AdvisorApp(PaletteInLanguage, App[int]):
    """The terminal contact manager.

    The keyboard model (README "Keys", the help screen): on a list, letters
    and digits type into its search; commands that must work everywhere are
    Ctrl or F keys, `/` (search) and `?` (help), which are never typed except
    into a form's text fields. On a card, letters act on the selected address.
    A ringing phone never moves the focus: Ctrl+O opens the caller.
    """

    CSS_PATH = Path(__file__).with_name("app.tcss")
    TITLE = "advisor"
    COMMANDS = App.COMMANDS | {AdvisorCommands}
    BINDINGS = [
        Binding("ctrl+q", "quit", "key.quit", id="app.quit", priority=True),
        Binding("f1", "help", "key.help", id="app.help", priority=True),
        Binding("question_mark", "help", "key.help", id="app.help_key", show=False, priority=True),
        Binding("slash", "focus_search", "key.search", id="app.search", show=False, priority=True),
        Binding("ctrl+n", "new_person", "key.new_person", id="app.new_person"),
        Binding("ctrl+o", "open_caller", "key.open_caller", id="app.open_caller", priority=True),
        Binding("f2", "log_contact", "key.log_contact", id="app.log_contact"),
        Binding("f3", "agenda", "key.agenda", id="app.agenda"),
        Binding("f4", "inbox", "key.inbox", id="app.inbox"),
        Binding("f5", "attention", "attention.key", id="app.attention", show=False),
        Binding("f8", "campaigns", "campaign.key", id="app.campaigns", show=False),
        Binding("f6", "duplicates", "dupes.key.open", id="app.duplicates", show=False),
        Binding("ctrl+p", "command_palette", "key.palette", id="app.palette", show=False),
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
        self._first_page_shown = False
        self.mine_views: set[str] = set()  # screens showing only "mine" (key m; tui.mine_view)
        self.last_caller_context: CallerContext | None = None
        # What a RING's worker looked up about the caller, until the pop-up shows it.
        self._ring_contexts: dict[int, CallerContext] = {}
        self._ring_toast: Notification | None = None  # the caller pop-up on screen
        # Connections of the call monitor that rang or were dialled and have not ended.
        self.active_calls: set[int] = set()
        self.pending_calls: PendingCalls[CallReport] = PendingCalls(self._store_call)
        self._pending_timer: Timer | None = None
        self.ring_listener = RingListener(self.record_call)
        self._stop_watching: Callable[[], None] = lambda: None

    def on_mount(self) -> None:
        self.push_screen(CustomersScreen())
        monitor = self.settings.callmonitor
        if monitor.enabled:
            self.call_after_refresh(self.start_call_monitor, monitor.host, monitor.port)
        # `advisor ring NUMBER` (a softphone) pops up its caller here.
        self.run_worker(self.ring_listener.start(), name="ring-listener", exit_on_error=False)
        self.call_after_refresh(_freeze_startup_objects)
        self._watch_changes()

    @work(thread=True, group="due-counts", exit_on_error=False)
    def _count_due(self) -> None:
        """At start: how many follow-ups are overdue and due today, in one notification."""
        from advisor_tui.services.followups.agenda import counts
        from advisor_tui.storage.db import new_session

        with new_session(self.engine) as session:
            overdue, today = counts(session, self.clock())
        if overdue and today:
            text = f"{tn('agenda.startup.overdue', overdue)}, {tn('agenda.startup.today', today)}"
        elif overdue:
            text = tn("agenda.startup.overdue", overdue)
        elif today:
            text = tn("agenda.startup.today_only", today)
        else:
            return
        self.call_from_thread(self._show_due, text)

    def _show_due(self, text: str) -> None:
        title = t("agenda.startup.hint", key=self.key_label("app.agenda"))
        self.notify(text, title=title, timeout=8)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Global keys stay out of dialogs and forms, where `/` and `?` are text.
        if action in _NOT_IN_DIALOGS and isinstance(self.screen, ModalScreen):
            return False
        if action == "open_caller":
            return self.last_caller is not None and not self.last_caller.withheld
        return True

    def key_label(self, binding_id: str) -> str:
        """How the key bound to `binding_id` is written, as remapped ("Strg+O").

        Read from the definitions (and the user's keymap), not from the live
        bindings: a key that is off right now (no caller yet, a dialog open)
        is still the key to name.
        """
        remapped = self.settings.keymap.get(binding_id) if self.settings.keymap else None
        if remapped:
            return key_text(remapped)
        for binding in self.BINDINGS:
            if isinstance(binding, Binding) and binding.id == binding_id:
                return key_text(binding.key)
        return binding_id

    # -- errors ---------------------------------------------------------------

    def report_error(self, error: BaseException) -> None:
        """Any failure of a worker or a write: one sentence on screen, the app stays up."""
        log.error("worker failed", exc_info=error)
        self.notify(describe_error(error), title=t("error.title"), severity="error", timeout=10)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state is WorkerState.ERROR and event.worker.error is not None:
            self.report_error(event.worker.error)

    # -- leaving --------------------------------------------------------------

    @property
    def unsaved_forms(self) -> bool:
        return any(getattr(screen, "is_dirty", False) for screen in self.screen_stack)

    async def action_quit(self) -> None:
        """Ctrl+Q: quit, after asking when a call is on or a form holds typed input."""
        if isinstance(self.screen, ConfirmScreen):
            return
        if not self.active_calls and not self.unsaved_forms and not len(self.pending_calls):
            self.exit()
            return
        if len(self.pending_calls):
            question = t("quit.pending_calls", count=len(self.pending_calls))
        elif self.active_calls:
            question = t("quit.call_active")
        else:
            question = t("quit.unsaved")

        def answered(yes: bool | None) -> None:
            if yes:
                self.exit()

        self.push_screen(ConfirmScreen(question), answered)

    def action_help_quit(self) -> None:
        """Ctrl+C does not quit (Textual's rule); say so in the user's language."""
        self.notify(t("quit.how", shortcut=self.key_label("app.quit")), title=t("key.quit"))

    # -- people ---------------------------------------------------------------

    def after_first_page(self) -> None:
        """Once the customer list shows its first page: what start-up can do after it.

        The due-count notification (a query over every open follow-up) and building the
        card screen would otherwise compete with the first page for the CPU.
        """
        if self._first_page_shown:
            return
        self._first_page_shown = True
        self._count_due()
        self.prepare_card()

    def prepare_card(self) -> None:
        """Build the one card screen once the list shows, so the first Ctrl+O is fast too.

        (Called after the list's first page, `after_first_page`: before, it delayed that page.)

        The app reuses one card screen for every person: composing and mounting its
        ~20 widgets was most of the time from Ctrl+O to the card (bench/desk.py).
        Textual builds an installed screen only when it is shown; `_get_screen`
        (the step `push_screen` takes first) builds it now. Without it, the first
        open builds the screen, as before.
        """
        if self.is_screen_installed(CARD_SCREEN):
            return
        from advisor_tui.tui.screens.card import CardScreen  # after the first paint

        self.install_screen(CardScreen(0), CARD_SCREEN)
        build = getattr(self, "_get_screen", None)
        if callable(build):
            build(CARD_SCREEN)

    def open_card(self, person_id: int) -> None:
        from advisor_tui.tui.screens.card import CardScreen

        while isinstance(self.screen, CardScreen):
            self.pop_screen()
        self.prepare_card()
        card = self.get_screen(CARD_SCREEN, CardScreen)
        if card.show_person(person_id):
            self.push_screen(card)

    def action_agenda(self) -> None:
        """F3: the agenda of open follow-ups (overdue, today, upcoming)."""
        from advisor_tui.tui.screens.agenda import AgendaScreen

        if not isinstance(self.screen, AgendaScreen):
            self.push_screen(AgendaScreen())

    def action_inbox(self) -> None:
        """F4: the inbox (Eingang), new and unassigned requests first."""
        from advisor_tui.tui.screens.inbox import InboxScreen

        if not isinstance(self.screen, InboxScreen):
            self.push_screen(InboxScreen())

    def action_attention(self) -> None:
        """F5: who needs attention (dissatisfied, payment trouble, quiet super customers)."""
        from advisor_tui.tui.screens.attention import AttentionScreen

        if not isinstance(self.screen, AttentionScreen):
            self.push_screen(AttentionScreen())

    def action_campaigns(self) -> None:
        """F8: phone campaigns: resume one, or build a new call list."""
        from advisor_tui.tui.screens.campaigns import CampaignsScreen

        if not isinstance(self.screen, CampaignsScreen):
            self.push_screen(CampaignsScreen())

    def action_duplicates(self) -> None:
        """The likely duplicate pairs, for review and merging."""
        from advisor_tui.tui.screens.duplicates import DuplicatesScreen

        self.push_screen(DuplicatesScreen())

    def action_new_person(
        self, address_kind: str = "mobile", address_raw: str = "", attach_from: str = ""
    ) -> None:
        """Ask for a new person's data, store it, open the card.

        `attach_from`: a caller's normalized number whose unassigned requests
        go to the new person when it is stored with that number.
        """

        def entered(new: NewPerson | None) -> None:
            if new is not None:
                self._create_person(new, attach_from)

        self.push_screen(
            PersonFormScreen(address_kind=address_kind, address_raw=address_raw), entered
        )

    @work(thread=True, group="person-create", exit_on_error=False)
    def _create_person(self, new: NewPerson, attach_from: str = "") -> None:
        from advisor_tui.services.calls.context import attach_requests_from
        from advisor_tui.services.persons import editing as persons
        from advisor_tui.storage.db import new_session

        def create() -> tuple[int, str, int]:
            attached = 0
            with new_session(self.engine) as session:
                person = persons.add_person(session, new.data)
                assert person.id is not None
                if new.address_raw:
                    address = persons.add_address(
                        session,
                        person.id,
                        new.address_kind,
                        new.address_raw,
                        region=self.settings.region,
                    )
                    # Only when the caller's number was kept in the form.
                    if attach_from and address.normalized == attach_from:
                        attached = attach_requests_from(session, person.id, attach_from)
                session.commit()
                return person.id, person.display_name, attached

        person_id, name, attached = retry_busy(create)
        self.call_from_thread(self.notify, t("person.created", name=name))
        if attached:
            self.call_from_thread(self.notify, tn("ringctx.attached", attached))
        self.call_from_thread(self.open_card, person_id)

    def data_changed(self, person_ids: frozenset[int] | None = None) -> None:
        """Tell every screen on the stack that stored data changed."""
        for screen in self.screen_stack:
            screen.post_message(DataChanged(person_ids))

    # -- calls ----------------------------------------------------------------

    def start_call_monitor(self, host: str, port: int) -> None:
        """Listen to the FRITZ!Box call monitor while the app runs."""
        from advisor_tui.io.callmonitor import CallMonitor

        self.call_monitor = CallMonitor(host, port, self.on_call, on_status=self._on_link)
        self.run_worker(self.call_monitor.run(), name="callmonitor", exit_on_error=False)

    def _watch_changes(self) -> None:
        """Colleagues' writes (other processes) refresh the screens within seconds.

        A plain daemon thread, not a worker: it runs for the app's life (tests
        wait for workers to finish) and blocks on a socket or a timer.
        """
        import threading

        from advisor_tui.storage.changes import ChangeWatcher

        def changed() -> None:
            if self.is_running:
                self.call_from_thread(self.data_changed)

        watcher = ChangeWatcher(self.engine.url.render_as_string(hide_password=False), changed)
        self._stop_watching = watcher.stop
        threading.Thread(target=watcher.watch, name="advisor-changes", daemon=True).start()

    def on_unmount(self) -> None:
        self._stop_watching()
        self.ring_listener.stop()
        if self.call_monitor is not None:
            self.call_monitor.stop()

    def on_call(self, outcome: CallOutcome) -> None:
        """A call monitor outcome (event loop): queue it, then store it in a thread."""
        from advisor_tui.io.callmonitor_events import OutcomeKind

        if outcome.kind in (OutcomeKind.RING, OutcomeKind.OUTGOING, OutcomeKind.CONNECTED):
            self.active_calls.add(outcome.conn_id)
        else:
            self.active_calls.discard(outcome.conn_id)
        self.record_call(outcome)

    def record_call(self, outcome: CallOutcome) -> None:
        """Store and show an outcome (a softphone's ring comes here directly: not active)."""
        self.pending_calls.add(outcome)
        self._store_pending()

    def _on_link(self, status: LinkStatus) -> None:
        from advisor_tui.io.callmonitor import LinkState

        base = t("app.demo_subtitle") if self.demo else t("app.subtitle")
        if status.state is LinkState.CONNECTED:
            self.sub_title = f"{base} · {t('monitor.connected')}"
        elif status.state is LinkState.LOST:
            retry = int(getattr(status, "retry_in", 0) or 0)
            self.sub_title = f"{base} · {t('monitor.lost', seconds=retry)}"

    def _store_call(self, outcome: CallOutcome) -> CallReport:
        """One outcome in one transaction (run by PendingCalls in a worker thread)."""
        from advisor_tui.services.calls.recording import handle_outcome
        from advisor_tui.storage.db import new_session

        with new_session(self.engine) as session:
            report = handle_outcome(
                session,
                outcome,
                region=self.settings.region,
                callback_within_hours=self.settings.calls.callback_within_hours,
            )
            session.commit()
            self._look_up_ring_context(session, report)
        return report

    def _look_up_ring_context(self, session: Session, report: CallReport) -> None:
        """A RING's context for the pop-up; a failure costs the facts, never the call."""
        from advisor_tui.io.callmonitor_events import OutcomeKind
        from advisor_tui.services.calls.context import caller_context

        if report.outcome.kind is not OutcomeKind.RING or report.caller.withheld:
            return
        try:
            context = caller_context(session, report.caller, self.clock())
        except Exception:
            log.exception("caller context for a ring")
            return
        self._ring_contexts[id(report.outcome)] = context

    @work(thread=True, group="calls", exit_on_error=False)
    def _store_pending(self) -> None:
        """Write the queued outcomes in order (not exclusive: no call may be lost)."""
        drained = self.pending_calls.drain()
        for report in drained.stored:
            self.post_message(CallRecorded(report))
        for _outcome, error in drained.failed:
            self.call_from_thread(self.report_error, error)
        self.post_message(CallsWaiting(drained.waiting))

    def on_calls_waiting(self, message: CallsWaiting) -> None:
        if message.count and self._pending_timer is None:
            self.notify(t("calls.waiting", count=message.count), severity="warning", timeout=10)
            self._pending_timer = self.set_interval(PENDING_RETRY_SECONDS, self._retry_pending)
        elif not message.count and self._pending_timer is not None:
            self._pending_timer.stop()
            self._pending_timer = None
            self.notify(t("calls.waiting_done"))

    def _retry_pending(self) -> None:
        if len(self.pending_calls):
            self._store_pending()

    def on_call_recorded(self, message: CallRecorded) -> None:
        from advisor_tui.io.callmonitor_events import OutcomeKind

        report = cast("CallReport", message.report)
        caller = report.caller
        kind = report.outcome.kind
        if kind is OutcomeKind.RING:
            # Only the caller changes: the focus and what the next letter does stay.
            context = self._ring_contexts.pop(id(report.outcome), None)
            self.last_caller = caller
            self.last_caller_context = context
            self.refresh_bindings()
            self.set_timer(CALLER_KEY_SECONDS, lambda: self._forget_caller(caller))
            key = self.key_label("app.open_caller")
            text = ring_text(caller, key, context, self.clock())
            self._show_ring_toast(text)
            return
        self._hide_ring_toast()  # the call ended: its pop-up would only cover the screen
        if kind is OutcomeKind.MISSED and report.missed is not None:
            from advisor_tui.services.calls.text import number_text

            done = (
                t("calls.done.followups") if report.missed.followup_ids else t("calls.done.inbox")
            )
            self.notify(
                t("ring.missed", number=number_text(caller), done=done),
                severity="warning",
                timeout=15,
            )
        if kind in (OutcomeKind.MISSED, OutcomeKind.ANSWERED, OutcomeKind.OUTGOING_ENDED):
            ids = frozenset(c.person_id for c in caller.candidates)
            self.data_changed(ids or None)

    def _show_ring_toast(self, text: str) -> None:
        """The caller pop-up, kept by hand so it can go when the call ends or is acted on.

        `App.notify` returns nothing to take a toast back; Textual's notification
        collection and `_unnotify` do (textual is pinned in uv.lock; tests cover both).
        """
        from textual.notifications import Notification

        self._hide_ring_toast()
        toast = Notification(text, t("ring.title"), "information", 30, markup=False)
        self._ring_toast = toast
        # At once, not via a Notify message: the hang-up may be handled before it would be.
        self._notifications.add(toast)
        self._refresh_notifications()

    def _hide_ring_toast(self) -> None:
        toast, self._ring_toast = self._ring_toast, None
        if toast is not None and toast in self._notifications:
            self._unnotify(toast)

    def _forget_caller(self, caller: CallerInfo) -> None:
        if self.last_caller is caller:
            self.last_caller = None
            self.last_caller_context = None
            self.refresh_bindings()

    def action_open_caller(self) -> None:
        """One key after a ring: the caller's card, or a new customer with their number."""
        caller = self.last_caller
        if caller is None or caller.withheld:
            return
        self._hide_ring_toast()  # it would cover the card or the form
        if caller.known and len(caller.candidates) == 1:
            self.open_card(caller.candidates[0].person_id)
            return
        if caller.known and caller.candidates:
            self._choose_caller(caller, self.last_caller_context)
            return
        lookup = caller.lookup
        kind = "mobile"
        if lookup is not None and lookup.normalized:
            from advisor_tui.domain.normalize import normalize_address

            if normalize_address("mobile", lookup.normalized).phone_type == "fixed_line":
                kind = "landline"
        normalized = lookup.normalized if lookup is not None else None
        self.action_new_person(kind, caller.number or "", normalized or "")

    def _choose_caller(self, caller: CallerInfo, context: CallerContext | None) -> None:
        """A shared number: the advisor picks who is calling; Esc opens nobody."""
        from advisor_tui.tui.screens.caller_chooser import CallerChooserScreen

        persons = {p.person_id: p for p in context.persons} if context is not None else {}
        choices = []
        for candidate in caller.candidates:
            person = persons.get(candidate.person_id)
            choices.append((candidate.person_id, person_head(person) if person else candidate.name))

        def chosen(person_id: int | None) -> None:
            if person_id is not None:
                self.open_card(person_id)

        self.push_screen(CallerChooserScreen(choices), chosen)

    def action_log_contact(self) -> None:
        """F2: log a call or other contact with the selected person, else the last caller."""
        from advisor_tui.tui.screens.log_contact import open_log_contact

        selected = getattr(self.screen, "selected_person_id", None)
        person_id = selected() if callable(selected) else None
        caller = self.last_caller
        # A known single caller: the call that just ended, logged from anywhere.
        if (
            person_id is None
            and caller is not None
            and caller.known
            and len(caller.candidates) == 1
        ):
            person_id = caller.candidates[0].person_id
        open_log_contact(self, person_id)

    def action_help(self) -> None:
        if isinstance(self.screen, HelpScreen):
            self.pop_screen()
        else:
            self.push_screen(HelpScreen(self.database_label))

    def action_focus_search(self) -> None:
        """`/` from anywhere outside a dialog: back to the list, into the search box."""
        while len(self.screen_stack) > 2 and not isinstance(self.screen, CustomersScreen):
            self.pop_screen()
        customers = self.screen
        if isinstance(customers, CustomersScreen):
            customers.action_focus_search()


# Actions of global keys that a dialog or form on top must not trigger.
_NOT_IN_DIALOGS = {
    "focus_search",
    "open_caller",
    "new_person",
    "duplicates",
    "log_contact",
    "agenda",
    "inbox",
}


def _freeze_startup_objects() -> None:
    """Leave what start-up built (modules, classes, styles) out of garbage collection.

    It lives as long as the app, yet every full collection walked it: with
    ~200,000 objects that was 100-350 ms, often in the middle of opening a
    card (bench/desk.py). Frozen, a full collection walks only what came later.
    Once per process: a second app in it (tests) would freeze the first one's garbage.
    """
    import gc

    if gc.get_freeze_count() == 0:
        gc.freeze()
        gc.set_threshold(*GC_THRESHOLDS)


def key_text(keys: str) -> str:
    """The first of a binding's keys as a person writes it: "ctrl+o" -> "Strg+O"."""
    first = keys.split(",")[0].strip()
    parts = first.split("+")
    names = {"ctrl": t("keyname.ctrl"), "shift": t("keyname.shift"), "alt": "Alt"}
    out = [names.get(p, p) for p in parts[:-1]]
    last = parts[-1]
    out.append(last.upper() if len(last) == 1 or last.startswith("f") else last)
    return "+".join(out)
