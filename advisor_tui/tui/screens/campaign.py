"""One campaign, one person at a time: the card's essentials, the hottest number, progress.

F2 or Enter logs the call with the log modal (purpose: advertising, so the
consent warning shows where the ledger forbids it); its outcome moves the
person by the campaign's rules and the next one comes up. `s` skips, `o` opens
the full card, Esc pauses (the place is stored; the campaign resumes there).
After the last person a summary is shown.
"""

from __future__ import annotations

from datetime import datetime

from rich.markup import escape
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.events import Mount
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Header, Select, Static

from advisor_tui.domain.consent import ContactPurpose
from advisor_tui.domain.flags import flags_of
from advisor_tui.i18n import t, tn
from advisor_tui.i18n.dates import format_date, format_datetime
from advisor_tui.services.campaigns.stepping import Step, Summary
from advisor_tui.services.contacts.addresses import ContactContext
from advisor_tui.services.persons.card import CardData
from advisor_tui.tui.messages import DataChanged, broadcast
from advisor_tui.tui.screens.log_contact import ContactSaved, LogContactScreen
from advisor_tui.tui.widgets.footer import AdvisorFooter
from advisor_tui.tui.worker_errors import ReportsWorkerErrors

RECENT = 3


class CampaignCallScreen(LogContactScreen):
    """The log modal for a campaign call: an advertising call, or a service call when the
    advisor chose one (`v`) for a person without consent."""

    def __init__(self, context: ContactContext, purpose: str = ContactPurpose.ADVERTISING) -> None:
        super().__init__(context)
        self._purpose = str(purpose)

    @on(Mount)
    def _preset_purpose(self) -> None:
        self.query_one("#purpose", Select).value = self._purpose


def step_text(step: Step, card: CardData) -> str:
    """The person as the caller needs them: who, the number to dial, history, consent."""
    p = card.person
    head = [f"[b]{escape(step.name)}[/b]", t(f"kind.{p.kind}")]
    if p.company:
        head.append(escape(p.company))
    lines = ["  ·  ".join(head)]
    flags = [f"{f.symbol} {t(f.label_key)}" for f in flags_of(card.flags)]
    if flags:
        lines.append("   ".join(flags))
    lines.append("")
    if step.number:
        score = "" if step.score is None else f"  [dim]({t('campaign.score', score=step.score)})[/]"
        lines.append(f"[b reverse] ☎ {escape(step.number)} [/]{score}")
    else:
        lines.append(f"[b red]{t('campaign.no_number')}[/]")
    if step.permission.allowed:
        lines.append(f"[green]{t('campaign.consent_ok')}[/]")
    else:
        warning = t(step.permission.warning_key) if step.permission.warning_key else ""
        lines.append(f"[b red]⚠ {escape(warning)} {t('campaign.consent_hint')}[/]")
    if step.attempts:
        last = t(f"campaign.outcome.{step.last_outcome}") if step.last_outcome else ""
        lines.append(t("campaign.attempt", number=step.attempts + 1, last=last))
    if step.waiting_until is not None:
        lines.append(t("campaign.waiting", when=format_datetime(step.waiting_until, short=True)))
    lines.append("")
    last_contact = card.last_contact
    if last_contact is not None:
        what = t(f"interaction.{last_contact.kind}")
        lines.append(
            t("touch.card.last_contact", when=format_date(last_contact.occurred_at), what=what)
        )
    else:
        lines.append(t("campaign.never_contacted"))
    if card.open_requests or card.followups:
        lines.append(
            f"{tn('campaign.open_requests', len(card.open_requests))} · "
            f"{tn('campaign.open_followups', len(card.followups))}"
        )
    for followup in card.followups[:2]:
        note = " ".join(followup.note.split())
        lines.append(f"  {format_date(followup.due_at)} {t('followup.' + followup.kind)}"
                     f"{': ' + escape(note) if note else ''}")  # fmt: skip
    for interaction in card.interactions[:RECENT]:
        outcome = f" ({t('outcome.' + interaction.outcome)})" if interaction.outcome else ""
        summary = " ".join(interaction.summary.split())
        lines.append(
            f"  [dim]{format_date(interaction.occurred_at)} "
            f"{t('interaction.' + interaction.kind)}{outcome}"
            f"{': ' + escape(summary) if summary else ''}[/]"
        )
    return "\n".join(lines)


def summary_text(summary: Summary) -> str:
    lines = [f"[b]{t('campaign.summary', name=escape(summary.name))}[/b]", ""]
    for state in ("done", "unreached", "skipped", "dropped", "open"):
        count = summary.states.get(state, 0)
        if count:
            lines.append(f"  {t('campaign.state.' + state)}: {count}")
    if summary.outcomes:
        lines.append("")
        for outcome, count in sorted(summary.outcomes.items()):
            lines.append(f"  {t('campaign.outcome.' + outcome)}: {count}")
    return "\n".join(lines)


class CampaignScreen(ReportsWorkerErrors, Screen[None]):
    """Step through one campaign."""

    DEFAULT_CSS = """
    CampaignScreen #campaign-progress { padding: 0 1; text-style: bold; }
    CampaignScreen #campaign-body { height: 1fr; padding: 0 2; }
    """

    BINDINGS = [
        Binding("escape", "pause", "campaign.key.pause", id="campaign.pause"),
        Binding("f2", "call", "campaign.key.call", id="campaign.call"),
        Binding("enter", "call", "campaign.key.call", id="campaign.call_enter", show=False),
        Binding("v", "service_call", "campaign.key.service", id="campaign.service"),
        Binding("s", "skip", "campaign.key.skip", id="campaign.skip"),
        Binding("o", "open_card", "campaign.key.card", id="campaign.card"),
    ]

    class Loaded(Message):
        def __init__(self, step: Step | None, card: CardData | None, summary: Summary) -> None:
            super().__init__()
            self.step, self.card, self.summary = step, card, summary

    def __init__(self, campaign_id: int) -> None:
        super().__init__()
        self.campaign_id = campaign_id
        self.step: Step | None = None
        self.summary: Summary | None = None
        self._busy = False

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="campaign-progress")
        with VerticalScroll(id="campaign-body"):
            yield Static("", id="campaign-person")
        yield AdvisorFooter()

    def on_mount(self) -> None:
        self._resume()

    @work(thread=True, group="campaign-write", exit_on_error=False)
    def _resume(self) -> None:
        from advisor_tui.services.campaigns.stepping import CampaignStatus, set_status
        from advisor_tui.storage.db import new_session

        with new_session(self.app.engine) as session:  # type: ignore[attr-defined]
            set_status(session, self.campaign_id, CampaignStatus.ACTIVE.value)
            session.commit()
        self.reload()

    @work(thread=True, exclusive=True, group="campaign-load", exit_on_error=False)
    def reload(self) -> None:
        from advisor_tui.services.campaigns.stepping import current_step, summary
        from advisor_tui.services.persons.card import load_card
        from advisor_tui.storage.db import new_session

        app = self.app
        now: datetime = app.clock()  # type: ignore[attr-defined]
        with new_session(app.engine) as session:  # type: ignore[attr-defined]
            step = current_step(session, self.campaign_id, now)
            card = load_card(session, step.person_id, now) if step is not None else None
            counts = summary(session, self.campaign_id)
        self.post_message(self.Loaded(step, card, counts))

    def on_campaign_screen_loaded(self, message: Loaded) -> None:
        self.step, self.summary = message.step, message.summary
        self._busy = False
        progress = self.query_one("#campaign-progress", Static)
        body = self.query_one("#campaign-person", Static)
        if message.step is None or message.card is None:
            progress.update(f"{escape(message.summary.name)}  ·  {t('campaign.finished')}")
            body.update(summary_text(message.summary))
            return
        step = message.step
        place = t("campaign.progress", place=step.place, total=step.total)
        progress.update(f"{escape(step.campaign_name)}  ·  {place}")
        body.update(step_text(step, message.card))

    def on_data_changed(self, message: DataChanged) -> None:
        if not self._busy:
            self.reload()

    def selected_person_id(self) -> int | None:
        return self.step.person_id if self.step is not None else None

    # -- keys -------------------------------------------------------------------

    def action_call(self) -> None:
        step = self.step
        if step is None or self._busy:
            return
        self._busy = True
        self._open_modal(step, ContactPurpose.ADVERTISING.value)

    def action_service_call(self) -> None:
        """A call for service only (no advertising): what is left without consent."""
        step = self.step
        if step is None or self._busy:
            return
        self._busy = True
        self._open_modal(step, ContactPurpose.SERVICE.value)

    @work(thread=True, group="campaign-modal", exit_on_error=False)
    def _open_modal(self, step: Step, purpose: str) -> None:
        from advisor_tui.services.contacts.addresses import contact_context
        from advisor_tui.storage.db import new_session

        app = self.app
        with new_session(app.engine) as session:  # type: ignore[attr-defined]
            context = contact_context(session, step.person_id, app.clock())  # type: ignore[attr-defined]

        def saved(result: ContactSaved | None) -> None:
            if result is None:
                self._busy = False
                return
            self._record(step, result)

        app.call_from_thread(app.push_screen, CampaignCallScreen(context, purpose), saved)

    @work(thread=True, group="campaign-write", exit_on_error=False)
    def _record(self, step: Step, result: ContactSaved) -> None:
        from advisor_tui.domain.models import Interaction
        from advisor_tui.services.campaigns.stepping import record_outcome
        from advisor_tui.storage.db import new_session
        from advisor_tui.storage.retry import retry_busy

        app = self.app

        def transaction() -> None:
            with new_session(app.engine) as session:  # type: ignore[attr-defined]
                interaction = session.get(Interaction, result.logged.interaction_id)
                outcome = (interaction.outcome if interaction else None) or "reached"
                address_id = interaction.address_id if interaction else None
                record_outcome(
                    session, step.entry_id, outcome, interaction_id=result.logged.interaction_id,
                    address_id=address_id or step.address_id, now=app.clock(),  # type: ignore[attr-defined]
                )  # fmt: skip
                session.commit()

        retry_busy(transaction)
        app.call_from_thread(broadcast, app, frozenset({step.person_id}))
        self.reload()

    def action_skip(self) -> None:
        step = self.step
        if step is None or self._busy:
            return
        self._busy = True
        self._skip(step)

    @work(thread=True, group="campaign-write", exit_on_error=False)
    def _skip(self, step: Step) -> None:
        from advisor_tui.services.campaigns.stepping import skip
        from advisor_tui.storage.db import new_session

        with new_session(self.app.engine) as session:  # type: ignore[attr-defined]
            skip(session, step.entry_id, expected_version=step.entry_version,
                 now=self.app.clock())  # type: ignore[attr-defined]  # fmt: skip
            session.commit()
        self.reload()

    def action_open_card(self) -> None:
        if self.step is not None:
            self.app.open_card(self.step.person_id)  # type: ignore[attr-defined]

    def action_pause(self) -> None:
        self._pause()

    @work(thread=True, group="campaign-write", exit_on_error=False)
    def _pause(self) -> None:
        from advisor_tui.services.campaigns.stepping import CampaignStatus, set_status
        from advisor_tui.storage.db import new_session

        with new_session(self.app.engine) as session:  # type: ignore[attr-defined]
            set_status(session, self.campaign_id, CampaignStatus.PAUSED.value)
            session.commit()
        self.app.call_from_thread(self.app.notify, t("campaign.paused"))
        self.app.call_from_thread(self.dismiss)
