"""`advisor db status|upgrade`: the schema of the database, changed only when asked.

A SQLite file is upgraded automatically on open (after a backup); a shared
PostgreSQL database only by `advisor db upgrade`, once everyone in the office
runs the new version. The upgrade holds an advisory lock: a colleague starting
one at the same moment is told so instead of waiting.
"""

from __future__ import annotations

import argparse

from advisor_tui.commands.context import CliContext, common_options
from advisor_tui.i18n import t

NAME = "db"
HELP_KEY = "cli.cmd.db"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="db_action", metavar="ACTION", required=True)
    for action in ("status", "upgrade"):
        text = t(f"db.cmd.{action}")
        actions.add_parser(action, help=text, description=text, parents=[common_options()])


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    from advisor_tui.storage.db import open_engine
    from advisor_tui.storage.migrate import (
        current_revision,
        head_revision,
        upgrade_to_head,
        where,
    )

    engine = open_engine(ctx.database_url, migrate=False)
    try:
        before = current_revision(engine)
        head = head_revision()
        if args.db_action == "status":
            current = before or t("db.status_none")
            print(t("db.status", where=where(engine), current=current, head=head))
            return 0
        if before == head:
            print(t("db.up_to_date", head=head))
            return 0
        backup = upgrade_to_head(engine, explicit=True)
        print(t("db.upgraded", before=before or t("db.status_none"), head=head))
        if backup is not None:
            print(t("db.backup_before", path=backup))
        return 0
    finally:
        engine.dispose()
