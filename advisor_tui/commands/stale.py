"""`advisor stale N [--limit K] [--json]`: persons not contacted for N weeks.

Never-contacted persons first, then the oldest last contact first; restricted
persons are left out. Exit status 0 (also when everyone was in touch). The
same `services.persons.last_contact` as the list's column and the TUI's
palette entry.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from advisor_tui.commands.context import CliContext, UsageError
from advisor_tui.i18n import t, tn

if TYPE_CHECKING:
    from advisor_tui.services.persons.listing import PersonRow

NAME = "stale"
HELP_KEY = "stale.cmd.help"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("weeks", metavar="N", help=t("stale.opt.weeks"))
    parser.add_argument("--limit", type=int, metavar="K", help=t("stale.opt.limit"))
    parser.add_argument("--json", action="store_true", help=t("cli.opt.json"))


def _weeks(text: str) -> int:
    try:
        weeks = int(text)
    except ValueError:
        raise UsageError(t("stale.bad_weeks", text=text)) from None
    if weeks < 0:
        raise UsageError(t("stale.bad_weeks", text=text))
    return weeks


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    from advisor_tui.domain.timestamps import utcnow
    from advisor_tui.services.persons.last_contact import stale_persons
    from advisor_tui.services.persons.listing import rows_for_ids

    weeks = _weeks(args.weeks)
    now = utcnow()
    with ctx.session() as session:
        found = stale_persons(session, now, weeks, limit=args.limit)
        rows = rows_for_ids(session, [person_id for person_id, _ in found], now)
    if args.json:
        ctx.print_json(
            [
                {
                    "id": row.id,
                    "name": row.name,
                    "last_contact": row.last_contact.isoformat() if row.last_contact else None,
                    "hottest": row.hottest,
                }
                for row in rows
            ]
        )
    else:
        _print(rows, weeks)
    return 0


def _print(rows: list[PersonRow], weeks: int) -> None:
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    from advisor_tui.i18n.dates import format_date

    if not rows:
        print(tn("stale.none", weeks))
        return
    table = Table(box=None, pad_edge=False, show_edge=False, header_style="bold")
    table.add_column(t("customers.col.name"))
    table.add_column(t("touch.col.last_contact"), no_wrap=True)
    table.add_column(t("customers.col.hottest"))
    for row in rows:
        last = format_date(row.last_contact) if row.last_contact else t("touch.never")
        table.add_row(escape(row.name), last, escape(row.hottest))
    console = Console()
    if not console.is_terminal:  # piped into a script or a file: one row per line
        console = Console(width=200)
    console.print(table)
