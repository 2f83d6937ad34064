"""Log a call or another contact with one person (F2): the modal of issue 9.

Opened by `AdvisorApp.action_log_contact` with what `services.contacts`
loaded (`ContactContext`). The timer runs from the moment the modal opened
(by the app's clock, so tests and snapshots hold it still) until the advisor
types a duration of their own. Ctrl+S, or Enter in a text field, saves in a
worker; Esc asks before dropping a typed note. An outcome without an answer
(no answer, voicemail, busy) proposes a callback tomorrow 9:00, so "no
answer, call back tomorrow" from a card is F2, Enter, Down, Enter, Ctrl+S.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from rich.text import Text
from textual import on, work
from textual.app import App, ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Checkbox, Input, Label, Select, SelectionList, Static

from advisor_tui.domain.consent import ContactPurpose
from advisor_tui.domain.models import Address, FollowUp
from advisor_tui.domain.timestamps import as_utc
from advisor_tui.domain.vocabulary import (
    Channel,
    ContactResult,
    Direction,
    FollowUpKind,
    Outcome,
)
from advisor_tui.i18n import t
from advisor_tui.i18n.dates import format_datetime, format_time
from advisor_tui.i18n.errors import describe_error
from advisor_tui.services.call_texts import duration_text
from advisor_tui.services.consent.checks import ContactPermission
from advisor_tui.services.contacts.addresses import ContactContext
from advisor_tui.services.contacts.logging import IN_PERSON, LoggedContact, outcomes_for
from advisor_tui.services.contacts.when import followup_choices, parse_when
from advisor_tui.services.errors import ServiceError
from advisor_tui.tui.screens.form import FormScreen
from advisor_tui.tui.worker_errors import ReportsWorkerErrors

# The channels the modal offers, phone first.
CHANNELS = (
    Channel.PHONE.value,
    Channel.EMAIL.value,
    Channel.SMS.value,
    Channel.WHATSAPP.value,
    Channel.SIGNAL.value,
    IN_PERSON,
    Channel.LETTER.value,
)
NO_RESULT = "none"
# Outcomes after which the modal proposes calling again, and when.
NOT_REACHED = frozenset({Outcome.NO_ANSWER.value, Outcome.VOICEMAIL.value, Outcome.BUSY.value})
AUTO_WHEN = "tomorrow"
_DURATION = re.compile(r"^(?:(\d{1,2}):)?(\d{1,3}):(\d{2})$|^(\d{1,5})$")


def channel_text(channel: str) -> str:
    return t(f"channel.{channel}")  # IN_PERSON's text is in i18n.contact_logging


def address_text(address: Address) -> str:
    return f"{address.raw} ({t(f'addr.{address.kind}')})"


def followup_item_text(followup: FollowUp) -> str:
    due = format_datetime(followup.due_at, short=True)
    return t("contact.close_item", kind=t(f"followup.{followup.kind}"), due=due)


def _closes_when_reached(followup: FollowUp) -> bool:
    """Reaching the person settles a callback; other follow-ups stay unless ticked."""
    return followup.kind == FollowUpKind.CALLBACK.value


def mmss(seconds: int) -> str:
    minutes, secs = divmod(max(seconds, 0), 60)
    return f"{minutes:02d}:{secs:02d}"


def parse_duration(text: str) -> int | None:
    """`mm:ss`, `h:mm:ss` or plain seconds; None when empty; ServiceError otherwise."""
    value = text.strip()
    if not value:
        return None
    match = _DURATION.match(value) if value.isascii() else None
    if match is None:
        raise ServiceError("contact.err.duration_text", text=value)
    if match.group(4) is not None:
        return int(match.group(4))
    hours = int(match.group(1) or 0)
    return hours * 3600 + int(match.group(2)) * 60 + int(match.group(3))


@dataclass(frozen=True)
class ContactSaved:
    """What the modal dismisses with after saving."""

    person_id: int
    name: str
    logged: LoggedContact
    due: datetime | None


class LogContactScreen(ReportsWorkerErrors, FormScreen[ContactSaved]):
    """The log modal for one person; dismisses with `ContactSaved`, or None when cancelled."""

    # Only this modal's frame (app.tcss styles the shared .dialog and .form-row).
    DEFAULT_CSS = """
    LogContactScreen {
        align: center middle;
    }
    #log-contact {
        width: 96;
        max-width: 100%;
        height: auto;
        max-height: 100%;
        border: thick $primary;
        background: $surface;
        padding: 0 1;
    }
    #log-contact #advice {
        border: none;
        height: 1;
        padding: 0 1;
    }
    #log-contact #consent-warning {
        height: auto;
    }
    #log-contact #close {
        height: auto;
        max-height: 6;
    }
    """

    def __init__(self, context: ContactContext) -> None:
        super().__init__()
        self.context = context
        self.opened_at = context.now
        self._duration_typed = False
        self._auto_duration = mmss(0)
        self._saving = False
        self._when_auto = False  # the follow-up choice was set by the outcome, not by hand
        # A call the call monitor just recorded: its facts fill the form, saving completes it.
        self.recorded = context.recorded_call
        if self.recorded is not None:
            self._auto_duration = mmss(self.recorded.duration_seconds or 0)
            self._duration_typed = True  # the monitor measured it: no timer
        self._permissions: dict[str, ContactPermission] = {}  # channel -> advertising allowed?

    # -- layout ---------------------------------------------------------------

    def compose(self) -> ComposeResult:
        ctx = self.context
        with VerticalScroll(id="log-contact"):
            yield Static(t("contact.title", name=ctx.name), classes="dialog-title")
            call = self.recorded
            if call is not None:
                yield Static(
                    t(
                        "contact.recorded_call",
                        direction=t(f"contact.direction.{call.direction}"),
                        time=format_time(call.occurred_at),
                        duration=duration_text(call.duration_seconds),
                    ),
                    id="recorded-call",
                )
            with Horizontal(classes="form-row"):
                with Vertical():
                    yield Label(t("contact.label.channel"))
                    yield Select(
                        [(channel_text(c), c) for c in CHANNELS],
                        value=Channel.PHONE.value,
                        allow_blank=False,
                        id="channel",
                    )
                with Vertical():
                    yield Label(t("contact.label.direction"))
                    yield Select(
                        [(t(f"contact.direction.{d.value}"), d.value) for d in Direction][::-1],
                        value=call.direction if call is not None else Direction.OUT.value,
                        allow_blank=False,
                        id="direction",
                    )
                with Vertical(id="duration-box"):
                    yield Label(t("contact.label.duration"))
                    yield Input(self._auto_duration, id="duration")
                with Vertical():
                    yield Label(t("consent.contact.purpose"))
                    yield Select(
                        [(t(f"consent.purpose.{p.value}"), p.value) for p in ContactPurpose],
                        value=ContactPurpose.SERVICE.value,
                        allow_blank=False,
                        id="purpose",
                    )
            # UWG §7 / GDPR Art. 21 before advertising; FinVermV §18a for advice by phone or mail.
            yield Static(id="consent-warning")
            yield Checkbox(t("advice.flag"), id="advice")
            yield Label(t("contact.label.address"))
            # Blank allowed: a person may have no address for the channel (hidden then).
            first = self._recorded_address() or self._first_address(Channel.PHONE.value)
            yield Select(
                self._address_options(Channel.PHONE.value),
                value=first if first is not None else Select.NULL,
                prompt=t("contact.no_address"),
                id="address",
            )
            with Horizontal(classes="form-row"):
                with Vertical():
                    yield Label(t("contact.label.outcome"))
                    yield Select(
                        self._outcome_options(Channel.PHONE.value),
                        value=self._initial_outcome,
                        allow_blank=False,
                        id="outcome",
                    )
                with Vertical():
                    yield Label(t("contact.label.result"))
                    yield Select(
                        [(t("contact.result.none"), NO_RESULT)]
                        + [(t(f"result.{r.value}"), r.value) for r in ContactResult],
                        value=NO_RESULT,
                        allow_blank=False,
                        id="result",
                    )
            yield Label(t("contact.label.note"))
            yield Input(id="note")
            with Horizontal(classes="form-row"):
                with Vertical():
                    yield Label(t("contact.label.when"))
                    yield Select(
                        [
                            (t(f"contact.when.{c.key}"), c.key)
                            for c in followup_choices(self.opened_at)
                        ],
                        value=AUTO_WHEN if self._initial_outcome in NOT_REACHED else "none",
                        allow_blank=False,
                        id="when",
                    )
                with Vertical():
                    yield Label(t("contact.label.when_custom"))
                    yield Input(id="when-custom", placeholder=t("contact.when.placeholder"))
            if ctx.open_followups:
                yield Label(t("contact.label.close"))
                reached = self._initial_outcome == Outcome.REACHED.value
                yield SelectionList[int](
                    *[
                        (followup_item_text(f), f.id, reached and _closes_when_reached(f))
                        for f in ctx.open_followups
                        if f.id is not None
                    ],
                    id="close",
                )
            yield from self.form_footer()

    def _address_options(self, channel: str) -> list[tuple[str, int]]:
        options = [(address_text(a), a.id) for a in self.context.addresses.get(channel, [])]
        return [(text, address_id) for text, address_id in options if address_id is not None]

    def _first_address(self, channel: str) -> int | None:
        options = self._address_options(channel)
        return options[0][1] if options else None

    @staticmethod
    def _outcome_options(channel: str) -> list[tuple[str, str]]:
        return [(t(f"outcome.{o.value}"), o.value) for o in outcomes_for(channel)]

    def _recorded_address(self) -> int | None:
        """The address the recorded call went to, when it is one of the choices."""
        wanted = self.recorded.address_id if self.recorded is not None else None
        choices = {address_id for _, address_id in self._address_options(Channel.PHONE.value)}
        return wanted if wanted in choices else None

    @property
    def _initial_outcome(self) -> str:
        """Reached, or what the call monitor saw (an outgoing call nobody answered)."""
        outcome = self.recorded.outcome if self.recorded is not None else None
        options = {value for _, value in self._outcome_options(Channel.PHONE.value)}
        return outcome if outcome in options else Outcome.REACHED.value

    def on_mount(self) -> None:
        if self._initial_outcome in NOT_REACHED:
            self._when_auto = True
        self._show_address_choice(Channel.PHONE.value)
        recorded_address = self._recorded_address()
        if recorded_address is not None:
            self.query_one("#address", Select).value = recorded_address
        self.query_one("#consent-warning").display = False
        self._load_permissions()
        self.query_one("#outcome", Select).focus()
        self.set_interval(1.0, self._tick)

    # -- live behaviour ---------------------------------------------------------

    def _elapsed(self) -> int:
        clock = getattr(self.app, "clock", None)
        if clock is None:
            return 0
        return max(0, int((as_utc(clock()) - as_utc(self.opened_at)).total_seconds()))

    def _tick(self) -> None:
        if self._duration_typed:
            return
        self._auto_duration = mmss(self._elapsed())
        field = self.query_one("#duration", Input)
        if field.value != self._auto_duration:
            field.value = self._auto_duration

    @on(Input.Changed, "#duration")
    def _duration_changed(self, event: Input.Changed) -> None:
        if event.value != self._auto_duration:
            self._duration_typed = True  # the advisor's own figure: the timer stops writing

    def _show_address_choice(self, channel: str) -> None:
        select: Select[int] = self.query_one("#address", Select)
        options = self._address_options(channel)
        select.display = bool(options)
        select.set_options(options)
        if options:
            select.value = options[0][1]

    @on(Select.Changed, "#channel")
    def _channel_changed(self, event: Select.Changed) -> None:
        channel = str(event.value)
        outcome: Select[str] = self.query_one("#outcome", Select)
        options = self._outcome_options(channel)
        current = outcome.value
        outcome.set_options(options)
        # Kept when it fits the channel (also when Select reports its first value on mount).
        fits = any(value == current for _, value in options)
        outcome.value = current if fits else options[0][1]
        self._show_address_choice(channel)
        # Only a call has a duration; the timer keeps running behind a hidden field.
        self.query_one("#duration-box").display = channel == Channel.PHONE.value

    @work(thread=True, group="log-contact-consent", exit_on_error=False)
    def _load_permissions(self) -> None:
        """May each channel carry advertising to this person? (services.consent)"""
        from advisor_tui.services.consent.checks import check_contact
        from advisor_tui.storage.db import new_session

        with new_session(self.app.engine) as session:  # type: ignore[attr-defined]
            found = {
                channel: check_contact(
                    session, self.context.person_id, channel, ContactPurpose.ADVERTISING.value
                )
                for channel in CHANNELS
            }
        self.app.call_from_thread(self._permissions_loaded, found)

    def _permissions_loaded(self, found: dict[str, ContactPermission]) -> None:
        self._permissions = found
        self._show_consent_warning()

    @on(Select.Changed, "#purpose")
    @on(Select.Changed, "#channel")
    def _show_consent_warning(self) -> None:
        """Advertising the ledger forbids on this channel: say so before it is saved."""
        warning = self.query_one("#consent-warning", Static)
        purpose = self.query_one("#purpose", Select).value
        permission = self._permissions.get(str(self.query_one("#channel", Select).value))
        blocked = (
            purpose == ContactPurpose.ADVERTISING.value
            and permission is not None
            and permission.warning_key is not None
        )
        warning.display = blocked
        if blocked and permission is not None and permission.warning_key is not None:
            text = f"⚠ {t(permission.warning_key)} {t('consent.contact.proceed')}"
            warning.update(Text(text, style="bold red"))

    @on(Select.Changed, "#outcome")
    def _outcome_changed(self, event: Select.Changed) -> None:
        # Reaching the person is what closes their open callbacks: ticked then, else not.
        reached = event.value == Outcome.REACHED.value
        for close in self.query("#close").results(SelectionList):
            for followup in self.context.open_followups:
                if followup.id is None:
                    continue
                if reached and _closes_when_reached(followup):
                    close.select(followup.id)
                else:
                    close.deselect(followup.id)
        # Nobody answered: try again tomorrow, unless the advisor chose otherwise.
        when: Select[str] = self.query_one("#when", Select)
        if event.value in NOT_REACHED and when.value == "none":
            when.value = AUTO_WHEN
            self._when_auto = True
        elif event.value not in NOT_REACHED and self._when_auto and when.value == AUTO_WHEN:
            when.value = "none"
            self._when_auto = False

    # -- leaving ----------------------------------------------------------------

    @property
    def is_dirty(self) -> bool:
        """A typed note or date is not dropped without asking (the timer does not count)."""
        return bool(
            self.query_one("#note", Input).value.strip()
            or self.query_one("#when-custom", Input).value.strip()
        )

    def _due(self) -> datetime | None:
        custom = self.query_one("#when-custom", Input).value
        clock = getattr(self.app, "clock", None)
        now = clock() if clock is not None else self.opened_at
        if custom.strip():
            return parse_when(custom, now)
        key = str(self.query_one("#when", Select).value)
        return next((c.due for c in followup_choices(now) if c.key == key), None)

    def action_save(self) -> None:
        if self._saving:
            return
        channel = str(self.query_one("#channel", Select).value)
        address_select: Select[int] = self.query_one("#address", Select)
        address_id = address_select.value if address_select.display else None
        result = str(self.query_one("#result", Select).value)
        try:
            duration = (
                parse_duration(self.query_one("#duration", Input).value)
                if channel == Channel.PHONE.value
                else None
            )
            due = self._due()
        except ServiceError as exc:
            self.show_error(describe_error(exc))
            return
        close_ids = [
            int(value) for s in self.query("#close").results(SelectionList) for value in s.selected
        ]
        values = {
            "channel": channel,
            "direction": str(self.query_one("#direction", Select).value),
            "address_id": address_id if isinstance(address_id, int) else None,
            "started_at": self.opened_at,
            "duration_seconds": duration,
            "outcome": str(self.query_one("#outcome", Select).value),
            "result": None if result == NO_RESULT else result,
            "note": self.query_one("#note", Input).value,
            "follow_up_due": due,
            "close_followup_ids": close_ids,
            "purpose": str(self.query_one("#purpose", Select).value),
            "advice_record": self.query_one("#advice", Checkbox).value,
        }
        if self.recorded is not None:
            values["recorded_call_id"] = self.recorded.id
            values["started_at"] = self.recorded.occurred_at
        self._saving = True
        self._save(values)

    @work(thread=True, exclusive=True, group="log-contact", exit_on_error=False)
    def _save(self, values: dict[str, object]) -> None:
        from advisor_tui.services.contacts.logging import log_contact
        from advisor_tui.storage.db import new_session
        from advisor_tui.storage.retry import retry_busy

        person_id = self.context.person_id
        clock = getattr(self.app, "clock", None)
        now = clock() if clock is not None else None

        def store() -> LoggedContact:
            with new_session(self.app.engine) as session:  # type: ignore[attr-defined]
                logged = log_contact(session, person_id, now=now, **values)  # type: ignore[arg-type]
                session.commit()
                return logged

        try:
            logged = retry_busy(store)
        except ServiceError as exc:
            self.app.call_from_thread(self._failed, describe_error(exc))
            return
        except BaseException:
            self.app.call_from_thread(self._failed, "")
            raise
        due = values["follow_up_due"]
        due_at = due if isinstance(due, datetime) else None
        saved = ContactSaved(person_id, self.context.name, logged, due_at)
        self.app.call_from_thread(self.dismiss, saved)

    def _failed(self, message: str) -> None:
        self._saving = False
        if message:
            self.show_error(message)


def open_log_contact(app: App[Any], person_id: int | None) -> None:
    """Load what the modal needs off the UI thread, then open it for `person_id`."""
    if person_id is None:
        app.notify(t("contact.pick_person"), severity="warning")
        return

    def load() -> None:
        from advisor_tui.services.contacts.addresses import contact_context
        from advisor_tui.storage.db import new_session

        with new_session(app.engine) as session:  # type: ignore[attr-defined]
            context = contact_context(session, person_id, app.clock())  # type: ignore[attr-defined]
        app.call_from_thread(app.push_screen, LogContactScreen(context), _saved_callback(app))

    app.run_worker(load, thread=True, group="log-contact-load", exclusive=True, exit_on_error=False)


def _saved_callback(app: App[Any]) -> Callable[[ContactSaved | None], None]:
    def saved(result: ContactSaved | None) -> None:
        if result is None:
            return
        message = (
            t("contact.saved_followup", due=format_datetime(result.due))
            if result.due is not None
            else t("contact.saved", name=result.name)
        )
        if result.logged.closed_followup_ids:
            message += " " + t("contact.closed", count=len(result.logged.closed_followup_ids))
        app.notify(message)
        data_changed = getattr(app, "data_changed", None)
        if data_changed is not None:
            data_changed(frozenset({result.person_id}))

    return saved
