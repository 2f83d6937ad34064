"""Phone campaigns: the list (Enter resumes one where it was paused), and a new one
from a filter (`n`)."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Checkbox, DataTable, Header, Input, Label, Select, Static

from advisor_tui.domain.flags import FLAGS
from advisor_tui.i18n import t
from advisor_tui.i18n.errors import describe_error
from advisor_tui.services.campaigns.criteria import Criteria
from advisor_tui.services.campaigns.stepping import Summary
from advisor_tui.services.errors import ServiceError
from advisor_tui.tui.messages import DataChanged
from advisor_tui.tui.screens.form import FormScreen
from advisor_tui.tui.widgets.footer import AdvisorFooter
from advisor_tui.tui.worker_errors import ReportsWorkerErrors

KINDS = {
    "both": ("customer", "prospect"),
    "customer": ("customer",),
    "prospect": ("prospect",),
}


class NewCampaignScreen(FormScreen[tuple[str, Criteria]]):
    """Name and filter of a new campaign; dismisses with them."""

    DEFAULT_CSS = """
    NewCampaignScreen { align: center middle; }
    NewCampaignScreen #campaign-form { width: 80; max-width: 100%; height: auto; max-height: 100%; }
    """

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog", id="campaign-form"):
            yield Static(t("campaign.new.title"), classes="dialog-title")
            yield Label(t("campaign.new.name"))
            yield Input(id="name")
            with Horizontal(classes="form-row"):
                with Vertical():
                    yield Label(t("campaign.new.kind"))
                    yield Select([(t(f"campaign.kinds.{k}"), k) for k in KINDS], value="both",
                                 allow_blank=False, id="kind")  # fmt: skip
                with Vertical():
                    yield Label(t("campaign.new.weeks"))
                    yield Input("8", id="weeks")
            with Horizontal(classes="form-row"):
                with Vertical():
                    yield Label(t("campaign.new.flag"))
                    yield Select([(f"{f.symbol} {t(f.label_key)}", f.key.value) for f in FLAGS],
                                 prompt=t("campaign.new.any"), id="flag")  # fmt: skip
                with Vertical():
                    yield Label(t("campaign.new.tag"))
                    yield Input(id="tag")
            yield Label(t("campaign.new.stability"))
            yield Input(id="stability")
            yield Checkbox(t("campaign.opt.birthday"), id="birthday")
            yield Checkbox(t("campaign.opt.consent"), id="consent")
            yield from self.form_footer()

    def on_mount(self) -> None:
        self.query_one("#name", Input).focus()

    def _number(self, widget_id: str) -> int | None:
        text = self.query_one(f"#{widget_id}", Input).value.strip()
        if not text:
            return None
        if not text.isdigit():
            raise ValueError(text)
        return int(text)

    def action_save(self) -> None:
        name = self.query_one("#name", Input).value.strip()
        if not name:
            self.show_error(t("campaign.err.name"))
            return
        try:
            weeks, stability = self._number("weeks"), self._number("stability")
        except ValueError as exc:
            self.show_error(t("campaign.err.number", text=str(exc)))
            return
        flag = self.query_one("#flag", Select).value
        criteria = Criteria(
            kinds=KINDS[str(self.query_one("#kind", Select).value)],
            not_contacted_weeks=weeks,
            flag=flag if isinstance(flag, str) else None,
            tag=self.query_one("#tag", Input).value.strip() or None,
            birthday_this_month=self.query_one("#birthday", Checkbox).value,
            phone_consent=self.query_one("#consent", Checkbox).value,
            min_stability=stability,
        )
        try:
            criteria.check()
        except ServiceError as exc:
            self.show_error(describe_error(exc))
            return
        self.dismiss((name, criteria))


class CampaignsScreen(ReportsWorkerErrors, Screen[None]):
    """Every campaign with its progress; Enter resumes, `n` starts a new one."""

    DEFAULT_CSS = """
    CampaignsScreen #campaigns-table { height: 1fr; margin: 0 1; }
    CampaignsScreen #campaigns-title { padding: 0 1; text-style: bold; }
    CampaignsScreen #campaigns-empty { height: 1fr; content-align: center middle; }
    """

    BINDINGS = [
        Binding("escape", "app.pop_screen", "key.back", id="campaigns.back"),
        Binding("enter", "resume", "campaign.key.resume", id="campaigns.resume"),
        Binding("n", "new", "campaign.key.new", id="campaigns.new"),
    ]

    class Loaded(Message):
        def __init__(self, found: list[Summary]) -> None:
            super().__init__()
            self.found = found

    def __init__(self) -> None:
        super().__init__()
        self.found: list[Summary] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(t("campaign.list.title"), id="campaigns-title")
        yield DataTable(id="campaigns-table", cursor_type="row")
        yield Static(t("campaign.list.empty"), id="campaigns-empty")
        yield AdvisorFooter()

    def on_mount(self) -> None:
        self.reload()

    @work(thread=True, exclusive=True, group="campaigns-load", exit_on_error=False)
    def reload(self) -> None:
        from advisor_tui.services.campaigns.stepping import campaigns
        from advisor_tui.storage.db import new_session

        with new_session(self.app.engine) as session:  # type: ignore[attr-defined]
            found = campaigns(session)
        self.post_message(self.Loaded(found))

    def on_campaigns_screen_loaded(self, message: Loaded) -> None:
        self.found = message.found
        table = self.query_one("#campaigns-table", DataTable)
        table.clear(columns=True)
        for key in ("name", "status", "progress"):
            table.add_column(t(f"campaign.col.{key}"), key=key)
        for s in self.found:
            table.add_row(s.name, t(f"campaign.status.{s.status}"),
                          t("campaign.done_of", done=s.finished, total=s.total))  # fmt: skip
        table.display = bool(self.found)
        self.query_one("#campaigns-empty").display = not self.found
        if self.found:
            table.focus()

    def on_data_changed(self, message: DataChanged) -> None:
        self.reload()

    def on_screen_resume(self) -> None:
        self.reload()

    def _selected(self) -> Summary | None:
        if not self.found:
            return None
        row = self.query_one("#campaigns-table", DataTable).cursor_row
        return self.found[row] if 0 <= row < len(self.found) else None

    @on(DataTable.RowSelected, "#campaigns-table")
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_resume()

    def action_resume(self) -> None:
        from advisor_tui.tui.screens.campaign import CampaignScreen

        chosen = self._selected()
        if chosen is not None:
            self.app.push_screen(CampaignScreen(chosen.campaign_id))

    def action_new(self) -> None:
        def entered(result: tuple[str, Criteria] | None) -> None:
            if result is not None:
                self._create(*result)

        self.app.push_screen(NewCampaignScreen(), entered)

    @work(thread=True, group="campaigns-write", exit_on_error=False)
    def _create(self, name: str, criteria: Criteria) -> None:
        from advisor_tui.services.campaigns.building import create_campaign
        from advisor_tui.services.campaigns.stepping import summary
        from advisor_tui.storage.db import new_session
        from advisor_tui.tui.screens.campaign import CampaignScreen

        app = self.app
        with new_session(app.engine) as session:  # type: ignore[attr-defined]
            campaign = create_campaign(session, name, criteria, app.clock())  # type: ignore[attr-defined]
            session.commit()
            assert campaign.id is not None
            total = summary(session, campaign.id).total
        app.call_from_thread(app.notify, t("campaign.built", name=name, count=total))
        self.reload()
        if total:
            app.call_from_thread(app.push_screen, CampaignScreen(campaign.id))
