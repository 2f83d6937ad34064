"""`advisor duplicates`: likely duplicate pairs in the stored data, with the evidence."""

from __future__ import annotations

import argparse

from advisor_tui.commands.context import CliContext
from advisor_tui.i18n import t

NAME = "duplicates"
HELP_KEY = "cli.cmd.duplicates"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help=t("cli.opt.json"))


def _reason(reason: dict[str, str]) -> str:
    return t(f"duplicates.reason.{reason['kind']}", value=reason["value"])


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    from advisor_tui.services.duplicates import find_duplicates

    with ctx.session() as session:
        pairs = find_duplicates(session)
        names = {}
        if pairs and not args.json:
            from sqlmodel import col, select

            from advisor_tui.domain.models import Person

            ids = {i for p in pairs for i in (p.first_id, p.second_id)}
            query = select(Person).where(col(Person.id).in_(ids))
            names = {p.id: p.display_name for p in session.exec(query)}
    if args.json:
        ctx.print_json({"pairs": [p.as_dict() for p in pairs]})
        return 0 if pairs else 1
    if not pairs:
        print(t("duplicates.none"))
        return 1
    from rich.console import Console
    from rich.table import Table

    table = Table(title=t("duplicates.count", count=len(pairs)), title_justify="left")
    table.add_column(t("duplicates.col.pair"))
    table.add_column(t("duplicates.col.reasons"))
    table.add_column(t("duplicates.col.conflicts"))
    for pair in pairs:
        who = f"#{pair.first_id} {names.get(pair.first_id, '')}\n"
        who += f"#{pair.second_id} {names.get(pair.second_id, '')}"
        reasons = "\n".join(_reason(r) for r in pair.reasons)
        conflicts = ", ".join(t(f"import.conflict.{c}") for c in pair.conflicts)
        table.add_row(who, reasons, conflicts)
    Console().print(table)
    return 0
