"""One request in full: its messages, who it may be from and why, the person's card beside it.

Letters act here (no text field): `c` confirms the suggestion (and learns the
sender's address), `w` picks a candidate, `n` makes a new customer from the
request, `k` sets the kind, `s` the status, `a` answers on the channel it came
in on (logged as a contact, the status moves on), `A` answers on another
channel (asks first), `e` adds an address found in the signature, `o` opens
the person's card, `b` hands it to a colleague (Bearbeiter). F2 logs any
contact with the person. Opening a new request makes it open.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rich.markup import escape
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Header, Static

from advisor_tui.domain.name_hints import sender_name_hints
from advisor_tui.domain.normalize import display_value
from advisor_tui.i18n import t, tn
from advisor_tui.i18n.dates import format_datetime
from advisor_tui.services.inbox.listing import RequestDetail
from advisor_tui.services.persons.card import CardData
from advisor_tui.tui.inbox_format import sender_text
from advisor_tui.tui.messages import DataChanged, broadcast
from advisor_tui.tui.mine_view import my_name
from advisor_tui.tui.screens.assign_dialog import AssignTarget, ask_and_assign
from advisor_tui.tui.screens.inbox_dialogs import (
    ChoiceScreen,
    NameScreen,
    kind_choices,
    status_choices,
)
from advisor_tui.tui.widgets.footer import AdvisorFooter
from advisor_tui.tui.worker_errors import ReportsWorkerErrors

CARD_ADDRESSES = 5
# The channels an answer can go out on, the usual ones first.
ANSWER_CHANNELS = ("phone", "email", "sms", "whatsapp", "signal", "letter", "in_person")


class Loaded(Message):
    """The worker's result: the request in full and the card of its person (or suggestion)."""

    def __init__(
        self, detail: RequestDetail, card: CardData | None, names: list[str] | None = None
    ) -> None:
        super().__init__()
        self.detail = detail
        self.card = card
        self.names = names or []  # who the request can be handed to, me first


def reason_text(how: str, reason: str, many: bool) -> str:
    """Why a candidate: how it matched and the fact it rests on."""
    if how == "name_hint" and many:
        return t("inbox.reason.name_hint_many", reason=reason)
    key = f"inbox.reason.{how}"
    text = t(key, reason=reason)
    return t(f"rmatch.{how}") if text == key else text


class RequestScreen(ReportsWorkerErrors, Screen[None]):
    """A request with its full text, candidates and reasons, and the person's card."""

    DEFAULT_CSS = """
    RequestScreen #request-body { height: 1fr; }
    RequestScreen #request-main { width: 3fr; padding: 0 1; }
    RequestScreen #request-card { width: 2fr; padding: 0 1; border-left: solid $primary; }
    RequestScreen .request-section { margin-top: 1; text-style: bold; }
    """

    BINDINGS = [
        Binding("escape", "app.pop_screen", "key.back", id="request.back"),
        Binding("c", "confirm", "key.request.confirm", id="request.confirm"),
        Binding("w", "pick", "key.request.pick", id="request.pick"),
        Binding("n", "new_customer", "key.request.new_customer", id="request.new_customer"),
        Binding("k", "kind", "key.request.kind", id="request.kind"),
        Binding("s", "status", "key.request.status", id="request.status"),
        Binding("a", "answer", "key.request.answer", id="request.answer"),
        Binding(
            "A", "answer_other", "key.request.answer_other", id="request.answer_other", show=False
        ),
        Binding("e", "offer", "key.request.offer", id="request.offer", show=False),
        Binding("o", "open_card", "key.request.card", id="request.card", show=False),
        Binding("b", "assign", "assign.key", id="request.assign"),
    ]

    def __init__(self, request_id: int) -> None:
        super().__init__()
        self.request_id = request_id
        self.detail: RequestDetail | None = None
        self.card: CardData | None = None
        self._names: list[str] = []

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="request-body"):
            with VerticalScroll(id="request-main"):
                yield Static(id="request-head")
                yield Static(id="request-person")
                yield Static(t("request.candidates"), classes="request-section")
                yield Static(id="request-candidates")
                yield Static(id="request-reply", classes="request-section")
                yield Static(id="request-offers")
                yield Static(id="request-text", classes="request-section")
            with VerticalScroll(id="request-card"):
                yield Static(t("request.card"), classes="request-section")
                yield Static(id="request-card-text")
        yield AdvisorFooter()

    def on_mount(self) -> None:
        self.title = t("request.title", id=self.request_id)
        self.reload(seen=True)

    @work(thread=True, exclusive=True, group="request-load", exit_on_error=False)
    def reload(self, seen: bool = False) -> None:
        from advisor_tui.services.assignment import assignees
        from advisor_tui.services.inbox.handling import mark_seen
        from advisor_tui.services.inbox.listing import load_request
        from advisor_tui.services.persons.card import load_card
        from advisor_tui.storage.db import new_session

        app: Any = self.app
        with new_session(app.engine) as session:
            if seen:
                mark_seen(session, self.request_id, now=app.clock())
                session.commit()
            detail = load_request(session, self.request_id, region=app.settings.region)
            person_id = detail.request.person_id or detail.request.suggested_person_id
            card = load_card(session, person_id, app.clock()) if person_id else None
            names = assignees(session, my_name(app))
        self.post_message(Loaded(detail, card, names))

    def on_loaded(self, message: Loaded) -> None:
        self.detail, self.card = message.detail, message.card
        self._names = message.names
        self._show()

    def on_data_changed(self, message: DataChanged) -> None:
        self.reload()

    # -- what it shows ----------------------------------------------------------

    def _show(self) -> None:
        detail = self.detail
        if detail is None:
            return
        request = detail.request
        region = self.app.settings.region  # type: ignore[attr-defined]
        channel = t(f"channel.{request.channel}")
        head = [
            t(
                "request.head",
                channel=channel,
                kind=t(f"rkind.{request.kind}"),
                status=t(f"rstatus.{request.status}"),
            ),
            t("request.from", sender=self._sender(detail, region)),
            t("request.received", when=format_datetime(request.received_at)),
        ]
        if detail.recipients:
            shown = ", ".join(sender_text(r, "", region) for r in detail.recipients.split(", "))
            head.append(t("request.to", recipients=shown))
        if request.deadline_at is not None:
            head.append(t("request.deadline", when=format_datetime(request.deadline_at)))
        if request.assigned_to:
            head.append(t("assign.request_line", name=request.assigned_to))
        else:
            head.append(t("assign.request_nobody", key=self._key("request.assign")))
        self.query_one("#request-head", Static).update(escape("\n".join(head)))
        self.query_one("#request-person", Static).update(escape(self._person_line(detail)))
        self.query_one("#request-candidates", Static).update(escape(self._candidates(detail)))
        self.query_one("#request-reply", Static).update(escape(self._reply(detail, region)))
        self.query_one("#request-offers", Static).update(escape(self._offers(detail)))
        self.query_one("#request-text", Static).update(escape(self._texts(detail)))
        self.query_one("#request-card-text", Static).update(escape(self._card_text()))

    @staticmethod
    def _sender(detail: RequestDetail, region: str) -> str:
        request = detail.request
        shown = sender_text(request.sender_normalized or request.sender, "", region)
        name = detail.sender_name
        return f"{name} <{shown}>" if name and request.sender else (name or shown)

    def _person_line(self, detail: RequestDetail) -> str:
        request = detail.request
        if request.person_id is not None:
            return t("request.assigned", name=detail.person_name, how=t(f"rmatch.{request.match}"))
        if request.suggested_person_id is not None:
            return t(
                "request.suggestion", name=detail.suggested_name, key=self._key("request.confirm")
            )
        return t("request.no_person")

    def _key(self, binding_id: str) -> str:
        """How the key of one of this screen's bindings is written (remapped, if so)."""
        remapped = self.app.settings.keymap.get(binding_id)  # type: ignore[attr-defined]
        for binding in self.BINDINGS:
            if isinstance(binding, Binding) and binding.id == binding_id:
                if remapped:
                    binding = Binding(remapped, binding.action)
                return self.app.get_key_display(binding)
        return binding_id

    @staticmethod
    def _candidates(detail: RequestDetail) -> str:
        if not detail.candidates:
            return t("request.no_candidates")
        many = len(detail.candidates) > 1
        lines = []
        for c in detail.candidates:
            who = f"{c.name} ({c.company})" if c.company else c.name
            lines.append(f"• {who}: {reason_text(c.how, c.reason, many)}")
        return "\n".join(lines)

    @staticmethod
    def _reply(detail: RequestDetail, region: str) -> str:
        request = detail.request
        if not request.sender:
            return t("request.no_reply_address")
        address = sender_text(request.sender_normalized or request.sender, "", region)
        return t("request.reply_hint", channel=t(f"channel.{request.channel}"), address=address)

    @staticmethod
    def _offers(detail: RequestDetail) -> str:
        if not detail.offers:
            return ""
        lines = [t("request.offer") + ":"]
        lines += [t("request.offer_line", address=o.raw) for o in detail.offers]
        return "\n".join(lines)

    @staticmethod
    def _texts(detail: RequestDetail) -> str:
        parts = [tn("request.messages", len(detail.messages))]
        for m in detail.messages:
            parts.append("")
            parts.append(f"— {format_datetime(m.received_at, short=True)}")
            if m.subject:
                parts.append(t("request.subject", subject=m.subject))
            parts.append(m.text.strip())
        return "\n".join(parts)

    def _card_text(self) -> str:
        card = self.card
        if card is None:
            return t("request.card_none")
        person = card.person
        lines = [person.display_name]
        if person.company:
            lines.append(person.company)
        lines.append(t(f"kind.{person.kind}"))
        lines.append("")
        for ranked in card.addresses[:CARD_ADDRESSES]:
            address = ranked.address
            source = " ← " + t("key.inbox") if address.source == "request" else ""
            shown = display_value(address.kind, address.raw, address.normalized, address.valid)
            lines.append(f"{ranked.score:>3}  {shown}{source}")
        if card.open_requests:
            lines.append("")
            lines.append(tn("request.open_requests", len(card.open_requests)))
        if card.followups:
            lines.append(tn("request.followups", len(card.followups)))
        return "\n".join(lines)

    # -- F2 -------------------------------------------------------------------

    def selected_person_id(self) -> int | None:
        """The request's person (F2 logs a contact with them)."""
        return self.detail.request.person_id if self.detail is not None else None

    # -- writes ---------------------------------------------------------------

    def _write(self, change: Callable[[Any], str]) -> None:
        """Run `change(session)` in a worker, commit, say what it did, reload everything."""
        self._run_write(change)

    @work(thread=True, group="request-write", exit_on_error=False)
    def _run_write(self, change: Callable[[Any], str]) -> None:
        from advisor_tui.storage.db import new_session
        from advisor_tui.storage.retry import retry_busy

        app: Any = self.app
        said: list[str] = []

        def transaction() -> None:
            with new_session(app.engine) as session:
                said[:] = [change(session)]
                session.commit()

        retry_busy(transaction)
        if said and said[0]:
            app.call_from_thread(app.notify, said[0])
        app.call_from_thread(broadcast, app, None)

    def action_confirm(self) -> None:
        from advisor_tui.services.inbox.learning import confirm_suggestion

        detail = self.detail
        if detail is None or detail.request.suggested_person_id is None:
            self.app.notify(t("inbox.err.no_suggestion"), severity="warning")
            return
        name = detail.suggested_name
        app: Any = self.app

        def change(session: Any) -> str:
            done = confirm_suggestion(
                session,
                self.request_id,
                now=app.clock(),
                region=app.settings.region,
                complaint_days=app.settings.inbox.complaint_days,
            )
            if done.address_id is not None:
                return t("request.done.assigned", name=name, address=done.address)
            return t("request.done.assigned_known", name=name)

        self._write(change)

    def action_pick(self) -> None:
        from advisor_tui.services.inbox.learning import pick_candidate

        detail = self.detail
        if detail is None or not detail.candidates or detail.request.person_id is not None:
            return
        names = {str(c.person_id): c.name for c in detail.candidates}
        choices = [
            (str(c.person_id), f"{c.name} — {reason_text(c.how, c.reason, True)}")
            for c in detail.candidates
        ]
        app: Any = self.app

        def chosen(person_id: str | None) -> None:
            if person_id is None:
                return

            def change(session: Any) -> str:
                done = pick_candidate(
                    session,
                    self.request_id,
                    int(person_id),
                    now=app.clock(),
                    region=app.settings.region,
                    complaint_days=app.settings.inbox.complaint_days,
                )
                name = names[person_id]
                if done.address_id is not None:
                    return t("request.done.assigned", name=name, address=done.address)
                return t("request.done.assigned_known", name=name)

            self._write(change)

        self.app.push_screen(ChoiceScreen(t("request.choose_candidate"), choices), chosen)

    def action_new_customer(self) -> None:
        from advisor_tui.services.inbox.learning import new_customer

        detail = self.detail
        if detail is None or detail.request.person_id is not None:
            return
        text = "\n".join(m.text for m in detail.messages)
        hints = sender_name_hints(text, detail.sender_name)
        guess = hints[0].full if hints else ""
        app: Any = self.app

        def entered(name: str | None) -> None:
            if not name:
                return
            first, _, last = name.partition(" ")

            def change(session: Any) -> str:
                done = new_customer(
                    session,
                    self.request_id,
                    first,
                    last,
                    now=app.clock(),
                    region=app.settings.region,
                    complaint_days=app.settings.inbox.complaint_days,
                )
                return tn("request.done.new_customer", done.attached + 1, name=name)

            self._write(change)

        self.app.push_screen(NameScreen(t("request.new_customer_name"), guess), entered)

    def action_kind(self) -> None:
        from advisor_tui.services.inbox.handling import set_kind

        if self.detail is None:
            return
        app: Any = self.app

        def chosen(kind: str | None) -> None:
            if kind is not None:
                words = t("request.done.kind", kind=t(f"rkind.{kind}"))

                def change(session: Any) -> str:
                    days = app.settings.inbox.complaint_days
                    set_kind(session, self.request_id, kind, now=app.clock(), complaint_days=days)
                    return words

                self._write(change)

        current = self.detail.request.kind
        self.app.push_screen(
            ChoiceScreen(t("request.choose_kind"), kind_choices(), current), chosen
        )

    def action_status(self) -> None:
        from advisor_tui.services.inbox.handling import set_status

        if self.detail is None:
            return
        app: Any = self.app

        def chosen(status: str | None) -> None:
            if status is not None:
                words = t("request.done.status", status=t(f"rstatus.{status}"))

                def change(session: Any) -> str:
                    set_status(session, self.request_id, status, now=app.clock())
                    return words

                self._write(change)

        current = self.detail.request.status
        screen = ChoiceScreen(t("request.choose_status"), status_choices(), current)
        self.app.push_screen(screen, chosen)

    def _answer(self, channel: str | None, confirmed: bool) -> None:
        from advisor_tui.services.inbox.handling import answer

        app: Any = self.app

        def change(session: Any) -> str:
            done = answer(
                session, self.request_id, channel=channel, confirmed=confirmed, now=app.clock()
            )
            return t(
                "request.done.answered",
                channel=t(f"channel.{done.channel}"),
                status=t(f"rstatus.{done.status}"),
            )

        self._write(change)

    def action_answer(self) -> None:
        if self.detail is None:
            return
        if self.detail.request.person_id is None:
            self.app.notify(t("inbox.err.no_person"), severity="warning")
            return
        self._answer(None, False)

    def action_answer_other(self) -> None:
        from advisor_tui.tui.screens.confirm import ConfirmScreen

        detail = self.detail
        if detail is None:
            return
        if detail.request.person_id is None:
            self.app.notify(t("inbox.err.no_person"), severity="warning")
            return
        came = detail.request.channel
        choices = [(c, t(f"channel.{c}")) for c in ANSWER_CHANNELS if c != came]

        def chosen(channel: str | None) -> None:
            if channel is None:
                return
            question = t(
                "request.confirm_other_channel",
                came=t(f"channel.{came}"),
                other=t(f"channel.{channel}"),
            )

            def answered(yes: bool | None) -> None:
                if yes:
                    self._answer(channel, True)

            self.app.push_screen(ConfirmScreen(question), answered)

        self.app.push_screen(ChoiceScreen(t("key.request.answer"), choices), chosen)

    def action_offer(self) -> None:
        from advisor_tui.services.inbox.learning import accept_offer

        detail = self.detail
        if detail is None or not detail.offers:
            return
        offers = {o.raw: o for o in detail.offers}
        app: Any = self.app

        def chosen(raw: str | None) -> None:
            if raw is None:
                return
            found = offers[raw]

            def change(session: Any) -> str:
                accept_offer(session, self.request_id, found, region=app.settings.region)
                return t("request.done.address", address=raw)

            self._write(change)

        choices = [(o.raw, o.raw) for o in detail.offers]
        self.app.push_screen(ChoiceScreen(t("request.offer"), choices), chosen)

    def action_assign(self) -> None:
        detail = self.detail
        if detail is None:
            return
        request = detail.request
        region = self.app.settings.region  # type: ignore[attr-defined]
        who = detail.person_name or self._sender(detail, region)
        target = AssignTarget.request(
            self.request_id, request.version, who, request.assigned_to, request.person_id
        )
        names = self._names or [my_name(self.app)]
        ask_and_assign(self, target, names, names[0])  # the list comes with me first

    def action_open_card(self) -> None:
        if self.detail is not None and self.detail.request.person_id is not None:
            self.app.open_card(self.detail.request.person_id)  # type: ignore[attr-defined]
