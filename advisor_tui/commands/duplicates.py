"""`advisor duplicates`: likely duplicate pairs in the stored data, with the evidence."""

from __future__ import annotations

import argparse

from advisor_tui.commands.context import CliContext
from advisor_tui.i18n import t

NAME = "duplicates"
HELP_KEY = "cli.cmd.duplicates"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help=t("cli.opt.json"))


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    from advisor_tui.services.duplicates.listing import pair_views
    from advisor_tui.services.duplicates.pairs import find_duplicates

    with ctx.session() as session:
        if args.json:
            pairs = find_duplicates(session)
            ctx.print_json({"pairs": [p.as_dict() for p in pairs]})
            return 0 if pairs else 1
        views = pair_views(session)
    if not views:
        print(t("duplicates.none"))
        return 1
    from rich.console import Console
    from rich.table import Table

    table = Table(title=t("duplicates.count", count=len(views)), title_justify="left")
    table.add_column(t("duplicates.col.pair"))
    table.add_column(t("duplicates.col.reasons"))
    table.add_column(t("duplicates.col.conflicts"))
    for view in views:
        who = f"#{view.first_id} {view.first_name}\n#{view.second_id} {view.second_name}"
        table.add_row(who, "\n".join(view.reasons), ", ".join(view.conflicts))
    Console().print(table)
    return 0
