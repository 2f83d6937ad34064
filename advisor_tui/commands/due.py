"""`advisor due [--until DATE] [--json]`: open follow-ups up to a day, overdue ones always.

Exit status 0 (also when nothing is due); 2 when --until is no date. The same
`services.followups.agenda` as the TUI's agenda screen.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from advisor_tui.commands.context import CliContext, UsageError
from advisor_tui.i18n import t, tn

if TYPE_CHECKING:
    from datetime import datetime

    from advisor_tui.services.followups.agenda import Agenda

NAME = "due"
HELP_KEY = "due.cmd.help"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--until", metavar="DATE", help=t("due.opt.until"))
    parser.add_argument("--mine", action="store_true", help=t("due.opt.mine"))
    parser.add_argument("--json", action="store_true", help=t("cli.opt.json"))


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    from datetime import time

    from advisor_tui.domain.timestamps import local, utcnow
    from advisor_tui.services.birthdays import upcoming_birthdays
    from advisor_tui.services.followups.agenda import agenda
    from advisor_tui.services.followups.timing import MomentError, end_of_day, parse_moment

    now = utcnow()
    if args.until is None:
        until = end_of_day(local(now).date())
    else:
        try:
            until = parse_moment(args.until, now, default_time=time.max)
        except MomentError:
            raise UsageError(t("due.bad_until", text=args.until)) from None
    with ctx.session() as session:
        from advisor_tui.storage.authorship import current_name

        mine = current_name() if args.mine else None
        result = agenda(session, now, until, region=ctx.settings.region, mine=mine)
        result.birthdays = upcoming_birthdays(session, now, region=ctx.settings.region)
    if args.json:
        ctx.print_json([{**item.as_json(), "section": item.section.value} for item in result.items])
    else:
        _print(result, until)
    return 0


def _print(result: Agenda, until: datetime) -> None:
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    from advisor_tui.i18n.dates import format_date, format_datetime

    if not result.items:
        print(t("due.none", date=format_date(until)))
        _print_birthdays(result)
        return
    table = Table(box=None, pad_edge=False, show_edge=False, header_style="bold")
    for key in ("due", "person", "number", "kind", "reason", "attempts"):
        table.add_column(t(f"agenda.col.{key}"), no_wrap=key not in ("reason", "person"))
    for item in result.items:
        due = escape(format_datetime(item.due_at))
        if item.overdue:
            due = f"[b red]{due} {t('due.overdue_mark')}[/]"
        if item.snoozed_until is not None:
            snoozed = t("agenda.snoozed_until", when=format_datetime(item.snoozed_until))
            due += f"\n[dim]{escape(snoozed)}[/]"
        table.add_row(
            due,
            escape(item.person_name),
            escape(item.number) or f"[dim]{t('due.no_number')}[/]",
            t(f"followup.{item.kind}"),
            escape(item.reason),
            tn("agenda.attempts", item.attempts) if item.attempts > 1 else "",
        )
    console = Console()
    if not console.is_terminal:  # piped into a script or a file: one row per line
        console = Console(width=200)
    console.print(table)
    _print_birthdays(result)


def _print_birthdays(result: Agenda) -> None:
    """Upcoming birthdays with the last real contact and open items (a greeting is not care)."""
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    from advisor_tui.domain.timestamps import local
    from advisor_tui.services.birthdays import DAYS_AHEAD, context_text, when_text

    if not result.birthdays:
        return
    today = local(result.now).date()
    table = Table(box=None, pad_edge=False, show_edge=False, show_header=False)
    for _ in range(4):
        table.add_column()
    for item in result.birthdays:
        table.add_row(
            when_text(item, today), escape(item.name), escape(item.number) or "–",
            escape(context_text(item)),
        )  # fmt: skip
    console = Console()
    if not console.is_terminal:
        console = Console(width=200)
    console.print()
    console.print(f"[b]{escape(t('birthday.due_heading', days=DAYS_AHEAD))}[/]")
    console.print(table)
